"""The programme view's files read back: a one-page PDF (pdftotext), CSV and XLSX whose cells
a spreadsheet never runs as formulas, with awkward account names."""

from __future__ import annotations

import csv
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from tests_support import require_tool

from qbr_desktop.domain.attendance import AttendanceIndicator, Signal
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.programme.cadence_compliance import AccountRhythm, compliance
from qbr_desktop.domain.programme.evidence import HeldReview
from qbr_desktop.domain.programme.maturity import maturity
from qbr_desktop.domain.programme.metrics import SPECS, trend
from qbr_desktop.domain.programme.review_health import ActionTally, ReviewRecord
from qbr_desktop.exports.programme_files import write_programme
from qbr_desktop.services.programme import ProgrammeReport

QUARTER = Quarter(2026, 2)
NAMES = ("=cmd|' /C calc'!A0", "Acme & Co <b>bold</b>", "京都セラミック 🚀", "-2+3 Ltd",
         "@SUM(A1) GmbH", "Plain Corp")


def report() -> ProgrammeReport:
    reviews = []
    for number in range(24):
        name = NAMES[number % len(NAMES)]
        held_on = QUARTER.shifted(-(number % 5)).first_day + timedelta(days=10 + number)
        reviews.append(HeldReview(
            number, number % len(NAMES), name, "Dana", "Growth", held_on,
            AttendanceIndicator(Signal.GREEN if number % 3 else Signal.YELLOW, "x"),
            ReviewRecord(survey_score=6 + number % 5), ActionTally(number % 4 + 1, 4),
            customer_actions=1, slot_minutes=60, seconds_run=3000.0 + 60 * number,
            champion_aligned=number % 4 != 0, opportunities=number % 3 == 0,
            new_people=("Ana",) if number % 4 == 1 else (), health_before=60.0,
            health_after=60.0 + number % 9, health_shown=True, value_shown=number % 2 == 0))
    shown = trend(reviews, QUARTER)
    rhythms = [AccountRhythm(i, name, "Growth", (date(2025, 10, 1),)) for i, name in
               enumerate(NAMES)]
    lines = compliance(rhythms, QUARTER, ("Strategic", "Growth", "Core"))
    return ProgrammeReport(QUARTER, None, date(2026, 6, 20), shown,
                           {r.review_id: r for q in shown for r in q.reviews}, lines,
                           Decimal(0), maturity(reviews), len(reviews),
                           dict(enumerate(NAMES)), ("Dana",))


def test_the_pdf_is_one_page_with_every_metric_and_the_names(tmp_path: Path) -> None:
    require_tool("pdftotext")
    out = write_programme(report(), tmp_path / "programme.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert text.count("\f") <= 1  # one page
    assert "QBR programme · 2026Q2" in text
    for spec in SPECS:
        assert spec.label in text
    for quarter in ("2026Q2", "2026Q1", "2025Q4", "2025Q3", "2025Q2"):
        assert quarter in text
    assert "Acme & Co <b>bold</b>" in text  # escaped, not taken as markup
    assert "京都セラミック" in text
    assert "Maturity:" in text and "not enough data" in text


def test_csv_cells_are_inert_and_numbers_stay_numbers(tmp_path: Path) -> None:
    out = write_programme(report(), tmp_path / "programme.csv")
    with open(out, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:3] == ["Section", "Quarter", "Item"]
    cells = [cell for row in rows for cell in row]
    for cell in cells:  # signed health points ("+2.5") are plain numbers and stay so
        assert not cell.startswith(("=", "@", "\t", "\r")), cell
        if cell.startswith(("+", "-")):
            float(cell)
    assert "'=cmd|' /C calc'!A0" in cells and "'@SUM(A1) GmbH" in cells
    assert "'-2+3 Ltd" in cells
    metric_rows = [row for row in rows if row[0] == "metric"]
    assert len(metric_rows) == len(SPECS) * 5
    values = [row[5] for row in metric_rows if row[5]]
    assert values and all(float(v) >= -100 for v in values)  # plain numbers
    assert {row[0] for row in rows[1:]} == {"metric", "cadence", "maturity", "review"}


def test_xlsx_has_no_formula_and_numeric_values(tmp_path: Path) -> None:
    out = write_programme(report(), tmp_path / "programme.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Programme", "Reviews"]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    accounts = [row[2] for row in book["Reviews"].iter_rows(min_row=2, values_only=True)]
    assert "'=cmd|' /C calc'!A0" in accounts and "京都セラミック 🚀" in accounts
    values = [row[5] for row in book["Programme"].iter_rows(min_row=2, values_only=True)
              if row[0] == "metric" and row[5] is not None]
    assert values and all(isinstance(v, float | int) for v in values)


def test_an_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.pdf, \.csv or \.xlsx"):
        write_programme(report(), tmp_path / "programme.docx")
    assert not (tmp_path / "programme.docx").exists()


def test_an_empty_programme_still_writes(tmp_path: Path) -> None:
    empty = replace(report(), trend=trend([], QUARTER), reviews={}, cadence=(),
                    maturity=maturity([]), maturity_reviews=0)
    for suffix in (".pdf", ".csv", ".xlsx"):
        assert write_programme(empty, tmp_path / f"empty{suffix}").stat().st_size > 0

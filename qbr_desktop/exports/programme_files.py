"""The programme view as files for the CS leadership's own reporting: a one-page PDF, and
the same figures as CSV or XLSX in long form (one row per metric and quarter, per tier,
and per review behind a figure), ready to pivot.

Internal files: no customer reads them, so they carry account names and the CSM's own
judgement. Spreadsheet cells stay inert: CSV cells that a spreadsheet would run as a
formula get a leading quote (imports/csv_safety.py), and XLSX text is written as string
cells, never as formulas. Every file appears whole or not at all.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from qbr_desktop.atomic_files import replacing
from qbr_desktop.domain.programme.formatting import figure_text, value_text
from qbr_desktop.domain.programme.metrics import SPECS, Unit
from qbr_desktop.i18n import english, ui_label, ui_text
from qbr_desktop.imports.csv_safety import neutralise_cell, write_csv_atomically
from qbr_desktop.services.programme import ProgrammeReport

HEADER = ("Section", "Quarter", "Item", "Kind", "Target", "Value", "Shown", "Status",
          "Reviews", "Detail")
REVIEW_HEADER = ("Quarter", "Metric", "Account", "Held on", "Owner", "Counts towards",
                 "Detail")
Cell = str | float | int | None


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def summary_rows(report: ProgrammeReport) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for spec in SPECS:
        for shown in report.trend:
            figure = shown.of(spec.metric)
            rows.append(["metric", str(shown.quarter), spec.label, spec.kind.value,
                         english(spec.target_text), _number(figure.value),
                         value_text(spec.unit, figure.value), figure.status.value,
                         len(figure.contributions), figure.note.text()])
    for line in report.cadence:
        rows.append(["cadence", str(report.quarter), line.tier, "", "",
                     _number(line.rate), value_text(Unit.SHARE, line.rate), "",
                     len(line.due), line.note.text()])
    verdict = report.maturity
    rows.append(["maturity", str(report.quarter), verdict.stage.label, "", "", None, "", "",
                 report.maturity_reviews, verdict.reason.text()])
    return rows


def review_rows(report: ProgrammeReport) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for shown in report.trend:
        for spec in SPECS:
            for part in shown.of(spec.metric).contributions:
                review = report.reviews[part.review_id]
                rows.append([str(shown.quarter), spec.label, review.account_name,
                             review.held_on.isoformat(), review.owner,
                             "yes" if part.counts_towards else "no", part.note.text()])
    return rows


def write_programme(report: ProgrammeReport, out: Path) -> Path:
    """Write the view to `out`, as its suffix says (.pdf, .csv or .xlsx)."""
    suffix = out.suffix.lower()
    if suffix == ".pdf":
        return write_programme_pdf(report, out)
    if suffix == ".csv":
        rows = summary_rows(report) + [
            ["review", quarter, metric, "", "", None, account, counts, None,
             f"{held_on} · {owner} · {detail}"]
            for quarter, metric, account, held_on, owner, counts, detail in review_rows(report)]
        return write_csv_atomically(out, HEADER, rows)
    if suffix == ".xlsx":
        return write_programme_xlsx(report, out)
    raise ValueError(f"{out.name}: the programme view is written as .pdf, .csv or .xlsx")


def write_programme_xlsx(report: ProgrammeReport, out: Path) -> Path:
    import xlsxwriter

    with replacing(out) as temporary:
        book = xlsxwriter.Workbook(str(temporary), {"strings_to_formulas": False,
                                                   "strings_to_urls": False})
        bold = book.add_format({"bold": True})
        for name, header, rows in (("Programme", HEADER, summary_rows(report)),
                                   ("Reviews", REVIEW_HEADER, review_rows(report))):
            sheet = book.add_worksheet(name)
            for column, title in enumerate(header):
                sheet.write_string(0, column, title, bold)
            for number, row in enumerate(rows, start=1):
                for column, cell in enumerate(row):
                    _write_cell(sheet, number, column, cell)
            sheet.freeze_panes(1, 0)
            sheet.set_column(0, len(header) - 1, 18)
        book.close()
    return out


def _write_cell(sheet: Any, row: int, column: int, cell: Cell) -> None:
    if cell is None:
        return
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        sheet.write_number(row, column, cell)
    else:
        # A string cell is never evaluated; the quote also keeps it inert when the
        # sheet is saved again as CSV.
        sheet.write_string(row, column, neutralise_cell(str(cell)))


# The one-page PDF ---------------------------------------------------------------------------
def pdf_flowables(report: ProgrammeReport, width: float) -> list[Any]:
    from reportlab.platypus import Spacer

    from qbr_desktop.exports.brief_pdf import para, table
    from qbr_desktop.exports.pdf_fonts import styles

    sheet = styles(8.5)
    whose = f"{report.owner}'s accounts" if report.owner else "all accounts"
    story: list[Any] = [
        para(f"QBR programme · {report.quarter}", sheet["h1"]),
        para(f"{whose} · {len(report.current.reviews)} reviews held in {report.quarter} · "
             f"as of {report.today.isoformat()}", sheet["muted"], limit=200),
        Spacer(1, 6)]
    quarters = [str(q.quarter) for q in report.trend]
    rows = [[ui_label(spec.label), ui_text(spec.target_text), *[figure_text(q.of(spec.metric))
                                             for q in report.trend]] for spec in SPECS]
    first = width * 0.24
    target = width * 0.14
    rest = (width - first - target) / len(quarters)
    story.append(table(["Metric", "Target", *quarters], rows,
                       [first, target, *[rest] * len(quarters)], sheet, limit=80))
    story += [Spacer(1, 8), para(f"Cadence in {report.quarter}: accounts due a review "
                                 "that held one", sheet["h3"])]
    cadence = [[line.tier, str(len(line.due)), str(len(line.complied)),
                value_text(Unit.SHARE, line.rate), str(len(line.early)),
                ", ".join(report.account_names.get(a, "") for a in line.missed)]
               for line in report.cadence]
    story.append(table(["Tier", "Due", "Held", "Rate", "Held early", "Missed"], cadence,
                       [width * 0.14, width * 0.07, width * 0.07, width * 0.08, width * 0.09,
                        width * 0.55], sheet, limit=400))
    verdict = report.maturity
    story += [Spacer(1, 8),
              para(f"Maturity: {verdict.stage.label}", sheet["h3"]),
              para(verdict.reason.text(), sheet["body"], limit=400)]
    if verdict.next_step is not None:
        story.append(para(verdict.next_step.text(), sheet["muted"], limit=300))
    story.append(para("Figures from fewer than 3 reviews say “not enough data”. Targets the "
                      "reference leaves open are set at 90% of reviews.", sheet["muted"]))
    return story


def write_programme_pdf(report: ProgrammeReport, out: Path) -> Path:
    """One landscape page; a long cadence list shrinks to fit rather than spill over."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import BaseDocTemplate, Frame, KeepInFrame, PageTemplate

    from qbr_desktop.exports.pdf_fonts import register_fonts

    fonts = register_fonts()
    margin = 32.0
    with replacing(out) as temporary:
        doc = BaseDocTemplate(str(temporary), pagesize=landscape(A4), leftMargin=margin,
                              rightMargin=margin, topMargin=margin, bottomMargin=margin,
                              title=f"QBR programme {report.quarter}", creator="QBR Desktop",
                              initialFontName=fonts.main_font)
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="page",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        doc.build([KeepInFrame(doc.width, doc.height, pdf_flowables(report, doc.width),
                               mode="shrink")])
    return out

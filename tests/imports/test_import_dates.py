"""Dates and quarters in the formats exports use, and the day-first question."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from qbr_desktop.domain.periods import EARLIEST_YEAR, LATEST_YEAR, Quarter
from qbr_desktop.imports.dates import (
    AmbiguousDate,
    date_order_evidence,
    excel_serial_date,
    infer_day_first,
    parse_date,
    parse_period,
)
from qbr_desktop.imports.values import ValueProblem

DEC_31 = date(2026, 12, 31)


@pytest.mark.parametrize("text", [
    "2026-12-31", "2026-12-31T00:00:00", "2026-12-31 09:30", "2026-12-31T09:30:00Z",
    "2026-12-31T09:30:00+02:00", "31/12/2026", "12/31/2026", "31.12.2026", "31. 12. 2026",
    "2026/12/31", "2026.12.31", "Dec 31, 2026", "December 31 2026", "Dec. 31st, 2026",
    "31 Dec 2026", "31-Dec-2026", "31-dec-26", "2026年12月31日", "12/31/26", "31/12/2026 17:45",
    "12/31/2026 5:45 PM",
])
def test_every_common_format(text: str) -> None:
    assert parse_date(text) == DEC_31


def test_workbook_dates_are_already_dates() -> None:
    assert parse_date(datetime(2026, 12, 31, 0, 0)) == DEC_31
    assert parse_date(DEC_31) == DEC_31
    assert parse_date(46387) == DEC_31  # a serial number in a cell not formatted as a date
    assert excel_serial_date(45658.75) == date(2025, 1, 1)
    with pytest.raises(ValueProblem):
        excel_serial_date(0)


def test_an_ambiguous_date_asks_to_choose() -> None:
    with pytest.raises(AmbiguousDate, match="could be 5 June 2026 or 6 May 2026; choose"):
        parse_date("05/06/2026")
    assert parse_date("05/06/2026", day_first=True) == date(2026, 6, 5)
    assert parse_date("05/06/2026", day_first=False) == date(2026, 5, 6)
    assert parse_date("06/06/2026") == date(2026, 6, 6)  # the same either way


def test_an_explicit_order_still_refuses_impossible_dates() -> None:
    with pytest.raises(ValueProblem, match="not a real date"):
        parse_date("31/12/2026", day_first=False)
    with pytest.raises(ValueProblem, match="not a real date"):
        parse_date("31/02/2026")
    with pytest.raises(ValueProblem, match="not a real date"):
        parse_date("13/13/2026")


def test_dotted_dates_are_day_first_everywhere() -> None:
    assert parse_date("05.06.2026") == date(2026, 6, 5)


@pytest.mark.parametrize("text", ["", "soon", "2026-13-01", "Smarch 3, 2026", "31/12", "12:30"])
def test_not_dates(text: str) -> None:
    with pytest.raises(ValueProblem):
        parse_date(text)


def test_the_column_decides_from_its_unambiguous_cells() -> None:
    assert date_order_evidence("31/03/2026") is True
    assert date_order_evidence("03/31/2026") is False
    assert date_order_evidence("03/04/2026") is None
    assert date_order_evidence("2026-03-04") is None
    assert infer_day_first(["03/04/2026", "31/03/2026"]) is True
    assert infer_day_first(["03/04/2026", "12/31/2026"]) is False
    assert infer_day_first(["03/04/2026"]) is None
    assert infer_day_first(["31/03/2026", "12/31/2026"]) is None  # contradictory


@pytest.mark.parametrize(("text", "quarter"), [
    ("2026Q3", Quarter(2026, 3)), ("2026-Q3", Quarter(2026, 3)), ("2026 q3", Quarter(2026, 3)),
    ("Q3 2026", Quarter(2026, 3)), ("Q3-26", Quarter(2026, 3)), ("FY2026 Q1", Quarter(2026, 1)),
    ("2026年第三季度", Quarter(2026, 3)), ("2026年3季度", Quarter(2026, 3)),
    ("2026-08-01", Quarter(2026, 3)), ("31/03/2026", Quarter(2026, 1)),
    ("Dec 31, 2026", Quarter(2026, 4)),
])
def test_periods(text: str, quarter: Quarter) -> None:
    assert parse_period(text) == quarter


def test_periods_from_workbook_dates() -> None:
    assert parse_period(datetime(2026, 5, 1)) == Quarter(2026, 2)


def test_bad_and_ambiguous_periods() -> None:
    with pytest.raises(ValueProblem, match="not a quarter or a date"):
        parse_period("Q5 2026")
    with pytest.raises(AmbiguousDate):
        parse_period("05/06/2026")
    assert parse_period("05/06/2026", day_first=False) == Quarter(2026, 2)


@pytest.mark.parametrize(("value", "shown"), [
    ("0999Q2", "0999Q2"), ("0999-06-30", "0999-06-30"), ("0001-01-01", "0001-01-01"),
    ("9999Q4", "9999Q4"), ("Q1 1989", "Q1 1989"), ("2101-01-01", "2101-01-01"),
    ("Q3 0000", "Q3 0000"), (datetime(1, 1, 1), "0001-01-01"), (date(9999, 12, 31), "9999-12-31"),
])
def test_periods_outside_the_years_a_portfolio_can_hold_are_refused(value: object,
                                                                    shown: str) -> None:
    with pytest.raises(ValueProblem, match=f"“{shown}” is in the year .*; quarters from "
                                           f"{EARLIEST_YEAR} to {LATEST_YEAR} can be imported"):
        parse_period(value)  # type: ignore[arg-type]


def test_the_first_and_last_importable_quarters() -> None:
    assert parse_period(f"{EARLIEST_YEAR}Q1") == Quarter(EARLIEST_YEAR, 1)
    assert parse_period(f"{LATEST_YEAR}-12-31") == Quarter(LATEST_YEAR, 4)
    assert parse_period(f"Q1-{EARLIEST_YEAR % 100:02d}") == Quarter(EARLIEST_YEAR, 1)

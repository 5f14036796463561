"""Calendar quarters: parsing, shifting, and the quarter a day falls in."""

from __future__ import annotations

from datetime import date

import pytest

from qbr_desktop.domain.periods import Quarter


@pytest.mark.parametrize(
    ("text", "quarter"),
    [
        ("2026Q3", Quarter(2026, 3)),
        ("2026q1", Quarter(2026, 1)),
        ("2026-Q4", Quarter(2026, 4)),
        (" 2026 Q 2 ", Quarter(2026, 2)),
        ("1999Q4", Quarter(1999, 4)),
    ],
)
def test_parse(text: str, quarter: Quarter) -> None:
    assert Quarter.parse(text) == quarter


@pytest.mark.parametrize("text", ["2026Q5", "2026Q0", "26Q1", "Q3 2026", "2026", "", "2026Q3x"])
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="not a quarter"):
        Quarter.parse(text)


def test_str_round_trips_through_parse() -> None:
    for quarter in (Quarter(2026, 1), Quarter(2030, 4)):
        assert str(quarter) == f"{quarter.year}Q{quarter.number}"
        assert Quarter.parse(str(quarter)) == quarter


@pytest.mark.parametrize("number", [0, 5, -1])
def test_quarter_number_must_be_one_to_four(number: int) -> None:
    with pytest.raises(ValueError, match="1-4"):
        Quarter(2026, number)


@pytest.mark.parametrize(
    ("start", "shift", "expected"),
    [
        (Quarter(2026, 3), 0, Quarter(2026, 3)),
        (Quarter(2026, 3), 1, Quarter(2026, 4)),
        (Quarter(2026, 4), 1, Quarter(2027, 1)),
        (Quarter(2026, 1), -1, Quarter(2025, 4)),
        (Quarter(2026, 2), 8, Quarter(2028, 2)),
        (Quarter(2026, 2), -9, Quarter(2024, 1)),
        (Quarter(2026, 1), -4, Quarter(2025, 1)),
    ],
)
def test_shifted(start: Quarter, shift: int, expected: Quarter) -> None:
    assert start.shifted(shift) == expected
    assert expected.shifted(-shift) == start


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 1), Quarter(2026, 1)),
        (date(2026, 3, 31), Quarter(2026, 1)),
        (date(2026, 4, 1), Quarter(2026, 2)),
        (date(2026, 6, 30), Quarter(2026, 2)),
        (date(2026, 7, 1), Quarter(2026, 3)),
        (date(2026, 9, 30), Quarter(2026, 3)),
        (date(2026, 10, 1), Quarter(2026, 4)),
        (date(2026, 12, 31), Quarter(2026, 4)),
        (date(2028, 2, 29), Quarter(2028, 1)),
    ],
)
def test_containing(day: date, expected: Quarter) -> None:
    assert Quarter.containing(day) == expected
    assert Quarter.containing(expected.first_day) == expected


def test_first_day() -> None:
    assert [Quarter(2026, n).first_day for n in range(1, 5)] == [
        date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1), date(2026, 10, 1)]


def test_quarters_order_chronologically() -> None:
    quarters = [Quarter(2027, 1), Quarter(2026, 4), Quarter(2026, 1), Quarter(2025, 4)]
    assert sorted(quarters) == [Quarter(2025, 4), Quarter(2026, 1), Quarter(2026, 4),
                                Quarter(2027, 1)]
    assert len({Quarter(2026, 1), Quarter.parse("2026Q1")}) == 1


@pytest.mark.parametrize("text", ["0Q1", "999Q2", "9999Q4", "1989Q4", "2101Q1", "0000Q1"])
def test_parse_rejects_years_outside_the_range(text: str) -> None:
    with pytest.raises(ValueError, match="is not a quarter"):
        Quarter.parse(text)


def test_the_range_ends_are_quarters() -> None:
    assert Quarter.parse("1990Q1") == Quarter(1990, 1)
    assert Quarter.parse("2100Q4") == Quarter(2100, 4)


@pytest.mark.parametrize("text", ["0Q1", "999Q2", "9999Q4", "2026q3", " 2026Q3", "2026-Q3",
                                  "2026Q5", "", None, 2026])
def test_a_bad_stored_period_reads_as_none(text: object) -> None:
    assert Quarter.stored(text) is None


def test_a_stored_period_reads_as_its_quarter() -> None:
    assert Quarter.stored("2026Q3") == Quarter(2026, 3)

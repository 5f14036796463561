"""Columns that are periods: the wide layout of usage exports, one column per month or quarter.

Product-analytics and customer-success tools export a metric over time as one row per
account (and metric) with a column per period: "Jan 2026", "2026-02", "Q1 2026",
"2026年3月", or a metric and its period together ("Active users Jan 2026", "Logins
(2026-02)"). These columns need no mapping: a header that reads as a period (with, at most,
a metric's name before or after it) is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from qbr_desktop.imports.dates import (
    AmbiguousDate,
    PeriodPoint,
    date_order_evidence,
    read_period,
)
from qbr_desktop.imports.fields import metric_key_for
from qbr_desktop.imports.values import ValueProblem

#: Brackets, bars, colons and spaced dashes separate a metric's name from its period.
_SEPARATORS = re.compile(r"[()\[\]{}|:;,]|\s[-–—/]\s")
#: A period is written in at most this many words ("1er trimestre de 2026").
_PERIOD_WORDS = 4


@dataclass(frozen=True, slots=True)
class PeriodColumn:
    header: str
    point: PeriodPoint
    #: The metric the header names beside its period, or None (the row's metric column
    #: says which metric it is).
    metric: str | None = None

    @property
    def label(self) -> str:
        """'2026-01', '2026Q1', '2026-01-31': the period as a report lists it."""
        point = self.point
        if point.start is None:
            return str(point.quarter)
        if point.span.value == "month":
            return f"{point.start:%Y-%m}"
        return point.start.isoformat()


def read_period_header(header: str, *, day_first: bool | None = None) -> PeriodColumn | None:
    """The header as a period column, or None when it is not one (a plain metric, a
    name, a year alone). Raises AmbiguousDate for a date that reads both ways."""
    text = _SEPARATORS.sub(" ", header).strip()
    words = text.split()
    if not words or not any(c.isdigit() for c in text):
        return None
    for count in range(min(len(words), _PERIOD_WORDS), 0, -1):
        for period, rest in ((words[-count:], words[:-count]), (words[:count], words[count:])):
            point = _period(" ".join(period), day_first)
            if point is None:
                continue
            if not rest:
                return PeriodColumn(header, point)
            metric = metric_key_for(" ".join(rest))
            if metric is not None:
                return PeriodColumn(header, point, metric)
    return None


def _period(text: str, day_first: bool | None) -> PeriodPoint | None:
    if not any(c.isdigit() for c in text) or text.isdigit():
        return None  # "Logins" or "2026" (a year alone is not a period)
    try:
        return read_period(text, day_first=day_first)
    except AmbiguousDate:
        raise
    except ValueProblem:
        return None


def find_period_columns(headers: Iterable[str], *, skip: Iterable[str] = (),
                        day_first: bool | None = None,
                        ) -> tuple[tuple[PeriodColumn, ...], tuple[str, ...]]:
    """The period columns among `headers` (those in `skip` are mapped to fields), and the
    headers whose dates read both ways (05/06/2026) while the order is not chosen."""
    skipped = set(skip)
    candidates = [h for h in headers if h not in skipped]
    if day_first is None:  # the headers' unambiguous dates decide, as a column's cells do
        found = {e for h in candidates for w in h.split()
                 if (e := date_order_evidence(w)) is not None}
        day_first = found.pop() if len(found) == 1 else None
    columns: list[PeriodColumn] = []
    ambiguous: list[str] = []
    for header in candidates:
        try:
            column = read_period_header(header, day_first=day_first)
        except AmbiguousDate:
            ambiguous.append(header)
            continue
        if column is not None:
            columns.append(column)
    return tuple(columns), tuple(ambiguous)


def layout_headers(headers: Iterable[str], columns: Iterable[PeriodColumn]) -> list[str]:
    """The headers as a file layout is remembered by: every period column stands for "a
    period" (of its metric), once, so next month's export, with one month more and the
    first one gone, is still the same layout."""
    by_header = {column.header: column for column in columns}
    layout: list[str] = []
    seen: set[str] = set()
    for header in headers:
        column = by_header.get(header)
        if column is None:
            layout.append(header)
            continue
        token = f"period column {column.metric or ''}".strip()
        if token not in seen:
            seen.add(token)
            layout.append(token)
    return layout

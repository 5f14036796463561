"""Planning a metric history import: long, wide, or wide by period, months rolled up.

Long: one value per row (account, period, metric, value). Wide: one row per account and
period, one column per metric. Wide by period: one row per account (and metric), one column
per month or quarter (period_columns). Several may be mapped at once.

A period is a quarter ("2026Q1") or a part of one (a month, a date). The portfolio keeps one
value per (account, quarter, metric): the parts of a quarter are rolled up by the metric's
rule (domain.metric_rollup: the sum, the last value or the average) before they meet the
stored values. Reading the file once settles its columns' conventions and which accounts it
names (so the store loads only their values); deciding reads it again, and a file with
parts once more, so each quarter is decided from all its months before any row is reported.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from qbr_desktop.domain.metrics import METRICS_BY_KEY
from qbr_desktop.i18n import N_, Message, msg, msg_plural
from qbr_desktop.imports.account_match import AccountMatch
from qbr_desktop.imports.cells import (
    PERCENT_MARK,
    PERIOD_POINT,
    CellReader,
    ImportOptions,
    Problem,
    Severity,
)
from qbr_desktop.imports.dates import PeriodPoint, Span, quarter_label
from qbr_desktop.imports.fields import (
    METRIC_KEYS,
    FieldType,
    ImportKind,
    TargetField,
    fields_by_key,
)
from qbr_desktop.imports.period_columns import PeriodColumn, find_period_columns
from qbr_desktop.imports.plan import AccountLookup
from qbr_desktop.imports.table import SourceRow, SourceTable, listed
from qbr_desktop.imports.values import shown

_FIELDS = fields_by_key(ImportKind.METRICS)
#: The keys a period column's cells are read under (they are no field of their own).
PERIOD_COLUMN = "_period_column_"
#: Plausible ranges by unit, and for the scores that have their own scale.
_RANGES: dict[str, tuple[float, float]] = {
    "count": (0, 1e12), "percent": (-10, 10), "flag": (0, 1), "csat": (1, 5),
    "nps": (-100, 100),
}
#: (account id, quarter "2026Q3", metric key)
MetricKey = tuple[int, str, str]


class Contribution(NamedTuple):
    """One value a row gives: for a whole quarter, or (with a `start`) for a month or a
    date within it, to be rolled up."""

    quarter: str
    key: str
    start: date | None
    value: float
    column: str | None
    monthly: bool = False  # `start` is a month's first day (not a date of its own)


@dataclass(slots=True)
class MetricRow:
    number: int
    label: str | Message
    account_id: int | None
    #: The account as the file names it (for the report of the unmatched).
    account_text: str
    #: The quarter the row itself names (long and wide rows), if any.
    period: str | None
    contributions: list[Contribution] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: The row's metric column ("Active users"), for the label of a wide-by-period row.
    metric: str | None = None

    @property
    def rejected(self) -> bool:
        return self.account_id is None or bool(self.problems) and any(
            p.severity is Severity.ERROR for p in self.problems)

    def display(self, quarter: str) -> str:
        """'Acme Logistics 2026Q1': the account and a quarter, as messages name them."""
        return f"{self.account_text} {quarter}"


#: What a row without an account is called (a label's words come from `_label`).
NO_ACCOUNT = "(no account)"


def _range(key: str) -> tuple[float, float]:
    unit = METRICS_BY_KEY[key].unit
    return _RANGES.get(key) or _RANGES.get(unit, (-1e12, 1e12))


_RANGE_BY_KEY = {key: _range(key) for key in METRIC_KEYS}


#: A metric's unit as a problem names it ("Logins is a count, not a percentage").
UNIT_WORDS = {"count": N_("count"), "score": N_("score"), "percent": N_("percentage"),
              "flag": N_("yes/no flag")}


def _value_problem(key: str, value: float, percent: bool) -> Message | None:
    low, high = _RANGE_BY_KEY[key]
    if low <= value <= high and not percent:
        return None
    definition = METRICS_BY_KEY[key]
    if percent and definition.unit != "percent":
        return msg("{metric} is a {unit}, not a percentage", metric=msg(definition.label),
                   unit=msg(UNIT_WORDS[definition.unit]))
    if not low <= value <= high:
        return msg("{metric} of {value} is outside {low} to {high}",
                   metric=msg(definition.label), value=format(value, "g"), low=format(low, "g"),
                   high=format(high, "g"))
    return None


class MetricRows:
    """The file's rows read and resolved, one at a time, before they meet the stored values.

    Making it reads the file once (column conventions, which accounts it names, whether
    its periods are parts of quarters); each iteration reads the file again."""

    def __init__(self, table: SourceTable, mapping: Mapping[str, str], options: ImportOptions,
                 accounts: AccountLookup) -> None:
        self.table, self.accounts = table, accounts
        self.period_columns, ambiguous = find_period_columns(
            table.headers, skip=[h for h in mapping.values() if h], day_first=options.day_first)
        self._columns_by_key = {f"{PERIOD_COLUMN}{n}": column
                                for n, column in enumerate(self.period_columns)}
        fields = dict(_FIELDS) | {key: TargetField(key, column.header, FieldType.NUMBER)
                                  for key, column in self._columns_by_key.items()}
        read_mapping = dict(mapping) | {key: column.header
                                        for key, column in self._columns_by_key.items()}
        self._matched: dict[tuple[Any, Any], AccountMatch] = {}
        self.account_ids: set[int] = set()
        self._noted: set[tuple[Any, Any]] = set()
        self._account_columns: tuple[int | None, int | None] | None = None
        self._period_index = table.column(mapping["period"]) if mapping.get("period") else None
        self._is_part: dict[str, bool] = {}
        #: True when some periods are months or dates: their quarters are rolled up.
        self.rolls_up = any(column.point.is_part for column in self.period_columns)
        self.reader = CellReader(table, read_mapping, fields, options, also=self._note_row)
        self.mapping = {k: v for k, v in self.reader.headers.items()
                        if k not in self._columns_by_key}
        notices = list(table.notices)
        if ambiguous:
            quoted = [msg("“{column}”", column=shown(h)) for h in ambiguous[:5]]
            notices.append(msg("The columns {columns} could put the day or the month first; "
                               "choose the date order to import them.",
                               columns=quoted[0] if len(quoted) == 1 else listed(quoted)))
        self.ambiguous_headers = ambiguous
        self.notices = tuple(notices)

    @property
    def needs_date_order(self) -> bool:
        return self.reader.ambiguous_dates or bool(self.ambiguous_headers)

    def _match(self, key: tuple[Any, Any]) -> AccountMatch:
        found = self._matched.get(key)
        if found is None:
            found = self._matched[key] = self.accounts.match(*key)
        return found

    def _note_row(self, reader: CellReader, row: SourceRow) -> None:
        """During the first pass: which accounts the file names, and whether its period
        column holds months or dates (to be rolled up)."""
        if self._period_index is not None and not self.rolls_up:
            cell = row.cells[self._period_index]
            if type(cell) is str:
                text = cell.strip()
                part = self._is_part.get(text)
                if part is None:
                    part = self._is_part[text] = bool(text) and quarter_label(text) is None
                self.rolls_up = part
            elif cell is not None:
                self.rolls_up = True  # a workbook's date
        if self._account_columns is None:
            self._account_columns = (reader.index("account_external_id"),
                                     reader.index("account"))
        external, named = self._account_columns
        raw = (None if external is None else row.cells[external],
               None if named is None else row.cells[named])
        if raw in self._noted:  # a file names a few accounts many times over
            return
        if len(self._noted) < 100_000:
            self._noted.add(raw)
        found = self._match((reader.text(row, "account_external_id"),
                             reader.text(row, "account")))
        if found.account_id is not None:
            self.account_ids.add(found.account_id)

    def __iter__(self) -> Iterator[MetricRow]:
        reader = self.reader
        header = reader.header
        account_header = header("account_external_id") or header("account")
        period_header, value_header = header("period"), header("value")
        wide = [(k, header(k), PERCENT_MARK + k) for k in reader.headers if k in METRIC_KEYS]
        by_period = [(key, column, column.point) for key, column in self._columns_by_key.items()]
        long_format = "metric" in reader.headers and "value" in reader.headers
        labels: dict[tuple[str, str | None, str | None], str | Message] = {}
        names = self.accounts.names
        for source in self.table.rows:
            values, problems = reader.read(source)
            cache_key = (values.get("account_external_id"), values.get("account"))
            match = self._matched.get(cache_key) or self._match(cache_key)
            if match.reason or match.note:
                column = account_header if cache_key[0] else header("account")
                problems.append(Problem(column, match.reason) if match.reason else
                                Problem(column, match.note or "", Severity.WARNING))
            period: str | None = values.get("period")
            point: PeriodPoint | None = values.get(PERIOD_POINT + "period")
            row_metric: str | None = values.get("metric")
            at = point
            pairs: list[tuple[str, float, bool, str | None, PeriodPoint | None]] = []
            if long_format:
                if "metric" in values and "value" in values:
                    pairs.append((values["metric"], values["value"],
                                  PERCENT_MARK + "value" in values, value_header, at))
                elif ("metric" in values) != ("value" in values) and not problems:
                    missing = "value" if "metric" in values else "metric"
                    problems.append(Problem(header(missing), msg("the value is empty")
                                            if missing == "value" else msg("the metric is empty")))
            for key, column, mark in wide:
                if key in values:
                    pairs.append((key, values[key], mark in values, column, at))
            needs_period = bool(pairs) or not by_period
            for key, period_column, where in by_period:
                if key in values:
                    metric = period_column.metric or row_metric
                    if metric is None:
                        if not any(p.column == header("metric") for p in problems):
                            problems.append(Problem(header("metric"), msg("the metric is empty")))
                        continue
                    pairs.append((metric, values[key], PERCENT_MARK + key in values,
                                  period_column.header, where))
            if needs_period and period is None and not any(
                    p.column == period_header for p in problems):
                problems.append(Problem(period_header, msg("the quarter is empty")))
            display = (names[match.account_id] if match.account_id is not None
                       else shown(cache_key[1] or cache_key[0] or NO_ACCOUNT))
            label = _label(labels, display, period, point, row_metric if by_period else None)
            contributions: list[Contribution] = []
            for key, value, percent, column, place in pairs:
                message = _value_problem(key, value, percent)
                if message is not None:
                    problems.append(Problem(column, message))
                elif place is not None:
                    contributions.append(Contribution(place.stored, key, place.part_start,
                                                      value, column, place.monthly))
            yield MetricRow(source.number, label, match.account_id, display, period,
                            contributions, problems, row_metric)


def _label(labels: dict[tuple[str, str | None, str | None], str | Message], display: str,
           period: str | None, point: PeriodPoint | None, metric: str | None) -> str | Message:
    """'Acme Logistics 2026Q1', 'Acme Logistics 2026-01', 'Acme Logistics · Logins'."""
    when = (f"{point.start:%Y-%m}" if point is not None and point.span is Span.MONTH
            and point.start is not None else period) if metric is None else None
    key = (display, when, metric)
    label = labels.get(key)
    if label is None:
        if len(labels) > 100_000:
            labels.clear()
        account: str | Message = msg("(no account)") if display == NO_ACCOUNT else display
        if metric is not None:
            label = msg("{account} · {metric}", account=account, metric=msg(_FIELDS[metric].label))
        elif isinstance(account, Message):
            label = msg("{account} {period}", account=account, period=when) if when else account
        else:
            label = f"{display} {when}" if when else display
        labels[key] = label
    return label


def read_metric_rows(table: SourceTable, mapping: Mapping[str, str], options: ImportOptions,
                     accounts: AccountLookup) -> MetricRows:
    return MetricRows(table, mapping, options, accounts)


def already_given(key: str, display: str, first: int) -> Message:
    return msg("{field} for {where} was already given in row {row}",
               field=msg(_FIELDS[key].label), where=display, row=first)


def period_column_labels(columns: tuple[PeriodColumn, ...]) -> Message | str:
    """'12 monthly columns, 2025-01 to 2025-12': what a file's period columns hold."""
    if not columns:
        return ""
    spans = {column.point.span for column in columns}
    ordered = sorted(columns, key=lambda c: (c.point.quarter, c.point.start or c.point.quarter
                                             .first_day))
    first, last = ordered[0].label, ordered[-1].label
    if spans == {Span.MONTH}:
        return msg_plural("{count:,} monthly column, {first} to {last}",
                          "{count:,} monthly columns, {first} to {last}", len(columns),
                          first=first, last=last)
    if spans == {Span.QUARTER}:
        return msg_plural("{count:,} quarterly column, {first} to {last}",
                          "{count:,} quarterly columns, {first} to {last}", len(columns),
                          first=first, last=last)
    if spans == {Span.DAY}:
        return msg_plural("{count:,} dated column, {first} to {last}",
                          "{count:,} dated columns, {first} to {last}", len(columns),
                          first=first, last=last)
    return msg_plural("{count:,} period column, {first} to {last}",
                      "{count:,} period columns, {first} to {last}", len(columns),
                      first=first, last=last)

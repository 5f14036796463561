"""Planning a metric history import, in long or wide format.

Long: one value per row (account, quarter, metric, value). Wide: one row per account and
quarter, one column per metric. Both may be mapped at once. Values are upserted on
(account, quarter, metric): planning is split in two so the store loads only the stored
values of the accounts the file names.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from qbr_desktop.domain.metrics import METRICS_BY_KEY
from qbr_desktop.imports.cells import PERCENT_MARK, CellReader, ImportOptions, Problem, Severity
from qbr_desktop.imports.fields import METRIC_KEYS, ImportKind, fields_by_key
from qbr_desktop.imports.plan import AccountLookup, Action, ImportPlan, PlannedRow, Sink
from qbr_desktop.imports.table import SourceRow, SourceTable
from qbr_desktop.imports.values import shown

_FIELDS = fields_by_key(ImportKind.METRICS)
#: Plausible ranges by unit, and for the scores that have their own scale.
_RANGES: dict[str, tuple[float, float]] = {
    "count": (0, 1e12), "percent": (-10, 10), "flag": (0, 1), "csat": (1, 5),
    "nps": (-100, 100),
}
#: (account id, quarter "2026Q3", metric key)
MetricKey = tuple[int, str, str]


@dataclass(slots=True)
class MetricRow:
    number: int
    label: str
    account_id: int | None
    period: str | None
    values: dict[str, float] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _range(key: str) -> tuple[float, float]:
    unit = METRICS_BY_KEY[key].unit
    return _RANGES.get(key) or _RANGES.get(unit, (-1e12, 1e12))


_RANGE_BY_KEY = {key: _range(key) for key in METRIC_KEYS}


def _value_problem(key: str, value: float, percent: bool) -> str | None:
    definition = METRICS_BY_KEY[key]
    if percent and definition.unit != "percent":
        return f"{definition.label} is a {definition.unit}, not a percentage"
    low, high = _RANGE_BY_KEY[key]
    if not low <= value <= high:
        return f"{definition.label} of {value:g} is outside {low:g} to {high:g}"
    return None


class MetricRows:
    """The file's rows read and resolved, one at a time, before they meet the stored values.

    Making it reads the file once (column conventions, and which accounts it names, so the
    store loads only their values); iterating it reads the file again."""

    def __init__(self, table: SourceTable, mapping: Mapping[str, str], options: ImportOptions,
                 accounts: AccountLookup) -> None:
        self.table, self.accounts = table, accounts
        self._resolved: dict[tuple[Any, Any], tuple[int | None, str | None]] = {}
        self.account_ids: set[int] = set()
        self._columns: tuple[int | None, int | None] | None = None
        self._noted: set[tuple[Any, Any]] = set()
        self.reader = CellReader(table, mapping, _FIELDS, options, also=self._note_account)
        self.mapping = dict(self.reader.headers)
        self.notices = table.notices

    @property
    def needs_date_order(self) -> bool:
        return self.reader.ambiguous_dates

    def _resolve(self, key: tuple[Any, Any]) -> tuple[int | None, str | None]:
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = self.accounts.resolve(*key)
        return found

    def _note_account(self, reader: CellReader, row: SourceRow) -> None:
        if self._columns is None:
            self._columns = (reader.index("account_external_id"), reader.index("account"))
        external, name = self._columns
        raw = (None if external is None else row.cells[external],
               None if name is None else row.cells[name])
        if raw in self._noted:  # a file names a few accounts many times over
            return
        if len(self._noted) < 100_000:
            self._noted.add(raw)
        text = reader.text
        account_id = self._resolve((text(row, "account_external_id"), text(row, "account")))[0]
        if account_id is not None:
            self.account_ids.add(account_id)

    def __iter__(self) -> Iterator[MetricRow]:
        reader = self.reader
        header = reader.header
        account_header = header("account_external_id") or header("account")
        period_header, value_header = header("period"), header("value")
        wide = [(k, header(k), PERCENT_MARK + k) for k in reader.headers if k in METRIC_KEYS]
        long_format = "metric" in reader.headers and "value" in reader.headers
        # First row of each value, grouped by account and quarter: a file of millions of
        # values has far fewer groups, and one small dict per group costs a third as much.
        claimed: dict[tuple[int, str], dict[str, int]] = {}
        labels: dict[tuple[str, str | None], str] = {}
        error = Severity.ERROR
        for source in self.table.rows:
            values, problems = reader.read(source)
            cache_key = (values.get("account_external_id"), values.get("account"))
            account_id, reason = self._resolve(cache_key)
            if reason:
                problems.append(Problem(account_header, reason))
            period = values.get("period")
            if period is None and not any(p.column == period_header for p in problems):
                problems.append(Problem(period_header, "the quarter is empty"))
            pairs: list[tuple[str, float, bool, str | None]] = []
            if long_format:
                if "metric" in values and "value" in values:
                    pairs.append((values["metric"], values["value"],
                                  PERCENT_MARK + "value" in values, value_header))
                elif ("metric" in values) != ("value" in values) and not problems:
                    missing = "value" if "metric" in values else "metric"
                    problems.append(Problem(header(missing), f"the {missing} is empty"))
            for key, column, mark in wide:
                if key in values:
                    pairs.append((key, values[key], mark in values, column))
            if account_id is not None:
                display = self.accounts.names[account_id]
            else:
                display = shown(cache_key[1] or cache_key[0] or "(no account)")
            label = labels.get((display, period))
            if label is None:
                if len(labels) > 100_000:
                    labels.clear()
                label = labels[(display, period)] = f"{display} {period}" if period else display
            row = MetricRow(source.number, label, account_id, period, problems=problems)
            claim = account_id is not None and period is not None and not (
                problems and any(p.severity is error for p in problems))
            for key, value, percent, column in pairs:
                message = _value_problem(key, value, percent)
                if message is not None:
                    problems.append(Problem(column, message))
                    continue
                if claim:
                    group = claimed.get((account_id, period))  # type: ignore[arg-type]
                    if group is None:
                        group = claimed[(account_id, period)] = {}  # type: ignore[index]
                    first = group.setdefault(key, source.number)
                    if first != source.number:
                        problems.append(Problem(column, f"{_FIELDS[key].label} for {label} was "
                                                        f"already given in row {first}"))
                        continue
                row.values[key] = value
            yield row


def read_metric_rows(table: SourceTable, mapping: Mapping[str, str], options: ImportOptions,
                     accounts: AccountLookup) -> MetricRows:
    return MetricRows(table, mapping, options, accounts)


def decide_metrics(read: MetricRows, stored: Mapping[MetricKey, tuple[int, float]], *,
                   sink: Sink | None = None) -> ImportPlan:
    """Compare with the stored values: (id, value) by (account id, quarter, metric key).
    With a `sink`, rows for the store are handed to it in batches as they are decided."""
    plan = ImportPlan(ImportKind.METRICS, read.mapping, notices=read.notices, sink=sink)
    for row in read:
        if row.account_id is None or row.period is None or (row.problems and any(
                p.severity is Severity.ERROR for p in row.problems)):
            plan.rejected += 1
            plan.rows.append(PlannedRow(row.number, Action.REJECT, row.label, row.problems))
            continue
        created = updated = unchanged = 0
        for key, value in row.values.items():
            existing = stored.get((row.account_id, row.period, key))
            if existing is None:
                plan.insert({"account_id": row.account_id, "period": row.period,
                             "metric_key": key, "value": value})
                created += 1
            elif existing[1] != value:
                plan.update({"id": existing[0], "value": value})
                updated += 1
            else:
                unchanged += 1
        plan.created += created
        plan.updated += updated
        plan.unchanged += unchanged
        action = (Action.UPDATE if updated else Action.CREATE if created else Action.UNCHANGED)
        detail = _detail(created, updated, unchanged)
        if not row.values:
            row.problems.append(Problem(None, "the row has no metric values",
                                        Severity.WARNING))
        plan.rows.append(PlannedRow(row.number, action, row.label, row.problems, detail))
    plan.needs_date_order = read.needs_date_order
    return plan


_DETAILS: dict[tuple[int, int, int], tuple[str, ...]] = {}


def _detail(created: int, updated: int, unchanged: int) -> tuple[str, ...]:
    """'2 new', '1 updated'…: a wide row holds a handful of values, so the texts repeat."""
    counts = (created, updated, unchanged)
    text = _DETAILS.get(counts)
    if text is None:
        text = _DETAILS[counts] = tuple(
            f"{n} {what}" for n, what in zip(counts, ("new", "updated", "unchanged"), strict=True)
            if n)
    return text

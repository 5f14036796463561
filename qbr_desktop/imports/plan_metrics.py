"""Planning a metric history import, in long or wide format.

Long: one value per row (account, quarter, metric, value). Wide: one row per account and
quarter, one column per metric. Both may be mapped at once. Values are upserted on
(account, quarter, metric): planning is split in two so the store loads only the stored
values of the accounts the file names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from qbr_desktop.domain.metrics import METRICS_BY_KEY
from qbr_desktop.imports.cells import PERCENT_MARK, CellReader, ImportOptions, Problem, Severity
from qbr_desktop.imports.fields import METRIC_KEYS, ImportKind, fields_by_key
from qbr_desktop.imports.plan import AccountLookup, Action, ImportPlan, PlannedRow
from qbr_desktop.imports.table import SourceTable

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


@dataclass
class MetricRows:
    """The file's rows read and resolved, before they meet the stored values."""

    rows: list[MetricRow]
    mapping: dict[str, str]
    notices: tuple[str, ...]
    needs_date_order: bool

    @property
    def account_ids(self) -> set[int]:
        return {r.account_id for r in self.rows if r.account_id is not None}


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


def read_metric_rows(table: SourceTable, mapping: Mapping[str, str], options: ImportOptions,
                     accounts: AccountLookup) -> MetricRows:
    reader = CellReader(table, mapping, _FIELDS, options)
    header = reader.header
    account_header = header("account_external_id") or header("account")
    period_header, value_header = header("period"), header("value")
    wide = [(k, header(k), PERCENT_MARK + k) for k in reader.headers if k in METRIC_KEYS]
    long_format = "metric" in reader.headers and "value" in reader.headers
    resolved: dict[tuple[Any, Any], tuple[int | None, str | None]] = {}
    claimed: dict[MetricKey, int] = {}
    rows: list[MetricRow] = []
    error = Severity.ERROR
    for source in table.rows:
        values, problems = reader.read(source)
        cache_key = (values.get("account_external_id"), values.get("account"))
        found = resolved.get(cache_key)
        if found is None:
            found = resolved[cache_key] = accounts.resolve(*cache_key)
        account_id, reason = found
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
            display = accounts.names[account_id]
        else:
            display = cache_key[1] or cache_key[0] or "(no account)"
        label = f"{display} {period}" if period else display
        row = MetricRow(source.number, label, account_id, period, problems=problems)
        claim = account_id is not None and period is not None and not (
            problems and any(p.severity is error for p in problems))
        for key, value, percent, column in pairs:
            message = _value_problem(key, value, percent)
            if message is not None:
                problems.append(Problem(column, message))
                continue
            if claim:
                ident = (account_id, period, key)
                first = claimed.setdefault(ident, source.number)  # type: ignore[arg-type]
                if first != source.number:
                    problems.append(Problem(column, f"{_FIELDS[key].label} for {label} was "
                                                    f"already given in row {first}"))
                    continue
            row.values[key] = value
        rows.append(row)
    return MetricRows(rows, dict(reader.headers), table.notices, reader.ambiguous_dates)


def decide_metrics(read: MetricRows, stored: Mapping[MetricKey, tuple[int, float]]
                   ) -> ImportPlan:
    """Compare with the stored values: (id, value) by (account id, quarter, metric key)."""
    plan = ImportPlan(ImportKind.METRICS, read.mapping, [], notices=read.notices,
                      needs_date_order=read.needs_date_order)
    inserts, updates = plan.inserts, plan.updates
    for row in read.rows:
        if row.account_id is None or row.period is None or (row.problems and any(
                p.severity is Severity.ERROR for p in row.problems)):
            plan.rejected += 1
            plan.rows.append(PlannedRow(row.number, Action.REJECT, row.label, row.problems))
            continue
        created = updated = unchanged = 0
        for key, value in row.values.items():
            existing = stored.get((row.account_id, row.period, key))
            if existing is None:
                inserts.append({"account_id": row.account_id, "period": row.period,
                                "metric_key": key, "value": value})
                created += 1
            elif existing[1] != value:
                updates.append({"id": existing[0], "value": value})
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

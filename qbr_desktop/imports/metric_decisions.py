"""Deciding a metric import against the stored values: new, updated, unchanged, rejected.

A file of whole quarters is decided row by row in one pass, as it streams. A file with
months (or dates) first gathers each (account, quarter, metric) from all its rows, rolls it
up by the metric's rule, decides it, and only then reports the rows, in file order, each
with the quarters it went into. A value given twice for the same period (or a quarter given
whole and by month) rejects the later row, naming the first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import reduce

from qbr_desktop.domain.metric_rollup import PartValue, Rollup, combine, rollup_for
from qbr_desktop.domain.metrics import METRICS_BY_KEY
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.i18n import N_, Message, msg, msg_in_context
from qbr_desktop.imports.cells import Problem, Severity
from qbr_desktop.imports.fields import ImportKind
from qbr_desktop.imports.plan import Action, ImportPlan, PlannedRow, Sink, ValueCounts
from qbr_desktop.imports.plan_metrics import (
    NO_ACCOUNT,
    Contribution,
    MetricKey,
    MetricRow,
    MetricRows,
    already_given,
    period_column_labels,
)

#: Rows of a rolled-up file up to this many values are kept between the two passes
#: (a few megabytes) instead of being read and parsed again.
KEPT_VALUES = 200_000
MONTH_ABBREVIATIONS = (
    msg_in_context("month", "Jan"), msg_in_context("month", "Feb"),
    msg_in_context("month", "Mar"), msg_in_context("month", "Apr"),
    msg_in_context("month", "May"), msg_in_context("month", "Jun"),
    msg_in_context("month", "Jul"), msg_in_context("month", "Aug"),
    msg_in_context("month", "Sep"), msg_in_context("month", "Oct"),
    msg_in_context("month", "Nov"), msg_in_context("month", "Dec"))
#: How each rule turns a quarter's months into its value, as the notice says it.
RULE_WORDS = {Rollup.SUM: N_("the sum of the months"), Rollup.LAST: N_("the last month's value"),
              Rollup.AVERAGE: N_("the average of the months")}


@dataclass(slots=True)
class _QuarterValue:
    """Everything the file gives for one (account, quarter, metric)."""

    whole: tuple[int, float] | None = None  # (row, value) of a value for the whole quarter
    parts: dict[date, tuple[int, float]] = field(default_factory=dict)  # by start
    outcome: Action = Action.UNCHANGED

    def holder(self, contribution: Contribution) -> int | None:
        """The row that already gave this period's value, if any."""
        if self.whole is not None:
            return self.whole[0]
        if contribution.start is None:
            return min((row for row, _v in self.parts.values()), default=None)
        held = self.parts.get(contribution.start)
        return held[0] if held is not None else None

    def add(self, contribution: Contribution, row: int) -> None:
        if contribution.start is not None:
            self.parts[contribution.start] = (row, contribution.value)
        else:
            self.whole = (row, contribution.value)

    def value(self, key: str) -> float:
        if self.whole is not None:
            return self.whole[1]
        return combine(key, [PartValue(start, value) for start, (_r, value)
                             in self.parts.items()])


def decide_metrics(read: MetricRows, stored: Mapping[MetricKey, tuple[int, float]], *,
                   sink: Sink | None = None) -> ImportPlan:
    """Compare with the stored values: (id, value) by (account id, quarter, metric key).
    With a `sink`, rows for the store are handed to it in batches as they are decided."""
    plan = ImportPlan(ImportKind.METRICS, read.mapping, notices=read.notices, sink=sink,
                      period_columns=tuple(c.header for c in read.period_columns),
                      periods=period_column_labels(read.period_columns))
    if read.rolls_up:
        quarters, notices, kept = _gather(read)
        _decide_quarters(quarters, stored, plan)
        _report_rolled_up(read if kept is None else kept, quarters, plan)
        plan.notices = plan.notices + notices
    else:
        _decide_rows(read, stored, plan)
    plan.needs_date_order = read.needs_date_order
    return plan


def _reject(plan: ImportPlan, row: MetricRow) -> None:
    plan.rejected += 1
    plan.rows.append(PlannedRow(row.number, Action.REJECT, row.label, row.problems))
    if row.account_id is None and row.account_text != NO_ACCOUNT:
        plan.unmatched[row.account_text] = plan.unmatched.get(row.account_text, 0) + 1


def _decide_rows(read: MetricRows, stored: Mapping[MetricKey, tuple[int, float]],
                 plan: ImportPlan) -> None:
    """Whole quarters only: each row is decided as it is read."""
    # First row of each value, grouped by account and quarter: a file of millions of
    # values has far fewer groups, and one small dict per group costs a third as much.
    claimed: dict[tuple[int, str], dict[str, int]] = {}
    for row in read:
        account_id = row.account_id
        rejected = row.rejected
        if not rejected:
            for contribution in row.contributions:
                group = claimed.get((account_id, contribution.quarter))  # type: ignore[arg-type]
                if group is None:
                    group = claimed[(account_id, contribution.quarter)] = {}  # type: ignore[index]
                first = group.setdefault(contribution.key, row.number)
                if first != row.number:
                    rejected = True
                    row.problems.append(Problem(contribution.column, already_given(
                        contribution.key, row.display(contribution.quarter), first)))
        if rejected:
            _reject(plan, row)
            continue
        created = updated = unchanged = 0
        _cover(plan, account_id, row.contributions)
        for contribution in row.contributions:
            existing = stored.get((account_id, contribution.quarter,  # type: ignore[arg-type]
                                   contribution.key))
            value = contribution.value
            if existing is None:
                plan.insert({"account_id": account_id, "period": contribution.quarter,
                             "metric_key": contribution.key, "value": value})
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
        if not row.contributions:
            row.problems.append(Problem(None, msg("the row has no metric values"),
                                        Severity.WARNING))
        plan.rows.append(PlannedRow(row.number, action, row.label, row.problems,
                                    _detail(created, updated, unchanged)))


def _gather(read: MetricRows) -> tuple[dict[MetricKey, _QuarterValue], tuple[Message, ...],
                                       list[MetricRow] | None]:
    """The first pass of a file with months: every quarter's values from all its rows.
    The rows are kept for the second pass while they are few, else read again."""
    quarters: dict[MetricKey, _QuarterValue] = {}
    rolled: set[str] = set()
    months: dict[str, set[int]] = {}
    kept: list[MetricRow] | None = []
    values = 0
    for row in read:
        if kept is not None:
            values += len(row.contributions) + 1
            kept.append(row)
            if values > KEPT_VALUES:
                kept = None
        if row.rejected or _conflicts(row, quarters):
            continue
        for contribution in row.contributions:
            key = (row.account_id, contribution.quarter, contribution.key)
            quarter = quarters.get(key)  # type: ignore[arg-type]
            if quarter is None:
                quarter = quarters[key] = _QuarterValue()  # type: ignore[index]
            quarter.add(contribution, row.number)
            if contribution.start is not None:
                rolled.add(contribution.key)
                if contribution.monthly:
                    months.setdefault(contribution.quarter, set()).add(contribution.start.month)
    return quarters, _rollup_notices(rolled, months), kept


def _conflicts(row: MetricRow, quarters: Mapping[MetricKey, _QuarterValue]) -> bool:
    """Whether any of the row's values repeats one given before (or in the row itself)."""
    seen: set[tuple[str, str, date | None]] = set()
    for contribution in row.contributions:
        mark = (contribution.quarter, contribution.key, contribution.start)
        if mark in seen:
            return True
        seen.add(mark)
        quarter = quarters.get((row.account_id, contribution.quarter,  # type: ignore[arg-type]
                                contribution.key))
        if quarter is not None and quarter.holder(contribution) is not None:
            return True
    return False


def _decide_quarters(quarters: Mapping[MetricKey, _QuarterValue],
                     stored: Mapping[MetricKey, tuple[int, float]], plan: ImportPlan) -> None:
    for key, quarter in quarters.items():
        value = quarter.value(key[2])
        existing = stored.get(key)
        if existing is None:
            plan.insert({"account_id": key[0], "period": key[1], "metric_key": key[2],
                         "value": value})
            quarter.outcome = Action.CREATE
            plan.created += 1
        elif existing[1] != value:
            plan.update({"id": existing[0], "value": value})
            quarter.outcome = Action.UPDATE
            plan.updated += 1
        else:
            plan.unchanged += 1


def _report_rolled_up(read: Iterable[MetricRow], quarters: Mapping[MetricKey, _QuarterValue],
                      plan: ImportPlan) -> None:
    """The second pass: each row, in file order, with the quarters its values went into."""
    for row in read:
        if row.rejected:
            _reject(plan, row)
            continue
        outcomes: dict[str, dict[MetricKey, Action]] = {}
        for contribution in row.contributions:
            key = (row.account_id, contribution.quarter, contribution.key)
            quarter = quarters.get(key)  # type: ignore[arg-type]
            if quarter is None:
                continue
            holder = quarter.holder(contribution)
            if holder == row.number:
                outcomes.setdefault(contribution.quarter, {})[key] = quarter.outcome  # type: ignore[index]
            elif holder is not None:
                row.problems.append(Problem(contribution.column, already_given(
                    contribution.key, row.display(contribution.quarter), holder)))
        if row.rejected or (row.contributions and not outcomes):
            if not row.rejected:
                row.problems.append(Problem(None, msg("repeats a period given twice in this row")))
            _reject(plan, row)
            continue
        if not row.contributions:
            row.problems.append(Problem(None, msg("the row has no metric values"),
                                        Severity.WARNING))
        _cover(plan, row.account_id, row.contributions)
        actions = [a for per_quarter in outcomes.values() for a in per_quarter.values()]
        action = (Action.UPDATE if Action.UPDATE in actions else Action.CREATE
                  if Action.CREATE in actions else Action.UNCHANGED)
        if list(outcomes) == [row.period]:  # a long or wide row: its own quarter
            changes = _detail(*_counts(actions))
        else:
            changes = _by_quarter(tuple((quarter, _counts(list(found.values())))
                                        for quarter, found in sorted(outcomes.items())))
        plan.rows.append(PlannedRow(row.number, action, row.label, row.problems, changes))


def _cover(plan: ImportPlan, account_id: int | None,
           contributions: list[Contribution]) -> None:
    """Note what the row's values cover: its account, metrics and quarters."""
    if account_id is None or not contributions:
        return
    plan.account_ids.add(account_id)
    for contribution in contributions:
        plan.metric_keys.add(contribution.key)
        plan.quarters.add(contribution.quarter)


def _counts(actions: list[Action]) -> tuple[int, int, int]:
    return (actions.count(Action.CREATE), actions.count(Action.UPDATE),
            actions.count(Action.UNCHANGED))


def _rollup_notices(rolled: set[str], months: Mapping[str, set[int]]) -> tuple[Message, ...]:
    """How the months became quarters, per metric; and the quarters the file covers only
    in part, where the sums hold only the months it has."""
    if not rolled:
        return ()
    keys = [key for key in METRICS_BY_KEY if key in rolled]
    rules = _joined([msg("{metric}: {rule}", metric=msg(METRICS_BY_KEY[key].label),
                         rule=msg(RULE_WORDS[rollup_for(key)])) for key in keys],
                    lambda a, b: msg("{list}; {item}", list=a, item=b))
    notices = [msg("Months were rolled up to quarters. {rules}.", rules=rules)]
    summed = [msg(METRICS_BY_KEY[key].label) for key in keys if rollup_for(key) is Rollup.SUM]
    for stored, present in sorted(months.items()):
        if len(present) < 3 and summed:
            quarter = Quarter.parse(stored)
            notices.append(msg(
                "{year} Q{number}: the file has {count} of its 3 months ({months}), so "
                "{metrics} there add up only those months.", count=len(present),
                year=quarter.year, number=quarter.number,
                months=_joined([MONTH_ABBREVIATIONS[m - 1] for m in sorted(present)],
                               lambda a, b: msg("{list}, {item}", list=a, item=b)),
                metrics=_joined(summed, lambda a, b: msg("{list} and {item}", list=a, item=b))))
    return tuple(notices)


def _joined(parts: list[Message], join: Callable[[Message, Message], Message]) -> Message:
    """'a, b, c' (or 'a and b and c'), each part rendered in the language asked for."""
    return reduce(join, parts)


_DETAILS: dict[tuple[int, int, int], tuple[ValueCounts, ...]] = {}
_BY_QUARTER: dict[tuple[tuple[str, tuple[int, int, int]], ...], tuple[ValueCounts, ...]] = {}


def _by_quarter(counts: tuple[tuple[str, tuple[int, int, int]], ...]
                ) -> tuple[ValueCounts, ...]:
    """'2026Q1: 2 new', '2026Q2: 1 updated'…: rows of one file repeat a few of these."""
    detail = _BY_QUARTER.get(counts)
    if detail is None:
        if len(_BY_QUARTER) > 10_000:
            _BY_QUARTER.clear()
        detail = _BY_QUARTER[counts] = tuple(ValueCounts(*numbers, quarter=quarter)
                                             for quarter, numbers in counts)
    return detail


def _detail(created: int, updated: int, unchanged: int) -> tuple[ValueCounts, ...]:
    """'2 new, 1 updated'…: a wide row holds a handful of values, so the counts repeat."""
    counts = (created, updated, unchanged)
    detail = _DETAILS.get(counts)
    if detail is None:
        detail = _DETAILS[counts] = (ValueCounts(*counts),) if any(counts) else ()
    return detail

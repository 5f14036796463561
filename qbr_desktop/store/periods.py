"""Stored periods ("2026Q3") that no reader can use, and how the readers leave them out.

Older releases and hand edits left rows such as ``0Q1`` or ``9999Q4``. One of them used to
fail a whole account ("“0Q1” is not a quarter"), and a ``9999Q4`` row sorted after every
real quarter and became "the latest quarter" with nothing else in it. Readers now skip
such rows; `qbr check` lists them and `qbr check --repair` removes them.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, delete, func, not_, or_, select
from sqlalchemy.orm import QueryableAttribute, Session

from qbr_desktop.domain.periods import EARLIEST_YEAR, LATEST_YEAR, Quarter
from qbr_desktop.store.models import AccountRow, MetricSnapshotRow

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=1024)
def is_readable(period: object) -> bool:
    """Quarter.stored() as a yes or no, cached: a portfolio holds few distinct periods."""
    return Quarter.stored(period) is not None


def readable_period(column: ColumnElement[str] | QueryableAttribute[str],
                    ) -> ColumnElement[bool]:
    """True for a period in the stored form and the years a quarter may name.

    Portable SQL (no GLOB or regular expressions); the few odd texts it lets through, such
    as a letter among the year's digits, are dropped by Quarter.stored() afterwards.
    """
    return and_(
        func.length(column) == 6,
        func.substr(column, 5, 1) == "Q",
        func.substr(column, 6, 1).between("1", "4"),
        column.between(f"{EARLIEST_YEAR}Q1", f"{LATEST_YEAR}Q4"),
    )


@dataclass(frozen=True, slots=True)
class UnreadablePeriod:
    account_id: int
    account_name: str
    period: str
    rows: int


def _unreadable_condition() -> ColumnElement[bool]:
    return or_(MetricSnapshotRow.period.is_(None),
               not_(readable_period(MetricSnapshotRow.period)))


def unreadable_periods(session: Session,
                       account_ids: Iterable[int] | None = None) -> list[UnreadablePeriod]:
    """Metric periods no reader can use, by account, plus odd ones SQL let through."""
    query = (select(MetricSnapshotRow.account_id, AccountRow.name, MetricSnapshotRow.period,
                    func.count())
             .join(AccountRow, AccountRow.id == MetricSnapshotRow.account_id)
             .group_by(MetricSnapshotRow.account_id, AccountRow.name, MetricSnapshotRow.period)
             .order_by(AccountRow.name, MetricSnapshotRow.period))
    if account_ids is not None:
        query = query.where(MetricSnapshotRow.account_id.in_(list(account_ids)))
    return [UnreadablePeriod(account_id, name, period, count)
            for account_id, name, period, count in session.execute(query)
            if not is_readable(period)]


def delete_unreadable_periods(session: Session) -> int:
    """Remove every metric row whose period no reader can use; returns how many."""
    found = unreadable_periods(session)
    removed = 0
    for item in found:
        result = session.execute(delete(MetricSnapshotRow).where(
            MetricSnapshotRow.account_id == item.account_id,
            MetricSnapshotRow.period == item.period))
        removed += getattr(result, "rowcount", 0) or 0
    return removed


def warn_about_skipped(session: Session, account_ids: Iterable[int]) -> None:
    """Log the rows a reader of these accounts just skipped, so the skip is never silent."""
    for item in unreadable_periods(session, account_ids):
        log.warning("Skipped %d metric value(s) of %s stored for the unreadable period %r; "
                    "`qbr check --repair` removes them", item.rows, item.account_name,
                    item.period)

"""Queries behind health, benchmarks, expansion and the risk register."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from qbr_desktop.domain.expansion import DepartmentInfo
from qbr_desktop.store.models import (
    AccountModuleRow,
    DepartmentRow,
    MetricSnapshotRow,
    ProductModuleRow,
    RiskItemRow,
)
from qbr_desktop.store.periods import is_readable, readable_period, warn_about_skipped

_WARN_FOR_AT_MOST = 20
# (period, metric key, value) rows of one account
MetricRows = list[tuple[str, str, float]]


class PortfolioMetricsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def recent_by_account(self, quarters: int,
                          account_ids: Iterable[int] | None = None) -> dict[int, MetricRows]:
        """Each account's metric values in its own most recent `quarters` periods.

        A window function ranks periods per account, so an account whose data stopped
        two quarters ago still shows its last known quarters (and the view says when).
        Periods no reader can use are left out before ranking: a stray ``9999Q4`` would
        otherwise rank as the latest quarter and hide the real one.
        """
        ranked = select(
            MetricSnapshotRow.account_id, MetricSnapshotRow.period,
            MetricSnapshotRow.metric_key, MetricSnapshotRow.value,
            func.dense_rank().over(partition_by=MetricSnapshotRow.account_id,
                                   order_by=MetricSnapshotRow.period.desc()).label("age"),
        ).where(readable_period(MetricSnapshotRow.period))
        narrow = None if account_ids is None else list(account_ids)
        if narrow is not None:
            ranked = ranked.where(MetricSnapshotRow.account_id.in_(narrow))
        inner = ranked.subquery()
        rows = self.session.execute(
            select(inner.c.account_id, inner.c.period, inner.c.metric_key, inner.c.value)
            .where(inner.c.age <= quarters)
        )
        result: dict[int, MetricRows] = defaultdict(list)
        skipped = False
        for account_id, period, key, value in rows:
            if not is_readable(period):
                skipped = True
                continue
            result[account_id].append((period, key, value))
        if narrow is not None and len(narrow) <= _WARN_FOR_AT_MOST:
            # One account's page or export: say what was left out (the whole portfolio is
            # left to `qbr check`, which lists every such row at once).
            warn_about_skipped(self.session, narrow)
        elif skipped:
            warn_about_skipped(self.session, list(result))
        return result


class CatalogueRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> list[ProductModuleRow]:
        return list(self.session.scalars(select(ProductModuleRow).order_by(
            ProductModuleRow.kind, ProductModuleRow.name_key)))

    def owned_by_account(self) -> dict[int, frozenset[int]]:
        owned: dict[int, set[int]] = defaultdict(set)
        for account_id, module_id in self.session.execute(
                select(AccountModuleRow.account_id, AccountModuleRow.module_id)):
            owned[account_id].add(module_id)
        return {key: frozenset(value) for key, value in owned.items()}

    def owned(self, account_id: int) -> frozenset[int]:
        return frozenset(self.session.scalars(
            select(AccountModuleRow.module_id).where(AccountModuleRow.account_id == account_id)))


class DepartmentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def for_account(self, account_id: int) -> list[DepartmentRow]:
        return list(self.session.scalars(
            select(DepartmentRow).where(DepartmentRow.account_id == account_id)
            .order_by(DepartmentRow.name)))

    def infos_by_account(self) -> dict[int, tuple[DepartmentInfo, ...]]:
        """Every account's departments as plain values (no ORM objects for a whole portfolio)."""
        grouped: dict[int, list[DepartmentInfo]] = defaultdict(list)
        for account_id, name, headcount, uses in self.session.execute(
                select(DepartmentRow.account_id, DepartmentRow.name, DepartmentRow.headcount,
                       DepartmentRow.uses_product).order_by(DepartmentRow.name)):
            grouped[account_id].append(DepartmentInfo(name, headcount, bool(uses)))
        return {key: tuple(value) for key, value in grouped.items()}

    def replace_for_account(self, account_id: int, departments: Iterable[DepartmentInfo]) -> None:
        """The account's departments become exactly `departments` (validated by the caller)."""
        self.session.execute(delete(DepartmentRow).where(DepartmentRow.account_id == account_id))
        self.session.add_all(
            DepartmentRow(account_id=account_id, name=department.name,
                          headcount=department.headcount, uses_product=department.uses_product)
            for department in departments)


class RiskRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def for_account(self, account_id: int) -> list[RiskItemRow]:
        return list(self.session.scalars(
            select(RiskItemRow).where(RiskItemRow.account_id == account_id)
            .order_by(RiskItemRow.status.desc(), RiskItemRow.id)))

    def get(self, item_id: int) -> RiskItemRow | None:
        return self.session.get(RiskItemRow, item_id)

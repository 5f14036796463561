"""The risk and opportunity register of an account: list, add, close, and suggestions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.risks import (
    RiskDraft,
    RiskItem,
    RiskKind,
    RiskStatus,
    suggest_items,
    validate_risk,
)
from qbr_desktop.i18n import msg
from qbr_desktop.services.edit_checks import RowEdit, login_name
from qbr_desktop.services.insights import InsightService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import NotFoundError, account_gone
from qbr_desktop.store.insight_repositories import RiskRepository
from qbr_desktop.store.models import RiskItemRow
from qbr_desktop.store.repositories import AccountRepository


def _now() -> datetime:
    return datetime.now(UTC)


def _item(row: RiskItemRow) -> RiskItem:
    return RiskItem(row.id, row.account_id, RiskKind(row.kind), row.title, row.detail,
                    row.likelihood, row.impact, RiskStatus(row.status), row.origin)


class RiskRegister:
    def __init__(self, sessions: sessionmaker[Session], insights: InsightService,
                 today: Callable[[], date] | None = None,
                 clock: Callable[[], datetime] = _now,
                 user: Callable[[], str] | None = None) -> None:
        self._sessions = sessions
        self._user = user or login_name
        self._insights = insights
        self._clock = clock
        self._today = today or (lambda: clock().date())

    def items(self, account_id: int) -> list[RiskItem]:
        with session_scope(self._sessions) as session:
            return [_item(row) for row in RiskRepository(session).for_account(account_id)]

    def add(self, account_id: int, draft: RiskDraft, *, origin: str = "manual") -> RiskItem:
        if problems := validate_risk(draft):
            raise ValidationFailed(dict(problems))
        with session_scope(self._sessions) as session:
            if AccountRepository(session).get(account_id) is None:
                raise account_gone(account_id)
            now = self._clock()
            row = RiskItemRow(account_id=account_id, kind=draft.kind.value,
                              title=draft.title.strip(), detail=draft.detail,
                              likelihood=draft.likelihood, impact=draft.impact,
                              status=RiskStatus.OPEN.value, origin=origin,
                              created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            return _item(row)

    def set_status(self, item_id: int, status: RiskStatus, *,
                   seen: RiskStatus | None = None) -> RiskItem:
        """Open or close an item. With `seen` (the status the person saw), a colleague's
        change since is refused with EditConflictError; without it: "keep mine"."""
        with session_scope(self._sessions) as session:
            row = self._row(session, item_id)
            edit = RowEdit(session, "risk_item", row.id, row_by=row.updated_by,
                           row_at=row.updated_at,
                           subject=msg("the risk “{title}”", title=row.title))
            if seen is not None:
                edit.settle({"status": row.status}, {"status": seen.value},
                            {"status": status.value}, _item(row))
            if row.status != status.value:
                before = {"status": row.status}
                row.status = status.value
                row.updated_at, row.updated_by = self._clock(), self._user()
                edit.record(before, {"status": row.status}, row.updated_by, row.updated_at)
            return _item(row)

    def delete(self, item_id: int) -> None:
        with session_scope(self._sessions) as session:
            session.delete(self._row(session, item_id))

    def suggestions(self, account_id: int) -> list[RiskDraft]:
        """What the numbers suggest and the register does not already hold (by title)."""
        report = self._insights.health(account_id).report
        estimate = self._insights.expansion(account_id)
        with session_scope(self._sessions) as session:
            account = AccountRepository(session).get(account_id)
            if account is None:
                raise account_gone(account_id)
            renewal, arr = account.renewal_date, account.arr
            known = {row.title.casefold() for row in RiskRepository(session).for_account(
                account_id)}
        drafts = suggest_items(report, renewal, self._today(), estimate, arr)
        return [d for d in drafts if d.title.casefold() not in known]

    @staticmethod
    def _row(session: Session, item_id: int) -> RiskItemRow:
        row = RiskRepository(session).get(item_id)
        if row is None:
            raise NotFoundError(msg("No risk or opportunity with id {item_id}", item_id=item_id))
        return row

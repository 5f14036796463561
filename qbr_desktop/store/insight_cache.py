"""Stored per-account insight results (table account_insight) and the portfolio's facts.

The rows are derived data. Triggers (migration 0003 on SQLite, 0011 on PostgreSQL) delete
an account's row whenever its metrics, modules, departments, seats or ARR change, and every
row when the catalogue or the health weights change, so a row that exists is current for
its formula version.

Results computed from an older state are never stored: `store` runs in the transaction that
read the inputs. SQLite refuses a write from a snapshot someone has committed after
(SQLITE_BUSY_SNAPSHOT); PostgreSQL has no such refusal, so there the reading transaction is
REPEATABLE READ and `store` first locks the ``insight_inputs`` counter that every input
change raises: a change committed since the snapshot makes that lock fail (a serialization
failure), and a change still under way waits for the results to be stored and then forgets
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, NamedTuple, cast

from sqlalchemy import CursorResult, Executable, bindparam, delete, insert, select, text
from sqlalchemy.orm import Session

from qbr_desktop.store.models import AccountInsightRow, ChangeCounterRow
from qbr_desktop.store.types import UtcDateTime

INSIGHT_INPUTS = "insight_inputs"


class StoredInsight(NamedTuple):
    account_id: int
    health: float | None
    band: str | None
    change: float | None
    confidence: float
    latest_quarter: str | None
    readiness: str
    expansion: Decimal


class AccountFacts(NamedTuple):
    """What the portfolio view shows of an account straight from its record.

    Named tuples: 10,000 of these are made while the portfolio view opens.
    """

    account_id: int
    name: str
    industry: str
    arr: Decimal
    currency: str
    tier_override: str | None
    renewal_date: date | None
    next_review_at: datetime | None
    open_risks: int
    open_opportunities: int
    #: The stored result's fields, flat (no object per account); has_result says if any.
    has_result: bool
    health: float | None
    band: str | None
    change: float | None
    confidence: float
    latest_quarter: str | None
    readiness: str
    expansion: Decimal


# The portfolio's facts in three reads, joined by account id in Python: each a plain scan,
# where one query joining the two grouped reads to the accounts made SQLite build and
# probe temporary indexes (at 50,000 accounts a quarter of the time). The stored result is
# joined only when it is for this formula.
_ACCOUNTS = text("""
    SELECT a.id, a.name, a.industry, a.arr, a.currency, a.tier_override, a.renewal_date,
           i.account_id, i.health, i.band, i.change, i.confidence, i.latest_quarter,
           i.readiness, i.expansion
    FROM account AS a
    LEFT JOIN account_insight AS i ON i.account_id = a.id
                                  AND i.formula_version = :formula_version
    ORDER BY a.name_key
    """)
_NEXT_REVIEWS = text("""
    SELECT account_id, min(scheduled_at) FROM review
    WHERE status = 'planned' AND scheduled_at >= :after
    GROUP BY account_id
    """).bindparams(bindparam("after", type_=UtcDateTime()))
_OPEN_RISKS = text("""
    SELECT account_id,
           count(CASE WHEN kind = 'risk' THEN 1 END),
           count(CASE WHEN kind <> 'risk' THEN 1 END)
    FROM risk_item WHERE status = 'open'
    GROUP BY account_id
    """)


def _date(value: Any) -> date | None:
    """A DATE column's value: SQLite's driver gives ISO text, a server's gives a date."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _driver_rows(session: Session, statement: Executable,
                 parameters: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """Every row of `statement` as the driver's own tuples: SQLAlchemy binds the values and
    runs it, and the rows are read from its cursor without a Row object each (a fifth of
    the time at 50,000 rows). For plain-SQL reads whose columns need no type processing."""
    result = cast(CursorResult[Any], session.execute(statement, parameters))
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


class InsightCacheRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def portfolio(self, after: datetime, formula_version: int) -> list[AccountFacts]:
        """Every account, by name, with its stored result when one exists for this formula.

        Plain SQL with hand conversion, and one pass: for 50,000 accounts the per-value
        type processing of an ORM query, or a function call per value, costs more than
        the reads themselves, and this runs as a view opens. Portable SQL: named binds,
        counts of CASE (no sum of a comparison, which a server refuses), and dates
        converted from either driver's form (SQLite's gives ISO text).
        """
        session = self.session
        next_at = dict(_driver_rows(session, _NEXT_REVIEWS, {"after": after}))
        risks = {account_id: (open_risks, opportunities)
                 for account_id, open_risks, opportunities in _driver_rows(session, _OPEN_RISKS)}
        rows = _driver_rows(session, _ACCOUNTS, {"formula_version": formula_version})
        cent, zero, no_risks = Decimal("0.01"), Decimal(0), (0, 0)
        days: dict[Any, date | None] = {}  # a portfolio's renewals share few days
        facts: list[AccountFacts] = []
        append = facts.append
        for (account_id, name, industry, cents, currency, tier_override, renewal, stored,
             health, band, change, confidence, quarter, readiness, expansion) in rows:
            day = days.get(renewal)
            if day is None and renewal is not None:
                day = days[renewal] = _date(renewal)
            at = next_at.get(account_id)
            if at is not None:  # as_utc, inline
                at = (datetime.fromisoformat(at) if isinstance(at, str) else at).replace(
                    tzinfo=UTC)
            open_risks, opportunities = risks.get(account_id, no_risks)
            if stored is None:
                append(AccountFacts(
                    account_id, name, industry, Decimal(cents) * cent, currency,
                    tier_override, day, at, open_risks, opportunities, False,
                    None, None, None, 0.0, None, "", zero))
            else:
                append(AccountFacts(
                    account_id, name, industry, Decimal(cents) * cent, currency,
                    tier_override, day, at, open_risks, opportunities, True,
                    health, band, change, confidence, quarter, readiness, Decimal(expansion)))
        return facts

    def store(self, results: Sequence[StoredInsight], formula_version: int) -> None:
        """Keep results computed in this transaction (see the module's docstring).

        Raises OperationalError, with nothing stored, when the inputs changed meanwhile.
        """
        if not results:
            return
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(select(ChangeCounterRow.value).where(
                ChangeCounterRow.name == INSIGHT_INPUTS).with_for_update(read=True))
        ids = [r.account_id for r in results]
        for start in range(0, len(ids), 900):  # under SQLite's bound-parameter limit
            self.session.execute(delete(AccountInsightRow).where(
                AccountInsightRow.account_id.in_(ids[start:start + 900])))
        self.session.execute(insert(AccountInsightRow), [
            {"account_id": r.account_id, "formula_version": formula_version,
             "health": r.health, "band": r.band, "change": r.change,
             "confidence": r.confidence, "latest_quarter": r.latest_quarter,
             "readiness": r.readiness, "expansion": str(r.expansion)}
            for r in results])

    def forget(self, account_ids: Iterable[int] | None = None) -> None:
        """Drop stored results (all of them when no ids are given)."""
        statement = delete(AccountInsightRow)
        if account_ids is not None:
            statement = statement.where(AccountInsightRow.account_id.in_(list(account_ids)))
        self.session.execute(statement)

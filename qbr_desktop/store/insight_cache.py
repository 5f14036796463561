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
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import bindparam, delete, insert, select, text
from sqlalchemy.orm import Session

from qbr_desktop.store.models import AccountInsightRow, ChangeCounterRow
from qbr_desktop.store.repositories import as_utc
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


_PORTFOLIO = text("""
    SELECT a.id, a.name, a.industry, a.arr, a.currency, a.tier_override,
           a.renewal_date, r.next_at, i.formula_version, i.health, i.band, i.change,
           i.confidence, i.latest_quarter, i.readiness, i.expansion,
           coalesce(k.risks, 0), coalesce(k.opportunities, 0)
    FROM account AS a
    LEFT JOIN (SELECT account_id, min(scheduled_at) AS next_at FROM review
               WHERE status = 'planned' AND scheduled_at >= :after
               GROUP BY account_id) AS r ON r.account_id = a.id
    LEFT JOIN account_insight AS i ON i.account_id = a.id
    LEFT JOIN (SELECT account_id,
                      count(CASE WHEN kind = 'risk' THEN 1 END) AS risks,
                      count(CASE WHEN kind <> 'risk' THEN 1 END) AS opportunities
               FROM risk_item WHERE status = 'open'
               GROUP BY account_id) AS k ON k.account_id = a.id
    ORDER BY a.name_key
    """).bindparams(bindparam("after", type_=UtcDateTime()))


def _date(value: Any) -> date | None:
    """A DATE column's value: SQLite's driver gives ISO text, a server's gives a date."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


class InsightCacheRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def portfolio(self, after: datetime, formula_version: int) -> list[AccountFacts]:
        """Every account, by name, with its stored result when one exists for this formula.

        Plain SQL with hand conversion: for 10,000 accounts the per-value type processing
        of an ORM query costs more than the query itself, and this runs as a view opens.
        Portable SQL: named binds, counts of CASE (no sum of a comparison, which a server
        refuses), and dates converted from either driver's form.
        """
        rows = self.session.execute(_PORTFOLIO, {"after": after}).fetchall()
        cent = Decimal("0.01")
        facts = []
        zero = Decimal(0)
        for (account_id, name, industry, cents, currency, tier_override, renewal, next_at,
             version, health, band, change, confidence, quarter, readiness,
             expansion, risks, opportunities) in rows:
            current = version == formula_version
            facts.append(AccountFacts(
                account_id, name, industry, Decimal(cents) * cent, currency, tier_override,
                _date(renewal), as_utc(next_at),
                risks, opportunities, current,
                *((health, band, change, confidence, quarter, readiness, Decimal(expansion))
                  if current else (None, None, None, 0.0, None, "", zero))))
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

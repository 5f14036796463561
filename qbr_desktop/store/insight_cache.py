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
from operator import itemgetter
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


class PortfolioFacts(NamedTuple):
    """What the portfolio view shows of every account straight from the store.

    Columns as the driver gives them, not an object per account: the service builds each
    account's row from them in one pass (at 50,000 accounts an intermediate object per
    account cost as much as the reads). ``accounts`` holds, by name, one tuple per account:
    (id, name, industry, ARR in cents, currency, tier override, renewal as stored, then the
    stored result for this formula or Nones: its confidence (never None in a stored
    result, so None means none is stored), health, band, change, latest quarter, readiness,
    expansion as stored text; then the name key; last 1 or 0 for whether the stored result
    puts the account at risk, and whether it is ready to expand).
    """

    accounts: list[tuple[Any, ...]]
    #: Each stored renewal value (ISO text on SQLite, a date on a server) as a date.
    renewal_dates: dict[Any, date | None]
    #: The next planned review of each account that has one, in UTC.
    next_reviews: dict[int, datetime]
    #: Open risks and open opportunities of each account that has any.
    open_risks: dict[int, tuple[int, int]]


# The portfolio's facts in three reads, joined by account id in Python: each a plain scan,
# where one query joining the two grouped reads to the accounts made SQLite build and
# probe temporary indexes (at 50,000 accounts a quarter of the time). The stored result is
# joined only when it is for this formula. The two grouped reads scan the partial indexes
# of migration 0018.
#
# Whether each account is at risk or ready to expand is worked out here too, so the
# overview's counts are sums the driver's rows hold (in Python they were a fifth of the
# overview at 50,000 accounts). Each must say what PortfolioRow's property of the same name
# says (tests/services/test_overview_counts.py); the yellow band's open risks are looked up
# in the partial index only for yellow accounts.
_ACCOUNT_COLUMNS = """
    SELECT a.id, a.name, a.industry, a.arr, a.currency, a.tier_override, a.renewal_date,
           i.confidence, i.health, i.band, i.change, i.latest_quarter, i.readiness,
           i.expansion, a.name_key,
           CASE WHEN i.band = 'red' OR i.change <= -10
                     OR (i.band = 'yellow' AND EXISTS (
                         SELECT 1 FROM risk_item AS r
                         WHERE r.account_id = a.id AND r.status = 'open' AND r.kind = 'risk'))
                THEN 1 ELSE 0 END,
           CASE WHEN i.readiness = 'ready' AND CAST(i.expansion AS NUMERIC) > 0
                THEN 1 ELSE 0 END
    FROM account AS a
    LEFT JOIN account_insight AS i ON i.account_id = a.id
                                  AND i.formula_version = :formula_version
    """
_ACCOUNTS = text(_ACCOUNT_COLUMNS + "ORDER BY a.name_key")
# SQLite compares text as UTF-8 bytes, which is the order of Python's str comparison (code
# points): it reads the table in storage order and the accounts are sorted here, which at
# 50,000 accounts is a quarter of the read, where following the name index visits the
# table's pages at random. A server sorts by its collation, so it sorts.
_ACCOUNTS_UNSORTED = text(_ACCOUNT_COLUMNS)
_NAME_KEY = itemgetter(14)
_RENEWAL = itemgetter(6)
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


def _utc_from_text(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)


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

    def portfolio(self, after: datetime, formula_version: int) -> PortfolioFacts:
        """Every account, by name, with its stored result when one exists for this formula.

        Plain SQL read straight from the cursor: for 50,000 accounts the per-value type
        processing of an ORM query costs more than the reads themselves, and this runs as
        a view opens. Portable SQL: named binds, counts of CASE (no sum of a comparison,
        which a server refuses), and dates converted from either driver's form (SQLite's
        gives ISO text), once per distinct value.
        """
        session = self.session
        on_sqlite = session.get_bind().dialect.name == "sqlite"
        reviews = _driver_rows(session, _NEXT_REVIEWS, {"after": after})
        # Each distinct time converted once (ISO text on SQLite), then looked up per account
        # without a call of ours: meetings share times, and a datetime is immutable.
        ids, times = zip(*reviews, strict=True) if reviews else ((), ())
        convert = _utc_from_text if on_sqlite else _utc
        moments = {at: convert(at) for at in set(times)}
        next_reviews = dict(zip(ids, map(moments.__getitem__, times), strict=True))
        risks = {account_id: (open_risks, opportunities)
                 for account_id, open_risks, opportunities in _driver_rows(session, _OPEN_RISKS)}
        parameters = {"formula_version": formula_version}
        if on_sqlite:
            rows = _driver_rows(session, _ACCOUNTS_UNSORTED, parameters)
            rows.sort(key=_NAME_KEY)
        else:
            rows = _driver_rows(session, _ACCOUNTS, parameters)
        days = {value: _date(value) for value in set(map(_RENEWAL, rows))}
        return PortfolioFacts(rows, days, next_reviews, risks)

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

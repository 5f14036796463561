"""The account list read with the standard library's sqlite3 alone.

It is what the window shows first and what `qbr accounts list` prints: one query, before
(or without) SQLAlchemy, the services and Alembic, which take longer to load than the
list takes to read. Only a SQLite file the full open would leave as it is, is read here:
at this program's schema, with today's backup taken and no sign of a crash. Anything else
(a missing, empty, damaged, older or newer file, a backup or a check due) gives None, and
the caller takes the full open with its checks, backup and schema update.

The values are decoded as the models' column types store them (store/types.py, SQLAlchemy's
SQLite DATE and DATETIME): money in whole cents, dates as ISO text, timestamps as naive UTC
text. tests/store/test_account_list.py holds this list equal to the services' one.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from qbr_desktop.store.backup import backups_folder_for, crash_suspected, startup_backup_due
from qbr_desktop.store.location import read_only_flags, read_only_reason
from qbr_desktop.store.migrate import head_revision, stored_revision_readonly
from qbr_desktop.store.sqlite_uri import sqlite_uri

SQLITE_HEADER = b"SQLite format 3\x00"

# Each account with its earliest planned review at or after :after and that review's zone
# (of one of them, should two start at the same instant), by name key: the query of
# AccountRepository.all_with_next_review.
_LIST_SQL = """
WITH next_review AS (
    SELECT account_id, min(scheduled_at) AS next_at FROM review
    WHERE status = 'planned' AND scheduled_at >= :after GROUP BY account_id
), next_zone AS (
    SELECT review.account_id, min(review.time_zone) AS time_zone FROM review
    JOIN next_review ON next_review.account_id = review.account_id
        AND review.scheduled_at = next_review.next_at
    WHERE review.status = 'planned' GROUP BY review.account_id
)
SELECT account.id, account.name, account.industry, account.country, account.arr,
       account.currency, account.licensed_seats, account.renewal_date, account.csm_owner,
       account.tier_override, next_review.next_at, next_zone.time_zone
FROM account
LEFT JOIN next_review ON next_review.account_id = account.id
LEFT JOIN next_zone ON next_zone.account_id = account.id
ORDER BY account.name_key
"""
# The first accounts by name alone, each with the same next review looked up by its index:
# a few milliseconds for a screenful, where the whole-table query above takes 0.2 s at
# 50,000 accounts (and this one 1.5 s for all of them).
_FIRST_SQL = """
SELECT first.id, first.name, first.industry, first.country, first.arr, first.currency,
       first.licensed_seats, first.renewal_date, first.csm_owner, first.tier_override,
       first.next_at,
       (SELECT min(zone.time_zone) FROM review AS zone WHERE zone.account_id = first.id
        AND zone.status = 'planned' AND zone.scheduled_at = first.next_at)
FROM (SELECT account.*, (SELECT min(review.scheduled_at) FROM review
        WHERE review.account_id = account.id AND review.status = 'planned'
        AND review.scheduled_at >= :after) AS next_at
      FROM account ORDER BY account.name_key LIMIT :limit) AS first
ORDER BY first.name_key
"""


@dataclass(frozen=True, slots=True)
class ListedAccount:
    """One account's stored facts as the list shows them (its tier is the services' to say)."""

    id: int
    name: str
    industry: str
    country: str
    arr: Decimal
    currency: str
    licensed_seats: int
    renewal_date: date | None
    csm_owner: str
    tier_override: str | None
    next_qbr_at: datetime | None
    next_qbr_zone: str | None


@dataclass(frozen=True, slots=True)
class AccountListing:
    accounts: list[ListedAccount]
    #: Every portfolio setting, decoded from its JSON (a handful of rows).
    settings: dict[str, Any]
    #: Why the file can only be read (as the full open would say), or None.
    read_only: str | None


def read_account_listing(path: Path, after: datetime, *, first: int | None = None,
                         gates_passed: bool = False) -> AccountListing | None:
    """The accounts in the SQLite file `path`, read without changing it, with each one's next
    planned review at or after `after`; None when the file needs the full open first.

    `first`: only the first accounts by name (what a window shows at once). `gates_passed`:
    the file was found needing no work a moment ago (this reads the rest of a list whose
    first screenful was read here, while the program may have written to the file since).
    """
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return None
        if not gates_passed and (crash_suspected(path) or startup_backup_due(
                path, backups_folder_for(path), after)):
            return None
        read_only = read_only_reason(path)
        flags = read_only_flags(path) if read_only else "mode=ro"
        if stored_revision_readonly(path, flags) != head_revision():
            return None
        connection = sqlite3.connect(sqlite_uri(path, flags), uri=True)
        try:
            connection.execute("BEGIN")  # both reads see the same moment of the file
            settings = {key: json.loads(value) for key, value in
                        connection.execute("SELECT key, value FROM setting")}
            after_text = _stored_timestamp(after)
            rows = (connection.execute(_LIST_SQL, {"after": after_text}) if first is None
                    else connection.execute(_FIRST_SQL, {"after": after_text,
                                                         "limit": first})).fetchall()
        finally:
            connection.close()
    except (OSError, ValueError, sqlite3.Error):
        return None  # the full open says what is wrong, in its own words
    return AccountListing([_listed(row) for row in rows], settings, read_only)


def _stored_timestamp(moment: datetime) -> str:
    """`moment` as the UtcDateTime column stores it on SQLite: naive UTC, microseconds."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _listed(row: tuple[Any, ...]) -> ListedAccount:
    (account_id, name, industry, country, cents, currency, seats, renewal, owner, override,
     next_at, zone) = row
    return ListedAccount(
        id=account_id, name=name, industry=industry, country=country,
        # Whole cents to the amount with two places, as MoneyAmount reads them back.
        arr=Decimal(int(cents)).scaleb(-2) if cents is not None else Decimal(0),
        currency=currency, licensed_seats=seats,
        renewal_date=date.fromisoformat(renewal) if renewal else None, csm_owner=owner,
        tier_override=override,
        next_qbr_at=datetime.fromisoformat(next_at).replace(tzinfo=UTC) if next_at else None,
        next_qbr_zone=zone)

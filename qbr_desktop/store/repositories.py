"""Repositories: intention-revealing queries over the models, one session each."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import Subquery

from qbr_desktop.store.models import (
    AccountRow,
    ContactRow,
    CsmRow,
    FieldChangeRow,
    MetricSnapshotRow,
    ReviewRow,
    SettingRow,
)
from qbr_desktop.store.periods import is_readable, warn_about_skipped


class AccountRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, account_id: int) -> AccountRow | None:
        return self.session.get(AccountRow, account_id)

    def all_with_next_review(self, after: datetime
                             ) -> list[tuple[AccountRow, datetime | None, str | None]]:
        """Every account with its next planned review at or after `after` and the time
        zone that review is held in (or None, None)."""
        next_review = next_review_subquery(after)
        # The zone of that review (of one of them, should two start at the same instant).
        zone = (
            select(ReviewRow.account_id, func.min(ReviewRow.time_zone).label("time_zone"))
            .join(next_review, (next_review.c.account_id == ReviewRow.account_id)
                  & (ReviewRow.scheduled_at == next_review.c.next_at))
            .where(ReviewRow.status == "planned")
            .group_by(ReviewRow.account_id)
            .subquery()
        )
        rows = self.session.execute(
            select(AccountRow, next_review.c.next_at, zone.c.time_zone)
            .outerjoin(next_review, next_review.c.account_id == AccountRow.id)
            .outerjoin(zone, zone.c.account_id == AccountRow.id)
            .order_by(AccountRow.name_key)
        ).all()
        return [(account, as_utc(next_at), time_zone) for account, next_at, time_zone in rows]

    def all(self, ids: Iterable[int] | None = None) -> list[AccountRow]:
        """Every account by name, or only those with the given ids."""
        query = select(AccountRow).order_by(AccountRow.name_key)
        if ids is not None:
            query = query.where(AccountRow.id.in_(list(ids)))
        return list(self.session.scalars(query))

    def peer_facts(self) -> list[Any]:
        """(id, industry, arr, tier_override, customer_since, licensed_seats) of every
        account, unmapped."""
        return list(self.session.execute(select(
            AccountRow.id, AccountRow.industry, AccountRow.arr, AccountRow.tier_override,
            AccountRow.customer_since, AccountRow.licensed_seats)))

    def id_with_external_id(self, external_id: str) -> int | None:
        return self.session.scalar(
            select(AccountRow.id).where(AccountRow.external_id == external_id))

    def id_with_name_key(self, key: str) -> int | None:
        return self.session.scalar(select(AccountRow.id).where(AccountRow.name_key == key))

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(AccountRow)) or 0

    def add(self, row: AccountRow) -> AccountRow:
        self.session.add(row)
        self.session.flush()
        return row

    def remove(self, row: AccountRow) -> None:
        self.session.delete(row)
        self.session.flush()


class CsmRepository:
    """The team's members, found by name (compared as name_key) or by email."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def with_name_key(self, key: str) -> CsmRow | None:
        return self.session.scalar(select(CsmRow).where(CsmRow.name_key == key))

    def with_email(self, email: str) -> CsmRow | None:
        if not email:
            return None
        return self.session.scalar(select(CsmRow).where(
            func.lower(CsmRow.email) == email.lower()).order_by(CsmRow.id).limit(1))

    def find_or_add(self, name: str, key: str, email: str = "") -> CsmRow:
        row = self.with_email(email) or self.with_name_key(key)
        if row is None:
            row = CsmRow(name=name, name_key=key, email=email)
            self.session.add(row)
            self.session.flush()
        return row


class FieldChangeRepository:
    """Who changed which field of a row last: what a refused save names."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, table: str, row_id: int, fields: Iterable[str], by: str,
               at: datetime) -> None:
        names = sorted(set(fields))
        if not names:
            return
        self.session.execute(delete(FieldChangeRow).where(
            FieldChangeRow.table_name == table, FieldChangeRow.row_id == row_id,
            FieldChangeRow.field.in_(names)))
        self.session.add_all(FieldChangeRow(table_name=table, row_id=row_id, field=name,
                                            changed_by=by, changed_at=at) for name in names)
        self.session.flush()

    def last(self, table: str, row_id: int, field: str, *, row_by: str,
             row_at: datetime) -> tuple[str, datetime]:
        """Who changed the field last and when; the row's last saver when not recorded."""
        row = self.session.get(FieldChangeRow, (table, row_id, field))
        return (row_by, row_at) if row is None else (row.changed_by, row.changed_at)


def link_owners(session: Session, key: Callable[[str], str]) -> int:
    """Point every account whose owner text names no team member (or another one than it
    points to) at the member of that name, added when new; for writers that set the text
    in bulk (imports, the demo). Returns how many accounts changed."""
    rows = session.execute(
        select(AccountRow.id, AccountRow.csm_owner, AccountRow.owner_id, CsmRow.name_key)
        .outerjoin(CsmRow, CsmRow.id == AccountRow.owner_id)).all()
    members = CsmRepository(session)
    changed = 0
    for account_id, owner, owner_id, owner_key in rows:
        wanted = key(owner) if owner else None
        if wanted == owner_key and (owner_id is None) == (wanted is None):
            continue
        new_id = members.find_or_add(owner.strip(), wanted).id if wanted else None
        session.execute(update(AccountRow).where(AccountRow.id == account_id)
                        .values(owner_id=new_id))
        changed += 1
    return changed


class ContactRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def for_account(self, account_id: int) -> list[ContactRow]:
        return list(self.session.scalars(
            select(ContactRow).where(ContactRow.account_id == account_id).order_by(ContactRow.id)
        ))

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(ContactRow)) or 0


class ReviewRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def for_account(self, account_id: int) -> list[ReviewRow]:
        return list(self.session.scalars(
            select(ReviewRow).where(ReviewRow.account_id == account_id)
            .order_by(ReviewRow.scheduled_at)
        ))


class MetricRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def for_account(self, account_id: int) -> list[MetricSnapshotRow]:
        """The account's values, less those stored for a period no reader can use."""
        rows = list(self.session.scalars(
            select(MetricSnapshotRow).where(MetricSnapshotRow.account_id == account_id)
            .order_by(MetricSnapshotRow.period, MetricSnapshotRow.metric_key)
        ))
        readable = [row for row in rows if is_readable(row.period)]
        if len(readable) < len(rows):
            warn_about_skipped(self.session, [account_id])
        return readable

    def replace_for_account(self, account_id: int, rows: Iterable[MetricSnapshotRow]) -> None:
        self.session.execute(
            delete(MetricSnapshotRow).where(MetricSnapshotRow.account_id == account_id)
        )
        self.session.add_all(list(rows))


class SettingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str, default: Any = None) -> Any:
        row = self.session.get(SettingRow, key)
        return default if row is None else json.loads(row.value)

    def set(self, key: str, value: Any) -> None:
        encoded = json.dumps(value, sort_keys=True)
        row = self.session.get(SettingRow, key)
        if row is None:
            self.session.add(SettingRow(key=key, value=encoded))
        else:
            row.value = encoded


def next_review_subquery(after: datetime) -> Subquery:
    """(account_id, next_at): each account's earliest planned review at or after `after`."""
    return (
        select(ReviewRow.account_id, func.min(ReviewRow.scheduled_at).label("next_at"))
        .where(ReviewRow.status == "planned", ReviewRow.scheduled_at >= after)
        .group_by(ReviewRow.account_id)
        .subquery()
    )


def as_utc(value: Any) -> datetime | None:
    """Aggregates bypass the column type, so the UTC marker is put back by hand."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC)

"""Accounts through AccountService on a real file: create, edit, delete, restore."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from store_helpers import NOW, Portfolio, query

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store.database import Store, open_sqlite_store
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import NotFoundError
from qbr_desktop.store.models import AccountRow
from qbr_desktop.store.repositories import (
    ContactRepository,
    MetricRepository,
    ReviewRepository,
)


def children(store: Store, account_id: int) -> dict[str, list[tuple]]:
    with session_scope(store.sessions) as session:
        return {
            "contacts": [(c.id, c.name, c.title, c.email, c.level, c.created_at)
                         for c in ContactRepository(session).for_account(account_id)],
            "reviews": [(r.id, r.scheduled_at, r.time_zone, r.format, r.kind, r.status)
                        for r in ReviewRepository(session).for_account(account_id)],
            "metrics": [(m.id, m.period, m.metric_key, m.value)
                        for m in MetricRepository(session).for_account(account_id)],
        }


def stored_row(db_path: Path, account_id: int) -> list[tuple]:
    return query(db_path, "SELECT * FROM account WHERE id = ?", account_id)


def test_create_stores_a_clean_account(store: Store, service: AccountService) -> None:
    created = service.create(AccountDraft(name="  Globex  ", arr=Decimal("75000.01"),
                                          renewal_date=date(2027, 6, 30)))
    assert created.draft.name == "Globex"
    assert created.tier == "Strategic"
    assert created.created_at == created.updated_at == NOW
    loaded = service.get(created.id)
    assert loaded == created


def test_delete_and_restore_keep_the_id_and_every_child(
    store: Store, service: AccountService, portfolio: Portfolio
) -> None:
    before_account = service.get(portfolio.acme_id)
    before_children = children(store, portfolio.acme_id)
    assert all(before_children.values())

    deleted = service.delete(portfolio.acme_id)
    assert deleted.name == "Acme Corp"
    with pytest.raises(NotFoundError):
        service.get(portfolio.acme_id)
    assert not any(children(store, portfolio.acme_id).values())

    restored = service.restore(deleted)
    assert restored.id == portfolio.acme_id
    assert restored == before_account
    assert children(store, portfolio.acme_id) == before_children
    assert [a.name for a in service.list_accounts()] == ["Acme Corp", "京都セラミック株式会社"]


def test_update_keeps_the_id_and_children(store: Store, db_path: Path, portfolio: Portfolio
                                          ) -> None:
    later = NOW + timedelta(hours=2)
    service = AccountService(store.sessions, clock=lambda: later)
    before_children = children(store, portfolio.acme_id)
    updated = service.update(portfolio.acme_id, {"name": "Acme Corporation",
                                                 "arr": Decimal("20000"),
                                                 "tier_override": "Growth"})
    assert updated.id == portfolio.acme_id
    assert updated.draft.name == "Acme Corporation"
    assert updated.tier == "Growth"
    assert updated.created_at == NOW and updated.updated_at == later
    assert children(store, portfolio.acme_id) == before_children
    assert query(db_path, "SELECT name_key, arr FROM account WHERE id = ?",
                 portfolio.acme_id) == [("acme corporation", 2000000)]


def test_renaming_to_a_different_case_of_itself_is_allowed(service: AccountService,
                                                           portfolio: Portfolio) -> None:
    assert service.update(portfolio.acme_id, {"name": "ACME CORP"}).draft.name == "ACME CORP"


@pytest.mark.parametrize("duplicate", ["acme corp", "  ACME CORP ", "Ａｃｍｅ Ｃｏｒｐ"])
def test_a_duplicate_name_is_refused_on_create(
    db_path: Path, service: AccountService, portfolio: Portfolio, duplicate: str
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        service.create(AccountDraft(name=duplicate))
    assert set(caught.value.problems) == {"name"}
    assert "already called" in caught.value.problems["name"]
    assert query(db_path, "SELECT count(*) FROM account") == [(2,)]


def test_a_duplicate_name_is_refused_on_rename(
    db_path: Path, service: AccountService, portfolio: Portfolio
) -> None:
    before = stored_row(db_path, portfolio.kyoto_id)
    with pytest.raises(ValidationFailed) as caught:
        service.update(portfolio.kyoto_id, {"name": "ACME corp", "arr": Decimal(1)})
    assert set(caught.value.problems) == {"name"}
    assert stored_row(db_path, portfolio.kyoto_id) == before


def test_the_unique_name_key_also_holds_at_the_database(store: Store,
                                                        portfolio: Portfolio) -> None:
    """Even a writer that skips the service's check cannot store a second 'Acme Corp'."""
    with pytest.raises(IntegrityError), session_scope(store.sessions) as session:
        session.add(AccountRow(name="ACME CORP", name_key="acme corp", created_at=NOW,
                               updated_at=NOW))
        session.flush()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"arr": Decimal("-1")}, "arr"),
        ({"name": "   "}, "name"),
        ({"licensed_seats": -4, "csm_owner": "Someone else"}, "licensed_seats"),
        ({"renewal_date": date(1900, 1, 1)}, "renewal_date"),
        ({"currency": "UDS"}, "currency"),
        ({"tier_override": "Enterprise"}, "tier_override"),
        ({"name": "Acme\x00Corp"}, "name"),
    ],
)
def test_an_invalid_update_leaves_the_stored_row_unchanged(
    db_path: Path, service: AccountService, portfolio: Portfolio,
    changes: dict[str, object], field: str
) -> None:
    before = stored_row(db_path, portfolio.acme_id)
    before_account = service.get(portfolio.acme_id)
    with pytest.raises(ValidationFailed) as caught:
        service.update(portfolio.acme_id, changes)
    assert field in caught.value.problems
    assert stored_row(db_path, portfolio.acme_id) == before
    assert service.get(portfolio.acme_id) == before_account


def test_an_update_with_an_unknown_field_changes_nothing(
    db_path: Path, service: AccountService, portfolio: Portfolio
) -> None:
    before = stored_row(db_path, portfolio.acme_id)
    with pytest.raises(ValueError, match="no field"):
        service.update(portfolio.acme_id, {"arr": Decimal(5), "revenue": Decimal(5)})
    assert stored_row(db_path, portfolio.acme_id) == before


def test_restore_when_the_name_was_taken_meanwhile_is_refused(
    service: AccountService, portfolio: Portfolio
) -> None:
    deleted = service.delete(portfolio.acme_id)
    service.create(AccountDraft(name="ACME Corp"))
    with pytest.raises(ValidationFailed) as caught:
        service.restore(deleted)
    assert set(caught.value.problems) == {"name"}


def test_restore_when_the_id_was_reused_gives_a_new_id_and_keeps_children(
    store: Store, service: AccountService, portfolio: Portfolio
) -> None:
    before = children(store, portfolio.kyoto_id)
    deleted = service.delete(portfolio.kyoto_id)
    # SQLite without AUTOINCREMENT reuses the highest freed id.
    reused = service.create(AccountDraft(name="Newcomer"))
    restored = service.restore(deleted)
    assert restored.draft.name == "京都セラミック株式会社"
    if reused.id == portfolio.kyoto_id:
        assert restored.id != portfolio.kyoto_id
    assert [c[1:] for c in children(store, restored.id)["contacts"]] == [
        c[1:] for c in before["contacts"]]


def test_unicode_names_and_money_survive_a_reopen(db_path: Path, store: Store,
                                                  service: AccountService) -> None:
    name = "شركة الأفق <R&D> 株式会社 😀 עברית"
    created = service.create(AccountDraft(name=name, arr=Decimal("12345678901.23"),
                                          currency="ILS"))
    store.close()
    reopened = open_sqlite_store(db_path, now=NOW)
    try:
        account = AccountService(reopened.sessions).get(created.id)
    finally:
        reopened.close()
    assert account.draft.name == name
    assert account.draft.arr == Decimal("12345678901.23")
    assert account.draft.currency == "ILS"


def test_list_accounts_shows_the_next_planned_review(
    store: Store, portfolio: Portfolio
) -> None:
    before_review = AccountService(store.sessions,
                                   clock=lambda: datetime(2027, 1, 1, tzinfo=UTC))
    after_review = AccountService(store.sessions,
                                  clock=lambda: datetime(2027, 2, 1, tzinfo=UTC))
    by_name = {s.name: s for s in before_review.list_accounts()}
    assert by_name["Acme Corp"].next_qbr_at == datetime(2027, 1, 14, 16, 0, tzinfo=UTC)
    assert by_name["京都セラミック株式会社"].next_qbr_at is None
    assert {s.next_qbr_at for s in after_review.list_accounts()} == {None}

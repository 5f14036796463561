"""Files from other versions: an older schema upgrades, a newer one is refused untouched."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from store_helpers import NOW, Portfolio, file_digest, file_state

from qbr_desktop.domain.money import Money
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store.database import open_sqlite_store
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import NewerSchemaError
from qbr_desktop.store.migrate import current_revision, head_revision, stored_revision_readonly
from qbr_desktop.store.repositories import ContactRepository, ReviewRepository

DATA = Path(__file__).resolve().parent / "data"


# Newer schema -------------------------------------------------------------------------------

def _mark_as_future(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
        connection.commit()
    finally:
        connection.close()


def test_a_newer_schema_is_refused_and_left_byte_identical(saved_database: Path) -> None:
    _mark_as_future(saved_database)
    assert not saved_database.with_name(saved_database.name + "-wal").exists()
    before = file_state(saved_database)

    with pytest.raises(NewerSchemaError) as caught:
        open_sqlite_store(saved_database, now=NOW)

    assert str(saved_database) in str(caught.value)
    assert "ffff_future" in str(caught.value)
    assert caught.value.found == "ffff_future"
    assert file_state(saved_database) == before
    # No backup was taken of a file this version does not understand.
    assert not (saved_database.parent / "backups").exists() or not any(
        (saved_database.parent / "backups").iterdir())


def test_a_newer_schema_is_refused_on_every_attempt(saved_database: Path) -> None:
    _mark_as_future(saved_database)
    before = file_state(saved_database)
    for _ in range(2):
        with pytest.raises(NewerSchemaError):
            open_sqlite_store(saved_database, now=NOW)
    assert file_state(saved_database) == before
    assert stored_revision_readonly(saved_database) == "ffff_future"


# The committed file from schema 0001 ---------------------------------------------------------

def test_the_committed_0001_file_is_what_the_tests_expect() -> None:
    source = DATA / "schema-0001.sqlite"
    assert stored_revision_readonly(source) == "0001"
    assert not source.with_name(source.name + "-wal").exists()
    with source.open("rb") as handle:
        header = handle.read(20)
    # Bytes 18 and 19 are 1 for a rollback-journal (not WAL) file.
    assert header[:16] == b"SQLite format 3\x00"
    assert header[18:20] == b"\x01\x01"


def test_a_schema_0001_file_opens_and_reads_back(schema_0001_file: Path) -> None:
    original = file_digest(DATA / "schema-0001.sqlite")
    store = open_sqlite_store(schema_0001_file, now=NOW)
    try:
        assert current_revision(store.engine) == head_revision()
        if head_revision() != "0001":
            assert store.backup_taken is not None
            assert store.backup_taken.reason == "before-upgrade"
        service = AccountService(store.sessions, clock=lambda: datetime(2026, 12, 1, tzinfo=UTC))
        summaries = service.list_accounts()
        assert [s.name for s in summaries] == ["Acme Corp", "京都セラミック株式会社"]
        acme, kyoto = summaries
        assert acme.arr == Money(Decimal("120000.50"), "USD")
        assert acme.tier == "Strategic" and not acme.tier_is_override
        assert acme.next_qbr_at == datetime(2027, 1, 14, 16, 0, tzinfo=UTC)
        assert acme.renewal_date == date(2027, 3, 31)
        assert kyoto.arr == Money(Decimal("2500000.00"), "JPY")
        assert kyoto.tier == "Core" and kyoto.tier_is_override
        assert kyoto.next_qbr_at is None

        detail = service.get(acme.id)
        assert detail.draft.notes == "Expansion candidate.\nExec sponsor changed in Q3."
        assert detail.draft.employee_band == "201–1,000"
        assert detail.created_at.tzinfo is UTC

        history = service.metric_history(acme.id)
        assert history.quarters == (Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3))
        rows = {definition.key: series for definition, series in history.rows}
        assert rows["active_users"] == (150.0, 180.0, 204.0)
        assert rows["csat"] == (None, None, 4.4)

        with session_scope(store.sessions) as session:
            assert [c.name for c in ContactRepository(session).for_account(kyoto.id)] == [
                "ليلى الحسن"]
            assert [c.name for c in ContactRepository(session).for_account(acme.id)] == [
                "Ana Núñez"]
            reviews = ReviewRepository(session).for_account(acme.id)
            assert [(r.format, r.time_zone) for r in reviews] == [
                ("in-person", "America/New_York")]

        # And it is writable at the new schema.
        renamed = service.update(kyoto.id, {"name": "京セラ", "arr": Decimal("2600000")})
        assert service.get(kyoto.id).draft.name == "京セラ"
        assert renamed.id == kyoto.id
    finally:
        store.close()
    assert file_digest(DATA / "schema-0001.sqlite") == original


def test_a_database_written_today_can_be_reopened(saved_database: Path,
                                                  portfolio: Portfolio) -> None:
    store = open_sqlite_store(saved_database, now=NOW)
    try:
        account = AccountService(store.sessions).get(portfolio.kyoto_id)
        assert account.draft.name == "京都セラミック株式会社"
        assert account.draft.arr == Decimal("24999.99")
    finally:
        store.close()

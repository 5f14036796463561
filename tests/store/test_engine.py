"""Connection setup: PRAGMAs on every pooled connection, transactional DDL, cascades."""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from store_helpers import Portfolio, count_rows

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store import engine as engine_module
from qbr_desktop.store.database import Store, open_sqlite_store
from qbr_desktop.store.engine import (
    BUSY_TIMEOUT_MS,
    create_store_engine,
    session_scope,
    sqlite_url,
)
from qbr_desktop.store.errors import PortfolioBusyError
from qbr_desktop.store.models import AccountRow, ContactRow, MetricSnapshotRow, ReviewRow
from qbr_desktop.store.repositories import ContactRepository


def test_every_pooled_connection_has_foreign_keys_and_wal(store: Store) -> None:
    with ExitStack() as stack:
        connections = [stack.enter_context(store.engine.connect()) for _ in range(4)]
        raw = {id(c.connection.driver_connection) for c in connections}
        assert len(raw) == 4, "expected four distinct DBAPI connections from the pool"
        for connection in connections:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS
            # synchronous=NORMAL is 1
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1
    # Connections handed back to the pool and handed out again keep the settings.
    for _ in range(3):
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_foreign_keys_hold_in_a_fresh_engine_too(db_path: Path, store: Store) -> None:
    engine = create_store_engine(sqlite_url(str(db_path)))
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_a_contact_for_a_missing_account_is_refused(store: Store) -> None:
    now = datetime.now(UTC)
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), session_scope(
        store.sessions
    ) as session:
        session.add(ContactRow(account_id=9999, name="Orphan", level="User",
                               created_at=now, updated_at=now))
        session.flush()
    with session_scope(store.sessions) as session:
        assert ContactRepository(session).count() == 0


def test_a_contact_is_refused_through_raw_sql_too(store: Store) -> None:
    with pytest.raises(IntegrityError), store.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO contact (account_id, name, title, email, phone, level, created_at, "
            "updated_at) VALUES (42, 'x', '', '', '', 'User', '2026-01-01', '2026-01-01')"))


def test_ddl_rolls_back_with_its_transaction(store: Store) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), store.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
        connection.exec_driver_sql("ALTER TABLE account ADD COLUMN scratch_col TEXT")
        raise Boom
    with store.engine.connect() as connection:
        tables = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name = 'scratch'").all()
        columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(account)")]
    assert tables == []
    assert "scratch_col" not in columns


def test_session_scope_rolls_back_on_error(store: Store, service: AccountService,
                                           portfolio: Portfolio) -> None:
    with pytest.raises(RuntimeError), session_scope(store.sessions) as session:
        session.execute(text("DELETE FROM contact"))
        raise RuntimeError("abandon")
    with session_scope(store.sessions) as session:
        assert ContactRepository(session).count() == 2


def test_deleting_an_account_in_sql_cascades_to_its_children(
    db_path: Path, store: Store, portfolio: Portfolio
) -> None:
    acme_id = portfolio.acme_id
    kyoto_id = portfolio.kyoto_id
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM account WHERE id = :id"), {"id": acme_id})
    with session_scope(store.sessions) as session:
        for model in (ContactRow, ReviewRow, MetricSnapshotRow):
            assert session.scalar(
                select(func.count()).select_from(model).where(model.account_id == acme_id)) == 0
        # The other account keeps its contact.
        assert session.scalar(select(func.count()).select_from(ContactRow)
                              .where(ContactRow.account_id == kyoto_id)) == 1
        assert session.get(AccountRow, kyoto_id) is not None


def test_deleting_an_account_through_the_service_cascades(
    db_path: Path, store: Store, service: AccountService, portfolio: Portfolio
) -> None:
    service.delete(portfolio.acme_id)
    store.close()
    assert count_rows(db_path, "account") == 1
    assert count_rows(db_path, "contact") == 1
    assert count_rows(db_path, "review") == 0
    assert count_rows(db_path, "metric_snapshot") == 0


def _hold_write_lock(path: Path, seconds: float, started: threading.Event) -> None:
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE account SET notes = 'held' WHERE id = 1")
        started.set()
        time.sleep(seconds)
        holder.execute("COMMIT")
    finally:
        holder.close()


def test_a_writer_that_reads_first_waits_for_another_writer(
        db_path: Path, store: Store, service: AccountService, portfolio: Portfolio) -> None:
    """A deferred BEGIN that reads, then writes, fails at once; the unit must wait instead."""
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db_path, 0.6, started))
    holder.start()
    started.wait(5)
    service.update(portfolio.acme_id, {"notes": "mine"})  # reads the row, then writes
    holder.join()
    assert service.get(portfolio.acme_id).draft.notes == "mine"


def test_a_database_busy_past_the_wait_is_refused_in_a_sentence(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    opened = open_sqlite_store(db_path)
    service = AccountService(opened.sessions)
    account = service.create(AccountDraft("Acme"))
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db_path, 1.5, started))
    holder.start()
    started.wait(5)
    try:
        with pytest.raises(PortfolioBusyError, match="is busy: another QBR Desktop window"):
            service.update(account.id, {"notes": "mine"})
        assert service.get(account.id).draft.notes == ""  # reads do not wait for the writer
    finally:
        holder.join()
        opened.close()


def test_reading_units_do_not_take_the_write_lock(store: Store, portfolio: Portfolio) -> None:
    with session_scope(store.sessions, reading=True) as reader:
        reader.execute(text("SELECT count(*) FROM account")).scalar()
        with session_scope(store.sessions) as writer:  # would wait if the reader held it
            writer.execute(text("UPDATE account SET notes = 'x'"))
    with session_scope(store.sessions, reading=True) as session:
        assert set(session.scalars(text("SELECT notes FROM account"))) == {"x"}

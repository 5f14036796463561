"""Migration 0010: every portfolio gets its own random id, kept for good, and the table
where calendar exports keep each event's SEQUENCE."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from store_helpers import NOW, query

from qbr_desktop.services.settings import PORTFOLIO_ID_KEY, PortfolioSettings
from qbr_desktop.store.database import open_sqlite_store


def stored_id(path: Path) -> str:
    rows = query(path, "SELECT value FROM setting WHERE key = ?", PORTFOLIO_ID_KEY)
    assert len(rows) == 1
    return str(json.loads(rows[0][0]))


def _downgrade_to_0010(path: Path) -> None:
    from alembic import command

    from qbr_desktop.store.engine import create_store_engine, sqlite_url
    from qbr_desktop.store.migrate import alembic_config

    engine = create_store_engine(sqlite_url(str(path)))
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0010")
    finally:
        engine.dispose()


def open_and_close(path: Path) -> None:
    open_sqlite_store(path, now=NOW).close()


def test_each_new_portfolio_gets_its_own_random_id(tmp_path: Path) -> None:
    first, second = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    open_and_close(first)
    open_and_close(second)
    assert uuid.UUID(stored_id(first)).version == 4
    assert stored_id(first) != stored_id(second)


def test_the_id_is_kept_on_reopening_and_by_a_copy(db_path: Path, tmp_path: Path) -> None:
    open_and_close(db_path)
    kept = stored_id(db_path)
    open_and_close(db_path)
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(db_path, copy)
    open_and_close(copy)
    assert stored_id(db_path) == stored_id(copy) == kept
    store = open_sqlite_store(db_path, now=NOW)
    try:
        assert PortfolioSettings(store.sessions).portfolio_id() == kept
    finally:
        store.close()


def test_an_old_file_gets_an_id_when_upgraded(schema_0001_file: Path) -> None:
    assert query(schema_0001_file, "SELECT count(*) FROM setting WHERE key = ?",
                 PORTFOLIO_ID_KEY) == [(0,)]
    open_and_close(schema_0001_file)
    uuid.UUID(stored_id(schema_0001_file))
    assert query(schema_0001_file, "SELECT count(*) FROM calendar_event") == [(0,)]


def test_running_the_migration_again_keeps_the_id(db_path: Path) -> None:
    open_and_close(db_path)
    kept = stored_id(db_path)
    _downgrade_to_0010(db_path)  # the revisions after 0010 undone as they say
    query(db_path, "DROP TABLE calendar_event")
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0009'")
    connection.close()
    open_and_close(db_path)
    assert stored_id(db_path) == kept


@pytest.mark.parametrize("damaged", ['"not a uuid"', "{broken json", "null"])
def test_a_damaged_id_is_replaced_once_and_then_kept(db_path: Path, damaged: str) -> None:
    open_and_close(db_path)
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("UPDATE setting SET value = ? WHERE key = ?",
                           (damaged, PORTFOLIO_ID_KEY))
    connection.close()
    store = open_sqlite_store(db_path, now=NOW)
    try:
        settings = PortfolioSettings(store.sessions)
        replaced = settings.portfolio_id()
        assert uuid.UUID(replaced) and settings.portfolio_id() == replaced
    finally:
        store.close()


def test_a_sequence_below_zero_is_refused(db_path: Path) -> None:
    open_and_close(db_path)
    connection = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="sequence_not_negative"):
            connection.execute("INSERT INTO calendar_event VALUES ('x', -1, 'f', "
                               "'2026-01-01 00:00:00')")
    finally:
        connection.close()

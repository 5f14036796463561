"""Reading what a portfolio file holds with sqlite3 alone: never changing it, and saying
"not readable" rather than raising for a file that is not a database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qbr_desktop.store.file_probe import count_accounts, make_standalone, probe_file


def _database(path: Path, *statements: str) -> Path:
    with sqlite3.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)
    return path


def test_a_file_that_is_not_a_database_is_not_readable(tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite"
    notes.write_bytes(b"QBR notes, not a database \x00\x01" * 100)
    before = notes.read_bytes()
    assert probe_file(notes, ("portfolio.demo",)) is None
    assert count_accounts(notes) == 0
    assert notes.read_bytes() == before


def test_settings_accounts_and_deck_plans_are_read(tmp_path: Path) -> None:
    path = _database(tmp_path / "p.sqlite",
                     "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT)",
                     "CREATE TABLE account (id INTEGER PRIMARY KEY)",
                     "INSERT INTO setting VALUES ('portfolio.demo', 'true')",
                     "INSERT INTO account VALUES (1)", "INSERT INTO account VALUES (2)")
    contents = probe_file(path, ("portfolio.demo", "portfolio.demo_complete"))
    assert contents is not None
    assert contents.settings == {"portfolio.demo": "true"}
    assert contents.has_accounts and contents.has_deck_plans is None
    assert count_accounts(path) == 2
    _database(path, "CREATE TABLE deck_plan (id INTEGER PRIMARY KEY)")
    with_plans = probe_file(path, ())
    assert with_plans is not None and with_plans.has_deck_plans is False


def test_a_database_without_our_tables(tmp_path: Path) -> None:
    other = _database(tmp_path / "other.sqlite", "CREATE TABLE recipes (name TEXT)")
    contents = probe_file(other, ("portfolio.demo",))
    assert contents is not None and contents.has_tables and not contents.has_settings_table


def test_a_built_file_stands_alone_without_its_log(tmp_path: Path) -> None:
    path = tmp_path / "built.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE account (id INTEGER PRIMARY KEY)")
    connection.execute("INSERT INTO account VALUES (7)")
    connection.commit()
    connection.close()
    make_standalone(path)
    assert not path.with_name("built.sqlite-wal").exists() or \
        path.with_name("built.sqlite-wal").stat().st_size == 0
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert count_accounts(path) == 1

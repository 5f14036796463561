"""Reading a portfolio file with sqlite3 alone, without SQLAlchemy or a migration check:
what it holds (so every open can tell a demo cut short without loading the demo builder),
how many accounts, and making a freshly built file stand alone before it is moved into
place. The services decide what the readings mean.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qbr_desktop.store.sqlite_uri import sqlite_uri


@dataclass(frozen=True)
class FileContents:
    """What a readable portfolio file holds, as far as deciding what it is goes."""

    has_tables: bool
    has_settings_table: bool
    settings: dict[str, str] = field(default_factory=dict)  # the keys asked for, if stored
    has_accounts: bool = False
    has_deck_plans: bool | None = None  # None: the file has no deck plan table


def probe_file(path: Path, setting_keys: Iterable[str]) -> FileContents | None:
    """What `path` holds, read without changing it; None when it is not a database sqlite3
    can read (damaged, not SQLite, or locked out)."""
    try:
        connection = sqlite3.connect(sqlite_uri(path), uri=True)
    except sqlite3.Error:
        return None
    try:
        def one(sql: str, *params: object) -> object:
            row = connection.execute(sql, params).fetchone()
            return row[0] if row else None

        if not one("SELECT 1 FROM sqlite_master WHERE type='table' AND name='setting'"):
            return FileContents(has_tables=bool(one("SELECT 1 FROM sqlite_master "
                                                    "WHERE type='table'")),
                                has_settings_table=False)
        settings = {}
        for key in setting_keys:
            value = one("SELECT value FROM setting WHERE key = ?", key)
            if value is not None:
                settings[key] = str(value)
        has_deck_plans = bool(one("SELECT 1 FROM deck_plan LIMIT 1")) if one(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='deck_plan'") else None
        return FileContents(has_tables=True, has_settings_table=True, settings=settings,
                            has_accounts=bool(one("SELECT 1 FROM account LIMIT 1")),
                            has_deck_plans=has_deck_plans)
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()


def count_accounts(path: Path) -> int:
    """The accounts in the file; 0 when it cannot be read."""
    connection = sqlite3.connect(sqlite_uri(path), uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM account").fetchone()[0])
    except sqlite3.DatabaseError:
        return 0
    finally:
        connection.close()


def make_standalone(database: Path) -> None:
    """Everything in the main file, nothing in a -wal, and the bytes on disk."""
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    finally:
        connection.close()
    with open(database, "rb+") as stream:
        os.fsync(stream.fileno())

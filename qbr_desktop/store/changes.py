"""Noticing that someone else saved: one cheap reading an open window polls.

On PostgreSQL every unit of work that wrote raises the ``edits`` counter (engine.py, before
its commit; migration 0011 made it), so one row tells whether anything changed. On SQLite
the file says so itself: ``PRAGMA data_version`` changes when another connection commits,
read on a connection of its own that keeps no transaction open.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Engine, select

from qbr_desktop.store.models import ChangeCounterRow
from qbr_desktop.store.sqlite_uri import sqlite_uri

EDITS = "edits"


class ChangeMarker:
    """`read()` returns a value that differs after any commit by another connection."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._file: sqlite3.Connection | None = None

    def read(self) -> Any:
        if self._engine.dialect.name == "sqlite":
            return self._sqlite_version()
        with self._engine.connect() as connection:
            return connection.execute(select(ChangeCounterRow.value).where(
                ChangeCounterRow.name == EDITS)).scalar()

    def _sqlite_version(self) -> int:
        if self._file is None:
            database = self._engine.url.database or ""
            uri = database if database.startswith("file:") else sqlite_uri(database)
            self._file = sqlite3.connect(uri, uri=True, check_same_thread=False,
                                         isolation_level=None)
        row = self._file.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

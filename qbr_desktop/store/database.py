"""Opening a portfolio database: check it, back it up, migrate it, hand out sessions."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.store.backup import (
    BackupInfo,
    list_backups,
    newest_verified_backup,
    take_backup,
)
from qbr_desktop.store.engine import create_store_engine, make_session_factory, sqlite_url
from qbr_desktop.store.errors import (
    CorruptDatabaseError,
    MigrationFailedError,
    NewerSchemaError,
    StoreError,
    UnwritableLocationError,
)
from qbr_desktop.store.location import location_warning, writable_problem
from qbr_desktop.store.migrate import (
    MIGRATIONS_DIR,
    current_revision,
    head_revision,
    known_revisions,
    stored_revision_readonly,
    upgrade_to_head,
)

SQLITE_HEADER = b"SQLite format 3\x00"
STARTUP_BACKUP_INTERVAL = timedelta(hours=20)
DEFAULT_BACKUPS_TO_KEEP = 10


@dataclass
class Store:
    """An open, migrated database and the session factory for it."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: str
    path: Path | None = None
    backups_folder: Path | None = None
    notices: list[str] = field(default_factory=list)
    backup_taken: BackupInfo | None = None

    def close(self) -> None:
        self.engine.dispose()

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string(
            hide_password=True)


def backups_folder_for(path: Path) -> Path:
    return path.parent / "backups"


def _read_revision(path: Path, backups: Path) -> str | None:
    """The stored schema revision; raises CorruptDatabaseError for a damaged file."""
    def damaged(detail: str) -> CorruptDatabaseError:
        backup = newest_verified_backup(path, backups)
        return CorruptDatabaseError(path, detail, backup.path if backup else None)

    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise damaged("it is not a SQLite database")
    try:
        revision = stored_revision_readonly(path)
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise damaged(str(exc)) from exc
    if result != ["ok"]:
        raise damaged("; ".join(result[:2]))
    return revision


def open_sqlite_store(
    path: Path,
    *,
    backups_folder: Path | None = None,
    keep_backups: int = DEFAULT_BACKUPS_TO_KEEP,
    now: datetime | None = None,
    script_location: Path = MIGRATIONS_DIR,
) -> Store:
    path = path.expanduser().absolute()
    backups = backups_folder or backups_folder_for(path)
    now = now or datetime.now(UTC)
    if problem := writable_problem(path.parent):
        raise UnwritableLocationError(path.parent, problem)
    path.parent.mkdir(parents=True, exist_ok=True)
    exists = path.exists() and path.stat().st_size > 0
    if path.exists() and not os.access(path, os.W_OK):
        raise UnwritableLocationError(path, "the file is read-only")

    revision: str | None = None
    if exists:
        revision = _read_revision(path, backups)
        if revision is not None and revision not in known_revisions(script_location):
            raise NewerSchemaError(path, revision)

    notices = [warning] if (warning := location_warning(path)) else []
    backup: BackupInfo | None = None
    if exists:
        pending = revision != head_revision(script_location)
        newest = next(iter(list_backups(path, backups)), None)
        due = newest is None or now - newest.taken_at >= STARTUP_BACKUP_INTERVAL
        if pending or due:
            backup = take_backup(path, backups, "before-upgrade" if pending else "startup",
                                 now=now, keep=keep_backups)

    engine = create_store_engine(sqlite_url(str(path)))
    if exists and revision == head_revision(script_location):
        return Store(engine, make_session_factory(engine), sqlite_url(str(path)), path,
                     backups, notices, backup)
    try:
        upgrade_to_head(engine, script_location)
    except (SQLAlchemyError, StoreError, ImportError, RuntimeError, ValueError) as exc:
        engine.dispose()
        raise MigrationFailedError(path, str(exc).splitlines()[0],
                                   backup.path if backup else None) from exc
    if exists and revision != current_revision(engine):
        kept = f" (backup at {backup.path})" if backup else ""
        notices.append(f"Updated the database to this version{kept}.")
    return Store(engine, make_session_factory(engine), sqlite_url(str(path)), path, backups,
                 notices, backup)


def open_url_store(url: str, *, script_location: Path = MIGRATIONS_DIR) -> Store:
    """Any SQLAlchemy URL (a team server): migrations run, backups are the server's job."""
    engine = create_store_engine(url)
    revision = current_revision(engine)
    if revision is not None and revision not in known_revisions(script_location):
        engine.dispose()
        raise NewerSchemaError(url, revision)
    try:
        upgrade_to_head(engine, script_location)
    except (SQLAlchemyError, StoreError) as exc:
        engine.dispose()
        raise MigrationFailedError(url, str(exc).splitlines()[0], None) from exc
    return Store(engine, make_session_factory(engine), url)

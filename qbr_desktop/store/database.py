"""Opening a portfolio database: check it, back it up, migrate it, hand out sessions."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.os_errors import describe as describe_os_error
from qbr_desktop.store.backup import (
    DEFAULT_BACKUP_BYTES,
    DEFAULT_BACKUPS_TO_KEEP,
    STARTUP_BACKUP_INTERVAL,
    BackupInfo,
    backups_folder_for,
    crash_suspected,
    newest_verified_backup,
    prune_stale_temp_files,
    startup_backup_due,
    take_backup,
)
from qbr_desktop.store.engine import (
    create_store_engine,
    make_session_factory,
    read_only_sqlite_url,
    sqlite_url,
)
from qbr_desktop.store.errors import (
    BackupError,
    CorruptDatabaseError,
    MigrationFailedError,
    NewerSchemaError,
    ReadOnlyDatabaseError,
    StoreError,
    UnwritableLocationError,
)
from qbr_desktop.store.location import (
    create_private_file,
    keep_private,
    location_warning,
    make_private_folder,
    read_only_alert,
    read_only_flags,
    read_only_reason,
    writable_problem,
)
from qbr_desktop.store.migrate import (
    MIGRATIONS_DIR,
    current_revision,
    head_revision,
    known_revisions,
    stored_revision_readonly,
    upgrade_to_head,
)
from qbr_desktop.store.sqlite_uri import sqlite_uri

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
__all__ = ["STARTUP_BACKUP_INTERVAL", "Store", "backups_folder_for", "open_sqlite_store",
           "open_url_store"]


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
    # Opened without write access: reads work, every write raises ReadOnlyDatabaseError.
    read_only: bool = False
    # The notices a person should see even where notices are not shown (the command line):
    # a skipped backup, a read-only file.
    alerts: list[str] = field(default_factory=list)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def display_name(self) -> str:
        return str(self.path) if self.path else self.engine.url.render_as_string(
            hide_password=True)


def _damaged(path: Path, backups: Path, detail: str) -> CorruptDatabaseError:
    backup = newest_verified_backup(path, backups)
    return CorruptDatabaseError(path, detail, backup.path if backup else None)


def _read_revision(path: Path, backups: Path, flags: str = "mode=ro") -> str | None:
    """The stored schema revision; raises CorruptDatabaseError for a damaged file."""
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise _damaged(path, backups, "it is not a SQLite database")
    try:
        return stored_revision_readonly(path, flags)
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, backups, str(exc)) from exc


def _check_whole_file(path: Path, backups: Path, flags: str) -> None:
    """SQLite's quick check, which reads every page (seconds for a big file): run before a
    backup or an update and after a crash, not on every open. `qbr check` and every backup
    run the full integrity check. Raises CorruptDatabaseError."""
    try:
        connection = sqlite3.connect(sqlite_uri(path, flags), uri=True)
        try:
            result = [row[0] for row in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, backups, str(exc)) from exc
    if result != ["ok"]:
        raise _damaged(path, backups, "; ".join(result[:2]))


def open_sqlite_store(
    path: Path,
    *,
    backups_folder: Path | None = None,
    keep_backups: int = DEFAULT_BACKUPS_TO_KEEP,
    keep_backup_bytes: int = DEFAULT_BACKUP_BYTES,
    now: datetime | None = None,
    script_location: Path = MIGRATIONS_DIR,
) -> Store:
    path = path.expanduser().absolute()
    backups = backups_folder or backups_folder_for(path)
    now = now or datetime.now(UTC)
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file; give the file's name "
                         f"(for example {path / 'qbr.sqlite'}).")
    exists = path.exists() and path.stat().st_size > 0
    read_only = read_only_reason(path) if exists else None
    if read_only is None:
        if problem := writable_problem(path.parent):
            raise UnwritableLocationError(path.parent, problem)
        make_private_folder(path.parent)
        create_private_file(path)
    flags = read_only_flags(path) if read_only else "mode=ro"

    revision: str | None = None
    head = head_revision(script_location)
    backup_due = exists and startup_backup_due(path, backups, now)
    checked_by_backup = False
    if exists:
        crashed = crash_suspected(path)
        revision = _read_revision(path, backups, flags)
        # Today's backup copies every page and runs the full integrity check on the copy,
        # which is this file's state: checking the file first read it all once more (half
        # the first start of the day). When the backup is not made, the file is checked.
        checked_by_backup = (backup_due and not crashed and read_only is None
                             and revision == head)
        if not checked_by_backup and (backup_due or crashed or revision not in (None, head)):
            _check_whole_file(path, backups, flags)
        if revision is not None and revision not in known_revisions(script_location):
            raise NewerSchemaError(path, revision)

    notices = [warning] if (warning := location_warning(path)) else []
    pending = revision != head
    if read_only is not None:
        if pending:
            raise ReadOnlyDatabaseError(
                path, f"{read_only}, and it needs updating to this version first")
        return _read_only_store(path, flags, read_only, backups, notices)

    backup: BackupInfo | None = None
    skipped: list[str] = []
    if exists:
        prune_stale_temp_files(backups)
        if pending:
            # No update without a way back: this one is not skipped.
            backup = take_backup(path, backups, "before-upgrade", now=now, keep=keep_backups,
                                 keep_bytes=keep_backup_bytes)
        elif backup_due:
            backup, skipped = _startup_backup(path, backups, now, keep_backups,
                                              keep_backup_bytes)
            if backup is None and checked_by_backup:
                _check_whole_file(path, backups, flags)  # no verified copy: was it the file?
            notices += skipped

    engine = create_store_engine(sqlite_url(str(path)))
    if exists and not pending:
        return Store(engine, make_session_factory(engine), sqlite_url(str(path)), path,
                     backups, notices, backup, alerts=[n for n in notices if n in skipped])
    try:
        upgrade_to_head(engine, script_location)
    except (SQLAlchemyError, StoreError, ImportError, RuntimeError, ValueError) as exc:
        engine.dispose()
        raise MigrationFailedError(path, str(exc).splitlines()[0],
                                   backup.path if backup else None) from exc
    keep_private(path)
    if exists and revision != current_revision(engine):
        kept = f" (backup at {backup.path})" if backup else ""
        notices.append(f"Updated the database to this version{kept}.")
    return Store(engine, make_session_factory(engine), sqlite_url(str(path)), path, backups,
                 notices, backup)


def _startup_backup(path: Path, backups: Path, now: datetime, keep: int,
                    keep_bytes: int) -> tuple[BackupInfo | None, list[str]]:
    """Today's backup, or a notice saying why there is none; it never stops the work."""
    try:
        return take_backup(path, backups, "startup", now=now, keep=keep,
                           keep_bytes=keep_bytes), []
    except (BackupError, OSError, sqlite3.Error) as exc:
        reason = describe_os_error(exc, backups) if isinstance(exc, OSError) else str(exc)
        log.warning("Skipped the start-up backup of %s: %s", path, reason)
        return None, [f"Skipped today's backup of {path.name}: {reason}"]


def _read_only_store(path: Path, flags: str, reason: str, backups: Path,
                     notices: list[str]) -> Store:
    url = read_only_sqlite_url(str(path), immutable="immutable=1" in flags)
    engine = create_store_engine(url, read_only=reason)
    alert = read_only_alert(path, reason)
    return Store(engine, make_session_factory(engine), url, path, backups, [*notices, alert],
                 None, read_only=True, alerts=[alert])


def open_url_store(url: str, *, script_location: Path = MIGRATIONS_DIR) -> Store:
    """A SQLAlchemy URL: a team server (PostgreSQL), or a file named by URL.

    A server's schema is the team's: it is opened only at this version's head, and never
    migrated here (store/server.py). Backups are the server's job.
    """
    from qbr_desktop.store.server import check_server_schema, connect_error, server_engine

    engine = server_engine(url)
    if engine.dialect.name == "postgresql":
        try:
            check_server_schema(engine, url, script_location)
        except StoreError:
            engine.dispose()
            raise
        except SQLAlchemyError as exc:
            engine.dispose()
            raise connect_error(url, exc) from exc
        return Store(engine, make_session_factory(engine), url)
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

"""Consistent, verified SQLite backups: the backup API, never a copy of the live file.

A plain file copy of a WAL database can miss every committed row still in the
``-wal`` file; SQLite's online backup API reads through the WAL and yields a
self-contained file, which is then opened and integrity-checked before it counts.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from qbr_desktop.store.errors import BackupError
from qbr_desktop.store.location import make_private_folder
from qbr_desktop.store.sqlite_uri import sqlite_uri

_STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
_SQLITE_FULL = 13
# Temp files of a backup being written: ours (.NAME.<12 hex>.backup-part) and those of
# older releases (.NAME.<8 characters>.tmp, from tempfile.mkstemp), and SQLite's journal
# beside either.
_TEMP_NAME = re.compile(
    r"^\..+\.sqlite\.(?:[0-9a-f]{12}\.backup-part|[a-z0-9_]{8}\.tmp)(?:-journal|-wal|-shm)?$")
# A backup still being written is younger than this; an older temp file was left by a
# process that was killed or lost power.
STALE_TEMP_AGE_S = 10 * 60
# A start-up backup is taken when the newest is older than this: about one a working day.
STARTUP_BACKUP_INTERVAL = timedelta(hours=20)
DEFAULT_BACKUPS_TO_KEEP = 10
# Together the kept backups take at most this much room (the newest is kept whatever its
# size): a portfolio of 50,000 accounts is 1.3 GB, and ten copies of it would be 13 GB.
DEFAULT_BACKUP_BYTES = 4 * 1024**3
_BACKUP_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<reason>[a-z-]+))?\.sqlite$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def integrity_problem(path: Path) -> str | None:
    """None when SQLite's integrity check passes, else what it reported."""
    try:
        connection = sqlite3.connect(sqlite_uri(path), uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        connection.close()
    messages = [row[0] for row in rows]
    return None if messages == ["ok"] else "; ".join(messages[:3])


def copy_database(source: Path, destination: Path) -> Path:
    """Write a consistent copy of `source` to `destination` atomically, then verify it."""
    make_private_folder(destination.parent)
    # Owner-only like the database itself; the name says whose it is (prune_stale_temp_files).
    temp_path = destination.with_name(f".{destination.name}.{secrets.token_hex(6)}.backup-part")
    os.close(os.open(temp_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        src = sqlite3.connect(sqlite_uri(source), uri=True)
        try:
            dst = sqlite3.connect(temp_path)
            try:
                src.backup(dst)
                # The copy is a standalone file: no WAL for whoever opens it next.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        problem = integrity_problem(temp_path)
        if problem:
            raise BackupError(f"the backup of {source} failed its integrity check ({problem})")
        os.replace(temp_path, destination)
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL:
            raise BackupError(f"the disk holding {destination.parent} is full, so no backup of "
                              f"{source.name} could be written") from exc
        raise BackupError(f"could not back up {source}: {exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp_path.unlink()
    return destination


def prune_stale_temp_files(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove temp files that killed backups left in `folder`; never a finished backup."""
    if not folder.is_dir():
        return []
    now = time.time() if now is None else now
    removed = []
    for entry in folder.iterdir():
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            if now - entry.stat().st_mtime >= STALE_TEMP_AGE_S:
                entry.unlink()
                removed.append(entry)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def backup_name(database: Path, taken_at: datetime, reason: str) -> str:
    return f"{database.name}-{taken_at.astimezone(UTC).strftime(_STAMP_FORMAT)}-{reason}.sqlite"


def take_backup(database: Path, folder: Path, reason: str, *, now: datetime | None = None,
                keep: int = DEFAULT_BACKUPS_TO_KEEP,
                keep_bytes: int = DEFAULT_BACKUP_BYTES) -> BackupInfo:
    taken_at = (now or datetime.now(UTC)).replace(microsecond=0)
    prune_stale_temp_files(folder)
    path = copy_database(database, folder / backup_name(database, taken_at, reason))
    prune_backups(database, folder, keep=keep, keep_bytes=keep_bytes)
    return BackupInfo(path, taken_at, reason)


def backups_folder_for(path: Path) -> Path:
    return path.parent / "backups"


def crash_suspected(database: Path) -> bool:
    """A -wal with frames beside the file: the last program to have it open did not close it
    (it crashed or was killed), or another one has it open now."""
    wal = database.with_name(database.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def startup_backup_due(database: Path, folder: Path, now: datetime) -> bool:
    """No backup of `database` in `folder` was taken in the last STARTUP_BACKUP_INTERVAL."""
    newest = next(iter(list_backups(database, folder)), None)
    return newest is None or now - newest.taken_at >= STARTUP_BACKUP_INTERVAL


def list_backups(database: Path, folder: Path) -> list[BackupInfo]:
    """This database's backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _BACKUP_NAME.match(entry.name)
        if match and match["stem"] == database.name:
            taken_at = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
            found.append(BackupInfo(entry, taken_at, match["reason"] or ""))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def prune_backups(database: Path, folder: Path, *, keep: int,
                  keep_bytes: int | None = None) -> list[Path]:
    """Remove the oldest backups beyond the newest `keep`, and beyond `keep_bytes` together;
    the newest backup always stays."""
    removed: list[Path] = []
    kept_bytes, full = 0, False
    for number, backup in enumerate(list_backups(database, folder)):
        with contextlib.suppress(OSError):  # gone already: it takes no room
            kept_bytes += backup.size
        # Once a backup does not fit, none older does: what is kept is the newest run.
        full = full or number >= max(keep, 1) or (
            number > 0 and keep_bytes is not None and kept_bytes > keep_bytes)
        if full:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def newest_verified_backup(database: Path, folder: Path) -> BackupInfo | None:
    for backup in list_backups(database, folder):
        if integrity_problem(backup.path) is None:
            return backup
    return None


def set_aside(database: Path, label: str, *, now: datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm) out of the way; never overwrite it."""
    stamp = (now or datetime.now(UTC)).strftime(_STAMP_FORMAT)
    target = database.with_name(f"{database.name}.{label}-{stamp}")
    counter = 1
    while target.exists():
        target = database.with_name(f"{database.name}.{label}-{stamp}-{counter}")
        counter += 1
    os.replace(database, target)
    for suffix in ("-wal", "-shm"):
        side = database.with_name(database.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    return target


def restore_backup(backup: Path, database: Path) -> Path | None:
    """Put a verified backup in place of `database`; the old file is kept, renamed."""
    if backup.exists() and database.exists() and os.path.samefile(backup, database):
        # Setting the database aside would move the "backup" away before it is copied.
        raise BackupError(f"{backup} is the database itself, not a backup of it")
    problem = integrity_problem(backup)
    if problem:
        raise BackupError(f"{backup} is not a usable backup ({problem})")
    kept = set_aside(database, "damaged") if database.exists() else None
    copy_database(backup, database)
    return kept

"""Database health and backups as the `check` and `backup` commands report them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qbr_desktop.i18n import N_, Message, msg_in_context
from qbr_desktop.services.context import AppContext
from qbr_desktop.store.backup import (
    BackupInfo,
    copy_database,
    list_backups,
    restore_backup,
    take_backup,
)
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import BackupError
from qbr_desktop.store.migrate import current_revision, head_revision
from qbr_desktop.store.periods import (
    UnreadablePeriod,
    delete_unreadable_periods,
    unreadable_periods,
)
from qbr_desktop.store.repositories import AccountRepository, ContactRepository
from qbr_desktop.store.server import SERVER_CHECKED, SERVER_NOT_CHECKED, database_integrity


@dataclass(frozen=True, slots=True)
class CheckReport:
    database: str
    integrity: str
    schema_revision: str | None
    program_revision: str
    accounts: int
    contacts: int
    size_bytes: int | None
    backups: tuple[BackupInfo, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # Metric values stored for periods no reader can use: skipped everywhere, listed here.
    unreadable: tuple[UnreadablePeriod, ...] = ()
    # What "integrity" covered, and what it did not (a server's own pages, say): N_() text.
    checked: str = N_("every page of the file (SQLite's integrity_check)")
    not_checked: str = ""

    @property
    def healthy(self) -> bool:
        return self.integrity == INTEGRITY_OK and self.schema_revision == self.program_revision


INTEGRITY_OK = "ok"  # what SQLite's integrity_check (and server_integrity) say of a sound file
# Why a backup was taken: its file name keeps the word, `qbr check` says it in the reader's
# language (English as stored, which scripts may look for).
BACKUP_REASONS: dict[str, Message] = {
    "startup": msg_in_context("backup", "startup"),
    "before-upgrade": msg_in_context("backup", "before-upgrade"),
    "before-repair": msg_in_context("backup", "before-repair"),
}


def integrity_label(integrity: str) -> Message | str:
    """The integrity line to show: "ok" in the reader's language, a problem as reported."""
    return msg_in_context("integrity", "ok") if integrity == INTEGRITY_OK else integrity


def backup_reason_label(reason: str) -> Message | str:
    """A backup's reason to show (one this program does not know as it is stored)."""
    return BACKUP_REASONS.get(reason, reason)


def check_database(context: AppContext) -> CheckReport:
    store = context.store
    scope: dict[str, str] = {}
    integrity = database_integrity(store.engine)
    if store.engine.dialect.name != "sqlite":
        scope = {"checked": SERVER_CHECKED, "not_checked": SERVER_NOT_CHECKED}
    with session_scope(store.sessions, reading=True) as session:
        accounts = AccountRepository(session).count()
        contacts = ContactRepository(session).count()
        unreadable = tuple(unreadable_periods(session))
    path = store.path
    return CheckReport(
        database=store.display_name,
        integrity=integrity,
        schema_revision=current_revision(store.engine),
        program_revision=head_revision(),
        accounts=accounts,
        contacts=contacts,
        size_bytes=path.stat().st_size if path and path.exists() else None,
        backups=tuple(list_backups(path, store.backups_folder))
        if path and store.backups_folder else (),
        warnings=tuple(store.notices),
        unreadable=unreadable,
        **scope,
    )


@dataclass(frozen=True, slots=True)
class RepairReport:
    removed: int
    backup: Path | None


def repair_database(context: AppContext) -> RepairReport:
    """Remove the metric values no reader can use, after a verified backup of the file."""
    store = context.store
    with session_scope(store.sessions, reading=True) as session:
        if not unreadable_periods(session):
            return RepairReport(0, None)
    backup = None
    if store.path is not None and store.backups_folder is not None:
        backup = take_backup(store.path, store.backups_folder, "before-repair").path
    with session_scope(store.sessions) as session:
        removed = delete_unreadable_periods(session)
    return RepairReport(removed, backup)


def backup_to(context: AppContext, destination: Path) -> Path:
    """A verified, consistent copy of the open database at `destination`."""
    if context.store.path is None:
        raise BackupError("Backups of a server database are made on the server")
    if destination.exists() and destination.is_dir():
        raise BackupError(f"{destination} is a folder; give a file name for the backup")
    if destination.resolve() == context.store.path.resolve():
        raise BackupError("The backup cannot overwrite the database itself")
    return copy_database(context.store.path, destination)


def restore_from(backup: Path, database: Path) -> Path | None:
    """Replace `database` by a verified backup; returns where the old file was kept."""
    return restore_backup(backup, database)

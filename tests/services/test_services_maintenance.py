"""check_database, backup_to and restore_from on real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactDraft
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.maintenance import backup_to, check_database, restore_from
from qbr_desktop.store.errors import BackupError
from qbr_desktop.store.migrate import head_revision

# check, backup and restore of a file; tests/cli/test_cli_server.py checks a server.
pytestmark = pytest.mark.sqlite_only


def count_accounts(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM account").fetchone()[0])
    finally:
        connection.close()


def test_check_database_reports_a_healthy_portfolio(context: Any) -> None:
    account = context.accounts.create(AccountDraft(name="Acme"))
    context.accounts.add_contact(account.id, ContactDraft(name="Ada Lovelace"))

    report = check_database(context)

    assert report.healthy is True
    assert report.integrity == "ok"
    assert report.schema_revision == report.program_revision == head_revision()
    assert report.accounts == 1
    assert report.contacts == 1
    assert report.database == str(context.store.path)
    assert report.size_bytes is not None and report.size_bytes > 0
    assert report.backups == ()  # a brand-new file has nothing to back up yet


def test_check_database_lists_the_startup_backup_of_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    first = AppContext.open(DatabaseTarget(path=path))
    first.accounts.create(AccountDraft(name="Acme"))
    first.close()

    again = AppContext.open(DatabaseTarget(path=path))
    try:
        report = check_database(again)
    finally:
        again.close()

    assert report.healthy
    [backup] = report.backups
    assert backup.reason == "startup"
    assert backup.path.parent == tmp_path / "backups"
    assert count_accounts(backup.path) == 1


def test_backup_to_writes_a_verified_copy(context: Any, tmp_path: Path) -> None:
    context.accounts.create(AccountDraft(name="Acme"))
    written = backup_to(context, tmp_path / "out" / "copy.sqlite")
    assert written == tmp_path / "out" / "copy.sqlite"
    assert count_accounts(written) == 1


def test_backup_to_refuses_a_folder_and_the_database_itself(context: Any,
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(BackupError, match="folder"):
        backup_to(context, folder)
    with pytest.raises(BackupError, match="database itself"):
        backup_to(context, context.store.path)


def test_restore_from_keeps_the_replaced_file(context: Any, tmp_path: Path) -> None:
    context.accounts.create(AccountDraft(name="Acme"))
    backup = backup_to(context, tmp_path / "copy.sqlite")
    context.close()
    database = tmp_path / "other.sqlite"
    database.write_bytes(b"not a database at all")

    kept = restore_from(backup, database)

    assert kept is not None and kept.parent == tmp_path
    assert kept.read_bytes() == b"not a database at all"
    assert count_accounts(database) == 1
    assert restore_from(backup, tmp_path / "brand-new.sqlite") is None

"""Backups: consistent through the WAL, verified, pruned, listed, and taken at startup."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from store_helpers import NOW, count_rows, file_state, integrity, query

from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store.backup import (
    backup_name,
    copy_database,
    integrity_problem,
    list_backups,
    newest_verified_backup,
    prune_backups,
    take_backup,
)
from qbr_desktop.store.database import STARTUP_BACKUP_INTERVAL, open_sqlite_store
from qbr_desktop.store.errors import BackupError

INSERT = (
    "INSERT INTO account (name, name_key, industry, country, employee_band, arr, currency, "
    "licensed_seats, csm_owner, notes, created_at, updated_at) "
    "VALUES (?, ?, '', '', '', 0, 'USD', 0, '', '', '2026-11-23 00:00:00', "
    "'2026-11-23 00:00:00')"
)


@pytest.fixture
def live_writer(saved_database: Path) -> Iterator[sqlite3.Connection]:
    """The app, still open, with committed rows that are only in the -wal file."""
    connection = sqlite3.connect(saved_database)
    connection.execute("PRAGMA wal_autocheckpoint=0")
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for number in range(25):
        connection.execute(INSERT, (f"Late {number}", f"late {number}"))
    connection.commit()
    yield connection
    connection.close()


def test_backup_contains_rows_that_a_plain_copy_of_the_main_file_misses(
    saved_database: Path, live_writer: sqlite3.Connection, tmp_path: Path
) -> None:
    wal = saved_database.with_name(saved_database.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert live_writer.execute("SELECT count(*) FROM account").fetchone()[0] == 27

    naive = tmp_path / "naive" / "copy.sqlite"
    naive.parent.mkdir()
    shutil.copy(saved_database, naive)  # what a person or a sync client would do
    assert not naive.with_name(naive.name + "-wal").exists()
    assert count_rows(naive, "account") == 2, "the plain copy should miss the WAL rows"

    backup = take_backup(saved_database, tmp_path / "backups", "manual", now=NOW)
    assert count_rows(backup.path, "account") == 27
    assert query(backup.path, "SELECT count(*) FROM account WHERE name LIKE 'Late %'") == [(25,)]
    assert integrity(backup.path) == ["ok"]
    # The backup is one self-contained file, not a WAL database.
    assert query(backup.path, "PRAGMA journal_mode") == [("delete",)]
    assert not backup.path.with_name(backup.path.name + "-wal").exists()
    # Taking the backup did not disturb the live writer.
    live_writer.execute(INSERT, ("After backup", "after backup"))
    live_writer.commit()


def test_copy_database_refuses_a_source_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"definitely not sqlite" * 100)
    with pytest.raises(BackupError, match="junk.sqlite"):
        copy_database(junk, tmp_path / "out" / "copy.sqlite")
    assert not (tmp_path / "out" / "copy.sqlite").exists()
    assert [p.name for p in (tmp_path / "out").iterdir()] == []  # no temp file left behind


def test_backups_pass_the_integrity_check(saved_database: Path, tmp_path: Path) -> None:
    backup = take_backup(saved_database, tmp_path / "backups", "manual", now=NOW)
    assert integrity_problem(backup.path) is None
    assert integrity(backup.path) == ["ok"]
    assert backup.reason == "manual"
    assert backup.taken_at == NOW.replace(microsecond=0)
    assert backup.size == backup.path.stat().st_size > 0
    assert query(backup.path, "SELECT name FROM account ORDER BY id") == [
        ("Acme Corp",), ("京都セラミック株式会社",)]


def test_integrity_problem_reports_a_damaged_file(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00" * 4096)
    assert integrity_problem(junk) is not None
    assert integrity_problem(tmp_path / "missing.sqlite") is not None


def test_prune_keeps_the_newest(saved_database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    taken = [take_backup(saved_database, folder, "startup", now=NOW + timedelta(days=day),
                         keep=100) for day in range(6)]
    removed = prune_backups(saved_database, folder, keep=3)
    assert sorted(removed) == sorted(b.path for b in taken[:3])
    remaining = list_backups(saved_database, folder)
    assert [b.path for b in remaining] == [b.path for b in reversed(taken[3:])]
    assert all(not b.path.exists() for b in taken[:3])


def test_take_backup_prunes_as_it_goes(saved_database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    for day in range(5):
        take_backup(saved_database, folder, "startup", now=NOW + timedelta(days=day), keep=2)
    backups = list_backups(saved_database, folder)
    assert [b.taken_at for b in backups] == [NOW + timedelta(days=4), NOW + timedelta(days=3)]


def test_prune_never_removes_the_last_backup(saved_database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    only = take_backup(saved_database, folder, "manual", now=NOW)
    assert prune_backups(saved_database, folder, keep=0) == []
    assert only.path.exists()


def test_prune_keeps_the_backups_within_their_total_size(saved_database: Path,
                                                         tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    taken = [take_backup(saved_database, folder, "startup", now=NOW + timedelta(days=day),
                         keep=100) for day in range(5)]
    size = taken[0].size
    # Room for two and a half backups: the newest two stay, the older three go.
    removed = prune_backups(saved_database, folder, keep=10, keep_bytes=size * 5 // 2)
    assert sorted(removed) == sorted(b.path for b in taken[:3])
    assert [b.path for b in list_backups(saved_database, folder)] == [taken[4].path,
                                                                      taken[3].path]


def test_the_newest_backup_stays_however_big(saved_database: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    for day in range(3):
        take_backup(saved_database, folder, "startup", now=NOW + timedelta(days=day),
                    keep=10, keep_bytes=1)
    [kept] = list_backups(saved_database, folder)
    assert kept.taken_at == NOW + timedelta(days=2)


def test_list_backups_orders_newest_first_and_ignores_other_files(
    saved_database: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    order = [3, 0, 5, 1]  # taken out of order on purpose
    for hours in order:
        take_backup(saved_database, folder, "manual", now=NOW + timedelta(hours=hours), keep=50)
    # Files that are not this database's backups.
    (folder / "notes.txt").write_text("hello")
    (folder / backup_name(Path("other.sqlite"), NOW, "startup")).write_bytes(b"")
    (folder / "qbr-garbage.sqlite").write_bytes(b"")
    backups = list_backups(saved_database, folder)
    assert [b.taken_at for b in backups] == [
        NOW + timedelta(hours=h) for h in sorted(order, reverse=True)]
    assert {b.reason for b in backups} == {"manual"}
    assert list_backups(saved_database, tmp_path / "nowhere") == []


def test_newest_verified_backup_skips_a_damaged_newer_one(
    saved_database: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    good = take_backup(saved_database, folder, "startup", now=NOW)
    bad = take_backup(saved_database, folder, "startup", now=NOW + timedelta(hours=1))
    bad.path.write_bytes(b"rotten" * 1000)
    verified = newest_verified_backup(saved_database, folder)
    assert verified is not None and verified.path == good.path
    assert newest_verified_backup(saved_database, tmp_path / "empty") is None


def test_opening_takes_a_startup_backup_when_none_is_recent(saved_database: Path) -> None:
    folder = saved_database.parent / "backups"
    assert list_backups(saved_database, folder) == []  # creating the file took none

    later = NOW + timedelta(hours=1)
    store = open_sqlite_store(saved_database, now=later)
    store.close()
    assert store.backup_taken is not None
    assert store.backup_taken.reason == "startup"
    assert store.backups_folder == folder
    assert [b.taken_at for b in list_backups(saved_database, folder)] == [later]
    assert count_rows(store.backup_taken.path, "account") == 2
    assert integrity(store.backup_taken.path) == ["ok"]

    # An immediate reopen (and one just short of the interval) takes none.
    for gap in (timedelta(minutes=1), STARTUP_BACKUP_INTERVAL - timedelta(seconds=1)):
        again = open_sqlite_store(saved_database, now=later + gap)
        again.close()
        assert again.backup_taken is None
        assert len(list_backups(saved_database, folder)) == 1

    # Once the newest backup is 20 hours old, the next start takes another.
    due = later + STARTUP_BACKUP_INTERVAL
    store = open_sqlite_store(saved_database, now=due)
    store.close()
    assert store.backup_taken is not None and store.backup_taken.taken_at == due
    assert [b.taken_at for b in list_backups(saved_database, folder)] == [due, later]


def test_startup_backups_are_pruned_to_the_number_kept(saved_database: Path) -> None:
    folder = saved_database.parent / "backups"
    for day in range(1, 6):
        open_sqlite_store(saved_database, now=NOW + timedelta(days=day), keep_backups=3).close()
    assert [b.taken_at for b in list_backups(saved_database, folder)] == [
        NOW + timedelta(days=d) for d in (5, 4, 3)]


def test_a_backup_reflects_the_data_at_startup(saved_database: Path) -> None:
    store = open_sqlite_store(saved_database, now=NOW + timedelta(days=1))
    try:
        service = AccountService(store.sessions)
        service.create(service.get(1).draft.with_changes({"name": "Added after backup"}))
    finally:
        store.close()
    assert store.backup_taken is not None
    assert count_rows(store.backup_taken.path, "account") == 2
    assert count_rows(saved_database, "account") == 3


def test_copy_database_replaces_its_destination_atomically(saved_database: Path,
                                                           tmp_path: Path) -> None:
    destination = tmp_path / "copy.sqlite"
    destination.write_bytes(b"old")
    copy_database(saved_database, destination)
    assert integrity(destination) == ["ok"]
    before = file_state(saved_database)
    copy_database(saved_database, tmp_path / "copy2.sqlite")
    assert file_state(saved_database)[0] == before[0]

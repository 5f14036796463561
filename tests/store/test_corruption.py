"""Damaged files are reported with the newest verified backup, never changed, and restorable."""

from __future__ import annotations

import os
import random
import sqlite3
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from store_helpers import NOW, file_digest, file_state, page_size, query

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store.backup import (
    BackupInfo,
    integrity_problem,
    newest_verified_backup,
    restore_backup,
    set_aside,
    take_backup,
)
from qbr_desktop.store.database import open_sqlite_store
from qbr_desktop.store.errors import BackupError, CorruptDatabaseError

ACCOUNTS = 30


@pytest.fixture
def big_database(db_path: Path) -> Path:
    """A closed database of many pages: accounts with long notes."""
    store = open_sqlite_store(db_path, now=NOW)
    try:
        service = AccountService(store.sessions, clock=lambda: NOW)
        for number in range(ACCOUNTS):
            service.create(AccountDraft(name=f"Account {number:03}", arr=Decimal(number * 1000),
                                        notes=f"note {number} " * 700))
    finally:
        store.close()
    assert db_path.stat().st_size // page_size(db_path) > 20
    return db_path


def _backups(database: Path) -> Path:
    return database.parent / "backups"


def _random_bytes(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _truncate_to_half(path: Path) -> None:
    size = path.stat().st_size
    page = page_size(path)
    assert size // page > 2
    with path.open("r+b") as handle:
        handle.truncate((size // page // 2) * page)


def _garbage_after_first_page(path: Path) -> None:
    """Keep the valid header and schema page; overwrite every other page with noise."""
    data = path.read_bytes()
    page = page_size(path)
    path.write_bytes(data[:page] + _random_bytes(len(data) - page, seed=7))


def _garbage_after_header(path: Path) -> None:
    """A valid 100-byte SQLite header followed by noise."""
    data = path.read_bytes()
    path.write_bytes(data[:100] + _random_bytes(len(data) - 100, seed=11))


def _random_file(path: Path) -> None:
    path.write_bytes(_random_bytes(64 * 1024, seed=3))


DAMAGE = {
    "random bytes": _random_file,
    "truncated to half": _truncate_to_half,
    "garbage pages after a valid first page": _garbage_after_first_page,
    "garbage after a valid header": _garbage_after_header,
}


def _expect_corrupt(path: Path) -> CorruptDatabaseError:
    with pytest.raises(CorruptDatabaseError) as caught:
        open_sqlite_store(path, now=NOW + timedelta(days=2))
    error = caught.value
    assert error.path == path
    assert str(path) in str(error)
    assert "damaged" in str(error)
    return error


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_damaged_file_without_backups_is_reported_and_left_alone(
    big_database: Path, damage: str
) -> None:
    DAMAGE[damage](big_database)
    before = file_state(big_database)

    error = _expect_corrupt(big_database)

    assert error.newest_backup is None
    assert "No verified backup" in str(error)
    assert file_state(big_database) == before
    # Refusing the file did not create backups of the damage either.
    assert newest_verified_backup(big_database, _backups(big_database)) is None


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_damaged_file_points_to_the_newest_verified_backup(
    big_database: Path, damage: str
) -> None:
    folder = _backups(big_database)
    older = take_backup(big_database, folder, "startup", now=NOW)
    newest = take_backup(big_database, folder, "startup", now=NOW + timedelta(hours=1))
    rotten = take_backup(big_database, folder, "startup", now=NOW + timedelta(hours=2))
    rotten.path.write_bytes(b"not a database any more")
    DAMAGE[damage](big_database)
    before = file_state(big_database)

    error = _expect_corrupt(big_database)

    assert error.newest_backup == newest.path
    assert str(newest.path) in str(error)
    assert older.path.exists() and rotten.path.exists()
    assert file_state(big_database) == before


def _stale_wal_beside(database: Path) -> Path:
    """Leave a -wal holding committed frames, as a crash would, and return its path."""
    writer = sqlite3.connect(database)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE account SET notes = 'changed in the wal' WHERE id <= 5")
    writer.commit()
    wal = database.with_name(database.name + "-wal")
    saved = wal.read_bytes()
    writer.close()  # checkpoints and deletes the -wal ...
    wal.write_bytes(saved)  # ... so put the crash-time copy back
    assert len(saved) > 0
    return wal


def test_a_damaged_file_with_a_stale_wal_is_reported_and_both_are_left_alone(
    big_database: Path,
) -> None:
    folder = _backups(big_database)
    good = take_backup(big_database, folder, "startup", now=NOW)
    wal = _stale_wal_beside(big_database)
    _garbage_after_first_page(big_database)
    before = (file_state(big_database), file_digest(wal))

    error = _expect_corrupt(big_database)

    assert error.newest_backup == good.path
    assert (file_state(big_database), file_digest(wal)) == before


def test_the_whole_file_is_read_only_with_the_backup_or_after_a_crash(
    big_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qbr_desktop.store.backup as backup
    import qbr_desktop.store.database as database

    read: list[str] = []  # each pass over every page: a check of the file, or of a backup
    check, verify = database._check_whole_file, backup.integrity_problem
    monkeypatch.setattr(database, "_check_whole_file",
                        lambda path, *args: (read.append("file"), check(path, *args)))
    monkeypatch.setattr(backup, "integrity_problem",
                        lambda path: (read.append("backup"), verify(path))[1])
    open_sqlite_store(big_database, now=NOW).close()  # no backup yet: one is taken
    assert read == ["backup"], "the backup's check of its copy is the file's check"
    open_sqlite_store(big_database, now=NOW + timedelta(hours=1)).close()
    assert read == ["backup"], "an ordinary open reads no more than it needs"
    _stale_wal_beside(big_database)
    open_sqlite_store(big_database, now=NOW + timedelta(hours=2)).close()
    assert read == ["backup", "file"]
    # A day later after a crash: the file is checked before anything is copied from it.
    _stale_wal_beside(big_database)
    open_sqlite_store(big_database, now=NOW + timedelta(days=1)).close()
    assert read == ["backup", "file", "file", "backup"]


def test_damage_deep_in_the_file_on_a_backup_day_is_reported_and_not_backed_up(
    big_database: Path,
) -> None:
    """The file opens far enough to read its version, so only reading every page finds
    the damage: the day's backup does, and the copy is not kept."""
    data = big_database.read_bytes()
    page = page_size(big_database)
    big_database.write_bytes(data[:-3 * page] + _random_bytes(3 * page, seed=5))
    assert query(big_database, "SELECT version_num FROM alembic_version")
    before = file_state(big_database)

    error = _expect_corrupt(big_database)

    assert error.newest_backup is None
    assert file_state(big_database) == before
    assert newest_verified_backup(big_database, _backups(big_database)) is None
    assert not any(_backups(big_database).glob("*.sqlite"))


def test_a_backup_that_cannot_be_written_still_has_the_file_checked(
    big_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import qbr_desktop.store.database as database

    read: list[Path] = []
    check = database._check_whole_file
    monkeypatch.setattr(database, "_check_whole_file",
                        lambda path, *args: (read.append(path), check(path, *args)))
    backups = _backups(big_database)
    backups.parent.mkdir(parents=True, exist_ok=True)
    backups.write_text("a file where the backups folder should be")
    store = open_sqlite_store(big_database, now=NOW)
    store.close()
    assert read == [big_database]
    assert any("Skipped today's backup" in notice for notice in store.notices)


def test_damage_found_after_a_crash_offers_the_backup(big_database: Path) -> None:
    folder = _backups(big_database)
    good = take_backup(big_database, folder, "startup", now=NOW)
    _stale_wal_beside(big_database)
    _garbage_after_first_page(big_database)
    with pytest.raises(CorruptDatabaseError) as caught:
        open_sqlite_store(big_database, now=NOW + timedelta(hours=1))  # no backup due
    assert caught.value.newest_backup == good.path


def test_a_valid_database_with_a_garbage_wal_still_opens(saved_database: Path) -> None:
    wal = saved_database.with_name(saved_database.name + "-wal")
    wal.write_bytes(_random_bytes(8192, seed=5))
    store = open_sqlite_store(saved_database, now=NOW)
    try:
        names = [a.name for a in AccountService(store.sessions).list_accounts()]
    finally:
        store.close()
    assert names == ["Acme Corp", "京都セラミック株式会社"]
    assert query(saved_database, "PRAGMA integrity_check") == [("ok",)]


def test_a_valid_database_with_its_uncheckpointed_wal_opens_with_the_wal_rows(
    big_database: Path,
) -> None:
    _stale_wal_beside(big_database)
    store = open_sqlite_store(big_database, now=NOW)
    store.close()
    assert query(big_database, "SELECT count(*) FROM account WHERE notes = 'changed in the wal'"
                 ) == [(5,)]


def test_a_sqlite_file_of_another_program_is_refused(db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    connection.commit()
    connection.close()
    before = file_state(db_path)
    error = _expect_corrupt(db_path)
    assert "not a QBR Desktop database" in str(error)
    assert file_state(db_path) == before


def test_an_empty_file_is_treated_as_a_new_database(db_path: Path) -> None:
    db_path.write_bytes(b"")
    store = open_sqlite_store(db_path, now=NOW)
    store.close()
    assert query(db_path, "SELECT count(*) FROM account") == [(0,)]


# Restoring -----------------------------------------------------------------------------------

def _damaged_with_sidecars(database: Path) -> BackupInfo:
    backup = take_backup(database, _backups(database), "startup", now=NOW)
    _garbage_after_first_page(database)
    database.with_name(database.name + "-wal").write_bytes(b"stale wal")
    database.with_name(database.name + "-shm").write_bytes(b"stale shm")
    return backup


def test_restore_sets_the_damaged_file_aside_and_the_restored_file_opens(
    saved_database: Path,
) -> None:
    backup = _damaged_with_sidecars(saved_database)
    damaged_digest = file_digest(saved_database)
    error = _expect_corrupt(saved_database)
    assert error.newest_backup == backup.path

    kept = restore_backup(error.newest_backup, saved_database)

    assert kept is not None and kept.exists()
    assert kept.parent == saved_database.parent
    assert kept.name.startswith("qbr.sqlite.damaged-")
    assert file_digest(kept) == damaged_digest
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"stale wal"
    # The -shm is SQLite's shared-memory index, rebuilt by any reader: it moves along,
    # but its content is not data (the read-only check above rewrote it).
    assert kept.with_name(kept.name + "-shm").exists()
    assert not saved_database.with_name(saved_database.name + "-wal").exists()
    assert not saved_database.with_name(saved_database.name + "-shm").exists()
    assert backup.path.exists()  # restoring copies; the backup stays

    store = open_sqlite_store(saved_database, now=NOW + timedelta(days=1))
    try:
        names = [a.name for a in AccountService(store.sessions).list_accounts()]
    finally:
        store.close()
    assert names == ["Acme Corp", "京都セラミック株式会社"]


def test_restoring_twice_never_overwrites_what_was_set_aside(saved_database: Path) -> None:
    backup = _damaged_with_sidecars(saved_database)
    first = restore_backup(backup.path, saved_database)
    first_digest = file_digest(first) if first else None
    second = restore_backup(backup.path, saved_database)
    assert first is not None and second is not None and first != second
    assert first.exists() and second.exists()
    assert file_digest(first) == first_digest


def test_set_aside_moves_the_wal_and_shm_with_the_file(saved_database: Path) -> None:
    wal = saved_database.with_name(saved_database.name + "-wal")
    shm = saved_database.with_name(saved_database.name + "-shm")
    wal.write_bytes(b"wal bytes")
    shm.write_bytes(b"shm bytes")
    moved = set_aside(saved_database, "damaged", now=NOW)
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"wal bytes"
    assert moved.with_name(moved.name + "-shm").read_bytes() == b"shm bytes"
    assert not wal.exists() and not shm.exists() and not saved_database.exists()


def test_set_aside_picks_a_free_name(saved_database: Path) -> None:
    occupied = saved_database.with_name(
        f"{saved_database.name}.damaged-{NOW.strftime('%Y%m%dT%H%M%SZ')}")
    occupied.write_bytes(b"someone else's file")
    digest = file_digest(saved_database)
    moved = set_aside(saved_database, "damaged", now=NOW)
    assert moved != occupied
    assert moved.name == occupied.name + "-1"
    assert occupied.read_bytes() == b"someone else's file"
    assert file_digest(moved) == digest
    assert not saved_database.exists()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(saved_database: Path,
                                                              tmp_path: Path) -> None:
    bad = tmp_path / "bad-backup.sqlite"
    bad.write_bytes(b"rotten")
    before = file_state(saved_database)
    with pytest.raises(BackupError, match="bad-backup.sqlite"):
        restore_backup(bad, saved_database)
    assert file_state(saved_database) == before
    assert sorted(p.name for p in saved_database.parent.iterdir()) == ["qbr.sqlite"]


def test_restore_to_a_missing_database_just_copies(saved_database: Path,
                                                   tmp_path: Path) -> None:
    backup = take_backup(saved_database, tmp_path / "backups", "manual", now=NOW)
    target = tmp_path / "elsewhere" / "qbr.sqlite"
    assert restore_backup(backup.path, target) is None
    assert integrity_problem(target) is None
    assert os.path.getsize(target) > 0


@pytest.mark.parametrize("spelling", ["same path", "through a symlink"])
def test_restoring_the_database_onto_itself_is_refused_and_changes_nothing(
    saved_database: Path, tmp_path: Path, spelling: str
) -> None:
    backup = saved_database
    if spelling == "through a symlink":
        backup = tmp_path / "looks-like-a-backup.sqlite"
        backup.symlink_to(saved_database)
    before = file_state(saved_database)
    with pytest.raises(BackupError, match="the database itself"):
        restore_backup(backup, saved_database)
    assert file_state(saved_database) == before
    assert list(saved_database.parent.glob("qbr.sqlite.damaged-*")) == []
    store = open_sqlite_store(saved_database, now=NOW)
    try:
        assert len(AccountService(store.sessions).list_accounts()) == 2
    finally:
        store.close()

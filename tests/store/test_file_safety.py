"""Owner-only files, plain sentences for file errors, and no stray temp files."""

from __future__ import annotations

import errno
import io
import os
import sqlite3
import stat
import time
from pathlib import Path

import pytest
from store_helpers import NOW

from qbr_desktop.atomic_files import replacing
from qbr_desktop.cli import main
from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.os_errors import describe, user_path
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store.backup import STALE_TEMP_AGE_S, copy_database, prune_stale_temp_files
from qbr_desktop.store.database import open_sqlite_store
from qbr_desktop.store.errors import CorruptDatabaseError, StoreError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_portfolio_and_its_wal_are_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        database = tmp_path / "data" / "QBR Desktop" / "qbr.sqlite"
        store = open_sqlite_store(database, now=NOW)
        AccountService(store.sessions).create(AccountDraft("Acme"))
        wal, shm = (database.with_name(database.name + s) for s in ("-wal", "-shm"))
        assert wal.exists() and shm.exists()
        assert {_mode(p) for p in (database, wal, shm)} == {0o600}
        assert _mode(database.parent) == 0o700
        assert _mode(database.parent.parent) == 0o700
        store.close()
    finally:
        os.umask(old_umask)


def test_an_existing_world_readable_portfolio_is_narrowed(tmp_path: Path) -> None:
    database = tmp_path / "qbr.sqlite"
    open_sqlite_store(database, now=NOW).close()
    database.chmod(0o644)
    store = open_sqlite_store(database, now=NOW)
    AccountService(store.sessions).create(AccountDraft("Acme"))
    assert _mode(database) == 0o600
    assert _mode(database.with_name("qbr.sqlite-wal")) == 0o600
    store.close()


@pytest.mark.parametrize(("code", "words"), [
    (errno.ENOSPC, "is full"), (errno.EACCES, "No permission"), (errno.EISDIR, "is a folder"),
    (errno.EROFS, "read-only disk"), (errno.ENOENT, "does not exist")])
def test_os_errors_read_as_sentences_naming_the_users_file(code: int, words: str) -> None:
    error = OSError(code, os.strerror(code), "/home/dana/out/.deck.pptx.0123456789ab.part")
    sentence = describe(error)
    assert words in sentence and "/home/dana/out/deck.pptx" in sentence
    assert "Errno" not in sentence and ".part" not in sentence


def test_a_full_disk_without_a_path_still_reads_as_a_sentence() -> None:
    assert describe(OSError(errno.ENOSPC, "No space left on device")).startswith(
        "The disk is full")


def test_temp_names_map_back_to_the_file_chosen() -> None:
    assert user_path("/x/.deck.pptx.0123456789ab.part") == Path("/x/deck.pptx")
    assert user_path("/x/deck.pptx") == Path("/x/deck.pptx")


def test_a_failed_atomic_write_names_the_target_not_the_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "deck.pptx"
    with pytest.raises(OSError) as caught, replacing(target) as temporary:
        raise OSError(errno.ENOSPC, "No space left on device", str(temporary))
    assert caught.value.filename == str(target)
    assert list(tmp_path.iterdir()) == []


def test_the_cli_renders_an_os_error_without_errno(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    err = io.StringIO()
    assert main(["--db", str(folder), "accounts", "list"], out=io.StringIO(), err=err) == 1
    message = err.getvalue()
    assert message.count("\n") == 1 and "is a folder" in message and "Errno" not in message


def test_tables_without_a_version_row_are_refused_in_a_sentence(tmp_path: Path) -> None:
    database = tmp_path / "qbr.sqlite"
    open_sqlite_store(database, now=NOW).close()
    connection = sqlite3.connect(database)
    connection.execute("DELETE FROM alembic_version")
    connection.commit()
    connection.close()
    with pytest.raises(CorruptDatabaseError) as caught:
        open_sqlite_store(database, now=NOW)
    assert "no record of their version" in str(caught.value)
    assert "already exists" not in str(caught.value)


def test_a_folder_given_as_the_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_sqlite_store(tmp_path, now=NOW)


def test_stale_backup_temp_files_are_pruned_and_fresh_ones_kept(tmp_path: Path) -> None:
    database = tmp_path / "qbr.sqlite"
    open_sqlite_store(database, now=NOW).close()
    backups = tmp_path / "backups"
    backups.mkdir(exist_ok=True)
    old_ours = backups / ".qbr.sqlite-20260101T000000Z-startup.sqlite.0123456789ab.backup-part"
    old_release = backups / ".qbr.sqlite-20260101T000000Z-startup.sqlite.k2j4_x9a.tmp"
    fresh = backups / ".qbr.sqlite-20260102T000000Z-startup.sqlite.abcdefabcdef.backup-part"
    other = backups / "notes.tmp"
    for path in (old_ours, old_release, fresh, other):
        path.write_bytes(b"x" * 1000)
    stale = time.time() - STALE_TEMP_AGE_S - 60
    for path in (old_ours, old_release, other):
        os.utime(path, (stale, stale))
    assert set(prune_stale_temp_files(backups)) == {old_ours, old_release}
    assert fresh.exists() and other.exists()


def test_a_backup_is_owner_only_and_leaves_no_temp_file(tmp_path: Path) -> None:
    database = tmp_path / "qbr.sqlite"
    open_sqlite_store(database, now=NOW).close()
    copy = copy_database(database, tmp_path / "copies" / "copy.sqlite")
    assert _mode(copy) == 0o600
    assert [p.name for p in copy.parent.iterdir()] == ["copy.sqlite"]

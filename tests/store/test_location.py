"""Where the database lives: writable folders, cloud-synced folders, network mounts."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from store_helpers import NOW, file_state

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store import location
from qbr_desktop.store.database import open_sqlite_store
from qbr_desktop.store.errors import ReadOnlyDatabaseError, UnwritableLocationError
from qbr_desktop.store.location import (
    location_warning,
    network_filesystem,
    synced_folder_name,
    writable_problem,
)

# Writable ------------------------------------------------------------------------------------


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)  # so pytest can clean up


def _refuse_writes_to(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make os.access report `folder` read-only, as it would for a non-root user.

    The tests run as root here, and root may write anywhere, so the chmod alone
    cannot be observed through os.access.
    """
    real_access = os.access

    def access(path: os.PathLike[str] | str, mode: int, **kwargs: object) -> bool:
        if Path(path) == folder and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(location.os, "access", access)


def test_a_read_only_folder_is_refused_with_its_name(
    read_only_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.access(read_only_folder, os.W_OK):  # root: simulate what a normal user sees
        _refuse_writes_to(monkeypatch, read_only_folder)
    assert writable_problem(read_only_folder) == "the folder is read-only"
    with pytest.raises(UnwritableLocationError) as caught:
        open_sqlite_store(read_only_folder / "qbr.sqlite", now=NOW)
    assert caught.value.path == read_only_folder
    assert str(read_only_folder) in str(caught.value)
    assert "read-only" in str(caught.value)
    assert list(read_only_folder.iterdir()) == []


def test_a_missing_subfolder_of_a_read_only_folder_is_refused(
    read_only_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.access(read_only_folder, os.W_OK):
        _refuse_writes_to(monkeypatch, read_only_folder)
    target = read_only_folder / "new" / "deeper"
    assert writable_problem(target) == "the folder is read-only"
    with pytest.raises(UnwritableLocationError, match="Choose a folder"):
        open_sqlite_store(target / "qbr.sqlite", now=NOW)
    assert not (read_only_folder / "new").exists()


def test_a_read_only_database_file_opens_for_reading_and_refuses_writes(
    saved_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved_database.chmod(stat.S_IRUSR | stat.S_IRGRP)
    real_access = os.access

    def access(path: os.PathLike[str] | str, mode: int, **kwargs: object) -> bool:
        if Path(path) == saved_database and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(location.os, "access", access)
    before = file_state(saved_database)
    opened = open_sqlite_store(saved_database, now=NOW)
    try:
        assert opened.read_only and opened.backup_taken is None
        assert any("read-only" in notice for notice in opened.notices)
        service = AccountService(opened.sessions)
        names = [item.name for item in service.list_accounts()]
        assert names
        with pytest.raises(ReadOnlyDatabaseError) as caught:
            service.create(AccountDraft("Newco"))
        message = str(caught.value)
        assert str(saved_database) in message and "the file is read-only" in message
        assert "attempt to write" not in message
        assert [item.name for item in service.list_accounts()] == names
    finally:
        opened.close()
    assert file_state(saved_database) == before
    saved_database.chmod(0o644)


def test_a_missing_folder_is_created(tmp_path: Path) -> None:
    target = tmp_path / "new" / "nested" / "qbr.sqlite"
    assert writable_problem(target.parent) is None
    open_sqlite_store(target, now=NOW).close()
    assert target.exists()


def test_a_file_in_the_way_of_the_folder_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    problem = writable_problem(blocker / "sub")
    assert problem is not None and "is not a folder" in problem and str(blocker) in problem
    with pytest.raises(UnwritableLocationError):
        open_sqlite_store(blocker / "sub" / "qbr.sqlite", now=NOW)


# Cloud-synced folders --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (PurePosixPath("/home/a/Dropbox/qbr/x"), "Dropbox"),
        (PureWindowsPath("C:/Users/a/OneDrive - Acme/x"), "OneDrive - Acme"),
        (PureWindowsPath(r"C:\Users\a\OneDrive\Documents\qbr.sqlite"), "OneDrive"),
        (PurePosixPath("/home/a/Documents/x"), None),
        (PurePosixPath("/Users/a/Library/CloudStorage/GoogleDrive-a@example.com/My Drive/x"),
         "GoogleDrive-a@example.com"),
        (PurePosixPath("/Users/a/Library/Mobile Documents/com~apple~CloudDocs/x"),
         "Mobile Documents"),
        (PurePosixPath("/home/a/Dropbox (Acme)/qbr/x"), "Dropbox (Acme)"),
        (PurePosixPath("/home/a/Nextcloud/x"), "Nextcloud"),
        (PurePosixPath("/home/a/dropbox-notes.txt"), None),  # the last part is the file
        (PurePosixPath("/home/a/MyDropboxBackup/x"), None),
    ],
)
def test_synced_folder_name(path: PurePosixPath | PureWindowsPath, expected: str | None) -> None:
    assert synced_folder_name(path) == expected


def test_location_warning_names_the_synced_folder(tmp_path: Path) -> None:
    synced = tmp_path / "OneDrive - Acme" / "qbr"
    synced.mkdir(parents=True)
    warning = location_warning(synced / "qbr.sqlite")
    assert warning is not None and "OneDrive - Acme" in warning
    store = open_sqlite_store(synced / "qbr.sqlite", now=NOW)
    store.close()
    assert any("OneDrive - Acme" in notice for notice in store.notices)


def test_no_warning_for_a_plain_local_folder(db_path: Path) -> None:
    assert synced_folder_name(db_path.parent / "x") is None
    if network_filesystem(db_path.parent, _proc_mounts()) is None:
        assert location_warning(db_path) is None


def _proc_mounts() -> str:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


# Network file systems --------------------------------------------------------------------------

MOUNTS = """\
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/sda1 / ext4 rw,relatime 0 0
tmpfs /run tmpfs rw,nosuid,nodev 0 0
server:/export/home /home nfs4 rw,relatime,vers=4.2 0 0
/dev/sdb1 /home/a/local-disk ext4 rw,relatime 0 0
//files/team /mnt/team\\040share cifs rw,relatime 0 0
malformed-line
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/a/qbr/qbr.sqlite", "nfs4"),  # the nfs4 mount, not '/', is the longest prefix
        ("/home", "nfs4"),
        ("/home/a/local-disk/qbr", None),  # a local disk mounted inside the NFS share
        ("/homework/qbr", None),  # '/home' is a prefix of the text, not of the path
        ("/var/lib/qbr", None),
        ("/mnt/team share/qbr", "cifs"),
        ("/run/user/1000", None),
    ],
)
def test_network_filesystem(path: str, expected: str | None) -> None:
    assert network_filesystem(Path(path), MOUNTS) == expected


def test_network_filesystem_without_mounts() -> None:
    assert network_filesystem(Path("/home/a"), "") is None

"""Where the database file lives, and whether that place is safe for SQLite.

SQLite's WAL mode relies on shared memory and file locks that cloud-sync clients and
network file systems do not honour; a database there can be corrupted by a sync.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path, PurePath

DATABASE_FILENAME = "qbr.sqlite"
DEMO_FILENAME = "demo.sqlite"

_SYNCED_FOLDER_NAMES = (
    "dropbox", "onedrive", "google drive", "googledrive", "my drive", "icloud drive",
    "icloud~", "mobile documents", "box", "box sync", "pcloud drive", "nextcloud",
    "owncloud", "seafile", "sync.com", "megasync", "mega", "yandex.disk", "resilio sync",
)
_NETWORK_FILESYSTEMS = {
    "nfs", "nfs4", "cifs", "smb", "smbfs", "smb3", "afs", "9p", "ncpfs", "davfs",
    "fuse.sshfs", "sshfs", "fuse.rclone", "fuse.s3fs", "glusterfs", "ceph", "lustre",
}


def synced_folder_name(path: PurePath) -> str | None:
    """The cloud-sync folder a path sits in, by its folder names.

    Suffixed names count too: 'OneDrive - Acme', 'GoogleDrive-me@example.com' and
    Dropbox's 'Dropbox (Personal)' / 'Dropbox (Acme)' for linked work accounts.
    """
    for part in path.parts[:-1]:
        lowered = part.casefold()
        for name in _SYNCED_FOLDER_NAMES:
            if lowered == name or lowered.startswith((name + " -", name + "-", name + " (")):
                return part
    return None


def network_filesystem(path: Path, mounts_text: str) -> str | None:
    """The network file system type of the mount holding `path`, from /proc/mounts text."""
    best: tuple[int, str] | None = None
    resolved = str(path)
    for line in mounts_text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), fields[2])
    if best and best[1] in _NETWORK_FILESYSTEMS:
        return best[1]
    return None


def location_warning(path: Path) -> str | None:
    """A sentence warning that the database folder is synced or remote, else None."""
    folder = path.resolve().parent if path.exists() else path.absolute().parent
    if synced := synced_folder_name(folder / "x"):
        return (f"The database is inside a cloud-synced folder ({synced}). Syncing can corrupt "
                "it while QBR Desktop is open; keep it in a local folder and rely on backups.")
    if str(folder).startswith("\\\\"):
        return ("The database is on a network share. SQLite cannot lock files reliably there; "
                "keep it on this computer.")
    if sys.platform.startswith("linux"):
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        if fs := network_filesystem(folder, mounts):
            return (f"The database is on a network file system ({fs}). SQLite cannot lock files "
                    "reliably there; keep it on this computer.")
    return None


def writable_problem(folder: Path) -> str | None:
    """Why a file cannot be created in `folder`, or None."""
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            return "the folder does not exist"
        probe = probe.parent
    if not probe.is_dir():
        return f"{probe} is not a folder"
    if not os.access(probe, os.W_OK | os.X_OK):
        return "the folder is read-only"
    return None


def read_only_reason(path: Path) -> str | None:
    """Why an existing database can only be read, or None when it can be written.

    SQLite writes beside the file too (its -wal and -shm), so a read-only folder makes the
    database read-only even when the file itself is writable.
    """
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return "its folder is read-only"
    if disk_full(path.parent):
        return "the disk holding it is full"
    return None


def read_only_alert(path: Path, reason: str) -> str:
    """What a person is told, wherever they are, when `path` can only be read."""
    return (f"{path} is read-only ({reason}): you can view and export, but changes cannot "
            "be saved.")


# Below this, SQLite may not even create the shared-memory file (32 KB) a reader of a WAL
# database needs, and a write would fail half-way through its work anyway.
MIN_FREE_BYTES = 512 * 1024


def disk_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < MIN_FREE_BYTES
    except OSError:
        return False


def read_only_flags(path: Path) -> str:
    """SQLite URI flags for reading `path` without writing anything.

    ``immutable`` (no locks, no -shm) only where nobody can change the file through SQLite:
    a read-only folder or a full disk, where no writer can create the -wal it needs, and no
    -wal with committed rows left beside the file (immutable would not read them).
    """
    wal = path.with_name(path.name + "-wal")
    folder_locked = not os.access(path.parent, os.W_OK | os.X_OK) or disk_full(path.parent)
    wal_empty = not wal.exists() or wal.stat().st_size == 0
    return "mode=ro&immutable=1" if folder_locked and wal_empty else "mode=ro"


PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600
_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and missing parents) readable by this user only.

    Folders that already exist are left as they are: the person may have chosen one, such as
    Documents, whose permissions are theirs to set.
    """
    missing = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for created in reversed(missing):
        created.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)


def create_private_file(path: Path) -> None:
    """Create the database file owner-only before SQLite does.

    SQLite creates a database's -wal and -shm with the main file's permissions, so this one
    decision keeps all three away from other users of the computer. An existing database
    readable by others (made by an older release) is narrowed the same way.
    """
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        keep_private(path)
    else:
        os.close(descriptor)


def keep_private(path: Path) -> None:
    """Take group and other permissions off the database and its side files, if ours."""
    for suffix in _SIDE_FILES:
        side = path.with_name(path.name + suffix)
        try:
            mode = side.stat().st_mode
            if mode & 0o077:
                os.chmod(side, mode & 0o700)
        except OSError:
            continue  # missing, someone else's, or on a read-only disk: leave it

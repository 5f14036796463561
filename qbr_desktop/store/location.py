"""Where the database file lives, and whether that place is safe for SQLite.

SQLite's WAL mode relies on shared memory and file locks that cloud-sync clients and
network file systems do not honour; a database there can be corrupted by a sync.
"""

from __future__ import annotations

import os
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

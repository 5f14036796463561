"""One sentence for a failed file operation: the user's file, what went wrong, what to do.

An OSError's own text ("[Errno 28] No space left on device", a hidden temp name such as
``.deck.pptx.3f9a1c.part``) means nothing to a CSM. Writers name the file the person chose;
the CLI and the window show what `describe` returns.
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

# The temp names our writers use beside a target; a message names the target instead.
_TEMP_NAMES = (
    re.compile(r"^\.(?P<target>.+)\.[0-9a-f]{12}\.part$"),  # atomic_files.replacing
    re.compile(r"^\.(?P<target>.+)\.[0-9a-f]{12}\.backup-part$"),  # store/backup.py
    re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$"),  # backups of older releases
    re.compile(r"^\.(?P<target>.+)\.[0-9a-f]{12}\.building$"),  # services/demo.py
)


def user_path(name: str | Path) -> Path:
    """The file a person chose, for one of our temp files beside it; else `name` itself."""
    path = Path(name)
    for pattern in _TEMP_NAMES:
        if match := pattern.match(path.name):
            return path.with_name(match["target"])
    return path


def describe(error: OSError, path: str | Path | None = None) -> str:
    """A sentence for `error`, naming `path` (or the file the error names) as the user knows it."""
    name = path if path is not None else error.filename
    where = f"{user_path(name)}" if name not in (None, "") else None
    code = error.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        disk = f"The disk holding {where}" if where else "The disk"
        return (f"{disk} is full, so it could not be saved. Free some space and try again; "
                "nothing already saved was changed.")
    if code in (errno.EACCES, errno.EPERM):
        target = where or "the file"
        return (f"No permission to write {target}. Choose a folder you can write to, or ask "
                "for access to this one.")
    if code == errno.EROFS:
        return (f"{where or 'The file'} is on a read-only disk. Choose a folder on a disk you "
                "can write to.")
    if code == errno.EISDIR:
        return f"{where or 'That'} is a folder; give a file name instead."
    if code == errno.ENOTDIR:
        return f"A part of {where or 'the path'} is a file, not a folder; check the path."
    if code == errno.ENOENT:
        return f"{where or 'The file'} does not exist (or its folder does not); check the path."
    if code == errno.ENAMETOOLONG:
        return f"The name {where or ''} is too long; choose a shorter name or folder.".replace(
            "name  is", "name is")
    if code in (errno.EBUSY, errno.ETXTBSY):
        return (f"{where or 'The file'} is in use by another program; close it there and try "
                "again.")
    if code == errno.EEXIST:
        return f"{where or 'The file'} already exists."
    reason = (error.strerror or str(error)).rstrip(".")
    return f"Could not use {where}: {reason}." if where else f"A file operation failed: {reason}."


def naming(error: OSError, path: str | Path) -> OSError:
    """The same error, naming `path` (the user's file) instead of a temp file."""
    renamed = OSError(error.errno, error.strerror or str(error), str(path))
    renamed.__cause__ = error
    return renamed

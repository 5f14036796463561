"""Typed persistence errors; each message names the file and what the person can do.

A server's URL can carry its password: every message names a database through `shown`,
which hides it.
"""

from __future__ import annotations

from pathlib import Path


def shown(database: Path | str) -> str:
    """A file's path, or a URL with its password replaced by ***."""
    text = str(database)
    if "://" not in text:
        return text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(text).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "the database server"  # unparseable: show nothing that could be a secret


class StoreError(Exception):
    """A database problem a CSM can read. Never shown as a dialog from this layer."""


class NewerSchemaError(StoreError):
    def __init__(self, path: Path | str, found: str) -> None:
        self.path = path
        self.found = found
        super().__init__(
            f"{shown(path)} was saved by a newer version of QBR Desktop (schema {found}). "
            "Install the newer version to open it; the file has not been changed."
        )


class CorruptDatabaseError(StoreError):
    def __init__(self, path: Path, detail: str, newest_backup: Path | None) -> None:
        self.path = path
        self.detail = detail
        self.newest_backup = newest_backup
        offer = (
            f" The newest verified backup is {newest_backup}."
            if newest_backup
            else " No verified backup of it was found."
        )
        super().__init__(f"{path} is damaged and cannot be opened ({detail}).{offer}")


class UnwritableLocationError(StoreError):
    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"Cannot save to {path}: {reason}. Choose a folder you can write to.")


class MigrationFailedError(StoreError):
    def __init__(self, path: Path | str, detail: str, backup: Path | None) -> None:
        self.path = path
        self.backup = backup
        kept = f" A backup taken just before is at {backup}." if backup else ""
        super().__init__(
            f"Updating {shown(path)} to this version failed ({detail}); "
            f"the database was left as it was.{kept}"
        )


class BackupError(StoreError):
    pass


class NotFoundError(StoreError):
    pass


class PortfolioBusyError(StoreError):
    """Another window or command kept the database busy for longer than a writer waits."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            f"{shown(name)} is busy: another QBR Desktop window or qbr command is saving to it. "
            "Nothing was changed; try again in a moment."
        )


class ReadOnlyDatabaseError(StoreError):
    """A change was asked of a database opened read-only."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = path
        remedy = ("free some space on that disk" if "full" in reason else
                  "copy it to a folder you can write to, or ask for write access")
        super().__init__(
            f"{shown(path)} is read-only ({reason}), so nothing can be saved to it. You can still "
            f"view and export; to make changes, {remedy}."
        )


class DiskFullError(StoreError):
    def __init__(self, path: Path | str) -> None:
        self.path = path
        super().__init__(
            f"The disk holding {shown(path)} is full, so the change was not saved; nothing already "
            "saved was lost. Free some space and try again."
        )


class ServerUnreachableError(StoreError):
    """The team server did not answer, or refused the connection."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        if reason.startswith("the server said"):
            super().__init__(
                f"The team server {shown(url)} refused the connection ({reason}). Check the "
                "user name, password and database name in the URL.")
        else:
            super().__init__(
                f"The team server {shown(url)} cannot be reached ({reason}). Check the "
                "network connection and the server's address, then try again.")


class ServerSchemaError(StoreError):
    """The server's tables are not those this version works with; nothing was changed."""

    def __init__(self, url: str, message: str) -> None:
        self.url = url
        super().__init__(message)


class EditConflictError(StoreError):
    """A save or an undo would replace someone else's newer change; nothing was saved.

    `current` is the record as now stored (the caller's to show on "reload"); saving again
    without the expected values keeps the caller's own ("keep mine").
    """

    def __init__(self, field: str, who: str, when: str, current: object) -> None:
        self.field = field
        self.who = who
        self.when = when
        self.current = current
        super().__init__(
            f"{who or 'Someone'} changed the {field} at {when}, after you opened it; your "
            "change was not saved. Reload to see theirs, or keep yours to replace it.")

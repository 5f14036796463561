"""Typed persistence errors; each message names the file and what the person can do."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A database problem a CSM can read. Never shown as a dialog from this layer."""


class NewerSchemaError(StoreError):
    def __init__(self, path: Path | str, found: str) -> None:
        self.path = path
        self.found = found
        super().__init__(
            f"{path} was saved by a newer version of QBR Desktop (schema {found}). "
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
            f"Updating {path} to this version failed ({detail}); "
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
            f"{name} is busy: another QBR Desktop window or qbr command is saving to it. "
            "Nothing was changed; try again in a moment."
        )


class ReadOnlyDatabaseError(StoreError):
    """A change was asked of a database opened read-only."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = path
        remedy = ("free some space on that disk" if "full" in reason else
                  "copy it to a folder you can write to, or ask for write access")
        super().__init__(
            f"{path} is read-only ({reason}), so nothing can be saved to it. You can still "
            f"view and export; to make changes, {remedy}."
        )


class DiskFullError(StoreError):
    def __init__(self, path: Path | str) -> None:
        self.path = path
        super().__init__(
            f"The disk holding {path} is full, so the change was not saved; nothing already "
            "saved was lost. Free some space and try again."
        )

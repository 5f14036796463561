"""Typed persistence errors; each message names the file and what the person can do.

A server's URL can carry its password: every message names a database through `shown`,
which hides it. The sentences are messages (qbr_desktop/i18n.py): `str(error)` reads in the
window's or the CLI's language, and `error.message` keeps the sentence to render in another.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qbr_desktop.i18n import Message, msg, ui_text


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

    def __init__(self, message: Message | str = "", *args: Any) -> None:
        super().__init__(message, *args)
        self.message = message

    def __str__(self) -> str:
        return ui_text(self.message)


class NewerSchemaError(StoreError):
    def __init__(self, path: Path | str, found: str) -> None:
        self.path = path
        self.found = found
        super().__init__(msg(
            "{database} was saved by a newer version of QBR Desktop (schema {found}). Install "
            "the newer version to open it; the file has not been changed.",
            database=shown(path), found=found))


class CorruptDatabaseError(StoreError):
    def __init__(self, path: Path, detail: str, newest_backup: Path | None) -> None:
        self.path = path
        self.detail = detail
        self.newest_backup = newest_backup
        offer = (msg("The newest verified backup is {backup}.", backup=str(newest_backup))
                 if newest_backup else msg("No verified backup of it was found."))
        super().__init__(msg("{path} is damaged and cannot be opened ({detail}). {offer}",
                             path=str(path), detail=detail, offer=offer))


class UnwritableLocationError(StoreError):
    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(msg("Cannot save to {path}: {reason}. Choose a folder you can write to.",
                             path=str(path), reason=reason))


class MigrationFailedError(StoreError):
    def __init__(self, path: Path | str, detail: str, backup: Path | None) -> None:
        self.path = path
        self.backup = backup
        if backup:
            super().__init__(msg("Updating {database} to this version failed ({detail}); the "
                                 "database was left as it was. A backup taken just before is "
                                 "at {backup}.", database=shown(path), detail=detail,
                                 backup=str(backup)))
        else:
            super().__init__(msg("Updating {database} to this version failed ({detail}); the "
                                 "database was left as it was.", database=shown(path),
                                 detail=detail))


class BackupError(StoreError):
    pass


class NotFoundError(StoreError):
    pass


def account_gone(account_id: int) -> NotFoundError:
    """The error for an account id no longer in the portfolio (deleted meanwhile)."""
    return NotFoundError(msg("No account with id {account_id} (it may have been deleted)",
                             account_id=account_id))


class PortfolioBusyError(StoreError):
    """Another window or command kept the database busy for longer than a writer waits."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(msg(
            "{database} is busy: another QBR Desktop window or qbr command is saving to it. "
            "Nothing was changed; try again in a moment.", database=shown(name)))


class ReadOnlyDatabaseError(StoreError):
    """A change was asked of a database opened read-only."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = path
        remedy = (msg("free some space on that disk") if "full" in reason else
                  msg("copy it to a folder you can write to, or ask for write access"))
        super().__init__(msg(
            "{database} is read-only ({reason}), so nothing can be saved to it. You can still "
            "view and export; to make changes, {remedy}.", database=shown(path), reason=reason,
            remedy=remedy))


class DiskFullError(StoreError):
    def __init__(self, path: Path | str) -> None:
        self.path = path
        super().__init__(msg(
            "The disk holding {database} is full, so the change was not saved; nothing already "
            "saved was lost. Free some space and try again.", database=shown(path)))


class ServerUnreachableError(StoreError):
    """The team server did not answer, or refused the connection."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        if reason.startswith("the server said"):
            super().__init__(msg(
                "The team server {server} refused the connection ({reason}). Check the user "
                "name, password and database name in the URL.", server=shown(url),
                reason=reason))
        else:
            super().__init__(msg(
                "The team server {server} cannot be reached ({reason}). Check the network "
                "connection and the server's address, then try again.", server=shown(url),
                reason=reason))


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

    def __init__(self, field: Message | str, who: str, when: Message | str,
                 current: object) -> None:
        self.field = field
        self.who = who
        self.when = when
        self.current = current
        if who:
            super().__init__(msg(
                "{who} changed the {field} at {when}, after you opened it; your change was not "
                "saved. Reload to see theirs, or keep yours to replace it.", who=who,
                field=field, when=when))
        else:
            super().__init__(msg(
                "Someone changed the {field} at {when}, after you opened it; your change was "
                "not saved. Reload to see theirs, or keep yours to replace it.", field=field,
                when=when))

"""Opening a portfolio file, off the GUI thread: its lock, the schema upgrade, the start-up
backup and its check, and the demo's accounts on a first launch can each take seconds on a
big or slow file, and the window must keep painting meanwhile.

`open_portfolio` touches no widget; what needs the CSM (a damaged file that a backup could
replace, a file open elsewhere) comes back in the `Opening` for the GUI thread to ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile

from qbr_desktop import APP_NAME
from qbr_desktop.gui.translation import translate
from qbr_desktop.long_lived import freeze_long_lived
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.store.errors import CorruptDatabaseError, ServerUnreachableError, StoreError

if TYPE_CHECKING:
    from qbr_desktop.gui.account_loading import ListClaim
    from qbr_desktop.gui.accounts.table_model import PreparedRows
    from qbr_desktop.services.context import AppContext

LOCK_WAIT_MS = 200


@dataclass
class Opening:
    """How an open went: a context with its lock, or why not."""

    context: AppContext | None = None
    lock: QLockFile | None = None
    # What to tell the CSM when there is no context, under `title`.
    problem: str = ""
    title: str = APP_NAME
    # Damaged, with a verified backup that could take its place: ask first.
    damaged: CorruptDatabaseError | None = None
    # Where the damaged file was kept after a restore.
    kept: Path | None = None
    # The account list, when the open was to read it (see account_loading.ListClaim).
    rows: PreparedRows | None = None
    # The tiers in use and whether it is the demo, read here rather than on the GUI
    # thread (the first query through SQLAlchemy costs tens of milliseconds).
    tiers: tuple[str, ...] = ()
    is_demo: bool = False
    # The team server did not answer: offer to try again or to work locally.
    offline: bool = False


def _lock(path: Path) -> QLockFile | str:
    """The portfolio's lock, or the sentence saying why it cannot be had."""
    from qbr_desktop.store.location import make_private_folder

    try:
        make_private_folder(path.parent)  # the per-user data folder: this user's alone
    except OSError as exc:
        return translate("portfolio_opening",
                         "Cannot open {path}: its folder cannot be made "
                         "({value}).").format(path=path, value=exc.strerror or exc)
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)  # a lock is stale only when its process is gone
    if lock.tryLock(LOCK_WAIT_MS):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        pid, host, _app = lock.getLockInfo()
        return (translate("portfolio_opening",
                          "{name} is already open in another {app_name} window (process {pid} on "
                          "{value}).\n\nSwitch to that window, or close it and try "
                          "again.").format(name=path.name, app_name=APP_NAME, pid=pid,
                                           value=host or 'this computer'))
    return translate("portfolio_opening",
                     "Cannot open {path}: its folder is not writable.").format(path=path)


def open_portfolio(target: DatabaseTarget, *, demo_if_empty: bool = False,
                   restore: Path | None = None, list_claim: ListClaim | None = None
                   ) -> Opening:
    """Lock and open `target` (after putting the backup `restore` in its place, when the
    CSM chose that); fill an empty demo portfolio with the demo's accounts; read the
    account list too when `list_claim` can be taken."""
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.store.backup import restore_backup

    lock: QLockFile | None = None
    if target.path is not None:
        got = _lock(target.path)
        if isinstance(got, str):
            return Opening(problem=got)
        lock = got
    try:
        kept = None
        if demo_if_empty and target.path is not None and not target.path.exists():
            # Built beside its place and renamed in when whole: a first launch stopped
            # half-way leaves no half demo to open.
            from qbr_desktop.services.demo_file import build_demo_file

            freeze_long_lived()  # the modules just loaded, before the demo's many objects
            build_demo_file(target.path)
        if restore is not None and target.path is not None:
            try:
                kept = restore_backup(restore, target.path)
            except StoreError as exc:
                return _failed(lock,
                               Opening(problem=str(exc),
                                       title=translate("portfolio_opening", "Restore failed")))
        try:
            context = AppContext.open(target)
        except CorruptDatabaseError as exc:
            if exc.newest_backup is None or target.path is None or restore is not None:
                return _failed(lock,
                               Opening(problem=str(exc),
                                       title=translate("portfolio_opening", "Portfolio damaged")))
            return _failed(lock, Opening(damaged=exc))
        except ServerUnreachableError as exc:
            return _failed(lock, Opening(problem=str(exc), offline=True))
        except StoreError as exc:
            return _failed(lock, Opening(problem=str(exc)))
        try:
            if demo_if_empty and context.accounts.list_accounts() == []:
                from qbr_desktop.services.demo import build_demo_portfolio

                freeze_long_lived()
                build_demo_portfolio(context)
            rows = None
            tiers, is_demo = context.settings.tier_scheme().tiers, context.is_demo
            if list_claim is not None and list_claim.take("open"):
                from qbr_desktop.gui.account_loading import rows_through

                rows = rows_through(context)
        except BaseException:
            context.close()
            raise
    except BaseException:
        if lock is not None:
            lock.unlock()
        raise
    return Opening(context, lock, kept=kept, rows=rows, tiers=tiers, is_demo=is_demo)


def _failed(lock: QLockFile | None, opening: Opening) -> Opening:
    if lock is not None:
        lock.unlock()
    return opening

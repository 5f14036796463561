"""Colleagues' changes appear in an open window within seconds, without disturbing typing.

Every POLL_MS a background task reads the store's change marker (store/changes.py: one row
on a server, SQLite's data_version on a file). When it moved, the account list reloads and
the account on view is shown anew, unless the CSM is typing in its details: then the page
keeps what is typed, and the next save is checked against the colleague's change (a
conflict is asked about, never overwritten unseen); the page catches up once they leave
the field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.worker import start_task
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.gui.main_window import MainWindow

POLL_MS = 2000


class ChangeWatcher(QObject):
    """Polls the change marker off the GUI thread; `changed` when someone saved."""

    changed = Signal()

    def __init__(self, engine: Any, parent: QObject | None = None,
                 interval_ms: int = POLL_MS) -> None:
        from qbr_desktop.store.changes import ChangeMarker

        super().__init__(parent)
        self._marker = ChangeMarker(engine)
        self._last: Any = None
        self._reading = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.destroyed.connect(self._marker.close)
        QTimer.singleShot(0, self.poll)

    def poll(self) -> None:
        if self._reading:
            return  # a slow server: one reading at a time
        self._reading = True
        start_task(self._marker.read, self._arrived, self._failed,
                   translate("ChangeWatcher", "looking for colleagues' changes"), owner=self)

    def _arrived(self, value: Any) -> None:
        self._reading = False
        seen, self._last = self._last, value
        if value != seen:  # the first reading too: what was shown may already be behind
            self.changed.emit()

    def _failed(self, _sentence: str) -> None:
        # The server may be away for a moment: the next tick tries again, and a save in
        # the meantime says so in its own words.
        self._reading = False

    def stop(self) -> None:
        self._timer.stop()


class ColleagueFollower(ChangeWatcher):
    """Shows `window` what others save to its portfolio."""

    def __init__(self, window: MainWindow, interval_ms: int = POLL_MS) -> None:
        super().__init__(window.context.store.engine, window, interval_ms)
        self._window = window
        self._behind = False
        self.changed.connect(self.catch_up)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def catch_up(self) -> None:
        window = self._window
        page = window.page
        focus = QApplication.focusWidget()
        if (focus is not None and page.isAncestorOf(focus)) or page.unsaved_work() is not None:
            # Typing (or a value not stored yet): nothing on the page moves; shown once
            # they leave the details.
            self._behind = True
            return
        self._behind = False
        window.reload_accounts()
        shown = page.account
        if shown is None:
            return
        try:
            stored = window.context.accounts.get(shown.id)
        except StoreError:  # deleted by a colleague: the list no longer has it
            return
        if stored.version != shown.version:
            page.show_account(stored)

    def _focus_moved(self, _old: Any, new: Any) -> None:
        if self._behind and (new is None or not self._window.page.isAncestorOf(new)):
            self.catch_up()


def watch_colleagues(window: MainWindow) -> ColleagueFollower | None:
    """On a team server, keep `window` up to date with what colleagues save. (A file is
    open in one window only; the commands that may write beside it are the CSM's own.)"""
    if window.context.store.path is not None:
        return None
    return ColleagueFollower(window)

"""Start-up's account list, read apart from opening the portfolio.

Opening a portfolio loads SQLAlchemy and the services (about half a second), and a big
portfolio's list takes seconds to read and lay out. So the window asks for its list on its
own: the first screenful straight from the file (store/account_list.py), then the rest,
each read and prepared (display text, sort keys) on a worker, the GUI thread only taking
the rows in. A file that needs work first (a backup due, an update, signs of a crash) gets
its list once the portfolio is open, through the services, still on a worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.worker import start_task

if TYPE_CHECKING:
    from qbr_desktop.gui.accounts.table_model import PreparedRows
    from qbr_desktop.gui.main_window import MainWindow
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext

# Rows read first: more than a maximised window shows at once.
FIRST_SCREEN = 80


class ListClaim:
    """Who fills the start-up list: the quick read of the file, or the open of the portfolio
    (through the services, on its worker) when the quick read could not, or has not yet.
    Both run at once; the first to claim it fills it, and the other drops its rows."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by: str | None = None

    @property
    def by(self) -> str | None:
        with self._lock:
            return self._by

    def take(self, who: str) -> bool:
        with self._lock:
            self._by = self._by or who
            return self._by == who


def rows_through(context: AppContext) -> PreparedRows:
    from qbr_desktop.gui.accounts.table_model import prepare_rows

    return prepare_rows(context.accounts.list_accounts())


def _read_file(path: Path, first: int | None, gates_passed: bool) -> PreparedRows | None:
    from qbr_desktop.gui.accounts.table_model import prepare_rows
    from qbr_desktop.services.account_listing import quick_portfolio

    quick = quick_portfolio(path, datetime.now(UTC), first=first, gates_passed=gates_passed)
    return None if quick is None else prepare_rows(quick.accounts)


def _first_screen(path: Path, claim: ListClaim) -> PreparedRows | None:
    rows = _read_file(path, FIRST_SCREEN, False)
    if rows is not None and not claim.take("file"):
        rows = None  # the open was quicker: its list is the one shown
    return rows


def _load_window_modules() -> None:
    """The modules of the window's next steps, loaded off the GUI thread while the list
    answers (making PySide6's enums for them alone takes ~50 ms); and the shipped
    languages looked up once, which compiles the pattern the account page's language
    choice then finds ready (~17 ms)."""
    import qbr_desktop.gui.accounts.account_page
    import qbr_desktop.gui.accounts.commands
    import qbr_desktop.gui.window_menus  # noqa: F401
    from qbr_desktop.i18n import available_languages

    available_languages()


class StartupList(QObject):
    """Fills the start-up window's list; `complete` is emitted once every account is in."""

    complete = Signal()

    def __init__(self, window: MainWindow, target: DatabaseTarget) -> None:
        super().__init__(window)
        self.window, self.target = window, target
        self.claim = ListClaim()
        self.is_complete = False
        self._context: AppContext | None = None
        self._through_services = False
        self._after_first: list[Callable[[], None]] = []
        self._rest_to_read = False
        self._first_done = target.path is None
        self._awaiting_fill = False
        if target.path is not None:
            path, claim = target.path, self.claim
            # A turn later: the window first makes its list (show_empty_list, due now) on
            # its own. Started at once, this read imports the same modules, and the GUI
            # thread would wait for them on the import lock, slowed by the interpreter lock.
            QTimer.singleShot(0, self, lambda: self._start(lambda: _first_screen(path, claim),
                                                           self._first_read))

    def after_first_read(self, then: Callable[[], None]) -> None:
        """Call `then` once the first screenful is shown and the window laid out around it
        (or the file found not readable so), at once if that is done. Start-up opens the
        portfolio then: both at once, its imports would hold the interpreter lock the
        first rows and the layout need."""
        if self._first_done:
            then()
        else:
            self._after_first.append(then)

    def _first_over(self) -> None:
        if not self._first_done:
            self._first_done = True
            for then in self._after_first:
                then()
            self._after_first.clear()

    def portfolio_opened(self, context: AppContext, with_rows: bool) -> None:
        """The portfolio is attached to the window, `with_rows` when the open read the list
        (its ListClaim); a list still to read can come from it."""
        self._context = context
        if with_rows:
            self._done()
        elif self._rest_to_read:
            self._rest_to_read = False
            self._read_rest()
        elif self._through_services and not self.is_complete:
            self._start(lambda: rows_through(context), self._all_read)

    def _start(self, work: Callable[[], PreparedRows | None],
               then: Callable[[PreparedRows | None], None]) -> None:
        start_task(work, then, self._failed, translate("StartupList", "reading the account list"),
                   owner=self)

    def _first_read(self, rows: PreparedRows | None) -> None:
        if rows is None:  # the open reads the list (or has read it): see ListClaim
            self._first_over()
            return
        self.window.show_rows(rows, self.target)
        complete = len(rows.items) < FIRST_SCREEN
        if complete:
            self._done()
        # Then, on a worker, the window's modules; with them, the rest of the window is
        # built in short turns of the event loop while no worker competes for the
        # interpreter lock (building widgets is Python code), and only then do the open
        # and the rest of the list start.
        start_task(_load_window_modules,
                   lambda _none: self.window.build_frame_in_steps(
                       then=lambda: self._laid_out(complete)),
                   self._failed, translate("StartupList", "loading the window"), owner=self)

    def _laid_out(self, complete: bool) -> None:
        # The rest of the list is read once the portfolio is open (portfolio_opened): read
        # meanwhile, it would hold the interpreter lock as the window attaches it.
        self._rest_to_read = not complete
        self._first_over()

    def _read_rest(self) -> None:
        assert self.target.path is not None
        path = self.target.path
        self._start(lambda: _read_file(path, None, True), self._all_read)

    def _all_read(self, rows: PreparedRows | None) -> None:
        if rows is None:
            self._use_services()
            return
        self.window.show_rows(rows, self.target)
        self._done()

    def _failed(self, _sentence: str) -> None:
        # Logged by the worker; the services read the list again (and say what is wrong),
        # unless the open has it (see ListClaim).
        self._first_over()
        if self.claim.by == "file":
            self._use_services()

    def _use_services(self) -> None:
        if self._through_services:
            return  # that read failed too: the window stays as the open left it
        self._through_services = True
        if self._context is not None:
            self.portfolio_opened(self._context, with_rows=False)

    def _done(self) -> None:
        if self.is_complete:
            return
        panel = getattr(self.window, "list_panel", None)
        if panel is not None and panel.model.filling:  # complete once the list shows all
            if not self._awaiting_fill:
                self._awaiting_fill = True
                panel.model.filled.connect(self._done)
            return
        self.is_complete = True
        self.complete.emit()

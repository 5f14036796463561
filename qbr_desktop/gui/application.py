"""Start-up: the QApplication, the portfolio to open, one window per open portfolio."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QLockFile,
    QObject,
    QSettings,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from qbr_desktop import APP_NAME, ORGANIZATION
from qbr_desktop.assets import read_text, resource
from qbr_desktop.domain.money import use_number_style
from qbr_desktop.gui.locale_style import style_for
from qbr_desktop.gui.recent_portfolios import RecentPortfolios, dropped_notice
from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.worker import start_task
from qbr_desktop.long_lived import FullPassesHeld, freeze_long_lived, hold_full_passes
from qbr_desktop.paths import DatabaseTarget, demo_target, resolve_target

if TYPE_CHECKING:  # the services load SQLAlchemy: only once the window is on screen
    from qbr_desktop.gui.account_loading import ListClaim, StartupList
    from qbr_desktop.gui.main_window import MainWindow
    from qbr_desktop.gui.portfolio_opening import Opening
    from qbr_desktop.gui.server_offline import AskOffline
    from qbr_desktop.gui.startup_probe import StartupProbe
    from qbr_desktop.services.context import AppContext

SCREENSHOT_DELAY_MS = 1500
# A --screenshot run that has not saved its picture by then ends, its stacks in the log
# folder's crashes.log: automated checks must never wait on it for ever.
SCREENSHOT_DEADLINE_S = 180
# How long a thread may hold the interpreter lock while another waits for it (see run).
SWITCH_INTERVAL_S = 0.0001

Ask = Callable[[QWidget | None, str, str], bool]
Tell = Callable[[QWidget | None, str, str], None]


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox  # rarely needed: kept off the start-up path

    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def tell(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, title, text)


def configure_application(app: QApplication) -> None:
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setStyleSheet(read_text("style.qss"))
    use_number_style(style_for(QLocale()))
    from qbr_desktop.gui.input_guards import install_input_guards

    install_input_guards(app)


def _log_to_file() -> None:
    """Failures nobody foresaw leave their traceback in the data folder's log."""
    import sys
    import threading

    from qbr_desktop.app_log import (
        log_uncaught,
        log_uncaught_in_thread,
        record_crashes,
        set_up_log,
    )
    from qbr_desktop.paths import user_data_folder

    set_up_log(user_data_folder())
    record_crashes(user_data_folder())
    sys.excepthook = log_uncaught
    threading.excepthook = log_uncaught_in_thread


def set_application_icon(app: QApplication) -> None:
    """The SVG icon loads Qt's SVG module and plugin: done once the window is on screen."""
    from PySide6.QtGui import QIcon

    with_icon = resource("icons", "app.svg")
    if with_icon.is_file():
        app.setWindowIcon(QIcon(str(with_icon)))


def startup_target(db_arg: str | None, recent: RecentPortfolios | None = None
                   ) -> DatabaseTarget:
    """The portfolio to open: the one chosen on the command line or in the environment,
    else the last one opened that is still there, else the one in the data folder; the
    demo only when there is no portfolio at all."""
    target = resolve_target(db_arg)
    if not target.is_default:
        return target
    last = recent.last_existing() if recent is not None else None
    if last is not None:
        return DatabaseTarget(path=last)
    if target.path is not None and not target.path.exists():
        return demo_target()
    return target


def _chosen_account(window: MainWindow | None) -> int:
    """The account chosen in the start-up window's list, if any (0: none)."""
    panel = getattr(window, "list_panel", None)
    return panel.current_account_id() if panel is not None else 0


def _ready_for_the_window(opening: Opening, chosen: int) -> Opening:
    """On the open's worker, once it is done, what the window does first as it attaches
    the portfolio, so the GUI thread finds it done: the team's modules loaded (~20 ms), and
    the queries for the chosen account's details compiled and their pages read (~40 ms)."""
    if opening.context is None:
        return opening
    import qbr_desktop.gui.team  # noqa: F401

    if chosen > 0:
        from qbr_desktop.store.errors import StoreError

        with contextlib.suppress(StoreError):  # gone meanwhile: the window will say so
            opening.context.accounts.get(chosen)
            opening.context.accounts.metric_history(chosen)
    return opening


@dataclass
class _Request:
    target: DatabaseTarget
    demo_if_empty: bool
    into: MainWindow | None
    notices: tuple[str, ...]
    list_claim: ListClaim | None = None


class PortfolioWindows(QObject):
    """Opens portfolios (with their lock and error dialogs) and keeps one window showing."""

    # An open has ended: True when its portfolio is on screen.
    opened = Signal(bool)

    def __init__(self, ask_user: Ask = ask, tell_user: Tell = tell,
                 settings: QSettings | None = None,
                 ask_offline: AskOffline | None = None) -> None:
        super().__init__()
        self.ask_user, self.tell_user = ask_user, tell_user
        self.ask_offline = ask_offline
        self.settings = settings if settings is not None else QSettings()
        self.recent = RecentPortfolios(self.settings)
        self.context: AppContext | None = None
        self.window: QWidget | None = None
        self._lock: QLockFile | None = None
        self._request: _Request | None = None
        self.startup_list: StartupList | None = None
        # Start-up's hold on the collector's full passes (released once it is done).
        self.full_passes: FullPassesHeld | None = None

    @property
    def busy(self) -> bool:
        """A portfolio is being opened."""
        return self._request is not None

    def open(self, target: DatabaseTarget, *, demo_if_empty: bool = False,
             into: MainWindow | None = None, notices: Sequence[str] = (),
             list_claim: ListClaim | None = None) -> None:
        """Open `target` in a new window, or in `into`: the start-up window already showing.
        `notices` are shown on the window, above the accounts. The file is opened in the
        background; `opened` says how it went."""
        if self._request is not None:
            return  # one at a time: a second click while opening is not a second window
        self._request = _Request(target, demo_if_empty, into, tuple(notices), list_claim)
        self._start()

    def _start(self, restore: Path | None = None) -> None:
        from qbr_desktop.gui.portfolio_opening import open_portfolio

        request = self._request
        assert request is not None
        if isinstance(self.window, QMainWindow) and self.window.isVisible():
            self.window.statusBar().showMessage(translate(
                "PortfolioWindows", "Opening {portfolio}…").format(
                    portfolio=request.target.describe()))
        chosen = _chosen_account(request.into)
        self._task = start_task(
            lambda: _ready_for_the_window(open_portfolio(
                request.target, demo_if_empty=request.demo_if_empty, restore=restore,
                list_claim=request.list_claim), chosen),
            self._arrived, self._went_wrong,
            translate("PortfolioWindows", "opening the portfolio"), owner=self)

    def _arrived(self, opening: Opening) -> None:
        request = self._request
        assert request is not None
        if opening.damaged is not None:
            question = (translate("PortfolioWindows",
                                  "{damaged}\n\nRestore that backup now? The damaged file is kept "
                                  "beside it, renamed, so nothing is thrown "
                                  "away.").format(damaged=opening.damaged))
            if self.ask_user(self.window, translate("PortfolioWindows", "Portfolio damaged"),
                             question):
                self._start(restore=opening.damaged.newest_backup)
                return
            self._end(False)
            return
        if opening.offline:
            self._offline(request, opening.problem)
            return
        if opening.context is None:
            self.tell_user(self.window, opening.title, opening.problem)
            self._end(False)
            return
        self._end(self._show(request, opening))

    def _offline(self, request: _Request, sentence: str) -> None:
        """The server did not answer: try again, open the last local portfolio, or stop."""
        from qbr_desktop.gui.server_offline import OfflineChoice, ask_offline

        local = self.recent.last_existing()
        choice = (self.ask_offline or ask_offline)(self.window, sentence, local)
        if choice is OfflineChoice.RETRY:
            self._start()
        elif choice is OfflineChoice.LOCAL and local is not None:
            request.target = DatabaseTarget(path=local)
            self._start()
        else:
            self._end(False)

    def _went_wrong(self, sentence: str) -> None:
        self.tell_user(self.window, APP_NAME, sentence)
        self._end(False)

    def _end(self, ok: bool) -> None:
        self._request = None
        self.opened.emit(ok)

    def _show(self, request: _Request, opening: Opening) -> bool:
        """The opened portfolio in its window, in place of the one showing; False when the
        CSM keeps the old one (work typed there while this one opened is not settled)."""
        from qbr_desktop.gui.main_window import MainWindow

        context = opening.context
        assert context is not None
        old = self.window
        if (isinstance(old, MainWindow) and old is not request.into
                and not old.settle_unsaved_work()):
            context.close()
            if opening.lock is not None:
                opening.lock.unlock()
            return False
        if request.into is not None:
            # The start-up window reads its list apart (gui/account_loading.py).
            request.into.attach(context, load_accounts=False,
                                known=(opening.tiers, opening.is_demo))
            window = request.into
            if opening.rows is not None:
                window.show_rows(opening.rows, request.target)
        else:
            window = MainWindow(context, settings=self.settings)
        for notice in request.notices:
            window.show_notice(notice)
        if opening.kept is not None:
            window.show_notice(translate("PortfolioWindows",
                                         "The damaged file was kept as "
                                         "{kept}.").format(kept=opening.kept))
        if request.target.path is not None:
            self.recent.add(request.target.path)
        window.portfolio_requested.connect(self._switch)
        old_window, old_context, old_lock = self.window, self.context, self._lock
        self.window, self.context, self._lock = window, context, opening.lock
        window.show()
        if old_window is not None and old_window is not window:
            old_window.close()
            old_window.deleteLater()
        if old_context is not None:
            old_context.close()
        if old_lock is not None:
            old_lock.unlock()
        return True

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
        if self._lock is not None:
            self._lock.unlock()

    def _switch(self, target: DatabaseTarget) -> None:
        self.open(target)


def _save_screenshot_and_quit(windows: PortfolioWindows, path: str) -> None:
    if windows.window is not None:
        windows.window.grab().save(path)
    QApplication.quit()


def _when_first_opened(windows: PortfolioWindows, then: Callable[[bool], None]) -> None:
    def once(ok: bool) -> None:
        windows.opened.disconnect(once)
        then(ok)

    windows.opened.connect(once)


def open_first_window(db_arg: str | None, settings: QSettings | None = None,
                      probe: StartupProbe | None = None) -> PortfolioWindows:
    """Start-up once the application is configured: the window, then the portfolio, which
    opens in the background (`opened` tells when). If it cannot be opened, the window
    closes and the application ends with status 1."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = settings if settings is not None else QSettings()
    recent = RecentPortfolios(settings)
    target = startup_target(db_arg, recent)
    from qbr_desktop.gui.account_loading import StartupList
    from qbr_desktop.gui.main_window import MainWindow

    # The window first, painted, then the portfolio: the database layer takes longer to
    # load than Qt itself, and a window that appears at once is what tells a person the
    # click worked. The account list is read apart, from the file, while it opens.
    shell = MainWindow(settings=settings)
    if probe is not None:
        probe.watch(shell)
    shell.show()
    app.processEvents()
    # The start-up heap lives as long as the program: out of the collector's full passes,
    # which the open's worker triggers (see long_lived.py); and until the window is
    # complete, none runs over what the workers make meanwhile.
    freeze_long_lived()
    windows = PortfolioWindows(settings=settings)
    full_passes = windows.full_passes = hold_full_passes()
    windows.window = shell  # dialogs while opening (lock, damaged file) sit on it
    if target.path is not None and target.path.exists():  # its list is being read
        QTimer.singleShot(0, shell.show_empty_list)  # before the read starts: see StartupList
    startup_list = windows.startup_list = StartupList(shell, target)
    if probe is not None:
        startup_list.complete.connect(probe.listed)
        shell.rows_shown.connect(probe.rows_shown)
    set_application_icon(app)

    def settled() -> None:
        if startup_list.is_complete and windows.context is not None:
            full_passes.release()

    def started(ok: bool) -> None:
        if not ok:
            full_passes.release()
            QApplication.exit(1)
            shell.close()
        elif windows.context is not None:
            startup_list.portfolio_opened(windows.context,
                                          with_rows=startup_list.claim.by == "open")
            settled()

    startup_list.complete.connect(settled)

    _when_first_opened(windows, started)
    startup_list.after_first_read(lambda: windows.open(
        target, demo_if_empty=target == demo_target(), into=shell,
        notices=[dropped_notice(path) for path in recent.dropped],
        list_claim=startup_list.claim))
    return windows


def run(db_arg: str | None, argv: Sequence[str], *, screenshot: str | None = None) -> int:
    # Workers hold the interpreter lock for 5 ms at a stretch by default; at start-up they
    # import and read for seconds while the window takes clicks. Each call Qt makes into
    # Python (a model's data(), a timer, an event filter) waits for a worker to give the lock
    # up, and a repaint makes hundreds: at 1 ms the window was kept waiting 50-170 ms at a
    # time, at 0.1 ms 40-90 ms (bench/startup_bench.py). Workers pay a little in switches.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    from qbr_desktop.gui.translation import start_in_chosen_language

    # Before the style: numbers and dates follow the chosen language's locale.
    start_in_chosen_language(app, QSettings(ORGANIZATION, APP_NAME))
    configure_application(app)
    _log_to_file()
    if screenshot:
        from qbr_desktop.app_log import stop_if_stuck

        stop_if_stuck(SCREENSHOT_DEADLINE_S)
    probe = None
    if os.environ.get("QBR_STARTUP_PROBE"):  # the benchmark's (gui/startup_probe.py)
        from qbr_desktop.gui.startup_probe import StartupProbe

        probe = StartupProbe.from_environment()
    windows = open_first_window(db_arg, probe=probe)
    if screenshot:
        _when_first_opened(windows, lambda _ok: QTimer.singleShot(
            SCREENSHOT_DELAY_MS, lambda: _save_screenshot_and_quit(windows, screenshot)))
    from qbr_desktop.gui.interrupt import InterruptHandler

    interrupt = InterruptHandler(lambda: _close_on_interrupt(app, windows), app)
    try:
        return app.exec()
    finally:
        if screenshot:
            from qbr_desktop.app_log import cancel_stop

            cancel_stop()
        interrupt.restore()
        windows.close()


def _close_on_interrupt(app: QApplication, windows: PortfolioWindows) -> None:
    """Ctrl+C: the window closes as Quit closes it; the application ends when it has."""
    window = windows.window
    if window is None or window.close():
        app.quit()

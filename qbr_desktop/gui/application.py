"""Start-up: the QApplication, the portfolio to open, one window per open portfolio."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QLockFile, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from qbr_desktop import APP_NAME, ORGANIZATION
from qbr_desktop.assets import read_text, resource
from qbr_desktop.domain.money import use_number_style
from qbr_desktop.gui.locale_style import style_for
from qbr_desktop.gui.recent_portfolios import RecentPortfolios, dropped_notice
from qbr_desktop.paths import DatabaseTarget, demo_target, resolve_target
from qbr_desktop.store.errors import CorruptDatabaseError, StoreError

if TYPE_CHECKING:  # the services load SQLAlchemy: only once the window is on screen
    from qbr_desktop.gui.main_window import MainWindow
    from qbr_desktop.services.context import AppContext

LOCK_WAIT_MS = 200
SCREENSHOT_DELAY_MS = 1500

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
    from qbr_desktop.gui.wheel_guard import install_wheel_guard

    install_wheel_guard(app)


def _log_to_file() -> None:
    """Failures nobody foresaw leave their traceback in the data folder's log."""
    import sys
    import threading

    from qbr_desktop.app_log import log_uncaught, log_uncaught_in_thread, set_up_log
    from qbr_desktop.paths import user_data_folder

    set_up_log(user_data_folder())
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


class PortfolioWindows(QObject):
    """Opens portfolios (with their lock and error dialogs) and keeps one window showing."""

    def __init__(self, ask_user: Ask = ask, tell_user: Tell = tell,
                 settings: QSettings | None = None) -> None:
        super().__init__()
        self.ask_user, self.tell_user = ask_user, tell_user
        self.settings = settings if settings is not None else QSettings()
        self.recent = RecentPortfolios(self.settings)
        self.context: AppContext | None = None
        self.window: QWidget | None = None
        self._lock: QLockFile | None = None

    def open(self, target: DatabaseTarget, *, demo_if_empty: bool = False,
             into: MainWindow | None = None, notices: Sequence[str] = ()) -> bool:
        """Open `target` in a new window, or in `into`: the start-up window already showing.
        `notices` are shown on the window, above the accounts."""
        lock = self._acquire_lock(target)
        if lock is False:
            return False
        context = self._open_context(target)
        if context is None:
            if isinstance(lock, QLockFile):
                lock.unlock()
            return False
        if demo_if_empty and context.accounts.list_accounts() == []:
            from qbr_desktop.services.demo import build_demo_portfolio

            build_demo_portfolio(context)
        from qbr_desktop.gui.main_window import MainWindow

        if into is not None:
            into.attach(context)
            window = into
        else:
            window = MainWindow(context, settings=self.settings)
        for notice in notices:
            window.show_notice(notice)
        if target.path is not None:
            self.recent.add(target.path)
        window.portfolio_requested.connect(self._switch)
        old_window, old_context, old_lock = self.window, self.context, self._lock
        self.window, self.context = window, context
        self._lock = lock if isinstance(lock, QLockFile) else None
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

    def _acquire_lock(self, target: DatabaseTarget) -> QLockFile | bool:
        if target.path is None:
            return True
        target.path.parent.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(target.path) + ".lock")
        lock.setStaleLockTime(0)  # a lock is stale only when its process is gone
        if lock.tryLock(LOCK_WAIT_MS):
            return lock
        if lock.error() == QLockFile.LockError.LockFailedError:
            pid, host, _app = lock.getLockInfo()
            self.tell_user(
                self.window, APP_NAME,
                f"{target.path.name} is already open in another {APP_NAME} window "
                f"(process {pid} on {host or 'this computer'}).\n\n"
                "Switch to that window, or close it and try again.")
            return False
        self.tell_user(self.window, APP_NAME,
                       f"Cannot open {target.path}: its folder is not writable.")
        return False

    def _open_context(self, target: DatabaseTarget) -> AppContext | None:
        from qbr_desktop.services.context import AppContext
        from qbr_desktop.store.backup import restore_backup

        while True:
            try:
                return AppContext.open(target)
            except CorruptDatabaseError as exc:
                if exc.newest_backup is None or target.path is None:
                    self.tell_user(self.window, "Portfolio damaged", str(exc))
                    return None
                question = (f"{exc}\n\nRestore that backup now? The damaged file is kept "
                            "beside it, renamed, so nothing is thrown away.")
                if not self.ask_user(self.window, "Portfolio damaged", question):
                    return None
                try:
                    kept = restore_backup(exc.newest_backup, target.path)
                except StoreError as restore_error:
                    self.tell_user(self.window, "Restore failed", str(restore_error))
                    return None
                if kept is not None and self.window is not None:
                    self.window.setStatusTip(f"The damaged file was kept as {kept}")
            except StoreError as exc:
                self.tell_user(self.window, APP_NAME, str(exc))
                return None


def _save_screenshot_and_quit(windows: PortfolioWindows, path: str) -> None:
    if windows.window is not None:
        windows.window.grab().save(path)
    QApplication.quit()


def open_first_window(db_arg: str | None, settings: QSettings | None = None
                      ) -> PortfolioWindows | None:
    """Start-up once the application is configured: the window, then the portfolio."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = settings if settings is not None else QSettings()
    recent = RecentPortfolios(settings)
    target = startup_target(db_arg, recent)
    from qbr_desktop.gui.main_window import MainWindow

    # The window first, painted, then the portfolio: the database layer takes longer to
    # load than Qt itself, and a window that appears at once is what tells a person the
    # click worked.
    shell = MainWindow(settings=settings)
    shell.show()
    app.processEvents()
    set_application_icon(app)
    windows = PortfolioWindows(settings=settings)
    windows.window = shell  # dialogs while opening (lock, damaged file) sit on it
    if not windows.open(target, demo_if_empty=target == demo_target(), into=shell,
                        notices=[dropped_notice(path) for path in recent.dropped]):
        shell.close()
        return None
    return windows


def run(db_arg: str | None, argv: Sequence[str], *, screenshot: str | None = None) -> int:
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    configure_application(app)
    _log_to_file()
    windows = open_first_window(db_arg)
    if windows is None:
        return 1
    if screenshot:
        QTimer.singleShot(SCREENSHOT_DELAY_MS,
                          lambda: _save_screenshot_and_quit(windows, screenshot))
    try:
        return app.exec()
    finally:
        windows.close()


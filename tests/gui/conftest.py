"""GUI fixtures: a portfolio built through the services, a window on it, isolated settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactDraft, ContactLevel, ReviewDraft
from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.identity import Identity, save_identity, stored_identity


@pytest.fixture(scope="session", autouse=True)
def _waits_let_workers_run() -> Iterator[None]:
    """qtbot.wait (and so waitUntil) spins a QEventLoop that, under pytest, can keep the
    interpreter lock from a worker thread about to start; the app's own event loop does not.
    Waiting in short sleeps between event rounds lets background work run as in the app."""
    import time

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

    def wait(_bot: QtBot, ms: int) -> None:
        end = time.monotonic() + ms / 1000
        while True:
            QApplication.processEvents()
            # As QTest::qWait does: deleteLater() takes effect while waiting.
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            left = end - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, 0.005))

    original = QtBot.wait
    QtBot.wait = wait  # type: ignore[method-assign]
    yield
    QtBot.wait = original  # type: ignore[method-assign]


@pytest.fixture(autouse=True)
def _background_work_ends_with_its_test(qapp: object) -> Iterator[None]:
    """Work a test started in the background finishes before the next test starts, so no
    test waits behind another's exports on the two-thread pool."""
    yield
    import time

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from qbr_desktop.gui.worker import running

    end = time.monotonic() + 120
    while running() and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)
    QThreadPool.globalInstance().waitForDone(10_000)


_tearing_down = False


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    global _tearing_down
    _tearing_down = True
    try:
        yield
    finally:
        _tearing_down = False


@pytest.fixture(autouse=True)
def _no_question_waits_forever(qapp: object) -> Iterator[None]:
    """A message box nobody answers is answered with Escape, so the run goes on: at once
    when the test is over (say, the unsaved-work question when pytest-qt closes a window a
    test left with an invalid field: three seconds of waiting each, before), and after three
    seconds while it runs (tests that expect a box answer it themselves at once)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    waiting: dict[int, int] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            waiting[id(box)] = waiting.get(id(box), 0) + 1
            if _tearing_down or waiting[id(box)] > 30:
                QTest.keyClick(box, Qt.Key.Key_Escape)

    watchdog = QTimer()
    watchdog.setInterval(100)
    watchdog.timeout.connect(answer)
    watchdog.start()
    yield  # pytest-qt closes the test's widgets before fixtures end: the watchdog is on
    watchdog.stop()


@pytest.fixture(scope="session", autouse=True)
def _input_guards(qapp: object) -> None:
    """As the app does at start-up: no combo or spin box takes the page's scrolling."""
    from qbr_desktop.gui.input_guards import install_input_guards

    install_input_guards(qapp)  # type: ignore[arg-type]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "portfolio.sqlite"  # the file the sqlite database_target names


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def seed_portfolio(context: AppContext) -> dict[str, int]:
    """Three accounts of different tiers, one with contacts, a review and metrics."""
    ids = {}
    for name, arr, renewal in (("Acme Logistics", "120000", date(2027, 3, 31)),
                               ("Bluefin Health", "40000", date(2027, 1, 15)),
                               ("Cedar Bank", "9000", None)):
        ids[name] = context.accounts.create(AccountDraft(
            name=name, arr=Decimal(arr), renewal_date=renewal, industry="Retail",
            licensed_seats=100, csm_owner="Sam Rivera")).id
    acme = ids["Acme Logistics"]
    context.accounts.add_contact(acme, ContactDraft("Ana Ruiz", "COO", "ana@acme.example",
                                                    level=ContactLevel.C_SUITE))
    context.accounts.add_review(acme, ReviewDraft(
        datetime.now(UTC) + timedelta(days=20), "Europe/Berlin"))
    context.accounts.record_metrics(acme, [
        MetricValue(Quarter(2026, 2), "active_users", 60.0),
        MetricValue(Quarter(2026, 3), "active_users", 72.0),
    ])
    return ids


@pytest.fixture
def open_window(qtbot, qsettings: QSettings, database_target: DatabaseTarget
                ) -> Iterator[Callable[..., object]]:
    """Open a MainWindow on the portfolio (again after a close, to check persistence): the
    file db_path names, or a server database for the tests marked server_smoke."""
    from qbr_desktop.gui.main_window import MainWindow

    contexts: list[AppContext] = []

    def factory(seed: bool = False, size: tuple[int, int] | None = (1366, 768)) -> MainWindow:
        if database_target.url is not None and stored_identity() is None:
            # On a team server the window asks who this is first; the tests say it here.
            save_identity(Identity("Pat Tester", "pat@example.com"))
        context = AppContext.open(database_target)
        contexts.append(context)
        if seed:
            seed_portfolio(context)
        window = MainWindow(context, settings=qsettings)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        return window

    yield factory
    for context in contexts:
        context.close()


@pytest.fixture
def styled_like_the_app(qapp: QApplication) -> Iterator[None]:
    """The application configured as the program configures it (names, style sheet,
    number style), put back afterwards for the other tests."""
    from PySide6.QtCore import QCoreApplication

    from qbr_desktop.domain.money import number_style, use_number_style
    from qbr_desktop.gui.application import configure_application

    before = (QCoreApplication.organizationName(), QCoreApplication.applicationName(),
              qapp.applicationDisplayName(), qapp.styleSheet(), number_style())
    configure_application(qapp)
    yield
    organization, name, display, sheet, style = before
    QCoreApplication.setOrganizationName(organization)
    QCoreApplication.setApplicationName(name)
    qapp.setApplicationDisplayName(display)
    qapp.setStyleSheet(sheet)
    use_number_style(style)

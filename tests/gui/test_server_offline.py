"""An unreachable team server at start: a dialog offering to try again or to work in the
last local portfolio, never a traceback, never the password."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from opening_support import wait_for_open
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.application import PortfolioWindows
from qbr_desktop.gui.server_offline import OfflineChoice, ask_offline
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext

# Nothing listens on port 1 of this machine: the connection is refused at once.
UNREACHABLE = DatabaseTarget(url="postgresql+psycopg://csm:hunter2@127.0.0.1:1/qbr")


@pytest.fixture
def local_portfolio(tmp_path: Path, qsettings: Any) -> Path:
    """A local portfolio opened before, so the recent list knows it."""
    from qbr_desktop.gui.recent_portfolios import RecentPortfolios

    path = tmp_path / "mine.sqlite"
    context = AppContext.open(DatabaseTarget(path=path))
    context.accounts.create(AccountDraft(name="Local Account"))
    context.close()
    RecentPortfolios(qsettings).add(path)
    return path


class Offline:
    """Stands in for the offline dialog: answers in turn, records what was said."""

    def __init__(self, *answers: OfflineChoice) -> None:
        self.answers = list(answers)
        self.said: list[tuple[str, Path | None]] = []

    def __call__(self, _parent: Any, sentence: str, local: Path | None) -> OfflineChoice:
        self.said.append((sentence, local))
        return self.answers.pop(0)


def windows_for(qsettings: Any, offline: Any) -> PortfolioWindows:
    told: list[str] = []
    return PortfolioWindows(lambda *_: True, lambda _p, _t, text: told.append(text),
                            settings=qsettings, ask_offline=offline)


def test_try_again_then_open_the_last_local_portfolio(qtbot: Any, qsettings: Any,
                                                      local_portfolio: Path) -> None:
    offline = Offline(OfflineChoice.RETRY, OfflineChoice.LOCAL)
    windows = windows_for(qsettings, offline)
    try:
        assert wait_for_open(windows, lambda: windows.open(UNREACHABLE))
        assert len(offline.said) == 2  # asked again after the second attempt failed
        sentence, local = offline.said[0]
        assert local == local_portfolio
        assert "cannot be reached" in sentence and "hunter2" not in sentence
        assert "Traceback" not in sentence and "OperationalError" not in sentence
        assert windows.context is not None and windows.context.store.path == local_portfolio
        assert [a.name for a in windows.context.accounts.list_accounts()] == ["Local Account"]
    finally:
        if windows.window is not None:
            windows.window.close()
        windows.close()


def test_closing_the_dialog_opens_nothing(qtbot: Any, qsettings: Any) -> None:
    offline = Offline(OfflineChoice.QUIT)
    windows = windows_for(qsettings, offline)
    assert not wait_for_open(windows, lambda: windows.open(UNREACHABLE))
    assert offline.said[0][1] is None  # no local portfolio known: none offered
    assert windows.context is None


def test_the_dialog_offers_its_choices_as_buttons(qtbot: Any, local_portfolio: Path) -> None:
    seen: list[list[str]] = []

    def click_local() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        buttons = box.findChildren(QPushButton)
        seen.append(sorted(b.text() for b in buttons))
        qtbot.mouseClick(next(b for b in buttons if "local" in b.text()),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(200, click_local)
    choice = ask_offline(None, "The team server cannot be reached.", local_portfolio)
    assert choice is OfflineChoice.LOCAL
    assert seen == [["Close", "Open last local portfolio", "Try again"]]

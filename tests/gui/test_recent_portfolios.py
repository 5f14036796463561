"""Start-up reopens the portfolio the CSM used last, File › Open Recent lists the ones
before it, and File › New Portfolio… proposes the per-user data folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from opening_support import wait_for_open
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.application import PortfolioWindows, open_first_window
from qbr_desktop.gui.recent_portfolios import MAX_RECENT, RecentPortfolios
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext


@pytest.fixture
def start(qtbot, qsettings: QSettings) -> Iterator[Callable[..., PortfolioWindows]]:
    """Start the app as `qbr` does (without its event loop); everything is closed after."""
    started: list[PortfolioWindows] = []

    def launch(db_arg: str | None = None) -> PortfolioWindows:
        made: list[PortfolioWindows] = []
        assert wait_for_open(lambda: made[0], lambda: made.append(
            open_first_window(db_arg, settings=qsettings))), "the first portfolio did not open"
        windows = made[0]
        started.append(windows)
        window = windows.window
        window.activateWindow()
        assert QTest.qWaitForWindowActive(window, 5000)
        return windows

    yield launch
    for windows in started:
        if windows.window is not None:
            windows.window.close()
        windows.close()


def settled(windows: PortfolioWindows) -> bool:
    """Wait for the open under way to end: whether its portfolio is on screen."""
    return wait_for_open(windows, lambda: None)


def quit_app(windows: PortfolioWindows) -> None:
    """Ctrl+Q, then what `run` does once the event loop ends."""
    window = windows.window
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 5000)
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    windows.close()
    windows.window = None


def make_portfolio(path: Path, *names: str) -> Path:
    context = AppContext.open(DatabaseTarget(path=path))
    for name in names:
        context.accounts.create(AccountDraft(name))
    context.close()
    return path


def recent_texts(window) -> list[tuple[str, bool, bool]]:
    """File › Open Recent as shown: (text, enabled, checked) of each entry."""
    window.recent_menu.aboutToShow.emit()
    return [(a.text(), a.isEnabled(), a.isChecked()) for a in window.recent_menu.actions()
            if not a.isSeparator()]


def test_a_new_portfolio_reopens_after_a_restart(start, isolated_data_folder: Path,
                                                  qtbot, monkeypatch) -> None:
    windows = start()
    assert "DEMO" in windows.window.windowTitle()  # first start: nothing of their own yet
    own = isolated_data_folder / "Sales team 営業.sqlite"
    proposed: list[str] = []

    def save_as(_parent, _caption, directory, kinds="", *_args, **_kwargs):
        proposed.append(directory)
        return str(own), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    demo_window = windows.window
    demo_window.new_portfolio_action.trigger()
    assert settled(windows)
    assert proposed == [str(isolated_data_folder / "qbr.sqlite")]
    window = windows.window
    assert window is not demo_window and windows.context.target.path == own
    assert "DEMO" not in window.windowTitle()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 5000)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(window.page.form.nameEdit, "Zeta Corp")
    QTest.keyClick(window.page.form.nameEdit, Qt.Key.Key_Return)
    quit_app(windows)

    again = start()
    assert again.context.target.path == own
    assert [a.name for a in again.context.accounts.list_accounts()] == ["Zeta Corp"]
    assert again.window.windowTitle().startswith(own.name)
    entries = recent_texts(again.window)
    assert entries[0][0].startswith(f"&1 {own.name} — ") and entries[0][2]  # on screen
    assert entries[1][0].startswith("&2 demo.sqlite — ") and entries[1][1]
    assert entries[-1] == ("&Clear Recent Portfolios", True, False)


def test_new_portfolio_proposes_a_free_name_in_the_data_folder(start, isolated_data_folder,
                                                               monkeypatch) -> None:
    make_portfolio(isolated_data_folder / "qbr.sqlite", "Acme")
    windows = start()
    proposed: list[str] = []

    def cancel(_parent, _caption, directory, *_args, **_kwargs):
        proposed.append(directory)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancel)
    windows.window.new_portfolio_action.trigger()
    assert proposed == [str(isolated_data_folder / "qbr (2).sqlite")]
    assert windows.context.target.path == isolated_data_folder / "qbr.sqlite"  # cancelled


def test_a_last_portfolio_that_is_gone_is_dropped_with_a_notice(
        start, qsettings, tmp_path: Path) -> None:
    kept = make_portfolio(tmp_path / "kept.sqlite", "Acme")
    gone = tmp_path / "moved away.sqlite"
    recent = RecentPortfolios(qsettings)
    recent.add(kept)
    recent.add(gone)
    windows = start()
    assert windows.context.target.path == kept
    banners = [label.text() for label in windows.window.findChildren(
        type(windows.window.empty_label), "noticeBannerText")]
    assert any(str(gone) in text and "no longer there" in text for text in banners)
    assert RecentPortfolios(qsettings).paths() == [kept]


def test_the_command_line_and_environment_win_over_the_last_portfolio(
        start, qsettings, tmp_path: Path, monkeypatch) -> None:
    last = make_portfolio(tmp_path / "last.sqlite", "Acme")
    chosen = make_portfolio(tmp_path / "chosen.sqlite", "Bluefin")
    RecentPortfolios(qsettings).add(last)
    windows = start(str(chosen))
    assert windows.context.target.path == chosen
    windows.window.close()
    windows.close()
    by_env = make_portfolio(tmp_path / "by env.sqlite")
    monkeypatch.setenv("QBR_DB", str(by_env))
    assert start().context.target.path == by_env


def test_open_recent_switches_and_shows_missing_files_greyed(start, qsettings,
                                                             tmp_path: Path) -> None:
    other = make_portfolio(tmp_path / "R&D portfolio.sqlite", "Cedar Bank")
    here = make_portfolio(tmp_path / "here.sqlite", "Acme")
    gone = tmp_path / "gone.sqlite"
    recent = RecentPortfolios(qsettings)
    for path in (gone, other):
        recent.add(path)
    windows = start(str(here))
    entries = recent_texts(windows.window)
    assert [(text.split(" — ")[0], enabled, checked) for text, enabled, checked
            in entries[:3]] == [("&1 here.sqlite", True, True),
                                ("&2 R&&D portfolio.sqlite", True, False),
                                ("&3 gone.sqlite", False, False)]
    assert entries[2][0].endswith("(not found)")
    window = windows.window
    next(a for a in window.recent_menu.actions() if "R&&D" in a.text()).trigger()
    assert settled(windows)
    assert windows.context.target.path == other
    assert [a.name for a in windows.context.accounts.list_accounts()] == ["Cedar Bank"]
    assert RecentPortfolios(qsettings).paths()[:2] == [other, here]


def test_clear_keeps_only_the_portfolio_on_screen(start, qsettings, tmp_path: Path) -> None:
    recent = RecentPortfolios(qsettings)
    for number in range(MAX_RECENT + 3):
        recent.add(make_portfolio(tmp_path / f"p{number}.sqlite"))
    assert len(recent.paths()) == MAX_RECENT
    assert recent.paths()[0] == tmp_path / f"p{MAX_RECENT + 2}.sqlite"
    windows = start()
    assert windows.context.target.path == tmp_path / f"p{MAX_RECENT + 2}.sqlite"
    clear = windows.window.recent_menu.actions()[-1]
    assert clear.text() == "&Clear Recent Portfolios"
    clear.trigger()
    assert RecentPortfolios(qsettings).paths() == [windows.context.target.path]
    entries = recent_texts(windows.window)
    assert len(entries) == 2 and entries[-1] == ("&Clear Recent Portfolios", False, False)


def test_the_window_keeps_painting_while_the_first_portfolio_is_made(qtbot,
                                                                     qsettings) -> None:
    """The demo's accounts take seconds to make on a first start: that happens in the
    background, and the window answers (paints, moves, takes a click) meanwhile."""
    import time

    from PySide6.QtCore import QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    made: list[PortfolioWindows] = []
    shown: list[str] = []

    def begin() -> None:
        made.append(open_first_window(None, settings=qsettings))
        shown.append(made[0].window.centralWidget().text())
        timer.start()
        ticks.append(time.monotonic())

    assert wait_for_open(lambda: made[0], begin)
    timer.stop()
    windows = made[0]
    try:
        assert shown == ["Opening your portfolio…"]
        assert windows.window.list_panel.model.rowCount() >= 10
        took = ticks[-1] - ticks[0]
        longest = max(later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False))
        assert longest < max(1.0, took / 3), (longest, took)
    finally:
        windows.window.close()
        windows.close()


def test_a_long_name_is_shortened_in_the_menu_and_whole_in_the_tip(start, qsettings,
                                                                   tmp_path: Path) -> None:
    folder = tmp_path / ("Региональные клиенты " * 4).strip()
    folder.mkdir()
    long = make_portfolio(folder / ("株式会社 Ōsaka Логистика " * 6 + ".sqlite"))
    RecentPortfolios(qsettings).add(long)
    windows = start(str(make_portfolio(tmp_path / "here.sqlite")))
    windows.window.recent_menu.aboutToShow.emit()
    entry = next(a for a in windows.window.recent_menu.actions() if "Ōsaka" in a.text())
    assert len(entry.text()) < 150 and "….sqlite" not in entry.text()
    assert entry.text().split(" — ")[0].endswith("Логистика .sqlite")
    assert entry.toolTip() == str(long) and entry.statusTip() == str(long)


def test_work_typed_while_another_portfolio_opens_is_asked_about(start, qsettings,
                                                                 tmp_path: Path) -> None:
    """The window stays usable while the next portfolio opens in the background: what
    the CSM typed meanwhile is settled before the window goes, and Cancel keeps it."""
    from dialog_support import answer_with

    other = make_portfolio(tmp_path / "other.sqlite", "Cedar Bank")
    here = make_portfolio(tmp_path / "here.sqlite", "Acme")
    RecentPortfolios(qsettings).add(other)
    windows = start(str(here))
    window = windows.window
    entry = next(a for a in window.recent_menu.actions() if "other.sqlite" in a.text())
    answers = answer_with(key=Qt.Key.Key_Escape)

    def typed_meanwhile() -> None:
        entry.trigger()  # the open starts; the CSM goes on typing a value that is refused
        arr = window.page.form.arrEdit
        arr.setFocus()
        arr.selectAll()
        QTest.keyClicks(arr, "-5")
        QTest.keyClick(arr, Qt.Key.Key_Return)

    assert not wait_for_open(windows, typed_meanwhile)
    answers.stop()
    assert len(answers.seen) == 1 and "ARR not saved" in answers.seen[0]
    assert windows.window is window and window.isVisible()
    assert windows.context.target.path == here
    # The other portfolio's lock was let go: it opens once the CSM is done here.
    window.page.discard_unsaved()
    assert wait_for_open(windows, entry.trigger)
    assert windows.context.target.path == other

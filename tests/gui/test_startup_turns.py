"""Start-up keeps the window answering: the frame is built over several turns of the event
loop, and the collector's full passes are held off until the window is complete."""

from __future__ import annotations

import gc
from pathlib import Path

from opening_support import wait_for_open

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.application import PortfolioWindows, open_first_window
from qbr_desktop.gui.main_window import MainWindow
from qbr_desktop.gui.window_pages import ACCOUNT_PAGES
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext


def test_the_frame_is_built_over_several_turns_then_the_next_step_runs(qtbot,
                                                                        qsettings) -> None:
    window = MainWindow(settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    window.show_empty_list()
    done: list[bool] = []

    window.build_frame_in_steps(then=lambda: done.append(True))

    assert getattr(window, "views", None) is None and not done  # the rest comes later
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert window.views.count() == 4
    assert window.account_tabs.count() == 1 + len(ACCOUNT_PAGES)


def test_a_portfolio_attached_mid_way_finishes_the_same_frame(qtbot, qsettings,
                                                              tmp_path: Path) -> None:
    window = MainWindow(settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    window.show_empty_list()
    window.build_frame_in_steps()
    tabs = window.account_tabs  # the first step made them
    context = AppContext.open(DatabaseTarget(path=tmp_path / "mid-way.sqlite"))
    try:
        window.attach(context)  # builds what is left at once
        assert window.account_tabs is tabs
        assert tabs.count() == 1 + len(ACCOUNT_PAGES)
        qtbot.wait(50)  # the steps still queued find nothing left to do
        assert tabs.count() == 1 + len(ACCOUNT_PAGES) and window.views.count() == 4
    finally:
        window.close()
        context.close()


def test_full_passes_are_held_until_the_window_is_complete(qtbot, qsettings,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "portfolio.sqlite"
    context = AppContext.open(DatabaseTarget(path=path))
    for name in ("Acme", "株式会社さくら", "Beta 🚀"):
        context.accounts.create(AccountDraft(name))
    context.close()
    before = gc.get_threshold()
    made: list[PortfolioWindows] = []
    held: list[bool] = []

    def begin() -> None:
        made.append(open_first_window(str(path), settings=qsettings))
        held.append(made[0].full_passes is not None and made[0].full_passes.held)

    assert wait_for_open(lambda: made[0], begin)
    windows = made[0]
    try:
        assert held == [True]
        assert windows.startup_list is not None
        qtbot.waitUntil(lambda: windows.startup_list.is_complete, timeout=10000)
        assert windows.full_passes is not None and not windows.full_passes.held
        assert gc.get_threshold() == before
    finally:
        windows.window.close()
        windows.close()


def test_the_chosen_accounts_details_follow_the_attach_a_turn_later(qtbot, qsettings,
                                                                     tmp_path: Path) -> None:
    from qbr_desktop.gui.accounts.table_model import prepare_rows

    target = DatabaseTarget(path=tmp_path / "chosen.sqlite")
    context = AppContext.open(target)
    for name in ("Acme", "Zürich Ünion <R&D>"):
        context.accounts.create(AccountDraft(name))
    window = MainWindow(settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    try:
        window.show_rows(prepare_rows(context.accounts.list_accounts()), target)
        chosen = window.list_panel.current_account_id()
        assert chosen > 0
        window.attach(context, load_accounts=False)
        assert window.page.account is None  # the attach's own turn ends first
        qtbot.waitUntil(lambda: window.page.account is not None, timeout=5000)
        assert window.page.account.id == chosen
        assert window.pages.currentIndex() == 1
    finally:
        window.close()
        context.close()

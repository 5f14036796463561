"""The main window's overview tab and health tab, reached by the View menu's keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import pytest
from insights_support import quarter
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QMenu

from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.risks import RiskStatus
from qbr_desktop.gui.insights.portfolio_model import ACCOUNT_ID_ROLE, PortfolioColumn
from qbr_desktop.gui.insights.risk_matrix import RiskDialog
from qbr_desktop.gui.tabs import View

WAIT_MS = 20000
LAST, NEXT = Quarter(2026, 3), Quarter(2026, 4)


@pytest.fixture
def window_on(open_window: Callable[..., Any]) -> Iterator[Callable[..., Any]]:
    """open_window, with every background calculation finished before the file closes."""

    def factory(**kwargs: Any) -> Any:
        window = open_window(seed=True, **kwargs)
        ids = {a.name: a.id for a in window.context.accounts.list_accounts()}
        # After the seeded quarters (2026Q2-Q3 hold Acme's active users only).
        window.context.accounts.record_metrics(ids["Acme Logistics"], [
            *quarter(LAST, active=80), *quarter(NEXT, active=90)])
        window.context.accounts.record_metrics(ids["Bluefin Health"], [
            *quarter(LAST, active=70), *quarter(NEXT, active=20, adopted=5, weekly_logins=1.0,
                                                tickets=30, csat=2.0, nps=-40, sponsor=0)])
        window.ids = ids
        return window

    yield factory
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def ctrl(qtbot: Any, window: Any, key: Qt.Key) -> None:
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


def show_overview(qtbot: Any, window: Any) -> None:
    with qtbot.waitSignal(window.portfolio_view.overview_shown, timeout=WAIT_MS):
        ctrl(qtbot, window, Qt.Key.Key_2)


def overview_names(window: Any) -> list[str]:
    model = window.portfolio_view.model
    return [model.index(r, PortfolioColumn.NAME).data() for r in range(model.rowCount())]


def overview_cell(window: Any, name: str, column: int) -> str:
    model = window.portfolio_view.model
    return str(model.index(overview_names(window).index(name), column).data())


def current_row_to(qtbot: Any, window: Any, name: str) -> None:
    table = window.portfolio_view.table
    index = window.portfolio_view.model.index(overview_names(window).index(name), 0)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(index).center())
    assert table.currentIndex().data(ACCOUNT_ID_ROLE) == window.ids[name]


def test_the_view_menu_lists_the_views_and_account_pages(window_on: Callable[..., Any]) -> None:
    window = window_on()
    menus = {m.title(): m for m in window.menuBar().findChildren(QMenu)}
    view_menu = menus["&View"]
    shown = [(a.text(), a.shortcut().toString()) for a in view_menu.actions()
             if not a.isSeparator()]
    assert shown == [("&Accounts", "Ctrl+1"), ("&Portfolio Overview", "Ctrl+2"),
                     ("QBR P&rogramme", "Ctrl+9"), ("&Upcoming QBRs", "Ctrl+4"),
                     ("Account &Health", "Ctrl+3"),
                     ("Prep &Timeline", "Ctrl+5"), ("&Stakeholder Map", "Ctrl+6"),
                     ("&Meeting", "Ctrl+7"), ("&Deck", "Ctrl+8"),
                     ("Ne&xt Tab", "Ctrl+Tab"), ("Pre&vious Tab", "Ctrl+Shift+Tab")]


def test_ctrl_4_and_ctrl_5_show_upcoming_qbrs_and_the_prep_timeline(
        qtbot: Any, window_on: Callable[..., Any]) -> None:
    window = window_on()
    ctrl(qtbot, window, Qt.Key.Key_4)
    assert window.views.currentIndex() == View.UPCOMING and window.upcoming_view.isVisible()
    ctrl(qtbot, window, Qt.Key.Key_5)
    assert window.views.currentIndex() == 0
    assert window.account_tabs.currentIndex() == 2 and window.plan_panel.isVisible()
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def test_ctrl_2_shows_the_overview_and_it_fills(qtbot: Any,
                                                window_on: Callable[..., Any]) -> None:
    window = window_on()
    assert window.views.currentIndex() == 0
    show_overview(qtbot, window)
    assert window.views.currentIndex() == 1
    assert window.views.tabText(1) == "Portfolio overview"
    assert window.portfolio_view.isVisible()
    assert sorted(overview_names(window)) == sorted(window.ids)
    expected = {r.name: r for r in window.context.insights.overview().rows}
    acme = expected["Acme Logistics"]
    assert overview_cell(window, "Acme Logistics", PortfolioColumn.HEALTH).startswith(
        f"{acme.health:.0f} {acme.band.value}")
    assert overview_cell(window, "Cedar Bank", PortfolioColumn.HEALTH) == "no data"
    assert window.portfolio_view.summary.text().startswith("3 accounts")
    ctrl(qtbot, window, Qt.Key.Key_1)
    assert window.views.currentIndex() == 0


def test_activating_a_row_opens_the_account_on_its_health_tab(
        qtbot: Any, window_on: Callable[..., Any]) -> None:
    window = window_on()
    show_overview(qtbot, window)
    current_row_to(qtbot, window, "Bluefin Health")
    bluefin = window.ids["Bluefin Health"]
    with qtbot.waitSignal(window.insights_panel.loaded, timeout=WAIT_MS,
                          check_params_cb=lambda account_id: account_id == bluefin):
        qtbot.keyClick(window.portfolio_view.table, Qt.Key.Key_Return)
    assert window.views.currentIndex() == 0
    assert window.list_panel.current_account_id() == bluefin
    assert window.account_tabs.currentIndex() == 1
    assert window.account_tabs.tabText(1) == "&Health && growth"
    assert window.page.form.titleLabel.text() == "Bluefin Health"
    summary = str(window.context.insights.health(bluefin).report.summary)
    assert window.insights_panel.health_summary.text() == summary
    assert "(red)" in summary


def test_double_click_reaches_an_account_hidden_by_the_list_filter(
        qtbot: Any, window_on: Callable[..., Any]) -> None:
    window = window_on()
    qtbot.keyClicks(window.list_panel.filter_edit, "cedar")
    show_overview(qtbot, window)
    table = window.portfolio_view.table
    index = window.portfolio_view.model.index(overview_names(window).index("Acme Logistics"), 0)
    point = table.visualRect(index).center()
    acme = window.ids["Acme Logistics"]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    with qtbot.waitSignal(window.insights_panel.loaded, timeout=WAIT_MS,
                          check_params_cb=lambda account_id: account_id == acme):
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.list_panel.current_account_id() == acme
    assert window.list_panel.filter_edit.text() == ""
    assert window.account_tabs.currentIndex() == 1


def test_ctrl_3_shows_the_health_tab_of_the_current_account(
        qtbot: Any, window_on: Callable[..., Any]) -> None:
    window = window_on()
    show_overview(qtbot, window)
    acme = window.list_panel.current_account_id()
    assert acme == window.ids["Acme Logistics"]
    with qtbot.waitSignal(window.insights_panel.loaded, timeout=WAIT_MS) as loaded:
        ctrl(qtbot, window, Qt.Key.Key_3)
    assert loaded.args == [acme]
    assert window.views.currentIndex() == 0 and window.account_tabs.currentIndex() == 1
    assert window.insights_panel.isVisible()
    assert window.insights_panel.dimensions.rowCount() == 6
    # Choosing another account in the list loads its health.
    bluefin = window.ids["Bluefin Health"]
    with qtbot.waitSignal(window.insights_panel.loaded, timeout=WAIT_MS,
                          check_params_cb=lambda account_id: account_id == bluefin):
        assert window.list_panel.select_account(bluefin)
    assert (window.insights_panel.health_summary.text()
            == str(window.context.insights.health(bluefin).report.summary))


def test_an_edited_arr_shows_when_the_overview_is_revisited(
        qtbot: Any, window_on: Callable[..., Any]) -> None:
    window = window_on()
    show_overview(qtbot, window)
    assert overview_cell(window, "Bluefin Health", PortfolioColumn.ARR) == "$40,000"
    assert overview_cell(window, "Bluefin Health", PortfolioColumn.TIER) == "Growth"
    ctrl(qtbot, window, Qt.Key.Key_1)
    bluefin = window.ids["Bluefin Health"]
    assert window.list_panel.select_account(bluefin)
    arr = window.page.form.arrEdit
    arr.setFocus()
    arr.selectAll()
    qtbot.keyClicks(arr, "250k")
    qtbot.keyClick(arr, Qt.Key.Key_Return)
    assert window.context.accounts.get(bluefin).draft.arr == Decimal("250000")
    show_overview(qtbot, window)
    assert overview_cell(window, "Bluefin Health", PortfolioColumn.ARR) == "$250,000"
    assert overview_cell(window, "Bluefin Health", PortfolioColumn.TIER) == "Strategic"


def test_an_edit_while_the_health_tab_shows_recomputes_it(
        qtbot: Any, window_on: Callable[..., Any]) -> None:
    window = window_on()
    acme = window.ids["Acme Logistics"]
    with qtbot.waitSignal(window.insights_panel.loaded, timeout=WAIT_MS):
        ctrl(qtbot, window, Qt.Key.Key_3)
    before = window.insights_panel.expansion_notes.text()
    assert "ARR $120,000 ÷ 100 licensed seats = $1,200 a year" in before
    with qtbot.waitSignal(window.insights_panel.loaded, timeout=WAIT_MS,
                          check_params_cb=lambda account_id: account_id == acme):
        window.save_field("arr", Decimal("60000"))
    assert ("ARR $60,000 ÷ 100 licensed seats = $600 a year"
            in window.insights_panel.expansion_notes.text())


def test_a_register_change_refreshes_the_overview_next_time(
        qtbot: Any, window_on: Callable[..., Any], monkeypatch: pytest.MonkeyPatch) -> None:
    def filled(dialog: RiskDialog) -> int:
        dialog.title_edit.setText("Champion left")
        dialog.likelihood.setValue(4)
        dialog.impact.setValue(5)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(RiskDialog, "exec", filled)
    window = window_on()
    show_overview(qtbot, window)
    assert overview_cell(window, "Acme Logistics", PortfolioColumn.RISKS) == "—"
    with qtbot.waitSignal(window.insights_panel.loaded, timeout=WAIT_MS):
        ctrl(qtbot, window, Qt.Key.Key_3)
    qtbot.mouseClick(window.insights_panel.matrix.add_button, Qt.MouseButton.LeftButton)
    acme = window.ids["Acme Logistics"]
    [item] = window.context.risks.items(acme)
    assert (item.title, item.status) == ("Champion left", RiskStatus.OPEN)
    show_overview(qtbot, window)
    assert overview_cell(window, "Acme Logistics", PortfolioColumn.RISKS) == "1"


def test_the_overview_is_not_recomputed_when_nothing_changed(
        qtbot: Any, window_on: Callable[..., Any]) -> None:
    window = window_on()
    show_overview(qtbot, window)
    ctrl(qtbot, window, Qt.Key.Key_1)
    with qtbot.assertNotEmitted(window.portfolio_view.overview_shown, wait=300):
        ctrl(qtbot, window, Qt.Key.Key_2)
    assert window.views.currentIndex() == 1
    assert len(overview_names(window)) == 3


def test_the_window_still_fits_with_the_new_tabs(qtbot: Any,
                                                 window_on: Callable[..., Any]) -> None:
    window = window_on(size=(1366, 768))
    show_overview(qtbot, window)
    table = window.portfolio_view.table
    assert table.width() > 1000
    header = table.horizontalHeader()
    last = header.sectionViewportPosition(PortfolioColumn.RISKS) + header.sectionSize(
        PortfolioColumn.RISKS)
    assert last <= table.viewport().width() + 1  # every column visible without scrolling
    assert window.portfolio_view.mapTo(window, QPoint(0, 0)).y() < 200

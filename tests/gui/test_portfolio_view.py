"""The portfolio overview driven as a CSM would: filter, segment, sort, open an account."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from insights_support import Q4, SmallPortfolio, add_account, build_small_portfolio
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import QHeaderView

from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.domain.money import format_money
from qbr_desktop.domain.risks import RiskDraft, RiskKind
from qbr_desktop.gui.insights.portfolio_model import (
    ACCOUNT_ID_ROLE,
    SORT_ROLE,
    PortfolioColumn,
    PortfolioTableModel,
    Segment,
)
from qbr_desktop.gui.insights.portfolio_view import PortfolioView

WAIT_MS = 15000


@pytest.fixture
def small(context: Any) -> SmallPortfolio:
    return build_small_portfolio(context)


def refreshed(qtbot: Any, view: PortfolioView) -> None:
    with qtbot.waitSignal(view.overview_shown, timeout=WAIT_MS):
        view.refresh()


@pytest.fixture
def view(qtbot: Any, context: Any, small: SmallPortfolio) -> Iterator[PortfolioView]:
    shown = PortfolioView(context.insights)
    qtbot.addWidget(shown)
    shown.resize(1280, 600)
    shown.show()
    qtbot.waitExposed(shown)
    refreshed(qtbot, shown)
    yield shown
    QThreadPool.globalInstance().waitForDone(WAIT_MS)  # before the context closes


def column(view: PortfolioView, which: int) -> list[str]:
    model = view.model
    return [model.index(row, which).data() for row in range(model.rowCount())]


def names(view: PortfolioView) -> list[str]:
    return column(view, PortfolioColumn.NAME)


def cell(view: PortfolioView, name: str, which: int) -> str:
    row = names(view).index(name)
    return str(view.model.index(row, which).data())


def row_point(view: PortfolioView, name: str) -> QPoint:
    index = view.model.index(names(view).index(name), PortfolioColumn.NAME)
    return view.table.visualRect(index).center()


def click_header(qtbot: Any, view: PortfolioView, section: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


# --- what is shown -------------------------------------------------------------------------

@pytest.mark.server_smoke
def test_refresh_shows_every_account_with_the_services_numbers(view: PortfolioView,
                                                               context: Any,
                                                               small: SmallPortfolio) -> None:
    assert sorted(names(view)) == sorted(small.ids)
    overview = context.insights.overview()
    for row in overview.rows:
        assert cell(view, row.name, PortfolioColumn.TIER) == row.tier
        assert cell(view, row.name, PortfolioColumn.ARR) == format_money(row.arr)
    assert cell(view, "Acme Logistics", PortfolioColumn.HEALTH) == "90 green"
    assert cell(view, "Acme Logistics", PortfolioColumn.TREND) == "▲ +1"
    assert cell(view, "Acme Logistics", PortfolioColumn.EXPANSION) == "$18k · ready"
    assert cell(view, "Bluefin Health", PortfolioColumn.TREND) == "▼ -65"
    assert cell(view, "Cedar Bank", PortfolioColumn.HEALTH) == "63 yellow"
    assert cell(view, "Cedar Bank", PortfolioColumn.TREND) == "▶ +0"
    assert cell(view, "Cedar Bank", PortfolioColumn.RISKS) == "1"
    assert cell(view, "Delta Dental", PortfolioColumn.HEALTH) == "no data"
    assert cell(view, "Delta Dental", PortfolioColumn.TREND) == "—"
    assert cell(view, "Delta Dental", PortfolioColumn.RISKS) == "—"
    summary = view.summary.text()
    assert summary.startswith("4 accounts · 2 at risk · 1 ready to expand · as of ")
    assert view.refresh_button.isEnabled()
    assert view.overview is not None and view.overview.rows == overview.rows


def test_every_row_carries_its_account_id(view: PortfolioView, small: SmallPortfolio) -> None:
    model = view.model
    found = {model.index(r, 0).data(): model.index(r, PortfolioColumn.HEALTH).data(
        ACCOUNT_ID_ROLE) for r in range(model.rowCount())}
    assert found == small.ids


def test_a_score_just_under_green_does_not_read_as_seventy(qtbot: Any, context: Any,
                                                          view: PortfolioView) -> None:
    # Only NPS is known: (39.8 + 100) ÷ 2 = 69.9, yellow. Showing "70 yellow" contradicts
    # "green from 70"; the CLI truncates for exactly this reason.
    add_account(context, "Almost Green", metrics=[MetricValue(Q4, "nps", 39.8)])
    refreshed(qtbot, view)
    shown = cell(view, "Almost Green", PortfolioColumn.HEALTH)
    assert "yellow" in shown and "15% of data" in shown
    assert not shown.startswith("70"), shown


@pytest.mark.server_smoke
def test_hostile_names_show_intact_and_can_be_found(qtbot: Any, context: Any,
                                                    view: PortfolioView) -> None:
    name = "<b>R&D</b> 株式会社 🚀 شركة $5 & $6"
    account = add_account(context, name)
    refreshed(qtbot, view)
    assert name in names(view)
    index = view.model.index(names(view).index(name), PortfolioColumn.NAME)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == name
    view.filter_edit.setFocus()
    view.filter_edit.insert("株式会社")  # what an input method commits (QTest types ASCII only)
    assert names(view) == [name]
    assert view.model.index(0, 0).data(ACCOUNT_ID_ROLE) == account


# --- filter and segments -------------------------------------------------------------------

def test_typing_in_the_filter_narrows_the_rows(qtbot: Any, view: PortfolioView) -> None:
    view.filter_edit.setFocus()
    qtbot.keyClicks(view.filter_edit, "blue")
    assert names(view) == ["Bluefin Health"]
    assert view.summary.text().startswith("showing 1 · 4 accounts")
    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "HEALTHCARE")  # industry, any case
    assert sorted(names(view)) == ["Bluefin Health", "Delta Dental"]
    view.filter_edit.clear()
    qtbot.keyClicks(view.filter_edit, "core")  # tier
    assert sorted(names(view)) == ["Cedar Bank", "Delta Dental"]
    qtbot.keyClicks(view.filter_edit, "zzz")
    assert names(view) == []
    view.filter_edit.clear()
    assert len(names(view)) == 4
    assert view.summary.text().startswith("4 accounts")


def test_the_filter_ignores_accents(qtbot: Any, context: Any, view: PortfolioView) -> None:
    add_account(context, "Müller & Söhne GmbH")
    refreshed(qtbot, view)
    qtbot.keyClicks(view.filter_edit, "muller & sohne")
    assert names(view) == ["Müller & Söhne GmbH"]


def test_choosing_a_segment_shows_only_those_accounts(qtbot: Any, view: PortfolioView) -> None:
    box = view.segment_box
    assert box.currentText() == Segment.ALL.value
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == "At risk"
    assert names(view) == ["Bluefin Health", "Cedar Bank"]  # worst health first
    assert view.summary.text().startswith("showing 2 · 4 accounts · 2 at risk")
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == "Ready to expand"
    assert names(view) == ["Acme Logistics"]
    qtbot.keyClick(box, Qt.Key.Key_Up)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert len(names(view)) == 4


def test_segment_and_filter_combine(qtbot: Any, view: PortfolioView) -> None:
    view.select_segment(Segment.AT_RISK)
    qtbot.keyClicks(view.filter_edit, "cedar")
    assert names(view) == ["Cedar Bank"]
    qtbot.keyClicks(view.filter_edit, "x")
    assert names(view) == []


def test_the_segment_follows_the_register_after_a_refresh(qtbot: Any, context: Any,
                                                          view: PortfolioView,
                                                          small: SmallPortfolio) -> None:
    view.select_segment(Segment.AT_RISK)
    context.risks.delete(small.cedar_risk)
    context.risks.add(small.acme, RiskDraft(RiskKind.RISK, "Sponsor leaving", "", 4, 5))
    with qtbot.waitSignal(view.overview_shown, timeout=WAIT_MS):
        qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    # A yellow account without an open risk drops out; a green one with risks stays out.
    assert names(view) == ["Bluefin Health"]
    view.select_segment(Segment.ALL)
    assert cell(view, "Acme Logistics", PortfolioColumn.RISKS) == "1"
    assert cell(view, "Cedar Bank", PortfolioColumn.RISKS) == "—"


# --- sorting -------------------------------------------------------------------------------

def test_clicking_the_health_header_sorts_by_the_score(qtbot: Any, view: PortfolioView,
                                                       context: Any) -> None:
    scored = ["Bluefin Health", "Cedar Bank", "Acme Logistics"]  # 15.9, 63.2, 90.2
    assert [n for n in names(view) if n in scored] == scored  # opens sorted by health
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == PortfolioColumn.HEALTH
    click_header(qtbot, view, PortfolioColumn.HEALTH)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert [n for n in names(view) if n in scored] == list(reversed(scored))
    click_header(qtbot, view, PortfolioColumn.HEALTH)
    assert [n for n in names(view) if n in scored] == scored
    # Sorting uses the raw score, not the text ("9…" would sort after "63…" as text).
    values = [view.model.index(r, PortfolioColumn.HEALTH).data(SORT_ROLE)
              for r in range(view.model.rowCount())]
    assert values == sorted(values)


def test_clicking_other_headers_sorts_by_raw_values(qtbot: Any, view: PortfolioView) -> None:
    click_header(qtbot, view, PortfolioColumn.ARR)
    first = names(view)
    by_arr = ["Cedar Bank", "Delta Dental", "Bluefin Health", "Acme Logistics"]
    assert first in (by_arr, list(reversed(by_arr)))
    click_header(qtbot, view, PortfolioColumn.NAME)
    assert names(view) in (sorted(first), sorted(first, reverse=True))


# --- opening an account --------------------------------------------------------------------

def test_enter_on_a_row_opens_that_account(qtbot: Any, view: PortfolioView,
                                           small: SmallPortfolio) -> None:
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=row_point(view, "Cedar Bank"))
    view.table.setFocus()
    with qtbot.waitSignal(view.account_activated, timeout=2000) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [small.cedar]
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # the next row, whatever the sort
    below = view.table.currentIndex().data(ACCOUNT_ID_ROLE)
    with qtbot.waitSignal(view.account_activated, timeout=2000) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Enter)
    assert blocker.args == [below]


def test_double_click_opens_that_account(qtbot: Any, view: PortfolioView,
                                         small: SmallPortfolio) -> None:
    point = row_point(view, "Acme Logistics")
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    with qtbot.waitSignal(view.account_activated, timeout=2000) as blocker:
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [small.acme]


def test_enter_without_a_current_row_opens_nothing(qtbot: Any, view: PortfolioView) -> None:
    qtbot.keyClicks(view.filter_edit, "zzz")
    view.table.setFocus()
    with qtbot.assertNotEmitted(view.account_activated):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)


# --- the model -----------------------------------------------------------------------------

def test_the_table_model_passes_the_model_tester(qtmodeltester: Any, context: Any,
                                                 small: SmallPortfolio) -> None:
    model = PortfolioTableModel()
    qtmodeltester.check(model)  # empty
    model.set_rows(context.insights.overview().rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and model.columnCount() == PortfolioColumn.COUNT
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)] == [
        "Account", "Tier", "ARR", "Health", "Trend", "Renewal", "Next QBR", "Expansion",
        "Open risks"]
    model.set_rows(context.insights.overview().rows[:1])  # a second reset
    qtmodeltester.check(model)


def test_the_filtered_model_passes_the_model_tester(qtmodeltester: Any,
                                                    view: PortfolioView) -> None:
    qtmodeltester.check(view.model)
    view.select_segment(Segment.AT_RISK)
    qtmodeltester.check(view.model)


def test_columns_resize_to_fit(view: PortfolioView) -> None:
    header = view.table.horizontalHeader()
    assert header.sectionResizeMode(PortfolioColumn.NAME) == QHeaderView.ResizeMode.Stretch
    assert header.sectionSize(PortfolioColumn.NAME) > 150
    metrics = view.table.fontMetrics()
    for which in (PortfolioColumn.ARR, PortfolioColumn.HEALTH, PortfolioColumn.EXPANSION):
        widest = max(metrics.horizontalAdvance(text) for text in column(view, which))
        assert header.sectionSize(which) >= widest, which
        assert header.sectionResizeMode(which) == QHeaderView.ResizeMode.Interactive


def test_a_column_the_csm_resized_keeps_its_width_on_refresh(
        qtbot: Any, view: PortfolioView) -> None:
    header = view.table.horizontalHeader()
    header.resizeSection(PortfolioColumn.TIER, 300)  # as a drag does
    refreshed(qtbot, view)
    assert header.sectionSize(PortfolioColumn.TIER) == 300


def test_accounts_show_at_once_and_health_fills_in_then_comes_from_the_store(
        qtbot: Any, context: Any, small: SmallPortfolio) -> None:
    view = PortfolioView(context.insights)
    qtbot.addWidget(view)
    view.show()
    shown: list[list[str]] = []

    def record_health_column() -> None:
        shown.append([view.model.index(row, PortfolioColumn.HEALTH).data()
                      for row in range(view.model.rowCount())])

    view.model.modelReset.connect(record_health_column)
    refreshed(qtbot, view)
    assert shown[0] == ["calculating…"] * 4  # first open: every account listed, none scored
    assert "calculating…" not in shown[-1]
    assert view.overview is not None and view.overview.pending == 0
    assert "calculating" not in view.summary.text()

    shown.clear()
    refreshed(qtbot, view)
    assert len(shown) == 1 and "calculating…" not in shown[0]  # straight from the store
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def test_filtering_keeps_the_selected_account_while_it_matches(
        qtbot: Any, view: PortfolioView, small: SmallPortfolio) -> None:
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=row_point(view, "Cedar Bank"))
    view.filter_edit.setText("bank")
    assert names(view) == ["Cedar Bank"]
    assert view.table.currentIndex().data(ACCOUNT_ID_ROLE) == small.cedar
    view.filter_edit.setText("acme")
    assert not view.table.currentIndex().isValid()
    view.filter_edit.clear()
    assert len(names(view)) == 4 and "showing" not in view.summary.text()


def test_typing_a_filter_and_choosing_a_segment_before_any_row_arrives(qtbot: Any,
                                                                      context: Any) -> None:
    view = PortfolioView(context.insights)
    qtbot.addWidget(view)
    view.show()
    qtbot.keyClicks(view.filter_edit, "acme")
    view.segment_box.setFocus()
    qtbot.keyClick(view.segment_box, Qt.Key.Key_Down)
    assert view.model.rowCount() == 0
    assert view.filter_edit.text() == "acme"


def test_a_second_sort_keeps_the_first_within_its_ties(qtbot: Any, context: Any,
                                                       view: PortfolioView) -> None:
    """ARR, then Tier: each tier's accounts stay in ARR order, as a list sorted by one
    column and then another reads in every table the CSM uses."""
    for name, arr in (("Zinc Corp", "9500"), ("Alder Ltd", "9700"), ("Moss plc", "9900")):
        add_account(context, name, arr=arr)
    refreshed(qtbot, view)
    click_header(qtbot, view, PortfolioColumn.ARR)
    by_arr = names(view)
    click_header(qtbot, view, PortfolioColumn.TIER)
    tiers = column(view, PortfolioColumn.TIER)
    groups = {tier: [name for name, shown in zip(names(view), tiers, strict=True)
                     if shown == tier] for tier in tiers}
    for within in groups.values():
        assert within == [name for name in by_arr if name in within]
    # Cedar Bank (9,000) and the three above share the lowest tier, in ARR order, not by name.
    lowest = next(within for within in groups.values() if "Zinc Corp" in within)
    assert lowest != sorted(lowest) and len(lowest) >= 4

"""The account's health page and its risk matrix, driven with clicks and keys; every number
shown is checked against the services, every register change against the store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from insights_support import SmallPortfolio, build_small_portfolio
from modal_support import when_dialog_opens
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QListWidget,
    QMessageBox,
)

from qbr_desktop.domain.health import DIMENSION_LABELS
from qbr_desktop.domain.money import Money, format_money
from qbr_desktop.domain.risks import Quadrant, RiskDraft, RiskKind, RiskStatus
from qbr_desktop.gui.insights.account_insights import AccountInsightsPanel
from qbr_desktop.gui.insights.risk_matrix import RiskDialog, item_text
from qbr_desktop.services.insights import format_peer_value

WAIT_MS = 20000


@pytest.fixture
def small(context: Any) -> SmallPortfolio:
    return build_small_portfolio(context)


@pytest.fixture
def panel(qtbot: Any, context: Any, small: SmallPortfolio) -> Iterator[AccountInsightsPanel]:
    shown = AccountInsightsPanel(context.insights, context.risks)
    qtbot.addWidget(shown)
    shown.resize(1100, 1600)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    QThreadPool.globalInstance().waitForDone(WAIT_MS)  # before the context closes


def load(qtbot: Any, panel: AccountInsightsPanel, account_id: int) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS) as blocker:
        panel.show_account(account_id)
    assert blocker.args == [account_id]


def table_rows(table: Any) -> list[tuple[str, ...]]:
    return [tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())]


def quadrant_texts(panel: AccountInsightsPanel) -> dict[Quadrant, list[str]]:
    return {where: [listing.item(i).text() for i in range(listing.count())]
            for where, listing in panel.matrix.lists.items()}


def click_item(qtbot: Any, listing: QListWidget, row: int = 0) -> None:
    rect = listing.visualItemRect(listing.item(row))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def ok_button(dialog: QDialog) -> Any:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def type_into_spin(qtbot: Any, spin: Any, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


# --- the numbers ---------------------------------------------------------------------------

def test_health_summary_and_dimensions_show_the_services_numbers(
        qtbot: Any, panel: AccountInsightsPanel, context: Any, small: SmallPortfolio) -> None:
    load(qtbot, panel, small.acme)
    health = context.insights.health(small.acme)
    report = health.report
    assert panel.status.isHidden()
    assert panel.health_summary.text() == str(report.summary)
    assert "Health 90.2 (green)" in panel.health_summary.text()
    rows = table_rows(panel.dimensions)
    assert len(rows) == 6
    for row, score in zip(rows, report.current.dimensions, strict=True):
        weight = health.weights.weight(score.dimension)
        assert row == (f"{DIMENSION_LABELS[score.dimension]} (weight {weight:g})",
                       f"{score.score:.0f}", str(score.detail))
    assert rows[1] == ("User coverage (weight 20)", "95", "95 of 100 licensed seats active")
    assert panel.movers.text() == "\n".join(f"• {m.sentence.render()}" for m in report.movers)
    for chart in (panel.health_chart, panel.usage_chart, panel.benchmark_chart):
        assert not chart.pixmap().isNull() and chart.pixmap().width() > 200


def test_the_benchmark_table_shows_the_cohort_and_percentiles(
        qtbot: Any, panel: AccountInsightsPanel, context: Any, small: SmallPortfolio) -> None:
    load(qtbot, panel, small.acme)
    result = context.insights.benchmark(small.acme)
    assert panel.cohort.text() == (f"Compared with the whole portfolio (3 peers). "
                                   f"{result.cohort.fallback_note}")
    rows = table_rows(panel.benchmarks)
    assert len(rows) == len(result.metrics) == 7
    for row, metric in zip(rows, result.metrics, strict=True):
        assert row[1:] == (format_peer_value(metric.key, metric.value),
                           format_peer_value(metric.key, metric.cohort_median),
                           "—" if metric.percentile is None else f"{metric.percentile:.0f}",
                           metric.phrase)
    assert rows[2] == ("User coverage", "95%", "40%", "100", "top 10% in user coverage")


def test_the_expansion_section_shows_the_estimate(qtbot: Any, panel: AccountInsightsPanel,
                                                  context: Any, small: SmallPortfolio) -> None:
    load(qtbot, panel, small.acme)
    estimate = context.insights.expansion(small.acme)
    summary = panel.expansion_summary.text()
    assert summary.startswith("Estimated expansion: $18,000 a year. Readiness: ready.")
    for reason in estimate.readiness.reasons:
        assert str(reason) in summary
    assert table_rows(panel.expansion_lines) == [
        (line.kind, line.title, format_money(Money(line.amount, "USD")), line.assumption)
        for line in estimate.lines]
    assert table_rows(panel.expansion_lines)[0][:3] == ("seats", "15 more seats", "$18,000")
    assert ("Price per seat = ARR $120,000 ÷ 100 licensed seats = $1,200 a year."
            in panel.expansion_notes.text().splitlines())


def test_an_account_without_metrics_says_so(qtbot: Any, panel: AccountInsightsPanel,
                                            small: SmallPortfolio) -> None:
    load(qtbot, panel, small.delta)
    assert panel.health_summary.text().startswith("No health score yet")
    assert panel.dimensions.rowCount() == 0
    assert panel.movers.text() == "No dimension moved by 3 points or more since last quarter."
    assert panel.expansion_summary.text().startswith(
        "Estimated expansion: $0 a year. Readiness: nurture.")
    assert all(row[1] == "—" for row in table_rows(panel.benchmarks))
    assert not panel.health_chart.pixmap().isNull()  # the "no history yet" chart


def test_switching_accounts_quickly_shows_the_last_one(qtbot: Any, panel: AccountInsightsPanel,
                                                      context: Any,
                                                      small: SmallPortfolio) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS,
                          check_params_cb=lambda account_id: account_id == small.bluefin):
        panel.show_account(small.acme)
        panel.show_account(small.bluefin)
    QThreadPool.globalInstance().waitForDone(WAIT_MS)
    qtbot.wait(50)  # let a late answer for Acme arrive, if one were to
    assert panel.account_id == small.bluefin
    assert panel.health_summary.text() == str(context.insights.health(small.bluefin).report.summary)
    assert panel.bundle is not None and panel.bundle.account_id == small.bluefin


def test_an_unknown_account_shows_the_failure(qtbot: Any, panel: AccountInsightsPanel) -> None:
    with qtbot.assertNotEmitted(panel.loaded, wait=200):
        panel.show_account(9999)
        qtbot.waitUntil(lambda: "Could not" in panel.status.text(), timeout=WAIT_MS)
    assert "9999" in panel.status.text()
    assert panel.status.isVisible()


def test_a_hostile_name_does_not_break_the_page(qtbot: Any, panel: AccountInsightsPanel,
                                                context: Any, small: SmallPortfolio) -> None:
    context.accounts.update(small.acme, {"name": "<b>R&D</b> 株式会社 🚀 $5 & $6",
                                         "industry": "$5 & $6 <Stores>"})
    load(qtbot, panel, small.acme)
    assert panel.cohort.textFormat() == Qt.TextFormat.PlainText
    assert not panel.benchmark_chart.pixmap().isNull()


# --- the risk matrix -----------------------------------------------------------------------

def test_items_land_in_their_quadrants(qtbot: Any, panel: AccountInsightsPanel, context: Any,
                                       small: SmallPortfolio) -> None:
    placed = {
        Quadrant.PRIORITY_ACTION: context.risks.add(small.acme, RiskDraft(
            RiskKind.RISK, "Champion left", "", 4, 5)),
        Quadrant.MONITOR_CLOSELY: context.risks.add(small.acme, RiskDraft(
            RiskKind.RISK, "Security review", "", 1, 5)),
        Quadrant.PLAN_AND_PREPARE: context.risks.add(small.acme, RiskDraft(
            RiskKind.OPPORTUNITY, "Second region", "", 5, 2)),
        Quadrant.WATCH_AND_WAIT: context.risks.add(small.acme, RiskDraft(
            RiskKind.RISK, "Minor bug", "", 2, 2)),
    }
    closed = context.risks.add(small.acme, RiskDraft(RiskKind.RISK, "Old issue", "", 5, 5))
    context.risks.set_status(closed.id, RiskStatus.CLOSED)
    load(qtbot, panel, small.acme)
    shown = quadrant_texts(panel)
    assert shown[Quadrant.MONITOR_CLOSELY] == ["● Risk: Security review  [L1 × I5]"]
    assert shown[Quadrant.PLAN_AND_PREPARE] == ["▲ Opportunity: Second region  [L5 × I2]"]
    assert shown[Quadrant.WATCH_AND_WAIT] == ["● Risk: Minor bug  [L2 × I2]"]
    assert shown[Quadrant.PRIORITY_ACTION] == [
        "● Risk: Champion left  [L4 × I5]", "● Risk: Old issue (closed)  [L5 × I5]"]
    for where, item in placed.items():
        assert item_text(item) in shown[where]
    old = panel.matrix.lists[Quadrant.PRIORITY_ACTION].item(1)
    assert old.font().strikeOut()
    assert panel.matrix.count() == 5
    # The quadrants are laid out as the matrix reads: high impact on top, likely on the right.
    where = {q: panel.matrix.lists[q].mapTo(panel.matrix, QPoint(0, 0)) for q in Quadrant}
    assert where[Quadrant.MONITOR_CLOSELY].y() < where[Quadrant.WATCH_AND_WAIT].y()
    assert where[Quadrant.PRIORITY_ACTION].y() < where[Quadrant.PLAN_AND_PREPARE].y()
    assert where[Quadrant.MONITOR_CLOSELY].x() < where[Quadrant.PRIORITY_ACTION].x()
    assert where[Quadrant.WATCH_AND_WAIT].x() < where[Quadrant.PLAN_AND_PREPARE].x()


def test_add_opens_the_dialog_and_stores_the_item(qtbot: Any, panel: AccountInsightsPanel,
                                                  context: Any, small: SmallPortfolio) -> None:
    load(qtbot, panel, small.acme)
    seen: dict[str, str] = {}

    def drive(dialog: RiskDialog) -> None:
        assert dialog.windowTitle() == "Add a risk or opportunity"
        dialog.kind_box.setFocus()
        qtbot.keyClick(dialog.kind_box, Qt.Key.Key_Down)  # Opportunity
        dialog.title_edit.setFocus()
        qtbot.keyClicks(dialog.title_edit, "  Finance wants the analytics demo  ")
        dialog.detail_edit.setFocus()
        qtbot.keyClicks(dialog.detail_edit, "After the QBR.")
        type_into_spin(qtbot, dialog.likelihood, 5)
        type_into_spin(qtbot, dialog.impact, 1)
        seen["quadrant"] = dialog.quadrant_label.text()
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    problems = when_dialog_opens(panel, RiskDialog, drive)
    with qtbot.waitSignal(panel.register_changed, timeout=5000) as changed:
        qtbot.mouseClick(panel.matrix.add_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert changed.args == [small.acme]
    assert seen["quadrant"] == "Plan and prepare"
    [item] = context.risks.items(small.acme)
    assert (item.kind, item.title, item.detail, item.likelihood, item.impact, item.origin) == (
        RiskKind.OPPORTUNITY, "Finance wants the analytics demo", "After the QBR.", 5, 1,
        "manual")
    assert quadrant_texts(panel)[Quadrant.PLAN_AND_PREPARE] == [item_text(item)]


def test_an_empty_title_keeps_the_dialog_open_with_the_error(
        qtbot: Any, panel: AccountInsightsPanel, context: Any, small: SmallPortfolio) -> None:
    load(qtbot, panel, small.bluefin)
    seen: dict[str, Any] = {}

    def drive(dialog: RiskDialog) -> None:
        qtbot.keyClicks(dialog.title_edit, "   ")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
        seen["open"] = dialog.isVisible()
        seen["error"] = dialog.error_label.text()
        seen["focus"] = dialog.focusWidget() is dialog.title_edit
        seen["stored"] = len(context.risks.items(small.bluefin))
        dialog.title_edit.clear()
        qtbot.keyClicks(dialog.title_edit, "Renewal at risk")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    problems = when_dialog_opens(panel, RiskDialog, drive)
    qtbot.mouseClick(panel.matrix.add_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert seen == {"open": True, "error": "Give the item a title.", "focus": True,
                    "stored": 0}
    assert [i.title for i in context.risks.items(small.bluefin)] == ["Renewal at risk"]
    assert quadrant_texts(panel)[Quadrant.PRIORITY_ACTION] == [
        "● Risk: Renewal at risk  [L3 × I3]"]


def test_cancel_stores_nothing(qtbot: Any, panel: AccountInsightsPanel, context: Any,
                               small: SmallPortfolio) -> None:
    load(qtbot, panel, small.acme)

    def drive(dialog: RiskDialog) -> None:
        qtbot.keyClicks(dialog.title_edit, "Never mind")
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    problems = when_dialog_opens(panel, RiskDialog, drive)
    with qtbot.assertNotEmitted(panel.register_changed):
        qtbot.mouseClick(panel.matrix.add_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert context.risks.items(small.acme) == []
    assert panel.matrix.count() == 0


def test_add_with_a_patched_exec_stores_the_dialogs_draft(
        qtbot: Any, panel: AccountInsightsPanel, context: Any, small: SmallPortfolio,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def filled(dialog: RiskDialog) -> int:
        dialog.title_edit.setText("株式会社 <R&D> & شركة 🚀")
        dialog.likelihood.setValue(2)
        dialog.impact.setValue(4)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(RiskDialog, "exec", filled)
    load(qtbot, panel, small.acme)
    qtbot.mouseClick(panel.matrix.add_button, Qt.MouseButton.LeftButton)
    [item] = context.risks.items(small.acme)
    assert item.title == "株式会社 <R&D> & شركة 🚀"
    assert quadrant_texts(panel)[Quadrant.MONITOR_CLOSELY] == [item_text(item)]


def test_mark_closed_and_delete_change_the_store(qtbot: Any, panel: AccountInsightsPanel,
                                                 context: Any, small: SmallPortfolio) -> None:
    load(qtbot, panel, small.cedar)
    matrix = panel.matrix
    assert not matrix.close_button.isEnabled() and not matrix.delete_button.isEnabled()
    priority = matrix.lists[Quadrant.PRIORITY_ACTION]
    assert priority.count() == 1
    click_item(qtbot, priority)
    assert matrix.current_item_id() == small.cedar_risk
    assert matrix.close_button.isEnabled() and matrix.delete_button.isEnabled()
    with qtbot.waitSignal(panel.register_changed, timeout=5000):
        qtbot.mouseClick(matrix.close_button, Qt.MouseButton.LeftButton)
    [item] = context.risks.items(small.cedar)
    assert item.status is RiskStatus.CLOSED
    assert priority.item(0).text().endswith("(closed)  [L4 × I4]")
    assert priority.item(0).font().strikeOut()
    assert matrix.current_item_id() is None and not matrix.close_button.isEnabled()
    cedar = next(r for r in context.insights.overview().rows if r.account_id == small.cedar)
    assert cedar.open_risks == 0
    click_item(qtbot, priority)
    with qtbot.waitSignal(panel.register_changed, timeout=5000):
        qtbot.mouseClick(matrix.delete_button, Qt.MouseButton.LeftButton)
    assert context.risks.items(small.cedar) == []
    assert matrix.count() == 0


def test_picking_in_one_quadrant_clears_the_other(qtbot: Any, panel: AccountInsightsPanel,
                                                  context: Any, small: SmallPortfolio) -> None:
    low = context.risks.add(small.cedar, RiskDraft(RiskKind.RISK, "Small thing", "", 1, 1))
    load(qtbot, panel, small.cedar)
    priority = panel.matrix.lists[Quadrant.PRIORITY_ACTION]
    watch = panel.matrix.lists[Quadrant.WATCH_AND_WAIT]
    click_item(qtbot, priority)
    click_item(qtbot, watch)
    assert panel.matrix.current_item_id() == low.id
    assert priority.selectedItems() == [] and priority.currentRow() == -1
    with qtbot.waitSignal(panel.register_changed, timeout=5000):
        qtbot.mouseClick(panel.matrix.delete_button, Qt.MouseButton.LeftButton)
    assert [i.id for i in context.risks.items(small.cedar)] == [small.cedar_risk]


def test_add_a_suggestion(qtbot: Any, panel: AccountInsightsPanel, context: Any,
                          small: SmallPortfolio, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[list[str]] = []

    def choose_second(parent: Any, title: str, label: str, items: list[str], *args: Any
                      ) -> tuple[str, bool]:
        offered.append(list(items))
        return items[1], True

    monkeypatch.setattr(QInputDialog, "getItem", choose_second)
    load(qtbot, panel, small.bluefin)
    expected = [d.title for d in context.risks.suggestions(small.bluefin)]
    with qtbot.waitSignal(panel.register_changed, timeout=5000):
        qtbot.mouseClick(panel.matrix.suggest_button, Qt.MouseButton.LeftButton)
    assert offered == [expected]
    [item] = context.risks.items(small.bluefin)
    assert (item.title, item.origin) == (expected[1], "suggested")
    assert item_text(item) in quadrant_texts(panel)[item.quadrant]
    # Offered again, the accepted one is gone from the list.
    qtbot.mouseClick(panel.matrix.suggest_button, Qt.MouseButton.LeftButton)
    assert offered[1] == [t for t in expected if t != expected[1]]


def test_no_suggestions_says_so_and_stores_nothing(qtbot: Any, panel: AccountInsightsPanel,
                                                   context: Any, small: SmallPortfolio,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text, *a: told.append(text))
    load(qtbot, panel, small.delta)
    assert context.risks.suggestions(small.delta) == []
    with qtbot.assertNotEmitted(panel.register_changed):
        qtbot.mouseClick(panel.matrix.suggest_button, Qt.MouseButton.LeftButton)
    assert told == ["The numbers suggest nothing the register lacks."]
    assert context.risks.items(small.delta) == []


def test_a_register_failure_is_shown_not_raised(qtbot: Any, panel: AccountInsightsPanel,
                                                context: Any, small: SmallPortfolio,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: warned.append(text))
    load(qtbot, panel, small.cedar)
    click_item(qtbot, panel.matrix.lists[Quadrant.PRIORITY_ACTION])
    context.risks.delete(small.cedar_risk)  # gone behind the page's back
    qtbot.mouseClick(panel.matrix.close_button, Qt.MouseButton.LeftButton)
    assert len(warned) == 1 and str(small.cedar_risk) in warned[0]


# --- the layout ------------------------------------------------------------------------------

@pytest.mark.parametrize("size", [(863, 620), (1222, 930)])  # the tab at 1366 × 768, 1920 × 1080
def test_the_charts_are_never_painted_squeezed_or_overlapping_first_show_included(
        qtbot: Any, context: Any, small: SmallPortfolio, size: tuple[int, int]) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QFrame, QLabel, QScrollArea

    panel = AccountInsightsPanel(context.insights, context.risks)
    area = QScrollArea()  # as the window holds every tab
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    qtbot.addWidget(area)
    area.resize(*size)
    area.show()
    qtbot.waitExposed(area)
    charts = (panel.health_chart, panel.usage_chart, panel.benchmark_chart)
    squeezed: list[tuple[str, int, int]] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and isinstance(watched, QLabel):
                pixmap = watched.pixmap()
                if pixmap is not None and not pixmap.isNull() and \
                        watched.contentsRect().height() < pixmap.height():
                    squeezed.append((watched.objectName(), watched.height(), pixmap.height()))
            return False

    watch = Watch()
    for name, chart in zip(("health", "usage", "benchmark"), charts, strict=True):
        chart.setObjectName(name)
        chart.installEventFilter(watch)
    load(qtbot, panel, small.acme)
    qtbot.wait(300)
    assert squeezed == []
    shown = [chart.geometry().translated(chart.parentWidget().mapTo(panel, QPoint(0, 0)))
             for chart in charts]
    assert all(rect.height() >= 100 for rect in shown)
    for first, rect in enumerate(shown):
        assert not any(rect.intersects(other) for other in shown[first + 1:])
    QThreadPool.globalInstance().waitForDone(WAIT_MS)

"""The ROI tab by keyboard alone: Tab and Shift+Tab reach every field in the order the tab
reads (top to bottom, left to right), for every kind of value line, with no trap; and a
value line can be entered and saved without the mouse. The wheel over a cost's Kind box
scrolls the page and changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt, QThreadPool
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from typing_support import type_text

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.roi import Category, CostKind
from qbr_desktop.gui.roi.roi_panel import RoiPanel
from qbr_desktop.services.departments import DepartmentItem

WAIT_MS = 10000


@pytest.fixture
def panel(qtbot: Any, context: Any) -> Iterator[RoiPanel]:
    account = context.accounts.create(AccountDraft(name="Globex Corp", arr=Decimal("120000"),
                                                   licensed_seats=100))
    context.departments.replace(account.id, [DepartmentItem("Finance", 40, False)])
    shown = RoiPanel(context.roi)
    qtbot.addWidget(shown)
    shown.resize(880, 640)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    assert QTest.qWaitForWindowActive(shown, 5000)
    shown.show_account(account.id)
    yield shown
    shown.charts.timer.stop()
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def tab_stops(root: QWidget) -> list[QWidget]:
    """Every widget Tab should reach, in the order the tab reads: rows top to bottom (a row
    is the widgets beside one another), each row left to right."""
    stops = [w for w in root.findChildren(QWidget)
             if w.isVisibleTo(root) and w.isEnabled()
             and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus]
    boxes = sorted(((w, QRect(w.mapTo(root, QPoint(0, 0)), w.size())) for w in stops),
                   key=lambda box: (box[1].top(), box[1].left()))
    rows: list[list[tuple[QWidget, QRect]]] = []
    for widget, rect in boxes:
        if rows and rect.top() <= max(r.bottom() for _, r in rows[-1]):
            rows[-1].append((widget, rect))
        else:
            rows.append([(widget, rect)])
    return [w for row in rows for w, _ in sorted(row, key=lambda box: box[1].left())]


def walk(start: QWidget, steps: int, backwards: bool = False) -> list[QWidget]:
    """Focus `start`, then press Tab (or Shift+Tab) `steps` times: where the focus went."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [QApplication.focusWidget()]
    modifier = (Qt.KeyboardModifier.ShiftModifier if backwards
                else Qt.KeyboardModifier.NoModifier)
    for _ in range(steps):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, modifier)
        seen.append(QApplication.focusWidget())
    return seen


def described(widgets: list[QWidget | None]) -> list[str]:
    def text(w: QWidget | None) -> str:
        if w is None:
            return "nothing"
        shown = w.objectName() or (getattr(w, "text", lambda: "")() or w.accessibleName())
        return f"{type(w).__name__}:{shown}"
    return [text(w) for w in widgets]


def choose_category(panel: RoiPanel, category: Category) -> None:
    box = panel.line_editor.category_box
    box.setFocus(Qt.FocusReason.TabFocusReason)
    order = [box.itemData(i) for i in range(box.count())]
    key = (Qt.Key.Key_Down if order.index(category.value) > box.currentIndex()
           else Qt.Key.Key_Up)
    while box.currentData() != category.value:
        QTest.keyClick(box, key)


@pytest.mark.parametrize("category", list(Category))
def test_tab_walks_every_field_in_reading_order(qtbot: Any, panel: RoiPanel,
                                                category: Category) -> None:
    QTest.mouseClick(panel.add_line_button, Qt.MouseButton.LeftButton)
    choose_category(panel, category)
    inputs = [panel.line_editor.fields[name].editor for name in panel.line_editor.input_fields]
    typed = inputs[:2] if category is Category.COST else inputs  # hours, or FTEs: not both
    if category is Category.STRATEGIC:
        typed = [*typed, panel.line_editor.description_edit]
    for editor in typed:
        editor.setFocus(Qt.FocusReason.TabFocusReason)
        type_text(editor, "10")
    QTest.mouseClick(panel.investments.add_button, Qt.MouseButton.LeftButton)
    type_text(panel.investments.rows[-1].label.editor, "Onboarding")
    type_text(panel.investments.rows[-1].amount.editor, "5000")
    QTest.keyClick(panel, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not panel.dirty, panel.problems  # saved: the expansion table shows
    qtbot.wait(20)  # new widgets show on the next turn of the event loop
    sentence = panel.story_view.editors[0]
    sentence.setFocus(Qt.FocusReason.TabFocusReason)  # selects the sentence
    type_text(sentence, sentence.text() + " Agreed with the customer.")
    inputs[0].setFocus(Qt.FocusReason.TabFocusReason)
    type_text(inputs[0], "20")  # the rewritten sentence goes stale
    assert panel.story_view.regenerate_button.isVisibleTo(panel)
    qtbot.wait(20)
    panel.page_scroll.verticalScrollBar().setValue(0)
    expected = tab_stops(panel)
    assert inputs and all(editor in expected for editor in inputs)
    for widget in (panel.investments.rows[1].kind, panel.story_view.regenerate_button,
                   *panel.story_view.editors, panel.expansion.table):
        assert widget in expected, described([widget])
    assert expected[0] is panel.quarter_box
    forwards = walk(panel.quarter_box, len(expected))
    assert described(forwards[:-1]) == described(expected)
    assert forwards[-1] is panel.quarter_box  # round again: nothing holds the focus
    backwards = walk(panel.quarter_box, len(expected), backwards=True)
    assert described(backwards[1:]) == described([*reversed(expected[1:]), expected[0]])


def test_a_value_line_is_entered_and_saved_without_the_mouse(
        qtbot: Any, panel: RoiPanel, context: Any) -> None:
    steps = walk(panel.quarter_box, 0)
    while QApplication.focusWidget() is not panel.add_line_button:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        steps.append(QApplication.focusWidget())
        assert len(steps) < 10, described(steps)
    QTest.keyClick(panel.add_line_button, Qt.Key.Key_Space)
    label = panel.line_editor.label_edit
    assert label.hasFocus()
    type_text(label, "Upsell via self-service 自助")
    keys: list[tuple[Qt.Key, str]] = [(Qt.Key.Key_Tab, ""), (Qt.Key.Key_Up, ""),  # revenue
                                      (Qt.Key.Key_Tab, ""), (Qt.Key.Key_Tab, "50000"),
                                      (Qt.Key.Key_Tab, "40")]
    for key, text in keys:
        QTest.keyClick(QApplication.focusWidget(), key)
        if text:
            type_text(QApplication.focusWidget(), text)
    assert panel.line_editor.category() is Category.REVENUE
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    assert not panel.dirty and panel.save_state.text() == "Saved"
    (line,) = context.roi.report(panel.account_id).model.lines
    assert (line.label, line.category) == ("Upsell via self-service 自助", Category.REVENUE)
    assert line.inputs == {"revenue": Decimal("50000"), "attribution_share": Decimal("0.4")}
    assert panel.results.figures["value"].text() == "$80,000"


def test_the_wheel_over_a_costs_kind_scrolls_the_page_and_changes_nothing(
        qtbot: Any, panel: RoiPanel, context: Any) -> None:
    assert panel.save()  # the subscription as stored
    kind = panel.investments.rows[0].kind
    scroll_bar = panel.page_scroll.verticalScrollBar()
    scroll_bar.setValue(0)
    panel.page_scroll.ensureWidgetVisible(kind)
    qtbot.wait(20)
    before, kind_before = scroll_bar.value(), kind.currentText()
    assert scroll_bar.maximum() > before  # there is page left to scroll
    centre = QPointF(kind.rect().center())
    for _ in range(3):
        wheel = QWheelEvent(centre, QPointF(kind.mapToGlobal(kind.rect().center())),
                            QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(kind, wheel)
    assert scroll_bar.value() > before  # the page moved ...
    assert kind.currentText() == kind_before == "Subscription"  # ... the box did not
    assert not panel.dirty
    (cost,) = context.roi.report(panel.account_id).model.investments
    assert cost.kind is CostKind.SUBSCRIPTION


def test_in_the_window_tab_walks_the_roi_tab_in_order_and_then_leaves_it(
        qtbot: Any, open_window: Any) -> None:
    from qbr_desktop.gui.tabs import AccountTab

    window = open_window(seed=True)
    bar = window.account_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(AccountTab.ROI).center())
    panel = window.roi_panel
    QTest.mouseClick(panel.add_line_button, Qt.MouseButton.LeftButton)
    choose_category(panel, Category.RISK)
    qtbot.wait(20)
    panel.page_scroll.verticalScrollBar().setValue(0)
    expected = tab_stops(panel)
    forwards = walk(panel.quarter_box, len(expected))
    assert described(forwards[:-1]) == described(expected)
    assert forwards[-1] is not None and not panel.isAncestorOf(forwards[-1])
    backwards = walk(expected[-1], len(expected), backwards=True)
    assert described(backwards[:-1]) == described(list(reversed(expected)))
    assert backwards[-1] is not None and not panel.isAncestorOf(backwards[-1])

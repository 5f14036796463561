"""Scrolling a page with the wheel never changes the value of a field under the pointer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One turn of the wheel over the middle of `widget`, as the mouse sends it."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_page_until_the_field_is_chosen(qtbot: Any) -> None:
    page = QWidget()
    column = QVBoxLayout(page)
    name = QLineEdit(page)  # where the CSM was typing
    column.addWidget(name)
    combo = QComboBox(page)
    combo.addItems(["Subscription", "Internal cost", "Services"])
    spin, day = QSpinBox(page), QDateEdit(page)
    for widget in (combo, spin, day):
        column.addWidget(widget)
        column.addSpacing(600)
    area = QScrollArea()
    area.setWidget(page)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    area.activateWindow()
    assert QTest.qWaitForWindowActive(area, 5000)
    name.setFocus()
    before = (combo.currentIndex(), spin.value(), day.date())
    for widget in (combo, spin, day):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
        area.ensureWidgetVisible(widget)
        scrolled = area.verticalScrollBar().value()
        wheel(widget)
        assert area.verticalScrollBar().value() > scrolled, type(widget).__name__
        assert not widget.hasFocus()
    assert (combo.currentIndex(), spin.value(), day.date()) == before
    # Clicked into, the field takes the wheel as its own.
    area.ensureWidgetVisible(spin)
    qtbot.mouseClick(spin.findChild(QLineEdit), Qt.MouseButton.LeftButton)
    assert spin.hasFocus()
    wheel(spin, notches=1)
    assert spin.value() == 1


def test_tab_leaves_a_table_instead_of_walking_its_cells(qtbot: Any) -> None:
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

    form = QWidget()
    column = QVBoxLayout(form)
    before = QLineEdit(form)
    table = QTableWidget(3, 3, form)
    after = QLineEdit(form)
    for row in range(3):
        for col in range(3):
            table.setItem(row, col, QTableWidgetItem(f"{row}{col}"))
    for widget in (before, table, after):
        column.addWidget(widget)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    assert QTest.qWaitForWindowActive(form, 5000)
    before.setFocus()
    assert before.hasFocus()
    QTest.keyClick(before, Qt.Key.Key_Tab)
    assert table.hasFocus()
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert after.hasFocus()  # one Tab through the table, not nine
    QTest.keyClick(after, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert table.hasFocus()

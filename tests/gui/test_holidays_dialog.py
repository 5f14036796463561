"""Edit › Holidays…: type or pick days, remove one, OK stores them; Cancel stores nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qbr_desktop.gui.plans.holidays_dialog import HolidaysDialog


def open_dialog(qtbot: Any, context: Any) -> HolidaysDialog:
    dialog = HolidaysDialog(context.plans)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    assert QTest.qWaitForWindowActive(dialog, 5000)
    return dialog


def type_day(dialog: HolidaysDialog, text: str) -> None:
    dialog.picker.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(dialog.picker, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(dialog.picker, text)


def test_days_are_added_removed_and_stored_on_ok(qtbot: Any, context: Any) -> None:
    context.plans.set_holidays([date(2026, 12, 25)])
    dialog = open_dialog(qtbot, context)
    assert dialog.chosen_days() == [date(2026, 12, 25)]
    for text in ("2027-01-01", "2026-12-24", "2027-01-01"):
        type_day(dialog, text)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_days() == [date(2026, 12, 24), date(2026, 12, 25), date(2027, 1, 1)]
    assert dialog.days.item(0).text() == "2026-12-24 · Thursday"
    dialog.days.setCurrentRow(1)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert context.plans.holidays() == frozenset({date(2026, 12, 24), date(2027, 1, 1)})


def test_return_in_the_day_field_adds_the_typed_day_and_keeps_the_dialog(
        qtbot: Any, context: Any) -> None:
    dialog = open_dialog(qtbot, context)
    type_day(dialog, "2031-05-01")
    QTest.keyClick(dialog.picker, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.chosen_days() == [date(2031, 5, 1)]
    type_day(dialog, "2031-05-")
    QTest.keyClick(dialog.picker, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.chosen_days() == [date(2031, 5, 1)]
    assert "“2031-05-” is not a whole date" in dialog.picker.problem()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert context.plans.holidays() == frozenset({date(2031, 5, 1)})


def test_cancel_stores_nothing(qtbot: Any, context: Any) -> None:
    dialog = open_dialog(qtbot, context)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert context.plans.holidays() == frozenset()

"""Edit › Holidays…: pick days, remove one, OK stores them; Cancel stores nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt

from qbr_desktop.gui.plans.holidays_dialog import HolidaysDialog


def test_days_are_added_removed_and_stored_on_ok(qtbot: Any, context: Any) -> None:
    context.plans.set_holidays([date(2026, 12, 25)])
    dialog = HolidaysDialog(context.plans)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_days() == [date(2026, 12, 25)]
    for day in (QDate(2027, 1, 1), QDate(2026, 12, 24), QDate(2027, 1, 1)):
        dialog.picker.setDate(day)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_days() == [date(2026, 12, 24), date(2026, 12, 25), date(2027, 1, 1)]
    assert dialog.days.item(0).text() == "2026-12-24 · Thursday"
    dialog.days.setCurrentRow(1)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert context.plans.holidays() == frozenset({date(2026, 12, 24), date(2027, 1, 1)})


def test_cancel_stores_nothing(qtbot: Any, context: Any) -> None:
    dialog = HolidaysDialog(context.plans)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert context.plans.holidays() == frozenset()

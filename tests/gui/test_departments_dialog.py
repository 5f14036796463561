"""The departments editor, driven by mouse and keyboard, and the button that opens it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from insights_support import add_account
from modal_support import when_dialog_opens
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from qbr_desktop.gui.insights.account_insights import AccountInsightsPanel
from qbr_desktop.gui.insights.departments_dialog import (
    DEPARTMENT,
    HEADCOUNT,
    USES_PRODUCT,
    DepartmentsDialog,
)
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.departments import DepartmentItem

WAIT_MS = 20000
KEPT = [DepartmentItem("Finance", 40, True)]


@pytest.fixture
def account_id(context: AppContext) -> int:
    return add_account(context, "Acme <Labs> & Co", arr="120000", seats=100)


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext, account_id: int) -> DepartmentsDialog:
    context.departments.replace(account_id, KEPT)
    shown = DepartmentsDialog(context.departments, account_id, "Acme <Labs> & Co")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _button(dialog: DepartmentsDialog, which: QDialogButtonBox.StandardButton) -> object:
    return dialog.findChild(QDialogButtonBox).button(which)  # type: ignore[union-attr]


def _click(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def _type_into(dialog: DepartmentsDialog, row: int, column: int, text: str) -> None:
    """Open the cell's editor as a double-click would (unless open) and type `text` into it."""
    table = dialog.table
    if not (_editing(dialog) and (table.currentRow(), table.currentColumn()) == (row, column)):
        table.setCurrentCell(row, column)
        table.editItem(table.item(row, column))
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert editors, "the cell should open an editor"
    editors[-1].selectAll()
    # QTest synthesises key events for Latin-1 only; other text arrives as a paste would.
    editors[-1].insert(text)  # left open: the next cell, or OK, must keep what was typed


def _editing(dialog: DepartmentsDialog) -> bool:
    return dialog.table.state() == QAbstractItemView.State.EditingState


def _tick_with_space(qtbot: QtBot, dialog: DepartmentsDialog, row: int) -> None:
    dialog.table.setFocus()
    dialog.table.setCurrentCell(row, USES_PRODUCT)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)


def test_the_saved_departments_are_shown(dialog: DepartmentsDialog) -> None:
    table = dialog.table
    assert dialog.windowTitle() == "Departments of Acme <Labs> & Co"
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == [
        "Department", "Headcount", "Uses our product"]
    assert (table.item(0, DEPARTMENT).text(), table.item(0, HEADCOUNT).text(),
            table.item(0, USES_PRODUCT).checkState()) == ("Finance", "40", Qt.CheckState.Checked)


def test_a_department_added_in_the_table_is_saved(
        qtbot: QtBot, dialog: DepartmentsDialog, context: AppContext, account_id: int) -> None:
    _click(qtbot, dialog.add_button)
    assert dialog.table.rowCount() == 2
    assert _editing(dialog) and dialog.table.currentRow() == 1  # ready for typing the name
    _type_into(dialog, 1, DEPARTMENT, "研究開発 🧪 <R&D>")
    _type_into(dialog, 1, HEADCOUNT, "1,250")
    _tick_with_space(qtbot, dialog, 1)
    _click(qtbot, _button(dialog, QDialogButtonBox.StandardButton.Ok))

    assert not dialog.isVisible()
    assert context.departments.items(account_id) == [
        DepartmentItem("Finance", 40, True), DepartmentItem("研究開発 🧪 <R&D>", 1250, True)]


def test_a_bad_headcount_is_named_and_nothing_is_saved(
        qtbot: QtBot, dialog: DepartmentsDialog, context: AppContext, account_id: int) -> None:
    _click(qtbot, dialog.add_button)
    _type_into(dialog, 1, DEPARTMENT, "Sales")
    _type_into(dialog, 1, HEADCOUNT, "lots")
    _click(qtbot, _button(dialog, QDialogButtonBox.StandardButton.Ok))

    assert dialog.isVisible()
    assert dialog.error_label.text() == "Row 2: “lots” is not a whole number of people"
    assert context.departments.items(account_id) == KEPT


def test_a_repeated_name_is_named_and_nothing_is_saved(
        qtbot: QtBot, dialog: DepartmentsDialog, context: AppContext, account_id: int) -> None:
    _click(qtbot, dialog.add_button)
    _type_into(dialog, 1, DEPARTMENT, " FINANCE")
    _click(qtbot, _button(dialog, QDialogButtonBox.StandardButton.Ok))

    assert dialog.isVisible()
    assert "Row 2 repeats “FINANCE” from row 1" in dialog.error_label.text()
    assert context.departments.items(account_id) == KEPT


def test_cancel_saves_nothing(qtbot: QtBot, dialog: DepartmentsDialog, context: AppContext,
                              account_id: int) -> None:
    _type_into(dialog, 0, DEPARTMENT, "Renamed")
    _click(qtbot, dialog.add_button)
    _type_into(dialog, 1, DEPARTMENT, "New")
    _click(qtbot, _button(dialog, QDialogButtonBox.StandardButton.Cancel))

    assert not dialog.isVisible()
    assert context.departments.items(account_id) == KEPT


def test_removing_every_row_clears_the_list(
        qtbot: QtBot, dialog: DepartmentsDialog, context: AppContext, account_id: int) -> None:
    dialog.table.setCurrentCell(0, DEPARTMENT)
    _click(qtbot, dialog.remove_button)
    assert dialog.table.rowCount() == 0
    assert not dialog.remove_button.isEnabled()
    _click(qtbot, _button(dialog, QDialogButtonBox.StandardButton.Ok))

    assert context.departments.items(account_id) == []


def test_the_keyboard_reaches_everything_in_order(
        qtbot: QtBot, dialog: DepartmentsDialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.table.setFocus()
    expected = [dialog.add_button, dialog.remove_button,
                _button(dialog, QDialogButtonBox.StandardButton.Ok),
                _button(dialog, QDialogButtonBox.StandardButton.Cancel), dialog.table]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget
    _tick_with_space(qtbot, dialog, 0)
    assert dialog.table.item(0, USES_PRODUCT).checkState() == Qt.CheckState.Unchecked
    assert dialog.table.accessibleName() == "Departments"


# --- the account page's button ---------------------------------------------------------------

@pytest.fixture
def panel(qtbot: QtBot, context: AppContext) -> Iterator[AccountInsightsPanel]:
    shown = AccountInsightsPanel(context.insights, context.risks,
                                 departments=context.departments)
    qtbot.addWidget(shown)
    shown.resize(1100, 1600)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    QThreadPool.globalInstance().waitForDone(WAIT_MS)  # before the context closes


def test_the_button_edits_departments_and_the_estimate_follows(
        qtbot: QtBot, panel: AccountInsightsPanel, context: AppContext, account_id: int) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.show_account(account_id)
    assert panel.departments_button.isVisible()
    assert not any("Legal" in line.title for line in panel.bundle.expansion.lines)  # type: ignore[union-attr]

    def drive(dialog: DepartmentsDialog) -> None:
        assert dialog.windowTitle() == "Departments of Acme <Labs> & Co"
        _click(qtbot, dialog.add_button)
        _type_into(dialog, 0, DEPARTMENT, "Legal 法务")
        _type_into(dialog, 0, HEADCOUNT, "50")
        _click(qtbot, _button(dialog, QDialogButtonBox.StandardButton.Ok))

    problems = when_dialog_opens(panel, DepartmentsDialog, drive)
    with qtbot.waitSignals([panel.estimates_changed, panel.loaded], timeout=WAIT_MS):
        _click(qtbot, panel.departments_button)

    assert problems == []
    assert context.departments.items(account_id) == [DepartmentItem("Legal 法务", 50, False)]
    titles = [panel.expansion_lines.item(r, 1).text()
              for r in range(panel.expansion_lines.rowCount())]
    assert "Roll out to Legal 法务" in titles


def test_cancelling_the_dialog_leaves_the_page_alone(
        qtbot: QtBot, panel: AccountInsightsPanel, account_id: int) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.show_account(account_id)

    problems = when_dialog_opens(panel, DepartmentsDialog, lambda dialog: dialog.reject())
    with qtbot.assertNotEmitted(panel.estimates_changed):
        _click(qtbot, panel.departments_button)

    assert problems == []


def test_without_the_service_the_button_is_not_offered(
        qtbot: QtBot, context: AppContext) -> None:
    older = AccountInsightsPanel(context.insights, context.risks)
    qtbot.addWidget(older)
    older.show()

    assert not older.departments_button.isVisible()

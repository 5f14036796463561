"""The account's prep tab driven as a CSM would: schedule, move, tick off in the list,
re-date, add and remove tasks; every change is checked in the store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from modal_support import when_dialog_opens
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QMessageBox,
    QWidget,
)

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.playbooks import OwnerRole
from qbr_desktop.gui.plans.plan_dialogs import AddTaskDialog, MeetingDialog
from qbr_desktop.gui.plans.plan_panel import PlanPanel
from qbr_desktop.gui.plans.task_table import TaskColumn
from qbr_desktop.services.plans import PlanService, TaskChanges

NOW = datetime(2026, 9, 8, 9, 0, tzinfo=UTC)
MEETING = date(2026, 9, 24)
WAIT_MS = 10000


@pytest.fixture
def plans(context: Any) -> PlanService:
    return PlanService(context.store.sessions, clock=lambda: NOW)


@pytest.fixture
def account_id(context: Any) -> int:
    return context.accounts.create(AccountDraft(name="Acme", arr=Decimal("60000"))).id


@pytest.fixture
def panel(qtbot: Any, plans: PlanService) -> Iterator[PlanPanel]:
    shown = PlanPanel(plans)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def load(qtbot: Any, panel: PlanPanel, account_id: int) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.show_account(account_id)


def committed(qtbot: Any, table: Any) -> None:
    """Return commits an item editor on the next turn of the event loop."""
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState,
                    timeout=WAIT_MS)


def press_ok(dialog: Any) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def retype(field: QWidget, text: str, leave: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Into the field, select all of it, type `text` over it and leave with `leave`."""
    window = field.window()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 5000)
    field.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, text)
    QTest.keyClick(field, leave)


def test_without_a_plan_the_tab_explains_scheduling_and_offers_it(
        qtbot: Any, panel: PlanPanel, account_id: int) -> None:
    load(qtbot, panel, account_id)
    assert panel.plan is None
    assert panel.empty_text.isVisible() and "No QBR is planned" in panel.empty_text.text()
    assert panel.empty_schedule_button.isVisible()
    assert not panel.chart.isVisible()


def test_scheduling_through_the_dialog_stores_the_plan(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    load(qtbot, panel, account_id)

    def drive(dialog: MeetingDialog) -> None:
        assert dialog.playbook_box.currentData() is None  # "for this tier" by default
        retype(dialog.date_edit, "2026-10-06")
        retype(dialog.time_edit, "15:30")
        dialog.zone_box.setCurrentText("Asia/Tokyo")
        dialog.playbook_box.setCurrentIndex(dialog.playbook_box.findData("Core"))
        press_ok(dialog)

    problems = when_dialog_opens(panel, MeetingDialog, drive)
    qtbot.mouseClick(panel.empty_schedule_button, Qt.MouseButton.LeftButton)
    assert problems == []
    stored = plans.next_plan(account_id)
    assert stored is not None
    assert (stored.time_zone, stored.playbook) == ("Asia/Tokyo", "Core")
    assert stored.local_start.replace(tzinfo=None) == datetime(2026, 10, 6, 15, 30)
    assert panel.plan is not None and panel.plan.review_id == stored.review_id
    assert "Tue 2026-10-06 15:30–16:30 Asia/Tokyo" in panel.meeting.text()
    assert panel.progress_text.text() == f"0 of {len(stored.tasks)} done"
    assert panel.chart.isVisible()


def test_an_unknown_time_zone_is_explained_in_the_dialog(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    load(qtbot, panel, account_id)
    seen: list[str] = []

    def drive(dialog: MeetingDialog) -> None:
        dialog.zone_box.setCurrentText("Mars/Olympus_Mons")
        press_ok(dialog)
        assert dialog.isVisible()  # kept open with the entries, to correct them
        seen.append(dialog.problem.text())

    problems = when_dialog_opens(panel, MeetingDialog, drive)
    qtbot.mouseClick(panel.empty_schedule_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert "Mars/Olympus_Mons" in seen[0] and "not a time zone" in seen[0]
    assert plans.next_plan(account_id) is None


def test_moving_the_meeting_re_dates_open_tasks_but_not_done_ones(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    plan = plans.schedule(account_id, MEETING, time(10), time_zone="Europe/Berlin")
    done = plan.tasks[0]
    plans.set_done(done.id, True)
    load(qtbot, panel, account_id)

    def drive(dialog: MeetingDialog) -> None:
        assert not dialog.zone_box.isEnabled()
        retype(dialog.date_edit, "2026-10-01", Qt.Key.Key_Return)  # one week later

    problems = when_dialog_opens(panel, MeetingDialog, drive)
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert problems == []
    moved = plans.plan(plan.review_id)
    assert moved.meeting_day == date(2026, 10, 1)
    before = {t.id: t.due for t in plan.tasks}
    for task in moved.tasks:
        expected = before[task.id] if task.id == done.id else before[task.id] + timedelta(7)
        assert task.due == expected, task.title
    assert "Thu 2026-10-01 10:00–11:00 Europe/Berlin" in panel.meeting.text()


def test_the_list_ticks_with_space_and_edits_due_date_and_owner(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    plan = plans.schedule(account_id, MEETING, time(10), time_zone="Europe/Berlin")
    load(qtbot, panel, account_id)
    qtbot.mouseClick(panel.list_button, Qt.MouseButton.LeftButton)
    table = panel.table
    assert table.isVisible() and table.hasFocus()
    table.setCurrentIndex(panel.model.index(2, TaskColumn.TASK))
    task = panel.model.task_at(2)
    assert task is not None
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert next(t for t in plans.plan(plan.review_id).tasks if t.id == task.id).done
    assert panel.model.index(2, TaskColumn.DONE).data(Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked

    due_index = panel.model.index(3, TaskColumn.DUE)
    target = panel.model.task_at(3)
    assert target is not None
    table.setCurrentIndex(due_index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    retype(editor, "2026-09-18", Qt.Key.Key_Return)
    committed(qtbot, table)
    stored = next(t for t in plans.plan(plan.review_id).tasks if t.id == target.id)
    assert (stored.due, stored.offset) == (date(2026, 9, 18), None)
    assert panel.model.index(3, TaskColumn.DUE).data() == "Fri 2026-09-18"

    owner_index = panel.model.index(3, TaskColumn.OWNER)
    table.setCurrentIndex(owner_index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = table.findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findData(OwnerRole.ACCOUNT_EXECUTIVE.value))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    committed(qtbot, table)
    stored = next(t for t in plans.plan(plan.review_id).tasks if t.id == target.id)
    assert stored.owner is OwnerRole.ACCOUNT_EXECUTIVE
    assert panel.model.index(3, TaskColumn.OWNER).data() == "Account executive"  # its label
    assert table.currentIndex().row() == 3  # in-place update: the CSM keeps their place


def test_overdue_rows_say_so_in_words(qtbot: Any, panel: PlanPanel, plans: PlanService,
                                      account_id: int) -> None:
    plan = plans.schedule(account_id, MEETING, time(10), time_zone="Europe/Berlin")
    plans.update_task(plan.tasks[0].id, TaskChanges(due=date(2026, 9, 1)))
    load(qtbot, panel, account_id)
    row = panel.model.row_of(plan.tasks[0].id)
    assert row is not None
    assert panel.model.index(row, TaskColumn.DUE).data().endswith("· overdue")
    assert "Behind schedule: 1 overdue task" in panel.behind.text()


def test_add_and_remove_a_task_and_confirm_executives(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    plan = plans.schedule(account_id, MEETING, time(10), time_zone="Europe/Berlin")
    load(qtbot, panel, account_id)
    title = "确认议程 with the champion 🎯"

    def drive(dialog: AddTaskDialog) -> None:
        dialog.title_edit.setText(title)  # keyClicks cannot type CJK
        retype(dialog.due_edit, "2027-01-04")
        dialog.owner_box.setCurrentIndex(dialog.owner_box.findData(OwnerRole.CS_MANAGER.value))
        press_ok(dialog)

    problems = when_dialog_opens(panel, AddTaskDialog, drive)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert problems == []
    added = next(t for t in plans.plan(plan.review_id).tasks if t.title == title)
    assert (added.due, added.owner, added.offset) == (date(2027, 1, 4), OwnerRole.CS_MANAGER,
                                                       None)
    assert panel.chart.selected_task_id == added.id

    problems = when_dialog_opens(panel, QMessageBox, lambda box: box.button(
        QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert added.id not in {t.id for t in plans.plan(plan.review_id).tasks}
    assert added.id not in panel.chart.task_ids()

    assert panel.metric_labels[2].text().startswith("○ Open")
    qtbot.mouseClick(panel.executives_box, Qt.MouseButton.LeftButton)
    assert plans.plan(plan.review_id).executives_confirmed
    assert panel.metric_labels[2].text().startswith("✓ Met")


def test_an_empty_title_is_refused_in_the_dialog(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    plan = plans.schedule(account_id, MEETING, time(10), time_zone="Europe/Berlin")
    load(qtbot, panel, account_id)
    seen: list[str] = []

    def drive(dialog: AddTaskDialog) -> None:
        dialog.title_edit.setText("   ")
        press_ok(dialog)
        seen.append(dialog.problem.text() if dialog.isVisible() else "closed")

    when_dialog_opens(panel, AddTaskDialog, drive)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert seen == ["A task needs a title"]
    assert len(plans.plan(plan.review_id).tasks) == len(plan.tasks)


def test_the_task_model_passes_the_model_tester(
        qtmodeltester: Any, qtbot: Any, panel: PlanPanel, plans: PlanService,
        account_id: int) -> None:
    plans.schedule(account_id, MEETING, time(10), time_zone="Europe/Berlin")
    load(qtbot, panel, account_id)
    qtmodeltester.check(panel.model)


def test_tasks_are_reordered_with_the_buttons_and_ctrl_arrows(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    plan = plans.schedule(account_id, MEETING, time(10), time_zone="Europe/Berlin")
    load(qtbot, panel, account_id)
    qtbot.mouseClick(panel.list_button, Qt.MouseButton.LeftButton)
    table = panel.table
    second = plan.tasks[1].id
    table.setCurrentIndex(panel.model.index(1, TaskColumn.TASK))
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    stored = [t.id for t in plans.plan(plan.review_id).tasks]
    assert stored[:2] == [second, plan.tasks[0].id]
    assert panel.selected_task_id() == second  # the moved task stays selected
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [t.id for t in plans.plan(plan.review_id).tasks][:2] == [
        plan.tasks[0].id, second]
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)  # back to the top
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)  # already first: no-op
    assert [t.id for t in plans.plan(plan.review_id).tasks][0] == second


def test_the_prep_scorecard_shows_under_the_metrics(qtbot: Any, context: Any,
                                                    plans: PlanService, account_id: int) -> None:
    from qbr_desktop.services.scorecard import prep_scorecard

    shown = PlanPanel(plans, scorecard_for=lambda plan: prep_scorecard(
        context, plan.account_id, plan.review_id, plan.tier))
    qtbot.addWidget(shown)
    shown.show()
    plans.schedule(account_id, date(2027, 3, 10))
    load(qtbot, shown, account_id)
    assert shown.scorecard.isVisibleTo(shown)
    lines = shown.scorecard.text().splitlines()
    # Agenda and no old actions pass; a new account's deck is short until its data is in.
    assert lines[0] == "Prep scorecard: 2 of 5 pass"
    assert any(line.startswith("⚠ Deck length: ") and "aim for 10–12" in line
               for line in lines)
    assert "⚠ Value quantified: No ROI model saved for this quarter (ROI & value tab)" in lines
    assert any(line.startswith("✓ Agenda looks forward: ") for line in lines)


# Typing dates: what is typed is what is stored, year included -------------------------

def problem_shown(dialog: QWidget) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in dialog.findChildren(QLabel)
                    if label.isVisible() and label.property("class") == "fieldError")


def test_a_date_typed_over_the_meeting_date_is_stored_with_its_year(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    plan = plans.schedule(account_id, date(2027, 1, 4), time(10), time_zone="Europe/Berlin")
    load(qtbot, panel, account_id)

    def drive(dialog: MeetingDialog) -> None:
        retype(dialog.date_edit, "2026-12-28")
        retype(dialog.time_edit, "16:30", Qt.Key.Key_Return)

    problems = when_dialog_opens(panel, MeetingDialog, drive)
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert problems == []
    moved = plans.plan(plan.review_id)
    assert moved.local_start.replace(tzinfo=None) == datetime(2026, 12, 28, 16, 30)


def test_a_part_of_a_date_is_explained_in_the_dialog_and_nothing_moves(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    from PySide6.QtCore import QLocale

    plan = plans.schedule(account_id, date(2027, 1, 4), time(10), time_zone="Europe/Berlin")
    load(qtbot, panel, account_id)
    seen: list[tuple[bool, str, str]] = []

    def drive(dialog: MeetingDialog) -> None:
        from PySide6.QtWidgets import QLabel

        retype(dialog.date_edit, "2026-12", Qt.Key.Key_Return)
        seen.append((dialog.isVisible(), dialog.date_edit.text(), problem_shown(dialog)))
        QTest.qWait(50)
        label = next(shown for shown in dialog.findChildren(QLabel) if shown.isVisible()
                     and shown.property("class") == "fieldError")
        assert label.height() >= label.heightForWidth(label.width())  # every line readable
        dialog.date_edit.setLocale(QLocale("en_US"))  # the CSM's own short form works too
        retype(dialog.date_edit, "12/28/26", Qt.Key.Key_Return)
        seen.append((dialog.isVisible(), "", ""))

    problems = when_dialog_opens(panel, MeetingDialog, drive)
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert problems == []
    kept_open, text, problem = seen[0]
    assert kept_open and text == "2026-12"
    assert "“2026-12” is not a whole date" in problem
    assert seen[1][0] is False  # the whole date was accepted and the dialog closed
    assert plans.plan(plan.review_id).meeting_day == date(2026, 12, 28)


def typed_at_opening(dialog: Any, text: str) -> tuple[str, str]:
    """Type as a person does once the dialog is up, without clicking anything first: the
    keys go to the field the dialog opened on. What that field is, and what it then shows."""
    dialog.activateWindow()
    assert QTest.qWaitForWindowActive(dialog, 5000)
    QTest.qWait(20)
    focus = dialog.focusWidget()
    assert focus is not None
    QTest.keyClicks(focus, text)
    return focus.objectName() or type(focus).__name__, getattr(focus, "text", str)()


def test_the_meeting_dialog_opens_on_its_date_ready_to_be_typed_over(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    load(qtbot, panel, account_id)
    seen: list[tuple[str, str]] = []

    def drive(dialog: MeetingDialog) -> None:
        seen.append(typed_at_opening(dialog, "2026-12-28"))
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    problems = when_dialog_opens(panel, MeetingDialog, drive)
    qtbot.mouseClick(panel.empty_schedule_button, Qt.MouseButton.LeftButton)
    assert problems == []
    assert seen == [("DateEntry", "2026-12-28")]  # the proposed day was replaced, not added to
    stored = plans.next_plan(account_id)
    assert stored is not None and stored.meeting_day == date(2026, 12, 28)


def test_the_task_dialog_opens_on_its_title(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    plans.schedule(account_id, MEETING, time(10), time_zone="Europe/Berlin")
    load(qtbot, panel, account_id)
    seen: list[tuple[str, str]] = []

    def drive(dialog: AddTaskDialog) -> None:
        seen.append(typed_at_opening(dialog, "Book the room"))

    when_dialog_opens(panel, AddTaskDialog, drive)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert seen == [("QLineEdit", "Book the room")]


def test_a_due_date_typed_in_the_list_is_stored_with_its_year(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    plan = plans.schedule(account_id, MEETING, time(10), time_zone="Europe/Berlin")
    load(qtbot, panel, account_id)
    qtbot.mouseClick(panel.list_button, Qt.MouseButton.LeftButton)
    table = panel.table
    target = panel.model.task_at(3)
    assert target is not None
    table.setCurrentIndex(panel.model.index(3, TaskColumn.DUE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    retype(editor, "2027-01-04", Qt.Key.Key_Return)
    committed(qtbot, table)
    stored = next(t for t in plans.plan(plan.review_id).tasks if t.id == target.id)
    assert stored.due == date(2027, 1, 4)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip, offscreen
def test_a_due_date_that_is_not_a_date_keeps_the_cell_open_until_escape(
        qtbot: Any, panel: PlanPanel, plans: PlanService, account_id: int) -> None:
    plan = plans.schedule(account_id, MEETING, time(10), time_zone="Europe/Berlin")
    load(qtbot, panel, account_id)
    qtbot.mouseClick(panel.list_button, Qt.MouseButton.LeftButton)
    table = panel.table
    target = panel.model.task_at(3)
    assert target is not None
    table.setCurrentIndex(panel.model.index(3, TaskColumn.DUE))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    retype(editor, "2026-13-01", Qt.Key.Key_Return)
    qtbot.wait(50)
    assert table.state() == QAbstractItemView.State.EditingState  # the typing is still there
    assert editor.text() == "2026-13-01"  # type: ignore[attr-defined]
    assert "not a day of the calendar" in editor.toolTip()
    assert next(t for t in plans.plan(plan.review_id).tasks if t.id == target.id).due == \
        target.due
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    committed(qtbot, table)
    assert next(t for t in plans.plan(plan.review_id).tasks if t.id == target.id).due == \
        target.due

"""A colleague saved the same task, agenda, action item, notes, recap, deck plan or ROI
model meanwhile (another app on the same portfolio): each page asks reload or keep mine
before replacing their change, and free text keeps both sides."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QMessageBox,
    QPushButton,
    QSpinBox,
)
from typing_support import type_text

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.actions import ActionItem, ActionStatus
from qbr_desktop.domain.audience.followup import Recap
from qbr_desktop.services.agendas import AgendaService
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.decks import DeckService
from qbr_desktop.services.plans import PlanService, TaskChanges

SAM = "Sam Rivera"
WAIT_MS = 10000


@pytest.fixture
def review(context: Any) -> tuple[int, int]:
    account = context.accounts.create(AccountDraft(name="Acme <R&D>", arr=Decimal(120000)))
    plan = context.plans.schedule(account.id, date.today() + timedelta(days=30), time(10),
                                  time_zone="Europe/Berlin")
    return account.id, plan.review_id


def answer(button_text: str, said: list[str]) -> None:
    """Click `button_text` in the conflict question once it is open; keep its sentence."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        said.append(box.text())
        next(b for b in box.findChildren(QPushButton) if b.text() == button_text).click()

    QTimer.singleShot(20, click)


def shown(qtbot: Any, widget: Any) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_task_redated_over_a_colleagues_date_asks_and_reloads(
        qtbot: Any, context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    from qbr_desktop.gui.plans.plan_panel import PlanPanel
    from qbr_desktop.gui.plans.task_table import TaskColumn

    panel = shown(qtbot, PlanPanel(context.plans))
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.show_account(review[0])
    qtbot.mouseClick(panel.list_button, Qt.MouseButton.LeftButton)
    task = panel.model.task_at(3)
    assert task is not None
    theirs = task.due - timedelta(days=1)
    PlanService(colleague_context.store.sessions, user=lambda: SAM).update_task(
        task.id, TaskChanges(due=theirs))
    said: list[str] = []
    answer("Reload theirs", said)
    panel.table.setCurrentIndex(panel.model.index(3, TaskColumn.DUE))
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not panel.table
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, (task.due + timedelta(days=2)).isoformat())
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.table.state() != QAbstractItemView.State.EditingState,
                    timeout=WAIT_MS)
    assert f"{SAM} changed the due date of the task" in said[0]
    stored = next(t for t in context.plans.plan(review[1]).tasks if t.id == task.id)
    assert stored.due == theirs
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


@pytest.mark.server_smoke
def test_a_meeting_moved_over_a_colleagues_move_asks_and_keeps_mine(
        qtbot: Any, context: Any, colleague_context: AppContext,
        review: tuple[int, int]) -> None:
    from modal_support import when_dialog_opens
    from test_plan_panel import retype

    from qbr_desktop.gui.plans.plan_dialogs import MeetingDialog
    from qbr_desktop.gui.plans.plan_panel import PlanPanel

    panel = shown(qtbot, PlanPanel(context.plans))
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.show_account(review[0])
    start = context.plans.plan(review[1]).meeting_at
    PlanService(colleague_context.store.sessions, user=lambda: SAM).move(
        review[1], start + timedelta(days=1))
    wanted = (start + timedelta(days=7)).astimezone(ZoneInfo("Europe/Berlin")).date()
    said: list[str] = []

    def drive(dialog: MeetingDialog) -> None:
        answer("Keep mine", said)
        retype(dialog.date_edit, wanted.isoformat(), Qt.Key.Key_Return)

    problems = when_dialog_opens(panel, MeetingDialog, drive)
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    assert problems == []
    assert f"{SAM} changed the meeting time of the review with Acme <R&D>" in said[0]
    assert context.plans.plan(review[1]).meeting_day == wanted
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def test_an_agenda_length_over_a_colleagues_asks_and_keeps_mine(
        qtbot: Any, context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    from qbr_desktop.gui.agenda.agenda_builder import AgendaBuilder

    builder = shown(qtbot, AgendaBuilder(context.agendas))
    builder.show_agenda(context.agendas.agenda(review[1]))
    first = context.agendas.agenda(review[1]).agenda.sections[0]
    sam = AgendaService(colleague_context.store.sessions, user=lambda: SAM)
    agenda = sam.agenda(review[1]).agenda
    sam.save_agenda(review[1], replace(agenda, sections=(
        replace(first, minutes=first.minutes + 10), *agenda.sections[1:])))
    said: list[str] = []
    answer("Keep mine", said)
    spin = builder.table.cellWidget(0, 2)
    assert isinstance(spin, QSpinBox)
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    assert f"{SAM} changed the length of the agenda section" in said[0]
    qtbot.waitUntil(lambda: context.agendas.agenda(review[1]).agenda.sections[0].minutes
                    == first.minutes + 1, timeout=WAIT_MS)


def test_an_action_status_over_a_colleagues_asks_and_reloads(
        qtbot: Any, context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    from qbr_desktop.gui.agenda.follow_up_view import FollowUpView

    item = context.agendas.add_action(review[0], ActionItem(0, "Send the <SSO> guide"))
    view = shown(qtbot, FollowUpView(context.agendas))
    view.show_account(review[0])
    AgendaService(colleague_context.store.sessions, user=lambda: SAM).update_action(
        replace(item, status=ActionStatus.DROPPED))
    said: list[str] = []
    answer("Reload theirs", said)
    box = view.table.cellWidget(0, 5)
    assert isinstance(box, QComboBox)
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)  # open -> in progress
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    assert f"{SAM} changed the status of the action item" in said[0]
    assert context.agendas.follow_up(review[0]).items[0].status is ActionStatus.DROPPED
    qtbot.waitUntil(lambda: isinstance(view.table.cellWidget(0, 5), QComboBox)
                    and view.table.cellWidget(0, 5).currentData() == "dropped",
                    timeout=WAIT_MS)


def agenda_tab(qtbot: Any, context: Any, account_id: int) -> Any:
    from qbr_desktop.gui.agenda.agenda_tab import AgendaTab
    from qbr_desktop.services.followup import followup_for

    tab = shown(qtbot, AgendaTab(context.agendas, context.stakeholders,
                                 lambda chosen: followup_for(context, chosen)))
    tab.show_account(account_id)
    return tab


def test_meeting_notes_typed_by_two_keep_both(
        qtbot: Any, context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    from qbr_desktop.gui.agenda.agenda_tab import RUN

    tab = agenda_tab(qtbot, context, review[0])
    tab.pages.setCurrentIndex(RUN)
    tab.meeting.start()
    key = tab.notes.key
    assert key is not None
    AgendaService(colleague_context.store.sessions, user=lambda: SAM).set_note(
        review[1], key, "Sam: budget is frozen 🧊")
    tab.notes.edit.setFocus()
    type_text(tab.notes.edit, "Dana: <VP> joined late 田中")
    tab.notes.flush()
    text = tab.notes.edit.toPlainText()
    assert "Sam: budget is frozen 🧊" in text and "Dana: <VP> joined late 田中" in text
    assert context.agendas.agenda(review[1]).notes[key] == text
    tab.meeting.finish()
    tab.meeting.close_presenter()


def test_a_check_in_keeps_a_colleagues_newer_marks(
        qtbot: Any, context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    from qbr_desktop.domain.stakeholders import Attendance, Stakeholder
    from qbr_desktop.gui.agenda.agenda_tab import RUN
    from qbr_desktop.services.stakeholders import StakeholderService

    vera = context.stakeholders.add_person(review[0], Stakeholder(0, "Vera Núñez"))
    context.stakeholders.set_attendance(review[1], Attendance(vera.id, True, True, True))
    tab = agenda_tab(qtbot, context, review[0])
    tab.pages.setCurrentIndex(RUN)
    StakeholderService(colleague_context.store.sessions, user=lambda: SAM).set_attendance(
        review[1], Attendance(vera.id, invited=True))  # Sam: she did not confirm after all
    item = tab.check_in.item(0)
    assert item is not None and item.checkState() == Qt.CheckState.Checked
    rect = tab.check_in.visualItemRect(item)
    qtbot.mouseClick(tab.check_in.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.topLeft() + QPoint(10, rect.height() // 2))
    qtbot.waitUntil(lambda: item.checkState() == Qt.CheckState.Unchecked, timeout=WAIT_MS)
    [entry] = context.stakeholders.attendance(review[1])
    assert (entry.invited, entry.confirmed, entry.attended) == (True, False, False)
    tab.meeting.close_presenter()


def test_a_recap_typed_by_two_keeps_both(
        qtbot: Any, context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    from qbr_desktop.gui.agenda.recap_editor import RecapEditor

    recap = shown(qtbot, RecapEditor(context.agendas))
    recap.show_review(review[1], "of today")
    AgendaService(colleague_context.store.sessions, user=lambda: SAM).save_recap(
        review[1], Recap("Sam: thanks all.", ("Renew for two years",)))
    recap.decisions_edit.setFocus()
    type_text(recap.decisions_edit, "Pilot in the EU 🇪🇺")
    recap.flush()
    qtbot.waitUntil(lambda: recap.status.text().startswith("Saved"), timeout=WAIT_MS)
    stored = context.agendas.recap(review[1])
    assert stored.summary == "Sam: thanks all."
    assert stored.decisions == ("Renew for two years", "Pilot in the EU 🇪🇺")
    assert recap.decisions_edit.toPlainText() == "Renew for two years\nPilot in the EU 🇪🇺"


def test_a_deck_accent_over_a_colleagues_asks_and_reloads(
        qtbot: Any, context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    from qbr_desktop.domain.deck_plan import DeckPlan
    from qbr_desktop.gui.deck.deck_tab import DeckTab

    tab = shown(qtbot, DeckTab(context))
    tab.show_account(review[0])
    qtbot.waitUntil(lambda: tab.content is not None, timeout=WAIT_MS)
    DeckService(colleague_context.store.sessions, user=lambda: SAM).save_plan(
        review[0], DeckPlan(accent="#112233"))
    said: list[str] = []
    answer("Reload theirs", said)
    tab.accent_edit.setFocus()
    qtbot.keyClicks(tab.accent_edit, "#445566")
    QTest.keyClick(tab.accent_edit, Qt.Key.Key_Return)  # a finished edit saves
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    assert f"{SAM} changed the accent colour of the deck plan" in said[0]
    assert context.decks.plan(review[0]).accent == "#112233"
    assert tab.accent_edit.text() == "#112233"
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


def test_a_roi_discount_rate_over_a_colleagues_asks_and_reloads(
        qtbot: Any, context: Any, colleague_context: AppContext, review: tuple[int, int]) -> None:
    from qbr_desktop.gui.roi.roi_panel import RoiPanel
    from qbr_desktop.services.roi import RoiService

    panel = shown(qtbot, RoiPanel(context.roi))
    with qtbot.waitSignal(panel.loaded, timeout=WAIT_MS):
        panel.show_account(review[0])
    sam = RoiService(colleague_context.store.sessions, insights=colleague_context.insights,
                     user=lambda: SAM)
    model = sam.report(review[0]).model
    sam.save(review[0], replace(model, discount_rate=Decimal("0.12")))
    said: list[str] = []
    answer("Reload theirs", said)
    rate = panel.investments.rate.editor
    rate.setFocus()
    rate.selectAll()
    QTest.keyClicks(rate, "5")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT_MS)
    assert f"{SAM} changed the discount rate of the {model.quarter} ROI model" in said[0]
    assert context.roi.report(review[0]).model.discount_rate == Decimal("0.12")
    qtbot.waitUntil(lambda: rate.text() == "12", timeout=WAIT_MS)
    assert not panel.dirty
    panel.charts.timer.stop()
    QThreadPool.globalInstance().waitForDone(WAIT_MS)


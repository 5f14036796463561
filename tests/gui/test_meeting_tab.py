"""The Meeting tab driven as a CSM would, with a fake clock (no sleeps): build the agenda,
run the timer through closing, overrun and a pause across a long suspend, use the keys and
the presenter view on the room's screen, take notes and actions, and resume after a crash."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QSpinBox
from typing_support import type_text

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholders import DecisionRole, Stakeholder
from qbr_desktop.gui.agenda.agenda_tab import RUN, AgendaTab
from qbr_desktop.services.agendas import AgendaService
from qbr_desktop.services.followup import FollowupError, followed_up_review, followup_for


@dataclass
class FakeClocks:
    """The meeting clock and the wall clock, moved by hand."""

    seconds: float = 1000.0
    wall: datetime = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

    def advance(self, seconds: float) -> None:
        self.seconds += seconds
        self.wall += timedelta(seconds=seconds)


@dataclass
class Setup:
    context: Any
    account_id: int
    review_id: int
    clocks: FakeClocks
    chimes: list[str]


@pytest.fixture
def setup(context: Any) -> Setup:
    account = context.accounts.create(AccountDraft(name="Acme <R&D>", arr=Decimal("120000")))
    review_id = context.plans.schedule(account.id, date(2026, 12, 10)).review_id
    for name, level, role in (("Vera Sponsor", ContactLevel.VP, DecisionRole.EXECUTIVE_SPONSOR),
                              ("Cai 蔡", ContactLevel.DIRECTOR, DecisionRole.CHAMPION)):
        context.stakeholders.add_person(account.id, Stakeholder(0, name, level=level, role=role))
    return Setup(context, account.id, review_id, FakeClocks(), [])


def agendas(setup: Setup) -> AgendaService:
    clocks = setup.clocks
    return AgendaService(setup.context.store.sessions, clock=lambda: clocks.seconds,
                         wall=lambda: clocks.wall, boot=lambda: "boot-one")


@pytest.fixture
def tab(qtbot: Any, setup: Setup) -> Iterator[AgendaTab]:
    shown = make_tab(qtbot, setup)
    yield shown
    shown.meeting.close_presenter()


def make_tab(qtbot: Any, setup: Setup) -> AgendaTab:
    def followed_up(account_id: int) -> int | None:
        try:
            return followed_up_review(setup.context, account_id, setup.clocks.wall)
        except FollowupError:
            return None

    shown = AgendaTab(agendas(setup), setup.context.stakeholders,
                      lambda account_id: followup_for(setup.context, account_id),
                      followed_up=followed_up)
    shown.meeting.chime = lambda: setup.chimes.append("chime")
    qtbot.addWidget(shown)
    shown.resize(1300, 850)
    shown.show()
    qtbot.waitExposed(shown)
    shown.show_account(setup.account_id)
    return shown


def minutes_spin(tab: AgendaTab, row: int) -> QSpinBox:
    spin = tab.builder.table.cellWidget(row, 2)
    assert isinstance(spin, QSpinBox)
    return spin


def stored_agenda(setup: Setup) -> Any:
    return agendas(setup).agenda(setup.review_id).agenda


def run(tab: AgendaTab, setup: Setup, seconds: float) -> None:
    setup.clocks.advance(seconds)
    tab.meeting.tick()


def test_the_agenda_starts_from_the_tiers_template_and_edits_are_saved(
        tab: AgendaTab, setup: Setup) -> None:
    builder = tab.builder
    assert builder.table.rowCount() == 6  # Strategic: the 60-minute QBR
    assert "60 minutes, exactly the booked slot" in builder.summary.text()
    assert "72% of the discussion looks forward" in builder.summary.text()
    minutes_spin(tab, 3).setValue(35)  # strategic discussion 20 -> 35
    assert stored_agenda(setup).sections[3].minutes == 35
    assert "⚠ The sections add up to 75 minutes, 15 more than the 60-minute slot" in (
        builder.summary.text())
    builder.table.selectRow(5)
    QTest.mouseClick(builder.up_button, Qt.MouseButton.LeftButton)
    assert [s.key for s in stored_agenda(setup).sections][4:] == ["close", "action-planning"]
    QTest.mouseClick(builder.add_button, Qt.MouseButton.LeftButton)
    assert stored_agenda(setup).sections[-1].title == "Discussion"
    builder.table.selectRow(0)
    QTest.mouseClick(builder.remove_button, Qt.MouseButton.LeftButton)
    assert [s.key for s in stored_agenda(setup).sections][0] == "business-context"
    focus = builder.table.cellWidget(0, 3)
    assert isinstance(focus, QComboBox)
    builder.template_box.setCurrentText("Digital review (30 min)")
    asked: list[str] = []
    builder.ask = lambda question: asked.append(question) is not None  # "Cancel"
    QTest.mouseClick(builder.use_template, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "was edited" in asked[0]
    assert stored_agenda(setup).slot_minutes == 60  # the edits asked about are kept
    builder.ask = lambda question: asked.append(question) is None  # "Yes"
    QTest.mouseClick(builder.use_template, Qt.MouseButton.LeftButton)
    assert stored_agenda(setup).slot_minutes == 30 and builder.table.rowCount() == 5


def test_the_timer_runs_from_recorded_times_through_closing_and_overrun(
        tab: AgendaTab, setup: Setup) -> None:
    panel = tab.meeting
    tab.pages.setCurrentIndex(RUN)
    QTest.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert panel.section_title.text() == "Opening"
    assert panel.countdown.text() == "5:00" and panel.pace.text() == "On track"
    run(tab, setup, 4 * 60 + 10)  # 50 s left of 5 min: the last 20 %
    assert panel.countdown.text() == "0:50" and panel.pace.text() == "Closing"
    run(tab, setup, 110)  # a minute over
    assert panel.countdown.text() == "-1:00" and panel.pace.text() == "Overrun"
    assert "“Opening” is 1 min over" in panel.note.text()
    assert "shortened to 98%" in panel.note.text()
    assert tab.times.item(1, 2).text() == "9:50"  # 10 min × 54/55, rounded up  # type: ignore[union-attr]
    assert panel.meeting_left.text() == "Meeting: 54:00 left of 60 min"


def test_keys_pause_across_a_suspend_step_and_extend(tab: AgendaTab, setup: Setup) -> None:
    panel = tab.meeting
    tab.pages.setCurrentIndex(RUN)
    panel.start()
    panel.setFocus()
    run(tab, setup, 60)
    QTest.keyClick(panel, Qt.Key.Key_Space)
    assert panel.pace.text() == "Paused" and panel.pause_button.text() == "Resume"
    run(tab, setup, 3 * 3600)  # the laptop slept for three hours while paused
    assert panel.countdown.text() == "4:00"
    assert panel.meeting_left.text() == "Meeting: 59:00 left of 60 min"
    QTest.keyClick(panel, Qt.Key.Key_Space)
    QTest.keyClick(panel, Qt.Key.Key_Right)
    assert panel.section_title.text() == "Business context"
    QTest.keyClick(panel, Qt.Key.Key_Plus)
    assert panel.countdown.text() == "11:00"
    QTest.keyClick(panel, Qt.Key.Key_Plus, Qt.KeyboardModifier.ShiftModifier)
    assert panel.countdown.text() == "16:00"
    QTest.keyClick(panel, Qt.Key.Key_Left)
    assert panel.section_title.text() == "Opening"
    meeting = agendas(setup).meeting(setup.review_id)
    assert [e.kind.value for e in meeting.events] == [
        "start", "pause", "resume", "goto", "extend", "extend", "goto"]


def test_typing_in_notes_does_not_trigger_the_meeting_keys(qtbot: Any, tab: AgendaTab,
                                                           setup: Setup) -> None:
    tab.pages.setCurrentIndex(RUN)
    tab.meeting.start()
    tab.notes.edit.setFocus()
    QTest.keyClicks(tab.notes.edit, "We agreed a pilot ")
    tab.notes.edit.insertPlainText("in 東京 <b>&</b> 🚀")
    assert tab.meeting.state is not None and tab.meeting.state.phase.value == "running"
    qtbot.waitUntil(lambda: agendas(setup).agenda(setup.review_id).notes["opening"] == (
        "We agreed a pilot in 東京 <b>&</b> 🚀"), timeout=3000)


def test_the_presenter_view_goes_full_screen_on_the_room_screen_and_follows(
        qtbot: Any, tab: AgendaTab, setup: Setup) -> None:
    panel = tab.meeting
    screens = QGuiApplication.screens()
    assert panel.screen_box.count() == len(screens)
    panel.start()
    panel.open_presenter()
    presenter = panel.presenter
    assert presenter is not None
    qtbot.waitExposed(presenter)
    if len(screens) > 1:  # the offscreen test platform has a second, "projector", screen
        assert presenter.screen().name() == screens[-1].name()
        assert presenter.geometry() == screens[-1].geometry()
    assert presenter.isFullScreen()
    assert presenter.view is not None and presenter.view.countdown == "5:00"
    qtbot.wait(50)  # the first paint
    painted = presenter.repaints
    assert painted >= 1
    for _ in range(10):  # ten refreshes within the same second: nothing new to show
        run(tab, setup, 0.05)
        QGuiApplication.processEvents()
    assert presenter.repaints == painted
    run(tab, setup, 1)
    assert presenter.view.countdown == "4:59"
    QTest.keyClick(presenter, Qt.Key.Key_Right)  # the room window takes the keys too
    assert panel.section_title.text() == "Business context"
    assert presenter.view.title == "Business context"
    QTest.keyClick(presenter, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.presenter is None, timeout=3000)


def test_a_chime_sounds_at_two_minutes_left_and_at_the_end_once_each(
        tab: AgendaTab, setup: Setup) -> None:
    tab.meeting.sound_box.setChecked(True)
    tab.meeting.start()
    run(tab, setup, 170)  # 130 s left
    run(tab, setup, 15)  # 115 s left: the two-minute mark passed
    run(tab, setup, 10)
    assert setup.chimes == ["chime"]
    run(tab, setup, 200)  # past the end
    run(tab, setup, 5)
    assert setup.chimes == ["chime", "chime"]
    tab.meeting.sound_box.setChecked(False)
    tab.meeting.step(1)
    run(tab, setup, 9 * 60)
    assert setup.chimes == ["chime", "chime"]  # muted


def test_actions_check_in_and_the_follow_up_email(qtbot: Any, tab: AgendaTab, setup: Setup,
                                                  tmp_path: Path) -> None:
    tab.pages.setCurrentIndex(RUN)
    tab.meeting.start()
    tab.meeting.step(1)
    vera = tab.check_in.item(0)
    assert vera is not None and vera.text().startswith("★ Vera Sponsor")
    vera.setCheckState(Qt.CheckState.Checked)
    assert setup.context.plans.plan(setup.review_id).executives_confirmed
    quick = tab.quick_action
    quick.text_edit.setText("Send the <pilot> plan & pricing")
    quick.side_box.setCurrentIndex(1)
    quick.owner_edit.setText("Cai 蔡")
    QTest.keyClick(quick.text_edit, Qt.Key.Key_Return)
    items = setup.context.agendas.follow_up(setup.account_id).items
    assert [(i.text, i.side.value, i.owner, i.section) for i in items] == [
        ("Send the <pilot> plan & pricing", "theirs", "Cai 蔡", "Business context")]
    assert tab.actions_list.count() == 1 and quick.text_edit.text() == ""
    tab.meeting.finish()
    tab.pages.setCurrentIndex(2)
    assert tab.follow_up.summary.text() == "0 of 1 done (0%), which is below the 85% target."
    with qtbot.waitSignal(tab.follow_up_written, timeout=30000) as written:
        tab.write_follow_up_email(tmp_path / "follow-up.eml")
    out = written.args[0]
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    assert "Acme <R&D>" in str(message["Subject"])
    assert "Send the <pilot> plan & pricing" in message.get_body(  # type: ignore[union-attr]
        ("plain",)).get_content()


def test_the_recap_typed_for_the_attendees_is_kept_and_sent_without_the_notes(
        qtbot: Any, tab: AgendaTab, setup: Setup, tmp_path: Path) -> None:
    tab.pages.setCurrentIndex(RUN)
    tab.meeting.start()
    tab.notes.edit.setFocus()
    qtbot.keyClicks(tab.notes.edit, "Private: the VP joined from the airport")
    tab.notes.flush()
    tab.meeting.finish()
    tab.show_account(setup.account_id)  # the follow-up is about the meeting just held
    tab.pages.setCurrentIndex(2)
    recap = tab.follow_up.recap
    assert recap.isEnabled()
    recap.summary_edit.setFocus()
    type_text(recap.summary_edit, "Thanks for a frank hour <3 & 田中 🚀")
    QTest.keyClick(recap.summary_edit, Qt.Key.Key_Tab)  # Tab moves on; leaving saves
    assert recap.decisions_edit.hasFocus()
    qtbot.keyClicks(recap.decisions_edit, "Pilot in the EU first")
    QTest.keyClick(recap.decisions_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(recap.decisions_edit, "Renew for two years")
    qtbot.waitUntil(lambda: recap.status.text() == "Saved.", timeout=3000)
    stored = setup.context.agendas.recap(setup.review_id)
    assert stored.summary == "Thanks for a frank hour <3 & 田中 🚀"
    assert stored.decisions == ("Pilot in the EU first", "Renew for two years")
    with qtbot.waitSignal(tab.follow_up_written, timeout=30000) as written:
        tab.write_follow_up_email(tmp_path / "follow-up.eml")
    out = written.args[0]
    message = email.message_from_bytes(out.read_bytes(), policy=email.policy.default)
    plain = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Thanks for a frank hour <3 & 田中 🚀" in plain
    assert "  - Pilot in the EU first\n  - Renew for two years" in plain.replace("\r\n", "\n")
    assert "airport" not in out.read_text(encoding="utf-8", errors="replace")
    tab.show_account(setup.account_id)  # shown again: the stored text, as saved
    assert recap.summary_edit.toPlainText() == stored.summary


def test_a_restarted_app_resumes_the_meeting_where_it_was(qtbot: Any, tab: AgendaTab,
                                                          setup: Setup) -> None:
    tab.meeting.start()
    run(tab, setup, 90)
    tab.meeting.step(1)
    run(tab, setup, 30)
    tab.close()
    setup.clocks.advance(60)  # the app was down for a minute; the meeting went on
    again = make_tab(qtbot, setup)
    assert again.pages.currentIndex() == RUN  # a meeting under way opens where it runs
    assert again.meeting.section_title.text() == "Business context"
    assert again.meeting.countdown.text() == "8:30"
    assert again.meeting.meeting_left.text() == "Meeting: 57:00 left of 60 min"
    again.meeting.close_presenter()


def test_a_past_meeting_is_picked_to_see_how_it_ran(qtbot: Any, tab: AgendaTab,
                                                     setup: Setup) -> None:
    tab.meeting.start()
    run(tab, setup, 7 * 60)  # the opening took 7 of its 5 minutes
    tab.meeting.step(1)
    run(tab, setup, 60)
    tab.meeting.finish()
    later = setup.context.plans.schedule(setup.account_id, date(2027, 3, 10)).review_id
    tab.show_account(setup.account_id)
    assert tab.review_id == later  # the next QBR opens first
    assert tab.review_box.count() == 2
    assert tab.review_box.itemText(1).startswith("Thu 2026-12-10 10:00 ")
    assert tab.review_box.itemText(1).endswith(" · held")
    tab.review_box.setCurrentIndex(1)
    tab.review_box.activated.emit(1)
    assert tab.review_id == setup.review_id
    assert tab.meeting.section_title.text() == "Meeting closed"
    assert tab.meeting.meeting_left.text() == "Took 8:00 of the 60-minute slot"
    assert [tab.times.item(0, c).text() for c in (1, 3, 4)] == [  # type: ignore[union-attr]
        "5:00", "7:00", "2:00 over"]


def test_a_due_date_typed_for_an_action_is_stored_and_a_part_of_one_is_explained(
        qtbot: Any, tab: AgendaTab, setup: Setup) -> None:
    tab.pages.setCurrentIndex(RUN)
    tab.activateWindow()
    assert QTest.qWaitForWindowActive(tab, 5000)
    quick = tab.quick_action

    def type_due(text: str) -> None:
        quick.due_edit.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(quick.due_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(quick.due_edit, text)
        QTest.keyClick(quick.due_edit, Qt.Key.Key_Tab)

    quick.text_edit.setFocus()
    QTest.keyClicks(quick.text_edit, "Send the pilot plan")
    type_due("2027-01")
    QTest.keyClick(quick.text_edit, Qt.Key.Key_Return)
    assert setup.context.agendas.follow_up(setup.account_id).items == ()
    assert "“2027-01” is not a whole date" in quick.problem.text()
    assert quick.problem.isVisibleTo(tab)
    type_due("2027-01-15")
    QTest.keyClick(quick.text_edit, Qt.Key.Key_Return)
    items = setup.context.agendas.follow_up(setup.account_id).items
    assert [(i.text, i.due) for i in items] == [("Send the pilot plan", date(2027, 1, 15))]


def test_every_agenda_column_shows_its_whole_choice_at_1366_by_768(
        qtbot: Any, open_window: Any) -> None:
    from PySide6.QtWidgets import QAbstractSpinBox

    from qbr_desktop.gui.tabs import AccountTab

    window = open_window(seed=True)
    context = window.context
    ids = {a.name: a.id for a in context.accounts.list_accounts()}
    context.plans.schedule(ids["Bluefin Health"], date(2027, 1, 12))
    window.list_panel.select_account(ids["Acme Logistics"])
    window.show_account_tab(AccountTab.MEETING)
    builder = window.agenda_tab.builder
    qtbot.waitUntil(lambda: builder.table.rowCount() > 0, timeout=10000)
    # Another account's agenda, filled in while the table is on screen.
    window.list_panel.select_account(ids["Bluefin Health"])
    qtbot.waitUntil(lambda: "Bluefin" in window.agenda_tab.heading.text(), timeout=10000)
    qtbot.wait(50)
    table = builder.table
    cut = []
    for row in range(table.rowCount()):
        for column in range(1, table.columnCount()):
            cell = table.cellWidget(row, column)
            assert isinstance(cell, QComboBox | QAbstractSpinBox)
            if cell.width() < cell.sizeHint().width():
                text = cell.currentText() if isinstance(cell, QComboBox) else cell.text()
                cut.append((row, column, text, cell.width(), cell.sizeHint().width()))
    assert cut == []
    loose = [box for box in builder.findChildren(QComboBox)
             if box.isVisible() and not table.isAncestorOf(box)]
    assert loose == [builder.template_box, builder.target_box]  # nothing stray on top
    header = table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(table.columnCount())) <= \
        table.viewport().width()  # no sideways scrolling to reach a column


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip, offscreen
def test_a_title_cut_short_shows_whole_in_its_tooltip_and_a_short_one_does_not(
        qtbot: Any, tab: AgendaTab, setup: Setup) -> None:
    from dataclasses import replace

    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    service = agendas(setup)
    agenda = service.agenda(setup.review_id).agenda
    long_title = "Roadmap preview:" + " integrations, single sign-on and regional hosting" * 3
    sections = (replace(agenda.sections[0], title=long_title), *agenda.sections[1:])
    tab.builder.show_agenda(service.save_agenda(setup.review_id, replace(
        agenda, sections=sections)))
    tab.resize(1000, 850)  # the Meeting tab beside the account list at 1366 × 768
    qtbot.wait(20)
    table = tab.builder.table

    def tip(row: int) -> str:
        QToolTip.hideText()
        centre = table.visualItemRect(table.item(row, 0)).center()
        QApplication.sendEvent(table.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, centre, table.viewport().mapToGlobal(centre)))
        return QToolTip.text()

    first, second = tip(0), tip(1)
    assert first.startswith(long_title.strip())
    assert agenda.sections[0].prompt in first
    assert second == agenda.sections[1].prompt  # short enough to read in the cell
    assert table.item(0, 0).text() == long_title  # stored whole, cut only on screen


def test_the_builder_shows_no_stray_boxes_of_its_own(qtbot: Any, setup: Setup) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from qbr_desktop.gui.agenda.agenda_builder import AgendaBuilder

    builder = AgendaBuilder(agendas(setup))
    qtbot.addWidget(builder)
    builder.show()
    QApplication.processEvents()  # as the app's first turns of the loop: no deferred deletes
    own = {builder.template_box, builder.use_template, builder.slot_spin, builder.target_box,
           builder.table, builder.add_button, builder.remove_button, builder.up_button,
           builder.down_button, builder.summary}
    shown = [child for child in builder.findChildren(QWidget)
             if child.parentWidget() is builder and child.isVisible()]
    assert set(shown) <= own

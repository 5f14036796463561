"""The account's Meeting tab: build the agenda, run the meeting, follow up afterwards.

It works on the review the service picks for the account: the next planned QBR, or one
whose meeting is under way, or else the latest one held."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.actions import ActionItem
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.meeting_timer import Phase, TimerState
from qbr_desktop.domain.stakeholders import Attendance
from qbr_desktop.gui.agenda.agenda_builder import AgendaBuilder
from qbr_desktop.gui.agenda.capture_views import (
    CheckIn,
    NotesEditor,
    QuickAction,
    SectionTimes,
    notes_of,
)
from qbr_desktop.gui.agenda.follow_up_view import FollowUpView
from qbr_desktop.gui.agenda.meeting_panel import MeetingPanel
from qbr_desktop.gui.attempt import attempt
from qbr_desktop.gui.programme.review_card import ReviewCardView
from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.worker import Worker, start_task
from qbr_desktop.i18n import ui_label
from qbr_desktop.services.agendas import local_time
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.agendas import AgendaService
    from qbr_desktop.services.programme import ProgrammeService
    from qbr_desktop.services.stakeholders import StakeholderService

BUILD, RUN, FOLLOW_UP, REVIEW_CARD = range(4)


class AgendaTab(QWidget):
    # The account's meeting data changed (saved agenda, a control, an action): account id.
    changed = Signal(int)
    # The follow-up email draft was written: the file.
    follow_up_written = Signal(Path)

    def __init__(self, agendas: AgendaService, stakeholders: StakeholderService,
                 email_for: Callable[[int], EmailMessage],
                 parent: QWidget | None = None, *,
                 followed_up: Callable[[int], int | None] | None = None,
                 programme: ProgrammeService | None = None) -> None:
        """`email_for` drafts an account's follow-up email and `followed_up` names the review
        it is about (services/followup.py); with `programme`, a review card page records
        how a held QBR went."""
        super().__init__(parent)
        self.agendas, self.stakeholders, self.email_for = agendas, stakeholders, email_for
        self.account_id: int | None = None
        self.review_id: int | None = None
        self._shown_index = -1
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setObjectName("meetingHeading")
        self.review_box = QComboBox(self)
        self.review_box.setAccessibleName(translate("AgendaTab", "QBR"))
        self.review_box.setToolTip(translate("AgendaTab",
                                             "The next QBR opens first; pick a past one to see "
                                             "how it ran"))
        self.review_box.activated.connect(self._review_picked)
        self.builder = AgendaBuilder(agendas, self)
        self.meeting = MeetingPanel(agendas, self)
        self.times = SectionTimes(self)
        self.notes = NotesEditor(self)
        self.check_in = CheckIn(self)
        self.quick_action = QuickAction(self)
        self.actions_list = QListWidget(self)
        self.actions_list.setAccessibleName(translate("AgendaTab", "This meeting's action items"))
        self.follow_up = FollowUpView(agendas, followed_up, self)
        self.programme = programme
        self.card = ReviewCardView(programme, self) if programme is not None else None
        self.message = QLabel(self)
        self.message.setProperty("class", "fieldError")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()
        self._build()
        self._connect()
        self.setEnabled(False)

    def _build(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.times, 2)
        left_layout.addWidget(self.notes, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(translate("AgendaTab", "Who is here"), right))
        right_layout.addWidget(self.check_in, 2)
        right_layout.addWidget(QLabel(translate("AgendaTab", "Action items from this meeting"),
                                      right))
        right_layout.addWidget(self.quick_action)
        right_layout.addWidget(self.actions_list, 1)
        capture = QSplitter(self)
        capture.addWidget(left)
        capture.addWidget(right)
        capture.setStretchFactor(0, 3)
        capture.setStretchFactor(1, 2)
        run = QWidget(self)
        run_layout = QVBoxLayout(run)
        run_layout.addWidget(self.meeting)
        run_layout.addWidget(capture, 1)
        # The running meeting scrolls on its own: once laid out it asks for more height
        # than a laptop has, and as a page of the tab widget it would make the Agenda and
        # Follow-up pages that tall too, with Follow-up email… below the window's edge.
        run_page = QScrollArea(self)
        run_page.setWidgetResizable(True)
        run_page.setFrameShape(QFrame.Shape.NoFrame)
        run_page.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields
        run_page.setWidget(run)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.builder, translate("AgendaTab", "Agenda"))
        self.pages.addTab(run_page, translate("AgendaTab", "Run the meeting"))
        self.pages.addTab(self.follow_up, translate("AgendaTab", "Follow-up"))
        if self.card is not None:
            self.pages.addTab(self.card, translate("AgendaTab", "Review card"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.heading, 1)
        heading.addWidget(QLabel(translate("AgendaTab", "QBR:"), self))
        heading.addWidget(self.review_box)
        layout.addLayout(heading)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)

    def _connect(self) -> None:
        self.builder.saved.connect(self._agenda_saved)
        self.meeting.state_changed.connect(self._state_changed)
        self.meeting.meeting_changed.connect(lambda _id: self._changed())
        self.times.itemSelectionChanged.connect(self._section_picked)
        self.notes.save_requested.connect(self._save_note)
        self.check_in.changed.connect(self._checked_in)
        self.quick_action.add_requested.connect(self._add_action)
        self.follow_up.email_requested.connect(self.ask_follow_up_email)
        self.pages.currentChanged.connect(self._page_changed)
        if self.card is not None:
            self.card.saved.connect(lambda _id: self._changed())

    # Loading -----------------------------------------------------------------------------
    def show_account(self, account_id: int, review_id: int | None = None) -> None:
        """The account's meeting: the chosen review, else the one the service picks."""
        self.notes.flush()
        self.follow_up.recap.flush()
        self.account_id = account_id
        self.setEnabled(True)
        try:
            self.review_id = review_id or self.agendas.review_for(account_id)
            review = self.agendas.agenda(self.review_id)
            choices = self.agendas.reviews(account_id)
        except (DomainError, StoreError) as exc:
            self.review_id = None
            self.heading.setText(str(exc))
            for page in (BUILD, RUN):
                self.pages.setTabEnabled(page, False)
            self.follow_up.show_account(account_id)
            self.pages.setCurrentIndex(FOLLOW_UP)
            return
        for page in (BUILD, RUN):
            self.pages.setTabEnabled(page, True)
        self.heading.setText(translate("AgendaTab",
                                       "{account_name} — QBR {scheduled_at} "
                                       "({status})").format(
            account_name=review.account_name, status=ui_label(review.status.label),
            scheduled_at=local_time(review.scheduled_at, review.time_zone)))
        self.review_box.clear()
        for choice_id, words in choices:
            self.review_box.addItem(words, choice_id)
        self.review_box.setCurrentIndex(self.review_box.findData(self.review_id))
        self.builder.show_agenda(review)
        self._shown_index = -1
        self.meeting.show_review(self.review_id)
        self._show_people()
        self._show_actions()
        self.follow_up.show_account(account_id)
        if self.meeting.state is not None and self.meeting.state.phase in (
                Phase.RUNNING, Phase.PAUSED):
            self.pages.setCurrentIndex(RUN)  # a meeting under way comes back where it was
        elif self.pages.currentIndex() == REVIEW_CARD:
            self._show_card()

    def _review_picked(self, _index: int) -> None:
        chosen = self.review_box.currentData()
        if self.account_id is not None and chosen is not None and chosen != self.review_id:
            self.meeting.close_presenter()
            self.show_account(self.account_id, int(chosen))

    def _show_people(self) -> None:
        if self.account_id is None or self.review_id is None:
            return
        try:
            people = list(self.stakeholders.map(self.account_id).people)
            entries = self.stakeholders.attendance(self.review_id)
        except (DomainError, StoreError) as exc:
            self.show_message(str(exc))
            return
        self.check_in.show_people(people, entries)

    def _show_actions(self) -> None:
        if self.account_id is None:
            return
        tracker = self.agendas.follow_up(self.account_id)
        self.actions_list.clear()
        for item in tracker.items:
            if item.review_id == self.review_id:
                whose = "ours" if item.side.value == "ours" else "theirs"
                due = translate("AgendaTab", ", due {due}").format(due=item.due) if item.due else ""
                owner = f" — {item.owner}" if item.owner else ""
                self.actions_list.addItem(f"[{whose}] {item.text}{owner}{due}")

    # Reacting ----------------------------------------------------------------------------
    def _agenda_saved(self, review_id: int) -> None:
        self.meeting.show_review(review_id)  # the timer follows the new sections
        self._changed()

    def _state_changed(self, state: TimerState) -> None:
        self.times.show_state(state)
        # The notes follow the meeting to each new section; in between, the CSM may pick
        # another section's notes and keep them open.
        if state.sections and (state.index != self._shown_index
                               or self.times.selected_key() is None):
            self._shown_index = state.index
            self.times.selectRow(state.index)

    def _section_picked(self) -> None:
        key = self.times.selected_key()
        meeting = self.meeting.meeting
        if meeting is None:
            return
        try:
            review = self.agendas.agenda(meeting.agenda.review_id)
        except (DomainError, StoreError) as exc:
            self.show_message(str(exc))
            return
        title, text = notes_of(review, key)
        self.notes.show_section(key, title, text)

    def _save_note(self, key: str, text: str) -> None:
        if self.review_id is not None:
            seen = self.notes.base  # a colleague's notes saved since are merged with these
            stored = self._safely(lambda: self.agendas.set_note(self.review_id or 0, key,
                                                                text, seen=seen))
            if isinstance(stored, str):
                self.notes.saved(key, stored)

    def _checked_in(self, entry: Attendance) -> None:
        if self.review_id is not None:
            seen = self.check_in.before
            self._safely(lambda: self.stakeholders.set_attendance(self.review_id or 0, entry,
                                                                  seen=seen))

    def _add_action(self, item: ActionItem) -> None:
        if self.account_id is None:
            return
        state = self.meeting.state
        section = state.current.title if state and state.current and state.phase in (
            Phase.RUNNING, Phase.PAUSED, Phase.FINISHED) else ""
        added = self._safely(lambda: self.agendas.add_action(
            self.account_id or 0, replace(item, review_id=self.review_id, section=section)))
        if added:
            self.quick_action.added()
            self._show_actions()
            self.follow_up.show_account(self.account_id)
            self._changed()
        else:
            self.quick_action.show_problem(self.message.text())

    def _page_changed(self, index: int) -> None:
        self.notes.flush()
        if index == FOLLOW_UP and self.account_id is not None:
            self.follow_up.show_account(self.account_id)
        if index == REVIEW_CARD:
            self._show_card()

    def _show_card(self, review_id: int | None = None) -> None:
        """The card of `review_id`, else of the review on view once it has begun, else of
        the account's latest QBR."""
        if self.card is None or self.programme is None or self.account_id is None:
            return
        chosen: int | None = review_id
        if chosen is None:
            try:
                chosen = self.programme.card_review_for(self.account_id, self.review_id)
            except (DomainError, StoreError) as exc:
                self.show_message(str(exc))
                return
        self.card.show_review(chosen)

    def show_review_card(self, account_id: int, review_id: int) -> None:
        """Open the card of one review (from the programme view)."""
        if self.card is None:
            return
        self.show_account(account_id, review_id)
        self.pages.setCurrentIndex(REVIEW_CARD)
        self._show_card(review_id)

    def _changed(self) -> None:
        if self.account_id is not None:
            self.changed.emit(self.account_id)

    # Follow-up email ---------------------------------------------------------------------
    def ask_follow_up_email(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.account_id is None:
            return
        name = self.heading.text().split(" — ")[0].replace("/", "-") or "QBR"
        path, _ = QFileDialog.getSaveFileName(self,
                                              translate("AgendaTab",
                                                        "Save the follow-up email draft"),
                                              str(Path.home() / translate("AgendaTab",
                                                                          "{name} – "
                                                                          "follow-up.eml").format(name=name)),
                                              translate("AgendaTab", "Email draft (*.eml)"))
        if path:
            self.write_follow_up_email(Path(path))

    def write_follow_up_email(self, path: Path) -> Worker | None:
        """Draft and write the email off the GUI thread; `follow_up_written` reports it."""
        from qbr_desktop.exports.followup_eml import write_followup

        if self.account_id is None:
            return None
        self.follow_up.recap.flush()
        account_id, email_for = self.account_id, self.email_for
        self.follow_up.email_button.setEnabled(False)
        self.follow_up.message.setText(translate("AgendaTab", "Writing the follow-up email…"))
        return start_task(lambda: write_followup(email_for(account_id), path),
                          self._follow_up_written, self._follow_up_failed,
                          translate("AgendaTab", "writing the follow-up email"))

    def _follow_up_written(self, path: Path) -> None:
        self.follow_up.email_button.setEnabled(True)
        self.follow_up.message.setText(translate("AgendaTab",
                                                 "Saved {path}: open it to review and "
                                                 "send.").format(path=path))
        self.follow_up_written.emit(path)

    def _follow_up_failed(self, message: str) -> None:
        self.follow_up.email_button.setEnabled(True)
        self.follow_up.message.setText("")
        self.show_message(message)

    # Messages ----------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _safely(self, action: Callable[[], object]) -> object:
        """Run a change; a refusal is shown above the view (and returns False)."""
        return attempt(action, self.show_message)

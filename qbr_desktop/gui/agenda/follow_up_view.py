"""After the meeting: the account's commitments, ours and theirs, until they are done, and
what the CSM writes for the attendees' follow-up email.

The completion share is held against the reference's 85 % execution target; overdue items
are marked. Status changes are saved as they are picked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.actions import EXECUTION_TARGET, ActionItem, ActionStatus, FollowUp
from qbr_desktop.domain.agenda import TEMPLATES
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.gui.agenda.recap_editor import RecapEditor
from qbr_desktop.gui.edit_conflicts import save_over
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import available_languages, catalogue, interface_language
from qbr_desktop.services.agendas import local_time
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.agendas import AgendaService

COLUMNS = (QT_TRANSLATE_NOOP("follow_up_view", "Action"),
           QT_TRANSLATE_NOOP("follow_up_view", "Whose"),
           QT_TRANSLATE_NOOP("follow_up_view", "Owner"),
           QT_TRANSLATE_NOOP("follow_up_view", "Due"), QT_TRANSLATE_NOOP("follow_up_view", "From"),
           QT_TRANSLATE_NOOP("follow_up_view", "Status"))
# An action's status as the combo box offers it (stored as the enum's English value).
STATUS_TEXT = {ActionStatus.OPEN: QT_TRANSLATE_NOOP("follow_up_view", "Open"),
               ActionStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("follow_up_view", "In progress"),
               ActionStatus.DONE: QT_TRANSLATE_NOOP("follow_up_view", "Done"),
               ActionStatus.DROPPED: QT_TRANSLATE_NOOP("follow_up_view", "Dropped")}
OVERDUE_COLOUR = "#c62828"


@cache
def _section_titles(language: str) -> dict[str, str]:
    """Each built-in agenda section's title, as any template words it in any shipped
    language, to its title in `language` (a title two sections share in one language but
    not in `language` is left out: it cannot be told which it is)."""
    shown: dict[str, str] = {}
    ambiguous: set[str] = set()
    target = catalogue(language)
    for code in available_languages():
        book = catalogue(code)
        for agenda in TEMPLATES.values():
            for section in agenda.sections:
                stored, wanted = book.gettext(section.title), target.gettext(section.title)
                if shown.setdefault(stored, wanted) != wanted:
                    ambiguous.add(stored)
    return {title: words for title, words in shown.items() if title not in ambiguous}


def shown_section(title: str) -> str:
    """An action's agenda section as the window shows it: a built-in section's title as
    stored (in the language its agenda was made in) reads in the interface language; a title
    the CSM typed or edited is shown as typed."""
    return _section_titles(interface_language()).get(title, title)


class FollowUpView(QWidget):
    # The CSM asked for the follow-up email draft.
    email_requested = Signal()

    def __init__(self, service: AgendaService,
                 followed_up: Callable[[int], int | None] | None = None,
                 parent: QWidget | None = None) -> None:
        """`followed_up` names the review an account's follow-up email is about (None when
        no QBR has taken place); the recap edited here is that review's."""
        super().__init__(parent)
        self.service = service
        self.followed_up = followed_up or service.review_for
        self.account_id: int | None = None
        self.tracker: FollowUp | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("followUpSummary")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([translate("follow_up_view", c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.remove_button = QPushButton(translate("FollowUpView", "Remove action"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.email_button = QPushButton(translate("FollowUpView", "Follow-up email…"), self)
        self.email_button.setToolTip(translate("FollowUpView",
                                               "A draft with the recap and the action items "
                                               "(.eml), "
                                     "addressed to the attendees"))
        self.email_button.clicked.connect(self.email_requested)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.recap = RecapEditor(service, self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.email_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.recap)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def show_account(self, account_id: int) -> None:
        self.account_id = account_id
        self._show_recap(account_id)
        try:
            self.tracker = self.service.follow_up(account_id)
        except (DomainError, StoreError) as exc:
            self.summary.setText(translate("FollowUpView",
                                           "Could not read the action items: "
                                           "{exc}").format(exc=exc))
            return
        self._fill(self.tracker, self.service.today())

    def _show_recap(self, account_id: int) -> None:
        try:
            review_id = self.followed_up(account_id)
            if review_id is None:
                self.recap.show_review(None)
                return
            agenda = self.service.agenda(review_id)
        except (DomainError, StoreError):
            self.recap.show_review(None)
            return
        self.recap.show_review(review_id, local_time(agenda.scheduled_at, agenda.time_zone))

    def _fill(self, tracker: FollowUp, today: date) -> None:
        if tracker.completion is None:
            self.summary.setText(translate("FollowUpView",
                                           "No action items yet: add them during the meeting, on "
                                           "the "
                                 "Run the meeting tab."))
        else:
            percent = int((tracker.completion * 100).to_integral_value())
            target = int(EXECUTION_TARGET * 100)
            verdict = (translate("FollowUpView", "meets") if tracker.meets_target
                       else translate("FollowUpView", "is below"))
            overdue = (translate("FollowUpView", "; {overdue} overdue").format(
                overdue=tracker.overdue) if tracker.overdue else "")
            self.summary.setText(translate("FollowUpView",
                                           "{done} of {counted} done ({percent}%), which "
                                           "{verdict} the {target}% "
                                           "target{overdue}.").format(done=tracker.done,
                                                                      counted=tracker.counted,
                                                                      percent=percent,
                                                                      verdict=verdict,
                                                                      target=target,
                                                                      overdue=overdue))
        self.table.setRowCount(len(tracker.items))
        for row, item in enumerate(tracker.items):
            late = item.overdue(today)
            due = "" if item.due is None else item.due.isoformat() + (translate(
                "FollowUpView", " (overdue)") if late
                                                                        else "")
            whose = translate("FollowUpView",
                              "Ours") if item.side.value == "ours" else translate(
                                  "FollowUpView", "Theirs")
            for column, text in enumerate((item.text, whose, item.owner, due,
                                           shown_section(item.section))):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                if late and column == 3:
                    cell.setForeground(QColor(OVERDUE_COLOUR))
                self.table.setItem(row, column, cell)
            status = QComboBox(self.table)
            for value in ActionStatus:
                status.addItem(translate("follow_up_view", STATUS_TEXT[value]), value.value)
            status.setCurrentIndex(status.findData(item.status.value))
            status.activated.connect(lambda _i, it=item, box=status: self._status_picked(it, box))
            self.table.setCellWidget(row, 5, status)

    def _status_picked(self, item: ActionItem, box: QComboBox) -> None:
        changed = replace(item, status=ActionStatus(box.currentData()))
        try:  # over the item as shown: a colleague's newer change is reloaded or replaced
            save_over(self, lambda: self.service.update_action(changed, seen=item),
                      lambda: self.service.update_action(changed))
        except (DomainError, StoreError) as exc:
            self.message.setText(str(exc))
            return
        if self.account_id is not None:
            self.show_account(self.account_id)

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        cell = self.table.item(row, 0) if row >= 0 else None
        if cell is None:
            return
        try:
            self.service.remove_action(int(cell.data(Qt.ItemDataRole.UserRole)))
        except (DomainError, StoreError) as exc:
            self.message.setText(str(exc))
            return
        if self.account_id is not None:
            self.show_account(self.account_id)

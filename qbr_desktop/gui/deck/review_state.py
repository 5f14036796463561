"""The deck's way to the CS manager, on the Deck tab: its state with who and when, the
reviewer it is handed to, and the buttons that hand it over ("Ready for review"), approve
it, send it back with a reason ("Request changes") or take it back to a draft.

Who presses a button is the person working (their name from the first run or
`qbr whoami`), as the state then says. A state someone else set since the tab showed it
is never replaced unseen: the CSM reloads theirs or keeps their own.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.deck_review import REASON_LIMIT, DeckReview, DeckState, Reviewer
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.gui.edit_conflicts import KeepMine, ask_keep_mine
from qbr_desktop.gui.labels import text_label
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_text
from qbr_desktop.store.errors import EditConflictError, StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.deck_reviews import DeckReviewService

NO_ONE = QT_TRANSLATE_NOOP("DeckReviewBar", "No one (a checklist)")


def local_moment(moment: datetime) -> str:
    """A stored moment in this computer's time zone, in the window's date and time format,
    with the zone's name: '2026/12/2 22:05 CST', '12/2/26 2:05 PM CET'."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    local = aware.astimezone()
    shown = QDateTime.fromSecsSinceEpoch(int(aware.timestamp()))
    locale = QLocale()
    words = locale.toString(shown, locale.dateTimeFormat(QLocale.FormatType.ShortFormat))
    return f"{words} {local.tzname() or ''}".strip()


def review_words(review: DeckReview) -> str:
    """The review's state in the window's language, its time in the window's format."""
    return ui_text(review.summary_message(local_moment))


class DeckReviewBar(QWidget):
    # The deck's state changed: account id.
    changed = Signal(int)

    def __init__(self, service: DeckReviewService, parent: QWidget | None = None, *,
                 keep_mine: KeepMine | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.keep_mine = keep_mine or (lambda conflict: ask_keep_mine(self, conflict))
        self.account_id: int | None = None
        self.review = DeckReview()
        self.state_label = text_label(name="deckReviewState")
        self.reviewer_box = QComboBox(self)
        self.reviewer_box.setAccessibleName(translate("DeckReviewBar", "Reviewer"))
        self.reviewer_box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.reviewer_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reviewer_box.setMinimumContentsLength(14)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setAccessibleName(translate("DeckReviewBar", "What should change"))
        self.reason_edit.setPlaceholderText(
            translate("DeckReviewBar", "What should change (to send it back)"))
        self.reason_edit.setMaxLength(REASON_LIMIT)
        self.buttons = {state: QPushButton(text, self) for state, text in (
            (DeckState.READY, translate("DeckReviewBar", "Ready for review")),
            (DeckState.DRAFT, translate("DeckReviewBar", "Back to draft")),
            (DeckState.APPROVED, translate("DeckReviewBar", "Approve")),
            (DeckState.CHANGES, translate("DeckReviewBar", "Request changes")))}
        for state, button in self.buttons.items():
            button.clicked.connect(lambda _c=False, s=state: self.mark(s))
        self.reason_edit.textChanged.connect(lambda _t: self._enable())
        self._lay_out()

    def _lay_out(self) -> None:
        # The state on a line of its own: "approved by … on …" needs the width. The CSM's
        # controls on the next, the reviewer's below.
        handing = QHBoxLayout()
        label = QLabel(translate("DeckReviewBar", "Re&viewer:"), self)
        label.setBuddy(self.reviewer_box)
        handing.addWidget(label)
        handing.addWidget(self.reviewer_box, 1)
        handing.addWidget(self.buttons[DeckState.READY])
        handing.addWidget(self.buttons[DeckState.DRAFT])
        reviewing = QHBoxLayout()
        reviewing.addWidget(self.reason_edit, 1)
        reviewing.addWidget(self.buttons[DeckState.CHANGES])
        reviewing.addWidget(self.buttons[DeckState.APPROVED])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label)
        layout.addLayout(handing)
        layout.addLayout(reviewing)

    @property
    def focus_chain(self) -> list[QWidget]:
        return [self.reviewer_box, self.buttons[DeckState.READY],
                self.buttons[DeckState.DRAFT], self.reason_edit,
                self.buttons[DeckState.CHANGES], self.buttons[DeckState.APPROVED]]

    def show_account(self, account_id: int) -> None:
        self.account_id = account_id
        try:
            review = self.service.deck_review(account_id)
            self._fill_reviewers(self.service.team_members(), review.reviewer if
                                 review.state is DeckState.READY
                                 else self.service.last_reviewer())
        except (DomainError, StoreError) as exc:
            self.state_label.setText(translate("DeckReviewBar",
                                               "Review state not read: {exc}").format(exc=exc))
            return
        self.show_review(review)

    def _fill_reviewers(self, team: list[Reviewer], chosen: Reviewer | None) -> None:
        self.reviewer_box.clear()
        self.reviewer_box.addItem(translate("DeckReviewBar", NO_ONE), None)
        for member in team:
            self.reviewer_box.addItem(member.name, member.id)
        found = self.reviewer_box.findData(chosen.id) if chosen is not None else 0
        self.reviewer_box.setCurrentIndex(max(0, found))

    def show_review(self, review: DeckReview) -> None:
        self.review = review
        self.state_label.setText(translate("DeckReviewBar", "Manager review: {summary}").format(
            summary=review_words(review)))
        self._enable()

    def _enable(self) -> None:
        review, ready = self.review, self.review.state is DeckState.READY
        self.buttons[DeckState.READY].setEnabled(not ready or review.changed_since)
        self.buttons[DeckState.APPROVED].setEnabled(review.state is not DeckState.APPROVED
                                                    or review.changed_since)
        self.buttons[DeckState.CHANGES].setEnabled(ready and bool(
            self.reason_edit.text().strip()))
        self.buttons[DeckState.DRAFT].setEnabled(review.state is not DeckState.DRAFT)

    def mark(self, state: DeckState) -> None:
        if self.account_id is None:
            return
        reason = self.reason_edit.text() if state is DeckState.CHANGES else ""
        reviewer = self.reviewer_box.currentData()
        try:
            try:
                review = self.service.mark_deck(self.account_id, state, reviewer=reviewer,
                                                reason=reason,
                                                expected_version=self.review.version)
            except EditConflictError as conflict:
                if not self.keep_mine(conflict):
                    self.show_account(self.account_id)  # theirs, shown
                    return
                review = self.service.mark_deck(self.account_id, state, reviewer=reviewer,
                                                reason=reason)
        except (DomainError, StoreError) as exc:
            self.state_label.setText(translate("DeckReviewBar", "Not saved: {exc}").format(exc=exc))
            return
        if state is DeckState.CHANGES:
            self.reason_edit.clear()
        self.show_review(review)
        self.changed.emit(self.account_id)

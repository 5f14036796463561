"""The deck's way to the CS manager, on the Deck tab: its state with who and when, and the
buttons that hand it over ("Ready for review"), approve it, or take it back to a draft."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from qbr_desktop.domain.deck_review import DeckReview, DeckState
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.gui.labels import text_label
from qbr_desktop.gui.translation import translate
from qbr_desktop.services.programme import user_name
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.programme import ProgrammeService


class DeckReviewBar(QWidget):
    #: The deck's state changed: account id.
    changed = Signal(int)

    def __init__(self, programme: ProgrammeService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.programme = programme
        self.account_id: int | None = None
        self.review = DeckReview()
        self.state_label = text_label(name="deckReviewState")
        self.by_edit = QLineEdit(user_name(), self)
        self.by_edit.setAccessibleName(translate("DeckReviewBar", "Your name"))
        self.by_edit.setPlaceholderText(translate("DeckReviewBar", "Your name"))
        self.by_edit.setMaxLength(200)
        self.buttons = {state: QPushButton(text, self) for state, text in (
            (DeckState.READY, translate("DeckReviewBar", "Ready for review")),
            (DeckState.APPROVED, translate("DeckReviewBar", "Approve")),
            (DeckState.DRAFT, translate("DeckReviewBar", "Back to draft")))}
        for state, button in self.buttons.items():
            button.clicked.connect(lambda _c=False, s=state: self.mark(s))
        # The state on a line of its own: "approved by … on …" needs the width.
        row = QHBoxLayout()
        row.addWidget(self.by_edit, 1)
        for button in self.buttons.values():
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label)
        layout.addLayout(row)

    @property
    def focus_chain(self) -> list[QWidget]:
        return [self.by_edit, *self.buttons.values()]

    def show_account(self, account_id: int) -> None:
        self.account_id = account_id
        try:
            self.show_review(self.programme.deck_review(account_id))
        except (DomainError, StoreError) as exc:
            self.state_label.setText(translate("DeckReviewBar",
                                               "Review state not read: {exc}").format(exc=exc))

    def show_review(self, review: DeckReview) -> None:
        self.review = review
        self.state_label.setText(translate("DeckReviewBar", "Manager review: ") + review.summary())
        self.buttons[DeckState.READY].setEnabled(review.state is not DeckState.READY
                                                 or review.changed_since)
        self.buttons[DeckState.APPROVED].setEnabled(review.state is not DeckState.APPROVED
                                                    or review.changed_since)
        self.buttons[DeckState.DRAFT].setEnabled(review.state is not DeckState.DRAFT)

    def mark(self, state: DeckState) -> None:
        if self.account_id is None:
            return
        try:
            review = self.programme.mark_deck(self.account_id, state, by=self.by_edit.text())
        except (DomainError, StoreError) as exc:
            self.state_label.setText(translate("DeckReviewBar", "Not saved: {exc}").format(exc=exc))
            return
        self.show_review(review)
        self.changed.emit(self.account_id)

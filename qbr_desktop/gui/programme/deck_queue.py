"""The decks waiting for my review, in the programme view: which account, whose, when its
QBR is and since when the deck waits. Double-click (or Enter on) a deck to open the
account's Deck tab, where it is approved or sent back.

On a team server these are the decks handed to me; in a single-user portfolio also those
handed to no one (the states then work as the CSM's own checklist).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.gui.deck.review_state import review_words
from qbr_desktop.gui.labels import text_label
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.gui.worker import Worker, start_task

if TYPE_CHECKING:
    from qbr_desktop.domain.deck_review import WaitingDeck
    from qbr_desktop.services.deck_reviews import DeckReviewService

COLUMNS = (QT_TRANSLATE_NOOP("DeckQueue", "Account"), QT_TRANSLATE_NOOP("DeckQueue", "CSM"),
           QT_TRANSLATE_NOOP("DeckQueue", "QBR on"),
           QT_TRANSLATE_NOOP("DeckQueue", "Waiting since"))
ROWS_SHOWN = 3  # at least this many rows in view; more scroll


class DeckQueue(QWidget):
    # A deck was opened: the account id.
    deck_activated = Signal(int)
    # A fresh queue is on show (the list of WaitingDeck).
    queue_shown = Signal(object)

    def __init__(self, service: DeckReviewService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.task: Worker | None = None
        self.decks: list[WaitingDeck] = []
        self.heading = text_label(translate("DeckQueue", "Waiting for my review"), name="h3")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName(translate("DeckQueue", "Decks waiting for my review"))
        self.table.setHorizontalHeaderLabels([translate("DeckQueue", name) for name in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # whole in the tooltip
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(header.sizeHint().height() + rows * ROWS_SHOWN
                                    + 2 * self.table.frameWidth())
        self.table.itemActivated.connect(self._opened)  # a double-click, or Enter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)

    def refresh(self) -> Worker:
        """Read the queue off the GUI thread."""
        self.task = start_task(self.service.queue, self.show_queue, self._failed,
                               "reading the decks waiting for review")
        return self.task

    def _failed(self, message: str) -> None:
        self.heading.setText(translate("DeckQueue", "Waiting for my review: not read ({message})")
                             .format(message=message))

    def show_queue(self, decks: list[WaitingDeck]) -> None:
        self.decks = decks
        if not decks:
            heading = translate("DeckQueue", "Waiting for my review: no deck")
        elif len(decks) == 1:
            heading = translate("DeckQueue", "Waiting for my review: 1 deck")
        else:
            heading = translate("DeckQueue", "Waiting for my review: {count} decks").format(
                count=len(decks))
        self.heading.setText(heading)
        self.table.setRowCount(len(decks))
        for row, deck in enumerate(decks):
            since = deck.since.astimezone().strftime("%Y-%m-%d %H:%M") if deck.since else "—"
            texts = (deck.account_name, deck.owner or "—",
                     deck.meeting_on.isoformat() if deck.meeting_on
                     else translate("DeckQueue", "none planned"),
                     since)
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(review_words(deck.review) if column == 0 else text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, deck.account_id)
                self.table.setItem(row, column, item)
        self.queue_shown.emit(decks)

    def _opened(self, item: QTableWidgetItem) -> None:
        first = self.table.item(item.row(), 0)
        account_id = first.data(Qt.ItemDataRole.UserRole) if first is not None else None
        if account_id is not None:
            self.deck_activated.emit(int(account_id))

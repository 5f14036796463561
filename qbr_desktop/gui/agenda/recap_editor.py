"""What the CSM writes for the attendees after a QBR: a summary and the decisions taken.

They go into the follow-up email as written; the meeting's own notes do not. Typing is saved
a moment after it stops, when the editor loses focus, and before another review is shown,
so nothing typed is lost. A save that fails says so and keeps the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QWidget

from qbr_desktop.domain.audience.followup import Recap, clean_recap
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.gui.translation import translate
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.agendas import AgendaService

SAVE_DELAY_MS = 800


class _FlushingEdit(QPlainTextEdit):
    left = Signal()

    def focusOutEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.left.emit()


class RecapEditor(QWidget):
    # The recap of a review was saved: review id.
    saved = Signal(int)

    def __init__(self, service: AgendaService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.review_id: int | None = None
        # The recap as last read or saved: a colleague's changes since are merged.
        self.base = Recap()
        self._filling = False
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_edit = _FlushingEdit(self)
        self.summary_edit.setAccessibleName(translate("RecapEditor", "Summary for the attendees"))
        self.summary_edit.setPlaceholderText(translate("RecapEditor",
                                                       "Optional: a few sentences for everyone who "
                                             "attended"))
        self.summary_edit.setTabChangesFocus(True)
        self.decisions_edit = _FlushingEdit(self)
        self.decisions_edit.setAccessibleName(translate("RecapEditor", "Decisions"))
        self.decisions_edit.setPlaceholderText(translate("RecapEditor", "One decision a line"))
        self.decisions_edit.setTabChangesFocus(True)
        for edit in (self.summary_edit, self.decisions_edit):
            edit.setMaximumHeight(int(edit.fontMetrics().height() * 4.5))
            edit.textChanged.connect(self._typed)
            edit.left.connect(self.flush)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.pending = QTimer(self)
        self.pending.setSingleShot(True)
        self.pending.setInterval(SAVE_DELAY_MS)
        self.pending.timeout.connect(self.save)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.about)
        form.addRow(translate("RecapEditor", "Summary:"), self.summary_edit)
        form.addRow(translate("RecapEditor", "Decisions:"), self.decisions_edit)
        form.addRow(self.status)
        self.setEnabled(False)

    def show_review(self, review_id: int | None, words: str = "") -> None:
        """Edit the recap of `review_id` (None: no review to follow up yet)."""
        self.flush()
        self.review_id = review_id
        self.status.clear()
        recap = Recap()
        if review_id is not None:
            try:
                recap = self.service.recap(review_id)
            except (DomainError, StoreError) as exc:
                self.status.setText(translate("RecapEditor",
                                              "Could not read the recap: {exc}").format(exc=exc))
                review_id = self.review_id = None
        self.about.setText(
            translate("RecapEditor",
                      "For the follow-up email about the QBR {words}. The attendees read this; "
                      "your meeting notes stay with "
                      "you.").format(words=words) if review_id is not None else
            translate("RecapEditor", "The follow-up email is written after a QBR has taken place."))
        self._fill(recap)
        self.setEnabled(review_id is not None)

    def _fill(self, recap: Recap) -> None:
        self.base = recap
        self._filling = True
        try:
            self.summary_edit.setPlainText(recap.summary)
            self.decisions_edit.setPlainText("\n".join(recap.decisions))
        finally:
            self._filling = False

    def recap(self) -> Recap:
        return Recap(self.summary_edit.toPlainText(),
                     tuple(self.decisions_edit.toPlainText().splitlines()))

    def _typed(self) -> None:
        if not self._filling and self.review_id is not None:
            self.status.setText(translate("RecapEditor", "Not saved yet…"))
            self.pending.start()

    def flush(self) -> None:
        if self.pending.isActive():
            self.pending.stop()
            self.save()

    def save(self) -> bool:
        if self.review_id is None:
            return False
        mine = self.recap()
        try:
            stored = self.service.save_recap(self.review_id, mine, seen=self.base)
        except (DomainError, StoreError) as exc:
            self.status.setText(translate("RecapEditor", "Not saved: {exc}").format(exc=exc))
            return False
        if stored != clean_recap(mine):  # a colleague's recap, merged with this one
            self._fill(stored)
            self.status.setText(translate("RecapEditor",
                                          "Saved, with a colleague's changes made meanwhile."))
        else:
            self.base = stored
            self.status.setText(translate("RecapEditor", "Saved."))
        self.saved.emit(self.review_id)
        return True

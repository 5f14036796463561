"""The review card on the Meeting tab: after a QBR, its five health indicators and the
figures it adds to the programme.

Four things only the CSM can say are set in a few clicks: the customer's preparation and
engagement (two combo boxes), the follow-up answer (a tick box, ticked when the customer
answers, which records today), and the post-QBR survey score. Each change is stored as it
is made, with the name in "Recorded by"; a refused one says so under the card and the
controls go back to what is stored. The rest comes from what the app already holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.attendance import Signal as Light
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.programme.review_health import Indicator, ReviewRecord
from qbr_desktop.gui.edit_conflicts import KeepMine, ask_keep_mine
from qbr_desktop.gui.labels import text_label
from qbr_desktop.services.programme import ReviewCard, user_name
from qbr_desktop.store.errors import EditConflictError, StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.programme import ProgrammeService

LIGHTS = {Light.GREEN: "🟢 Green", Light.YELLOW: "🟡 Yellow", Light.RED: "🔴 Red"}
NOT_RECORDED = "— not recorded"
CHOICES = {
    "preparation": (("Questions and updates ready", Light.GREEN),
                    ("Minimal preparation", Light.YELLOW), ("No preparation", Light.RED)),
    "engagement": (("Active discussion", Light.GREEN), ("Polite listening", Light.YELLOW),
                   ("Distracted or cut short", Light.RED)),
}
NO_SCORE = -1


def light_words(signal: Light | None) -> str:
    return NOT_RECORDED if signal is None else LIGHTS[signal]


class ReviewCardView(QWidget):
    #: The card was stored: account id.
    saved = Signal(int)

    def __init__(self, programme: ProgrammeService, parent: QWidget | None = None, *,
                 keep_mine: KeepMine | None = None) -> None:
        super().__init__(parent)
        self.programme = programme
        self.keep_mine = keep_mine or (lambda conflict: ask_keep_mine(self, conflict))
        self.review_id: int | None = None
        self.card: ReviewCard | None = None
        self._filling = False
        self.heading = text_label(name="reviewCardHeading")
        self.lights: dict[Indicator, tuple[QLabel, QLabel]] = {
            indicator: (text_label(name="light"), text_label()) for indicator in Indicator}
        self.preparation_box = self._choices("preparation", "Customer preparation")
        self.engagement_box = self._choices("engagement", "Engagement")
        self.answered_box = QCheckBox("The customer answered the follow-up", self)
        self.answered_box.setToolTip("Tick it the day they answer: the day is recorded")
        self.answered_box.toggled.connect(self._answered)
        self.survey_box = QSpinBox(self)
        self.survey_box.setAccessibleName("Post-QBR survey score")
        self.survey_box.setRange(NO_SCORE, 10)
        self.survey_box.setSpecialValueText("— no answer")
        self.survey_box.valueChanged.connect(lambda _v: self._store())
        self.by_edit = QLineEdit(user_name(), self)
        self.by_edit.setAccessibleName("Recorded by")
        self.by_edit.setMaxLength(200)
        self.facts = text_label(name="reviewCardFacts")
        self.recorded = text_label(name="muted")
        self.message = text_label()
        self.message.setProperty("class", "fieldError")
        self._lay_out()
        self.setEnabled(False)

    def _choices(self, name: str, caption: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(caption)
        box.addItem(NOT_RECORDED, None)
        for words, signal in CHOICES[name]:
            box.addItem(f"{LIGHTS[signal]} — {words}", signal.value)
        box.activated.connect(lambda _i: self._store())
        return box

    def _lay_out(self) -> None:
        indicators = QGroupBox("Health of this review", self)
        grid = QGridLayout(indicators)
        for row, indicator in enumerate(Indicator):
            light, reason = self.lights[indicator]
            grid.addWidget(QLabel(indicator.value.capitalize(), indicators), row, 0)
            grid.addWidget(light, row, 1)
            grid.addWidget(reason, row, 2)
        grid.setColumnStretch(2, 1)
        yours = QGroupBox("What you saw", self)
        form = QFormLayout(yours)
        form.addRow("Customer preparation", self.preparation_box)
        form.addRow("Engagement", self.engagement_box)
        form.addRow("Follow-up", self.answered_box)
        form.addRow("Post-QBR survey (0–10)", self.survey_box)
        form.addRow("Recorded by", self.by_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(indicators)
        layout.addWidget(yours)
        layout.addWidget(self.facts)
        layout.addWidget(self.recorded)
        layout.addWidget(self.message)
        layout.addStretch(1)
        for first, second in ((self.preparation_box, self.engagement_box),
                              (self.engagement_box, self.answered_box),
                              (self.answered_box, self.survey_box),
                              (self.survey_box, self.by_edit)):
            QWidget.setTabOrder(first, second)

    # Showing -----------------------------------------------------------------------------
    def show_review(self, review_id: int | None) -> None:
        """The card of `review_id`; a review that has not taken place says why instead."""
        self.review_id = review_id
        self.card = None
        if review_id is None:
            self._closed("No QBR has taken place yet: the card is for after the meeting.")
            return
        try:
            card = self.programme.card(review_id)
        except (DomainError, StoreError) as exc:
            self._closed(str(exc))
            return
        self.show_card(card)

    def _closed(self, why: str) -> None:
        self.heading.setText(why)
        self.setEnabled(False)

    def show_card(self, card: ReviewCard) -> None:
        self.card = card
        self.setEnabled(True)
        review, record = card.review, card.review.record
        self.heading.setText(f"{review.account_name} — QBR held on "
                             f"{review.held_on.isoformat()}")
        for reading in card.readings:
            light, reason = self.lights[reading.indicator]
            light.setText(light_words(reading.signal))
            reason.setText(reading.note.text())
        self._filling = True
        try:
            for box, signal in ((self.preparation_box, record.preparation),
                                (self.engagement_box, record.engagement)):
                box.setCurrentIndex(max(0, box.findData(signal.value if signal else None)))
            self.answered_box.setChecked(record.answered_on is not None)
            self.survey_box.setValue(NO_SCORE if record.survey_score is None
                                     else record.survey_score)
        finally:
            self._filling = False
        self.facts.setText(self._facts_text(card))
        self.recorded.setText(
            f"Recorded by {record.recorded_by or 'someone'} on "
            f"{record.recorded_at:%Y-%m-%d %H:%M} UTC" if record.recorded_at else
            "Nothing recorded yet.")

    @staticmethod
    def _facts_text(card: ReviewCard) -> str:
        review = card.review
        lines = []
        if review.seconds_run is not None and review.over_seconds is not None:
            lines.append(f"Time: {review.seconds_run / 60:.0f} of {review.slot_minutes} "
                         f"minutes ({review.over_seconds / 60:+.0f} against the plan)")
        else:
            lines.append("Time: the meeting was not timed to its end")
        lines.append(f"Expansion opportunities logged in the week after: "
                     f"{review.opportunities}")
        if review.new_people is not None:
            lines.append("New stakeholders: " + (", ".join(review.new_people) or "none"))
        change = review.health_change
        lines.append("Health 30 days after: " + (f"{change:+.1f} points" if change is not None
                                                 else "not known yet"))
        return "\n".join(lines)

    # Storing -----------------------------------------------------------------------------
    def _record(self) -> ReviewRecord | None:
        if self.card is None:
            return None
        stored = self.card.review.record

        def light(box: QComboBox) -> Light | None:
            value = box.currentData()
            return Light(value) if value else None

        answered = stored.answered_on
        if self.answered_box.isChecked() and answered is None:
            answered = self.programme.today()
        elif not self.answered_box.isChecked():
            answered = None
        score = self.survey_box.value()
        return ReviewRecord(light(self.preparation_box), light(self.engagement_box),
                            None if answered is not None else stored.follow_up, answered,
                            None if score == NO_SCORE else score)

    def _answered(self, _checked: bool) -> None:
        self._store()

    def _store(self) -> None:
        if self._filling or self.review_id is None:
            return
        record = self._record()
        if record is None:
            return
        seen = self.card.review.record if self.card is not None else None
        try:
            try:
                card = self.programme.record(self.review_id, record, by=self.by_edit.text(),
                                             seen=seen)
            except EditConflictError as conflict:
                if not self.keep_mine(conflict):
                    self.show_review(self.review_id)  # theirs, shown
                    return
                card = self.programme.record(self.review_id, record, by=self.by_edit.text())
        except (DomainError, StoreError) as exc:
            self.message.setText(f"Not saved: {exc}")
            if self.card is not None:
                self.show_card(self.card)  # the controls show what is stored
            return
        self.message.setText("")
        self.show_card(card)
        self.saved.emit(card.review.account_id)

    @property
    def stored_text(self) -> str:
        """What the card says, for a screen reader or a test."""
        return "\n".join(f"{i.value}: {light.text()} {reason.text()}"
                         for i, (light, reason) in self.lights.items())

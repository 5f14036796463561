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
from qbr_desktop.domain.programme.review_health import INDICATOR_NAMES, Indicator, ReviewRecord
from qbr_desktop.gui.edit_conflicts import KeepMine, ask_keep_mine
from qbr_desktop.gui.labels import text_label
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_label
from qbr_desktop.services.programme import ReviewCard, user_name
from qbr_desktop.store.errors import EditConflictError, StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.programme import ProgrammeService

LIGHTS = {Light.GREEN: QT_TRANSLATE_NOOP("review_card", "🟢 Green"),
          Light.YELLOW: QT_TRANSLATE_NOOP("review_card", "🟡 Yellow"),
          Light.RED: QT_TRANSLATE_NOOP("review_card", "🔴 Red")}
NOT_RECORDED = QT_TRANSLATE_NOOP("review_card", "— not recorded")
CHOICES = {
    "preparation": ((QT_TRANSLATE_NOOP("review_card", "Questions and updates ready"), Light.GREEN),
                    (QT_TRANSLATE_NOOP("review_card", "Minimal preparation"), Light.YELLOW),
                    (QT_TRANSLATE_NOOP("review_card", "No preparation"), Light.RED)),
    "engagement": ((QT_TRANSLATE_NOOP("review_card", "Active discussion"), Light.GREEN),
                   (QT_TRANSLATE_NOOP("review_card", "Polite listening"), Light.YELLOW),
                   (QT_TRANSLATE_NOOP("review_card", "Distracted or cut short"), Light.RED)),
}
NO_SCORE = -1


def light_words(signal: Light | None) -> str:
    return translate("review_card", NOT_RECORDED if signal is None else LIGHTS[signal])


class ReviewCardView(QWidget):
    # The card was stored: account id.
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
            indicator: (text_label(name="reviewLight"), text_label(name="reviewReason"))
            for indicator in Indicator}
        self.preparation_box = self._choices("preparation",
                                             translate("ReviewCardView", "Customer preparation"))
        self.engagement_box = self._choices("engagement", translate("ReviewCardView", "Engagement"))
        self.answered_box = QCheckBox(translate("ReviewCardView",
                                                "The customer answered the follow-up"), self)
        self.answered_box.setToolTip(translate("ReviewCardView",
                                               "Tick it the day they answer: the day is recorded"))
        self.answered_box.toggled.connect(self._answered)
        self.survey_box = QSpinBox(self)
        self.survey_box.setAccessibleName(translate("ReviewCardView", "Post-QBR survey score"))
        self.survey_box.setRange(NO_SCORE, 10)
        self.survey_box.setSpecialValueText(translate("ReviewCardView", "— no answer"))
        self.survey_box.valueChanged.connect(lambda _v: self._store())
        self.by_edit = QLineEdit(user_name(), self)
        self.by_edit.setAccessibleName(translate("ReviewCardView", "Recorded by"))
        self.by_edit.setMaxLength(200)
        self.facts = text_label(name="reviewCardFacts")
        self.recorded = text_label(name="reviewCardRecorded")
        self.message = text_label()
        self.message.setProperty("class", "fieldError")
        self._lay_out()
        self.setEnabled(False)

    def _choices(self, name: str, caption: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(caption)
        box.addItem(translate("review_card", NOT_RECORDED), None)
        for words, signal in CHOICES[name]:
            box.addItem(translate("review_card", LIGHTS[signal]) + " — "
                        + translate("review_card", words), signal.value)
        box.activated.connect(lambda _i: self._store())
        return box

    def _lay_out(self) -> None:
        indicators = QGroupBox(translate("ReviewCardView", "Health of this review"), self)
        grid = QGridLayout(indicators)
        for row, indicator in enumerate(Indicator):
            light, reason = self.lights[indicator]
            name = QLabel(ui_label(INDICATOR_NAMES[indicator]), indicators)
            name.setObjectName("reviewIndicator")
            grid.addWidget(name, row, 0)
            grid.addWidget(light, row, 1)
            grid.addWidget(reason, row, 2)
        grid.setColumnStretch(2, 1)
        yours = QGroupBox(translate("ReviewCardView", "What you saw"), self)
        form = QFormLayout(yours)
        form.addRow(translate("ReviewCardView", "Customer preparation"), self.preparation_box)
        form.addRow(translate("ReviewCardView", "Engagement"), self.engagement_box)
        form.addRow(translate("ReviewCardView", "Follow-up"), self.answered_box)
        form.addRow(translate("ReviewCardView", "Post-QBR survey (0–10)"), self.survey_box)
        form.addRow(translate("ReviewCardView", "Recorded by"), self.by_edit)
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
            self._closed(translate("ReviewCardView",
                                   "No QBR has taken place yet: the card is for after the "
                                   "meeting."))
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
        self.heading.setText(translate("ReviewCardView",
                                       "{account_name} — QBR held on "
                                       "{isoformat}").format(account_name=review.account_name,
                                                             isoformat=review.held_on.isoformat()))
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
        by = record.recorded_by or translate("ReviewCardView", "someone")
        self.recorded.setText(
            translate("ReviewCardView",
                      "Recorded by {value} on {recorded_at:%Y-%m-%d %H:%M} "
                      "UTC").format(value=by,
                                    recorded_at=record.recorded_at) if record.recorded_at else
            translate("ReviewCardView", "Nothing recorded yet."))

    @staticmethod
    def _facts_text(card: ReviewCard) -> str:
        review = card.review
        lines = []
        if review.seconds_run is not None and review.over_seconds is not None:
            lines.append(translate("ReviewCardView",
                                   "Time: {value:.0f} of {slot_minutes} minutes ({value2:+.0f} "
                                   "against the plan)").format(value=review.seconds_run / 60,
                                                               slot_minutes=review.slot_minutes,
                                                               value2=review.over_seconds / 60))
        else:
            lines.append(translate("ReviewCardView", "Time: the meeting was not timed to its end"))
        lines.append(translate("ReviewCardView",
                               "Expansion opportunities logged in the week after: "
                               "{opportunities}").format(opportunities=review.opportunities))
        if review.new_people is not None:
            lines.append(translate("ReviewCardView",
                                   "New stakeholders: ") + (", ".join(review.new_people)
                                                         or translate("ReviewCardView", "none")))
        change = review.health_change
        lines.append(translate("ReviewCardView", "Health 30 days after: ") + (
            translate("ReviewCardView", "{change:+.1f} points").format(change=change)
            if change is not None else translate("ReviewCardView", "not known yet")))
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
            self.message.setText(translate("ReviewCardView", "Not saved: {exc}").format(exc=exc))
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

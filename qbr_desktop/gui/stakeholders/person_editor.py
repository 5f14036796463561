"""The side panel that edits the selected person; each finished field is one undoable edit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholders import (
    TEXT_LIMIT,
    DecisionRole,
    OurSide,
    Stakeholder,
)
from qbr_desktop.exports.map_drawing import SENTIMENT_WORDS

NO_DATE = QDate(2000, 1, 1)  # the date field's minimum, shown as "never"
NOBODY = -1


class PersonEditor(QWidget):
    #: A field was finished with a new value: the person before and after.
    edited = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person: Stakeholder | None = None
        self._filling = False
        self.name_edit = self._line("Name")
        self.title_edit = self._line("Title, e.g. VP Customer Operations")
        self.level_box = self._combo([(level.value, level) for level in ContactLevel])
        self.role_box = self._combo([(role.value.capitalize(), role) for role in DecisionRole])
        self.influence_spin = self._spin(1, 5, "1 = no say … 5 = decides")
        self.sentiment_box = self._combo([(f"{value:+d} {SENTIMENT_WORDS[value]}", value)
                                          for value in range(2, -3, -1)])
        self.strength_spin = self._spin(1, 5, "How well we know them: 1 barely … 5 trusted")
        self.contact_edit = QDateEdit(self)
        self.contact_edit.setCalendarPopup(True)
        self.contact_edit.setMinimumDate(NO_DATE)
        self.contact_edit.setSpecialValueText("never")
        self.contact_edit.setDisplayFormat("yyyy-MM-dd")
        self.contact_edit.editingFinished.connect(self._commit)
        self.today_button = QPushButton("Today", self)
        self.today_button.setToolTip("Record a contact today")
        self.today_button.clicked.connect(self._contacted_today)
        self.manager_box = QComboBox(self)
        self.manager_box.setAccessibleName("Reports to")
        self.manager_box.activated.connect(lambda _i: self._commit())
        self.owner_box = self._combo([(side.value, side) for side in OurSide])
        self.owner_name_edit = self._line("Who on our side")
        self.priorities_edit = self._text("What they want to achieve")
        self.concerns_edit = self._text("What worries them")
        self.notes_edit = self._text("Anything else")
        self.departed_box = QCheckBox("Has left the company or the role", self)
        self.departed_box.toggled.connect(lambda _on: self._commit())
        self.aligned_box = QCheckBox("Walked through the QBR beforehand (pre-aligned)", self)
        self.aligned_box.toggled.connect(lambda _on: self._commit())
        self.problem = QLabel(self)
        self.problem.setProperty("class", "fieldError")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        self._lay_out()
        self.show_person(None, [])

    def _lay_out(self) -> None:
        form = QFormLayout()
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contact_edit, 1)
        contact_row.addWidget(self.today_button)
        owner_row = QHBoxLayout()
        owner_row.addWidget(self.owner_box)
        owner_row.addWidget(self.owner_name_edit, 1)
        for caption, field in (
                ("&Name", self.name_edit), ("&Title", self.title_edit),
                ("&Level", self.level_box), ("&Role", self.role_box),
                ("&Influence", self.influence_spin), ("&Sentiment", self.sentiment_box),
                ("Relationship", self.strength_spin), ("Last contact", contact_row),
                ("Reports &to", self.manager_box), ("Our owner", owner_row),
                ("Priorities", self.priorities_edit), ("Concerns", self.concerns_edit),
                ("Notes", self.notes_edit)):
            form.addRow(caption, field)
        self.fields_area = QWidget(self)
        fields = QVBoxLayout(self.fields_area)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addLayout(form)
        fields.addWidget(self.departed_box)
        fields.addWidget(self.aligned_box)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("personHint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.fields_area)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def _line(self, hint: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(hint)
        edit.setMaxLength(TEXT_LIMIT)
        edit.editingFinished.connect(self._commit)
        return edit

    def _text(self, hint: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setPlaceholderText(hint)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(54)
        edit.installEventFilter(self)
        return edit

    def _combo(self, items: list[tuple[str, object]]) -> QComboBox:
        box = QComboBox(self)
        for text, data in items:
            box.addItem(text, data)
        box.activated.connect(lambda _i: self._commit())
        return box

    def _spin(self, low: int, high: int, tip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setToolTip(tip)
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(lambda _v: self._commit())
        return spin

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut and isinstance(watched, QPlainTextEdit):
            self._commit()
        return super().eventFilter(watched, event)

    # Showing -----------------------------------------------------------------------------
    def show_person(self, person: Stakeholder | None, team: list[Stakeholder],
                    selected: int = 0) -> None:
        """The person to edit; None shows a hint instead (nobody or several selected)."""
        self.person = person
        self.fields_area.setVisible(person is not None)
        self.hint.setVisible(person is None)
        self.hint.setText(
            f"{selected} people selected: drag one to move them together, or press Delete."
            if selected > 1 else
            "Select a person on the map to see and edit them here, or use Add person.")
        self.show_problem("")
        self._filling = True
        try:
            self.manager_box.clear()
            self.manager_box.addItem("— nobody —", NOBODY)
            if person is None:
                for edit in (self.name_edit, self.title_edit, self.owner_name_edit):
                    edit.clear()
                for text_edit in (self.priorities_edit, self.concerns_edit, self.notes_edit):
                    text_edit.clear()
                return
            names = [p.name for p in team]
            for other in sorted(team, key=lambda p: p.name.casefold()):
                if other.id != person.id:
                    # Two people may share a name: their titles tell them apart.
                    shown = (f"{other.name} ({other.title or other.level.value})"
                             if names.count(other.name) > 1 else other.name)
                    self.manager_box.addItem(shown, other.id)
            self.manager_box.setCurrentIndex(max(0, self.manager_box.findData(
                NOBODY if person.manager_id is None else person.manager_id)))
            self.name_edit.setText(person.name)
            self.title_edit.setText(person.title)
            for edit in (self.name_edit, self.title_edit):
                edit.setCursorPosition(0)
            self._choose(self.level_box, person.level)
            self._choose(self.role_box, person.role)
            self._choose(self.sentiment_box, person.sentiment)
            self._choose(self.owner_box, person.owner)
            self.influence_spin.setValue(person.influence)
            self.strength_spin.setValue(person.strength)
            self.contact_edit.setDate(NO_DATE if person.last_contact is None else QDate(
                person.last_contact.year, person.last_contact.month, person.last_contact.day))
            self.owner_name_edit.setText(person.owner_name)
            for text_edit, text in ((self.priorities_edit, person.priorities),
                                    (self.concerns_edit, person.concerns),
                                    (self.notes_edit, person.notes)):
                if text_edit.toPlainText() != text:
                    text_edit.setPlainText(text)
            self.departed_box.setChecked(person.departed)
            self.aligned_box.setChecked(person.pre_aligned)
        finally:
            self._filling = False

    @staticmethod
    def _choose(box: QComboBox, data: object) -> None:
        box.setCurrentIndex(max(0, box.findData(data)))

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    # Reading -----------------------------------------------------------------------------
    def read(self) -> Stakeholder | None:
        if self.person is None:
            return None
        picked = self.contact_edit.date()
        manager = self.manager_box.currentData()
        return replace(
            self.person, name=self.name_edit.text().strip() or self.person.name,
            # Qt hands enum data back as plain strings: turn them back into the enums.
            title=self.title_edit.text().strip(), level=ContactLevel(self.level_box.currentData()),
            role=DecisionRole(self.role_box.currentData()), influence=self.influence_spin.value(),
            sentiment=int(self.sentiment_box.currentData()), strength=self.strength_spin.value(),
            last_contact=None if picked == NO_DATE else date(picked.year(), picked.month(),
                                                             picked.day()),
            manager_id=None if manager in (None, NOBODY) else manager,
            owner=OurSide(self.owner_box.currentData()),
            owner_name=self.owner_name_edit.text().strip(),
            priorities=self.priorities_edit.toPlainText().strip(),
            concerns=self.concerns_edit.toPlainText().strip(),
            notes=self.notes_edit.toPlainText().strip(),
            departed=self.departed_box.isChecked(), pre_aligned=self.aligned_box.isChecked())

    def _contacted_today(self) -> None:
        today = date.today()
        self.contact_edit.setDate(QDate(today.year, today.month, today.day))
        self._commit()

    def _commit(self) -> None:
        if self._filling or self.person is None:
            return
        after = self.read()
        if after is not None and after != self.person:
            before, self.person = self.person, after
            self.edited.emit(before, after)

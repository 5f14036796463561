"""The side panel that edits the selected person; each finished field is one undoable edit.

What is typed is never overwritten: when the map reloads while the same person is shown
(after their own edit, an undo, or a change from another tab), a field whose text differs
from what it last showed keeps the text and is saved when it is finished.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.contacts import (
    EMAIL_LIMIT,
    EMAIL_TOO_LONG,
    NOT_AN_EMAIL_HERE,
    ContactLevel,
    email_problem,
)
from qbr_desktop.domain.stakeholders import (
    TEXT_LIMIT,
    DecisionRole,
    OurSide,
    Stakeholder,
    level_label,
    our_side_label,
    role_label,
)
from qbr_desktop.exports.mail_addresses import usable_address
from qbr_desktop.exports.map_drawing import SENTIMENT_WORDS
from qbr_desktop.gui.date_entry import DateEntry
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_label

NOBODY = -1
EMAIL_NOT_SAVED = QT_TRANSLATE_NOOP("person_editor", "Not saved for {name}: {problem}.")
NAME_KEPT = QT_TRANSLATE_NOOP("person_editor", "A person needs a name: “{name}” was kept.")
EMAIL_HINT = QT_TRANSLATE_NOOP("person_editor", "Where the shared deck and the follow-up email go")
UNUSABLE_EMAIL = (QT_TRANSLATE_NOOP("person_editor",
                                    "Saved, but the email drafts cannot write this address on "
                                    "their To line "
                  "(they need plain letters before the @): write to them yourself."))


class PersonEditor(QWidget):
    # A field was finished with a new value: the person before and after.
    edited = Signal(object, object)
    # Typed text could not be saved and the editor moved on to someone else: the message.
    not_saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person: Stakeholder | None = None
        self._filling = False
        self.fields_area = QWidget(self)
        self.name_edit = self._line(translate("PersonEditor", "Name"), TEXT_LIMIT)
        self.title_edit = self._line(translate("PersonEditor",
                                               "Title, e.g. VP Customer Operations"), TEXT_LIMIT)
        self.email_edit = self._line(translate("PersonEditor", "name@company.com"), EMAIL_LIMIT)
        self.email_edit.setAccessibleName(translate("PersonEditor", "Email"))
        self.email_edit.setToolTip(translate("person_editor", EMAIL_HINT))
        self.email_problem = self._message()
        self.level_box = self._combo([(level_label(level), level) for level in ContactLevel])
        self.role_box = self._combo([(role_label(role), role) for role in DecisionRole])
        self.influence_spin = self._spin(1, 5,
                                         translate("PersonEditor", "1 = no say … 5 = decides"))
        self.sentiment_box = self._combo([(translate("PersonEditor", "{value} {word}").format(
            value=f"{value:+d}", word=ui_label(SENTIMENT_WORDS[value])), value)
            for value in range(2, -3, -1)])
        self.strength_spin = self._spin(1, 5,
                                        translate("PersonEditor",
                                                  "How well we know them: 1 barely … 5 trusted"))
        # The app's one date entry: typed dates are read whole, year included.
        self.contact_edit = DateEntry(self.fields_area)
        self.contact_edit.set_optional(translate("PersonEditor", "never"))
        self.contact_edit.value_entered.connect(lambda _day: self._commit())
        self.today_button = QPushButton(translate("PersonEditor", "Today"), self.fields_area)
        self.today_button.setToolTip(translate("PersonEditor", "Record a contact today"))
        self.today_button.clicked.connect(self._contacted_today)
        self.manager_box = self._combo([])
        self.manager_box.setAccessibleName(translate("PersonEditor", "Reports to"))
        self.owner_box = self._combo([(our_side_label(side), side) for side in OurSide])
        self.owner_name_edit = self._line(translate("PersonEditor", "Who on our side"), TEXT_LIMIT)
        self.priorities_edit = self._text(translate("PersonEditor", "What they want to achieve"))
        self.concerns_edit = self._text(translate("PersonEditor", "What worries them"))
        self.notes_edit = self._text(translate("PersonEditor", "Anything else"))
        # Short words: a box cannot wrap, and a wider one would push the form past the
        # side panel's right edge at 1366 px; the tooltips say the rest.
        self.departed_box = QCheckBox(translate("PersonEditor", "Has left the company"),
                                      self.fields_area)
        self.departed_box.setToolTip(translate("PersonEditor",
                                               "Has left the company or the role: kept on the map, "
                                     "greyed"))
        self.departed_box.toggled.connect(lambda _on: self._commit())
        self.aligned_box = QCheckBox(translate("PersonEditor", "Pre-aligned for the QBR"),
                                     self.fields_area)
        self.aligned_box.setToolTip(translate("PersonEditor", "Walked through the QBR beforehand"))
        self.aligned_box.toggled.connect(lambda _on: self._commit())
        self.problem = self._message()
        self.problem.setParent(self)
        self._fields = self._field_table()
        self._lay_out()
        self.show_person(None, [])

    def _field_table(self) -> dict[str, tuple[Callable[[], Any], Callable[[Any], None]]]:
        """Each Stakeholder field the editor shows: how to read it off the screen and how
        to put a value on it."""
        def line(edit: QLineEdit) -> tuple[Callable[[], Any], Callable[[Any], None]]:
            return (lambda: edit.text().strip()), edit.setText

        def text(edit: QPlainTextEdit) -> tuple[Callable[[], Any], Callable[[Any], None]]:
            return (lambda: edit.toPlainText().strip()), edit.setPlainText

        def box(combo: QComboBox, kind: Callable[[Any], Any]
                ) -> tuple[Callable[[], Any], Callable[[Any], None]]:
            # Qt hands enum data back as plain strings: `kind` turns them back.
            return (lambda: kind(combo.currentData())), (lambda value: self._choose(combo, value))

        def check(tick: QCheckBox) -> tuple[Callable[[], Any], Callable[[Any], None]]:
            return tick.isChecked, tick.setChecked

        return {
            "name": line(self.name_edit), "title": line(self.title_edit),
            "email": line(self.email_edit), "level": box(self.level_box, ContactLevel),
            "role": box(self.role_box, DecisionRole),
            "influence": (self.influence_spin.value, self.influence_spin.setValue),
            "sentiment": box(self.sentiment_box, int),
            "strength": (self.strength_spin.value, self.strength_spin.setValue),
            "last_contact": (self._contact_date, self._show_contact_date),
            "manager_id": (self._manager, lambda value: self._choose(
                self.manager_box, NOBODY if value is None else value)),
            "owner": box(self.owner_box, OurSide), "owner_name": line(self.owner_name_edit),
            "priorities": text(self.priorities_edit), "concerns": text(self.concerns_edit),
            "notes": text(self.notes_edit), "departed": check(self.departed_box),
            "pre_aligned": check(self.aligned_box),
        }

    def _lay_out(self) -> None:
        form = QFormLayout()
        # A narrow side panel puts a wide field under its label rather than past the edge.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contact_edit, 1)
        contact_row.addWidget(self.today_button)
        # Alt keys are the window's as well as the form's: none may be one the window's
        # menus or tabs use (File, Edit, View, Help; Details, Health, Prep timeline, ROI &
        # value, Stakeholders, Meeting, Deck), or Alt+L would reach Level, not the ROI tab.
        # Level has no letter left, and Tab reaches it.
        for caption, field in (
                (translate("PersonEditor", "&Name"), self.name_edit),
                (translate("PersonEditor", "T&itle"), self.title_edit),
                (translate("PersonEditor", "Email"), self.email_edit), (None, self.email_problem),
                (translate("PersonEditor", "Level"), self.level_box),
                (translate("PersonEditor", "R&ole"), self.role_box),
                (translate("PersonEditor", "Infl&uence"), self.influence_spin),
                (translate("PersonEditor", "&Sentiment"), self.sentiment_box),
                (translate("PersonEditor", "Relationship"), self.strength_spin),
                (translate("PersonEditor", "Last contact"), contact_row),
                (translate("PersonEditor", "&Reports to"), self.manager_box),
                (translate("PersonEditor", "Our owner"), self.owner_box),
                (translate("PersonEditor", "Owner's name"), self.owner_name_edit),
                (translate("PersonEditor", "Priorities"), self.priorities_edit),
                (translate("PersonEditor", "Concerns"), self.concerns_edit),
                (translate("PersonEditor", "Notes"), self.notes_edit)):
            if caption is None:
                form.addRow(field)  # a message under the field above, the form's full width
            else:
                form.addRow(caption, field)
        fields = QVBoxLayout(self.fields_area)
        fields.setContentsMargins(4, 4, 4, 4)
        fields.addLayout(form)
        fields.addWidget(self.departed_box)
        fields.addWidget(self.aligned_box)
        fields.addStretch(1)
        # Tab runs down the form as it reads, and leaves the editor after the last box.
        chain = [self.name_edit, self.title_edit, self.email_edit, self.level_box,
                 self.role_box, self.influence_spin, self.sentiment_box, self.strength_spin,
                 self.contact_edit, self.today_button, self.manager_box, self.owner_box,
                 self.owner_name_edit, self.priorities_edit, self.concerns_edit,
                 self.notes_edit, self.departed_box, self.aligned_box]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.first_field, self.last_field = chain[0], chain[-1]
        # The fields scroll on their own, so a short screen keeps the map its height.
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.fields_area)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("personHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.scroller, 1)

    def _message(self) -> QLabel:
        label = QLabel(self.fields_area)
        label.setProperty("class", "fieldError")  # styled red by style.qss
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        # A long address is one word that cannot wrap: it must not widen the form.
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        label.hide()
        return label

    def _line(self, hint: str, limit: int) -> QLineEdit:
        edit = QLineEdit(self.fields_area)
        edit.setPlaceholderText(hint)
        edit.setMaxLength(limit)
        edit.editingFinished.connect(self._commit)
        return edit

    def _text(self, hint: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self.fields_area)
        edit.setPlaceholderText(hint)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(54)
        edit.installEventFilter(self)
        return edit

    def _combo(self, items: list[tuple[str, object]]) -> QComboBox:
        box = QComboBox(self.fields_area)
        # Long names must not widen the side panel: the box shows what fits.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        for text, data in items:
            box.addItem(text, data)
        box.activated.connect(lambda _i: self._commit())
        return box

    def _spin(self, low: int, high: int, tip: str) -> QSpinBox:
        spin = QSpinBox(self.fields_area)
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
        """The person to edit; None shows a hint instead (nobody or several selected).

        Shown again (the same person, reloaded), fields keep what was typed and not yet
        saved; the others take the stored values.
        """
        shown = self.person
        same = person is not None and shown is not None and person.id == shown.id
        if shown is not None and not same:
            self._report_unsaved(shown)
        self.person = person
        self.fields_area.setVisible(person is not None)
        self.scroller.setVisible(person is not None)
        self.hint.setVisible(person is None)
        self.hint.setText(
            translate("PersonEditor",
                      "{selected} people selected: drag one to move them together, or press "
                      "Delete.").format(selected=selected)
            if selected > 1 else
            translate("PersonEditor",
                      "Select a person on the map to see and edit them here, or use Add person "
                      "(Ins)."))
        if not same:
            self.show_problem("")
        self._filling = True
        try:
            self._fill_managers(person, team)
            if person is None:
                for edit in (self.name_edit, self.title_edit, self.email_edit,
                             self.owner_name_edit):
                    edit.clear()
                for text_edit in (self.priorities_edit, self.concerns_edit, self.notes_edit):
                    text_edit.clear()
                self._mark_email()
                return
            for name, (read, write) in self._fields.items():
                on_screen = read()
                if same and shown is not None and on_screen != getattr(shown, name):
                    continue  # typed and not yet saved
                value = getattr(person, name)
                if not same or on_screen != value:
                    write(value)
            if not same:
                for edit in (self.name_edit, self.title_edit, self.email_edit):
                    edit.setCursorPosition(0)
            self._mark_email()
        finally:
            self._filling = False

    def _fill_managers(self, person: Stakeholder | None, team: list[Stakeholder]) -> None:
        items: list[tuple[str, int]] = [(translate("PersonEditor", "— nobody —"), NOBODY)]
        if person is not None:
            names = [p.name for p in team]
            for other in sorted(team, key=lambda p: p.name.casefold()):
                if other.id != person.id:
                    # Two people may share a name: their titles tell them apart.
                    items.append((f"{other.name} ({other.title or level_label(other.level)})"
                                  if names.count(other.name) > 1 else other.name, other.id))
        box = self.manager_box
        if [(box.itemText(i), box.itemData(i)) for i in range(box.count())] == items:
            return  # rebuilding would close an open list under the pointer
        current = box.currentData()
        box.clear()
        for text, data in items:
            box.addItem(text, data)
        self._choose(box, current)

    @staticmethod
    def _choose(box: QComboBox, data: object) -> None:
        box.setCurrentIndex(max(0, box.findData(data)))

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    # Reading -----------------------------------------------------------------------------
    def read(self) -> Stakeholder | None:
        """The person as on screen, less what cannot be saved (an empty name, an address
        that is not one): those keep their stored values."""
        if self.person is None:
            return None
        values = {name: read() for name, (read, _write) in self._fields.items()}
        if not values["name"]:
            values["name"] = self.person.name
        if values["email"] != self.person.email and email_problem(values["email"]):
            values["email"] = self.person.email
        return replace(self.person, **values)

    def _contact_date(self) -> date | None:
        value: date | None = self.contact_edit.value()
        return value

    def _show_contact_date(self, value: date | None) -> None:
        self.contact_edit.set_value(value)

    def _manager(self) -> int | None:
        manager = self.manager_box.currentData()
        return None if manager in (None, NOBODY) else int(manager)

    def _contacted_today(self) -> None:
        self.contact_edit.set_value(date.today())
        self._commit()

    def commit_pending(self) -> None:
        """Save whatever is typed and not yet saved (before the map moves on)."""
        self._commit()

    def _commit(self) -> None:
        if self._filling or self.person is None:
            return
        self.show_problem("")
        if not self.name_edit.text().strip():
            self.name_edit.setText(self.person.name)
            self.show_problem(translate("person_editor", NAME_KEPT).format(name=self.person.name))
        self._mark_email()
        after = self.read()
        if after is not None and after != self.person:
            before, self.person = self.person, after
            self.edited.emit(before, after)

    def _mark_email(self) -> None:
        """Say under the address what is wrong with it, if anything: refused, or stored but
        beyond what the email drafts can write."""
        typed = self.email_edit.text().strip()
        refused = email_problem(typed)
        # The field shows the address: the message under it need not repeat it.
        message = (refused and (ui_label(EMAIL_TOO_LONG).format(limit=EMAIL_LIMIT)
                                if len(typed) > EMAIL_LIMIT else ui_label(NOT_AN_EMAIL_HERE))
                   ) or ""
        if not refused and typed and usable_address(self.name_edit.text(), typed) is None:
            message = translate("person_editor", UNUSABLE_EMAIL)
        self.email_problem.setText(message)
        self.email_problem.setVisible(bool(message))
        self.email_edit.setToolTip(message or translate("person_editor", EMAIL_HINT))
        wanted = "true" if refused else "false"
        if self.email_edit.property("invalid") != wanted:
            self.email_edit.setProperty("invalid", wanted)
            self.email_edit.style().unpolish(self.email_edit)
            self.email_edit.style().polish(self.email_edit)

    def _report_unsaved(self, shown: Stakeholder) -> None:
        typed = self.email_edit.text().strip()
        problem = email_problem(typed)
        if typed != shown.email and problem:
            self.not_saved.emit(translate(
                "person_editor", EMAIL_NOT_SAVED).format(name=shown.name, problem=problem))

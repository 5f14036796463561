"""Live capture during the meeting: the sections with planned and actual times, notes per
section, who checked in, and quick-add action items tagged with the section they came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.actions import ActionItem, ActionSide
from qbr_desktop.domain.attendance import is_executive
from qbr_desktop.domain.meeting_timer import Phase, TimerState, clock_text
from qbr_desktop.domain.stakeholders import Attendance, Stakeholder
from qbr_desktop.gui.date_entry import DateEntry
from qbr_desktop.gui.translation import translate

if TYPE_CHECKING:
    from qbr_desktop.services.agendas import ReviewAgenda

NOTE_SAVE_MS = 700


def timing_words(planned: float, allowed: float, actual: float, visited: bool,
                 current: bool, phase: Phase) -> str:
    if current and phase in (Phase.RUNNING, Phase.PAUSED):
        return translate("capture_views", "now")
    if not visited:
        return ""
    over = actual - allowed
    if abs(over) < 30:
        return translate("capture_views", "on time")
    return f"{clock_text(abs(over))} {'over' if over > 0 else 'under'}"


class SectionTimes(QTableWidget):
    """Each section's planned, suggested and actual minutes; select one to take its notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([translate("SectionTimes", "Section"),
                                        translate("SectionTimes", "Planned"),
                                        translate("SectionTimes", "Now"),
                                        translate("SectionTimes", "Actual"), ""])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.keys: list[str] = []

    def show_state(self, state: TimerState) -> None:
        if len(state.sections) != self.rowCount():
            self.setRowCount(len(state.sections))
        self.keys = [s.key for s in state.sections]
        for row, section in enumerate(state.sections):
            current = row == state.index and state.phase is not Phase.NOT_STARTED
            texts = (("▶ " if current and state.phase is not Phase.FINISHED else "")
                     + section.title, clock_text(section.planned),
                     clock_text(section.suggested), clock_text(section.actual),
                     timing_words(section.planned, section.allowed, section.actual,
                                  section.visited, current, state.phase))
            for column, text in enumerate(texts):
                item = self.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(row, column, item)
                if item.text() != text:
                    item.setText(text)

    def selected_key(self) -> str | None:
        row = self.currentRow()
        return self.keys[row] if 0 <= row < len(self.keys) else None


class NotesEditor(QWidget):
    """Notes for one section, saved a moment after typing stops (and on leaving it)."""

    # Save these notes: section key, text.
    save_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key: str | None = None
        # The notes as last read or saved: what a save says the CSM started from.
        self.base = ""
        self.caption = QLabel(translate("NotesEditor", "Notes"), self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(translate("NotesEditor",
                                               "What was said, decided or asked in this section"))
        self.edit.textChanged.connect(self._typed)
        self.pending = QTimer(self)
        self.pending.setSingleShot(True)
        self.pending.setInterval(NOTE_SAVE_MS)
        self.pending.timeout.connect(self.flush)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.edit, 1)
        self._filling = False

    def show_section(self, key: str | None, title: str, text: str) -> None:
        if key == self.key:
            return
        self.flush()
        self.key, self.base = key, text
        self._filling = True
        self.edit.setPlainText(text)
        self._filling = False
        self.caption.setText(translate("NotesEditor",
                                       "Notes: {title}").format(title=title) if key else translate(
                                           "NotesEditor", "Notes"))
        self.edit.setEnabled(key is not None)

    def _typed(self) -> None:
        if not self._filling:
            self.pending.start()

    def flush(self) -> None:
        if self.pending.isActive() or (self.key is not None and not self._filling
                                       and self.edit.document().isModified()):
            self.pending.stop()
            if self.key is not None:
                self.save_requested.emit(self.key, self.edit.toPlainText())
                self.edit.document().setModified(False)

    def saved(self, key: str, stored: str) -> None:
        """The notes as stored: a colleague's, saved meanwhile, come back merged with
        these and are shown at once."""
        if key != self.key:
            return
        self.base = stored
        if stored != self.edit.toPlainText():
            self._filling = True
            self.edit.setPlainText(stored)
            self.edit.moveCursor(QTextCursor.MoveOperation.End)
            self._filling = False


class CheckIn(QListWidget):
    """Who is in the room: tick people as they arrive (executives first, marked ★)."""

    # Someone was ticked or unticked: their new Attendance.
    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("CheckIn", "Attendee check-in"))
        self.setWordWrap(True)
        self.itemChanged.connect(self._changed)
        self._filling = False
        self._entries: dict[int, Attendance] = {}
        self.before: Attendance | None = None

    def show_people(self, people: list[Stakeholder], entries: list[Attendance]) -> None:
        self._filling = True
        self.clear()
        self._entries = {entry.person_id: entry for entry in entries}
        present = [p for p in people if not p.departed]
        for person in sorted(present, key=lambda p: (not is_executive(p), p.name.casefold())):
            entry = self._entries.get(person.id, Attendance(person.id))
            star = "★ " if is_executive(person) else ""
            item = QListWidgetItem(f"{star}{person.name} — {person.title or person.level.value}")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry.attended
                               else Qt.CheckState.Unchecked)
            self.addItem(item)
        if not present:
            hint = QListWidgetItem(translate("CheckIn",
                                             "Nobody is on the stakeholder map yet: add the "
                                             "account's "
                                   "people on the Stakeholders tab to check them in here."))
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(hint)
        self._filling = False

    def _changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        person_id = int(item.data(Qt.ItemDataRole.UserRole))
        before = self._entries.get(person_id, Attendance(person_id))
        attended = item.checkState() == Qt.CheckState.Checked
        entry = Attendance(person_id, before.invited or attended,
                           before.confirmed or attended, attended)
        self._entries[person_id] = entry
        self.before = before  # what the tick changed: a colleague's other marks stay
        self.changed.emit(entry)


class QuickAction(QWidget):
    """One line to capture an action while people talk: what, whose, who, by when."""

    # Add this action item (its section is filled in by the panel).
    add_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(translate("QuickAction", "New action item, then Enter"))
        self.text_edit.returnPressed.connect(self._add)
        self.side_box = QComboBox(self)
        self.side_box.addItem(translate("QuickAction", "Ours"), ActionSide.OURS.value)
        self.side_box.addItem(translate("QuickAction", "Theirs"), ActionSide.THEIRS.value)
        self.owner_edit = QLineEdit(self)
        self.owner_edit.setPlaceholderText(translate("QuickAction", "Owner"))
        self.due_edit = DateEntry(self)
        self.due_edit.set_optional(translate("QuickAction", "no date"))
        self.due_edit.setAccessibleName(translate("QuickAction", "Due"))
        self.due_edit.problem_changed.connect(self.show_problem)
        self.add_button = QPushButton(translate("QuickAction", "Add"), self)
        self.add_button.clicked.connect(self._add)
        self.problem = QLabel(self)
        self.problem.setProperty("class", "fieldError")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        # What was agreed gets a line of its own: beside whose, who, when and Add it was
        # squeezed to a few letters in the meeting's narrow column at 1366 px.
        row = QHBoxLayout()
        for widget in (self.side_box, self.owner_edit, self.due_edit, self.add_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit)
        layout.addLayout(row)
        layout.addWidget(self.problem)

    def _add(self) -> None:
        text = self.text_edit.text().strip()
        if not text:
            self.show_problem(translate("QuickAction", "Type what was agreed first"))
            return
        if not self.due_edit.commit():
            self.due_edit.setFocus()
            return
        due = self.due_edit.value()
        self.add_requested.emit(ActionItem(0, text, ActionSide(self.side_box.currentData()),
                                           self.owner_edit.text().strip(), due))

    def added(self) -> None:
        self.text_edit.clear()
        self.owner_edit.clear()
        self.show_problem("")
        self.text_edit.setFocus()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))


def notes_of(review: ReviewAgenda, key: str | None) -> tuple[str, str]:
    """The section's title and its stored notes."""
    section = review.agenda.section(key) if key else None
    return (section.title, review.notes.get(section.key, "")) if section else ("", "")

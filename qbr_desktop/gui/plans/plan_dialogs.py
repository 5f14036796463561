"""The plan's small forms: schedule or move the meeting, add a task of one's own.

Each dialog hands what the CSM entered to a `submit` callable (the panel's call into the
plan service) when OK is pressed. If the service refuses, its message is shown in the
dialog and the dialog stays open with the entries intact, so the rule (a valid time zone,
a non-empty title, ...) lives in the service only and the CSM can correct and retry.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.playbooks import OwnerRole, Phase
from qbr_desktop.gui.date_entry import DateEntry, EntryWithProblem, TimeEntry, grow_to_fit
from qbr_desktop.gui.plans.timeline_layout import PHASE_TITLES
from qbr_desktop.gui.translation import translate
from qbr_desktop.i18n import ui_text
from qbr_desktop.services.playbook_library import playbook_label
from qbr_desktop.store.errors import StoreError


@dataclass(frozen=True, slots=True)
class MeetingChoice:
    day: date
    at: time
    time_zone: str
    playbook: str | None  # None: the playbook for the account's tier


@dataclass(frozen=True, slots=True)
class NewTask:
    title: str
    due: date
    owner: OwnerRole
    phase: Phase | None  # None: chosen from the date (before or after the meeting)


class _SubmittingDialog(QDialog):
    """OK runs `submit`; a refusal is shown inline and the dialog stays open."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.problem = QLabel(self)
        self.problem.setObjectName("dialogProblem")
        self.problem.setProperty("class", "fieldError")  # red, from the style sheet
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # messages quote user text
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._opened = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """The dialog opens on its first field with what it proposes selected, so the CSM
        types over it at once. (The buttons are made before the fields, and Qt would
        otherwise start on OK, where typed keys go nowhere.)"""
        super().showEvent(event)
        if self._opened:
            return
        self._opened = True
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is None:
                continue
            field = widget.focusProxy() or widget
            if field.isEnabled() and (
                    field.focusPolicy() & Qt.FocusPolicy.TabFocus):
                field.setFocus(Qt.FocusReason.TabFocusReason)
                if isinstance(field, QLineEdit):
                    field.selectAll()
                return

    def run_submit(self, submit: Callable[[], None], *fields: DateEntry | TimeEntry) -> None:
        """Submit when every field reads as a value (each one explains itself if not)."""
        if not all([field.commit() for field in fields]):  # a list: every field says why
            next(field for field in fields if field.problem()).setFocus()
            return
        try:
            submit()
        except (DomainError, StoreError) as exc:
            self.problem.setText(str(exc))
            self.problem.show()
            grow_to_fit(self)
            return
        super().accept()


class MeetingDialog(_SubmittingDialog):
    """Schedule a QBR (with zone and playbook) or move one (its zone stays)."""

    def __init__(self, parent: QWidget | None, *, title: str,
                 submit: Callable[[MeetingChoice], None], start: datetime,
                 zones: Sequence[str], playbooks: Sequence[str] | None = None,
                 tier: str = "") -> None:
        super().__init__(parent, title)
        self._submit = submit
        self.date_edit = DateEntry(self, start.date())
        self.time_edit = TimeEntry(self, time(start.hour, start.minute))
        self.zone_box = QComboBox(self)
        self.zone_box.setEditable(True)  # typing "Berl" finds Europe/Berlin
        self.zone_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_box.addItems(list(zones))
        self.zone_box.setCurrentText(str(start.tzinfo))
        completer = QCompleter(list(zones), self.zone_box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone_box.setCompleter(completer)
        self.form.addRow(translate("MeetingDialog", "&Date:"),
                         EntryWithProblem(self.date_edit, self))
        self.form.addRow(translate("MeetingDialog", "&Time:"),
                         EntryWithProblem(self.time_edit, self))
        self.form.addRow(translate("MeetingDialog", "Time &zone:"), self.zone_box)
        self.playbook_box = QComboBox(self)
        if playbooks is None:  # moving: the meeting keeps the zone it was planned in
            self.zone_box.setEnabled(False)
            self.playbook_box.hide()
        else:
            self.playbook_box.addItem(translate("MeetingDialog", "For this tier ({tier})").format(
                tier=tier) if tier else translate("MeetingDialog", "For this tier"), None)
            for name in playbooks:  # a shipped playbook's name translated, a CSM's as typed
                self.playbook_box.addItem(ui_text(playbook_label(name)), name)
            self.form.addRow(translate("MeetingDialog", "&Playbook:"), self.playbook_box)

    def choice(self) -> MeetingChoice:
        return MeetingChoice(self.date_edit.value(), self.time_edit.value(),
                             self.zone_box.currentText().strip(),
                             self.playbook_box.currentData())

    def accept(self) -> None:
        self.run_submit(lambda: self._submit(self.choice()), self.date_edit, self.time_edit)


class AddTaskDialog(_SubmittingDialog):
    def __init__(self, parent: QWidget | None, *, submit: Callable[[NewTask], None],
                 due: date) -> None:
        super().__init__(parent, translate("AddTaskDialog", "Add task"))
        self._submit = submit
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(translate("AddTaskDialog", "What needs doing"))
        self.due_edit = DateEntry(self, due)
        self.owner_box = QComboBox(self)
        for role in OwnerRole:
            self.owner_box.addItem(role.value, role.value)  # Qt hands a StrEnum back as str
        self.phase_box = QComboBox(self)
        self.phase_box.addItem(translate("AddTaskDialog",
                                         "From the date (before or after the meeting)"), None)
        for phase in Phase:
            self.phase_box.addItem(PHASE_TITLES[phase], phase.value)
        self.form.addRow(translate("AddTaskDialog", "&Task:"), self.title_edit)
        self.form.addRow(translate("AddTaskDialog", "&Due:"), EntryWithProblem(self.due_edit, self))
        self.form.addRow(translate("AddTaskDialog", "&Owner:"), self.owner_box)
        self.form.addRow(translate("AddTaskDialog", "&Phase:"), self.phase_box)

    def new_task(self) -> NewTask:
        phase = self.phase_box.currentData()
        return NewTask(self.title_edit.text(), self.due_edit.value(),
                       OwnerRole(self.owner_box.currentData()), Phase(phase) if phase else None)

    def accept(self) -> None:
        self.run_submit(lambda: self._submit(self.new_task()), self.due_edit)

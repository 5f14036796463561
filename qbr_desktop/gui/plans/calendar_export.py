"""Prep timeline › Export to calendar…: the QBR as a calendar file, for the CSM or the
attendees, written off the GUI thread (services/plan_calendar.py does the work).

Two copies: the CSM's own (tier, progress, and the preparation tasks as to-dos, or as
all-day events for calendars that ignore to-dos), and the invitation for the attendees
(the meeting only, in words fit for the customer). Exporting again after a change updates
the same events in the calendar instead of adding new ones.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QPushButton, QWidget

from qbr_desktop.exports.file_names import safe_file_name
from qbr_desktop.gui.export_folder import export_folder, remember_folder
from qbr_desktop.gui.labels import text_label
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.gui.worker import Worker, start_task

if TYPE_CHECKING:
    from qbr_desktop.services.plan_calendar import CalendarExport
    from qbr_desktop.services.plan_views import ReviewPlan
    from qbr_desktop.services.plans import PlanService

FOLDER_SETTING = "calendar/folder"
# (menu text, audience, task form): the form by name, as the writer loads only on export.
CHOICES = (
    (QT_TRANSLATE_NOOP("calendar_export", "My calendar, tasks as &to-dos…"), "me", "todo"),
    (QT_TRANSLATE_NOOP("calendar_export",
                       "My calendar, tasks as all-day &events (Google, Outlook)…"), "me", "event"),
    (QT_TRANSLATE_NOOP("calendar_export", "&Invitation for the attendees (the meeting only)…"),
     "attendees", None),
)
WRITING = QT_TRANSLATE_NOOP("calendar_export", "Writing the calendar file…")
WRITTEN = {
    "todo": QT_TRANSLATE_NOOP("calendar_export",
                              "Saved {path}: the meeting and {tasks} tasks as to-dos."),
    "event": QT_TRANSLATE_NOOP("calendar_export",
                               "Saved {path}: the meeting and {tasks} tasks as all-day events."),
    None: QT_TRANSLATE_NOOP("calendar_export",
                            "Saved {path}: the meeting only, for the attendees."),
}
AGAIN = QT_TRANSLATE_NOOP("calendar_export",
                          "Import it into the calendar; after changes, export again and the same "
                          "events update.")
FAILED = QT_TRANSLATE_NOOP("calendar_export", "Not exported: {reason}")


class CalendarExportButton(QPushButton):
    """The button, its menu of copies, the save dialog and the report under the buttons."""

    # The file was written: the CalendarExport.
    written = Signal(object)

    def __init__(self, plans: PlanService, current_plan: Callable[[], ReviewPlan | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("CalendarExportButton", "Export to &calendar…"), parent)
        self.plans = plans
        self.current_plan = current_plan
        self.task: Worker | None = None
        self.status = text_label(name="calendarStatus")
        self.status.hide()
        self.choices = QMenu(self)
        for text, audience, form in CHOICES:
            action = self.choices.addAction(translate("calendar_export", text))
            action.triggered.connect(lambda _=False, a=audience, f=form: self.export(a, f))
        self.setMenu(self.choices)

    def export(self, audience: str, form: str | None) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        kind = translate("CalendarExportButton",
                         "QBR {isoformat}").format(isoformat=plan.meeting_day.isoformat()) + (
            translate("CalendarExportButton", " invitation") if audience == "attendees" else "")
        name = safe_file_name(plan.account_name, "ics", quarter="", kind=kind)
        path = self.ask_path(export_folder(FOLDER_SETTING), name)
        if path is None:
            return
        remember_folder(FOLDER_SETTING, path.parent)
        self.write(plan.review_id, path, audience, form)

    def ask_path(self, folder: Path, name: str) -> Path | None:
        dialog = QFileDialog(self, translate("CalendarExportButton", "Export to calendar"),
                             str(folder))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(translate("CalendarExportButton", "Calendar file (*.ics)"))
        dialog.setDefaultSuffix("ics")
        dialog.selectFile(name)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def write(self, review_id: int, path: Path, audience: str, form: str | None) -> Worker:
        from qbr_desktop.exports.ics import TaskForm
        from qbr_desktop.services.plan_calendar import CalendarCopy

        plans, copy = self.plans, CalendarCopy(audience)
        tasks = TaskForm(form) if form else None
        self.setEnabled(False)
        self._say(translate("calendar_export", WRITING), problem=False)
        self.task = start_task(
            lambda: plans.export_calendar(review_id, path, audience=copy, tasks=tasks),
            lambda done: self._written(done, form), self._failed,
            translate("CalendarExportButton", "writing the calendar file"), owner=self)
        return self.task

    def _written(self, export: CalendarExport, form: str | None) -> None:
        self.setEnabled(True)
        lines = [translate("calendar_export", WRITTEN[form]).format(path=export.path,
                                                                   tasks=export.tasks),
                 translate("calendar_export", AGAIN)]
        lines.extend(f"⚠ {warning}" for warning in export.warnings)
        self._say("\n".join(lines), problem=False)
        self.written.emit(export)

    def _failed(self, reason: str) -> None:
        self.setEnabled(True)
        self._say(translate("calendar_export", FAILED).format(reason=reason), problem=True)

    def _say(self, text: str, *, problem: bool) -> None:
        label = self.status
        label.setText(text)
        label.setProperty("class", "fieldError" if problem else "")
        label.style().unpolish(label)
        label.style().polish(label)
        label.setVisible(bool(text))

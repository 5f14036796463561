"""Edit › Holidays…: the days off that preparation plans skip like weekends."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.gui.date_entry import DateEntry, EntryWithProblem
from qbr_desktop.gui.translation import translate
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.services.plans import PlanService

DAY_ROLE = Qt.ItemDataRole.UserRole


class HolidaysDialog(QDialog):
    def __init__(self, plans: PlanService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plans = plans
        self.setWindowTitle(translate("HolidaysDialog", "Holidays"))
        explanation = QLabel(
            translate("HolidaysDialog",
                      "Preparation tasks are never due on these days, as on weekends. Plans made "
                      "from "
            "now on skip them; a plan made earlier is re-dated when its meeting moves."), self)
        explanation.setWordWrap(True)
        self.days = QListWidget(self)
        self.days.setAccessibleName(translate("HolidaysDialog", "Holidays"))
        self.picker = DateEntry(self, date.today())
        self.picker.setAccessibleName(translate("HolidaysDialog", "Day to add"))
        self.add_button = QPushButton(translate("HolidaysDialog", "&Add"), self)
        self.remove_button = QPushButton(translate("HolidaysDialog", "&Remove"), self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        adding = QHBoxLayout()
        adding.addWidget(EntryWithProblem(self.picker, self), 1)
        adding.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        adding.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.days, 1)
        layout.addLayout(adding)
        layout.addWidget(self.buttons)
        self.add_button.clicked.connect(self.add_picked)
        self.remove_button.clicked.connect(self.remove_selected)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for day in sorted(plans.holidays()):
            self._show_day(day)
        self.resize(420, 420)

    def chosen_days(self) -> list[date]:
        return sorted(self.days.item(row).data(DAY_ROLE) for row in range(self.days.count()))

    def add_picked(self) -> None:
        if not self.picker.commit():
            return
        picked = self.picker.value()
        if picked not in self.chosen_days():
            self._show_day(picked)
        self.days.sortItems()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        # Return in the day field adds that day; it does not close the dialog.
        if self.picker.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_picked()
            return
        super().keyPressEvent(event)

    def remove_selected(self) -> None:
        for item in self.days.selectedItems():
            self.days.takeItem(self.days.row(item))

    def accept(self) -> None:
        try:
            self.plans.set_holidays(self.chosen_days())
        except (DomainError, StoreError) as exc:
            QMessageBox.warning(self, translate("HolidaysDialog", "Holidays"),
                                translate("HolidaysDialog",
                                          "The holidays were not saved: {exc}").format(exc=exc))
            return
        super().accept()

    def _show_day(self, day: date) -> None:
        # ISO first so that sorting the texts sorts the days.
        item = QListWidgetItem(f"{day.isoformat()} · {day:%A}")
        item.setData(DAY_ROLE, day)
        self.days.addItem(item)

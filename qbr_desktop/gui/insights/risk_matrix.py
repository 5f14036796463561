"""The risk and opportunity register, drawn as the four-quadrant likelihood × impact matrix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.risks import (
    QUADRANT_LABELS,
    Quadrant,
    RiskDraft,
    RiskKind,
    RiskStatus,
    quadrant,
    validate_risk,
)
from qbr_desktop.gui.translation import translate
from qbr_desktop.i18n import ui_label, ui_text

if TYPE_CHECKING:
    from qbr_desktop.services.risks import RiskItem

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Rows top to bottom, columns left to right: high impact above, high likelihood right.
LAYOUT = ((Quadrant.MONITOR_CLOSELY, Quadrant.PRIORITY_ACTION),
          (Quadrant.WATCH_AND_WAIT, Quadrant.PLAN_AND_PREPARE))


def item_text(item: RiskItem) -> str:
    mark = translate("risk_matrix",
                     "▲ Opportunity") if item.kind is RiskKind.OPPORTUNITY else translate(
                         "risk_matrix", "● Risk")
    closed = translate("risk_matrix", " (closed)") if item.status is RiskStatus.CLOSED else ""
    return translate("risk_matrix",
                     "{mark}: {title}{closed}  [L{likelihood} × "
                     "I{impact}]").format(mark=mark, title=item.title, closed=closed,
                                          likelihood=item.likelihood, impact=item.impact)


class RiskMatrix(QWidget):
    """Four lists, one per quadrant; the current item is the one last clicked in any."""

    # Add, close or delete was asked for: ("add" | "suggest" | "close" | "delete", item id)
    action_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lists: dict[Quadrant, QListWidget] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel(translate("RiskMatrix", "High impact ↑"), self), 0, 1, 1, 2,
                       Qt.AlignmentFlag.AlignCenter)
        for row, cells in enumerate(LAYOUT):
            for column, cell in enumerate(cells):
                box = QGroupBox(ui_label(QUADRANT_LABELS[cell]), self)
                box.setObjectName(f"quadrant_{cell.value}")
                listing = QListWidget(box)
                listing.setAccessibleName(ui_label(QUADRANT_LABELS[cell]))
                listing.setWordWrap(True)
                listing.currentItemChanged.connect(self._picked)
                inner = QVBoxLayout(box)
                inner.addWidget(listing)
                self.lists[cell] = listing
                grid.addWidget(box, row + 1, column + 1)
        grid.addWidget(QLabel(translate("RiskMatrix", "Low likelihood ←   → High likelihood"),
                              self), 3, 1, 1, 2,
                       Qt.AlignmentFlag.AlignCenter)
        self.add_button = QPushButton(translate("RiskMatrix", "&Add…"), self)
        self.suggest_button = QPushButton(translate("RiskMatrix", "Add s&uggestions…"), self)
        self.close_button = QPushButton(translate("RiskMatrix", "Mark &closed"), self)
        self.delete_button = QPushButton(translate("RiskMatrix", "De&lete"), self)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.suggest_button, self.close_button,
                       self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        self._current: int | None = None
        self.add_button.clicked.connect(lambda: self.action_requested.emit("add", 0))
        self.suggest_button.clicked.connect(lambda: self.action_requested.emit("suggest", 0))
        self.close_button.clicked.connect(self._close_current)
        self.delete_button.clicked.connect(self._delete_current)
        self._update_buttons()

    def set_items(self, items: Sequence[RiskItem]) -> None:
        self._current = None
        for listing in self.lists.values():
            listing.blockSignals(True)
            listing.clear()
            listing.blockSignals(False)
        for item in items:
            entry = QListWidgetItem(item_text(item))
            entry.setData(ITEM_ID_ROLE, item.id)
            entry.setToolTip(item.detail or item.title)
            if item.status is RiskStatus.CLOSED:
                font = entry.font()
                font.setStrikeOut(True)
                entry.setFont(font)
            self.lists[item.quadrant].addItem(entry)
        self._update_buttons()

    def count(self) -> int:
        return sum(listing.count() for listing in self.lists.values())

    def current_item_id(self) -> int | None:
        return self._current

    def _picked(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        self._current = int(current.data(ITEM_ID_ROLE))
        sender = current.listWidget()
        for listing in self.lists.values():
            if listing is not sender:
                listing.blockSignals(True)
                listing.clearSelection()
                listing.setCurrentRow(-1)
                listing.blockSignals(False)
        self._update_buttons()

    def _close_current(self) -> None:
        if self._current is not None:
            self.action_requested.emit("close", self._current)

    def _delete_current(self) -> None:
        if self._current is not None:
            self.action_requested.emit("delete", self._current)

    def _update_buttons(self) -> None:
        self.close_button.setEnabled(self._current is not None)
        self.delete_button.setEnabled(self._current is not None)


class RiskDialog(QDialog):
    """A new risk or opportunity; its quadrant is shown as likelihood and impact change."""

    def __init__(self, parent: QWidget | None = None, draft: RiskDraft | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RiskDialog", "Add a risk or opportunity"))
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(translate("RiskDialog", "Risk"), RiskKind.RISK)
        self.kind_box.addItem(translate("RiskDialog", "Opportunity"), RiskKind.OPPORTUNITY)
        self.title_edit = QLineEdit(self)
        self.detail_edit = QPlainTextEdit(self)
        self.detail_edit.setTabChangesFocus(True)
        self.likelihood = QSpinBox(self)
        self.impact = QSpinBox(self)
        for spin in (self.likelihood, self.impact):
            spin.setRange(1, 5)
            spin.setValue(3)
            spin.valueChanged.connect(self._update_quadrant)
        self.quadrant_label = QLabel(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("RiskDialog", "&Kind:"), self.kind_box)
        form.addRow(translate("RiskDialog", "&Title:"), self.title_edit)
        form.addRow(translate("RiskDialog", "&Detail:"), self.detail_edit)
        form.addRow(translate("RiskDialog", "&Likelihood (1–5):"), self.likelihood)
        form.addRow(translate("RiskDialog", "&Impact (1–5):"), self.impact)
        form.addRow(translate("RiskDialog", "Quadrant:"), self.quadrant_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if draft is not None:
            self.kind_box.setCurrentIndex(0 if draft.kind is RiskKind.RISK else 1)
            self.title_edit.setText(draft.title)
            self.detail_edit.setPlainText(draft.detail)
            self.likelihood.setValue(draft.likelihood)
            self.impact.setValue(draft.impact)
        self._update_quadrant()

    def draft(self) -> RiskDraft:
        return RiskDraft(RiskKind(self.kind_box.currentData()), self.title_edit.text().strip(),
                         self.detail_edit.toPlainText().strip(), self.likelihood.value(),
                         self.impact.value())

    def accept(self) -> None:
        problems = validate_risk(self.draft())
        if problems:
            self.error_label.setText("\n".join(ui_text(message) for _field, message in problems))
            self.title_edit.setFocus()
            return
        super().accept()

    def _update_quadrant(self) -> None:
        cell = quadrant(self.likelihood.value(), self.impact.value())
        self.quadrant_label.setText(ui_label(QUADRANT_LABELS[cell]))

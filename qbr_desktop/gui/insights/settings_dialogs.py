"""Dialogs for what feeds the estimates: the product catalogue, owned modules, health weights."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.health import DEFAULT_WEIGHTS, DIMENSION_LABELS, Dimension, HealthWeights
from qbr_desktop.domain.money import CURRENCIES
from qbr_desktop.gui.translation import translate
from qbr_desktop.services.catalogue import KINDS, PRICING, CatalogueItem, CatalogueService
from qbr_desktop.services.insights import InsightService

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, KIND, PRICING_COLUMN, PRICE, CURRENCY, DESCRIPTION = range(6)


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class CatalogueDialog(QDialog):
    """Edit the whole catalogue in a table; OK saves every row or, on a problem, none."""

    def __init__(self, service: CatalogueService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(translate("CatalogueDialog", "Product catalogue"))
        self.resize(860, 420)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [translate("CatalogueDialog", "Name"), translate("CatalogueDialog", "Kind"),
             translate("CatalogueDialog", "Pricing"), translate("CatalogueDialog", "Price a year"),
             translate("CatalogueDialog", "Currency"), translate("CatalogueDialog", "Description")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(
            DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(translate("CatalogueDialog", "&Add entry"), self)
        self.remove_button = QPushButton(translate("CatalogueDialog", "&Remove entry"), self)
        self.error_label = _error_label(self)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("CatalogueDialog",
                                          "Modules and plans you sell, with yearly list prices. "
                                          "Expansion "
                                "estimates offer what an account does not own yet."), self))
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self))
        self.add_button.clicked.connect(lambda: self.add_row(CatalogueItem(None, "")))
        self.remove_button.clicked.connect(self.remove_current_row)
        for item in service.items():
            self.add_row(item)

    def add_row(self, item: CatalogueItem) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(item.name)
        name.setData(ID_ROLE, item.id)
        self.table.setItem(row, NAME, name)
        for column, choices, current in ((KIND, KINDS, item.kind),
                                         (PRICING_COLUMN, PRICING, item.pricing),
                                         (CURRENCY, {c: c for c in CURRENCIES}, item.currency)):
            box = QComboBox(self.table)
            for key, label in choices.items():
                box.addItem(label, key)
            box.setCurrentIndex(max(0, box.findData(current)))
            self.table.setCellWidget(row, column, box)
        self.table.setItem(row, PRICE, QTableWidgetItem(str(item.price)))
        self.table.setItem(row, DESCRIPTION, QTableWidgetItem(item.description))
        self.table.setCurrentCell(row, NAME)

    def remove_current_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def items(self) -> list[CatalogueItem]:
        """The rows as entered; a price that is not a number is reported by accept()."""
        result = []
        for row in range(self.table.rowCount()):
            def text(column: int, row: int = row) -> str:
                cell = self.table.item(row, column)
                return cell.text() if cell is not None else ""

            def choice(column: int, row: int = row) -> str:
                box = self.table.cellWidget(row, column)
                return str(box.currentData()) if isinstance(box, QComboBox) else ""

            name_cell = self.table.item(row, NAME)
            entry_id = name_cell.data(ID_ROLE) if name_cell is not None else None
            try:
                price = Decimal(text(PRICE).replace(",", "").strip() or "0")
            except InvalidOperation:
                price = Decimal(-1)
            result.append(CatalogueItem(entry_id, text(NAME), choice(KIND), choice(PRICING_COLUMN),
                                        price, choice(CURRENCY), text(DESCRIPTION)))
        return result

    def commit_open_editor(self) -> None:
        """Keep what is typed in a cell still being edited (OK by keyboard leaves it open)."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.table.indexWidget(self.table.currentIndex())
        if editor is not None and not isinstance(editor, QComboBox):  # combos are cells
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def accept(self) -> None:
        self.commit_open_editor()
        try:
            self.service.replace(self.items())
        except ValidationFailed as exc:
            self.error_label.setText("\n".join(exc.problems.values()))
            return
        super().accept()


class OwnedModulesDialog(QDialog):
    """Tick what the account already owns; the rest is expansion whitespace."""

    def __init__(self, service: CatalogueService, account_id: int, account_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.account_id = service, account_id
        self.setWindowTitle(translate("OwnedModulesDialog", "Modules and plan owned"))
        self.listing = QListWidget(self)
        owned = service.owned(account_id)
        for item in service.items():
            entry = QListWidgetItem(f"{item.name} ({KINDS.get(item.kind, item.kind)})")
            entry.setData(ID_ROLE, item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if item.id in owned
                                else Qt.CheckState.Unchecked)
            self.listing.addItem(entry)
        heading = QLabel(translate("OwnedModulesDialog",
                                   "What {account_name} already "
                                   "owns:").format(account_name=account_name), self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.listing)
        layout.addWidget(_buttons(self))

    def checked_ids(self) -> list[int]:
        return [int(self.listing.item(i).data(ID_ROLE)) for i in range(self.listing.count())
                if self.listing.item(i).checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        self.service.set_owned(self.account_id, self.checked_ids())
        super().accept()


class HealthWeightsDialog(QDialog):
    """How much each dimension counts in the health total (relative weights)."""

    def __init__(self, service: InsightService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(translate("HealthWeightsDialog", "Health weights"))
        self.spins: dict[Dimension, QDoubleSpinBox] = {}
        current = service.weights()
        form = QFormLayout()
        for dimension in Dimension:
            spin = QDoubleSpinBox(self)
            spin.setRange(0, 100)
            spin.setDecimals(1)
            spin.setValue(current.weight(dimension))
            self.spins[dimension] = spin
            form.addRow(f"{DIMENSION_LABELS[dimension]}:", spin)
        self.error_label = _error_label(self)
        reset = QPushButton(translate("HealthWeightsDialog", "Reset to &defaults"), self)
        reset.clicked.connect(lambda: self.show_weights(DEFAULT_WEIGHTS))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("HealthWeightsDialog",
                                          "Weights are relative: a dimension without data is left "
                                          "out and "
                                "the others share its weight."), self))
        layout.addLayout(form)
        layout.addWidget(reset)
        layout.addWidget(self.error_label)
        layout.addWidget(_buttons(self))

    def show_weights(self, weights: HealthWeights) -> None:
        for dimension, spin in self.spins.items():
            spin.setValue(weights.weight(dimension))

    def accept(self) -> None:
        try:
            weights = HealthWeights.from_dict(
                {dimension.value: spin.value() for dimension, spin in self.spins.items()})
        except ValueError as exc:
            self.error_label.setText(str(exc))
            return
        self.service.set_weights(weights)
        super().accept()

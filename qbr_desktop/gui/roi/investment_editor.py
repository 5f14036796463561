"""The investment side of the model: one row per cost, and the discount rate for NPV."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.money import currency_symbol
from qbr_desktop.domain.roi import CostKind
from qbr_desktop.gui.roi.fields import FieldBox, number_for_document, number_for_field
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate

KIND_WORDS = {CostKind.SUBSCRIPTION: QT_TRANSLATE_NOOP("investment_editor", "Subscription"),
              CostKind.SERVICES: QT_TRANSLATE_NOOP("investment_editor", "Services"),
              CostKind.INTERNAL: QT_TRANSLATE_NOOP("investment_editor", "Internal cost")}


@dataclass
class CostRow:
    label: FieldBox
    kind: QComboBox
    amount: FieldBox
    recurring: QCheckBox
    remove: QPushButton


class InvestmentEditor(QWidget):
    # A cost or the discount rate changed.
    edited = Signal()
    # Cost rows were added or removed: the focus chain needs them.
    fields_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CostRow] = []
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(2, 2)
        self.amount_caption = QLabel(self)
        for column, caption in enumerate((translate("InvestmentEditor", "Cost"),
                                          translate("InvestmentEditor", "Kind"), "", "")):
            self.grid.addWidget(self.amount_caption if column == 2 else QLabel(caption, self),
                                0, column)
        self.add_button = QPushButton(translate("InvestmentEditor", "Add c&ost"), self)
        self.add_button.clicked.connect(self._add_clicked)
        rate_edit = QLineEdit(self)
        rate_edit.setObjectName("roiDiscountRate")
        rate_edit.setMaximumWidth(90)
        rate_edit.setPlaceholderText("10")
        rate_edit.textEdited.connect(lambda _text: self.edited.emit())
        self.rate = FieldBox(rate_edit, self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        rate_caption = QLabel(translate("InvestmentEditor", "Dis&count rate for NPV (%)"), self)
        rate_caption.setBuddy(rate_edit)
        bottom.addWidget(rate_caption)
        bottom.addWidget(self.rate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addLayout(bottom)

    def load(self, items: list[dict[str, Any]], discount_rate: object, currency: str) -> None:
        while self.rows:
            self._drop(self.rows[-1])
        self.amount_caption.setText(translate("InvestmentEditor", "Amount ({currency})").format(
            currency=currency_symbol(currency).strip()))
        for item in items:
            self._add(item)
        self._text(self.rate).setText(number_for_field(discount_rate, percent=True))
        self.fields_changed.emit()

    def focus_order(self) -> list[QWidget]:
        """Each cost row left to right, then adding a cost and the discount rate."""
        return [*(widget for row in self.rows for widget in (
            row.label.editor, row.kind, row.amount.editor, row.recurring, row.remove)),
            self.add_button, self.rate.editor]

    @staticmethod
    def _text(field: FieldBox) -> QLineEdit:
        assert isinstance(field.editor, QLineEdit)
        return field.editor

    def _add(self, item: dict[str, Any]) -> CostRow:
        label_edit, amount_edit = QLineEdit(str(item.get("label", "")), self), QLineEdit(self)
        amount_edit.setText(number_for_field(item.get("amount")))
        kind = QComboBox(self)
        for cost_kind, words in KIND_WORDS.items():
            kind.addItem(translate("investment_editor", words), cost_kind.value)
        kind.setCurrentIndex(max(kind.findData(item.get("kind")), 0))
        recurring = QCheckBox(translate("InvestmentEditor", "Yearly"), self)
        recurring.setToolTip(translate("InvestmentEditor",
                                       "Checked: a yearly cost, billed in advance. "
                             "Unchecked: paid once, at signing."))
        recurring.setChecked(bool(item.get("recurring", True)))
        remove = QPushButton("✕", self)
        remove.setToolTip(translate("InvestmentEditor", "Remove this cost"))
        remove.setAccessibleName(translate("InvestmentEditor", "Remove cost"))
        remove.setMaximumWidth(32)
        row = CostRow(FieldBox(label_edit, self), kind, FieldBox(amount_edit, self),
                      recurring, remove)
        at = len(self.rows) + 1
        for column, widget in enumerate((row.label, kind, row.amount, recurring, remove)):
            self.grid.addWidget(widget, at, column)
        self.rows.append(row)
        for edit in (label_edit, amount_edit):
            edit.textEdited.connect(lambda _text: self.edited.emit())
        kind.currentIndexChanged.connect(lambda _i: self.edited.emit())
        recurring.toggled.connect(lambda _on: self.edited.emit())
        remove.clicked.connect(lambda: self._remove_clicked(row))
        return row

    def _drop(self, row: CostRow) -> None:
        for widget in (row.label, row.kind, row.amount, row.recurring, row.remove):
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self.rows.remove(row)

    def _add_clicked(self) -> None:
        row = self._add({"label": "", "kind": CostKind.SERVICES.value, "recurring": False})
        self.fields_changed.emit()
        self._text(row.label).setFocus()
        self.edited.emit()

    def _remove_clicked(self, row: CostRow) -> None:
        # Later rows move up a grid line, so the rows are laid out again in order.
        items = [r for r in self.documents()]
        index = self.rows.index(row)
        rate = self._text(self.rate).text()
        del items[index]
        while self.rows:
            self._drop(self.rows[-1])
        for item in items:
            self._add(item)
        self._text(self.rate).setText(rate)
        self.fields_changed.emit()
        self.edited.emit()

    def documents(self) -> list[dict[str, Any]]:
        items = []
        for row in self.rows:
            item: dict[str, Any] = {
                "label": self._text(row.label).text(), "kind": row.kind.currentData(),
                "recurring": row.recurring.isChecked()}
            amount = number_for_document(self._text(row.amount).text())
            if amount is not None:  # missing: the domain says so under the field
                item["amount"] = amount
            items.append(item)
        return items

    def discount_rate(self) -> str:
        return number_for_document(self._text(self.rate).text(), percent=True) or "0.10"

    def show_problems(self, problems: dict[str, str]) -> None:
        for index, row in enumerate(self.rows):
            row.label.show_problem(problems.get(f"investments[{index}].label", ""))
            row.amount.show_problem(problems.get(f"investments[{index}].amount", ""))
        self.rate.show_problem(problems.get("discount_rate", ""))

"""The form for one value line: name, category, that category's inputs, period and evidence.

It edits the line's entry of the ROI document (the JSON form the service stores), so a
line keeps fields the form does not show (its id) untouched. Scenario multipliers are
optional: left empty, the line's confidence sets its conservative and optimistic range.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from qbr_desktop.domain.money import currency_symbol
from qbr_desktop.domain.roi import (
    DEFAULT_PERIOD_DAYS,
    HAIRCUTS,
    INPUTS,
    SPECS,
    Category,
    Confidence,
    Kind,
)
from qbr_desktop.gui.roi.fields import (
    FieldBox,
    message_label,
    number_for_document,
    number_for_field,
    plain_number,
)
from qbr_desktop.gui.translation import translate
from qbr_desktop.i18n import ui_label

PERCENT_KINDS = (Kind.SHARE, Kind.CHANGE)
ALL_INPUTS = {name for specs in SPECS.values() for name in specs}
# Plain line fields (not inputs) that hold numbers; the value is the hint shown when empty.
NUMBER_FIELDS = {"period_days": str(DEFAULT_PERIOD_DAYS), "weight": "1",
                 "baseline": "before", "target": "goal", "outcome": "now"}
# The scenario multipliers' fields, named as the domain names their problems.
MULTIPLIERS = {"low": "multipliers.low", "expected": "multipliers.expected",
               "high": "multipliers.high"}


def _hint(kind: Kind) -> str:
    return {Kind.SHARE: "0–100",
            Kind.CHANGE: translate("line_editor", "-100–100; below 0 is an increase"),
            Kind.SIGNED_MONEY: translate("line_editor", "below 0 is a cost increase")}.get(kind, "")


class LineEditor(QWidget):
    # The CSM changed a field; document() has the line as it now reads.
    edited = Signal()
    # Fields were replaced (another category's inputs): the focus chain needs them.
    fields_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: dict[str, Any] = {}
        self._currency = "USD"
        self.fields: dict[str, FieldBox] = {}
        self.input_fields: dict[str, FieldBox] = {}
        self._input_captions: list[QLabel] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self.label_edit = self._line_edit("label",
                                          translate("LineEditor",
                                                    "What the customer gained, in their words"))
        self.category_box = QComboBox(self)
        for category in Category:
            self.category_box.addItem(ui_label(category.label), category.value)
        self.confidence_box = QComboBox(self)
        for confidence, words in ((Confidence.HIGH, translate("LineEditor", "High — measured")),
                                  (Confidence.MEDIUM,
                                   translate("LineEditor", "Medium — agreed estimate")),
                                  (Confidence.LOW, translate("LineEditor", "Low — our estimate"))):
            self.confidence_box.addItem(words, confidence.value)
        for name in ("category", "confidence"):
            self.fields[name] = FieldBox(self.category_box if name == "category"
                                         else self.confidence_box, self)
        for name, hint in NUMBER_FIELDS.items():
            self._line_edit(name, hint)
        for field_name in MULTIPLIERS.values():
            self._line_edit(field_name, "")
        self.description_edit = self._line_edit("description",
                                                translate("LineEditor",
                                                          "What changed for the customer"))
        self.evidence_edit = self._line_edit("evidence",
                                             translate("LineEditor", "Where the numbers come from"))
        self.other_problems = message_label(self)
        self.inputs_row = 0
        self._lay_out()
        self.category_box.currentIndexChanged.connect(self._category_changed)
        self.confidence_box.currentIndexChanged.connect(self._confidence_changed)

    def _line_edit(self, name: str, hint: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(hint)
        edit.setObjectName(f"roiLine_{name}")
        edit.textEdited.connect(lambda _text: self.edited.emit())
        self.fields[name] = FieldBox(edit, self)
        return edit

    def focus_order(self) -> list[QWidget]:
        """The fields as they read: two to a row, left then right."""
        names = ["label", "category", "confidence", *self.input_fields, "period_days",
                 "weight", "baseline", "target", "outcome", "description", "evidence",
                 *MULTIPLIERS.values()]
        return [self.fields[name].editor for name in names]

    def _place(self, row: int, column: int, caption: str, name: str, span: int = 1) -> QLabel:
        """Caption above its field, two fields a row: the account pane is narrow."""
        caption_label = QLabel(caption, self)
        caption_label.setBuddy(self.fields[name].editor)
        self.grid.addWidget(caption_label, 2 * row, column, 1, span)
        self.grid.addWidget(self.fields[name], 2 * row + 1, column, 1, span,
                            Qt.AlignmentFlag.AlignTop)
        # A layout shows new children only on the next event loop turn; the fields of a
        # new category must be usable (and their messages visible) at once.
        caption_label.show()
        self.fields[name].show()
        return caption_label

    def _lay_out(self) -> None:
        self._place(0, 0, translate("LineEditor", "&Name"), "label", 2)
        self._place(1, 0, translate("LineEditor", "Cate&gory"), "category")
        self._place(1, 1, translate("LineEditor", "Confidence"), "confidence")
        self.inputs_row = 2  # the category's inputs go in rows 2 and 3
        self._place(4, 0, translate("LineEditor", "Period (days)"), "period_days")
        self._place(4, 1, translate("LineEditor", "Business weight"), "weight")
        self._place(5, 0, translate("LineEditor", "Baseline"), "baseline")
        self._place(5, 1, translate("LineEditor", "Target"), "target")
        self._place(6, 0, translate("LineEditor", "Outcome"), "outcome")
        self._place(7, 0, translate("LineEditor", "Description"), "description", 2)
        self._place(8, 0, translate("LineEditor", "Evidence"), "evidence", 2)
        self._place(9, 0, translate("LineEditor", "Conservative ×"), MULTIPLIERS["low"])
        self._place(9, 1, translate("LineEditor", "Expected ×"), MULTIPLIERS["expected"])
        self._place(10, 0, translate("LineEditor", "Optimistic ×"), MULTIPLIERS["high"])
        self.multiplier_note = QLabel(self)
        self.multiplier_note.setWordWrap(True)
        self.multiplier_note.setObjectName("roiMultiplierNote")
        self.grid.addWidget(self.multiplier_note, 20, 1, 2, 1, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(self.other_problems, 30, 0, 1, 2)

    # Loading -------------------------------------------------------------------------
    def load(self, document: dict[str, Any], currency: str) -> None:
        """Show one line of the ROI document; edits go to a copy read by document()."""
        self._document = dict(document)
        self._currency = currency
        for box in (self.category_box, self.confidence_box):
            box.blockSignals(True)
        self.category_box.setCurrentIndex(
            max(self.category_box.findData(document.get("category")), 0))
        self.confidence_box.setCurrentIndex(
            max(self.confidence_box.findData(document.get("confidence", "medium")), 0))
        for box in (self.category_box, self.confidence_box):
            box.blockSignals(False)
        for name in ("label", "description", "evidence"):
            self._text(name).setText(str(document.get(name) or ""))
        for name in NUMBER_FIELDS:
            self._text(name).setText(number_for_field(document.get(name)))
        multipliers = document.get("multipliers")
        for key, name in MULTIPLIERS.items():
            raw = multipliers.get(key) if isinstance(multipliers, dict) else None
            self._text(name).setText(number_for_field(raw))
        self._show_confidence_range()
        self._build_inputs()
        self.show_problems({})

    def _text(self, name: str) -> QLineEdit:
        editor = self.fields[name].editor
        assert isinstance(editor, QLineEdit)
        return editor

    def category(self) -> Category:
        return Category(self.category_box.currentData())

    def _build_inputs(self) -> None:
        """The current category's inputs, two to a row, filled from the document."""
        old: list[QWidget] = [*self.input_fields.values(), *self._input_captions]
        for widget in old:
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        for name in self.input_fields:
            self.fields.pop(name, None)
        self.input_fields, self._input_captions = {}, []
        symbol = currency_symbol(self._currency).strip()
        for index, spec in enumerate(INPUTS[self.category()]):
            percent = spec.kind in PERCENT_KINDS
            unit = "%" if percent else (symbol if spec.kind in (
                Kind.MONEY, Kind.SIGNED_MONEY) else "")
            caption = ui_label(spec.caption)
            if unit:
                caption = translate("LineEditor", "{caption} ({unit})").format(caption=caption,
                                                                              unit=unit)
            edit = self._line_edit(spec.name, _hint(spec.kind))
            edit.setText(number_for_field(self._document.get(spec.name), percent=percent))
            self.input_fields[spec.name] = self.fields[spec.name]
            row, column = self.inputs_row + index // 2, index % 2
            self._input_captions.append(self._place(
                row, column, caption, spec.name))
        self.fields_changed.emit()

    def _confidence_changed(self, _index: int) -> None:
        self._show_confidence_range()
        self.edited.emit()

    def _show_confidence_range(self) -> None:
        """Empty multiplier fields show the range the line's confidence gives instead."""
        cut = HAIRCUTS[Confidence(self.confidence_box.currentData())]
        for key, factor in (("low", 1 - cut), ("expected", Decimal(1)), ("high", 1 + cut)):
            self._text(MULTIPLIERS[key]).setPlaceholderText(plain_number(factor))
        self.multiplier_note.setText(
            translate("LineEditor",
                      "Leave all three empty to use ±{plain_number}% from the "
                      "confidence.").format(plain_number=plain_number(cut * 100)))

    def _category_changed(self, _index: int) -> None:
        self._build_inputs()
        self.edited.emit()

    # Reading -------------------------------------------------------------------------
    def document(self) -> dict[str, Any]:
        """The line as typed, in document form (numbers as the text the CSM typed)."""
        data = {key: value for key, value in self._document.items() if key not in ALL_INPUTS}
        data["category"] = self.category_box.currentData()
        data["confidence"] = self.confidence_box.currentData()
        for name in ("label", "description", "evidence"):
            data[name] = self._text(name).text()
        for name in NUMBER_FIELDS:
            number = number_for_document(self._text(name).text())
            if name == "period_days":
                data[name] = DEFAULT_PERIOD_DAYS if number is None else number
            elif name == "weight":
                data[name] = "1" if number is None else number
            else:
                data[name] = number
        for spec in INPUTS[self.category()]:
            number = number_for_document(self._text(spec.name).text(),
                                         percent=spec.kind in PERCENT_KINDS)
            if number is not None:
                data[spec.name] = number
        factors = {key: number_for_document(self._text(name).text())
                   for key, name in MULTIPLIERS.items()}
        data["multipliers"] = None if all(v is None for v in factors.values()) else factors
        return data

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each message under its field; any without a field (a bad id) below the form."""
        for name, field in self.fields.items():
            field.show_problem(problems.get(name, ""))
        others = [message for name, message in problems.items() if name not in self.fields]
        self.other_problems.setText("\n".join(others))
        self.other_problems.setVisible(bool(others))

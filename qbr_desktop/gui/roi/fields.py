"""Small pieces the ROI forms share: a field with its inline message, and number text.

The forms hand the domain what the CSM typed (as the JSON document's text), so the
domain's own checks word every message; the GUI only turns percent fields into fractions.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from qbr_desktop.domain.money import number_style
from qbr_desktop.domain.roi import Figure
from qbr_desktop.domain.roi_story import NOT_AVAILABLE
from qbr_desktop.i18n import msg, ui_label, ui_text


def plain_number(value: Decimal) -> str:
    """'1200', '0.5', '-25': how a stored number reads back in a field (no grouping, the
    locale's decimal point)."""
    text = f"{value:f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text.replace(".", number_style().decimal)


def number_for_document(text: str, *, percent: bool = False) -> str | None:
    """The document's text for what was typed; None for an empty field.

    The locale's grouping is dropped ("1,200" is 1200; "1.200" in German) and its decimal
    point read. Text that is not a finite number goes through unchanged, so the domain's
    message quotes what was typed.
    """
    cleaned = number_style().plain(text.strip().removesuffix("%").strip())
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return text.strip()
    if not value.is_finite():
        return text.strip()
    return str(value.scaleb(-2)) if percent else str(value)


def number_for_field(raw: object, *, percent: bool = False) -> str:
    """What a field shows for the document's value (a fraction shows as a percent)."""
    if raw is None:
        return ""
    try:
        value = Decimal(str(raw))
    except InvalidOperation:
        return str(raw)
    if not value.is_finite():
        return str(raw)
    return plain_number(value.scaleb(2) if percent else value)


def figure_text(figure: Figure, shown: str) -> str:
    """The figure as shown, or "n/a — the reason" (never ∞)."""
    if figure.value is not None:
        return shown
    if not figure.reason:
        return ui_label(NOT_AVAILABLE)
    return ui_text(msg("n/a — {reason}", reason=ui_label(figure.reason)))


def message_label(parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setProperty("class", "fieldError")  # styled red by style.qss
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def mark(editor: QWidget, label: QLabel, message: str) -> None:
    """Show the message under the editor and mark the editor, or clear both."""
    if label.text() != message:
        label.setText(message)
    label.setVisible(bool(message))
    editor.setToolTip(message)
    wanted = "true" if message else "false"
    if editor.property("invalid") != wanted:
        editor.setProperty("invalid", wanted)
        editor.style().unpolish(editor)
        editor.style().polish(editor)


class FieldBox(QWidget):
    """An editor with its message beneath it, as one grid cell."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.message = message_label(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        layout.addWidget(self.message)

    def show_problem(self, message: str) -> None:
        mark(self.editor, self.message, message)


def chain_focus(widgets: Sequence[QWidget]) -> None:
    """Tab goes from each widget to the next, in this order (hidden ones are skipped)."""
    for before, after in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(before, after)

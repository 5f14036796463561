"""The one way to make a label that shows data: plain text, selectable, wrapping."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def text_label(text: str = "", *, name: str = "", wrap: bool = True) -> QLabel:
    """A label for names, figures and sentences from the portfolio.

    Plain text, because account names and notes may hold "<" and "&", which rich text
    would read as markup; selectable, so a CSM can copy a figure into an email.
    """
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label

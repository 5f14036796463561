"""Typing as a person does, in any script.

QTest.keyClicks only knows the keys of plain ASCII and a few Latin-1 capitals (it aborts on
"é" or "ö"), so any other character is committed the way an input method commits it (a
QInputMethodEvent), which is how a CSM's Chinese, Japanese or Arabic keyboard (or a dead
key's accent) delivers text to Qt. Emoji come from the system's
emoji picker, which commits them the same way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def type_text(widget: Any, text: str) -> None:
    """Type `text` into the focused `widget`: keys for ASCII, input-method commits for the
    rest, in order."""
    run = ""
    for char in text:
        if ord(char) < 128 and char != "\n":
            run += char
            continue
        if run:
            QTest.keyClicks(widget, run)
            run = ""
        if char == "\n":
            from PySide6.QtCore import Qt

            QTest.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
            continue
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget.focusProxy() or widget, event)
    if run:
        QTest.keyClicks(widget, run)

"""Answering the app's own message boxes as a person does: by clicking a button, or a key.

A modal box runs its own event loop; the answer is given from a timer that fires inside
that loop, once the box is on screen, and records what the box said.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

POLL_MS = 20


@dataclass
class Answerer:
    """Clicks `button` (its text without the & marks) in every box that opens, or presses
    `key` in it; with `then`, the boxes after the first get those answers in turn. `seen`
    keeps each box's text and informative text, `buttons` their button labels."""

    button: str | None = None
    key: Qt.Key | None = None
    then: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)
    buttons: list[list[str]] = field(default_factory=list)
    timer: QTimer = field(default_factory=QTimer)

    def start(self) -> Answerer:
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._answer)
        self.timer.start()
        return self

    def stop(self) -> None:
        self.timer.stop()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        self.seen.append(f"{box.text()}\n{box.informativeText()}")
        self.buttons.append([label(b) for b in box.buttons()])
        key, button = self.key, self.button
        if len(self.seen) > 1 and self.then:
            key, button = None, self.then.pop(0)
        if key is not None:
            QTest.keyClick(box, key)
            return
        wanted = next(b for b in box.buttons() if label(b) == button)
        QTest.mouseClick(wanted, Qt.MouseButton.LeftButton)


def label(button: QAbstractButton) -> str:
    return button.text().replace("&", "")


def answer_with(button: str | None = None, key: Qt.Key | None = None,
                then: tuple[str, ...] = ()) -> Answerer:
    return Answerer(button=button, key=key, then=list(then)).start()


def visible_boxes() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]

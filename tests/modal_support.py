"""Driving a modal dialog from a test: the dialog's exec() blocks, so a timer steps in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

DialogT = TypeVar("DialogT", bound=QDialog)


def when_dialog_opens(parent: QWidget, kind: type[DialogT],
                      drive: Callable[[DialogT], None]) -> list[str]:
    """Run `drive` on the `kind` dialog once it is open; close it if `drive` fails.

    Returns a list that collects what `drive` raised, so the test can assert it is empty
    instead of the failure vanishing inside Qt's event loop.
    """
    problems: list[str] = []

    def step() -> None:
        dialogs = [d for d in parent.findChildren(kind) if d.isVisible()]
        if not dialogs:
            QTimer.singleShot(10, step)
            return
        dialog = dialogs[-1]
        try:
            drive(dialog)
        except Exception as exc:  # noqa: BLE001 - reported by the test, not lost in Qt
            problems.append(repr(exc))
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, step)
    return problems

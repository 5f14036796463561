"""The one question a refused save asks: reload the colleague's change, or keep mine."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from qbr_desktop.gui.translation import translate
from qbr_desktop.store.errors import EditConflictError

# Asked when a save or an undo meets someone else's newer change: True keeps mine.
KeepMine = Callable[[EditConflictError], bool]
T = TypeVar("T")


def ask_keep_mine(parent: QWidget | None, conflict: EditConflictError) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("edit_conflicts", "Changed by someone else"), str(conflict),
                      parent=parent)
    box.addButton(translate("edit_conflicts", "Reload theirs"), QMessageBox.ButtonRole.RejectRole)
    mine = box.addButton(translate("edit_conflicts", "Keep mine"),
                         QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return box.clickedButton() is mine


def save_over(parent: QWidget | None, checked: Callable[[], T], forced: Callable[[], T],
              keep_mine: KeepMine | None = None) -> T | None:
    """Run a save that checks what the person saw (`checked`); over a colleague's newer
    change, ask: "keep mine" runs `forced` (the same save, unchecked), "reload" returns None
    and the caller shows what is stored now."""
    try:
        return checked()
    except EditConflictError as conflict:
        ask = keep_mine or (lambda refused: ask_keep_mine(parent, refused))
        return forced() if ask(conflict) else None

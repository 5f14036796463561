"""The one question a refused save asks: reload the colleague's change, or keep mine."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from qbr_desktop.gui.translation import translate
from qbr_desktop.store.errors import EditConflictError

#: Asked when a save or an undo meets someone else's newer change: True keeps mine.
KeepMine = Callable[[EditConflictError], bool]


def ask_keep_mine(parent: QWidget | None, conflict: EditConflictError) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("edit_conflicts", "Changed by someone else"), str(conflict),
                      parent=parent)
    box.addButton(translate("edit_conflicts", "Reload theirs"), QMessageBox.ButtonRole.RejectRole)
    mine = box.addButton(translate("edit_conflicts", "Keep mine"),
                         QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return box.clickedButton() is mine

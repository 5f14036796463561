"""The question before an export writes over a file of the same name: the CSM may have
edited the earlier deck in PowerPoint, so replacing it is never silent."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from qbr_desktop.gui.translation import translate

if TYPE_CHECKING:
    from qbr_desktop.services.deck_jobs import Destination

NAME_LIMIT = 90


class OverwriteChoice(Enum):
    REPLACE = "replace"
    KEEP_BOTH = "keep both"
    CANCEL = "cancel"


def _shown(name: str) -> str:
    """Long account names make long file names: the question stays readable on a laptop."""
    return name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1] + "…"


def ask_overwrite(parent: QWidget, found: Destination) -> OverwriteChoice:
    """Replace, keep both (the new file under the next free name) or cancel; Escape
    cancels and Return keeps both, the choice that loses nothing."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("overwrite_question", "Replace the file?"),
                      translate("overwrite_question",
                                "“{shown}” is already in "
                                "{parent}.").format(shown=_shown(found.path.name),
                                                    parent=found.path.parent),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        translate("overwrite_question",
                  "Replacing it loses any changes made to it since it was written, in PowerPoint "
                  "or elsewhere. Keep both saves the new one as "
                  "“{shown}”.").format(shown=_shown(found.copy_path.name)))
    replace = box.addButton(translate("overwrite_question", "&Replace"),
                            QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(translate("overwrite_question", "&Keep both"),
                         QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is replace:
        return OverwriteChoice.REPLACE
    if clicked is keep:
        return OverwriteChoice.KEEP_BOTH
    return OverwriteChoice.CANCEL

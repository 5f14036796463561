"""When the team server cannot be reached: try again, or work in the last local portfolio.

A dialog of its own (not a traceback, not a bare error box), asked on the GUI thread by the
portfolio opener (application.PortfolioWindows) when opening a server failed for that reason.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from qbr_desktop.gui.translation import translate


class OfflineChoice(Enum):
    RETRY = "retry"
    LOCAL = "local"
    QUIT = "quit"


# (parent, the sentence saying why, the last local portfolio or None) -> the choice.
AskOffline = Callable[[QWidget | None, str, Path | None], OfflineChoice]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServerOffline", text)


def ask_offline(parent: QWidget | None, sentence: str, local: Path | None) -> OfflineChoice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr(translate("server_offline", "Team server unreachable")))
    box.setText(sentence)
    if local is not None:
        box.setInformativeText(_tr(translate("server_offline",
                                             "You can try again, or work in your last local "
                                             "portfolio "
                                   "({name}) meanwhile.")).replace("{name}", local.name))
    retry = box.addButton(_tr(translate("server_offline", "Try again")),
                          QMessageBox.ButtonRole.AcceptRole)
    local_button = (box.addButton(_tr(translate("server_offline", "Open last local portfolio")),
                                  QMessageBox.ButtonRole.ActionRole) if local else None)
    box.addButton(_tr(translate("server_offline", "Close")), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    if clicked is retry:
        return OfflineChoice.RETRY
    if local_button is not None and clicked is local_button:
        return OfflineChoice.LOCAL
    return OfflineChoice.QUIT

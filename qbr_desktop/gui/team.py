"""A window on a team server: who is working, their accounts first, colleagues' changes.

On a server the person says who they are once (name and email, kept in the per-user
folder, services/identity.py) and is added to the server's list of CSMs; the account list
then offers "My accounts" (first, when they own any) and "All accounts". A portfolio file
is one person's and shows none of this.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from qbr_desktop.gui.colleague_changes import ColleagueFollower, watch_colleagues
from qbr_desktop.gui.translation import translate
from qbr_desktop.services.identity import (
    Identity,
    current_identity,
    is_mine,
    register_member,
    save_identity,
    stored_identity,
)
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.gui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Team", text)


class IdentityDialog(QDialog):
    """Name and email, asked once: saves and new accounts are recorded under them."""

    def __init__(self, parent: QWidget | None, suggested: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr(translate("IdentityDialog", "Who are you?")))
        self.name_edit = QLineEdit(suggested, self)
        self.email_edit = QLineEdit(self)
        self.email_edit.setPlaceholderText(translate("IdentityDialog", "name@company.example"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(_tr(translate("IdentityDialog",
                                           "Your colleagues on this team server see your name "
                                           "beside "
                                 "the accounts you own and the changes you save.")), self))
        layout.addRow(_tr(translate("IdentityDialog", "Name")), self.name_edit)
        layout.addRow(_tr(translate("IdentityDialog", "Email")), self.email_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept_if_named)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def _accept_if_named(self) -> None:
        if self.name_edit.text().strip():
            self.accept()

    def identity(self) -> Identity:
        return Identity(self.name_edit.text().strip(), self.email_edit.text().strip())


def ask_identity(window: MainWindow) -> None:
    dialog = IdentityDialog(window, current_identity().name)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        save_identity(dialog.identity())
        _register(window)
        window.list_panel.show_owner_choice(_mine())


def _mine() -> Callable[[str], bool]:
    me = current_identity()
    return lambda owner: is_mine(owner, me)


def _register(window: MainWindow) -> None:
    identity = stored_identity()
    if identity is None:
        return
    try:
        register_member(window.context.store.sessions, identity)
    except StoreError as exc:  # read-only role, server away: the list of CSMs can wait
        window.statusBar().showMessage(str(exc), 10_000)


def join_team(window: MainWindow) -> ColleagueFollower | None:
    """Set `window` up for a team server (nothing for a file)."""
    if window.context.store.path is not None:
        return None
    window.list_panel.show_owner_choice(_mine())
    if stored_identity() is None:
        QTimer.singleShot(0, lambda: ask_identity(window))  # once the window is up
    else:
        _register(window)
    return watch_colleagues(window)

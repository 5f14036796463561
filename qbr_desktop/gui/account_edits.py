"""Editing accounts from the main window: a field stored as the CSM leaves it, a new
account, the selected account deleted. Each goes through the window's AccountEditor (so
Ctrl+Z undoes it) and says in the status bar what happened, or on the field why not."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from qbr_desktop.domain.errors import DomainError, ValidationFailed
from qbr_desktop.gui.translation import translate
from qbr_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from qbr_desktop.gui.main_window import MainWindow

SAVED_MESSAGE_MS = 4000


def save_field(window: MainWindow, field_name: str, value: Any) -> None:
    """The account page's field `field_name`, left with `value`: stored, or marked on the
    page as not stored and why."""
    account = window.page.account
    if account is None:
        return
    try:
        window.page.account = window.editor.edit(account, {field_name: value})
        if window.editor.reloaded:  # a colleague's newer value, chosen over what was typed
            window.page.show_account(window.page.account)
    except ValidationFailed as exc:
        window.page.show_problems(exc.problems, only=set(exc.problems) | {field_name})
        return
    except (DomainError, StoreError) as exc:
        # Not stored (the file busy, read-only, full): the field keeps what was typed,
        # marked as not saved beside it, so what is shown is never taken for stored;
        # leaving the account or quitting asks about it.
        window.page.show_problems({field_name: translate("MainWindow",
                                                         "Not saved: {exc}").format(exc=exc)},
                                  only={field_name})
        window.statusBar().showMessage(translate("MainWindow",
                                                 "Not saved: {exc}").format(exc=exc),
                                       SAVED_MESSAGE_MS * 2)
        return
    window.page.show_problems({}, only={field_name, "currency", "arr"}
                              if field_name in ("arr", "currency") else {field_name})
    window.statusBar().showMessage(
        translate("MainWindow",
                  "Saved at "
                  "{astimezone:%H:%M:%S}").format(astimezone=datetime.now(UTC).astimezone()),
        SAVED_MESSAGE_MS)
    if field_name == "language" and value != account.draft.language:
        _say_what_kept(window, account.id, account.draft.language, value)


def _say_what_kept(window: MainWindow, account_id: int, old: str, new: str) -> None:
    """After a language switch: the agendas and task names someone edited stay."""
    from qbr_desktop.gui.agenda.language_notice import kept_words_text

    try:
        kept = window.context.agenda_language.kept(account_id, new)
    except (DomainError, StoreError):
        return  # the switch is stored; only the remark is lost
    window.page.show_language_notice(kept_words_text(kept, old, new))


def new_account(window: MainWindow) -> None:
    from qbr_desktop.domain.accounts import AccountDraft  # not needed to paint at start-up

    window.page.flush_pending()
    try:
        account = window.editor.create(AccountDraft(window.context.accounts.next_free_name()))
    except (DomainError, StoreError) as exc:
        window.show_failure(str(exc))
        return
    window.list_panel.select_account(account.id)
    window.page.form.nameEdit.setFocus()
    window.page.form.nameEdit.selectAll()


def delete_current_account(window: MainWindow) -> None:
    from PySide6.QtWidgets import QMessageBox

    account_id = window.list_panel.current_account_id()
    if account_id <= 0:
        return
    window.page.flush_pending()
    name = window.context.accounts.get(account_id).draft.name
    shown = name if len(name) <= 80 else name[:79] + "…"
    answer = QMessageBox.question(
        window, translate("MainWindow", "Delete account"),
        translate("MainWindow",
                  "Delete “{shown}” with its contacts, reviews and metric history?\n\nYou can "
                  "undo this with Ctrl+Z.").format(shown=shown),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return
    try:
        window.editor.delete(account_id)
    except (DomainError, StoreError) as exc:
        window.show_failure(str(exc))
        return
    window.statusBar().showMessage(translate("MainWindow",
                                             "Deleted “{shown}”. Ctrl+Z brings it "
                                             "back.").format(shown=shown),
                                   SAVED_MESSAGE_MS * 2)

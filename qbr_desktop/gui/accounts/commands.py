"""Undoable account edits: each command calls the account service, never SQL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from qbr_desktop.domain.accounts import FIELD_LABELS, Account, AccountDraft
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.gui.edit_conflicts import KeepMine, ask_keep_mine
from qbr_desktop.gui.translation import translate
from qbr_desktop.store.errors import EditConflictError, StoreError

if TYPE_CHECKING:  # the window is built before the store (and SQLAlchemy) is loaded
    from qbr_desktop.services.accounts import AccountService, DeletedAccount



class AccountEditor(QObject):
    """Runs account changes through the service and records them on the undo stack.

    Every change says what the person saw of the fields it changes, so a colleague's newer
    save is never overwritten unseen: the person reloads theirs or keeps their own.
    """

    # An account was created, edited, deleted or restored; carries its id.
    account_changed = Signal(int)
    # Undo or redo could not be applied (e.g. the name is now taken); carries the message.
    failed = Signal(str)

    def __init__(self, service: AccountService, parent: QObject | None = None,
                 keep_mine: KeepMine | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.undo_stack = QUndoStack(self)
        self.keep_mine = keep_mine or (lambda conflict: ask_keep_mine(
            parent if isinstance(parent, QWidget) else None, conflict))
        # The last edit found a newer change and the person took it: the page shows it.
        self.reloaded = False

    def save(self, account_id: int, changes: dict[str, Any],
             seen: dict[str, Any]) -> tuple[Account, bool]:
        """Save `changes` over the values `seen`; (the account, False when the person chose
        a colleague's newer values instead of theirs)."""
        try:
            return self.service.update(account_id, changes, expected=seen), True
        except EditConflictError as conflict:
            if self.keep_mine(conflict):
                return self.service.update(account_id, changes), True
            current = conflict.current
            assert isinstance(current, Account)
            return current, False

    def edit(self, account: Account, changes: dict[str, Any]) -> Account:
        """Save the changes now; raises ValidationFailed and saves nothing if they are invalid."""
        self.reloaded = False
        before = {name: getattr(account.draft, name) for name in changes}
        if before == changes:
            return account
        updated, saved = self.save(account.id, changes, before)
        if not saved:
            self.reloaded = True
            self.account_changed.emit(account.id)
            return updated
        # Notes a colleague changed meanwhile come back merged with these: shown at once.
        self.reloaded = "notes" in changes and updated.draft.notes != changes["notes"]
        label = ", ".join(FIELD_LABELS.get(name, name) for name in changes)
        self.undo_stack.push(_EditCommand(self, account.id, before, changes,
                                          translate("AccountEditor",
                                                    "Edit {label} of "
                                                    "“{name}”").format(label=label,
                                                                       name=_short(updated.draft.name))))
        self.account_changed.emit(account.id)
        return updated

    def create(self, draft: AccountDraft) -> Account:
        account = self.service.create(draft)
        self.undo_stack.push(_CreateCommand(self, account))
        self.account_changed.emit(account.id)
        return account

    def delete(self, account_id: int) -> DeletedAccount:
        snapshot = self.service.delete(account_id)
        self.undo_stack.push(_DeleteCommand(self, snapshot))
        self.account_changed.emit(account_id)
        return snapshot

    def run_safely(self, command: QUndoCommand, action: Any) -> None:
        try:
            account_id = action()
        except (DomainError, StoreError) as exc:
            command.setObsolete(True)
            self.failed.emit(translate("AccountEditor",
                                       "Could not {lower}: "
                                       "{exc}").format(lower=command.text().lower(), exc=exc))
            return
        self.account_changed.emit(account_id)


def _short(name: str, limit: int = 40) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


class _EditCommand(QUndoCommand):
    def __init__(self, editor: AccountEditor, account_id: int, before: dict[str, Any],
                 after: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self._editor, self._id, self._before, self._after = editor, account_id, before, after
        self._done = True  # the change was saved before the command was pushed

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._editor.run_safely(self, lambda: self._editor.save(
            self._id, self._after, self._before)[0].id)

    def undo(self) -> None:
        # Only over what this edit saved: a colleague's later change is not undone unseen.
        self._editor.run_safely(self, lambda: self._editor.save(
            self._id, self._before, self._after)[0].id)


class _CreateCommand(QUndoCommand):
    def __init__(self, editor: AccountEditor, account: Account) -> None:
        super().__init__(translate("_CreateCommand",
                                   "Create “{name}”").format(name=_short(account.draft.name)))
        self._editor, self._id = editor, account.id
        self._snapshot: DeletedAccount | None = None

    def redo(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            return  # first push: the account was just created
        self._editor.run_safely(self, lambda: self._editor.service.restore(snapshot).id)

    def undo(self) -> None:
        def remove() -> int:
            self._snapshot = self._editor.service.delete(self._id)
            return self._id
        self._editor.run_safely(self, remove)


class _DeleteCommand(QUndoCommand):
    def __init__(self, editor: AccountEditor, snapshot: DeletedAccount) -> None:
        super().__init__(translate("_DeleteCommand",
                                   "Delete “{name}”").format(name=_short(snapshot.name)))
        self._editor, self._snapshot = editor, snapshot
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return

        def remove() -> int:
            self._snapshot = self._editor.service.delete(int(self._snapshot.account["id"]))
            return int(self._snapshot.account["id"])
        self._editor.run_safely(self, remove)

    def undo(self) -> None:
        def put_back() -> int:
            account = self._editor.service.restore(self._snapshot)
            self._snapshot.account["id"] = account.id
            return account.id
        self._editor.run_safely(self, put_back)

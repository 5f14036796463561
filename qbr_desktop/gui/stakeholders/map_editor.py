"""Every change to a stakeholder map, and to who attends a review, made through the service
and recorded on an undo stack.

Each method saves first and pushes its command only when the save worked, so a change the
rules refuse (a reporting loop) raises to the caller and leaves nothing to undo. Undo and
redo replay the change through the service; if that fails (someone removed the person
meanwhile) the command is dropped and `failed` says why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.stakeholders import Attendance, InfluenceLink, Stakeholder
from qbr_desktop.gui.edit_conflicts import KeepMine, ask_keep_mine
from qbr_desktop.gui.translation import translate
from qbr_desktop.services.stakeholders import RemovedPerson, StakeholderService
from qbr_desktop.store.errors import EditConflictError, StoreError

Position = tuple[float, float]


def _short(name: str, limit: int = 30) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


class MapEditor(QObject):
    # The map's people or lines changed: reload it.
    changed = Signal()
    # Only card positions changed: {person id: (x, y)}.
    moved = Signal(object)
    # Who attends a review changed: the review id.
    attendance_changed = Signal(int)
    # Undo or redo could not be applied: the message.
    failed = Signal(str)

    def __init__(self, service: StakeholderService, parent: QObject | None = None,
                 keep_mine: KeepMine | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.keep_mine = keep_mine or (lambda conflict: ask_keep_mine(
            parent if isinstance(parent, QWidget) else None, conflict))
        self.undo_stack = QUndoStack(self)
        self.account_id: int | None = None

    def run_safely(self, command: QUndoCommand, action: Callable[[], object]) -> bool:
        try:
            action()
        except (DomainError, StoreError) as exc:
            command.setObsolete(True)
            self.failed.emit(translate("MapEditor",
                                       "Could not {lower}{value}: "
                                       "{exc}").format(lower=command.text()[:1].lower(),
                                                       value=command.text()[1:], exc=exc))
            return False
        return True

    # Changes -----------------------------------------------------------------------------
    def move(self, moved: Mapping[int, tuple[Position, Position]], text: str = "") -> None:
        """Store cards already moved on the canvas; undo puts them back."""
        after = {pid: positions[1] for pid, positions in moved.items()}
        self.service.move(after)
        before = {pid: positions[0] for pid, positions in moved.items()}
        count = len(moved)
        self.undo_stack.push(_MoveCommand(
            self,
            text or (translate("MapEditor", "Move %n card", None, count) if count == 1
                     else translate("MapEditor", "Move %n cards", None, count)), before, after))

    def add_person(self, account_id: int, person: Stakeholder,
                   near: tuple[float, float] | None = None) -> Stakeholder:
        """Add a person in a free place on the map, as close to `near` as there is room."""
        added = self.service.add_person(account_id, person, place=True, near=near)
        self.undo_stack.push(_AddCommand(self, added.id))
        self.changed.emit()
        return added

    def edit_person(self, before: Stakeholder, after: Stakeholder) -> None:
        """Save `after` over `before` (what the editor showed); a colleague's newer change
        is reloaded or replaced, as the CSM chooses (never replaced unseen)."""
        if before == after:
            return
        if not self.save_person(after, before):
            self.changed.emit()  # theirs, shown again
            return
        self.undo_stack.push(_EditCommand(self, before, after))
        self.changed.emit()

    def save_person(self, person: Stakeholder, seen: Stakeholder) -> bool:
        """False when the CSM chose a colleague's newer change over theirs."""
        try:
            self.service.update_person(person, seen=seen)
        except EditConflictError as conflict:
            if not self.keep_mine(conflict):
                return False
            self.service.update_person(person)
        return True

    def set_manager(self, person: Stakeholder, manager_id: int | None) -> None:
        from dataclasses import replace

        self.edit_person(person, replace(person, manager_id=manager_id))

    def add_link(self, source: int, target: int, strength: int = 2) -> InfluenceLink:
        link = self.service.add_link(source, target, strength)
        self.undo_stack.push(_LinkCommand(self, link))
        self.changed.emit()
        return link

    def set_attendance(self, review_id: int, before: Attendance, after: Attendance,
                       name: str) -> None:
        """Tick or clear a person's invited, confirmed or attended box for a review."""
        if before == after:
            return
        self.service.set_attendance(review_id, after, seen=before)  # others' marks stay
        self.undo_stack.push(_AttendanceCommand(self, review_id, before, after, name))
        self.attendance_changed.emit(review_id)

    def remove(self, people: Sequence[int], links: Sequence[InfluenceLink],
               reports: Sequence[Stakeholder]) -> None:
        """Remove people, influence links and reports-to lines (one undo step)."""
        if not (people or links or reports):
            return
        command = _RemoveCommand(self, list(people), list(links), list(reports))
        command.apply()
        self.undo_stack.push(command)
        self.changed.emit()


class _StateCommand(QUndoCommand):
    """A change from one stored state to another: the first redo is the save already made
    by MapEditor; later ones write `after` again, undo writes `before`."""

    def __init__(self, editor: MapEditor, text: str, before: Any, after: Any) -> None:
        super().__init__(text)
        self._editor, self._before, self._after = editor, before, after
        self._done = True

    def _write(self, state: Any) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._write(self._after)

    def undo(self) -> None:
        self._write(self._before)


class _MoveCommand(_StateCommand):
    def _write(self, positions: dict[int, Position]) -> None:
        if self._editor.run_safely(self, lambda: self._editor.service.move(positions)):
            self._editor.moved.emit(positions)


class _AddCommand(QUndoCommand):
    def __init__(self, editor: MapEditor, person_id: int) -> None:
        super().__init__(translate("_AddCommand", "Add a person"))
        self._editor, self._id = editor, person_id
        self._removed: RemovedPerson | None = None

    def redo(self) -> None:
        removed = self._removed
        if removed is None:
            return  # first push: the person was just added
        if self._editor.run_safely(self, lambda: self._editor.service.restore_person(removed)):
            self._editor.changed.emit()

    def undo(self) -> None:
        def remove() -> None:
            self._removed = self._editor.service.remove_person(self._id)
        if self._editor.run_safely(self, remove):
            self._editor.changed.emit()


class _EditCommand(_StateCommand):
    def __init__(self, editor: MapEditor, before: Stakeholder, after: Stakeholder) -> None:
        super().__init__(editor,
                         translate("_EditCommand",
                                   "Edit “{name}”").format(name=_short(after.name)), before, after)

    def _write(self, person: Stakeholder) -> None:
        # Only over the state this edit left or found: a later change is never undone unseen.
        seen = self._after if person is self._before else self._before
        if self._editor.run_safely(self, lambda: self._editor.save_person(person, seen)):
            self._editor.changed.emit()


class _AttendanceCommand(_StateCommand):
    def __init__(self, editor: MapEditor, review_id: int, before: Attendance,
                 after: Attendance, name: str) -> None:
        super().__init__(editor,
                         translate("_AttendanceCommand",
                                   "Change attendance of “{name}”").format(name=_short(name)),
                                   before, after)
        self._review = review_id

    def _write(self, entry: Attendance) -> None:
        editor = self._editor
        seen = self._after if entry is self._before else self._before
        if editor.run_safely(self, lambda: editor.service.set_attendance(self._review, entry,
                                                                         seen=seen)):
            editor.attendance_changed.emit(self._review)


class _LinkCommand(QUndoCommand):
    def __init__(self, editor: MapEditor, link: InfluenceLink) -> None:
        super().__init__(translate("_LinkCommand", "Draw an influence line"))
        self._editor, self._link = editor, link
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        link = self._link
        if self._editor.run_safely(self, lambda: self._editor.service.add_link(
                link.source, link.target, link.strength)):
            self._editor.changed.emit()

    def undo(self) -> None:
        link = self._link
        if self._editor.run_safely(self, lambda: self._editor.service.remove_link(
                link.source, link.target)):
            self._editor.changed.emit()


class _RemoveCommand(QUndoCommand):
    def __init__(self, editor: MapEditor, people: list[int], links: list[InfluenceLink],
                 reports: list[Stakeholder]) -> None:
        count = len(people)
        what = (translate("_RemoveCommand",
                          "{count} person").format(count=count) if count == 1 else translate(
                              "_RemoveCommand",
                              "{count} people").format(count=count)) if count else translate(
                                  "_RemoveCommand", "lines")
        super().__init__(translate("_RemoveCommand", "Remove {what}").format(what=what))
        self._editor = editor
        self._people, self._links, self._reports = people, links, reports
        self._removed: list[RemovedPerson] = []
        self._done = True

    def apply(self) -> None:
        """Do the removal (raises if the store refuses; nothing is pushed then)."""
        service = self._editor.service
        for person in self._reports:
            if person.id not in self._people:
                service.set_manager(person.id, None)
        for link in self._links:
            if link.source not in self._people and link.target not in self._people:
                service.remove_link(link.source, link.target)
        self._removed = [service.remove_person(pid) for pid in self._people]

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        if self._editor.run_safely(self, self.apply):
            self._editor.changed.emit()

    def undo(self) -> None:
        service = self._editor.service

        def restore() -> None:
            for removed in reversed(self._removed):
                service.restore_person(removed)
            for link in self._links:
                if link.source not in self._people and link.target not in self._people:
                    service.add_link(link.source, link.target, link.strength)
            for person in self._reports:
                if person.id not in self._people:
                    service.set_manager(person.id, person.manager_id)
        if self._editor.run_safely(self, restore):
            self._editor.changed.emit()

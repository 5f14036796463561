"""The plan as a table, for keyboard users and screen readers: tick, re-date, re-assign.

The model never writes: an edit becomes a signal (`done_requested`, `change_requested`)
that the panel carries to the plan service, and the re-read plan comes back through
`set_plan`. A plan with the same tasks updates the rows in place (no reset), so an edit
made in a cell keeps the CSM's place in the table.
"""

from __future__ import annotations

import html
from datetime import date
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from qbr_desktop.domain.playbooks import OWNER_ROLE_LABELS, OwnerRole, Phase
from qbr_desktop.gui.date_entry import DateEntry
from qbr_desktop.gui.plans.timeline_layout import PHASE_TITLES
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, local_date, translate
from qbr_desktop.i18n import ui_label
from qbr_desktop.services.plans import TaskChanges

if TYPE_CHECKING:
    from qbr_desktop.services.plan_views import PlanTask, ReviewPlan

TASK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_INK, DONE_INK = QColor("#b00020"), QColor("#6b7075")
AnyIndex = QModelIndex | QPersistentModelIndex


class TaskColumn(IntEnum):
    DONE = 0
    DUE = 1
    TASK = 2
    OWNER = 3
    PHASE = 4


HEADERS = (QT_TRANSLATE_NOOP("task_table", "Done"), QT_TRANSLATE_NOOP("task_table", "Due"),
           QT_TRANSLATE_NOOP("task_table", "Task"), QT_TRANSLATE_NOOP("task_table", "Owner"),
           QT_TRANSLATE_NOOP("task_table", "Phase"))


class PlanTaskModel(QAbstractTableModel):
    # A task was ticked or unticked here: its id and whether it is now done.
    done_requested = Signal(int, bool)
    # A cell was edited: the task id and the `TaskChanges` to store.
    change_requested = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[PlanTask] = []
        self._today = date.min

    def set_plan(self, plan: ReviewPlan | None) -> None:
        tasks = sorted(plan.tasks, key=lambda t: t.position) if plan is not None else []
        today = plan.today if plan is not None else date.min
        if [t.id for t in tasks] == [t.id for t in self._tasks] and tasks:
            self._tasks, self._today = tasks, today
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(tasks) - 1, len(TaskColumn) - 1))
            return
        self.beginResetModel()
        self._tasks, self._today = tasks, today
        self.endResetModel()

    def task_at(self, row: int) -> PlanTask | None:
        return self._tasks[row] if 0 <= row < len(self._tasks) else None

    def row_of(self, task_id: int) -> int | None:
        return next((r for r, t in enumerate(self._tasks) if t.id == task_id), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._tasks)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TaskColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return translate("task_table", HEADERS[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == TaskColumn.DONE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        task = self.task_at(index.row()) if index.isValid() else None
        if task is None:
            return None
        column = TaskColumn(index.column())
        overdue = task.overdue(self._today)
        if role == TASK_ID_ROLE:
            return task.id
        if role == Qt.ItemDataRole.CheckStateRole and column == TaskColumn.DONE:
            return Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(task, column, overdue)
        if role == Qt.ItemDataRole.EditRole:
            return {TaskColumn.DUE: QDate(task.due.year, task.due.month, task.due.day),
                    TaskColumn.TASK: task.title, TaskColumn.OWNER: task.owner.value,
                    TaskColumn.PHASE: task.phase.value}.get(column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_INK if overdue else DONE_INK if task.done else None
        if role == Qt.ItemDataRole.FontRole and overdue and column == TaskColumn.DUE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == TaskColumn.TASK:
            return "<p>" + html.escape(task.title) + "</p>"  # escaped: titles may hold "<"
        if role == Qt.ItemDataRole.AccessibleTextRole and column == TaskColumn.DONE:
            return (translate("PlanTaskModel", "done") if task.done
                    else translate("PlanTaskModel", "open"))
        return None

    @staticmethod
    def _display(task: PlanTask, column: TaskColumn, overdue: bool) -> str | None:
        if column == TaskColumn.DUE:
            # Said in words as well as in red, so it does not rest on colour alone.
            return local_date(task.due, translate("PlanTaskModel", "ddd yyyy-MM-dd")) + (
                translate("PlanTaskModel", " · overdue") if overdue else "")
        return {TaskColumn.TASK: task.title,
                TaskColumn.OWNER: ui_label(OWNER_ROLE_LABELS[task.owner]),
                TaskColumn.PHASE: PHASE_TITLES[task.phase]}.get(column)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        task = self.task_at(index.row()) if index.isValid() else None
        if task is None:
            return False
        column = TaskColumn(index.column())
        if column == TaskColumn.DONE and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            if done != task.done:
                self.done_requested.emit(task.id, done)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        changes = self._changes(task, column, value)
        if changes is None:
            return False
        self.change_requested.emit(task.id, changes)
        return True

    @staticmethod
    def _changes(task: PlanTask, column: TaskColumn, value: Any) -> TaskChanges | None:
        if column == TaskColumn.DUE:
            day = value.toPython() if isinstance(value, QDate) else value
            return TaskChanges(due=day) if isinstance(day, date) and day != task.due else None
        if column == TaskColumn.TASK and isinstance(value, str) and value != task.title:
            return TaskChanges(title=value)
        if column == TaskColumn.OWNER and value in set(OwnerRole) and value != task.owner:
            return TaskChanges(owner=OwnerRole(value))
        if column == TaskColumn.PHASE and value in set(Phase) and value != task.phase:
            return TaskChanges(phase=Phase(value))
        return None


class DueDateDelegate(QStyledItemDelegate):
    """The date field in the cell. A text that is not a date keeps the editor open,
    marked, with the reason beside it: leaving the cell does not throw the typing away."""

    LEAVING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        editor = DateEntry(parent)
        editor.problem_changed.connect(lambda message: _say_beside(editor, message))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DateEntry) and isinstance(value, QDate):
            editor.set_value(value.toPython())
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        if isinstance(editor, DateEntry) and editor.commit():
            day = editor.value()
            model.setData(index, QDate(day.year, day.month, day.day), Qt.ItemDataRole.EditRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's
        leaving = event.type() == QEvent.Type.FocusOut or (
            event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
            and event.key() in self.LEAVING_KEYS)
        if leaving and isinstance(watched, DateEntry) and not watched.commit():
            return True  # stays open with the problem shown; Escape gives the cell back
        return super().eventFilter(watched, event)


def _say_beside(editor: QWidget, message: str) -> None:
    if message:
        QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), message, editor)
    else:
        QToolTip.hideText()


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of fixed choices: (label shown, value stored)."""

    def __init__(self, choices: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        box = QComboBox(parent)
        for label, value in self.choices:
            box.addItem(label, value)
        return box

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TaskTable(QTableView):
    """Space ticks the current row's task off from any column; F2 or a double click edits."""

    def __init__(self, model: PlanTaskModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.task_model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.setAccessibleName(translate("TaskTable", "Preparation tasks"))
        self.setItemDelegateForColumn(TaskColumn.DUE, DueDateDelegate(self))
        self.setItemDelegateForColumn(TaskColumn.OWNER, ChoiceDelegate(
            [(ui_label(OWNER_ROLE_LABELS[role]), role.value) for role in OwnerRole], self))
        self.setItemDelegateForColumn(TaskColumn.PHASE, ChoiceDelegate(
            [(PHASE_TITLES[phase], phase.value) for phase in Phase], self))
        header = self.horizontalHeader()
        for column in TaskColumn:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch
                                        if column == TaskColumn.TASK
                                        else QHeaderView.ResizeMode.ResizeToContents)

    def current_task_id(self) -> int:
        task = self.task_model.task_at(self.currentIndex().row())
        return task.id if task is not None else 0

    def select_task(self, task_id: int) -> None:
        row = self.task_model.row_of(task_id)
        if row is not None:
            self.setCurrentIndex(self.task_model.index(row, max(self.currentIndex().column(), 0)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        is_space = event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select)
        task = self.task_model.task_at(self.currentIndex().row())
        if is_space and task is not None and self.state() != QAbstractItemView.State.EditingState:
            self.task_model.done_requested.emit(task.id, not task.done)
            return
        super().keyPressEvent(event)

"""The import preview as a table model: the first rows of the file, what would happen to each,
and its problems (coloured cells, the message as tooltip)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from qbr_desktop.gui.translation import translate
from qbr_desktop.i18n import ui_label, ui_text
from qbr_desktop.imports.cells import Problem, Severity
from qbr_desktop.imports.plan import ACTION_LABELS, Action, ImportPlan, PlannedRow, change_text
from qbr_desktop.imports.table import SourceRow, SourceTable
from qbr_desktop.imports.table_rows import shown_header
from qbr_desktop.imports.values import cell_text

PREVIEW_ROWS = 50
DISPLAY_CHARS = 200
ROW_COLUMN, RESULT_COLUMN = 0, 1
FIRST_CELL_COLUMN = 2
# A cell's problems as one message each (list[str]), for tests and custom delegates.
PROBLEMS_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_COLOUR = QColor("#f8d7da")
WARNING_COLOUR = QColor("#fff3cd")
ACTION_COLOURS = {Action.CREATE: QColor("#e3f4e8"), Action.UPDATE: QColor("#e3ecfb"),
                  Action.REJECT: ERROR_COLOUR}

_Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Rows: the file's first data rows. Columns: row number, result, then the mapped columns
    in file order (every column while nothing is mapped)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SourceRow] = []
        self._planned: dict[int, PlannedRow] = {}
        self._headers: list[str] = []
        self._indexes: list[int] = []
        self._labels: dict[str, str] = {}

    def set_preview(self, table: SourceTable | None, plan: ImportPlan | None,
                    labels: dict[str, str] | None = None) -> None:
        """Show `table`'s first rows; `plan` (if any) gives results and problems;
        `labels` maps a header to the field it feeds, for header tooltips."""
        self.beginResetModel()
        self._rows = list(table.rows[:PREVIEW_ROWS]) if table else []
        shown = {r.number for r in self._rows}
        # Plan rows follow the file's order: the first ones are all a preview needs.
        head = plan.rows[:len(self._rows)] if plan else []
        self._planned = {r.number: r for r in head if r.number in shown}
        self._labels = dict(labels or {})
        if table is None:
            self._headers, self._indexes = [], []
        else:
            mapped = set(self._labels)
            chosen = [h for h in table.headers if h in mapped] or list(table.headers)
            self._headers = chosen
            self._indexes = [table.column(h) for h in chosen]
        self.endResetModel()

    def planned_row(self, row: int) -> PlannedRow | None:
        return self._planned.get(self._rows[row].number)

    # Qt overrides --------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_CELL_COLUMN + len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == ROW_COLUMN:
                return translate("PreviewModel", "Row")
            if section == RESULT_COLUMN:
                return translate("PreviewModel", "Result")
            if 0 <= section - FIRST_CELL_COLUMN < len(self._headers):
                return ui_text(shown_header(self._headers[section - FIRST_CELL_COLUMN]))
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIRST_CELL_COLUMN:
            header = self._headers[section - FIRST_CELL_COLUMN]
            field = self._labels.get(header)
            return translate("PreviewModel",
                             "Imported as {field}").format(field=field) if field else translate(
                                 "PreviewModel", "Not imported")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        source = self._rows[index.row()]
        planned = self._planned.get(source.number)
        column = index.column()
        if column == ROW_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return source.number
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if column == RESULT_COLUMN:
            return self._result_data(planned, role)
        if not 0 <= column - FIRST_CELL_COLUMN < len(self._headers):
            return None
        header = self._headers[column - FIRST_CELL_COLUMN]
        problems = [p for p in planned.problems if p.column == header] if planned else []
        if role == Qt.ItemDataRole.DisplayRole:
            text = cell_text(source.cells[self._indexes[column - FIRST_CELL_COLUMN]])
            text = text.replace("\n", " ⏎ ")
            return text if len(text) <= DISPLAY_CHARS else text[:DISPLAY_CHARS] + "…"
        return self._problem_data(problems, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # Internals -----------------------------------------------------------------------------
    @staticmethod
    def _result_data(planned: PlannedRow | None, role: int) -> Any:
        if planned is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            label = ui_label(ACTION_LABELS[planned.action])
            if not planned.changes:
                return label
            return translate("PreviewModel", "{action}: {changes}").format(
                action=label, changes=translate("PreviewModel", ", ").join(
                    ui_text(change_text(change)) for change in planned.changes))
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [p.describe() for p in planned.problems]
            return "\n".join(lines) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = ACTION_COLOURS.get(planned.action)
            if colour is None and planned.warnings:
                colour = WARNING_COLOUR
            return QBrush(colour) if colour is not None else None
        if role == PROBLEMS_ROLE:
            return [p.describe() for p in planned.problems if p.column is None]
        return None

    @staticmethod
    def _problem_data(problems: list[Problem], role: int) -> Any:
        if not problems:
            return [] if role == PROBLEMS_ROLE else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(ui_text(p.message) for p in problems)
        if role == Qt.ItemDataRole.BackgroundRole:
            error = any(p.severity is Severity.ERROR for p in problems)
            return QBrush(ERROR_COLOUR if error else WARNING_COLOUR)
        if role == PROBLEMS_ROLE:
            return [ui_text(p.message) for p in problems]
        return None

"""The programme's metrics as a table: one row per metric, its target, then the quarter
shown and the four before it. Each figure's cell says its value and met / missed / not
enough data, coloured by that, with the figure's sentence as its tooltip."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from qbr_desktop.domain.programme.formatting import figure_text
from qbr_desktop.domain.programme.metrics import SPECS, Figure, QuarterFigures, Status
from qbr_desktop.gui.translation import translate
from qbr_desktop.i18n import ui_label, ui_text

STATUS_COLOURS = {Status.MET: "#e3f4e8", Status.MISSED: "#fbe4e1",
                  Status.NOT_ENOUGH_DATA: "#f1f3f5"}
FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Figure behind a cell (None for labels)
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    METRIC = 0
    TARGET = 1
    FIRST_QUARTER = 2


class ProgrammeModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.trend: tuple[QuarterFigures, ...] = ()

    def set_trend(self, trend: tuple[QuarterFigures, ...]) -> None:
        self.beginResetModel()
        self.trend = trend
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's)
        return 0 if parent.isValid() else len(SPECS)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's)
        return 0 if parent.isValid() else Column.FIRST_QUARTER + len(self.trend)

    def figure(self, index: Index) -> Figure | None:
        column = index.column() - Column.FIRST_QUARTER
        if not index.isValid() or column < 0 or column >= len(self.trend):
            return None
        return self.trend[column].of(SPECS[index.row()].metric)

    def quarter_at(self, column: int) -> QuarterFigures | None:
        at = column - Column.FIRST_QUARTER
        return self.trend[at] if 0 <= at < len(self.trend) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        spec = SPECS[index.row()]
        figure = self.figure(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == Column.METRIC:
                return ui_label(spec.label)
            if index.column() == Column.TARGET:
                return ui_text(spec.target_text)
            return figure_text(figure) if figure is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if figure is not None:
                return figure.note.text() + translate("ProgrammeModel",
                                                      "\nClick to see the reviews behind it.")
            return translate("ProgrammeModel",
                             "{capitalize} metric").format(capitalize=spec.kind.value.capitalize())
        if role == Qt.ItemDataRole.BackgroundRole and figure is not None:
            return QBrush(QColor(STATUS_COLOURS[figure.status]))
        if role == Qt.ItemDataRole.ForegroundRole and figure is not None:
            return QBrush(QColor("#1f2933"))
        if role == FIGURE_ROLE:
            return figure
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt's)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == Column.METRIC:
            return translate("ProgrammeModel", "Metric")
        if section == Column.TARGET:
            return translate("ProgrammeModel", "Target")
        shown = self.quarter_at(section)
        if shown is None:
            return None
        return f"{shown.quarter} ({len(shown.reviews)})"

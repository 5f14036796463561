"""Metric history as a read-only table: one row per metric, one column per quarter."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from qbr_desktop.domain.metrics import MetricHistory, format_metric
from qbr_desktop.i18n import ui_label

AnyIndex = QModelIndex | QPersistentModelIndex


class MetricHistoryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._history = MetricHistory((), ())

    def set_history(self, history: MetricHistory) -> None:
        self.beginResetModel()
        self._history = history
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._history.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._history.quarters)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        definition, values = self._history.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_metric(definition, values[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._history.quarters):
                return str(self._history.quarters[section])
        elif 0 <= section < len(self._history.rows):
            return ui_label(self._history.rows[section][0].label)
        return None

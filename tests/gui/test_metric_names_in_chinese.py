"""The Details tab's metric history names its metrics in the interface language; the stored
keys stay English."""

from __future__ import annotations

from PySide6.QtCore import Qt

from qbr_desktop.domain.metrics import MetricHistory, MetricValue
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.gui.accounts.metric_model import MetricHistoryModel
from tests.gui.test_chinese_window import in_chinese  # noqa: F401 - the fixture


def test_metric_rows_are_named_in_chinese(in_chinese: None) -> None:  # noqa: F811
    quarter = Quarter.parse("2026Q3")
    history = MetricHistory.from_values([MetricValue(quarter, "active_users", 12.0),
                                         MetricValue(quarter, "exec_sponsor_engaged", 1.0)])
    model = MetricHistoryModel()
    model.set_history(history)
    vertical = Qt.Orientation.Vertical
    assert [model.headerData(row, vertical) for row in range(model.rowCount())] == [
        "活跃用户", "高管赞助人已参与"]
    assert model.index(1, 0).data() == "是"
    assert [definition.key for definition, _values in history.rows] == [
        "active_users", "exec_sponsor_engaged"]

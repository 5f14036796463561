"""What the model yields, shown as the CSM types: figures, scenarios, charts and history."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qbr_desktop.domain.money import number_style
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi_scenarios import RoiResult, Scenario, sensitivity
from qbr_desktop.domain.roi_story import (
    format_amount,
    format_figure,
    format_months,
    format_percent,
)
from qbr_desktop.gui.labels import text_label
from qbr_desktop.gui.roi.fields import figure_text
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_text

FIGURES = (
    ("value", QT_TRANSLATE_NOOP("results_view", "Value a year")),
    ("weighted", QT_TRANSLATE_NOOP("results_view", "Weighted by business weight")),
    ("risk_adjusted", QT_TRANSLATE_NOOP("results_view", "Risk-adjusted value")),
    ("investment", QT_TRANSLATE_NOOP("results_view", "First-year investment")),
    ("net", QT_TRANSLATE_NOOP("results_view", "Net value, first year")),
    ("roi", QT_TRANSLATE_NOOP("results_view", "ROI, first year")),
    ("risk_adjusted_roi", QT_TRANSLATE_NOOP("results_view", "Risk-adjusted ROI")),
    ("value_to_cost", QT_TRANSLATE_NOOP("results_view", "Value ÷ investment")),
    ("payback", QT_TRANSLATE_NOOP("results_view", "Payback")),
    ("npv", QT_TRANSLATE_NOOP("results_view", "NPV over 3 years")),
    ("irr", QT_TRANSLATE_NOOP("results_view", "IRR over 3 years")),
    ("three_year_roi", QT_TRANSLATE_NOOP("results_view", "ROI over 3 years")),
)


SCENARIO_LABELS = {
    Scenario.CONSERVATIVE: QT_TRANSLATE_NOOP("RoiResultsView", "Conservative ROI:"),
    Scenario.EXPECTED: QT_TRANSLATE_NOOP("RoiResultsView", "Expected ROI:"),
    Scenario.OPTIMISTIC: QT_TRANSLATE_NOOP("RoiResultsView", "Optimistic ROI:"),
}


def headline(result: RoiResult) -> str:
    """One line that stays in view while the CSM types further down."""
    money = result.model.currency
    return (translate("results_view",
                      "Value a year {format_amount}  ·  ROI {format_figure}  ·  payback "
                      "{format_months}  ·  3-year NPV {npv}").format(
        format_amount=format_amount(result.total_value, money),
        format_figure=format_figure(result.roi), format_months=format_months(result.payback_months),
        npv=format_amount(result.three_year.npv, money)))


def figure_texts(result: RoiResult) -> dict[str, str]:
    currency = result.model.currency

    def money(amount: object) -> str:
        assert amount is not None
        return format_amount(amount, currency)  # type: ignore[arg-type]

    three = result.three_year
    return {
        "value": money(result.total_value), "weighted": money(result.weighted_value),
        "risk_adjusted": money(result.risk_adjusted_value),
        "investment": money(result.investment),
        "net": money(result.net_value) + (translate("results_view",
                                                    " (a loss)") if result.net_value < 0 else ""),
        "roi": figure_text(result.roi, format_figure(result.roi)),
        "risk_adjusted_roi": figure_text(result.risk_adjusted_roi,
                                         format_figure(result.risk_adjusted_roi)),
        "value_to_cost": figure_text(
            result.value_to_cost,
            "" if result.value_to_cost.value is None
            else number_style().number(result.value_to_cost.value, 2) + "×"),
        "payback": figure_text(result.payback_months, format_months(result.payback_months)),
        "npv": money(three.npv), "irr": figure_text(three.irr, format_figure(three.irr)),
        "three_year_roi": figure_text(three.roi, format_figure(three.roi)),
    }


def make_read_only(table: QTableWidget, headers: Sequence[str]) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    # Tab leaves the table (arrows move between rows); else Tab walks every cell, forever
    # in a row-selecting table, and the form below is out of the keyboard's reach.
    table.setTabKeyNavigation(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    # The first column (a name) takes what is left, so the table never scrolls sideways
    # in the narrow account pane; the figures keep their natural width.
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)


def fill_rows(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Replace the cells, keeping the selection (so a row being edited stays current)."""
    current = table.currentRow()
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = table.item(r, c)
            if item is None:
                table.setItem(r, c, QTableWidgetItem(value))
            elif item.text() != value:
                item.setText(value)
    if 0 <= current < len(rows) and table.currentRow() != current:
        table.selectRow(current)
    height = table.horizontalHeader().height() + sum(
        table.rowHeight(r) for r in range(table.rowCount())) + 4
    table.setFixedHeight(max(height, 60))


SENSITIVITY_HEIGHT = 170  # about five rows; the table scrolls for more


class RoiResultsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures = {name: text_label(name=f"roi_{name}") for name, _ in FIGURES}
        self.scenarios = {scenario: text_label(name=f"roi_scenario_{scenario.value}")
                          for scenario in Scenario}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for index, (name, caption) in enumerate(FIGURES):
            row, column = index // 2, (index % 2) * 2
            grid.addWidget(QLabel(translate("results_view", caption) + ":"), row, column,
                           Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.figures[name], row, column + 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        scenario_row = len(FIGURES) // 2
        grid.addWidget(QLabel(translate("RoiResultsView", "<b>Scenarios</b>")), scenario_row, 0)
        for index, scenario in enumerate(Scenario, scenario_row + 1):
            grid.addWidget(QLabel(translate("RoiResultsView", SCENARIO_LABELS[scenario])),
                           index, 0)
            grid.addWidget(self.scenarios[scenario], index, 1, 1, 3)
        # Which inputs move ROI most: the domain's ±20 % tornado, as a table.
        self.sensitivity = QTableWidget(self)
        make_read_only(self.sensitivity,
                       (translate("RoiResultsView", "What moves ROI most (±20 %)"),
                        translate("RoiResultsView", "ROI at −20 %"),
                                          translate("RoiResultsView", "ROI at +20 %")))
        self.sensitivity.setObjectName("roiSensitivityTable")
        self.sensitivity.setMaximumHeight(SENSITIVITY_HEIGHT)
        self.sensitivity.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # "<line>: <input>": a long line name must not hide which input a row is about.
        self.sensitivity.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.value_chart, self.scenario_chart, self.cash_chart = QLabel(), QLabel(), QLabel()
        self.chart_status = text_label(name="roiChartStatus")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.sensitivity)
        layout.addWidget(self.chart_status)
        for chart in (self.value_chart, self.scenario_chart, self.cash_chart):
            chart.setAlignment(Qt.AlignmentFlag.AlignLeft)
            # Drawn to the pane's width; an older, wider drawing must not widen the page.
            chart.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(chart)

    def show_result(self, result: RoiResult, scenarios: Mapping[Scenario, RoiResult]) -> None:
        for name, text in figure_texts(result).items():
            self.figures[name].setText(text)
        currency = result.model.currency
        for scenario, outcome in scenarios.items():
            self.scenarios[scenario].setText(
                translate("RoiResultsView",
                          "{format_figure} ({format_amount} a "
                          "year)").format(format_figure=format_figure(outcome.roi),
                                          format_amount=format_amount(outcome.total_value,
                                                                      currency)))
        bars = sensitivity(result.model)
        fill_rows(self.sensitivity, [
            (ui_text(bar.label), format_percent(bar.roi_at_minus),
             format_percent(bar.roi_at_plus)) for bar in bars])
        for row, bar in enumerate(bars):
            item = self.sensitivity.item(row, 0)
            if item is not None:
                item.setToolTip(ui_text(bar.label))

    def clear_charts(self) -> None:
        for label in (self.value_chart, self.scenario_chart, self.cash_chart):
            label.clear()

    def show_charts(self, pngs: Sequence[bytes]) -> None:
        for label, png in zip((self.value_chart, self.scenario_chart, self.cash_chart), pngs,
                              strict=True):
            pixmap = QPixmap()
            pixmap.loadFromData(png, "PNG")
            label.setPixmap(pixmap)


class HistoryTable(QTableWidget):
    """Each stored quarter's value, ROI and payback, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_read_only(self,
                       (translate("HistoryTable", "Quarter"),
                        translate("HistoryTable", "Value a year"), "ROI",
                        translate("HistoryTable", "Payback")))
        self.setObjectName("roiHistoryTable")

    def show_history(self, history: Sequence[tuple[Quarter, RoiResult]]) -> None:
        fill_rows(self, [
            (str(quarter), format_amount(result.total_value, result.model.currency),
             format_figure(result.roi), format_months(result.payback_months))
            for quarter, result in history])

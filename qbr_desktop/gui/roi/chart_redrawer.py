"""Redraws the ROI charts in a worker once typing pauses, keeping only the latest drawing.

The figures update on every keystroke; matplotlib takes a few hundred milliseconds per
chart, so drawing waits CHART_DELAY_MS after the last change, runs off the GUI thread,
and a drawing overtaken by newer numbers is dropped. matplotlib loads with the first one.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, QTimer, Signal

from qbr_desktop.domain.roi_scenarios import RoiResult, Scenario
from qbr_desktop.gui.roi.results_view import RoiResultsView
from qbr_desktop.gui.translation import translate
from qbr_desktop.gui.worker import start_task

CHART_DELAY_MS = 300


class ChartRedrawer(QObject):
    # New chart images are on show.
    ready = Signal()

    def __init__(self, view: RoiResultsView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.generation = 0  # drawings started; only the latest is shown
        self.shown = 0  # ... and the generation on show (0: none since the last reset)
        self._latest: tuple[RoiResult, Mapping[Scenario, RoiResult]] | None = None
        self._forgotten = 0  # drawings up to this one were of a model no longer on show
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHART_DELAY_MS)
        self.timer.timeout.connect(self._draw)

    def schedule(self, result: RoiResult, scenarios: Mapping[Scenario, RoiResult]) -> None:
        """Draw these results once no newer ones arrive for CHART_DELAY_MS."""
        self._latest = (result, dict(scenarios))
        self.timer.start()  # restarts the wait

    def reset(self) -> None:
        """Another model is on show: forget the last one's charts, and drop any drawing of
        it still under way (it would otherwise land under the new account's name)."""
        self.timer.stop()
        self._latest = None
        self._forgotten = self.generation
        self.shown = 0
        self.view.clear_charts()

    def _draw(self) -> None:
        if self._latest is None:
            return
        self.generation += 1
        generation, (result, cases) = self.generation, self._latest
        # Drawn to fit the pane as it is now (at 100 dpi, so inches are pixels ÷ 100).
        inches = max(self.view.width() - 20, 320) / 100

        def work() -> tuple[int, list[bytes]]:
            from qbr_desktop.exports.roi_charts import (
                cumulative_cash_chart,
                scenario_chart,
                value_by_category_chart,
            )

            return generation, [
                value_by_category_chart(result, width=inches, height=2.6, dpi=100),
                scenario_chart(cases, width=inches, height=2.0, dpi=100),
                cumulative_cash_chart(result, width=inches, height=2.4, dpi=100)]

        if not self.shown:
            self.view.chart_status.setText(translate("ChartRedrawer", "Drawing charts…"))

        def current() -> bool:
            # Else newer numbers are being drawn, or another model is on show.
            return generation == self.generation and generation > self._forgotten

        def drawn(outcome: tuple[int, list[bytes]]) -> None:
            if current():
                self.shown = generation
                self.view.chart_status.setText("")
                self.view.show_charts(outcome[1])
                self.ready.emit()

        def failed(message: str) -> None:
            if current():
                self.view.chart_status.setText(
                    translate("ChartRedrawer",
                              "Could not draw the charts: {message}").format(message=message))

        start_task(work, drawn, failed, translate("ChartRedrawer", "drawing the ROI charts"),
                   owner=self.view)

"""A hidden start-up probe for bench/startup_bench.py, which times the program from source
and as the frozen build alike: with QBR_STARTUP_PROBE set, the program prints one line once
its window has done all of the below, and quits when the variable says "quit".

    qbr-startup painted=T usable=T details=T listed=T stall_ms=N rss_kb=N rss_end_kb=N

T is in seconds since the epoch: the window's first paint; "usable", the account list
painted with its rows and a click on a row answered (the row selected, and painted so);
"details", that account's details on screen (which needs the portfolio open); "listed",
every account in the list. stall_ms is the longest the event loop was kept from running
between the first paint and the last of these; rss_kb the peak resident memory at usable,
and rss_end_kb once all of them are done.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from qbr_desktop.gui.main_window import MainWindow

ENVIRONMENT = "QBR_STARTUP_PROBE"
TICK_MS = 5


def peak_rss_kb() -> int:
    try:
        import resource
    except ImportError:  # Windows: the benchmark reads memory on Linux only
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


class StartupProbe(QObject):
    def __init__(self, quit_when_done: bool) -> None:
        super().__init__()
        self.quit_when_done = quit_when_done
        self.window: MainWindow | None = None
        self.moments: dict[str, float] = {}
        self.stall = 0.0
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._ticked)
        self._last_tick = 0.0
        self._clicked_row, self._clicked_id = -1, 0
        self._selected = False
        self.rss_at_usable = 0

    @classmethod
    def from_environment(cls) -> StartupProbe | None:
        value = os.environ.get(ENVIRONMENT, "")
        return cls(quit_when_done=value == "quit") if value else None

    def watch(self, window: MainWindow) -> None:
        self.window = window
        window.installEventFilter(self)

    # What the window tells -------------------------------------------------------------
    def rows_shown(self) -> None:
        """Rows are in the list: click one once they are painted."""
        window = self.window
        if window is None or self._clicked_id or "armed" in self.moments:
            return
        self.moments["armed"] = time.time()
        viewport = window.list_panel.table.viewport()
        viewport.installEventFilter(self)
        viewport.update()

    def listed(self) -> None:
        """Every account is in the list."""
        self._note("listed")

    # Events ----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or self.window is None:
            return False
        if watched is self.window:
            if "painted" not in self.moments:
                self._last_tick = time.time()
                self._note("painted")
                self._tick.start()
        elif not self._clicked_id:
            QTimer.singleShot(0, self._click)  # after this paint of the rows
        elif self._selected and "usable" not in self.moments:
            self._note("usable")  # the click's selection is painted
        return False

    def _ticked(self) -> None:
        now = time.time()
        self.stall = max(self.stall, now - self._last_tick - TICK_MS / 1000)
        self._last_tick = now

    def _click(self) -> None:
        window = self.window
        assert window is not None
        panel = window.list_panel
        self._clicked_row = 1 if panel.table.currentIndex().row() == 0 else 0
        index = panel.proxy.index(self._clicked_row, 0)
        self._clicked_id = panel.model.account_at(panel.proxy.mapToSource(index).row()).id
        panel.table.selectionModel().currentRowChanged.connect(self._row_changed)
        window.account_changed.connect(self._details_shown)
        viewport = panel.table.viewport()
        centre = QPointF(panel.table.visualRect(index).center())
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.sendEvent(viewport, QMouseEvent(
                kind, centre, QPointF(viewport.mapToGlobal(centre)), Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.row() == self._clicked_row:
            self._selected = True

    def _details_shown(self, account_id: int) -> None:
        if account_id == self._clicked_id:
            self._note("details")

    def _note(self, moment: str) -> None:
        if moment == "usable" and moment not in self.moments:
            self.rss_at_usable = peak_rss_kb()
        self.moments.setdefault(moment, time.time())
        if "reported" not in self.moments and all(
                m in self.moments for m in ("painted", "usable", "details", "listed")):
            self.moments["reported"] = time.time()
            self._report()

    def _report(self) -> None:
        self._tick.stop()
        self._ticked()
        moments = self.moments
        if sys.stdout is not None:  # a windowed build on Windows has none
            print("qbr-startup " + " ".join(
                f"{name}={moments[name]!r}" for name in ("painted", "usable", "details",
                                                         "listed"))
                  + f" stall_ms={self.stall * 1000:.1f} rss_kb={self.rss_at_usable} "
                  f"rss_end_kb={peak_rss_kb()}", flush=True)
        if self.quit_when_done and self.window is not None:
            QTimer.singleShot(0, self.window.close)

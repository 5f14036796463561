"""A hidden start-up probe for bench/startup_bench.py, which times the program from source
and as the frozen build alike: with QBR_STARTUP_PROBE set, the program prints one line once
its window is usable, and quits when the variable says "quit".

"Usable" is what the CSM's clock says: the account list painted with its rows, and a click
on a row answered (that account's details on screen). The line reads

    qbr-startup painted=T listed=T usable=T stall_ms=N rss_kb=N

with T in seconds since the epoch (first paint of the window; every account in the list;
the click answered), the longest the event loop was kept from running between the first
paint and the answer, and the peak resident memory at that moment.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

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
        self.painted = self.listed_at = 0.0
        self.stall = 0.0
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._ticked)
        self._last_tick = 0.0
        self._clicked_id = 0

    @classmethod
    def from_environment(cls) -> StartupProbe | None:
        value = os.environ.get(ENVIRONMENT, "")
        return cls(quit_when_done=value == "quit") if value else None

    def watch(self, window: MainWindow) -> None:
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if watched is self.window and not self.painted:
                self.painted = self._last_tick = time.time()
                self._tick.start()
            elif self.window is not None and watched is not self.window and self.listed_at:
                watched.removeEventFilter(self)  # the list's rows are painted: click one
                QTimer.singleShot(0, self._click)
        return False

    def _ticked(self) -> None:
        now = time.time()
        self.stall = max(self.stall, now - self._last_tick - TICK_MS / 1000)
        self._last_tick = now

    def listed(self) -> None:
        """Every account is in the list."""
        window = self.window
        assert window is not None
        if not window.is_open:  # the portfolio is still opening: the click needs it
            QTimer.singleShot(TICK_MS, self.listed)
            return
        self.listed_at = time.time()
        viewport = window.list_panel.table.viewport()
        viewport.installEventFilter(self)
        viewport.update()

    def _click(self) -> None:
        window = self.window
        assert window is not None
        panel = window.list_panel
        row = 1 if panel.table.currentIndex().row() == 0 else 0
        index = panel.proxy.index(row, 0)
        self._clicked_id = panel.model.account_at(panel.proxy.mapToSource(index).row()).id
        window.account_changed.connect(self._answered)
        viewport = panel.table.viewport()
        centre = QPointF(panel.table.visualRect(index).center())
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            _send(viewport, QMouseEvent(kind, centre, QPointF(viewport.mapToGlobal(centre)),
                                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                                        Qt.KeyboardModifier.NoModifier))

    def _answered(self, account_id: int) -> None:
        if account_id != self._clicked_id:
            return
        usable = time.time()
        self._tick.stop()
        self._ticked()
        if sys.stdout is not None:  # a windowed build on Windows has none
            print(f"qbr-startup painted={self.painted!r} listed={self.listed_at!r} "
                  f"usable={usable!r} stall_ms={self.stall * 1000:.1f} "
                  f"rss_kb={peak_rss_kb()}", flush=True)
        if self.quit_when_done and self.window is not None:
            QTimer.singleShot(0, self.window.close)


def _send(widget: QWidget, event: QMouseEvent) -> None:
    QApplication.sendEvent(widget, event)

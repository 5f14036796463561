"""Waiting for a portfolio to open: it opens in the background, and the wait must let the
worker thread run (a C++ event loop such as QSignalSpy.wait can starve it of the
interpreter lock for the demo's seconds of Python), so the GUI is driven in short rounds."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

OPEN_TIMEOUT_S = 120


def wait_for_open(windows: Any, start: Callable[[], object]) -> bool:
    """Call `start` (which opens a portfolio in `windows`, or makes `windows` and opens
    one); wait until that open ends; whether its portfolio is on screen. `windows` may be
    a callable giving the PortfolioWindows once `start` has made it."""
    outcomes: list[bool] = []
    connected: list[Any] = []

    def watch() -> None:
        target = windows() if callable(windows) else windows
        target.opened.connect(outcomes.append)
        connected.append(target)

    if not callable(windows):
        watch()
    start()
    if callable(windows):
        watch()  # reports are queued: nothing is delivered before the loop below runs
    end = time.monotonic() + OPEN_TIMEOUT_S
    while not outcomes and time.monotonic() < end:
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        time.sleep(0.005)
    connected[0].opened.disconnect(outcomes.append)
    assert outcomes, "the portfolio never finished opening"
    return outcomes[0]

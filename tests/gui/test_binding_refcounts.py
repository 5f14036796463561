"""The Qt binding keeps Python's reference counts right.

PySide6 6.12.0 released a reference to None on every call of a method returning void. On
Python 3.11, where None is an ordinary counted object, a window that has run for a while
then aborts with "deallocating None". A binding with that defect must never be installed.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QListWidget, QWidget
from pytestqt.qtbot import QtBot

CALLS = 2000


def test_void_methods_do_not_release_none_or_bools(qtbot: QtBot) -> None:
    label, widget, listing = QLabel(), QWidget(), QListWidget()
    for item in (label, widget, listing):
        qtbot.addWidget(item)
    calls = (lambda: label.setText("x"), widget.update, listing.clearSelection,
             lambda: listing.setCurrentRow(-1), lambda: widget.blockSignals(False))
    before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))

    for call in calls:
        for _ in range(CALLS):
            call()

    after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
    # Immortal objects (Python 3.12+) report a fixed huge count; 3.11 shows any leak.
    drift = [b - a for a, b in zip(before, after, strict=True)]
    assert all(abs(change) < CALLS // 2 for change in drift), drift

"""Keeping the cyclic garbage collector's full passes short while the window must answer.

A full pass scans every object the collector tracks, holding the interpreter lock, so
the GUI thread waits for it whichever thread triggered it. A worker that makes many
objects (a first start's demo portfolio, a big portfolio's list) triggers several: over
the start-up heap, 0.2-0.4 s each on a first start, and over a second in a long test run.
Objects that live as long as the program (modules, classes, the window's wrappers) are
frozen once they exist: the passes then skip them (`gc.freeze`). Freezing is for objects
that stay; their garbage, if any, would never be collected.

Start-up makes most of them on its workers after the window is shown (SQLAlchemy, the
services, the list): meanwhile no full pass runs at all (`hold_full_passes`), and once
the window is complete they are frozen in their turn and the passes come back.
"""

from __future__ import annotations

import gc
import threading

#: The third threshold while full passes are held: none runs in a start-up's seconds.
HELD_FULL_THRESHOLD = 1_000_000


def freeze_long_lived() -> None:
    """What exists now lives as long as the program: leave it out of collector passes."""
    gc.freeze()


class FullPassesHeld:
    """Full passes held off from `hold_full_passes()` until `release()`: what was made
    meanwhile is frozen, and the collector's thresholds are put back as they were.
    Releasing twice does nothing more."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thresholds: tuple[int, int, int] | None = gc.get_threshold()
        young, middle, _full = self._thresholds
        gc.set_threshold(young, middle, HELD_FULL_THRESHOLD)

    @property
    def held(self) -> bool:
        return self._thresholds is not None

    def release(self) -> None:
        with self._lock:
            thresholds, self._thresholds = self._thresholds, None
        if thresholds is None:
            return
        freeze_long_lived()
        if gc.get_threshold()[2] == HELD_FULL_THRESHOLD:  # nobody has changed them since
            gc.set_threshold(*thresholds)


def hold_full_passes() -> FullPassesHeld:
    """No full collector pass until the returned hold is released (young passes go on)."""
    return FullPassesHeld()

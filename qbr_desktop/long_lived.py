"""Keeping the cyclic garbage collector's full passes short while the window must answer.

A full pass scans every object the collector tracks, holding the interpreter lock, so
the GUI thread waits for it whichever thread triggered it. A worker that makes many
objects (a first start's demo portfolio, a big portfolio's list) triggers several: over
the start-up heap, 0.2-0.4 s each on a first start, and over a second in a long test run.
Objects that live as long as the program (modules, classes, the window's wrappers) are
frozen once they exist: the passes then skip them (`gc.freeze`). Freezing is for objects
that stay; their garbage, if any, would never be collected.
"""

from __future__ import annotations

import gc


def freeze_long_lived() -> None:
    """What exists now lives as long as the program: leave it out of collector passes."""
    gc.freeze()

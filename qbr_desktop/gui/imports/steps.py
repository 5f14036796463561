"""A dialog's background steps (reading, previewing, importing) on the thread pool, where
only the newest request's result is shown: a preview asked for before the CSM changed a
column again is dropped, never shown over the newer one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from qbr_desktop.gui.worker import Worker, start_task


class LatestSteps:
    def __init__(self, owner: QObject, what: str) -> None:
        self._owner, self._what = owner, what
        self._generation = 0
        self._busy = 0
        self.closed = False
        self._tasks: set[Worker] = set()

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def run(self, work: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[str], None], *, always: bool = False) -> None:
        """`work()` off the GUI thread; `done(result)` or `failed(sentence)` after, unless a
        newer step was asked for since (`always`: this one's outcome is shown anyway) or
        the dialog closed."""
        self._generation += 1
        generation = self._generation
        self._busy += 1
        running: list[Worker] = []

        def finish(result: Any, error: bool) -> None:
            self._busy -= 1
            self._tasks.difference_update(running)
            if self.closed or (generation != self._generation and not always):
                return
            (failed if error else done)(result)

        running.append(start_task(work, lambda result: finish(result, False),
                                  lambda message: finish(message, True), self._what,
                                  owner=self._owner))
        self._tasks.update(running)

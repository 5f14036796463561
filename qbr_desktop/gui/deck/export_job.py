"""An export running off the GUI thread, with progress and a cancel that the writers honour.

The work is a function of (progress, cancelled) that returns the result; it must not
touch widgets. Progress comes back by signal, so the window stays responsive.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.store.errors import StoreError

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class ExportSignals(QObject):
    #: Steps done and steps in all.
    progressed = Signal(int, int)
    #: The work's result.
    finished = Signal(object)
    #: The work failed: a sentence for the CSM.
    failed = Signal(str)
    #: The CSM cancelled; nothing was written.
    cancelled = Signal()


class ExportJob(QRunnable):
    def __init__(self, work: Work, cancel_errors: tuple[type[BaseException], ...]) -> None:
        super().__init__()
        self.work = work
        self.cancel_errors = cancel_errors
        self.signals = ExportSignals()
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self.signals.progressed.emit, self._stop.is_set)
        except self.cancel_errors:
            self.signals.cancelled.emit()
            return
        except (DomainError, StoreError, OSError) as exc:
            self.signals.failed.emit(str(exc))
            return
        if self._stop.is_set():
            self.signals.cancelled.emit()
            return
        self.signals.finished.emit(result)


def start_export(work: Work, cancel_errors: tuple[type[BaseException], ...], *,
                 progressed: Callable[[int, int], None], finished: Callable[[Any], None],
                 failed: Callable[[str], None], cancelled: Callable[[], None]) -> ExportJob:
    """Start the work with its signals already connected (a quick failure is not lost)."""
    job = ExportJob(work, cancel_errors)
    job.signals.progressed.connect(progressed)
    job.signals.finished.connect(finished)
    job.signals.failed.connect(failed)
    job.signals.cancelled.connect(cancelled)
    QThreadPool.globalInstance().start(job)
    return job

"""Background work: the one shape every export, import and slow query takes off the GUI thread.

    worker = run_in_background(work, "writing the deck", on_done, on_error,
                               progress=bar.setValue, cancel_errors=(DeckCancelled,))
    worker.cancel()  # the work sees cancelled() turn true and stops

`work(progress, cancelled)` runs on the thread pool with its own database session (the
services open one per call) and must not touch widgets. Whatever happens, exactly one of
`on_done(result)`, `on_error(sentence)` or `on_cancel()` is called on the GUI thread:

- an error the CSM can act on (DomainError, StoreError, OSError) reaches them as its own
  sentence;
- anything else is a bug: its traceback goes to the log file and the CSM reads one sentence
  saying what failed and where the details are, so no view waits forever on "Calculating…";
- the worker keeps itself alive until it has reported (no caller needs to hold a reference,
  and a signal is never lost to the garbage collector);
- the reports are for the widget that asked (`owner`, or the object of a bound-method
  callback): when that widget is gone, a late result is dropped instead of reaching it.

Plain work that needs neither progress nor cancel can be given as `lambda: ...` through
`start_task`, which wraps it.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from shiboken6 import isValid

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.gui.translation import translate
from qbr_desktop.store.errors import StoreError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]
EXPECTED: tuple[type[BaseException], ...] = (DomainError, StoreError, OSError)
log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    """What a worker reports, with its key: the dispatcher knows whom to tell."""

    progressed = Signal(int, int, int)  # key, steps done, steps in all
    finished = Signal(int, object)  # key, the work's result
    failed = Signal(int, str)  # key, one sentence for the CSM
    cancelled = Signal(int)  # key


class Worker(QRunnable):
    def __init__(self, work: Work, what: str,
                 cancel_errors: tuple[type[BaseException], ...] = ()) -> None:
        super().__init__()
        self.work = work
        self.what = what
        self.cancel_errors = cancel_errors
        self.key = next(_KEYS)
        self.signals = WorkerSignals()
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    @Slot()
    def run(self) -> None:
        signals, key = self.signals, self.key
        try:
            result = self.work(lambda done, total: signals.progressed.emit(key, done, total),
                               self._stop.is_set)
        except self.cancel_errors:
            signals.cancelled.emit(key)
        except EXPECTED as exc:
            log.info("%s failed: %s", self.what, exc)
            signals.failed.emit(key, str(exc))
        except Exception:  # noqa: BLE001 - every failure must reach the CSM and the log
            log.exception("%s failed", self.what)
            signals.failed.emit(key, unexpected_failure(self.what))
        else:
            if self._stop.is_set():
                signals.cancelled.emit(key)
            else:
                signals.finished.emit(key, result)


@dataclass(eq=False)
class _Job:
    worker: Worker
    owner: QObject | None
    on_done: Callable[[Any], None]
    on_error: Callable[[str], None]
    on_cancel: Callable[[], None] | None
    progress: Progress | None

    def alive(self) -> bool:
        return self.owner is None or isValid(self.owner)


class _Dispatcher(QObject):
    """Lives on the GUI thread for the whole run: every worker's reports arrive here, queued,
    and go to the callbacks of the job they belong to."""

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[int, _Job] = {}  # started and not yet reported: kept alive here

    def add(self, job: _Job) -> None:
        self.jobs[job.worker.key] = job
        signals, queued = job.worker.signals, Qt.ConnectionType.QueuedConnection
        signals.progressed.connect(self.progressed, queued)
        signals.finished.connect(self.finished, queued)
        signals.failed.connect(self.failed, queued)
        signals.cancelled.connect(self.cancelled, queued)

    def _ended(self, key: int) -> _Job | None:
        job = self.jobs.pop(key, None)
        if job is not None:
            job.worker.signals.deleteLater()
        return job if job is not None and job.alive() else None

    @Slot(int, int, int)
    def progressed(self, key: int, done: int, total: int) -> None:
        job = self.jobs.get(key)
        if job is not None and job.progress is not None and job.alive():
            job.progress(done, total)

    @Slot(int, object)
    def finished(self, key: int, result: object) -> None:
        if (job := self._ended(key)) is not None:
            job.on_done(result)

    @Slot(int, str)
    def failed(self, key: int, sentence: str) -> None:
        if (job := self._ended(key)) is not None:
            job.on_error(sentence)

    @Slot(int)
    def cancelled(self, key: int) -> None:
        if (job := self._ended(key)) is not None and job.on_cancel is not None:
            job.on_cancel()


_KEYS = itertools.count(1)
_DISPATCHER: list[_Dispatcher] = []


def _dispatcher() -> _Dispatcher:
    if not _DISPATCHER:
        _DISPATCHER.append(_Dispatcher())
    return _DISPATCHER[0]


def unexpected_failure(what: str) -> str:
    """The one sentence for a failure nobody foresaw."""
    from qbr_desktop.app_log import log_file

    where = log_file()
    details = translate("worker",
                        " The details are in "
                        "{where}.").format(where=where) if where is not None else ""
    return translate("worker",
                     "Something went wrong while {what}; nothing was "
                     "changed.{details}").format(what=what, details=details)


def run_in_background(work: Work, what: str, on_done: Callable[[Any], None],
                      on_error: Callable[[str], None], *,
                      progress: Progress | None = None,
                      on_cancel: Callable[[], None] | None = None,
                      cancel_errors: tuple[type[BaseException], ...] = (),
                      owner: QObject | None = None) -> Worker:
    """Start `work` with its reports already connected (a quick failure is never lost).

    `what` names the work in the CSM's words for the log and for an unexpected failure:
    "writing the deck", "reading the upcoming reviews". `owner` is the widget the results
    are for; by default the object whose method `on_done` is. Call on the GUI thread.
    """
    worker = Worker(work, what, cancel_errors)
    if owner is None:
        bound = getattr(on_done, "__self__", None)
        owner = bound if isinstance(bound, QObject) else None
    _dispatcher().add(_Job(worker, owner, on_done, on_error, on_cancel, progress))
    QThreadPool.globalInstance().start(worker)
    return worker


def start_task(work: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[str], None],
               what: str = "working in the background",
               *, owner: QObject | None = None) -> Worker:
    """`work()` in the background, for work with neither progress nor cancel."""
    return run_in_background(lambda _progress, _cancelled: work(), what, on_done, on_error,
                             owner=owner)


def running() -> int:
    """How many workers have not reported yet (for tests and for quitting)."""
    return len(_DISPATCHER[0].jobs) if _DISPATCHER else 0

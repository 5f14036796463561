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
- the reports go through a relay owned by the widget that asked (`owner`, or the object of a
  bound-method callback): when that widget is gone, so is the relay, and a late result is
  dropped instead of reaching a deleted widget.

Plain work that needs neither progress nor cancel can be given as `lambda: ...` through
`start_task`, which wraps it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.store.errors import StoreError

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Work = Callable[[Progress, Cancelled], Any]
EXPECTED: tuple[type[BaseException], ...] = (DomainError, StoreError, OSError)
log = logging.getLogger(__name__)
_RUNNING: set[Worker] = set()  # started and not yet reported: kept alive here


class WorkerSignals(QObject):
    #: Steps done and steps in all.
    progressed = Signal(int, int)
    #: The work's result.
    finished = Signal(object)
    #: The work failed: one sentence for the CSM.
    failed = Signal(str)
    #: The CSM cancelled; the work stopped.
    cancelled = Signal()


class _Relay(QObject):
    """Calls the callbacks on the GUI thread; a child of the owner, so it dies with it."""

    def __init__(self, owner: QObject | None, on_done: Callable[[Any], None],
                 on_error: Callable[[str], None], on_cancel: Callable[[], None] | None,
                 progress: Progress | None) -> None:
        super().__init__(owner)
        self._done, self._error, self._cancel, self._progress = (on_done, on_error, on_cancel,
                                                                 progress)

    @Slot(object)
    def done(self, result: object) -> None:
        self._done(result)

    @Slot(str)
    def error(self, sentence: str) -> None:
        self._error(sentence)

    @Slot()
    def cancelled(self) -> None:
        if self._cancel is not None:
            self._cancel()

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(done, total)


class Worker(QRunnable):
    def __init__(self, work: Work, what: str,
                 cancel_errors: tuple[type[BaseException], ...] = ()) -> None:
        super().__init__()
        self.setAutoDelete(False)  # _RUNNING owns it until it has reported
        self.work = work
        self.what = what
        self.cancel_errors = cancel_errors
        self.signals = WorkerSignals()
        self.relay: QObject | None = None
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self.signals.progressed.emit, self._stop.is_set)
        except self.cancel_errors:
            self.signals.cancelled.emit()
        except EXPECTED as exc:
            log.info("%s failed: %s", self.what, exc)
            self.signals.failed.emit(str(exc))
        except Exception:  # noqa: BLE001 - every failure must reach the CSM and the log
            log.exception("%s failed", self.what)
            self.signals.failed.emit(unexpected_failure(self.what))
        else:
            if self._stop.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)


def unexpected_failure(what: str) -> str:
    """The one sentence for a failure nobody foresaw."""
    from qbr_desktop.app_log import log_file

    where = log_file()
    details = f" The details are in {where}." if where is not None else ""
    return f"Something went wrong while {what}; nothing was changed.{details}"


def run_in_background(work: Work, what: str, on_done: Callable[[Any], None],
                      on_error: Callable[[str], None], *,
                      progress: Progress | None = None,
                      on_cancel: Callable[[], None] | None = None,
                      cancel_errors: tuple[type[BaseException], ...] = (),
                      owner: QObject | None = None) -> Worker:
    """Start `work` with its reports already connected (a quick failure is never lost).

    `what` names the work in the CSM's words for the log and for an unexpected failure:
    "writing the deck", "reading the upcoming reviews". `owner` is the widget the results
    are for; by default the object whose method `on_done` is.
    """
    worker = Worker(work, what, cancel_errors)
    signals = worker.signals
    if owner is None:
        bound = getattr(on_done, "__self__", None)
        owner = bound if isinstance(bound, QObject) else None
    relay = _Relay(owner, on_done, on_error, on_cancel, progress)
    worker.relay = relay  # an ownerless relay lives as long as its worker

    def release(*_args: object) -> None:
        _RUNNING.discard(worker)

    signals.progressed.connect(relay.progressed)
    signals.finished.connect(relay.done)
    signals.failed.connect(relay.error)
    signals.cancelled.connect(relay.cancelled)
    for signal in (signals.finished, signals.failed, signals.cancelled):
        signal.connect(release)
    _RUNNING.add(worker)
    QThreadPool.globalInstance().start(worker)
    return worker


def start_task(work: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[str], None], what: str = "working in the background",
               *, owner: QObject | None = None) -> Worker:
    """`work()` in the background, for work with neither progress nor cancel."""
    return run_in_background(lambda _progress, _cancelled: work(), what, on_done, on_error,
                             owner=owner)


def running() -> int:
    """How many workers have not reported yet (for tests and for quitting)."""
    return len(_RUNNING)

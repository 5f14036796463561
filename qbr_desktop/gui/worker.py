"""Run slow work (file I/O, exports) on the thread pool; results come back by signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class TaskSignals(QObject):
    #: The task's return value.
    finished = Signal(object)
    #: The task raised: the exception's message.
    failed = Signal(str)


class Task(QRunnable):
    """A callable run off the GUI thread. It must not touch widgets."""

    def __init__(self, work: Callable[[], Any], errors: tuple[type[BaseException], ...]) -> None:
        super().__init__()
        self.work = work
        self.errors = errors
        self.signals = TaskSignals()

    @Slot()
    def run(self) -> None:
        try:
            result = self.work()
        except self.errors as exc:
            self.signals.failed.emit(str(exc))
            return
        self.signals.finished.emit(result)


def start_task(work: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[str], None],
               errors: tuple[type[BaseException], ...] = (OSError,)) -> Task:
    task = Task(work, errors)
    task.signals.finished.connect(on_done)
    task.signals.failed.connect(on_error)
    QThreadPool.globalInstance().start(task)
    return task

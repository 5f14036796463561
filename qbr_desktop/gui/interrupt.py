"""Ctrl+C in the terminal that started the window closes it as the Quit command does.

Python runs a signal handler only when the interpreter gets control, which Qt's event loop
does not give it while idle; so the signal also writes a byte to a socket that Qt watches,
and that wakes the loop. Closing goes through the window's own close (unsaved work is
saved or asked about), then the application quits.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier


class InterruptHandler(QObject):
    def __init__(self, close: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._close = close
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._drain)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = signal.signal(signal.SIGINT, self._interrupted)

    def _drain(self) -> None:
        with contextlib.suppress(OSError):  # nothing left to read: already drained
            self._reader.recv(64)

    def _interrupted(self, _number: int, _frame: object) -> None:
        self._close()

    def restore(self) -> None:
        signal.signal(signal.SIGINT, self._previous)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()

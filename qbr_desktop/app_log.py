"""The window's log file: where a failure nobody foresaw leaves its traceback.

One rotating file in the per-user data folder (logs/qbr-desktop.log, at most 3 × 1 MB), set
up when the window starts. The CSM reads one sentence; whoever helps them reads the file.
Nothing personal is logged on purpose, but a traceback can quote the data it failed on, so
the file is readable by its owner only.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TextIO

LOG_NAME = "qbr-desktop.log"
#: Beside the log: what faulthandler writes when the process dies in native code (Qt, a
#: driver) or is stopped by the --screenshot watchdog. The log itself cannot take it: the
#: process is dying, and Windows cannot rotate a file another handle holds open.
CRASH_NAME = "crashes.log"
MAX_BYTES, BACKUPS = 1_000_000, 3
_state: dict[str, Path] = {}
_crash_file: list[TextIO] = []


def log_file() -> Path | None:
    """The log file, once set up; None before (tests, the command line)."""
    return _state.get("path")


def set_up_log(folder: Path) -> Path | None:
    """Log to `folder`/logs; returns the file, or None when the folder cannot be written
    (the app still runs, and failures still reach the CSM as sentences)."""
    logs = folder / "logs"
    try:
        # The data folder too, when this creates it: it holds the portfolio, owner-only.
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        logs.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = logs / LOG_NAME
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8", delay=True)
        path.touch(mode=0o600, exist_ok=True)
        os.chmod(path, 0o600)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("qbr_desktop")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _state["path"] = path
    return path


def log_uncaught(kind: type[BaseException], error: BaseException,
                 trace: TracebackType | None) -> None:
    """sys.excepthook: a slot's unexpected exception goes to the log with its traceback."""
    logging.getLogger("qbr_desktop").error("Unexpected error", exc_info=(kind, error, trace))
    sys.__excepthook__(kind, error, trace)


def log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        log_uncaught(args.exc_type, args.exc_value, args.exc_traceback)


def record_crashes(folder: Path) -> Path | None:
    """On a fatal error (an access violation in Qt, say) every thread's Python stack goes to
    `folder`/logs/crashes.log; a windowed program on Windows has no stderr to print it on.
    Returns the file, or None when it cannot be written."""
    path = folder / "logs" / CRASH_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run
        os.chmod(path, 0o600)
    except OSError:
        return None
    for old in _crash_file:
        old.close()
    _crash_file[:] = [handle]
    faulthandler.enable(file=handle, all_threads=True)
    return path


def stop_if_stuck(seconds: float) -> bool:
    """Unless `cancel_stop` is called first, end the process after `seconds` with every
    thread's stack in crashes.log (record_crashes must have succeeded). For automated runs
    (--screenshot), which must end on their own; False when there is no file to write to."""
    if not _crash_file:
        return False
    faulthandler.dump_traceback_later(seconds, exit=True, file=_crash_file[0])
    return True


def cancel_stop() -> None:
    faulthandler.cancel_dump_traceback_later()

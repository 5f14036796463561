"""The window's log file: where a failure nobody foresaw leaves its traceback.

One rotating file in the per-user data folder (logs/qbr-desktop.log, at most 3 × 1 MB), set
up when the window starts. The CSM reads one sentence; whoever helps them reads the file.
Nothing personal is logged on purpose, but a traceback can quote the data it failed on, so
the file is readable by its owner only.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_NAME = "qbr-desktop.log"
MAX_BYTES, BACKUPS = 1_000_000, 3
_state: dict[str, Path] = {}


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

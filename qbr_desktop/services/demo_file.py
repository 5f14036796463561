"""The demo portfolio as a file: built whole beside its place, then renamed into it.

Built in place, a demo killed part-way (Ctrl-C, a closed laptop, a first launch cut short)
was opened next time as if complete, and `qbr demo` refused to rebuild it ("already holds
the demo portfolio"). Here it is built in a temp file in the same folder and renamed into
place when complete, so its place holds a whole demo or none. A demo left half-built by an
older release (or by the window's in-place first build) is recognised and built again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
import time
from datetime import date
from pathlib import Path

from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.demo import (
    DEFAULT_ACCOUNTS,
    DEFAULT_SEED,
    DemoRefused,
    DemoSummary,
    build_demo_portfolio,
)
from qbr_desktop.services.demo_state import DemoState, demo_state
from qbr_desktop.store.file_probe import count_accounts, make_standalone

__all__ = ["DemoState", "build_demo_file", "demo_state", "prune_abandoned_builds"]

log = logging.getLogger(__name__)

_BUILDING = re.compile(r"^\..+\.[0-9a-f]{12}\.building$")
STALE_BUILD_AGE_S = 30 * 60  # a demo builds in seconds; an older temp file was abandoned


def prune_abandoned_builds(folder: Path, *, now: float | None = None) -> list[Path]:
    now = time.time() if now is None else now
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for entry in folder.iterdir():
        if _BUILDING.match(entry.name.removesuffix("-wal").removesuffix("-shm")):
            with contextlib.suppress(OSError):
                if now - entry.stat().st_mtime >= STALE_BUILD_AGE_S:
                    entry.unlink()
                    removed.append(entry)
    return removed


def build_demo_file(path: Path, *, accounts: int = DEFAULT_ACCOUNTS, seed: int = DEFAULT_SEED,
                    today: date | None = None) -> DemoSummary:
    """Build the demo portfolio at `path`, whole or not at all.

    Refuses a file holding someone's accounts or a complete demo; replaces a half-built one.
    """
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.store.database import open_sqlite_store

    path = path.expanduser().absolute()
    if path.exists() and path.stat().st_size > 0:
        # A newer, damaged or read-only file is refused here with its own sentence.
        open_sqlite_store(path).close()
    state = demo_state(path)
    if state is DemoState.PORTFOLIO:
        raise DemoRefused(f"{path} already holds {count_accounts(path)} account(s); build the "
                          "demo portfolio in a new file")
    if state is DemoState.COMPLETE:
        raise DemoRefused(f"{path} already holds the demo portfolio")
    folder = path.parent
    from qbr_desktop.store.location import make_private_folder

    make_private_folder(folder)
    prune_abandoned_builds(folder)
    temporary = folder / f".{path.name}.{secrets.token_hex(6)}.building"
    try:
        store = open_sqlite_store(temporary)
        context = AppContext.for_store(DatabaseTarget(path=path), store)
        try:
            summary = build_demo_portfolio(context, accounts=accounts, seed=seed, today=today)
        finally:
            context.close()
        make_standalone(temporary)
        for suffix in ("-wal", "-shm"):
            # A half demo's log would be replayed onto the new file: it goes first.
            with contextlib.suppress(FileNotFoundError):
                path.with_name(path.name + suffix).unlink()
        os.replace(temporary, path)
        _sync_folder(folder)
    finally:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                temporary.with_name(temporary.name + suffix).unlink()
    if state is DemoState.HALF_BUILT:
        log.warning("Rebuilt the half-built demo portfolio %s", path)
    return summary


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)

"""The clock a running meeting is timed with, and how a stored meeting is carried across a
restart.

The meeting goes on while the laptop sleeps, and a manual or daylight-saving change of the
wall clock must not move the countdown. Linux's monotonic clock stops during suspend and
its boot-time clock does not, so the boot-time clock is used there; macOS's CLOCK_MONOTONIC
and Windows' monotonic clock both keep counting through sleep and ignore wall-clock changes.

Readings of that clock only compare within one boot. Each stored meeting keeps the boot it
was started in; after a reboot its events are re-based on their wall-clock times, the one
place the wall clock is trusted, since nothing else survives a reboot.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from qbr_desktop.domain.meeting_timer import TimerEvent

_BOOT_ID_FILE = Path("/proc/sys/kernel/random/boot_id")


def meeting_clock() -> float:
    """Seconds that keep counting through suspend and ignore wall-clock changes."""
    if sys.platform.startswith("linux"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":
        return time.clock_gettime(time.CLOCK_MONOTONIC)
    return time.monotonic()


def boot_id() -> str:
    """Which boot the clock's readings belong to (the same string until the next reboot)."""
    try:
        return _BOOT_ID_FILE.read_text(encoding="ascii").strip()
    except OSError:
        # No boot id to read: the boot's start on the wall clock, to the minute, stands in.
        started = time.time() - meeting_clock()
        return f"boot-{int(started // 60)}"


def rebase(events: Sequence[TimerEvent], walls: Sequence[datetime], now_clock: float,
           now_wall: datetime) -> list[TimerEvent]:
    """Events from another boot, moved onto this boot's clock by their wall-clock times."""
    return [replace(event, at=now_clock - (now_wall - wall).total_seconds())
            for event, wall in zip(events, walls, strict=True)]

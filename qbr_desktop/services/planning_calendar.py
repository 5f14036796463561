"""The planning calendar: the portfolio's days off and the time zone meetings default to.

These are portfolio-wide settings, stored in the database, that every plan's dates are
worked out against. They stand apart from the plans themselves: reading the days off or
telling a zone name from a typo needs no review, no playbook and no task.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from qbr_desktop.store.repositories import SettingRepository

HOLIDAYS_KEY = "calendar.holidays"
TIME_ZONE_KEY = "calendar.time_zone"


def local_zone_name() -> str:
    """This computer's IANA time zone name, or UTC when it cannot be told."""
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        link = str(Path("/etc/localtime").resolve())
        candidates.append(link.split("zoneinfo/", 1)[1] if "zoneinfo/" in link else "")
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    return next((name for name in candidates if name and known_zone(name)), "UTC")


def known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return False
    return True


def read_holidays(session: Session) -> frozenset[date]:
    stored = SettingRepository(session).get(HOLIDAYS_KEY) or []
    days = set()
    for text in stored if isinstance(stored, list) else []:
        try:
            days.add(date.fromisoformat(str(text)))
        except ValueError:
            continue  # a hand-edited entry that is not a date is ignored, not fatal
    return frozenset(days)

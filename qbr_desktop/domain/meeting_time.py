"""How a meeting's time reads: on the clock where it is held, with that zone named.

A QBR is planned in a time zone (16:00 Europe/Berlin) and stored in UTC. The CSM's machine
may be anywhere, so no view shows a meeting on the machine's clock: each shows it on the
meeting's own, and says which that is.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _where(zone: str | None) -> tuple[ZoneInfo, str]:
    """The zone and its name; UTC, named so, for a zone nobody knows."""
    try:
        if zone:
            return ZoneInfo(zone), zone
    except (ZoneInfoNotFoundError, ValueError):
        pass
    return ZoneInfo("UTC"), "UTC"


def _there(moment: datetime, where: ZoneInfo) -> datetime:
    # A naive time is UTC, as the store keeps them.
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(where)


def meeting_when(moment: datetime, zone: str | None, *, until: datetime | None = None) -> str:
    """'Mon 2026-12-14 16:00 Europe/Berlin'; with `until`, 'Mon 2026-12-14 16:00–17:00
    Europe/Berlin'."""
    where, name = _where(zone)
    text = f"{_there(moment, where):%a %Y-%m-%d %H:%M}"
    if until is not None:
        text += f"–{_there(until, where):%H:%M}"
    return f"{text} {name}"


def meeting_day(moment: datetime, zone: str | None) -> date:
    """The meeting's date where it is held (a 00:30 Tokyo meeting is the day before in UTC)."""
    return _there(moment, _where(zone)[0]).date()

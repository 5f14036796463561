"""How a meeting's time reads: on the clock where it is held, with that zone named.

A QBR is planned in a time zone (16:00 Europe/Berlin) and stored in UTC. The CSM's machine
may be anywhere, so no view shows a meeting on the machine's clock: each shows it on the
meeting's own, and says which that is. The weekday and the order of the parts follow the
interface language ("Mon 2026-12-14 16:00", "2026-12-14（周一）16:00").
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from qbr_desktop.i18n import Catalogue, interface_catalogue, msg_in_context

# Monday first, as datetime.weekday() counts.
WEEKDAYS = (msg_in_context("weekday", "Mon"), msg_in_context("weekday", "Tue"),
            msg_in_context("weekday", "Wed"), msg_in_context("weekday", "Thu"),
            msg_in_context("weekday", "Fri"), msg_in_context("weekday", "Sat"),
            msg_in_context("weekday", "Sun"))


@lru_cache(maxsize=512)
def _where(zone: str | None) -> tuple[ZoneInfo, str]:
    """The zone and its name; UTC, named so, for a zone nobody knows.

    Kept once per name: ZoneInfo keeps only a few zones alive, and a list of 50,000
    accounts naming a dozen zones otherwise looks each up on disk again and again."""
    try:
        if zone:
            return ZoneInfo(zone), zone
    except (ZoneInfoNotFoundError, ValueError):
        pass
    return ZoneInfo("UTC"), "UTC"


def _there(moment: datetime, where: ZoneInfo) -> datetime:
    # A naive time is UTC, as the store keeps them.
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(where)


def meeting_when(moment: datetime, zone: str | None, *, until: datetime | None = None,
                 book: Catalogue | None = None) -> str:
    """'Mon 2026-12-14 16:00 Europe/Berlin'; with `until`, 'Mon 2026-12-14 16:00–17:00
    Europe/Berlin'. In `book`'s language, else the interface's."""
    book = book or interface_catalogue()
    where, name = _where(zone)
    start = _there(moment, where)
    time = f"{start:%H:%M}" if until is None else f"{start:%H:%M}–{_there(until, where):%H:%M}"
    return book.gettext("{weekday} {day} {time} {zone}",
                        weekday=WEEKDAYS[start.weekday()].render(book),
                        day=start.date().isoformat(), time=time, zone=name)


def meeting_day(moment: datetime, zone: str | None) -> date:
    """The meeting's date where it is held (a 00:30 Tokyo meeting is the day before in UTC)."""
    return _there(moment, _where(zone)[0]).date()

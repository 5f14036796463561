"""An RFC 5545 VTIMEZONE for one IANA zone, read off the zone's own offsets in `zoneinfo`.

`zoneinfo` has no API for a zone's transitions, but it answers "what is the offset at this
instant" exactly, so the transitions are found by probing: every 12 hours across the window,
then by bisection to the second wherever the offset or the abbreviation changed. Each
transition becomes one STANDARD or DAYLIGHT observance with an explicit DTSTART and no
RRULE; a rule would claim the future follows today's law, which is what changes.

The window spans a year either side of the meeting, so the definition holds both seasons
and every instant the meeting's values name. An observance
at the window's start states the offset then in force (TZOFFSETFROM equals TZOFFSETTO):
the transition before it may lie decades back and says nothing about the meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

WINDOW = timedelta(days=366)
PROBE_STEP = timedelta(hours=12)
_SECOND = timedelta(seconds=1)
# A day inside the range datetime can hold, so local times at the edges stay representable.
_EARLIEST = datetime(1, 1, 2, tzinfo=UTC)
_LATEST = datetime(9999, 12, 30, tzinfo=UTC)
# Where a TZID needs no definition: a meeting planned in UTC is written in UTC.
UTC_NAMES = frozenset({
    "UTC", "Etc/UTC", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "Etc/UCT", "UCT",
})
# Safe as a parameter value unquoted: IANA names use no ':', ';', ',' or '"'.
_ZONE_NAME = re.compile(r"[A-Za-z0-9_+\-/]+")


@dataclass(frozen=True, slots=True)
class _State:
    offset: timedelta
    name: str
    daylight: bool


def is_utc(zone: ZoneInfo) -> bool:
    return zone.key in UTC_NAMES


def zone_name_problem(zone: ZoneInfo) -> str | None:
    """Why the zone's name cannot be a TZID parameter as it is, or None."""
    if not _ZONE_NAME.fullmatch(zone.key or ""):
        return f"{zone.key!r} has characters a TZID cannot carry"
    return None


def vtimezone_lines(zone: ZoneInfo, first: datetime, last: datetime) -> list[str]:
    """The VTIMEZONE's content lines, covering [first - a year, last + a year].

    `first` and `last` are aware instants (the meeting's start and end).
    """
    start = _shifted(first, -WINDOW).replace(microsecond=0)
    end = _shifted(last, WINDOW)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone.key}"]
    state = _state(zone, start)
    lines += _observance(start, state, state)
    moment = start
    while moment < end:
        probe = min(moment + PROBE_STEP, end)
        probed = _state(zone, probe)
        if probed != state:
            changed = _bisect(zone, moment, probe, state)
            after = _state(zone, changed)
            lines += _observance(changed, state, after)
            state = after
            moment = changed
            continue
        moment = probe
    lines.append("END:VTIMEZONE")
    return lines


def _shifted(moment: datetime, by: timedelta) -> datetime:
    try:
        return moment.astimezone(UTC) + by
    except OverflowError:  # a meeting near year 1 or 9999: the window stops at the edge
        return _EARLIEST if by < timedelta(0) else _LATEST


def _state(zone: ZoneInfo, moment: datetime) -> _State:
    local = moment.astimezone(zone)
    offset = local.utcoffset() or timedelta(0)
    dst = local.dst()
    return _State(offset, local.tzname() or "", bool(dst and dst > timedelta(0)))


def _bisect(zone: ZoneInfo, before: datetime, after: datetime, state: _State) -> datetime:
    """The first whole second after `before` whose state differs from `state`."""
    # Whole seconds from `before`, by arithmetic: fromtimestamp() fails before 1970 on Windows.
    low, high = 0, int((after - before) / _SECOND)
    while high - low > 1:
        middle = (low + high) // 2
        if _state(zone, before + middle * _SECOND) == state:
            low = middle
        else:
            high = middle
    return before + high * _SECOND


def _observance(moment: datetime, before: _State, after: _State) -> list[str]:
    # DTSTART is the local time at the change, read on the clock that was in force before it.
    local = (moment + before.offset).replace(tzinfo=None)
    kind = "DAYLIGHT" if after.daylight else "STANDARD"
    lines = [f"BEGIN:{kind}", f"DTSTART:{local_text(local)}",
             f"TZOFFSETFROM:{_offset(before.offset)}", f"TZOFFSETTO:{_offset(after.offset)}"]
    if after.name:
        lines.append(f"TZNAME:{_text(after.name)}")
    return [*lines, f"END:{kind}"]


def local_text(moment: datetime) -> str:
    """A wall-clock DATE-TIME without zone, e.g. "20250330T020000"."""
    # By hand: strftime's %Y does not pad years before 1000 to four digits everywhere.
    return (f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"
            f"T{moment.hour:02d}{moment.minute:02d}{moment.second:02d}")


def _offset(offset: timedelta) -> str:
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{seconds:02d}" if seconds else "")


def _text(value: str) -> str:
    # Abbreviations are short ASCII ("CEST", "+0530", "-03"); escaped all the same.
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", " ").replace("\r", " "))

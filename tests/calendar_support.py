"""Reading exported calendars back with two independent parsers: icalendar and vobject.

A calendar app reads our VTIMEZONE, or only the TZID name if it knows the zone. Both
parsers look a known name up in their own zone database, so `own_zones` renames the zone to
one no database has: each parser must then build the zone from the file's definition.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import icalendar
import vobject

_RENAMES = itertools.count()


@dataclass(frozen=True)
class Item:
    """One VEVENT or VTODO as a parser read it, in the parsers' common terms."""

    parser: str
    kind: str  # "VEVENT" or "VTODO"
    uid: str
    sequence: int
    summary: str
    description: str
    start: datetime | date | None
    end: datetime | date | None
    due: date | None
    status: str
    completed: datetime | None
    related_to: str | None
    alarms: tuple[tuple[str, timedelta, str], ...]  # (ACTION, TRIGGER, DESCRIPTION)


def read_icalendar(data: bytes) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(data)
    assert [(c.name, c.errors) for c in calendar.walk() if c.errors] == []
    return calendar


# vobject keeps the first definition it reads of each TZID for the rest of the process and
# ignores the next file's; a calendar app reads each file on its own, so each parse starts
# from an empty registry (one parse at a time: the tests export from several threads).
_VOBJECT_ZONES: dict[str, Any] = vars(vobject.icalendar)["__tzidMap"]
_VOBJECT_LOCK = threading.Lock()


def read_vobject(data: bytes) -> Any:
    with _VOBJECT_LOCK:
        utc = _VOBJECT_ZONES["UTC"]
        _VOBJECT_ZONES.clear()
        _VOBJECT_ZONES["UTC"] = utc
        return vobject.readOne(data.decode("utf-8"))


def own_zones(data: bytes) -> bytes:
    """The calendar with each TZID renamed to a name no zone database knows."""
    text = data.decode("utf-8")
    for name in set(re.findall(r"TZID[:=]([^:;\r\n]+)", text)):
        private = f"X-Private-{next(_RENAMES)}/{name.replace('/', '-')}"
        text = text.replace(f"TZID:{name}\r\n", f"TZID:{private}\r\n")
        text = text.replace(f";TZID={name}:", f";TZID={private}:")
    return text.encode("utf-8")


def items(data: bytes) -> dict[str, list[Item]]:
    """{"icalendar": [...], "vobject": [...]}: every event and to-do, in file order."""
    return {"icalendar": list(_icalendar_items(data)), "vobject": list(_vobject_items(data))}


def both(data: bytes) -> list[tuple[Item, Item]]:
    """Each item as both parsers read it, after checking they agree on what they hold."""
    read = items(data)
    pairs = list(zip(read["icalendar"], read["vobject"], strict=True))
    for ours, theirs in pairs:
        for field in ("kind", "uid", "sequence", "summary", "description", "start", "end",
                      "due", "status", "completed", "related_to", "alarms"):
            assert getattr(ours, field) == getattr(theirs, field), field
    return pairs


def _icalendar_items(data: bytes) -> Iterator[Item]:
    for component in read_icalendar(data).walk():
        if component.name not in ("VEVENT", "VTODO"):
            continue
        alarms = tuple((str(a["ACTION"]), a.decoded("TRIGGER"), str(a["DESCRIPTION"]))
                       for a in component.walk("VALARM"))
        yield Item(
            "icalendar", component.name, str(component["UID"]), int(component["SEQUENCE"]),
            str(component["SUMMARY"]), str(component.get("DESCRIPTION", "")),
            component.decoded("DTSTART") if "DTSTART" in component else None,
            component.decoded("DTEND") if "DTEND" in component else None,
            component.decoded("DUE") if "DUE" in component else None,
            str(component["STATUS"]),
            component.decoded("COMPLETED") if "COMPLETED" in component else None,
            str(component["RELATED-TO"]) if "RELATED-TO" in component else None, alarms)


def _vobject_items(data: bytes) -> Iterator[Item]:
    for component in read_vobject(data).getChildren():
        if component.name not in ("VEVENT", "VTODO"):
            continue
        alarms = tuple((a.action.value, a.trigger.value, a.description.value)
                       for a in component.contents.get("valarm", []))
        yield Item(
            "vobject", component.name, _value(component, "uid"),
            int(_value(component, "sequence")), _value(component, "summary"),
            _value(component, "description", ""), _value(component, "dtstart"),
            _value(component, "dtend"), _value(component, "due"), _value(component, "status"),
            _value(component, "completed"), _value(component, "related-to"), alarms)


def _value(component: Any, name: str, default: Any = None) -> Any:
    found = component.contents.get(name)
    return found[0].value if found else default

"""The meeting on its own zone's clock: DTSTART;TZID with a VTIMEZONE read off zoneinfo,
checked with icalendar and vobject (each also made to use only the file's definition),
and against zoneinfo hour by hour; and the reminder alarm."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from calendar_support import both, items, own_zones, read_icalendar

from qbr_desktop.exports.ics import CalendarMeeting, calendar_bytes
from qbr_desktop.exports.ics_timezone import WINDOW, vtimezone_lines

NOW = datetime(2025, 1, 3, 10, 30, tzinfo=UTC)
UID = "review-7-0f0e@qbr-desktop.invalid"


def meeting(start: datetime, minutes: int = 60, **changes: Any) -> CalendarMeeting:
    assert start.tzinfo is not None
    base = CalendarMeeting(
        uid=UID, title="QBR: Acme", description="", location="", start=start,
        duration=timedelta(minutes=minutes), time_zone=str(start.tzinfo), sequence=0,
        last_modified=NOW)
    return dataclasses.replace(base, **changes)


def export(the_meeting: CalendarMeeting) -> bytes:
    return calendar_bytes(the_meeting, [], product_id="-//Test//EN", now=NOW)


def read_starts(data: bytes) -> list[tuple[str, datetime, datetime]]:
    """(how it was read, DTSTART, DTEND) by each parser, with and without the zone's name."""
    found = []
    for mode, text in (("as written", data), ("definition only", own_zones(data))):
        if mode == "definition only" and b"TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000" in text:
            # vobject takes a zone for UTC when its offsets in 2000-2020 match UTC's, and our
            # definition starts with the offset in force a year before the meeting: a zone
            # in its +00:00 season then (Dublin, London in winter) is read as floating time.
            # vobject's own limit; icalendar is still checked, and both are as written.
            pairs = items(text)["icalendar"][:1]
            found += [(f"icalendar, {mode}", item.start, item.end) for item in pairs]
            continue
        for ours, theirs in both(text)[:1]:
            for item in (ours, theirs):
                assert isinstance(item.start, datetime) and isinstance(item.end, datetime)
                found.append((f"{item.parser}, {mode}", item.start, item.end))
    return found


def elapsed(start: datetime, end: datetime) -> timedelta:
    # In UTC: Python subtracts two times of one tzinfo object by their wall clocks.
    return end.astimezone(UTC) - start.astimezone(UTC)


def at(zone: str, *fields: int, fold: int = 0) -> datetime:
    return datetime(*fields, tzinfo=ZoneInfo(zone), fold=fold)  # type: ignore[misc]


# A week around each clock change, and zones with odd offsets, half-hour DST, negative DST
# (Dublin's winter), DST abolished (São Paulo) or never kept (Kolkata).
PLANNED = [
    at("Europe/Berlin", 2025, 1, 14, 9, 0),
    at("Europe/Berlin", 2025, 3, 28, 9, 0),  # the Friday before clocks go forward
    at("Europe/Berlin", 2025, 3, 30, 3, 0),  # the first hour after they did
    at("Europe/Berlin", 2025, 3, 31, 9, 0),
    at("Europe/Berlin", 2025, 10, 24, 16, 0),
    at("Europe/Berlin", 2025, 10, 26, 3, 30),  # the first hour after they went back
    at("Europe/Berlin", 2025, 10, 27, 9, 0),
    at("America/New_York", 2025, 3, 9, 3, 30),
    at("America/New_York", 2025, 11, 2, 0, 30),
    at("Australia/Lord_Howe", 2025, 10, 5, 2, 30),
    at("Pacific/Chatham", 2026, 4, 5, 14, 0),
    at("Europe/Dublin", 2026, 1, 20, 10, 0),
    at("Europe/Dublin", 2026, 7, 20, 10, 0),
    at("America/Sao_Paulo", 2026, 11, 3, 10, 0),
    at("Asia/Kolkata", 2026, 5, 12, 15, 30),
    at("Asia/Tokyo", 2026, 5, 12, 9, 0),
]


@pytest.mark.parametrize("start", PLANNED, ids=lambda s: f"{s.tzinfo}-{s:%Y%m%dT%H%M}")
def test_every_reader_shows_the_planned_wall_clock_time(start: datetime) -> None:
    data = export(meeting(start, minutes=90))
    zone = str(start.tzinfo)
    assert f"DTSTART;TZID={zone}:{start:%Y%m%dT%H%M%S}\r\n".encode() in data
    assert f"BEGIN:VTIMEZONE\r\nTZID:{zone}\r\n".encode() in data
    reads = read_starts(data)
    assert len(reads) >= 3
    for how, read_start, read_end in reads:
        assert read_start.replace(tzinfo=None) == start.replace(tzinfo=None), how
        assert read_start == start, how  # the same instant
        assert read_start.utcoffset() == start.utcoffset(), how
        assert elapsed(read_start, read_end) == timedelta(minutes=90), how


def test_a_meeting_across_the_clock_change_keeps_its_length() -> None:
    start = at("Europe/Berlin", 2025, 3, 30, 1, 30)  # 01:30 CET; clocks jump at 02:00
    data = export(meeting(start, minutes=120))
    assert b"DTEND;TZID=Europe/Berlin:20250330T043000\r\n" in data  # 04:30 CEST
    for how, read_start, read_end in read_starts(data):
        assert elapsed(read_start, read_end) == timedelta(hours=2), how
        assert read_end.utcoffset() == timedelta(hours=2), how


@pytest.mark.parametrize(("fold", "utc"), [(0, datetime(2025, 10, 26, 0, 30, tzinfo=UTC)),
                                           (1, datetime(2025, 10, 26, 1, 30, tzinfo=UTC))])
def test_a_local_time_the_clock_shows_twice_is_written_in_utc(fold: int,
                                                             utc: datetime) -> None:
    """RFC 5545 reads a repeated local time as its first occurrence; not every reader does."""
    start = at("Europe/Berlin", 2025, 10, 26, 2, 30, fold=fold)  # 02:30 CEST, then CET
    data = export(meeting(start, minutes=90))
    assert f"DTSTART:{utc:%Y%m%dT%H%M%S}Z\r\n".encode() in data
    assert b"DTEND;TZID=Europe/Berlin:" in data  # the end is unambiguous again
    for how, read_start, read_end in read_starts(data):
        assert read_start == utc, how
        assert elapsed(read_start, read_end) == timedelta(minutes=90), how


@pytest.mark.parametrize("zone", ["UTC", "Etc/UTC"])
def test_a_meeting_planned_in_utc_stays_in_utc(zone: str) -> None:
    data = export(meeting(at(zone, 2025, 6, 2, 14, 0)))
    assert b"DTSTART:20250602T140000Z\r\n" in data
    assert b"VTIMEZONE" not in data and b"TZID" not in data
    for how, read_start, _read_end in read_starts(data):
        assert read_start == datetime(2025, 6, 2, 14, 0, tzinfo=UTC), how


def test_a_zone_with_daylight_saving_defines_both_seasons() -> None:
    calendar = read_icalendar(export(meeting(at("Europe/Berlin", 2025, 1, 14, 9, 0))))
    (zone,) = calendar.walk("VTIMEZONE")
    kinds = [c.name for c in zone.subcomponents]
    assert {"STANDARD", "DAYLIGHT"} <= set(kinds)
    names = {str(c["TZNAME"]) for c in zone.subcomponents}
    assert names == {"CET", "CEST"}


def test_a_zone_without_changes_is_one_observance() -> None:
    lines = vtimezone_lines(ZoneInfo("Asia/Tokyo"), datetime(2026, 5, 12, tzinfo=UTC),
                            datetime(2026, 5, 12, 1, tzinfo=UTC))
    assert lines.count("BEGIN:STANDARD") == 1 and "BEGIN:DAYLIGHT" not in lines
    assert "TZOFFSETFROM:+0900" in lines and "TZOFFSETTO:+0900" in lines


def offsets_by_definition(lines: list[str]) -> list[tuple[datetime, timedelta]]:
    """(onset in UTC, offset from then on) of each observance, read the way RFC 5545
    defines them: DTSTART is local time on the clock in force before (TZOFFSETFROM)."""
    def offset(text: str) -> timedelta:
        sign = -1 if text[0] == "-" else 1
        hours, minutes, seconds = int(text[1:3]), int(text[3:5]), int(text[5:7] or 0)
        return sign * timedelta(hours=hours, minutes=minutes, seconds=seconds)

    onsets = []
    for block in re.findall(r"BEGIN:(?:STANDARD|DAYLIGHT)\n(.*?)\nEND:", "\n".join(lines),
                            re.DOTALL):
        fields = dict(line.split(":", 1) for line in block.split("\n"))
        local = datetime.strptime(fields["DTSTART"], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
        onsets.append((local - offset(fields["TZOFFSETFROM"]), offset(fields["TZOFFSETTO"])))
    assert onsets == sorted(onsets)
    return onsets


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                                  "Pacific/Chatham", "Europe/Dublin", "Africa/Casablanca",
                                  "America/Santiago", "Asia/Kolkata"])
def test_the_definition_agrees_with_zoneinfo_hour_by_hour(zone: str) -> None:
    tz = ZoneInfo(zone)
    start = datetime(2026, 3, 1, 12, tzinfo=UTC)
    onsets = offsets_by_definition(vtimezone_lines(tz, start, start + timedelta(hours=1)))
    moment = start - WINDOW + timedelta(hours=1)
    while moment < start + WINDOW:
        defined = [offset for onset, offset in onsets if onset <= moment][-1]
        assert defined == moment.astimezone(tz).utcoffset(), moment
        moment += timedelta(hours=1)


def test_the_definition_covers_meetings_at_the_edges_of_time() -> None:
    for moment in (datetime(1, 1, 3, tzinfo=UTC), datetime(9999, 12, 1, tzinfo=UTC)):
        lines = vtimezone_lines(ZoneInfo("Europe/Berlin"), moment, moment)
        assert lines[0] == "BEGIN:VTIMEZONE" and lines[-1] == "END:VTIMEZONE"
        assert all(re.fullmatch(r"DTSTART:\d{8}T\d{6}", line)
                   for line in lines if line.startswith("DTSTART"))


# --- the reminder ---------------------------------------------------------------------

def test_the_meeting_reminds_fifteen_minutes_before() -> None:
    data = export(meeting(at("Europe/Berlin", 2025, 1, 14, 9, 0)))
    assert b"BEGIN:VALARM\r\nACTION:DISPLAY\r\n" in data
    assert b"TRIGGER:-PT15M\r\n" in data
    for ours, theirs in both(data):
        for item in (ours, theirs):
            assert item.alarms == (("DISPLAY", timedelta(minutes=-15),
                                    "QBR: Acme starts in 15 minutes."),), item.parser


def test_the_reminder_can_be_changed_or_left_out() -> None:
    start = at("Europe/Berlin", 2025, 1, 14, 9, 0)
    assert b"TRIGGER:-PT60M\r\n" in export(meeting(start, reminder=timedelta(hours=1)))
    silent = export(meeting(start, reminder=None))
    assert b"VALARM" not in silent
    assert [ours.alarms for ours, _theirs in both(silent)] == [()]

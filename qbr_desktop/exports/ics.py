"""One QBR meeting and its preparation tasks as an RFC 5545 calendar (.ics), as bytes.

Written by hand (no calendar library at run time) for Outlook, Google Calendar and Apple
Calendar, which differ in what they import. The choices:

- Meeting times are UTC ("DTSTART:20250114T080000Z"). Every client reads this form without a
  VTIMEZONE and shows the meeting at the right instant in the viewer's own zone, which is what
  a CSM in another zone than the customer wants. A TZID with a generated VTIMEZONE buys
  nothing for a single, non-recurring meeting and is fragile: zoneinfo exposes no transitions
  to generate it from, Google ignores the definition and Outlook rejects some. The zone the
  meeting was planned in, and its local wall-clock time there, close the description.
- Preparation tasks are all-day VEVENTs (DTSTART;VALUE=DATE and DTEND the next day), not
  VTODOs: Google Calendar ignores VTODO and Outlook imports it poorly. They are
  TRANSP:TRANSPARENT so they never block time, titled "Prep: ...", and a done task starts
  with "✓ " so the open ones stand out in a month view. A done task stays STATUS:CONFIRMED:
  COMPLETED is valid only on VTODO, and CANCELLED makes Google and Outlook delete the event.
  The description opens with the owner role, the status and the meeting the task prepares.
- Re-importing updates instead of duplicating: UIDs are the caller's stable ids, SEQUENCE and
  LAST-MODIFIED come from the caller (raise SEQUENCE whenever a meeting or task changes) and
  DTSTAMP is `now` in UTC. METHOD:PUBLISH; no ORGANIZER or ATTENDEE, which would turn the
  import into a meeting invitation.
- Text is escaped per RFC 5545 3.3.11 (backslash, semicolon, comma, newline). Control
  characters are dropped (a tab becomes a space, CR and U+2028/U+2029 become newlines;
  SUMMARY and LOCATION are one line). Lines end in CRLF and are folded at 75 octets without
  splitting a UTF-8 sequence or a backslash escape.
- Bad input raises ValueError naming the field, e.g. "tasks[2].uid must not be empty".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from qbr_desktop.atomic_files import write_bytes

LINE_OCTETS = 75
TASK_PREFIX = "Prep: "
DONE_MARK = "✓ "
# C0 and C1 controls (newline aside), lone surrogates and the two non-characters.
_DROP = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n|[\r\u2028\u2029]")
_TOKEN = re.compile(r"\\.|.", re.DOTALL)  # a backslash escape is never split by a fold


@dataclass(frozen=True)
class CalendarMeeting:
    uid: str  # stable, from the caller, e.g. "review-42@qbr-desktop.invalid"
    title: str
    description: str
    location: str
    start: datetime  # timezone-aware
    duration: timedelta
    time_zone: str  # IANA name the meeting was planned in, e.g. "Europe/Berlin"
    sequence: int  # grows each time the meeting changes
    last_modified: datetime  # timezone-aware


@dataclass(frozen=True)
class CalendarTask:
    uid: str
    title: str
    description: str
    due: date
    done: bool
    owner: str  # the owner's role, e.g. "CSM" or "Account Executive"
    sequence: int
    last_modified: datetime  # timezone-aware


def calendar_bytes(meeting: CalendarMeeting, tasks: Sequence[CalendarTask], *,
                   product_id: str, now: datetime) -> bytes:
    """The meeting and its preparation tasks as one VCALENDAR in UTF-8 with CRLF lines."""
    zone = _check_meeting(meeting)
    stamp = _utc(now, "now")
    if not clean_text(product_id).strip():
        raise ValueError("product_id must not be empty")
    seen = {meeting.uid}
    for index, task in enumerate(tasks):
        _check_task(task, f"tasks[{index}]")
        if task.uid in seen:
            raise ValueError(f"tasks[{index}].uid {task.uid!r} is used twice in one calendar")
        seen.add(task.uid)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{escape_text(product_id)}",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    lines += _meeting_lines(meeting, zone, stamp)
    for task in tasks:
        lines += _task_lines(task, meeting, zone, stamp)
    lines.append("END:VCALENDAR")
    return b"".join(fold_line(line) for line in lines)


def write_calendar(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically: an existing file is replaced whole or kept."""
    write_bytes(path, data)


def clean_text(text: str) -> str:
    """Text with newlines as "\\n", tabs as spaces and other control characters removed."""
    return _DROP.sub("", _NEWLINES.sub("\n", text).replace("\t", " "))


def escape_text(text: str, *, one_line: bool = False) -> str:
    """A TEXT property value (RFC 5545 3.3.11) of cleaned `text`."""
    text = clean_text(text)
    if one_line:
        text = text.replace("\n", " ")
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold_line(line: str) -> bytes:
    """One content line as UTF-8 ending in CRLF, folded so no physical line passes 75
    octets; a fold never falls inside a character or an escape sequence."""
    out = bytearray()
    width = 0
    for token in _TOKEN.findall(line):
        chunk = token.encode("utf-8")
        if width + len(chunk) > LINE_OCTETS:
            out += b"\r\n "
            width = 1
        out += chunk
        width += len(chunk)
    out += b"\r\n"
    return bytes(out)


def _meeting_lines(meeting: CalendarMeeting, zone: ZoneInfo, stamp: str) -> list[str]:
    start = meeting.start.astimezone(UTC)
    end = start + meeting.duration
    description = "\n\n".join(part for part in (meeting.description.strip(),
                                                _local_time(meeting, zone)) if part)
    lines = [*_common(meeting.uid, stamp, meeting.sequence, meeting.last_modified),
             f"DTSTART:{_utc_text(start)}", f"DTEND:{_utc_text(end)}",
             f"SUMMARY:{escape_text(meeting.title, one_line=True)}",
             f"DESCRIPTION:{escape_text(description)}"]
    if clean_text(meeting.location).strip():
        lines.append(f"LOCATION:{escape_text(meeting.location, one_line=True)}")
    return [*lines, "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]


def _task_lines(task: CalendarTask, meeting: CalendarMeeting, zone: ZoneInfo,
                stamp: str) -> list[str]:
    title = (DONE_MARK if task.done else "") + TASK_PREFIX + task.title
    meeting_day = meeting.start.astimezone(zone).date().isoformat()
    facts = [f"Owner: {task.owner}" if task.owner.strip() else "",
             f"Status: {'done' if task.done else 'open'}",
             f"For: {clean_text(meeting.title).replace(chr(10), ' ')} ({meeting_day})"]
    description = "\n".join(fact for fact in facts if fact)
    if task.description.strip():
        description += "\n\n" + task.description.strip()
    return [*_common(task.uid, stamp, task.sequence, task.last_modified),
            f"DTSTART;VALUE=DATE:{_date_text(task.due)}",
            f"DTEND;VALUE=DATE:{_date_text(task.due + timedelta(days=1))}",
            f"SUMMARY:{escape_text(title, one_line=True)}",
            f"DESCRIPTION:{escape_text(description)}",
            f"RELATED-TO:{escape_text(meeting.uid)}",
            "STATUS:CONFIRMED", "TRANSP:TRANSPARENT", "END:VEVENT"]


def _common(uid: str, stamp: str, sequence: int, last_modified: datetime) -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{escape_text(uid)}", f"DTSTAMP:{stamp}",
            f"SEQUENCE:{sequence}", f"LAST-MODIFIED:{_utc(last_modified, 'last_modified')}"]


def _local_time(meeting: CalendarMeeting, zone: ZoneInfo) -> str:
    start = meeting.start.astimezone(zone)
    end = (meeting.start + meeting.duration).astimezone(zone)
    until = end.strftime("%H:%M") if end.date() == start.date() else _wall(end)
    return f"Local time: {_wall(start)}–{until} ({meeting.time_zone})"


def _wall(moment: datetime) -> str:
    return f"{moment.date().isoformat()} {moment:%H:%M}"


def _check_meeting(meeting: CalendarMeeting) -> ZoneInfo:
    _check_uid(meeting.uid, "meeting.uid")
    _check_sequence(meeting.sequence, "meeting.sequence")
    _utc(meeting.start, "meeting.start")
    _utc(meeting.last_modified, "meeting.last_modified")
    if meeting.duration <= timedelta(0):
        raise ValueError(f"meeting.duration must be positive, got {meeting.duration}")
    try:
        zone = ZoneInfo(meeting.time_zone)
    except (ValueError, KeyError, OSError) as exc:
        raise ValueError(f"meeting.time_zone {meeting.time_zone!r} is not a known IANA "
                         "time zone") from exc
    try:
        (meeting.start + meeting.duration).astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("meeting.start plus meeting.duration is past year 9999") from exc
    return zone


def _check_task(task: CalendarTask, field: str) -> None:
    _check_uid(task.uid, f"{field}.uid")
    _check_sequence(task.sequence, f"{field}.sequence")
    _utc(task.last_modified, f"{field}.last_modified")
    if isinstance(task.due, datetime) or not isinstance(task.due, date):
        raise ValueError(f"{field}.due must be a date, got {task.due!r}")
    if task.due == date.max:
        raise ValueError(f"{field}.due is too late for a calendar: {task.due}")


def _check_uid(uid: str, field: str) -> None:
    if not uid.strip():
        raise ValueError(f"{field} must not be empty")
    if _DROP.search(uid) or _NEWLINES.search(uid) or "\n" in uid:
        raise ValueError(f"{field} must not contain line breaks or control characters")


def _check_sequence(sequence: int, field: str) -> None:
    if isinstance(sequence, bool) or not isinstance(sequence, int) or sequence < 0:
        raise ValueError(f"{field} must be a whole number ≥ 0, got {sequence!r}")


def _utc(moment: datetime, field: str) -> str:
    """`moment` as an RFC 5545 UTC date-time; a naive datetime is refused."""
    if not isinstance(moment, datetime) or moment.utcoffset() is None:
        raise ValueError(f"{field} must be a timezone-aware datetime, got {moment!r}")
    try:
        return _utc_text(moment.astimezone(UTC))
    except OverflowError as exc:
        raise ValueError(f"{field} is out of range: {moment!r}") from exc


def _utc_text(moment: datetime) -> str:
    return f"{_date_text(moment.date())}T{moment:%H%M%S}Z"


def _date_text(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"

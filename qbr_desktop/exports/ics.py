"""One QBR meeting and its preparation tasks as an RFC 5545 calendar (.ics), as bytes.

Written by hand (no calendar library at run time) for Outlook, Google Calendar and Apple
Calendar, which differ in what they import. The choices:

- The meeting is written in the zone it was planned in ("DTSTART;TZID=Europe/Berlin:
  20250114T090000") with a VTIMEZONE built from that zone's real transitions
  (ics_timezone.py), so every calendar shows the wall-clock time the CSM agreed with the
  customer, in the viewer's own zone. A meeting planned in UTC is written in UTC, and so
  is a local time the clock shows twice (the hour it goes back): RFC 5545 reads it as the
  first occurrence, and some readers take the second. The zone and local time also close
  the description, for readers that show neither.
- A DISPLAY alarm reminds before the meeting (15 minutes unless the caller says otherwise).
- Preparation tasks are VTODOs by default: DUE;VALUE=DATE, STATUS:NEEDS-ACTION, or
  STATUS:COMPLETED with the COMPLETED time, and RELATED-TO the meeting. Google Calendar
  ignores VTODO and Outlook imports it poorly, so TaskForm.EVENT writes them as all-day
  VEVENTs instead: TRANSP:TRANSPARENT so they never block time, titled "Prep: ...", a done
  one marked "✓ " and still CONFIRMED (COMPLETED is valid only on VTODO, and CANCELLED makes
  Google and Outlook delete the event). The two forms are different objects to a calendar
  (a CalDAV server refuses one UID as both), so the caller gives each form its own UIDs.
- Re-importing updates instead of duplicating: UIDs and SEQUENCE come from the caller, who
  must raise SEQUENCE whenever an event's content changes and never lower it; `fingerprints`
  tells which content changed. DTSTAMP is `now` in UTC. METHOD:PUBLISH; no ORGANIZER or
  ATTENDEE, which would turn the import into a meeting invitation.
- Text is escaped per RFC 5545 3.3.11 (backslash, semicolon, comma, newline). Control
  characters are dropped (a tab becomes a space, CR and U+2028/U+2029 become newlines;
  SUMMARY and LOCATION are one line). Lines end in CRLF and are folded at 75 octets without
  splitting a UTF-8 sequence or a backslash escape.
- Bad input raises ValueError naming the field, e.g. "tasks[2].uid must not be empty".
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from qbr_desktop.atomic_files import write_bytes
from qbr_desktop.exports.ics_timezone import (
    is_utc,
    local_text,
    vtimezone_lines,
    zone_name_problem,
)
from qbr_desktop.i18n import ENGLISH, N_, catalogue

LINE_OCTETS = 75
TASK_PREFIX = "Prep: "
DONE_MARK = "✓ "
REMINDER = timedelta(minutes=15)
REMINDER_TEXT = N_("{title} starts in {minutes} minutes.")
# C0 and C1 controls (newline aside), lone surrogates and the two non-characters.
_DROP = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_NEWLINES = re.compile("\r\n|[\r\u2028\u2029]")
_TOKEN = re.compile(r"\\.|.", re.DOTALL)  # a backslash escape is never split by a fold
# What says when a file was made rather than what an event is: left out of fingerprints.
_NOT_CONTENT = ("DTSTAMP:", "SEQUENCE:", "LAST-MODIFIED:")
_ANY_STAMP = "19700101T000000Z"


class TaskForm(StrEnum):
    TODO = "todo"  # VTODO: to-do lists such as Apple Reminders and Thunderbird's tasks
    EVENT = "event"  # all-day VEVENT: for Google Calendar and Outlook's .ics import


@dataclass(frozen=True)
class CalendarMeeting:
    uid: str  # stable, from the caller, e.g. "review-42-<portfolio id>@qbr-desktop.invalid"
    title: str
    description: str
    location: str
    start: datetime  # timezone-aware
    duration: timedelta
    time_zone: str  # IANA name the meeting was planned in, e.g. "Europe/Berlin"
    sequence: int  # grows each time the meeting changes, never falls
    last_modified: datetime  # timezone-aware
    reminder: timedelta | None = REMINDER  # how long before the start; None: no alarm
    language: str = ENGLISH  # of the words the file adds (local time, the reminder)


@dataclass(frozen=True)
class CalendarTask:
    uid: str
    title: str
    description: str
    due: date
    owner: str  # the owner's role, e.g. "CSM" or "Account Executive"
    sequence: int
    last_modified: datetime  # timezone-aware
    completed_at: datetime | None = None  # timezone-aware; None while the task is open

    @property
    def done(self) -> bool:
        return self.completed_at is not None


def calendar_bytes(meeting: CalendarMeeting, tasks: Sequence[CalendarTask], *,
                   product_id: str, now: datetime,
                   task_form: TaskForm = TaskForm.TODO) -> bytes:
    """The meeting and its preparation tasks as one VCALENDAR in UTF-8 with CRLF lines."""
    stamp = _utc(now, "now")
    if not clean_text(product_id).strip():
        raise ValueError("product_id must not be empty")
    zone = _check(meeting, tasks)
    components = _components(meeting, tasks, zone, task_form, stamp)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{escape_text(product_id)}",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if any(line.startswith(("DTSTART;TZID=", "DTEND;TZID=")) for line in components[0][1]):
        lines += vtimezone_lines(zone, meeting.start, _end(meeting))
    for _uid, component in components:
        lines += component
    lines.append("END:VCALENDAR")
    return b"".join(fold_line(line) for line in lines)


def fingerprints(meeting: CalendarMeeting, tasks: Sequence[CalendarTask], *,
                 task_form: TaskForm = TaskForm.TODO) -> dict[str, str]:
    """{uid: SHA-256 hex of what the event says}, for each event `calendar_bytes` writes.

    DTSTAMP, SEQUENCE and LAST-MODIFIED are left out: a caller compares these to decide
    whether an event changed and its SEQUENCE must grow.
    """
    zone = _check(meeting, tasks)
    return {uid: hashlib.sha256("\r\n".join(
                line for line in lines if not line.startswith(_NOT_CONTENT)
            ).encode("utf-8")).hexdigest()
            for uid, lines in _components(meeting, tasks, zone, task_form, _ANY_STAMP)}


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


def _components(meeting: CalendarMeeting, tasks: Sequence[CalendarTask], zone: ZoneInfo,
                task_form: TaskForm, stamp: str) -> list[tuple[str, list[str]]]:
    task_lines = _todo_lines if task_form is TaskForm.TODO else _task_event_lines
    return [(meeting.uid, _meeting_lines(meeting, zone, stamp)),
            *((task.uid, task_lines(task, meeting, zone, stamp)) for task in tasks)]


def _meeting_lines(meeting: CalendarMeeting, zone: ZoneInfo, stamp: str) -> list[str]:
    description = "\n\n".join(part for part in (meeting.description.strip(),
                                                _local_time(meeting, zone)) if part)
    lines = ["BEGIN:VEVENT", *_common(meeting.uid, stamp, meeting.sequence,
                                      meeting.last_modified),
             _moment_line("DTSTART", meeting.start, zone),
             _moment_line("DTEND", _end(meeting), zone),
             f"SUMMARY:{escape_text(meeting.title, one_line=True)}",
             f"DESCRIPTION:{escape_text(description)}"]
    if clean_text(meeting.location).strip():
        lines.append(f"LOCATION:{escape_text(meeting.location, one_line=True)}")
    lines += ["STATUS:CONFIRMED", "TRANSP:OPAQUE"]
    if meeting.reminder is not None:
        minutes = int(meeting.reminder.total_seconds() // 60)
        title = clean_text(meeting.title).replace("\n", " ").strip()
        reminder = catalogue(meeting.language).gettext(REMINDER_TEXT, title=title,
                                                       minutes=minutes)
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{escape_text(reminder)}",
                  f"TRIGGER:-PT{minutes}M", "END:VALARM"]
    return [*lines, "END:VEVENT"]


def _todo_lines(task: CalendarTask, meeting: CalendarMeeting, zone: ZoneInfo,
                stamp: str) -> list[str]:
    lines = ["BEGIN:VTODO", *_common(task.uid, stamp, task.sequence, task.last_modified),
             f"DUE;VALUE=DATE:{_date_text(task.due)}",
             f"SUMMARY:{escape_text(TASK_PREFIX + task.title, one_line=True)}",
             f"DESCRIPTION:{escape_text(_task_description(task, meeting, zone, False))}",
             f"RELATED-TO:{escape_text(meeting.uid)}"]
    if task.completed_at is None:
        lines.append("STATUS:NEEDS-ACTION")
    else:
        lines += ["STATUS:COMPLETED", f"COMPLETED:{_utc(task.completed_at, 'completed_at')}",
                  "PERCENT-COMPLETE:100"]
    return [*lines, "END:VTODO"]


def _task_event_lines(task: CalendarTask, meeting: CalendarMeeting, zone: ZoneInfo,
                      stamp: str) -> list[str]:
    title = (DONE_MARK if task.done else "") + TASK_PREFIX + task.title
    return ["BEGIN:VEVENT", *_common(task.uid, stamp, task.sequence, task.last_modified),
            f"DTSTART;VALUE=DATE:{_date_text(task.due)}",
            f"DTEND;VALUE=DATE:{_date_text(task.due + timedelta(days=1))}",
            f"SUMMARY:{escape_text(title, one_line=True)}",
            f"DESCRIPTION:{escape_text(_task_description(task, meeting, zone, True))}",
            f"RELATED-TO:{escape_text(meeting.uid)}",
            "STATUS:CONFIRMED", "TRANSP:TRANSPARENT", "END:VEVENT"]


def _task_description(task: CalendarTask, meeting: CalendarMeeting, zone: ZoneInfo,
                      with_status: bool) -> str:
    meeting_day = meeting.start.astimezone(zone).date().isoformat()
    facts = [f"Owner: {task.owner}" if task.owner.strip() else "",
             (f"Status: {'done' if task.done else 'open'}" if with_status else ""),
             f"For: {clean_text(meeting.title).replace(chr(10), ' ')} ({meeting_day})"]
    description = "\n".join(fact for fact in facts if fact)
    if task.description.strip():
        description += "\n\n" + task.description.strip()
    return description


def _common(uid: str, stamp: str, sequence: int, last_modified: datetime) -> list[str]:
    return [f"UID:{escape_text(uid)}", f"DTSTAMP:{stamp}", f"SEQUENCE:{sequence}",
            f"LAST-MODIFIED:{_utc(last_modified, 'last_modified')}"]


def _moment_line(name: str, moment: datetime, zone: ZoneInfo) -> str:
    """`name` at `moment`, on the zone's clock where that names the instant unambiguously."""
    local = moment.astimezone(zone)
    twice = local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset()
    if is_utc(zone) or twice:
        return f"{name}:{_utc_text(moment.astimezone(UTC))}"
    return f"{name};TZID={zone.key}:{local_text(local)}"


def _end(meeting: CalendarMeeting) -> datetime:
    # In UTC: adding to an aware local time moves the wall clock, so a meeting across a
    # clock change would end an hour early or late.
    return meeting.start.astimezone(UTC) + meeting.duration


def _local_time(meeting: CalendarMeeting, zone: ZoneInfo) -> str:
    start = meeting.start.astimezone(zone)
    end = _end(meeting).astimezone(zone)
    until = end.strftime("%H:%M") if end.date() == start.date() else _wall(end)
    return catalogue(meeting.language).gettext("Local time: {start}–{end} ({zone})",
                                               start=_wall(start), end=until,
                                               zone=meeting.time_zone)


def _wall(moment: datetime) -> str:
    return f"{moment.date().isoformat()} {moment:%H:%M}"


def _check(meeting: CalendarMeeting, tasks: Sequence[CalendarTask]) -> ZoneInfo:
    zone = _check_meeting(meeting)
    seen = {meeting.uid}
    for index, task in enumerate(tasks):
        _check_task(task, f"tasks[{index}]")
        if task.uid in seen:
            raise ValueError(f"tasks[{index}].uid {task.uid!r} is used twice in one calendar")
        seen.add(task.uid)
    return zone


def _check_meeting(meeting: CalendarMeeting) -> ZoneInfo:
    _check_uid(meeting.uid, "meeting.uid")
    _check_sequence(meeting.sequence, "meeting.sequence")
    _utc(meeting.start, "meeting.start")
    _utc(meeting.last_modified, "meeting.last_modified")
    if meeting.duration <= timedelta(0):
        raise ValueError(f"meeting.duration must be positive, got {meeting.duration}")
    if meeting.reminder is not None and not (
            timedelta(0) <= meeting.reminder <= timedelta(days=7)
            and meeting.reminder % timedelta(minutes=1) == timedelta(0)):
        raise ValueError("meeting.reminder must be whole minutes from 0 to 7 days, got "
                         f"{meeting.reminder}")
    try:
        zone = ZoneInfo(meeting.time_zone)
    except (ValueError, KeyError, OSError) as exc:
        raise ValueError(f"meeting.time_zone {meeting.time_zone!r} is not a known IANA "
                         "time zone") from exc
    if problem := zone_name_problem(zone):
        raise ValueError(f"meeting.time_zone {problem}")
    try:
        _end(meeting)
    except OverflowError as exc:
        raise ValueError("meeting.start plus meeting.duration is past year 9999") from exc
    return zone


def _check_task(task: CalendarTask, field: str) -> None:
    _check_uid(task.uid, f"{field}.uid")
    _check_sequence(task.sequence, f"{field}.sequence")
    _utc(task.last_modified, f"{field}.last_modified")
    if task.completed_at is not None:
        _utc(task.completed_at, f"{field}.completed_at")
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
    return f"{local_text(moment)}Z"


def _date_text(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"

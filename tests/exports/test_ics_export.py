"""The QBR calendar export, read back with two independent parsers (icalendar, vobject)
and by bytes. Time zones and alarms: test_ics_time_zones.py."""

from __future__ import annotations

import ast
import dataclasses
import os
import random
import re
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from calendar_support import both, read_vobject

from qbr_desktop import atomic_files
from qbr_desktop.exports import ics, ics_timezone
from qbr_desktop.exports.ics import (
    CalendarMeeting,
    CalendarTask,
    TaskForm,
    calendar_bytes,
    fingerprints,
    fold_line,
    write_calendar,
)

BERLIN = ZoneInfo("Europe/Berlin")
PRODUCT_ID = "-//QBR Desktop//QBR Desktop 1.0//EN"
NOW = datetime(2025, 1, 3, 10, 30, 15, tzinfo=UTC)
EDITED = datetime(2025, 1, 2, 17, 45, tzinfo=ZoneInfo("America/New_York"))
WORLD = "季度业务回顾 📈👩🏽‍💻 مراجعة الأعمال الفصلية <b>R&D</b> & <x> "
LONG_TITLE = (WORLD * 30)[:1000]


def meeting(**changes: Any) -> CalendarMeeting:
    base = CalendarMeeting(
        uid="review-42@qbr-desktop.invalid", title="QBR – Acme, Inc.",
        description="Agenda: wins; risks\nRenewal plan", location="Acme HQ, Room 3",
        start=datetime(2025, 1, 14, 9, 0, tzinfo=BERLIN), duration=timedelta(minutes=90),
        time_zone="Europe/Berlin", sequence=3, last_modified=EDITED)
    return dataclasses.replace(base, **changes)


def task(number: int = 1, **changes: Any) -> CalendarTask:
    base = CalendarTask(
        uid=f"prep-{number}@qbr-desktop.invalid", title=f"Collect usage data {number}",
        description="Pull logins and seats from the BI export.", due=date(2025, 1, 7 + number),
        owner="Account Executive", sequence=number,
        last_modified=datetime(2025, 1, 1, 8, number, tzinfo=UTC))
    return dataclasses.replace(base, **changes)


DONE_AT = datetime(2025, 1, 9, 16, 20, tzinfo=ZoneInfo("Asia/Tokyo"))


def export(the_meeting: CalendarMeeting | None = None,
           tasks: list[CalendarTask] | None = None,
           task_form: TaskForm = TaskForm.TODO) -> bytes:
    return calendar_bytes(the_meeting or meeting(), [task(1)] if tasks is None else tasks,
                          product_id=PRODUCT_ID, now=NOW, task_form=task_form)


def events(data: bytes) -> dict[str, Any]:
    """Every VEVENT and VTODO by UID, as icalendar reads them."""
    calendar = icalendar.Calendar.from_ical(data)
    assert [c.errors for c in calendar.walk()] == [[]] * len(calendar.walk())
    return {str(item["UID"]): item for item in calendar.walk()
            if item.name in ("VEVENT", "VTODO")}


def physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


# --- what the parser reads back ---------------------------------------------------------

def test_calendar_header() -> None:
    calendar = icalendar.Calendar.from_ical(export())
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == PRODUCT_ID
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE", "VEVENT", "VTODO"]
    events_form = icalendar.Calendar.from_ical(export(task_form=TaskForm.EVENT))
    assert [c.name for c in events_form.subcomponents] == ["VTIMEZONE", "VEVENT", "VEVENT"]


@pytest.mark.parametrize(("start", "utc_start"), [
    (datetime(2025, 1, 14, 9, 0, tzinfo=BERLIN), datetime(2025, 1, 14, 8, 0, tzinfo=UTC)),
    (datetime(2025, 7, 14, 9, 0, tzinfo=BERLIN), datetime(2025, 7, 14, 7, 0, tzinfo=UTC)),
    (datetime(2025, 3, 30, 3, 0, tzinfo=BERLIN), datetime(2025, 3, 30, 1, 0, tzinfo=UTC)),
])
def test_meeting_round_trips_at_the_right_instant(start: datetime, utc_start: datetime) -> None:
    event = events(export(meeting(start=start)))["review-42@qbr-desktop.invalid"]
    assert event.decoded("DTSTART") == utc_start
    assert event.decoded("DTSTART").replace(tzinfo=None) == start.replace(tzinfo=None)
    assert event.decoded("DTEND") == utc_start + timedelta(minutes=90)
    assert str(event["SUMMARY"]) == "QBR – Acme, Inc."
    assert str(event["LOCATION"]) == "Acme HQ, Room 3"
    local = start.strftime("%Y-%m-%d %H:%M")
    end = (start + timedelta(minutes=90)).strftime("%H:%M")
    assert str(event["DESCRIPTION"]) == ("Agenda: wins; risks\nRenewal plan\n\n"
                                         f"Local time: {local}–{end} (Europe/Berlin)")
    assert event["SEQUENCE"] == 3
    assert event.decoded("LAST-MODIFIED") == datetime(2025, 1, 2, 22, 45, tzinfo=UTC)
    assert event.decoded("DTSTAMP") == NOW
    assert str(event["TRANSP"]) == "OPAQUE"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "ORGANIZER" not in event and "ATTENDEE" not in event


def test_meeting_times_are_on_the_clock_of_the_zone_it_was_planned_in() -> None:
    data = export()
    assert b"DTSTART;TZID=Europe/Berlin:20250114T090000\r\n" in data
    assert b"DTEND;TZID=Europe/Berlin:20250114T103000\r\n" in data
    assert data.count(b"BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n") == 1


def test_meeting_across_midnight_names_both_local_days() -> None:
    late = meeting(start=datetime(2025, 1, 14, 23, 30, tzinfo=BERLIN))
    description = str(events(export(late))["review-42@qbr-desktop.invalid"]["DESCRIPTION"])
    assert description.endswith("Local time: 2025-01-14 23:30–2025-01-15 01:00 (Europe/Berlin)")


def test_tasks_are_to_dos_due_on_their_day() -> None:
    open_task, done_task = task(1), task(2, completed_at=DONE_AT, owner="CSM", description="")
    data = export(tasks=[open_task, done_task])
    read = events(data)
    for source in (open_task, done_task):
        todo = read[source.uid]
        assert todo.name == "VTODO"
        assert todo.decoded("DUE") == source.due
        assert not isinstance(todo.decoded("DUE"), datetime)
        assert "DTSTART" not in todo and "DTEND" not in todo
        assert todo["SEQUENCE"] == source.sequence
        assert todo.decoded("LAST-MODIFIED") == source.last_modified
        assert todo.decoded("DTSTAMP") == NOW
        assert str(todo["RELATED-TO"]) == "review-42@qbr-desktop.invalid"
        assert str(todo["SUMMARY"]) == f"Prep: Collect usage data {source.sequence}"
    assert str(read[open_task.uid]["STATUS"]) == "NEEDS-ACTION"
    assert "COMPLETED" not in read[open_task.uid]
    assert "PERCENT-COMPLETE" not in read[open_task.uid]
    assert str(read[done_task.uid]["STATUS"]) == "COMPLETED"
    assert read[done_task.uid].decoded("COMPLETED") == DONE_AT
    assert read[done_task.uid]["PERCENT-COMPLETE"] == 100
    assert str(read[open_task.uid]["DESCRIPTION"]) == (
        "Owner: Account Executive\nFor: QBR – Acme, Inc. (2025-01-14)\n\n"
        "Pull logins and seats from the BI export.")
    assert str(read[done_task.uid]["DESCRIPTION"]) == (
        "Owner: CSM\nFor: QBR – Acme, Inc. (2025-01-14)")
    assert b"DUE;VALUE=DATE:20250108\r\n" in data
    assert b"COMPLETED:20250109T072000Z\r\n" in data
    by_vobject = {str(todo.uid.value): todo for todo in read_vobject(data).vtodo_list}
    assert by_vobject[done_task.uid].completed.value == DONE_AT
    assert by_vobject[open_task.uid].due.value == open_task.due
    assert by_vobject[open_task.uid].status.value == "NEEDS-ACTION"


def test_tasks_as_events_are_transparent_all_day_events() -> None:
    open_task, done_task = task(1), task(2, completed_at=DONE_AT, owner="CSM", description="")
    read = events(export(tasks=[open_task, done_task], task_form=TaskForm.EVENT))
    assert set(read) == {"review-42@qbr-desktop.invalid", open_task.uid, done_task.uid}
    for source in (open_task, done_task):
        event = read[source.uid]
        assert event.decoded("DTSTART") == source.due
        assert not isinstance(event.decoded("DTSTART"), datetime)
        assert event.decoded("DTEND") == source.due + timedelta(days=1)
        assert str(event["TRANSP"]) == "TRANSPARENT"
        assert event["SEQUENCE"] == source.sequence
        assert event.decoded("LAST-MODIFIED") == source.last_modified
        assert event.decoded("DTSTAMP") == NOW
        assert str(event["RELATED-TO"]) == "review-42@qbr-desktop.invalid"
        assert str(event["STATUS"]) == "CONFIRMED"  # CANCELLED would delete it in Google
    assert str(read[open_task.uid]["SUMMARY"]) == "Prep: Collect usage data 1"
    assert str(read[done_task.uid]["SUMMARY"]) == "✓ Prep: Collect usage data 2"
    assert str(read[open_task.uid]["DESCRIPTION"]) == (
        "Owner: Account Executive\nStatus: open\nFor: QBR – Acme, Inc. (2025-01-14)\n\n"
        "Pull logins and seats from the BI export.")
    assert str(read[done_task.uid]["DESCRIPTION"]) == (
        "Owner: CSM\nStatus: done\nFor: QBR – Acme, Inc. (2025-01-14)")
    assert {item.name for item in read.values()} == {"VEVENT"}
    data = export(tasks=[open_task], task_form=TaskForm.EVENT)
    assert b"DTSTART;VALUE=DATE:20250108\r\n" in data
    assert b"DTEND;VALUE=DATE:20250109\r\n" in data


def test_a_meeting_without_tasks_or_location() -> None:
    read = events(export(meeting(location="  "), tasks=[]))
    assert list(read) == ["review-42@qbr-desktop.invalid"]
    assert "LOCATION" not in read["review-42@qbr-desktop.invalid"]


def test_a_moved_meeting_updates_instead_of_duplicating() -> None:
    first = events(export(meeting(), [task(1), task(2)]))
    moved = meeting(start=datetime(2025, 1, 21, 14, 0, tzinfo=BERLIN), sequence=4,
                    last_modified=datetime(2025, 1, 5, tzinfo=UTC))
    second = events(export(moved, [task(1, sequence=2, due=date(2025, 1, 15)), task(2)]))
    assert list(first) == list(second)
    assert fingerprints(moved, [task(1)]) != fingerprints(meeting(), [task(1)])
    uid = moved.uid
    assert second[uid]["SEQUENCE"] > first[uid]["SEQUENCE"]
    assert second[uid].decoded("LAST-MODIFIED") > first[uid].decoded("LAST-MODIFIED")
    assert second[uid].decoded("DTSTART") == datetime(2025, 1, 21, 13, 0, tzinfo=UTC)
    assert second["prep-1@qbr-desktop.invalid"]["SEQUENCE"] == 2
    assert second["prep-1@qbr-desktop.invalid"].decoded("DUE") == date(2025, 1, 15)


def test_same_input_gives_same_bytes() -> None:
    assert export() == export()


# --- fingerprints: what tells a caller that an event changed --------------------------

def test_a_fingerprint_ignores_when_the_file_was_made_and_the_numbers_given() -> None:
    base = fingerprints(meeting(), [task(1), task(2)])
    assert set(base) == {"review-42@qbr-desktop.invalid", "prep-1@qbr-desktop.invalid",
                         "prep-2@qbr-desktop.invalid"}
    assert all(len(value) == 64 for value in base.values())
    renumbered = fingerprints(meeting(sequence=99, last_modified=NOW),
                              [task(1, sequence=7, last_modified=NOW), task(2)])
    assert renumbered == base


@pytest.mark.parametrize(("the_meeting", "tasks", "changed"), [
    (meeting(location="Room 4"), [task(1), task(2)], {"review-42@qbr-desktop.invalid"}),
    (meeting(reminder=None), [task(1), task(2)], {"review-42@qbr-desktop.invalid"}),
    (meeting(duration=timedelta(hours=2)), [task(1), task(2)],
     {"review-42@qbr-desktop.invalid"}),
    (meeting(), [task(1, due=date(2025, 1, 10)), task(2)], {"prep-1@qbr-desktop.invalid"}),
    (meeting(), [task(1), task(2, completed_at=DONE_AT)], {"prep-2@qbr-desktop.invalid"}),
    (meeting(), [task(1, owner="CSM"), task(2)], {"prep-1@qbr-desktop.invalid"}),
    # The tasks name the meeting's title and day, so they change with it.
    (meeting(start=datetime(2025, 1, 15, 9, 0, tzinfo=BERLIN)), [task(1), task(2)],
     {"review-42@qbr-desktop.invalid", "prep-1@qbr-desktop.invalid",
      "prep-2@qbr-desktop.invalid"}),
])
def test_a_fingerprint_changes_with_what_the_event_says(
        the_meeting: CalendarMeeting, tasks: list[CalendarTask], changed: set[str]) -> None:
    before = fingerprints(meeting(), [task(1), task(2)])
    after = fingerprints(the_meeting, tasks)
    assert {uid for uid in before if before[uid] != after[uid]} == changed


def test_the_task_form_changes_the_task_fingerprints_only() -> None:
    todo = fingerprints(meeting(), [task(1)], task_form=TaskForm.TODO)
    event = fingerprints(meeting(), [task(1)], task_form=TaskForm.EVENT)
    assert todo["review-42@qbr-desktop.invalid"] == event["review-42@qbr-desktop.invalid"]
    assert todo["prep-1@qbr-desktop.invalid"] != event["prep-1@qbr-desktop.invalid"]


@pytest.mark.parametrize("task_form", list(TaskForm))
def test_both_parsers_read_every_item_alike(task_form: TaskForm) -> None:
    tasks = [task(1), task(2, completed_at=DONE_AT), task(3, description="", owner="")]
    pairs = both(export(meeting(), tasks, task_form))
    assert [ours.uid for ours, _theirs in pairs] == [
        "review-42@qbr-desktop.invalid", *(t.uid for t in tasks)]
    kinds = {ours.kind for ours, _theirs in pairs[1:]}
    assert kinds == ({"VTODO"} if task_form is TaskForm.TODO else {"VEVENT"})


# --- text: escaping, control characters, any script ---------------------------------

def test_escaping_and_control_characters() -> None:
    raw = "a;b,c\\d\r\nline two\rline three\nend\x00\x07\x1b\x7f\x85\tX\u2028Y"
    intended = "a;b,c\\d\nline two\nline three\nend X\nY"
    read = events(export(meeting(description=raw, location="A;B,C\\D\nE")))
    event = read["review-42@qbr-desktop.invalid"]
    assert str(event["DESCRIPTION"]).startswith(intended + "\n\nLocal time: ")
    assert str(event["LOCATION"]) == "A;B,C\\D E"  # one-line fields keep words apart
    data = export(meeting(description=raw))
    assert b"DESCRIPTION:a\\;b\\,c\\\\d\\nline two\\nline three\\nend X\\nY" in data


def test_lone_surrogates_do_not_break_the_export() -> None:
    read = events(export(meeting(title="Acme \udc80Corp")))
    assert str(read["review-42@qbr-desktop.invalid"]["SUMMARY"]) == "Acme Corp"


HOSTILE = ("季度业务回顾 مراجعة الأعمال \u202eRTL\u202c 📈👩🏽‍💻 <script>&amp; A<B R&D "
           "a;b,c\\d \x00\x07\x1b\x7f\x85 end")
# Bidi controls are text, not control characters: they stay, so RTL names keep their order.
HOSTILE_CLEAN = ("季度业务回顾 مراجعة الأعمال \u202eRTL\u202c 📈👩🏽‍💻 <script>&amp; A<B R&D "
                 "a;b,c\\d  end")


def test_hostile_text_reads_back_the_same_in_both_parsers() -> None:
    """Any script, bidi controls, markup, RFC 5545's own separators, control characters
    and a 5,000-character name: every parser reads back the words, and nothing else."""
    long_name = (HOSTILE * 80)[:5000]
    long_clean = ics.clean_text(long_name)
    the_meeting = meeting(title=long_name, description=HOSTILE + "\n" + HOSTILE,
                          location=HOSTILE)
    tasks = [task(1, title=HOSTILE, description=long_name, owner=HOSTILE),
             task(2, title=long_name, completed_at=DONE_AT)]
    assert ics.clean_text(HOSTILE) == HOSTILE_CLEAN
    for task_form in TaskForm:
        data = export(the_meeting, tasks, task_form)
        assert_well_folded(data)
        pairs = both(data)
        read_meeting, first, second = (ours for ours, _theirs in pairs)
        assert read_meeting.summary == long_clean
        assert read_meeting.description.startswith(f"{HOSTILE_CLEAN}\n{HOSTILE_CLEAN}\n\n")
        assert read_meeting.alarms[0][2] == f"{long_clean.strip()} starts in 15 minutes."
        assert first.summary.endswith("Prep: " + HOSTILE_CLEAN)
        assert first.description.startswith(f"Owner: {HOSTILE_CLEAN}\n")
        assert first.description.endswith(long_clean.strip())
        assert second.summary.endswith("Prep: " + long_clean)
        vevent = read_vobject(data).vevent
        assert vevent.location.value == HOSTILE_CLEAN


def test_a_long_title_in_every_script_survives() -> None:
    assert len(LONG_TITLE) == 1000
    data = export(meeting(title=LONG_TITLE, description=LONG_TITLE, location=LONG_TITLE),
                  [task(1, title=LONG_TITLE, owner=LONG_TITLE)])
    read = events(data)
    event = read["review-42@qbr-desktop.invalid"]
    assert str(event["SUMMARY"]) == LONG_TITLE
    assert str(event["LOCATION"]) == LONG_TITLE
    assert str(event["DESCRIPTION"]).startswith(LONG_TITLE.strip() + "\n\n")
    prep = read["prep-1@qbr-desktop.invalid"]
    assert str(prep["SUMMARY"]) == "Prep: " + LONG_TITLE
    assert str(prep["DESCRIPTION"]).startswith(f"Owner: {LONG_TITLE}\n")
    assert_well_folded(data)


# --- bytes: CRLF and folding ------------------------------------------------------------

def assert_well_folded(data: bytes) -> None:
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    for number, line in enumerate(physical_lines(data)):
        assert len(line) <= 75, line
        assert line, "no empty physical lines"
        body = line[1:] if line.startswith(b" ") else line
        assert number > 0 or not line.startswith(b" ")
        body.decode("utf-8", errors="strict")  # a fold never splits a character
        trailing = len(body) - len(body.rstrip(b"\\"))
        assert trailing % 2 == 0, "a fold never splits an escape"


def test_every_line_is_crlf_and_folded_at_75_octets() -> None:
    data = export(meeting(title=LONG_TITLE, description=WORLD * 40 + ";,\\\n" * 50),
                  [task(n, title=LONG_TITLE) for n in range(1, 4)])
    assert_well_folded(data)
    assert max(len(line) for line in physical_lines(data)) >= 73  # folding was exercised


@pytest.mark.parametrize("seed", range(20))
def test_folding_random_text_unfolds_to_the_same_line(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "ab ;,\\é€𝄞季📈ش" + "\u0301\u200d"
    text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 400)))
    line = "SUMMARY:" + ics.escape_text(text)
    folded = fold_line(line)
    assert_well_folded(folded)
    assert folded.replace(b"\r\n ", b"") == line.encode("utf-8") + b"\r\n"


# --- bad input --------------------------------------------------------------------------

NAIVE = datetime(2025, 1, 14, 9, 0)


@pytest.mark.parametrize(("the_meeting", "tasks", "field"), [
    (meeting(start=NAIVE), [], "meeting.start"),
    (meeting(last_modified=NAIVE), [], "meeting.last_modified"),
    (meeting(uid=""), [], "meeting.uid"),
    (meeting(uid="   "), [], "meeting.uid"),
    (meeting(uid="a\r\nDTSTART:19700101T000000Z"), [], "meeting.uid"),
    (meeting(uid="a\nb"), [], "meeting.uid"),
    (meeting(duration=timedelta(0)), [], "meeting.duration"),
    (meeting(duration=timedelta(minutes=-30)), [], "meeting.duration"),
    (meeting(time_zone="Mars/Olympus_Mons"), [], "meeting.time_zone"),
    (meeting(time_zone="Europe"), [], "meeting.time_zone"),
    (meeting(time_zone="../../etc/passwd"), [], "meeting.time_zone"),
    (meeting(sequence=-1), [], "meeting.sequence"),
    (meeting(reminder=timedelta(minutes=-5)), [], "meeting.reminder"),
    (meeting(reminder=timedelta(seconds=90)), [], "meeting.reminder"),
    (meeting(reminder=timedelta(days=8)), [], "meeting.reminder"),
    (meeting(), [task(1, completed_at=NAIVE)], "tasks[0].completed_at"),
    (meeting(), [task(1), task(2, uid="")], "tasks[1].uid"),
    (meeting(), [task(1, uid="x\ry")], "tasks[0].uid"),
    (meeting(), [task(1, last_modified=NAIVE)], "tasks[0].last_modified"),
    (meeting(), [task(1, due=datetime(2025, 1, 8, tzinfo=UTC))], "tasks[0].due"),
    (meeting(), [task(1, due=date.max)], "tasks[0].due"),
    (meeting(), [task(1), task(2, uid="prep-1@qbr-desktop.invalid")], "tasks[1].uid"),
    (meeting(), [task(1, uid="review-42@qbr-desktop.invalid")], "tasks[0].uid"),
])
def test_bad_input_names_the_field(the_meeting: CalendarMeeting, tasks: list[CalendarTask],
                                   field: str) -> None:
    with pytest.raises(ValueError, match="^" + re.escape(field)):
        export(the_meeting, tasks)


def test_bad_now_and_product_id() -> None:
    with pytest.raises(ValueError, match="^now"):
        calendar_bytes(meeting(), [], product_id=PRODUCT_ID, now=NAIVE)
    with pytest.raises(ValueError, match="^product_id"):
        calendar_bytes(meeting(), [], product_id=" \x00", now=NOW)


# --- writing the file -------------------------------------------------------------------

def test_write_calendar_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "Acme QBR.ics"
    write_calendar(target, b"old")
    write_calendar(target, export())
    assert target.read_bytes() == export()
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_write_leaves_the_old_file_and_no_temp_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    target = tmp_path / "Acme QBR.ics"
    target.write_bytes(b"the calendar the CSM already sent")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_files.os, failing, fail)
    with pytest.raises(OSError, match="No space left"):
        write_calendar(target, export())
    monkeypatch.undo()
    assert target.read_bytes() == b"the calendar the CSM already sent"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_an_interrupted_write_leaves_no_temp_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "new.ics"

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic_files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_calendar(target, export())
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_written_file_has_the_users_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "Acme QBR.ics"
    write_calendar(target, export())
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


# --- the product does not depend on the test parser ------------------------------------

@pytest.mark.parametrize("module", [ics, ics_timezone])
def test_the_export_uses_the_standard_library_only(module: Any) -> None:
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {(node.module or "").split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom)}
    assert imported <= set(sys.stdlib_module_names) | {"__future__", "qbr_desktop"}

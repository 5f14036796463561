"""`qbr schedule`, `qbr plan`, `qbr upcoming` and `qbr export ics`, in-process; calendar
files are read back with two independent parsers, icalendar and vobject."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from calendar_support import both
from cli_support import Portfolio


@pytest.fixture
def db(fresh_db: Portfolio, qbr: Any) -> Portfolio:
    path = fresh_db
    assert qbr("--db", path, "accounts", "add", "Acme <R&D> 株式会社", "--arr", "120k").code == 0
    assert qbr("--db", path, "accounts", "add", "Small Co", "--arr", "12k").code == 0
    return path


def future_day(days: int = 60) -> str:
    """The first working day from `days` ahead: a meeting on a weekend draws a warning
    these tests do not expect, whichever day they run on."""
    day = (datetime.now(UTC) + timedelta(days=days)).date()
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day.isoformat()


def test_schedule_then_plan_as_json(qbr: Any, db: Path) -> None:
    day = future_day()
    done = qbr("--db", db, "schedule", "Acme <R&D> 株式会社", "--date", day, "--time", "09:30",
               "--tz", "Asia/Tokyo")
    assert done.code == 0, done.err
    assert "Planned the QBR with Acme <R&D> 株式会社" in done.out
    assert "Strategic playbook, 21 tasks" in done.out
    plan = qbr("--db", db, "plan", "acme <r&d> 株式会社", "--json").json()
    assert plan["meeting"]["start"] == f"{day}T09:30:00+09:00"
    assert plan["meeting"]["time_zone"] == "Asia/Tokyo"
    assert plan["progress"] == {"done": 0, "total": 21, "overdue": 0, "behind_schedule": False}
    assert [m["name"] for m in plan["metrics"]] == [
        "Preparation complete 3+ days ahead", "Champion pre-aligned",
        "Executive attendance confirmed"]
    dues = {t["key"]: t["due"] for t in plan["tasks"]}
    assert dues["send-invitation"] < dues["champion-pre-call"] < day < dues["send-recap"]


def test_a_second_schedule_moves_the_meeting_instead_of_adding_one(qbr: Any, db: Path) -> None:
    assert qbr("--db", db, "schedule", "Small Co", "--date", future_day(30)).code == 0
    moved = qbr("--db", db, "schedule", "Small Co", "--date", future_day(40), "--json").json()
    assert moved["moved"] is True
    assert moved["playbook"] == "Core" and moved["progress"]["total"] == 8
    upcoming = qbr("--db", db, "upcoming", "--json").json()
    assert [row["account"]["name"] for row in upcoming].count("Small Co") == 1


def test_plan_prints_tasks_and_metrics(qbr: Any, db: Path) -> None:
    qbr("--db", db, "schedule", "Small Co", "--date", future_day(), "--playbook", "Growth")
    shown = qbr("--db", db, "plan", "Small Co")
    assert shown.code == 0
    assert "Growth playbook" in shown.out and "0 of 15 tasks done" in shown.out
    assert shown.out.count("[ ]") == 15
    assert "Champion pre-aligned: open" in shown.out


def test_upcoming_lists_the_window(qbr: Any, db: Path) -> None:
    qbr("--db", db, "schedule", "Small Co", "--date", future_day(10), "--tz", "Europe/Berlin")
    text = qbr("--db", db, "upcoming", "--days", "30").out
    assert "Small Co (Core) · 0/8 done" in text
    assert "Europe/Berlin" in text
    # Acme has never had a review and is Strategic: listed for its cadence, unplanned.
    assert "not planned" in text and "Acme <R&D> 株式会社" in text


def test_export_ics_reads_back_with_two_independent_parsers(qbr: Any, db: Path,
                                                           tmp_path: Path) -> None:
    day = future_day()
    qbr("--db", db, "schedule", "Acme <R&D> 株式会社", "--date", day, "--time", "14:00",
        "--tz", "America/New_York")
    out = tmp_path / "Acme QBR.ics"
    written = qbr("--db", db, "export", "ics", "Acme <R&D> 株式会社", "--out", out)
    assert written.code == 0 and written.err == ""
    assert written.out == f"Wrote {out} (the meeting and 21 tasks as to-dos).\n"
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE", "VEVENT"] + ["VTODO"] * 21
    items = [ours for ours, _theirs in both(out.read_bytes())]  # both parsers agree
    meeting = items[0]
    assert meeting.summary == "QBR: Acme <R&D> 株式会社"
    assert isinstance(meeting.start, datetime)
    assert meeting.start.replace(tzinfo=None) == datetime.fromisoformat(f"{day}T14:00")
    assert meeting.start.utcoffset() == datetime.fromisoformat(f"{day}T14:00").replace(
        tzinfo=ZoneInfo("America/New_York")).utcoffset()
    assert f"DTSTART;TZID=America/New_York:{day.replace('-', '')}T140000".encode() in (
        out.read_bytes())
    assert meeting.alarms == (("DISPLAY", timedelta(minutes=-15),
                               "QBR: Acme <R&D> 株式会社 starts in 15 minutes."),)
    tasks = items[1:]
    assert {t.kind for t in tasks} == {"VTODO"} and {t.status for t in tasks} == {"NEEDS-ACTION"}
    assert {t.related_to for t in tasks} == {meeting.uid}
    assert all(isinstance(t.due, date) and t.start is None for t in tasks)
    uids = [item.uid for item in items]
    assert len(set(uids)) == 22
    again = tmp_path / "again.ics"
    qbr("--db", db, "export", "ics", "Acme <R&D> 株式会社", "--out", again)
    # A re-import updates the same events, and nothing changed: the numbers stay.
    assert [(i.uid, i.sequence) for i, _theirs in both(again.read_bytes())] == [
        (uid, 0) for uid in uids]


def sequences(path: Path) -> list[int]:
    return [ours.sequence for ours, _theirs in both(path.read_bytes())]


def test_export_ics_sequence_grows_after_a_reschedule_and_stays_put_otherwise(
        qbr: Any, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "small.ics"
    qbr("--db", db, "schedule", "Small Co", "--date", future_weekday(30, 1).isoformat())
    assert qbr("--db", db, "export", "ics", "Small Co", "--out", out).code == 0
    assert sequences(out) == [0] * 9
    qbr("--db", db, "export", "ics", "Small Co", "--out", out)
    assert sequences(out) == [0] * 9
    qbr("--db", db, "schedule", "Small Co", "--date", future_weekday(37, 1).isoformat())
    qbr("--db", db, "export", "ics", "Small Co", "--out", out)
    assert sequences(out) == [1] * 9  # the tasks moved with the meeting
    qbr("--db", db, "schedule", "Small Co", "--date", future_weekday(37, 1).isoformat(),
        "--time", "15:00")
    qbr("--db", db, "export", "ics", "Small Co", "--out", out, "--tasks", "none")
    assert sequences(out) == [2]
    qbr("--db", db, "export", "ics", "Small Co", "--out", out)
    assert sequences(out) == [2] + [1] * 8  # a later time of day leaves task dates alone


def test_export_ics_tasks_as_all_day_events_or_none(qbr: Any, db: Path,
                                                   tmp_path: Path) -> None:
    qbr("--db", db, "schedule", "Small Co", "--date", future_weekday(30, 2).isoformat())
    events = tmp_path / "events.ics"
    written = qbr("--db", db, "export", "ics", "Small Co", "--out", events, "--tasks", "events")
    assert written.code == 0
    assert written.out == f"Wrote {events} (the meeting and 8 tasks as all-day events).\n"
    calendar = icalendar.Calendar.from_ical(events.read_bytes())
    assert [c.name for c in calendar.walk() if c.name in ("VEVENT", "VTODO")] == ["VEVENT"] * 9
    for ours, _theirs in both(events.read_bytes())[1:]:
        assert isinstance(ours.start, date) and not isinstance(ours.start, datetime)
        assert ours.summary.startswith("Prep: ") and ours.status == "CONFIRMED"
    assert all(str(e["TRANSP"]) == "TRANSPARENT" for e in calendar.walk("VEVENT")[1:])
    alone = tmp_path / "alone.ics"
    none = qbr("--db", db, "export", "ics", "Small Co", "--out", alone, "--tasks", "none")
    assert none.out == f"Wrote {alone} (the meeting only).\n"
    assert [ours.kind for ours, _theirs in both(alone.read_bytes())] == ["VEVENT"]
    bad = qbr("--db", db, "export", "ics", "Small Co", "--out", alone, "--tasks", "vtodo")
    assert bad.code == 2 and "invalid choice" in bad.err


def test_export_ics_for_attendees_carries_no_internal_text(qbr: Any, db: Path,
                                                          tmp_path: Path) -> None:
    qbr("--db", db, "schedule", "Acme <R&D> 株式会社", "--date", future_weekday(30, 3).isoformat(),
        "--time", "09:30", "--tz", "Europe/Berlin")
    mine, theirs = tmp_path / "mine.ics", tmp_path / "theirs.ics"
    qbr("--db", db, "export", "ics", "Acme <R&D> 株式会社", "--out", mine)
    written = qbr("--db", db, "export", "ics", "Acme <R&D> 株式会社", "--out", theirs,
                  "--for", "attendees")
    assert written.code == 0
    assert written.out == f"Wrote {theirs} (the meeting only, for the attendees).\n"
    (invite,) = (ours for ours, _theirs in both(theirs.read_bytes()))
    (own, *_tasks) = (ours for ours, _theirs in both(mine.read_bytes()))
    assert (invite.uid, invite.sequence, invite.start) == (own.uid, own.sequence, own.start)
    assert "Strategic" in own.description and "playbook" in own.description
    assert invite.description.startswith("Quarterly business review with Acme <R&D> 株式会社.")
    text = theirs.read_bytes().replace(b"\r\n ", b"").decode("utf-8")
    for internal in ("Strategic", "Growth", "Core", "Enterprise", "playbook", "Playbook",
                     "tasks done", "VTODO", "Prep:", "Owner:"):
        assert internal not in text
    refused = qbr("--db", db, "export", "ics", "Acme <R&D> 株式会社", "--out", theirs,
                  "--for", "attendees", "--tasks", "events")
    assert refused.code == 1 and "--for attendees writes the meeting only" in refused.err


def test_export_ics_warns_about_a_holiday_on_stderr_and_still_writes(
        qbr: Any, db: Path, tmp_path: Path) -> None:
    day = future_weekday(30, 3)
    qbr("--db", db, "schedule", "Small Co", "--date", day.isoformat())
    qbr("--db", db, "holidays", "--add", day.isoformat())
    out = tmp_path / "holiday.ics"
    for audience in ("me", "attendees"):
        written = qbr("--db", db, "export", "ics", "Small Co", "--out", out, "--for", audience)
        assert written.code == 0
        assert written.err == (f"Warning: The meeting on {day:%A %Y-%m-%d} falls on a "
                               "holiday.\n")
        assert "Warning" not in written.out and out.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_two_portfolios_never_share_a_uid(qbr: Any, tmp_path: Path) -> None:
    """Each built the same way, so both have review 1 with the same tasks."""
    files = []
    for name in ("one", "two"):
        path = tmp_path / name / "portfolio.sqlite"
        assert qbr("--db", path, "accounts", "add", "Small Co", "--arr", "12k").code == 0
        qbr("--db", path, "schedule", "Small Co", "--date", future_weekday(30, 1).isoformat())
        out = tmp_path / f"{name}.ics"
        assert qbr("--db", path, "export", "ics", "Small Co", "--out", out).code == 0
        files.append({ours.uid for ours, _theirs in both(out.read_bytes())})
    assert all(uid.startswith("review-1-") for uid in files[0] | files[1] if "task" not in uid)
    assert len(files[0]) == len(files[1]) == 9
    assert not files[0] & files[1]


def test_two_demo_portfolios_built_alike_never_share_a_uid(qbr: Any, tmp_path: Path) -> None:
    uids = []
    for name in ("first", "second"):
        path = tmp_path / name / "demo.sqlite"
        assert qbr("demo", "--db", path, "--accounts", "4", "--seed", "3").code == 0
        upcoming = qbr("--db", path, "upcoming", "--days", "3660", "--json").json()
        account = next(row["account"]["name"] for row in upcoming if row["review_id"])
        out = tmp_path / f"{name}.ics"
        assert qbr("--db", path, "export", "ics", account, "--out", out).code == 0
        uids.append({ours.uid for ours, _theirs in both(out.read_bytes())})
    assert uids[0] and not uids[0] & uids[1]


def test_hostile_account_names_survive_both_audiences(qbr: Any, tmp_path: Path) -> None:
    name = ("Ünïcødé 株式会社 \u202eشركة الأمل\u202c 🚀👩🏽‍💻 <b>R&D</b>; a,b \\ \"q\" " * 40)
    name = name[:1000].strip()
    path = tmp_path / "hostile.sqlite"
    assert qbr("--db", path, "accounts", "add", name, "--arr", "12k").code == 0
    assert qbr("--db", path, "schedule", name, "--date",
               future_weekday(30, 1).isoformat()).code == 0
    for audience in ("me", "attendees"):
        out = tmp_path / f"{audience}.ics"
        assert qbr("--db", path, "export", "ics", name, "--out", out, "--for",
                   audience).code == 0
        (meeting, *_tasks) = (ours for ours, _theirs in both(out.read_bytes()))
        assert meeting.summary == f"QBR: {name}"
        assert name in meeting.description


@pytest.mark.parametrize(("argv", "message"), [
    (("schedule", "Acme <R&D> 株式会社", "--date", "2027-02-30"), "is not a date"),
    (("schedule", "Acme <R&D> 株式会社", "--date", "2027-02-03", "--time", "25:00"),
     "is not a time"),
    (("schedule", "Acme <R&D> 株式会社", "--date", "2027-02-03", "--tz", "Mars/Base"),
     "not a time zone"),
    (("schedule", "Nobody", "--date", "2027-02-03"), "No account is called"),
    (("schedule", "Small Co", "--date", "2027-02-03", "--playbook", "Nope"), "Nope"),
    (("plan", "Small Co"), "No QBR is planned for Small Co"),
    (("upcoming", "--days", "0"), "between 1 and 3660"),
    (("export", "ics", "Small Co", "--out", "x.ics"), "No QBR is planned"),
])
def test_bad_input_is_named_and_changes_nothing(qbr: Any, db: Path, argv: tuple[str, ...],
                                                message: str) -> None:
    result = qbr("--db", db, *argv)
    assert result.code != 0
    assert message in result.err
    assert qbr("--db", db, "upcoming", "--json").json()[0]["review_id"] is None


def test_holidays_are_listed_added_and_removed_and_plans_skip_them(qbr: Any, db: Path) -> None:
    assert "weekends only" in qbr("--db", db, "holidays").out
    changed = qbr("--db", db, "holidays", "--add", "2027-01-01", "--add", "2026-12-25",
                  "--add", "2026-12-31", "--remove", "2026-12-31", "--json")
    assert changed.json() == ["2026-12-25", "2027-01-01"]
    assert qbr("--db", db, "holidays").out == "Fri 2026-12-25\nFri 2027-01-01\n"
    bad = qbr("--db", db, "holidays", "--add", "25/12/2026")
    assert bad.code == 2 and "is not a date" in bad.err


def future_weekday(days: int, weekday: int) -> date:
    """The first `weekday` (0 is Monday) at least `days` days from now."""
    day = (datetime.now(UTC) + timedelta(days=days)).date()
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def test_scheduling_on_a_holiday_or_weekend_warns_on_stderr_and_still_plans(
        qbr: Any, db: Path) -> None:
    holiday = future_weekday(40, 2)
    assert qbr("--db", db, "holidays", "--add", holiday.isoformat()).code == 0
    planned = qbr("--db", db, "schedule", "Small Co", "--date", holiday.isoformat())
    assert planned.code == 0, planned.err
    assert planned.err == (f"Warning: The meeting on {holiday:%A %Y-%m-%d} falls on a "
                           "holiday.\n")
    assert "Planned the QBR with Small Co" in planned.out and "Warning" not in planned.out
    saturday = future_weekday(50, 5)
    moved = qbr("--db", db, "schedule", "Small Co", "--date", saturday.isoformat(), "--json")
    assert moved.code == 0
    assert moved.json()["warnings"] == [
        f"The meeting on {saturday:%A %Y-%m-%d} falls on a weekend day."]
    assert "Warning: " in moved.err and "falls on a weekend day" in moved.err
    monday = qbr("--db", db, "schedule", "Small Co", "--date",
                 future_weekday(50, 0).isoformat())
    assert monday.code == 0 and monday.err == ""


def test_a_playbook_of_ones_own_is_picked_by_name_and_a_broken_one_is_named(
        qbr: Any, db: Path, isolated_data_folder: Path) -> None:
    from qbr_desktop.assets import resource

    folder = isolated_data_folder / "playbooks"
    folder.mkdir(parents=True)
    text = resource("playbooks", "core.toml").read_text(encoding="utf-8")
    (folder / "mine.toml").write_text(
        text.replace('name = "Core"', 'name = "Quick check-in ⚡"', 1), encoding="utf-8")
    (folder / "broken.toml").write_text('name = "Broken"\ntier = "Core"\n[[tasks]\n',
                                        encoding="utf-8")
    done = qbr("--db", db, "schedule", "Small Co", "--date", future_day(),
               "--playbook", "quick check-in ⚡")
    assert done.code == 0, done.err
    assert "Quick check-in ⚡ playbook, 8 tasks" in done.out
    unknown = qbr("--db", db, "schedule", "Acme <R&D> 株式会社", "--date", future_day(),
                  "--playbook", "Broken")
    assert unknown.code == 1 and "Broken" in unknown.err
    assert "broken.toml, line 3: not valid TOML" in unknown.err


def test_plan_reports_the_prep_scorecard(qbr: Any, db: Path) -> None:
    assert qbr("--db", db, "schedule", "Small Co", "--date", future_day(30)).code == 0
    shown = qbr("--db", db, "plan", "Small Co")
    # No old actions pass; a new account's deck is short until its data is in.
    assert "Prep scorecard: 1 of 5 pass" in shown.out
    assert "WARN  Deck length: " in shown.out and "aim for 10–12" in shown.out
    assert "WARN  Value quantified: No ROI model saved for this quarter" in shown.out
    data = qbr("--db", db, "plan", "Small Co", "--json").json()
    assert [i["name"] for i in data["scorecard"]] == [
        "Agenda looks forward", "Deck length", "Last QBR's actions reviewed",
        "Executive sponsor invited", "Value quantified"]


def test_in_chinese_a_shipped_playbook_and_the_tier_are_translated_ones_own_is_not(
        qbr: Any, db: Path, isolated_data_folder: Path, monkeypatch: Any) -> None:
    from qbr_desktop import i18n
    from qbr_desktop.assets import resource

    folder = isolated_data_folder / "playbooks"
    folder.mkdir(parents=True)
    text = resource("playbooks", "core.toml").read_text(encoding="utf-8")
    (folder / "mine.toml").write_text(
        text.replace('name = "Core"', 'name = "Quick check-in ⚡"', 1), encoding="utf-8")
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    try:
        shipped = qbr("--db", db, "schedule", "Acme <R&D> 株式会社", "--date", future_day())
        plan = qbr("--db", db, "plan", "Acme <R&D> 株式会社")
        unknown = qbr("--db", db, "schedule", "Small Co", "--date", future_day(),
                      "--playbook", "Nope")
        own = qbr("--db", db, "schedule", "Small Co", "--date", future_day(),
                  "--playbook", "Quick check-in ⚡")
        as_json = qbr("--db", db, "plan", "Acme <R&D> 株式会社", "--json").json()
    finally:
        i18n.set_interface_language(i18n.ENGLISH)
    assert shipped.code == 0, shipped.err
    assert "（战略 行动手册，21 项任务）" in shipped.out, shipped.out
    assert plan.code == 0, plan.err
    assert plan.out.splitlines()[0].endswith(" · 战略 · 战略 行动手册"), plan.out
    assert "Strategic" not in plan.out
    assert own.code == 0, own.err
    assert "（Quick check-in ⚡ 行动手册，8 项任务）" in own.out
    assert as_json["playbook"] == "Strategic"  # --json keeps the stored name
    # The names to type are the stored ones.
    assert unknown.err == ("qbr: 没有名为“Nope”的行动手册（可用：Strategic、Growth、Core、"
                           "Quick check-in ⚡）\n")

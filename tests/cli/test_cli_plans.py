"""`qbr schedule`, `qbr plan`, `qbr upcoming` and `qbr export ics`, in-process; the
calendar file is read back with the independent icalendar parser."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest


@pytest.fixture
def db(tmp_path: Path, qbr: Any) -> Path:
    path = tmp_path / "plans.sqlite"
    assert qbr("--db", path, "accounts", "add", "Acme <R&D> 株式会社", "--arr", "120k").code == 0
    assert qbr("--db", path, "accounts", "add", "Small Co", "--arr", "12k").code == 0
    return path


def future_day(days: int = 60) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).date().isoformat()


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


def test_export_ics_reads_back_with_an_independent_parser(qbr: Any, db: Path,
                                                         tmp_path: Path) -> None:
    qbr("--db", db, "schedule", "Acme <R&D> 株式会社", "--date", future_day(), "--time", "14:00",
        "--tz", "America/New_York")
    out = tmp_path / "Acme QBR.ics"
    written = qbr("--db", db, "export", "ics", "Acme <R&D> 株式会社", "--out", out)
    assert written.code == 0 and "21 tasks" in written.out
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 22
    meeting = events[0]
    assert str(meeting["SUMMARY"]) == "QBR: Acme <R&D> 株式会社"
    start = meeting.decoded("DTSTART")
    assert start.astimezone(ZoneInfo("America/New_York")).hour == 14
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 22
    again = tmp_path / "again.ics"
    qbr("--db", db, "export", "ics", "Acme <R&D> 株式会社", "--out", again)
    assert [str(e["UID"]) for e in icalendar.Calendar.from_ical(again.read_bytes())
            .walk("VEVENT")] == uids  # a re-import updates the same events


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
    assert "Prep scorecard: 2 of 5 pass" in shown.out  # deck length and no old actions
    assert "WARN  Value quantified: No ROI model saved for this quarter" in shown.out
    data = qbr("--db", db, "plan", "Small Co", "--json").json()
    assert [i["name"] for i in data["scorecard"]] == [
        "Agenda looks forward", "Deck length", "Last QBR's actions reviewed",
        "Executive sponsor invited", "Value quantified"]

"""`qbr agenda`, `qbr actions` and `qbr export followup`, in-process, over data seeded through
the services; the .eml is read back with the standard library's email parser."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from cli_support import Portfolio, open_portfolio

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.actions import ActionItem, ActionSide, ActionStatus
from qbr_desktop.domain.agenda import QBR_60
from qbr_desktop.domain.contacts import ContactDraft, ReviewDraft
from qbr_desktop.domain.stakeholders import Attendance
from qbr_desktop.services.agendas import AgendaService
from qbr_desktop.services.context import AppContext

ACCOUNT = "Société Acme <R&D>"
NOTES = 'Saved 1,200 hours <b>& more</b> "quoted"\n第二行 田中 🚀\nنور الهدى'
TODAY = date.today()
HELD_DAY = TODAY - timedelta(days=3)
BERLIN = ZoneInfo("Europe/Berlin")
# Seconds spent in each section of the 60-minute template (a 2-minute pause in the value
# review does not count): 6:00 + 9:00 + 15:00 + 25:00 + 8:00 + 3:00 = 66:00, 6:00 over.
SPENT = (360, 540, 900, 1500, 480, 180)


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 5_000.0

    def __call__(self) -> float:
        return self.seconds


def _open(path: Portfolio) -> AppContext:
    return open_portfolio(path)


def _run_meeting(context: AppContext, review_id: int) -> None:
    """Run the meeting with a fake clock whose wall time moves with it."""
    clock = FakeClock()
    start = datetime.combine(HELD_DAY, time(10), BERLIN).astimezone(UTC)
    agendas = AgendaService(context.store.sessions, clock=clock, boot=lambda: "test-boot",
                            wall=lambda: start + timedelta(seconds=clock.seconds - 5_000))
    agendas.use_template(review_id, QBR_60)
    agendas.start(review_id)
    for index, seconds in enumerate(SPENT):
        if index == 2:  # a pause in the value review
            clock.seconds += 300
            agendas.toggle_pause(review_id)
            clock.seconds += 120
            agendas.toggle_pause(review_id)
            clock.seconds += seconds - 300
        else:
            clock.seconds += seconds
        if index < len(SPENT) - 1:
            agendas.step(review_id, 1)
    agendas.finish(review_id)


@pytest.fixture
def db(fresh_db: Portfolio) -> Portfolio:
    path = fresh_db
    context = _open(path)
    try:
        accounts = context.accounts
        account = accounts.create(AccountDraft(name=ACCOUNT, arr=Decimal("500000"),
                                               csm_owner="Dana Whitfield"))
        accounts.create(AccountDraft(name="Nobody Yet", arr=Decimal("5000")))
        held = accounts.add_review(account.id, ReviewDraft(
            datetime.combine(HELD_DAY, time(10), BERLIN), "Europe/Berlin"))
        people = {name: accounts.add_contact(account.id, ContactDraft(name, email=mail))
                  for name, mail in (("Jordan Lee", "jordan@acme.example"),
                                     ("田中 美咲 🚀", "misaki@acme.example"),
                                     ("نور الهدى", ""), ("Sam Invited", "sam@acme.example"))}
        stakeholders = context.stakeholders
        stakeholders.set_attendance(held, Attendance(people["Jordan Lee"], attended=True))
        stakeholders.set_attendance(held, Attendance(people["田中 美咲 🚀"], confirmed=True))
        stakeholders.set_attendance(held, Attendance(people["نور الهدى"], attended=True))
        stakeholders.set_attendance(held, Attendance(people["Sam Invited"], invited=True))
        _run_meeting(context, held)
        agendas = context.agendas
        agendas.set_note(held, "value-review", NOTES)
        for item in (
            ActionItem(0, "Send the renewal quote", ActionSide.OURS, "Dana Whitfield",
                       TODAY + timedelta(days=7), review_id=held),
            ActionItem(0, "Introduce us to the new CIO", ActionSide.THEIRS, "田中 美咲 🚀",
                       TODAY - timedelta(days=1), ActionStatus.IN_PROGRESS, review_id=held),
            ActionItem(0, "Share the roadmap deck", ActionSide.OURS, "Dana Whitfield",
                       TODAY - timedelta(days=2), ActionStatus.DONE, review_id=held),
            ActionItem(0, "An idea we let go", ActionSide.THEIRS, "", None,
                       ActionStatus.DROPPED, review_id=held),
            ActionItem(0, "Fix single sign-on", ActionSide.OURS, "Support team"),
        ):
            agendas.add_action(account.id, item)
    finally:
        context.close()
    return path


def _add_future_review(db: Path, days: int = 90) -> date:
    context = _open(db)
    try:
        day = TODAY + timedelta(days=days)
        context.accounts.add_review(1, ReviewDraft(datetime.combine(day, time(12), UTC), "UTC"))
    finally:
        context.close()
    return day


def test_agenda_lists_sections_checks_and_how_the_meeting_ran(qbr: Any, db: Path) -> None:
    shown = qbr("--db", db, "agenda", ACCOUNT)
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert lines[0] == f"{ACCOUNT}: QBR on {HELD_DAY} 10:00 Europe/Berlin (held)"
    assert lines[1] == "60-minute QBR, 60-minute slot"
    assert "  Business context · customer · 10 min · Forward" in lines
    assert "  Value review · joint · 15 min · Backward" in lines
    assert "Total: 60 of 60 minutes" in lines
    # forward 10 + 20 + 8 = 38 min, backward 15: 38 / 53 = 71.7 %
    assert "Forward share: 72% (target 60%)" in lines
    assert "  ok       60 minutes, exactly the booked slot." in lines
    assert ("  ok       72% of the discussion looks forward, 28% back "
            "(aim for at least 60/40).") in lines
    assert "Meeting: finished, 1:06:00 of the 60-minute slot: ran 6:00 over." in lines
    assert "  Opening · planned 5:00 · actual 6:00 (+1:00)" in lines
    assert "  Business context · planned 10:00 · actual 9:00 (-1:00)" in lines
    assert "  Value review · planned 15:00 · actual 15:00 (+0:00)" in lines
    assert "  Close · planned 2:00 · actual 3:00 (+1:00)" in lines


def test_agenda_as_json(qbr: Any, db: Path) -> None:
    data = qbr("--db", db, "agenda", "1", "--json").json()
    assert data["account"] == {"id": 1, "name": ACCOUNT}
    assert data["review"]["status"] == "held"
    assert data["review"]["time_zone"] == "Europe/Berlin"
    assert (data["template"], data["slot_minutes"], data["total_minutes"]) == (QBR_60, 60, 60)
    assert data["forward_share"] == "0.7170"
    assert data["forward_target"] == "0.60"
    assert [s["minutes"] for s in data["sections"]] == [5, 10, 15, 20, 8, 2]
    assert data["sections"][2]["notes"] == NOTES
    assert all(check["ok"] for check in data["checks"])
    meeting = data["meeting"]
    assert meeting["phase"] == "finished"
    assert (meeting["elapsed_seconds"], meeting["slot_seconds"]) == (3960, 3600)
    assert meeting["finished_on_time"] is False
    assert [s["actual_seconds"] for s in meeting["sections"]] == list(SPENT)
    assert [s["planned_seconds"] for s in meeting["sections"]] == [300, 600, 900, 1200, 480,
                                                                  120]
    assert all(s["visited"] for s in meeting["sections"])


def test_agenda_of_the_next_planned_review_has_not_run(qbr: Any, db: Path) -> None:
    day = _add_future_review(db)
    shown = qbr("--db", db, "agenda", ACCOUNT)
    assert shown.code == 0, shown.err
    assert shown.out.startswith(f"{ACCOUNT}: QBR on {day} 12:00 UTC (planned)\n")
    assert shown.out.endswith("\nMeeting: not run yet.\n")
    assert qbr("--db", db, "agenda", ACCOUNT, "--json").json()["meeting"] is None


def test_actions_tracker_text(qbr: Any, db: Path) -> None:
    shown = qbr("--db", db, "actions", ACCOUNT)
    assert shown.code == 0, shown.err
    lines = shown.out.splitlines()
    assert lines[0] == f"{ACCOUNT}: 5 action items"
    assert (f"  [in progress] theirs · Introduce us to the new CIO · 田中 美咲 🚀 · "
            f"due {TODAY - timedelta(days=1)} · OVERDUE") in lines
    assert (f"  [open] ours · Send the renewal quote · Dana Whitfield · "
            f"due {TODAY + timedelta(days=7)}") in lines
    assert "  [open] ours · Fix single sign-on · Support team · no due date" in lines
    # 1 done of 4 counted (the dropped item counts neither way)
    assert lines[-1] == "Completion: 1 of 4 done (25%), which is below the 85% target; 1 overdue."


def test_actions_tracker_as_json(qbr: Any, db: Path) -> None:
    data = qbr("--db", db, "actions", ACCOUNT, "--json").json()
    assert (data["done"], data["counted"], data["overdue"]) == (1, 4, 1)
    assert (data["completion"], data["target"], data["meets_target"]) == ("0.2500", "0.85",
                                                                        False)
    items = {item["text"]: item for item in data["items"]}
    assert items["Introduce us to the new CIO"]["overdue"] is True
    assert items["Share the roadmap deck"]["overdue"] is False  # done, though past its date
    assert items["An idea we let go"]["status"] == "dropped"
    assert items["Fix single sign-on"]["review_id"] is None
    assert [item["side"] for item in data["items"]].count("theirs") == 2


def test_actions_with_nothing_to_count(qbr: Any, db: Path) -> None:
    shown = qbr("--db", db, "actions", "Nobody Yet")
    assert shown.code == 0, shown.err
    assert shown.out == "Nobody Yet: 0 action items\n\nCompletion: nothing to count yet.\n"
    assert qbr("--db", db, "actions", "Nobody Yet", "--json").json()["completion"] is None


def _read_eml(path: Path) -> tuple[bytes, EmailMessage, str, str]:
    data = path.read_bytes()
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    plain, html = parsed.get_body(("plain",)), parsed.get_body(("html",))
    assert plain is not None and html is not None
    return (data, parsed, plain.get_content().replace("\r\n", "\n"),
            html.get_content().replace("\r\n", "\n"))


def test_export_followup_writes_the_draft(qbr: Any, db: Path, tmp_path: Path) -> None:
    out = tmp_path / "mail" / "followup.eml"
    out.parent.mkdir()
    done = qbr("--db", db, "export", "followup", ACCOUNT, "--out", out)
    assert done.code == 0, done.err
    assert done.out == (f"Wrote {out}: the follow-up to the QBR on {HELD_DAY}, addressed to "
                        "2 people, with 4 action items.\n"
                        "No email address for: نور الهدى (add them in the To line).\n")
    data, parsed, plain, html = _read_eml(out)
    assert data.count(b"\n") == data.count(b"\r\n")
    assert parsed["Subject"] == f"Follow-up: {ACCOUNT} QBR, {HELD_DAY}"
    assert [(a.display_name, a.addr_spec) for a in parsed["To"].addresses] == [
        ("Jordan Lee", "jordan@acme.example"), ("田中 美咲 🚀", "misaki@acme.example")]
    assert parsed["X-Unsent"] == "1"
    # The meeting's notes and timings are the CSM's record, not the customer's email.
    assert "Saved 1,200 hours" not in plain and "Saved 1,200 hours" not in html
    assert "planned 5 min" not in plain and "took" not in plain
    assert "WHAT WE COVERED\n\n  - Opening\n  - Business context\n  - Value review" in plain
    assert plain.rstrip().endswith("Best regards,\nDana Whitfield")
    ours = plain.split("Our commitments:\n")[1].split("\n\n")[0]
    theirs = plain.split(f"{ACCOUNT}'s commitments:\n")[1].split("\n\n")[0]
    assert "Send the renewal quote" in ours and "Fix single sign-on" in ours
    assert "Share the roadmap deck" in ours and "already done" in ours
    assert theirs == (f"  - Introduce us to the new CIO (owner: 田中 美咲 🚀; "
                      f"due {TODAY - timedelta(days=1)}; overdue)")
    assert "let go" not in plain
    assert "we will propose a date for our next review." in plain
    assert [p.name for p in out.parent.iterdir()] == ["followup.eml"]


def test_export_followup_takes_a_summary_and_decisions(qbr: Any, db: Path,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "followup.eml"
    done = qbr("--db", db, "export", "followup", ACCOUNT, "--out", out,
               "--summary", "A good hour: <b>& more</b> 第二行 🚀\nنور الهدى",
               "--decision", "Pilot in the EU first", "--decision", "Renew for two years")
    assert done.code == 0, done.err
    assert done.out.startswith(f"Wrote {out}: the follow-up to the QBR on {HELD_DAY}, "
                               "addressed to 2 people, with 4 action items, 2 decisions and "
                               "your summary.\n")
    _, _, plain, html = _read_eml(out)
    assert "A good hour: <b>& more</b> 第二行 🚀\nنور الهدى\n" in plain
    assert "A good hour: &lt;b&gt;&amp; more&lt;/b&gt;" in html
    assert "DECISIONS\n\n  - Pilot in the EU first\n  - Renew for two years" in plain
    too_long = qbr("--db", db, "export", "followup", ACCOUNT, "--out", out,
                   "--decision", "x" * 501)
    assert too_long.code == 1 and "decisions[0]" in too_long.err


def test_export_followup_follows_up_the_held_review_not_the_next_one(
        qbr: Any, db: Path, tmp_path: Path) -> None:
    day = _add_future_review(db)
    out = tmp_path / "followup.eml"
    done = qbr("--db", db, "export", "followup", ACCOUNT, "--out", out)
    assert done.code == 0, done.err
    _, parsed, plain, _ = _read_eml(out)
    assert parsed["Subject"] == f"Follow-up: {ACCOUNT} QBR, {HELD_DAY}"
    assert f"our next review is planned for {day}." in plain


@pytest.mark.parametrize(("account", "name", "message"), [
    (ACCOUNT, "followup.txt", "“followup.txt” does not end in .eml"),
    ("Nobody Yet", "followup.eml", "This account has no QBR yet"),
    ("Missing Co", "followup.eml", "No account is called or numbered “Missing Co”"),
])
def test_bad_exports_fail_with_one_line_and_write_nothing(
        qbr: Any, db: Path, tmp_path: Path, account: str, name: str, message: str) -> None:
    failed = qbr("--db", db, "export", "followup", account, "--out", tmp_path / name)
    assert failed.code == 1
    assert message in failed.err
    assert failed.err.count("\n") == 1 and failed.out == ""
    assert not (tmp_path / name).exists()


def test_only_a_future_review_leaves_nothing_to_follow_up(qbr: Any, db: Path,
                                                          tmp_path: Path) -> None:
    context = _open(db)
    try:
        context.accounts.add_review(2, ReviewDraft(
            datetime.combine(TODAY + timedelta(days=30), time(12), UTC), "UTC"))
    finally:
        context.close()
    failed = qbr("--db", db, "export", "followup", "Nobody Yet", "--out",
                 tmp_path / "followup.eml")
    assert failed.code == 1
    assert failed.err == (f"qbr: This account's QBR on {TODAY + timedelta(days=30)} has not "
                          "been held yet and there is no earlier one, so there is nothing to "
                          "follow up\n")
    assert not (tmp_path / "followup.eml").exists()


@pytest.mark.parametrize("command", ["agenda", "actions"])
def test_unknown_account_fails_with_one_line(qbr: Any, db: Path, command: str) -> None:
    failed = qbr("--db", db, command, "Missing Co")
    assert failed.code == 1
    assert failed.err == "qbr: No account is called or numbered “Missing Co”\n"


def test_agenda_of_an_account_without_a_review_fails(qbr: Any, db: Path) -> None:
    failed = qbr("--db", db, "agenda", "Nobody Yet")
    assert failed.code == 1
    assert failed.err.startswith("qbr: This account has no QBR yet")
    assert failed.err.count("\n") == 1


def test_agenda_names_its_template_in_chinese_and_json_keeps_the_stored_name(
        qbr: Any, db: Path, monkeypatch: Any) -> None:
    from qbr_desktop import i18n

    english_json = qbr("--db", db, "agenda", ACCOUNT, "--json").out
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    try:
        shown = qbr("--db", db, "agenda", ACCOUNT)
        chinese_json = qbr("--db", db, "agenda", ACCOUNT, "--json").out
    finally:
        i18n.set_interface_language(i18n.ENGLISH)
    assert shown.code == 0, shown.err
    assert shown.out.splitlines()[1] == "60 分钟 QBR，时长 60 分钟"
    assert "60-minute QBR" not in shown.out
    assert chinese_json == english_json
    assert '"template": "60-minute QBR"' in chinese_json

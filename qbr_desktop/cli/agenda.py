"""`qbr agenda`, `qbr actions` and `qbr export followup`: a QBR's agenda, how the meeting
ran, the follow-up tracker, and the follow-up email draft.

    qbr agenda ACCOUNT [--json]
    qbr actions ACCOUNT [--json]
    qbr export followup ACCOUNT --out FILE.eml
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from qbr_desktop.cli import with_context
from qbr_desktop.i18n import english, ui_text

if TYPE_CHECKING:  # each handler imports what it uses: see qbr_desktop/cli/__init__.py
    from qbr_desktop.domain.actions import FollowUp
    from qbr_desktop.domain.agenda import AgendaCheck
    from qbr_desktop.domain.meeting_timer import TimerState
    from qbr_desktop.services.agendas import ReviewAgenda
    from qbr_desktop.services.context import AppContext


class AgendaReport(NamedTuple):  # a NamedTuple: parsing loads no dataclasses
    agenda: ReviewAgenda
    state: TimerState
    target: Decimal
    checks: list[AgendaCheck]


class ActionsReport(NamedTuple):
    account_id: int
    name: str
    follow_up: FollowUp
    today: date


def add_parsers(commands: Any, formats: Any) -> None:
    agenda = commands.add_parser(
        "agenda", help="the agenda of an account's QBR, its checks, and how the meeting ran")
    agenda.add_argument("account", metavar="ACCOUNT", help="account name, id or CRM id")
    agenda.add_argument("--json", action="store_true", help="print JSON")
    agenda.set_defaults(handler=_agenda)

    actions = commands.add_parser(
        "actions", help="an account's action items and how many of them got done")
    actions.add_argument("account", metavar="ACCOUNT", help="account name, id or CRM id")
    actions.add_argument("--json", action="store_true", help="print JSON")
    actions.set_defaults(handler=_actions)

    followup = formats.add_parser(
        "followup", help="the follow-up email after the latest QBR, as an .eml draft")
    followup.add_argument("account", metavar="ACCOUNT", help="account name, id or CRM id")
    followup.add_argument("--out", required=True, type=Path, metavar="FILE.eml")
    followup.add_argument("--summary", metavar="TEXT",
                          help="a summary for the attendees, in place of the one saved in "
                               "the window (this draft only)")
    followup.add_argument("--decision", action="append", metavar="TEXT",
                          help="a decision taken in the meeting; repeat for each (in place "
                               "of the saved ones, this draft only)")
    followup.set_defaults(handler=_export_followup)


# qbr agenda --------------------------------------------------------------------------------
def _read_agenda(args: argparse.Namespace) -> AgendaReport:
    from qbr_desktop.domain.agenda import check_agenda

    def work(context: AppContext) -> AgendaReport:
        service = context.agendas
        review_id = service.review_for(context.insights.resolve(args.account))
        meeting = service.meeting(review_id)
        target = service.forward_target()
        return AgendaReport(meeting.agenda, meeting.state, target,
                            check_agenda(meeting.agenda.agenda, target))
    return with_context(args, work)


def _agenda(args: argparse.Namespace, out: TextIO) -> None:
    report = _read_agenda(args)
    if args.json:
        json.dump(_agenda_json(report), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    review, agenda = report.agenda, report.agenda.agenda
    out.write(f"{review.account_name}: QBR on {_local(review.scheduled_at, review.time_zone)}"
              f" ({review.status.value})\n")
    out.write(f"{agenda.template}, {agenda.slot_minutes}-minute slot\n\n")
    for section in agenda.sections:
        out.write(f"  {section.title} · {section.owner.value} · {section.minutes} min · "
                  f"{section.focus.value}\n")
    out.write(f"\nTotal: {agenda.total_minutes} of {agenda.slot_minutes} minutes\n")
    share = agenda.forward_share
    shown = "no section is marked forward or backward" if share is None else _percent(share)
    out.write(f"Forward share: {shown} (target {_percent(report.target)})\n")
    for check in report.checks:
        out.write(f"  {'ok' if check.ok else 'WARNING':8} {ui_text(check.message)}\n")
    out.write("\n" + _meeting_text(report.state, agenda.slot_minutes))


def _meeting_text(state: TimerState, slot_minutes: int) -> str:
    from qbr_desktop.domain.meeting_timer import Phase, clock_text

    if state.phase is Phase.NOT_STARTED:
        return "Meeting: not run yet.\n"
    # Whole seconds: events rebased from another boot carry float error (899.9999 s would
    # show as 14:59 in clock_text, which truncates).
    slot, elapsed = slot_minutes * 60, round(state.meeting_elapsed)
    lines = [f"Meeting: {state.phase.value}, {clock_text(elapsed)} of the "
             f"{slot_minutes}-minute slot"]
    on_time = _on_time(state, slot_minutes)
    if on_time is not None:
        lines[0] += (": finished on time." if on_time else
                     f": ran {clock_text(elapsed - slot)} over.")
    for timing in state.sections:
        spent, planned = round(timing.actual), round(timing.planned)
        actual = clock_text(spent) if timing.visited else "not reached"
        difference = spent - planned
        sign = "+" if difference >= 0 else "-"
        change = f" ({sign}{clock_text(abs(difference))})" if timing.visited else ""
        lines.append(f"  {timing.title} · planned {clock_text(planned)} · "
                     f"actual {actual}{change}")
    return "\n".join(lines) + "\n"


def _on_time(state: TimerState, slot_minutes: int) -> bool | None:
    from qbr_desktop.domain.meeting_timer import Phase

    if state.phase is not Phase.FINISHED:
        return None
    return round(state.meeting_elapsed) <= slot_minutes * 60


def _agenda_json(report: AgendaReport) -> dict[str, Any]:
    from qbr_desktop.domain.meeting_timer import Phase

    review, agenda, state = report.agenda, report.agenda.agenda, report.state
    share = agenda.forward_share
    meeting: dict[str, Any] | None = None
    if state.phase is not Phase.NOT_STARTED:
        meeting = {
            "phase": state.phase.value, "elapsed_seconds": round(state.meeting_elapsed),
            "slot_seconds": agenda.slot_minutes * 60,
            "finished_on_time": _on_time(state, agenda.slot_minutes),
            "sections": [{"key": t.key, "title": t.title, "planned_seconds": round(t.planned),
                          "allowed_seconds": round(t.allowed),
                          "actual_seconds": round(t.actual), "visited": t.visited}
                         for t in state.sections]}
    return {
        "account": {"id": review.account_id, "name": review.account_name},
        "review": {"id": review.review_id, "scheduled_at": review.scheduled_at.isoformat(),
                   "time_zone": review.time_zone, "status": review.status.value},
        "template": agenda.template, "slot_minutes": agenda.slot_minutes,
        "total_minutes": agenda.total_minutes,
        "forward_share": None if share is None else str(share.quantize(Decimal("0.0001"))),
        "forward_target": str(report.target),
        "sections": [{"key": s.key, "title": s.title, "owner": s.owner.value,
                      "minutes": s.minutes, "focus": s.focus.value,
                      "notes": review.notes.get(s.key, "")} for s in agenda.sections],
        "checks": [{"ok": check.ok, "message": english(check.message)}
                   for check in report.checks],
        "meeting": meeting,
    }


# qbr actions -------------------------------------------------------------------------------
def _actions(args: argparse.Namespace, out: TextIO) -> None:
    def work(context: AppContext) -> ActionsReport:
        account_id = context.insights.resolve(args.account)
        return ActionsReport(account_id, context.stakeholders.account_name(account_id),
                             context.agendas.follow_up(account_id), context.agendas.today())

    report = with_context(args, work)
    tracker = report.follow_up
    if args.json:
        json.dump(_actions_json(report), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    count = len(tracker.items)
    out.write(f"{report.name}: {count} action {'item' if count == 1 else 'items'}\n")
    for item in tracker.items:
        parts = [f"  [{item.status.value}] {item.side.value}", item.text,
                 item.owner or "no owner", f"due {item.due}" if item.due else "no due date"]
        if item.overdue(report.today):
            parts.append("OVERDUE")
        out.write(" · ".join(parts) + "\n")
    out.write("\n" + _completion_text(tracker) + "\n")


def _completion_text(tracker: FollowUp) -> str:
    from qbr_desktop.domain.actions import EXECUTION_TARGET

    if tracker.completion is None:
        return "Completion: nothing to count yet."
    verdict = ("meets" if tracker.meets_target else "is below")
    return (f"Completion: {tracker.done} of {tracker.counted} done "
            f"({_percent(tracker.completion)}), which {verdict} the "
            f"{_percent(EXECUTION_TARGET)} target; {tracker.overdue} overdue.")


def _actions_json(report: ActionsReport) -> dict[str, Any]:
    from qbr_desktop.domain.actions import EXECUTION_TARGET

    tracker = report.follow_up
    return {
        "account": {"id": report.account_id, "name": report.name},
        "items": [{"id": i.id, "text": i.text, "side": i.side.value, "owner": i.owner,
                   "due": None if i.due is None else i.due.isoformat(),
                   "status": i.status.value, "overdue": i.overdue(report.today),
                   "review_id": i.review_id, "section": i.section} for i in tracker.items],
        "done": tracker.done, "counted": tracker.counted, "overdue": tracker.overdue,
        "completion": (None if tracker.completion is None
                       else str(tracker.completion.quantize(Decimal("0.0001")))),
        "target": str(EXECUTION_TARGET), "meets_target": tracker.meets_target,
    }


# qbr export followup -----------------------------------------------------------------------
def _export_followup(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.exports.followup_eml import check_eml_name, write_followup
    from qbr_desktop.services.followup import FollowupDraft, followup_draft

    target = check_eml_name(args.out)  # refused before the database is opened

    def work(context: AppContext) -> FollowupDraft:
        return followup_draft(context, context.insights.resolve(args.account),
                              summary=args.summary,
                              decisions=None if args.decision is None else tuple(args.decision))

    draft = with_context(args, work)
    path = write_followup(draft.message, target)
    people = len(draft.recipients)
    decisions = (f", {draft.decisions} decision{'' if draft.decisions == 1 else 's'}"
                 if draft.decisions else "")
    summary = " and your summary" if draft.summary else ""
    out.write(f"Wrote {path}: the follow-up to the QBR on {draft.meeting_date}, addressed to "
              f"{people} {'person' if people == 1 else 'people'}, with {draft.actions} "
              f"action {'item' if draft.actions == 1 else 'items'}{decisions}{summary}.\n")
    if draft.without_email:
        out.write("No email address for: " + ", ".join(draft.without_email)
                  + " (add them in the To line).\n")
    if not people:
        out.write("Nobody who confirmed or attended has an email address: fill in the "
                  "To line before sending.\n")


def _percent(value: Decimal) -> str:
    return f"{int((value * 100).to_integral_value())}%"


def _local(moment: datetime, zone: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        local = moment.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        return f"{moment:%Y-%m-%d %H:%M} UTC"
    return f"{local:%Y-%m-%d %H:%M} {zone}"

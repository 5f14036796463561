"""`qbr agenda`, `qbr actions` and `qbr export followup`: a QBR's agenda, how the meeting
ran, the follow-up tracker, and the follow-up email draft.

    qbr agenda ACCOUNT [--json]
    qbr actions ACCOUNT [--json]
    qbr export followup ACCOUNT --out FILE.eml
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from qbr_desktop.cli import with_context
from qbr_desktop.cli.output import listed, padded, say, write_json
from qbr_desktop.i18n import N_, Message, english, msg, msg_plural, ui_label, ui_text

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
        "agenda", help=N_("the agenda of an account's QBR, its checks, and how the meeting ran"))
    agenda.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    agenda.add_argument("--json", action="store_true", help=N_("print JSON"))
    agenda.set_defaults(handler=_agenda)

    actions = commands.add_parser(
        "actions", help=N_("an account's action items and how many of them got done"))
    actions.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    actions.add_argument("--json", action="store_true", help=N_("print JSON"))
    actions.set_defaults(handler=_actions)

    followup = formats.add_parser(
        "followup", help=N_("the follow-up email after the latest QBR, as an .eml draft"))
    followup.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    followup.add_argument("--out", required=True, type=Path, metavar="FILE.eml")
    followup.add_argument("--summary", metavar="TEXT",
                          help=N_("a summary for the attendees, in place of the one saved in "
                                  "the window (this draft only)"))
    followup.add_argument("--decision", action="append", metavar="TEXT",
                          help=N_("a decision taken in the meeting; repeat for each (in place "
                                  "of the saved ones, this draft only)"))
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
    from qbr_desktop.domain.agenda import FOCUS_LABELS, OWNER_LABELS, template_label

    report = _read_agenda(args)
    if args.json:
        write_json(out, _agenda_json(report))
        return
    review, agenda = report.agenda, report.agenda.agenda
    say(out, msg("{name}: QBR on {when} ({status})", name=review.account_name,
                 when=_local(review.scheduled_at, review.time_zone),
                 status=ui_label(review.status.label)))
    say(out, msg("{agenda}, {minutes}-minute slot", agenda=template_label(agenda.template),
                 minutes=agenda.slot_minutes))
    out.write("\n")
    for section in agenda.sections:
        say(out, msg("  {title} · {owner} · {minutes} min · {focus}", title=section.title,
                     owner=ui_label(OWNER_LABELS[section.owner]), minutes=section.minutes,
                     focus=ui_label(FOCUS_LABELS[section.focus])))
    out.write("\n")
    say(out, msg("Total: {total} of {slot} minutes", total=agenda.total_minutes,
                 slot=agenda.slot_minutes))
    share = agenda.forward_share
    shown = (msg("no section is marked forward or backward") if share is None
             else _percent(share))
    say(out, msg("Forward share: {share} (target {target})", share=shown,
                 target=_percent(report.target)))
    for check in report.checks:
        verdict = padded(ui_text(msg("ok") if check.ok else msg("WARNING")), 8)
        say(out, msg("  {verdict} {message}", verdict=verdict, message=check.message))
    out.write("\n" + _meeting_text(report.state, agenda.slot_minutes))


def _meeting_text(state: TimerState, slot_minutes: int) -> str:
    from qbr_desktop.domain.meeting_timer import PHASE_LABELS, Phase, clock_text

    if state.phase is Phase.NOT_STARTED:
        return ui_text(msg("Meeting: not run yet.")) + "\n"
    # Whole seconds: events rebased from another boot carry float error (899.9999 s would
    # show as 14:59 in clock_text, which truncates).
    slot, elapsed = slot_minutes * 60, round(state.meeting_elapsed)
    fields = {"phase": ui_label(PHASE_LABELS[state.phase]), "elapsed": clock_text(elapsed),
              "slot": slot_minutes}
    on_time = _on_time(state, slot_minutes)
    head = (msg("Meeting: {phase}, {elapsed} of the {slot}-minute slot", **fields)
            if on_time is None else
            msg("Meeting: {phase}, {elapsed} of the {slot}-minute slot: finished on time.",
                **fields) if on_time else
            msg("Meeting: {phase}, {elapsed} of the {slot}-minute slot: ran {over} over.",
                over=clock_text(elapsed - slot), **fields))
    lines = [ui_text(head)]
    for timing in state.sections:
        spent, planned = round(timing.actual), round(timing.planned)
        actual = clock_text(spent) if timing.visited else ui_text(msg("not reached"))
        difference = spent - planned
        sign = "+" if difference >= 0 else "-"
        change = f" ({sign}{clock_text(abs(difference))})" if timing.visited else ""
        lines.append(ui_text(msg("  {title} · planned {planned} · actual {actual}{change}",
                                 title=timing.title, planned=clock_text(planned),
                                 actual=actual, change=change)))
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
        write_json(out, _actions_json(report))
        return
    count = len(tracker.items)
    say(out, msg_plural("{name}: {count} action item", "{name}: {count} action items", count,
                        name=report.name))
    for item in tracker.items:
        parts = [f"  [{item.status.value}] {item.side.value}", item.text,
                 item.owner or ui_text(msg("no owner")),
                 ui_text(msg("due {day}", day=item.due) if item.due else msg("no due date"))]
        if item.overdue(report.today):
            parts.append(ui_text(msg("OVERDUE")))
        out.write(" · ".join(parts) + "\n")
    out.write("\n" + _completion_text(tracker) + "\n")


def _completion_text(tracker: FollowUp) -> str:
    from qbr_desktop.domain.actions import EXECUTION_TARGET

    if tracker.completion is None:
        return ui_text(msg("Completion: nothing to count yet."))
    fields = {"done": tracker.done, "counted": tracker.counted,
              "share": _percent(tracker.completion), "target": _percent(EXECUTION_TARGET),
              "overdue": tracker.overdue}
    return ui_text(
        msg("Completion: {done} of {counted} done ({share}), which meets the {target} target; "
            "{overdue} overdue.", **fields) if tracker.meets_target else
        msg("Completion: {done} of {counted} done ({share}), which is below the {target} "
            "target; {overdue} overdue.", **fields))


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
    contents = [msg_plural("{count} action item", "{count} action items", draft.actions)]
    if draft.decisions:
        contents.append(msg_plural("{count} decision", "{count} decisions", draft.decisions))
    if draft.summary:
        contents.append(msg("your summary"))
    say(out, msg("Wrote {path}: the follow-up to the QBR on {day}, addressed to {people}, "
                 "with {contents}.", path=path, day=draft.meeting_date,
                 people=msg_plural("{count} person", "{count} people", people),
                 contents=_listed(contents)))
    if draft.without_email:
        say(out, msg("No email address for: {names} (add them in the To line).",
                     names=listed(draft.without_email)))
    if not people:
        say(out, msg("Nobody who confirmed or attended has an email address: fill in the "
                     "To line before sending."))


def _listed(parts: list[Message]) -> str | Message:
    """"a, b and c" in the interface language."""
    shown = [ui_text(part) for part in parts]
    if len(shown) == 1:
        return shown[0]
    return msg("{items} and {last}", items=listed(shown[:-1]), last=shown[-1])


def _percent(value: Decimal) -> str:
    return f"{int((value * 100).to_integral_value())}%"


def _local(moment: datetime, zone: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        local = moment.astimezone(ZoneInfo(zone))
    except (ZoneInfoNotFoundError, ValueError):
        return f"{moment:%Y-%m-%d %H:%M} UTC"
    return f"{local:%Y-%m-%d %H:%M} {zone}"

"""`qbr schedule`, `qbr plan`, `qbr upcoming` and `qbr export ics`: the preparation plan."""

from __future__ import annotations

import argparse
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from qbr_desktop.cli import CommandFailed, warn, with_context
from qbr_desktop.cli.output import padded, say, write_json
from qbr_desktop.i18n import N_, english, interface_catalogue, msg, ui_label, ui_text

if TYPE_CHECKING:  # each handler imports what it uses: see qbr_desktop/cli/__init__.py
    from qbr_desktop.domain.scorecard import ScoreItem
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.plan_calendar import CalendarExport
    from qbr_desktop.services.plan_views import ReviewPlan, UpcomingReview

TASK_CHOICES = ("todo", "events", "none")


def add_parsers(commands: Any, formats: Any) -> None:
    """The plan commands, and `qbr export ics` under the shared `export` command."""
    schedule = commands.add_parser(
        "schedule", help=N_("plan an account's QBR and its preparation tasks"),
        description=N_("Plan a QBR on a date. If the account already has a planned review "
                       "ahead, that meeting moves instead: open tasks follow it, done ones stay."))
    schedule.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    schedule.add_argument("--date", required=True, type=_day, metavar="YYYY-MM-DD")
    schedule.add_argument("--time", type=_time, metavar="HH:MM",
                          help=N_("start time in the meeting's time zone (default 10:00)"))
    schedule.add_argument("--playbook", metavar="NAME",
                          help=N_("playbook to follow (default: the one for the account's tier)"))
    schedule.add_argument("--tz", metavar="ZONE",
                          help=N_("IANA time zone, e.g. Europe/Berlin (default: this computer's)"))
    schedule.add_argument("--json", action="store_true", help=N_("print JSON"))
    schedule.set_defaults(handler=_schedule)

    plan = commands.add_parser("plan", help=N_("an account's next QBR plan, task by task"))
    plan.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    plan.add_argument("--json", action="store_true", help=N_("print JSON"))
    plan.set_defaults(handler=_plan)

    upcoming = commands.add_parser(
        "upcoming", help=N_("QBRs in the coming days, their preparation, and overdue cadences"))
    upcoming.add_argument("--days", type=_days, default=90, metavar="N",
                          help=N_("how far ahead to look (default 90)"))
    upcoming.add_argument("--json", action="store_true", help=N_("print JSON"))
    upcoming.set_defaults(handler=_upcoming)

    holidays = commands.add_parser(
        "holidays", help=N_("list or change the days off that plans skip like weekends"))
    holidays.add_argument("--add", type=_day, action="append", default=[], metavar="YYYY-MM-DD")
    holidays.add_argument("--remove", type=_day, action="append", default=[],
                          metavar="YYYY-MM-DD")
    holidays.add_argument("--json", action="store_true", help=N_("print JSON"))
    holidays.set_defaults(handler=_holidays)

    ics = formats.add_parser(
        "ics", help=N_("the next QBR and its tasks as a calendar file"),
        description=N_("Re-export after any change and import again: the calendar updates "
                       "the same events instead of adding new ones."))
    ics.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    ics.add_argument("--out", required=True, type=Path, metavar="FILE")
    ics.add_argument("--tasks", choices=TASK_CHOICES, default=None,
                     help=N_("preparation tasks as to-dos (default), as all-day events for "
                             "calendars that ignore to-dos (Google Calendar, Outlook's import), "
                             "or none"))
    ics.add_argument("--for", dest="audience", choices=("me", "attendees"), default="me",
                     help=N_("me (default): your own calendar, with tier, progress and tasks; "
                             "attendees: the meeting only, with text fit for the customer"))
    ics.set_defaults(handler=_export_ics)


def _schedule(args: argparse.Namespace, out: TextIO) -> None:
    from zoneinfo import ZoneInfo

    from qbr_desktop.services.playbook_library import playbook_label

    def work(context: AppContext) -> tuple[ReviewPlan, bool]:
        account_id = context.insights.resolve(args.account)
        existing = context.plans.next_plan(account_id)
        if existing is not None and existing.meeting_day >= existing.today:
            start_time = args.time or existing.local_start.time()
            start = datetime.combine(args.date, start_time,
                                     ZoneInfo(args.tz or existing.time_zone))
            moved = context.plans.move(existing.review_id, start, time_zone=args.tz)
            if moved.tasks:
                return moved, True
            # Planned before it had a plan (e.g. imported): it gets its tasks now.
            return context.plans.plan_review(existing.review_id, args.playbook), True
        return context.plans.schedule(account_id, args.date, args.time, time_zone=args.tz,
                                      playbook=args.playbook), False

    plan, moved = with_context(args, work)
    for warning in plan.warnings:
        warn(warning)
    if args.json:
        write_json(out, {"moved": moved, **_plan_json(plan)})
        return
    fields = {"name": plan.account_name, "when": _when(plan),
              "playbook": playbook_label(plan.playbook) if plan.playbook else msg("custom"),
              "tasks": len(plan.tasks)}
    say(out, msg("Moved the QBR with {name} to {when} ({playbook} playbook, {tasks} tasks).",
                 **fields) if moved else
        msg("Planned the QBR with {name} to {when} ({playbook} playbook, {tasks} tasks).",
            **fields))
    for note in plan.notes:
        say(out, msg("Note: {note}", note=note))
    first = min((t.due for t in plan.tasks if not t.done), default=None)
    if first is not None:
        say(out, msg("First task due {day}.", day=_shown_day(first)))


def _plan(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.domain.tiers import tier_label
    from qbr_desktop.services.plans import PlanError
    from qbr_desktop.services.playbook_library import playbook_label
    from qbr_desktop.services.scorecard import prep_scorecard

    def work(context: AppContext) -> tuple[ReviewPlan, list[ScoreItem]]:
        account_id = context.insights.resolve(args.account)
        plan = context.plans.next_plan(account_id)
        if plan is None:
            raise PlanError(msg("No QBR is planned for {name}; plan one with "
                                "`qbr schedule ACCOUNT --date YYYY-MM-DD`",
                                name=context.insights.name(account_id)))
        return plan, prep_scorecard(context, account_id, plan.review_id, plan.tier)

    plan, score = with_context(args, work)
    if args.json:
        data = _plan_json(plan)
        data["scorecard"] = [{"name": i.name, "passed": i.passed, "reason": english(i.reason)}
                             for i in score]
        write_json(out, data)
        return
    say(out, msg("QBR with {name}: {when} · {tier} · {playbook} playbook",
                 name=plan.account_name, when=_when(plan), tier=tier_label(plan.tier),
                 playbook=playbook_label(plan.playbook) if plan.playbook else msg("custom")))
    done = msg("{done} of {total} tasks done", done=plan.done_count, total=len(plan.tasks))
    say(out, msg("{done} · {overdue} overdue: behind schedule", done=done,
                 overdue=len(plan.overdue)) if plan.overdue else done)
    out.write("\n")
    for task in plan.tasks:
        mark = "x" if task.done else "!" if task.overdue(plan.today) else " "
        from qbr_desktop.domain.playbooks import OWNER_ROLE_LABELS, PHASE_LABELS

        phase = padded(ui_label(PHASE_LABELS[task.phase]), 23)
        owner = padded(ui_label(OWNER_ROLE_LABELS[task.owner]), 18)
        out.write(f"[{mark}] {_shown_day(task.due)}  {phase} {owner} {task.title}\n")
    out.write("\n")
    for metric in plan.metrics():
        state = {True: msg("met"), False: msg("missed"), None: msg("open")}[metric.met]
        say(out, msg("{name}: {state} — {detail}", name=metric.title, state=state,
                     detail=metric.says))
    out.write("\n")
    say(out, msg("Prep scorecard: {passed} of {total} pass",
                 passed=sum(i.passed for i in score), total=len(score)))
    for item in score:
        say(out, msg("{verdict}  {name}: {reason}",
                     verdict=msg("pass") if item.passed else msg("WARN"),
                     name=ui_label(item.name), reason=item.reason))


def _upcoming(args: argparse.Namespace, out: TextIO) -> None:
    from zoneinfo import ZoneInfo

    from qbr_desktop.domain.tiers import tier_label

    rows = with_context(args, lambda context: context.plans.upcoming(args.days))
    if args.json:
        write_json(out, [_upcoming_json(row) for row in rows])
        return
    if not rows:
        say(out, msg("No QBR in the next {days} days and every cadence is on track.",
                     days=args.days))
        return
    for row in rows:
        when = ui_text(msg("not planned"))
        if row.meeting_at is not None and row.time_zone:
            local = row.meeting_at.astimezone(ZoneInfo(row.time_zone))
            when = f"{_shown_day(local)} {local:%H:%M} {row.time_zone}"
        prep = ui_text(msg("{done}/{total} done", done=row.tasks_done, total=row.tasks_total)
                       if row.tasks_total else msg("no plan"))
        behind = (ui_text(msg(", {count} overdue", count=row.overdue_tasks))
                  if row.overdue_tasks else "")
        tier = ui_text(tier_label(row.tier))
        out.write(f"{padded(when, 36)} {row.account_name} ({tier}) · {prep}{behind} · "
                  f"{ui_text(row.cadence_words)}\n")


def _holidays(args: argparse.Namespace, out: TextIO) -> None:
    def work(context: AppContext) -> list[date]:
        days = set(context.plans.holidays())
        if args.add or args.remove:
            days = (days | set(args.add)) - set(args.remove)
            context.plans.set_holidays(sorted(days))
        return sorted(days)

    days = with_context(args, work)
    if args.json:
        write_json(out, [day.isoformat() for day in days], indent=None)
        return
    if not days:
        say(out, msg("No holidays set: plans skip weekends only."))
    for day in days:
        out.write(f"{_shown_day(day)}\n")


def _export_ics(args: argparse.Namespace, out: TextIO) -> None:
    # Imported here: the calendar writer loads only when a calendar is exported.
    from qbr_desktop.exports.ics import TaskForm
    from qbr_desktop.services.plan_calendar import CalendarCopy, CalendarService
    from qbr_desktop.services.plans import PlanError

    audience = CalendarCopy(args.audience)
    if audience is CalendarCopy.ATTENDEES and args.tasks not in (None, "none"):
        raise CommandFailed(ui_text(
            msg("--for attendees writes the meeting only; leave out --tasks")))
    forms = {"todo": TaskForm.TODO, "events": TaskForm.EVENT, "none": None}
    form = forms[args.tasks or "todo"]

    def work(context: AppContext) -> CalendarExport:
        account_id = context.insights.resolve(args.account)
        plan = context.plans.next_plan(account_id)
        if plan is None:
            raise PlanError(msg("No QBR is planned for {name}",
                                name=context.insights.name(account_id)))
        return CalendarService(context.store.sessions).export(
            plan, args.out, audience=audience, tasks=form)

    written = with_context(args, work)
    for warning in written.warnings:
        warn(warning)
    if audience is CalendarCopy.ATTENDEES:
        say(out, msg("Wrote {path} (the meeting only, for the attendees).", path=written.path))
    elif form is None:
        say(out, msg("Wrote {path} (the meeting only).", path=written.path))
    elif form is TaskForm.TODO:
        say(out, msg("Wrote {path} (the meeting and {count} tasks as to-dos).",
                     path=written.path, count=written.tasks))
    else:
        say(out, msg("Wrote {path} (the meeting and {count} tasks as all-day events).",
                     path=written.path, count=written.tasks))


def _when(plan: ReviewPlan) -> str:
    start = plan.local_start
    return f"{_shown_day(start)} {start:%H:%M} {plan.time_zone}"


def _shown_day(day: date) -> str:
    """'Wed 2027-01-13' with the weekday in the interface language ('周三 2027-01-13')."""
    from qbr_desktop.domain.customer_words import weekday_word

    return f"{weekday_word(day, interface_catalogue())} {day:%Y-%m-%d}"


def _plan_json(plan: ReviewPlan) -> dict[str, Any]:
    return {
        "review_id": plan.review_id,
        "account": {"id": plan.account_id, "name": plan.account_name, "tier": plan.tier},
        "meeting": {"start": plan.local_start.isoformat(), "time_zone": plan.time_zone,
                    "utc": plan.meeting_at.isoformat(),
                    "duration_minutes": plan.duration_minutes},
        "playbook": plan.playbook, "status": plan.status.value,
        "progress": {"done": plan.done_count, "total": len(plan.tasks),
                     "overdue": len(plan.overdue), "behind_schedule": plan.behind_schedule},
        "metrics": [{"name": m.name, "met": m.met, "detail": m.detail} for m in plan.metrics()],
        "notes": list(plan.notes), "warnings": list(plan.warnings),
        "tasks": [{"id": t.id, "key": t.key, "phase": t.phase.value, "title": t.title,
                   "owner": t.owner.value, "due": t.due.isoformat(), "done": t.done,
                   "overdue": t.overdue(plan.today), "offset": t.offset,
                   "feature": t.feature, "outputs": list(t.outputs)} for t in plan.tasks],
    }


def _upcoming_json(row: UpcomingReview) -> dict[str, Any]:
    return {
        "account": {"id": row.account_id, "name": row.account_name, "tier": row.tier},
        "review_id": row.review_id,
        "meeting_utc": row.meeting_at.isoformat() if row.meeting_at else None,
        "time_zone": row.time_zone,
        "tasks": {"done": row.tasks_done, "total": row.tasks_total,
                  "overdue": row.overdue_tasks},
        "behind_schedule": row.behind_schedule,
        "cadence": {"state": row.cadence_state, "reason": row.cadence_reason},
    }


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(ui_text(msg("“{text}” is not a date (YYYY-MM-DD)",
                                                     text=text))) from None


def _time(text: str) -> time:
    try:
        parsed = time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(ui_text(msg("“{text}” is not a time (HH:MM)",
                                                     text=text))) from None
    if parsed.tzinfo is not None:
        raise argparse.ArgumentTypeError(ui_text(msg("give the time without a zone; use --tz for "
                                                     "that")))
    return parsed


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number of days") from None
    if not 1 <= value <= 3660:
        raise argparse.ArgumentTypeError("look ahead between 1 and 3660 days")
    return value

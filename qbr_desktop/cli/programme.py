"""`qbr review` and `qbr program`: a held review's card, and the QBR programme's figures.

    qbr review ACCOUNT [--review ID] [--set NAME=VALUE …] [--by NAME] [--json]
    qbr program [--quarter 2026Q3] [--owner NAME] [--json] [--out FILE.pdf|.csv|.xlsx]

`--set` records what only the CSM can say: preparation, engagement (green, yellow, red),
followup (the day the customer answered, "today", or a colour), survey (0-10); "clear"
forgets one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from qbr_desktop.cli import CommandFailed, with_context
from qbr_desktop.cli.output import listed, padded, say, write_json
from qbr_desktop.i18n import ENGLISH, N_, catalogue, english, msg, ui_label, ui_text

if TYPE_CHECKING:  # the handlers import what they use: see qbr_desktop/cli/__init__.py
    from qbr_desktop.domain.periods import Quarter
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.programme import ProgrammeReport, ReviewCard

EXPORT_SUFFIXES = (".pdf", ".csv", ".xlsx")


def _quarter(text: str) -> Quarter:
    from qbr_desktop.domain.periods import Quarter

    try:
        return Quarter.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _setting(text: str) -> tuple[str, str]:
    name, separator, value = text.partition("=")
    if not separator or not name.strip():
        raise argparse.ArgumentTypeError(f"“{text}” is not NAME=VALUE (e.g. preparation=green)")
    return name.strip(), value


def add_parsers(commands: Any, _formats: Any) -> None:
    review = commands.add_parser(
        "review", help=N_("a held QBR's review card: its five indicators; --set records yours"))
    review.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    review.add_argument("--review", type=int, metavar="ID",
                        help=N_("which review (default: the account's latest that took place)"))
    review.add_argument("--set", dest="settings", type=_setting, action="append", default=[],
                        metavar="NAME=VALUE",
                        help=N_("preparation|engagement=green|yellow|red, followup=YYYY-MM-DD|"
                                "today|green|yellow|red, survey=0-10; =clear forgets (repeatable)"))
    review.add_argument("--by", metavar="NAME",
                        help=N_("who records it (default: your name, see qbr whoami)"))
    review.add_argument("--json", action="store_true", help=N_("print JSON"))
    review.set_defaults(handler=_review)

    program = commands.add_parser(
        "program", help=N_("the QBR programme's metrics against their targets, cadence "
                           "compliance and maturity"))
    program.add_argument("--quarter", type=_quarter, metavar="Q",
                         help=N_("the quarter to show, e.g. 2026Q3 (default: this quarter)"))
    program.add_argument("--owner", metavar="NAME", help=N_("only this CSM's accounts"))
    program.add_argument("--json", action="store_true", help=N_("print JSON"))
    program.add_argument("--out", type=Path, metavar="FILE",
                         help=N_("also write the view as a one-page PDF, a CSV or an XLSX file"))
    program.set_defaults(handler=_program)


# qbr review -------------------------------------------------------------------------------
def _review(args: argparse.Namespace, out: TextIO) -> None:
    def work(context: AppContext) -> ReviewCard:
        programme = context.programme
        account_id = context.insights.resolve(args.account)
        review_id = args.review or programme.latest_review(account_id)
        card = programme.card(review_id)
        if card.review.account_id != account_id:
            raise CommandFailed(ui_text(msg("review {review} belongs to another account",
                                            review=review_id)))
        if args.settings:
            card = programme.apply(review_id, dict(args.settings), by=args.by)
        return card

    card = with_context(args, work)
    if args.json:
        write_json(out, card_json(card))
        return
    review, record = card.review, card.review.record
    say(out, msg("{name}: QBR held on {day} (review {review})", name=review.account_name,
                 day=review.held_on.isoformat(), review=review.review_id))
    for reading in card.readings:
        from qbr_desktop.domain.attendance import SIGNAL_LABELS
        from qbr_desktop.domain.programme.review_health import INDICATOR_NAMES

        signal = ui_label(SIGNAL_LABELS[reading.signal]) if reading.signal else "—"
        indicator = padded(ui_label(INDICATOR_NAMES[reading.indicator]), 22)
        out.write(f"  {indicator} {padded(signal, 7)} {reading.note.text()}\n")
    survey = "—" if record.survey_score is None else str(record.survey_score)
    say(out, msg("  post-QBR survey        {survey}", survey=survey))
    over = review.over_seconds
    if over is not None and review.seconds_run is not None:
        say(out, msg("  time against plan      {run:.0f} of {slot} minutes ({over:+.0f})",
                     run=review.seconds_run / 60, slot=review.slot_minutes, over=over / 60))
    if review.opportunities:
        say(out, msg("  expansion              {count} opportunity(ies) logged",
                     count=review.opportunities))
    if review.new_people:
        say(out, msg("  new stakeholders       {names}", names=listed(review.new_people)))
    if review.health_change is not None:
        say(out, msg("  health 30 days after   {change:+.1f} points",
                     change=review.health_change))
    if record.recorded_at is not None:
        when = f"{record.recorded_at:%Y-%m-%d %H:%M}"
        say(out, msg("Recorded by {who} on {when} UTC", who=record.recorded_by, when=when)
            if record.recorded_by else msg("Recorded on {when} UTC", when=when))


def card_json(card: ReviewCard) -> dict[str, Any]:
    review, record = card.review, card.review.record
    return {
        "review_id": review.review_id, "account": review.account_name,
        "held_on": review.held_on.isoformat(), "status": card.status.value,
        "indicators": [{"indicator": r.indicator.value,
                        "signal": r.signal.value if r.signal else None,
                        "reason": r.note.text(catalogue(ENGLISH))} for r in card.readings],
        "survey_score": record.survey_score,
        "answered_on": record.answered_on.isoformat() if record.answered_on else None,
        "minutes_run": None if review.seconds_run is None else round(review.seconds_run / 60, 1),
        "slot_minutes": review.slot_minutes,
        "opportunities": review.opportunities,
        "new_stakeholders": None if review.new_people is None else list(review.new_people),
        "health_change": review.health_change,
        "recorded_by": record.recorded_by or None,
        "recorded_at": record.recorded_at.isoformat() if record.recorded_at else None,
    }


# qbr program ------------------------------------------------------------------------------
def _program(args: argparse.Namespace, out: TextIO) -> None:
    if args.out is not None and args.out.suffix.lower() not in EXPORT_SUFFIXES:
        raise CommandFailed(ui_text(msg("{path}: the programme view is written as {suffixes}",
                                        path=args.out, suffixes=", ".join(EXPORT_SUFFIXES))))
    report = with_context(args, lambda context: context.programme.report(
        args.quarter, args.owner))
    if args.out is not None:
        from qbr_desktop.exports.programme_files import write_programme

        written = write_programme(report, args.out.expanduser())
        say(sys.stderr if args.json else out, msg("Wrote {path}", path=written))
    if args.json:
        write_json(out, report_json(report))
        return
    from qbr_desktop.domain.programme.formatting import figure_text
    from qbr_desktop.domain.programme.metrics import SPECS

    who = (msg("{owner}'s accounts", owner=args.owner) if args.owner
           else msg("all accounts"))
    say(out, msg("QBR programme, {quarter} ({who}), as of {today}", quarter=report.quarter,
                 who=who, today=report.today.isoformat()))
    out.write("\n")
    quarters = [str(q.quarter) for q in report.trend]
    out.write(padded(ui_label(N_("Metric")), 34) + padded(ui_label(N_("Target")), 22)
              + "".join(f"{q:<24}" for q in quarters) + "\n")
    for spec in SPECS:
        cells = "".join(padded(figure_text(q.of(spec.metric)), 24) for q in report.trend)
        out.write(padded(ui_label(spec.label), 34) + padded(ui_text(spec.target_text), 22)
                  + cells + "\n")
    out.write("\n")
    say(out, msg("Reviews held in {quarter}: {count}", quarter=report.quarter,
                 count=len(report.current.reviews)))
    out.write("\n")
    say(out, msg("Cadence in {quarter} (accounts due a review that held one):",
                 quarter=report.quarter))
    for line in report.cadence:
        out.write(f"  {line.note.text()}\n")
    out.write("\n")
    say(out, msg("Maturity: {stage} (from {count} reviews over four quarters)",
                 stage=ui_label(report.maturity.stage.label), count=report.maturity_reviews))
    out.write(f"  {report.maturity.reason.text()}\n")
    if report.maturity.next_step is not None:
        out.write(f"  {report.maturity.next_step.text()}\n")


def report_json(report: ProgrammeReport) -> dict[str, Any]:
    from qbr_desktop.domain.programme.formatting import value_text
    from qbr_desktop.domain.programme.metrics import SPECS

    reviews = report.reviews
    return {
        "quarter": str(report.quarter), "owner": report.owner,
        "today": report.today.isoformat(),
        "metrics": [{
            "metric": spec.metric.value, "label": spec.label, "kind": spec.kind.value,
            "target": str(spec.target), "target_text": english(spec.target_text),
            "quarters": [{
                "quarter": str(q.quarter),
                "value": None if (f := q.of(spec.metric)).value is None else str(f.value),
                "shown": value_text(spec.unit, f.value), "status": f.status.value,
                "summary": f.note.text(catalogue(ENGLISH)),
                "reviews": [{"review_id": c.review_id,
                             "account": reviews[c.review_id].account_name,
                             "held_on": reviews[c.review_id].held_on.isoformat(),
                             "detail": c.note.text(catalogue(ENGLISH))} for c in f.contributions],
            } for q in report.trend],
        } for spec in SPECS],
        "cadence": [{"tier": line.tier, "due": len(line.due), "held": len(line.complied),
                     "early": len(line.early),
                     "rate": None if line.rate is None else str(line.rate),
                     "missed": [report.account_names.get(a, str(a)) for a in line.missed]}
                    for line in report.cadence],
        "maturity": {"stage": report.maturity.stage.value,
                     "reason": report.maturity.reason.text(catalogue(ENGLISH)),
                     "next": (report.maturity.next_step.text(catalogue(ENGLISH))
                              if report.maturity.next_step else None),
                     "reviews": report.maturity_reviews},
    }

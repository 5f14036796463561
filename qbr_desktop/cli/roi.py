"""`qbr roi`: an account's value, return and payback for a quarter, shown or changed.

The usage is DESCRIPTION below (`--help` shows it in the interface language).
"""

from __future__ import annotations

import argparse
import json
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from qbr_desktop.cli import CommandFailed, with_context
from qbr_desktop.cli.output import padded, say, write_json
from qbr_desktop.i18n import N_, english, msg, ui_label

DESCRIPTION = N_("""\
`qbr roi`: an account's value, return and payback for a quarter, shown or changed.

    qbr roi ACCOUNT [--quarter 2026Q3] [--json]
    qbr roi set ACCOUNT --line "id=support category=cost hours_saved=1200 ..." [--investment ...]
    qbr roi import ACCOUNT FILE.json
""")

if TYPE_CHECKING:  # the handler imports what it uses: see qbr_desktop/cli/__init__.py
    from qbr_desktop.domain.periods import Quarter
    from qbr_desktop.domain.roi import Figure
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.roi import ExpansionRoi, RoiReport

ACTIONS = ("set", "import")
SENSITIVITY_SHOWN = 5


class RoiUsage(CommandFailed):
    """The words after `qbr roi` do not make a command."""


def add_parsers(commands: Any, _formats: Any) -> None:
    roi = commands.add_parser(
        "roi", help=N_("value, ROI and payback of an account (show, set lines, import a model)"),
        description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    roi.add_argument("words", nargs="+", metavar="ACCOUNT | set ACCOUNT | import ACCOUNT FILE")
    roi.add_argument("--quarter", type=_quarter, metavar="YYYYQn",
                     help=N_("the quarter (default: the current one)"))
    roi.add_argument("--line", action="append", default=[], metavar="SPEC",
                     help=N_('with set: "id=... category=revenue|cost|risk|quality|strategic '
                             'label=... <input>=<value> ..." (repeatable); inputs: revenue '
                             'attribution_share | hours_saved hourly_rate | ftes_saved '
                             'cost_per_fte | cost_per_incident baseline_incidents '
                             'incident_reduction | cost_per_error error_volume error_reduction '
                             '| stated_value; also period_days confidence weight baseline '
                             'target outcome evidence'))
    roi.add_argument("--investment", action="append", default=[], metavar="SPEC",
                     help=N_('with set: "label=... kind=subscription|services|internal '
                             'amount=... recurring=yes|no" (repeatable)'))
    roi.add_argument("--json", action="store_true", help=N_("print JSON"))
    roi.set_defaults(handler=_roi)


def _roi(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.domain.errors import ValidationFailed

    words = list(args.words)
    action = words[0] if words[0] in ACTIONS and len(words) > 1 else "show"
    if action == "show" and len(words) != 1:
        raise RoiUsage("give one account (quote a name with spaces), or `set ACCOUNT` / "
                       "`import ACCOUNT FILE`")
    if action == "import" and len(words) != 3:
        raise RoiUsage("usage: qbr roi import ACCOUNT FILE.json")
    if action == "set" and (len(words) != 2 or not (args.line or args.investment)):
        raise RoiUsage("usage: qbr roi set ACCOUNT --line SPEC [--line SPEC] "
                       "[--investment SPEC]")

    def work(context: AppContext) -> tuple[RoiReport, list[ExpansionRoi], str]:
        account_id = context.insights.resolve(words[0] if action == "show" else words[1])
        if action == "import":
            source = Path(words[2])
            data = _read_json(source)
            try:
                model = context.roi.save_document(account_id, data, args.quarter)
            except ValidationFailed as exc:
                raise RoiUsage(f"{source}: {exc}") from None
            report = context.roi.report(account_id, model.quarter)
        elif action == "set":
            report = context.roi.set_lines(
                account_id, [_line(_spec(text, "--line")) for text in args.line], args.quarter,
                [_investment(_spec(text, "--investment")) for text in args.investment])
        else:
            report = context.roi.report(account_id, args.quarter)
        return (report, *context.roi.expansion(account_id, report.model.quarter))

    report, expansions, assumption = with_context(args, work)
    if args.json:
        write_json(out, {**_report_json(report), "expansion": {
            "assumption": assumption,
            "opportunities": [_expansion_json(item) for item in expansions]}})
        return
    _print_report(report, out, saved=action != "show")
    _print_expansion(expansions, assumption, report.model.currency, out)


def _print_report(report: RoiReport, out: TextIO, *, saved: bool) -> None:
    from qbr_desktop.domain.audience.deck import CATEGORY_WORDS
    from qbr_desktop.domain.roi_story import (
        format_amount,
        format_figure,
        format_months,
        format_percent,
    )

    model, result = report.model, report.result
    currency = model.currency
    state = msg("saved") if saved else (msg("stored") if report.stored else msg("not saved yet"))
    say(out, msg("ROI for {name}, {quarter} ({state})", name=report.account_name,
                 quarter=model.quarter, state=state))
    out.write("\n")
    for line in result.lines:
        value = format_amount(line.annual_value, currency) if line.counted else "—"
        category = padded(ui_label(CATEGORY_WORDS[line.line.category]), 20)
        label = padded(line.line.label, 40)
        say(out, msg("  {category} {label} {value:>14} a year", category=category, label=label,
                     value=value))
    out.write("\n")
    rows = [(N_("Value a year"), format_amount(result.total_value, currency)),
            (N_("Risk-adjusted value"), format_amount(result.risk_adjusted_value, currency)),
            (N_("Investment, first year"), format_amount(result.investment, currency)),
            (N_("Net value"), format_amount(result.net_value, currency)),
            (N_("ROI"), _explained(result.roi, format_figure(result.roi))),
            (N_("Payback"), _explained(result.payback_months,
                                       format_months(result.payback_months))),
            (N_("3-year NPV"), format_amount(result.three_year.npv, currency)),
            (N_("3-year IRR"), _explained(result.three_year.irr,
                                          format_figure(result.three_year.irr)))]
    for label, value in rows:
        out.write(f"  {padded(ui_label(label), 24)}{value}\n")
    out.write("\n")
    say(out, msg("  Scenarios: {scenarios}", scenarios=" · ".join(
        f"{scenario.value} {format_figure(outcome.roi)}"
        for scenario, outcome in report.scenarios.items())))
    if report.sensitivity:
        out.write("\n")
        say(out, msg("  What moves ROI most (each input ±20 %):"))
        for bar in report.sensitivity[:SENSITIVITY_SHOWN]:
            low, high = sorted((bar.roi_at_minus, bar.roi_at_plus))
            say(out, msg("    {label}: {low} to {high}", label=bar.label,
                         low=format_percent(low), high=format_percent(high)))
    if report.story_text:
        out.write(f"\n{report.story_text}\n")
    for reason in report.story_stale:
        say(out, msg("Story out of date: {reason}", reason=reason))


def _print_expansion(items: list[ExpansionRoi], assumption: str, currency: str,
                     out: TextIO) -> None:
    from qbr_desktop.domain.roi_story import format_amount, format_figure, format_months

    out.write("\n")
    say(out, msg("Expansion opportunities"))
    if not items:
        out.write(f"  {assumption}\n")
        return
    for item in items:
        result = item.result
        cost = format_amount(item.case.added_annual_cost, currency)
        value = format_amount(item.case.projected_annual_value, currency)
        roi = _explained(result.roi, format_figure(result.roi))
        payback = _explained(result.payback_months, format_months(result.payback_months))
        say(out, msg("  {title}: {cost} a year for {value} of value · first-year ROI {roi} · "
                     "payback {payback}", title=item.title, cost=cost, value=value, roi=roi,
                     payback=payback))
        if item.basis:
            say(out, msg("    valued at {basis}", basis=item.basis))
    out.write(f"  {assumption}\n")


def _expansion_json(item: ExpansionRoi) -> dict[str, Any]:
    result = item.result
    return {"title": item.title, "kind": item.kind,
            "added_annual_cost": str(item.case.added_annual_cost),
            "projected_annual_value": str(item.case.projected_annual_value),
            "ramp_months": item.case.ramp_months, "basis": item.basis,
            "roi_first_year": {"value": None if result.roi.value is None
                               else str(result.roi.value), "reason": result.roi.reason},
            "payback_months": {"value": None if result.payback_months.value is None
                               else str(result.payback_months.value),
                               "reason": result.payback_months.reason},
            "npv_3y": str(result.npv)}


def _explained(figure: Figure, shown: str) -> str:
    return shown if figure.value is not None else f"n/a ({figure.reason})"


def _report_json(report: RoiReport) -> dict[str, Any]:
    from qbr_desktop.domain.roi_document import model_to_dict

    result = report.result

    def figure(value: Figure) -> dict[str, Any]:
        return {"value": None if value.value is None else str(value.value),
                "reason": value.reason}

    return {
        "account": {"id": report.account_id, "name": report.account_name},
        "stored": report.stored,
        "model": model_to_dict(report.model),
        "result": {
            "total_value": str(result.total_value), "net_value": str(result.net_value),
            "investment": str(result.investment),
            "risk_adjusted_value": str(result.risk_adjusted_value),
            "roi": figure(result.roi), "payback_months": figure(result.payback_months),
            "npv_3y": str(result.three_year.npv), "irr_3y": figure(result.three_year.irr),
            "lines": [{"id": line.line.id, "counted": line.counted,
                       "annual_value": str(line.annual_value)} for line in result.lines],
        },
        "scenarios": {scenario.value: figure(outcome.roi)
                      for scenario, outcome in report.scenarios.items()},
        "story": {"text": report.story_text, "stale": list(report.story_stale)},
        "sensitivity": [{"input": bar.path, "label": english(bar.label),
                         "roi_at_minus_20": str(bar.roi_at_minus),
                         "roi_at_plus_20": str(bar.roi_at_plus)}
                        for bar in report.sensitivity],
    }


def _spec(text: str, option: str) -> dict[str, Any]:
    """'id=support category=cost label="Support desk" hours_saved=1200' as a dict."""
    try:
        parts = shlex.split(text)
    except ValueError as exc:
        raise RoiUsage(f"{option} “{text}”: {exc}") from None
    spec: dict[str, Any] = {}
    for part in parts:
        key, sep, value = part.partition("=")
        if not sep or not key:
            raise RoiUsage(f"{option} “{text}”: “{part}” is not name=value")
        spec[key.strip()] = value
    return spec


# Short names a person types for the document's category values.
CATEGORY_WORDS = {"revenue": "revenue_impact", "cost": "cost_reduction",
                  "risk": "risk_mitigation", "quality": "quality_improvement",
                  "strategic": "strategic_value"}


def _line(spec: dict[str, Any]) -> dict[str, Any]:
    category = str(spec.get("category", "")).strip().lower()
    return {**spec, "category": CATEGORY_WORDS.get(category, category)}


def _investment(spec: dict[str, Any]) -> dict[str, Any]:
    recurring = str(spec.get("recurring", "yes")).strip().lower()
    if recurring not in ("yes", "no", "true", "false"):
        raise RoiUsage(f"--investment: recurring is “{recurring}”; use yes or no")
    return {**spec, "recurring": recurring in ("yes", "true")}


MODEL_FILE_LIMIT = 5_000_000  # bytes: a model is a few kilobytes of JSON


def _read_json(path: Path) -> object:
    """The file's JSON, or one sentence naming the file and what is wrong with it."""
    try:
        if path.stat().st_size > MODEL_FILE_LIMIT:
            raise RoiUsage(f"{path}: {path.stat().st_size:,} bytes is far larger than an "
                           f"ROI model; the limit is {MODEL_FILE_LIMIT:,}")
        text = path.read_bytes().decode("utf-8-sig")
        return json.loads(text)
    except FileNotFoundError:
        raise RoiUsage(f"{path}: no such file") from None
    except IsADirectoryError:
        raise RoiUsage(f"{path} is a folder, not a JSON file") from None
    except PermissionError:
        raise RoiUsage(f"{path}: you do not have permission to read it") from None
    except OSError as exc:
        raise RoiUsage(f"{path} could not be read ({exc.strerror or 'read error'})") from None
    except UnicodeDecodeError as exc:
        raise RoiUsage(f"{path}: not UTF-8 text (byte {exc.start + 1} cannot be read); "
                       "save it as UTF-8 JSON") from None
    except RecursionError:
        raise RoiUsage(f"{path}: nested too deeply to be an ROI model") from None
    except json.JSONDecodeError as exc:
        raise RoiUsage(f"{path}: not JSON (line {exc.lineno}, column {exc.colno}: "
                       f"{exc.msg})") from None


def _quarter(text: str) -> Quarter:
    from qbr_desktop.domain.periods import Quarter

    try:
        return Quarter.parse(text.strip().upper())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None

"""`qbr health`, `qbr benchmark` and `qbr portfolio`: the numbers behind a QBR, in a terminal."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from qbr_desktop.cli import with_context
from qbr_desktop.cli.output import padded, say, width, write_json
from qbr_desktop.i18n import N_, english, msg, ui_label, ui_text

if TYPE_CHECKING:  # each handler imports what it uses: see qbr_desktop/cli/__init__.py
    from qbr_desktop.domain.benchmark import Benchmark
    from qbr_desktop.domain.health import HealthReport, HealthScore
    from qbr_desktop.services.insights import InsightService, PortfolioRow

Handler = Callable[[argparse.Namespace, TextIO], None]


def add_parsers(commands: Any, _formats: Any) -> None:
    health = commands.add_parser("health", help=N_("an account's health score, trend and movers"))
    health.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    health.add_argument("--json", action="store_true", help=N_("print JSON"))
    health.set_defaults(handler=_health)

    bench = commands.add_parser("benchmark", help=N_("an account against its peer cohort"))
    bench.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    bench.add_argument("--json", action="store_true", help=N_("print JSON"))
    bench.set_defaults(handler=_benchmark)

    portfolio = commands.add_parser(
        "portfolio", help=N_("every account with health, trend, renewal and expansion"))
    portfolio.add_argument("--json", action="store_true", help=N_("print JSON"))
    portfolio.set_defaults(handler=_portfolio)


def _with_service(args: argparse.Namespace, work: Callable[[InsightService], Any]) -> Any:
    return with_context(args, lambda context: work(context.insights))


def _score(value: float | None) -> str:
    # Truncated, not rounded: 69.9 is yellow and must not print as a green-looking 70.
    return "—" if value is None else str(math.floor(value))


def _change(value: float | None) -> str:
    if value is None:
        return ""
    return " (±0)" if abs(value) < 0.5 else f" ({value:+.0f})"


def _score_json(score: HealthScore) -> dict[str, Any]:
    return {
        "quarter": str(score.quarter), "total": score.total,
        "band": score.band.value if score.band else None,
        "confidence": round(score.confidence, 3),
        "dimensions": {d.dimension.value: {"score": d.score, "detail": english(d.detail)}
                       for d in score.dimensions},
    }


def _report_json(name: str, account_id: int, report: HealthReport) -> dict[str, Any]:
    return {
        "account": {"id": account_id, "name": name},
        "current": _score_json(report.current) if report.current else None,
        "previous": _score_json(report.previous) if report.previous else None,
        "change": report.change,
        "movers": [{"dimension": m.dimension.value if m.dimension else "total",
                    "change": m.change, "sentence": english(m.sentence)} for m in report.movers],
        "summary": english(report.summary),
        "history": [{"quarter": str(s.quarter), "total": s.total} for s in report.history],
    }


def _health(args: argparse.Namespace, out: TextIO) -> None:
    def work(service: InsightService) -> Any:
        return service.health(service.resolve(args.account))

    result = _with_service(args, work)
    report = result.report
    if args.json:
        write_json(out, _report_json(result.name, result.account_id, report))
        return
    from qbr_desktop.domain.health import DIMENSION_LABELS

    print(result.name, file=out)
    print(ui_text(report.summary), file=out)
    if report.current is not None:
        for dimension in report.current.dimensions:
            label = ui_label(DIMENSION_LABELS[dimension.dimension])
            detail = ui_text(dimension.detail)
            print(f"  {padded(label, 24)} {_score(dimension.score):>4}  {detail}", file=out)
    for mover in report.movers:
        print(f"  · {ui_text(mover.sentence)}", file=out)
    if len(report.history) > 1:
        trend = "  ".join(f"{s.quarter} {_score(s.total)}" for s in report.history)
        say(out, msg("Trend: {trend}", trend=trend))


def _benchmark_json(name: str, result: Benchmark) -> dict[str, Any]:
    return {
        "account": {"id": result.account_id, "name": name},
        "cohort": {"criteria": list(result.cohort.criteria),
                   "description": result.cohort.description, "size": result.cohort.size,
                   "fallback_note": english(result.cohort.fallback_note)
                   if result.cohort.fallback_note else None},
        "metrics": [{"key": m.key, "label": m.label, "value": m.value,
                     "cohort_median": m.cohort_median, "percentile": m.percentile,
                     "peers_with_data": m.peers_with_data, "phrase": m.phrase}
                    for m in result.metrics],
    }


def _benchmark(args: argparse.Namespace, out: TextIO) -> None:
    def work(service: InsightService) -> Any:
        account_id = service.resolve(args.account)
        return service.name(account_id), service.benchmark(account_id)

    from qbr_desktop.services.insights import format_peer_value

    name, result = _with_service(args, work)
    if args.json:
        write_json(out, _benchmark_json(name, result))
        return
    say(out, msg("{name} against {cohort} ({size} peers)", name=name,
                 cohort=result.cohort.description, size=result.cohort.size))
    if result.cohort.fallback_note:
        print(ui_text(result.cohort.fallback_note), file=out)
    # As wide as the longest label, so the figures stay in columns.
    columns = max((width(metric.label) for metric in result.metrics), default=0)
    for metric in result.metrics:
        value = format_peer_value(metric.key, metric.value)
        median = format_peer_value(metric.key, metric.cohort_median)
        rank = "—" if metric.percentile is None else f"{metric.percentile:.0f}"
        label = metric.label[:1].upper() + metric.label[1:]
        say(out, msg("  {label} {value:>8}  peer median {median:>8}  percentile {rank:>3}  "
                     "{phrase}", label=padded(label, columns), value=value, median=median,
                     rank=rank, phrase=metric.phrase))


def _row_json(row: PortfolioRow) -> dict[str, Any]:
    return {
        "id": row.account_id, "name": row.name, "tier": row.tier, "industry": row.industry,
        "arr": str(row.arr.amount), "currency": row.arr.currency,
        "renewal_date": row.renewal_date.isoformat() if row.renewal_date else None,
        "next_qbr_at": row.next_review_at.isoformat() if row.next_review_at else None,
        "health": row.health, "band": row.band.value if row.band else None,
        "change": row.change, "confidence": round(row.confidence, 3),
        "latest_quarter": str(row.latest_quarter) if row.latest_quarter else None,
        "readiness": row.readiness, "expansion": str(row.expansion),
        "open_risks": row.open_risks, "open_opportunities": row.open_opportunities,
        "at_risk": row.at_risk, "expansion_ready": row.expansion_ready,
    }


def _portfolio(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.domain.health import BAND_WORDS
    from qbr_desktop.domain.money import format_money
    from qbr_desktop.domain.tiers import tier_label

    overview = _with_service(args, lambda service: service.overview())
    if args.json:
        write_json(out, {"as_of": overview.as_of.isoformat(),
                         "accounts": [_row_json(r) for r in overview.rows],
                         "at_risk": [r.account_id for r in overview.at_risk],
                         "expansion_ready": [r.account_id for r in overview.expansion_ready]})
        return
    for row in overview.rows:
        change = _change(row.change)
        band = BAND_WORDS[row.band] if row.band else msg("no data")
        renewal = row.renewal_date.isoformat() if row.renewal_date else "—"
        say(out, msg("{name}\t{tier}\t{arr}\thealth {health} {band}{change}\trenews {renewal}"
                     "\texpansion {expansion}", name=row.name, tier=tier_label(row.tier),
                     arr=format_money(row.arr), health=_score(row.health), band=band,
                     change=change, renewal=renewal,
                     expansion=format_money(type(row.arr)(row.expansion, row.arr.currency))))
    say(out, msg("{count} account(s); {at_risk} at risk, {ready} ready to expand",
                 count=len(overview.rows), at_risk=len(overview.at_risk),
                 ready=len(overview.expansion_ready)))

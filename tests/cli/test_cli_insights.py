"""`qbr health`, `qbr benchmark` and `qbr portfolio`, run in-process through
qbr_desktop.cli.main; what they print is checked against the services."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cli_support import Portfolio, open_portfolio
from insights_support import Q3, Q4, SmallPortfolio, add_account, build_small_portfolio
from insights_support import quarter as quarter_values
from sqlalchemy import select

from qbr_desktop.domain.benchmark import BENCHMARK_METRICS
from qbr_desktop.domain.health import DIMENSION_LABELS, Dimension
from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.insights import format_peer_value
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow

Runner = Callable[..., Any]

HEALTH_KEYS = {"account", "current", "previous", "change", "movers", "summary", "history"}
SCORE_KEYS = {"quarter", "total", "band", "confidence", "dimensions"}
ROW_KEYS = {"id", "name", "tier", "industry", "arr", "currency", "renewal_date",
            "next_qbr_at", "health", "band", "change", "confidence", "latest_quarter",
            "readiness", "expansion", "open_risks", "open_opportunities", "at_risk",
            "expansion_ready"}
HOSTILE = ["株式会社 <R&D> 東京", "شركة الأمل للتجارة", "Rocket 🚀 Labs", "A<b>&amp;</b>Z & Co"]


def opened(path: Portfolio) -> AppContext:
    return open_portfolio(path)


@pytest.fixture
def small_db(tmp_path: Path) -> Iterator[tuple[Path, SmallPortfolio]]:
    path = tmp_path / "small" / "portfolio.sqlite"
    path.parent.mkdir()
    context = opened(path)
    try:
        small = build_small_portfolio(context)
    finally:
        context.close()
    yield path, small


@pytest.fixture
def services(small_db: tuple[Path, SmallPortfolio]) -> Iterator[AppContext]:
    """The same file opened through the services, to compare with what the CLI printed."""
    context = opened(small_db[0])
    yield context
    context.close()


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, f"expected one line, got: {text!r}"
    assert "Traceback" not in text
    return lines[0]


def truncated(value: float | None) -> str:
    return "—" if value is None else str(math.floor(value))


# --- qbr health ----------------------------------------------------------------------------

def test_health_text_shows_summary_dimensions_movers_and_trend(
        qbr: Runner, small_db: tuple[Path, SmallPortfolio], services: Any) -> None:
    path, small = small_db
    result = qbr("--db", path, "health", "Acme Logistics")
    assert result.code == 0, result.err
    assert result.err == ""
    lines = result.out.splitlines()
    report = services.insights.health(small.acme).report
    assert lines[0] == "Acme Logistics"
    assert lines[1] == str(report.summary)
    for score in report.current.dimensions:
        [line] = [x for x in lines if x.strip().startswith(DIMENSION_LABELS[score.dimension])]
        assert f" {truncated(score.score)}  {score.detail.render()}" in line
    for mover in report.movers:
        assert f"  · {mover.sentence.render()}" in lines
    assert "  · User coverage rose 5 points (from 90 to 95)." in lines
    assert lines[-1] == "Trend: " + "  ".join(
        f"{s.quarter} {truncated(s.total)}" for s in report.history)
    assert lines[-1] == "Trend: 2025Q1 87  2025Q2 88  2025Q3 89  2025Q4 90"


def test_health_json_agrees_with_the_service(qbr: Runner, small_db: tuple[Path, SmallPortfolio],
                                             services: Any) -> None:
    path, small = small_db
    result = qbr("--db", path, "health", "bluefin health", "--json")
    assert result.code == 0, result.err
    data = result.json()
    report = services.insights.health(small.bluefin).report
    assert set(data) == HEALTH_KEYS
    assert data["account"] == {"id": small.bluefin, "name": "Bluefin Health"}
    assert set(data["current"]) == SCORE_KEYS == set(data["previous"])
    assert data["current"]["quarter"] == "2025Q4" and data["previous"]["quarter"] == "2025Q3"
    assert data["current"]["total"] == report.current.total
    assert data["current"]["band"] == "red" and data["previous"]["band"] == "green"
    assert data["current"]["confidence"] == 1.0
    assert list(data["current"]["dimensions"]) == [d.value for d in Dimension]
    for score in report.current.dimensions:
        assert data["current"]["dimensions"][score.dimension.value] == {
            "score": score.score, "detail": str(score.detail)}
    assert data["change"] == report.change
    assert [m["sentence"] for m in data["movers"]] == [str(m.sentence) for m in report.movers]
    assert {m["dimension"] for m in data["movers"]} <= {d.value for d in Dimension}
    assert data["summary"] == str(report.summary)
    assert data["history"] == [{"quarter": "2025Q3", "total": report.history[0].total},
                               {"quarter": "2025Q4", "total": report.current.total}]


def test_health_of_an_account_without_metrics(qbr: Runner,
                                              small_db: tuple[Path, SmallPortfolio]) -> None:
    path, small = small_db
    text = qbr("--db", path, "health", str(small.delta))
    assert text.code == 0, text.err
    assert text.out.splitlines() == [
        "Delta Dental", "No health score yet: no quarter has enough metrics to score."]
    data = qbr("--db", path, "health", "Delta Dental", "--json").json()
    assert (data["current"], data["previous"], data["change"]) == (None, None, None)
    assert data["movers"] == [] and data["history"] == []


def test_health_finds_an_account_by_id_and_by_crm_id(qbr: Runner, demo_db: Path) -> None:
    context = opened(demo_db)
    try:
        with session_scope(context.store.sessions) as session:
            rows = [(r.id, r.name, r.external_id) for r in session.scalars(select(AccountRow))]
    finally:
        context.close()
    for account_id, name, external_id in rows[:5]:
        by_id = qbr("--db", demo_db, "health", str(account_id), "--json")
        by_crm = qbr("--db", demo_db, "health", external_id, "--json")
        assert by_id.code == by_crm.code == 0, (by_id.err, by_crm.err)
        assert by_id.json() == by_crm.json()
        assert by_id.json()["account"] == {"id": account_id, "name": name}


@pytest.mark.parametrize("command", ["health", "benchmark"])
@pytest.mark.parametrize("wanted", ["Nobody Inc", "4242", "ghost 👻 <&>"])
def test_an_unknown_account_fails_with_one_line_naming_it(
        qbr: Runner, small_db: tuple[Path, SmallPortfolio], command: str, wanted: str) -> None:
    for extra in ((), ("--json",)):
        result = qbr("--db", small_db[0], command, wanted, *extra)
        assert result.code == 1
        assert result.out == ""
        line = one_line(result.err)
        assert line.startswith("qbr: ")
        assert wanted in line


@pytest.mark.parametrize("wanted", ["²", "③"], ids=["superscript-two", "circled-three"])
def test_a_digit_like_name_is_reported_as_not_found(qbr: Runner,
                                                    small_db: tuple[Path, SmallPortfolio],
                                                    wanted: str) -> None:
    result = qbr("--db", small_db[0], "health", wanted)
    assert result.code == 1
    line = one_line(result.err)
    assert wanted in line
    assert "unexpected error" not in line
    assert "No account" in line


def test_health_needs_an_account(qbr: Runner, small_db: tuple[Path, SmallPortfolio]) -> None:
    result = qbr("--db", small_db[0], "health")
    assert result.code == 2
    assert "ACCOUNT" in result.err


# --- qbr benchmark -------------------------------------------------------------------------

def test_benchmark_text(qbr: Runner, small_db: tuple[Path, SmallPortfolio],
                        services: Any) -> None:
    path, small = small_db
    result = qbr("--db", path, "benchmark", "Acme Logistics")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    bench = services.insights.benchmark(small.acme)
    assert lines[0] == "Acme Logistics against the whole portfolio (3 peers)"
    assert lines[1] == str(bench.cohort.fallback_note)
    metric_lines = lines[2:]
    assert len(metric_lines) == len(BENCHMARK_METRICS)
    for line, metric in zip(metric_lines, bench.metrics, strict=True):
        assert line.strip().lower().startswith(metric.label.lower())
        assert f" {format_peer_value(metric.key, metric.value)}  peer median" in line
        assert f"peer median {format_peer_value(metric.key, metric.cohort_median):>8}" in line
        assert line.endswith(f"  {metric.phrase}")
    # The longest label ("Support tickets per 100 seats") must not push its figures out.
    assert len({line.index("  peer median") for line in metric_lines}) == 1
    coverage = next(x for x in metric_lines if x.strip().startswith("User coverage"))
    assert "95%" in coverage and "40%" in coverage and "percentile 100" in coverage


def test_benchmark_json_agrees_with_the_service(qbr: Runner,
                                                small_db: tuple[Path, SmallPortfolio],
                                                services: Any) -> None:
    path, small = small_db
    result = qbr("--db", path, "benchmark", str(small.cedar), "--json")
    assert result.code == 0, result.err
    data = result.json()
    bench = services.insights.benchmark(small.cedar)
    assert data["account"] == {"id": small.cedar, "name": "Cedar Bank"}
    assert data["cohort"] == {"criteria": [], "description": "the whole portfolio", "size": 3,
                              "fallback_note": str(bench.cohort.fallback_note)}
    assert [m["key"] for m in data["metrics"]] == [m.key for m in BENCHMARK_METRICS]
    for shown, metric in zip(data["metrics"], bench.metrics, strict=True):
        assert shown == {"key": metric.key, "label": metric.label, "value": metric.value,
                         "cohort_median": metric.cohort_median,
                         "percentile": metric.percentile,
                         "peers_with_data": metric.peers_with_data, "phrase": metric.phrase}


def test_benchmark_on_the_demo_uses_tenure_cohorts_or_says_why_not(qbr: Runner,
                                                                   demo_db: Path) -> None:
    data = qbr("--db", demo_db, "benchmark", "1", "--json").json()
    assert data["cohort"]["size"] >= 1
    if data["cohort"]["criteria"] != ["industry", "tier", "tenure"]:
        assert data["cohort"]["fallback_note"]
        assert "not recorded" not in data["cohort"]["fallback_note"]


# --- qbr portfolio -------------------------------------------------------------------------

def test_portfolio_text(qbr: Runner, small_db: tuple[Path, SmallPortfolio]) -> None:
    result = qbr("--db", small_db[0], "portfolio")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[-1] == "4 account(s); 2 at risk, 1 ready to expand"
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[:-1]}
    assert list(rows) == ["Acme Logistics", "Bluefin Health", "Cedar Bank", "Delta Dental"]
    assert rows["Acme Logistics"] == ["Acme Logistics", "Strategic", "$120,000",
                                      "health 90 green (+1)", "renews —", "expansion $18,000"]
    assert rows["Bluefin Health"][3] == "health 15 red (-65)"
    assert rows["Cedar Bank"][3] == "health 63 yellow (±0)"
    assert rows["Delta Dental"][3] == "health — no data"
    assert rows["Delta Dental"][5] == "expansion $0"


def test_portfolio_json_agrees_with_the_service(qbr: Runner,
                                                small_db: tuple[Path, SmallPortfolio],
                                                services: Any) -> None:
    result = qbr("--db", small_db[0], "portfolio", "--json")
    assert result.code == 0, result.err
    data = result.json()
    overview = services.insights.overview()
    assert set(data) == {"as_of", "accounts", "at_risk", "expansion_ready"}
    assert data["as_of"] == overview.as_of.isoformat()
    assert data["at_risk"] == [r.account_id for r in overview.at_risk]
    assert data["expansion_ready"] == [r.account_id for r in overview.expansion_ready]
    assert len(data["accounts"]) == len(overview.rows) == 4
    for shown, row in zip(data["accounts"], overview.rows, strict=True):
        assert set(shown) == ROW_KEYS
        assert (shown["id"], shown["name"], shown["tier"]) == (row.account_id, row.name,
                                                               row.tier)
        assert Decimal(shown["arr"]) == row.arr.amount and shown["currency"] == "USD"
        assert shown["health"] == row.health and shown["change"] == row.change
        assert shown["band"] == (row.band.value if row.band else None)
        assert Decimal(shown["expansion"]) == row.expansion
        assert (shown["at_risk"], shown["expansion_ready"]) == (row.at_risk,
                                                                row.expansion_ready)
        assert (shown["open_risks"], shown["open_opportunities"]) == (
            row.open_risks, row.open_opportunities)
        assert shown["readiness"] == row.readiness
    cedar = next(a for a in data["accounts"] if a["name"] == "Cedar Bank")
    assert (cedar["open_risks"], cedar["at_risk"], cedar["latest_quarter"]) == (1, True,
                                                                               "2025Q4")
    delta = next(a for a in data["accounts"] if a["name"] == "Delta Dental")
    assert (delta["health"], delta["band"], delta["latest_quarter"]) == (None, None, None)


def test_portfolio_json_on_the_demo(qbr: Runner, demo_db: Path) -> None:
    data = qbr("--db", demo_db, "portfolio", "--json").json()
    assert len(data["accounts"]) == 30
    context = opened(demo_db)
    try:
        rows = {r.account_id: r for r in context.insights.overview().rows}
    finally:
        context.close()
    for shown in data["accounts"]:
        row = rows[shown["id"]]
        assert (shown["health"], shown["change"], shown["at_risk"],
                shown["expansion_ready"]) == (row.health, row.change, row.at_risk,
                                              row.expansion_ready)
    assert data["at_risk"] and data["expansion_ready"]
    text = qbr("--db", demo_db, "portfolio")
    assert text.out.splitlines()[-1] == (
        f"30 account(s); {len(data['at_risk'])} at risk, "
        f"{len(data['expansion_ready'])} ready to expand")


def test_portfolio_truncates_rather_than_rounds_up_to_green(qbr: Runner,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "edge.sqlite"
    context = opened(path)
    try:
        # Only NPS is known: sentiment (39.8 + 100) ÷ 2 = 69.9, yellow.
        add_account(context, "Almost Green",
                    metrics=[MetricValue(Q4, "nps", 39.8)])
    finally:
        context.close()
    line = qbr("--db", path, "portfolio").out.splitlines()[0]
    assert "health 69 yellow" in line
    data = qbr("--db", path, "portfolio", "--json").json()["accounts"][0]
    assert (data["health"], data["band"], data["confidence"]) == (69.9, "yellow", 0.15)


def test_portfolio_of_an_empty_file(qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    text = qbr("--db", path, "portfolio")
    assert text.code == 0, text.err
    assert text.out.splitlines() == ["0 account(s); 0 at risk, 0 ready to expand"]
    data = qbr("--db", path, "portfolio", "--json").json()
    assert (data["accounts"], data["at_risk"], data["expansion_ready"]) == ([], [], [])


# --- names in any script -------------------------------------------------------------------

@pytest.fixture
def hostile_db(fresh_db: Portfolio, qbr: Runner) -> Portfolio:
    path = fresh_db
    for name in HOSTILE:
        added = qbr("--db", path, "accounts", "add", name, "--arr", "50k", "--seats", "100")
        assert added.code == 0, added.err
    context = opened(path)
    try:
        for item in context.accounts.list_accounts():
            context.accounts.record_metrics(item.id, [
                *quarter_values(Q3, active=70), *quarter_values(Q4, active=75)])
    finally:
        context.close()
    return path


@pytest.mark.parametrize("name", HOSTILE)
def test_names_in_any_script_survive_text_and_json(qbr: Runner, hostile_db: Path,
                                                   name: str) -> None:
    health = qbr("--db", hostile_db, "health", name)
    assert health.code == 0, health.err
    assert health.out.splitlines()[0] == name
    as_json = qbr("--db", hostile_db, "health", name, "--json")
    assert as_json.json()["account"]["name"] == name
    assert name.split()[0] in as_json.out  # written as characters, not \\u escapes
    bench = qbr("--db", hostile_db, "benchmark", name)
    assert bench.out.splitlines()[0].startswith(f"{name} against ")
    assert qbr("--db", hostile_db, "benchmark", name, "--json").json()["account"]["name"] == name


def test_portfolio_lists_names_in_any_script(qbr: Runner, hostile_db: Path) -> None:
    text = qbr("--db", hostile_db, "portfolio")
    names = [line.split("\t")[0] for line in text.out.splitlines()[:-1]]
    assert sorted(names) == sorted(HOSTILE)
    data = qbr("--db", hostile_db, "portfolio", "--json")
    assert sorted(a["name"] for a in data.json()["accounts"]) == sorted(HOSTILE)
    assert json.loads(data.out) == data.json()
    for name in HOSTILE:
        assert json.dumps(name, ensure_ascii=False) in data.out

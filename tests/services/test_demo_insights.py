"""The demo portfolio's insight data, checked through the services a CSM's screens use:
catalogue, departments, owned modules, risks, external ids and scenario histories."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from qbr_desktop.domain.benchmark import TENURE_BANDS, tenure_band
from qbr_desktop.domain.health import Band
from qbr_desktop.domain.risks import RiskStatus
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo import build_demo_portfolio
from qbr_desktop.services.insights import InsightService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.insight_repositories import DepartmentRepository
from qbr_desktop.store.models import AccountRow

TODAY = date(2026, 3, 10)


@pytest.fixture
def demo(demo_copy: Any) -> Any:
    context, summary = demo_copy(accounts=12, seed=11, today=TODAY)
    context.demo_summary = summary
    return context


def fixed_insights(context: Any) -> InsightService:
    return InsightService(context.store.sessions, today=lambda: TODAY)


def everything(context: Any) -> dict[str, Any]:
    """What the insight screens show, in a comparable form (ids and all)."""
    insights = fixed_insights(context)
    overview = insights.overview()
    data: dict[str, Any] = {"rows": overview.rows, "at_risk": overview.at_risk,
                            "ready": overview.expansion_ready, "risks": [], "benchmarks": [],
                            "expansion": []}
    for row in overview.rows:
        data["risks"].append(context.risks.items(row.account_id))
        data["benchmarks"].append(insights.benchmark(row.account_id))
        data["expansion"].append(insights.expansion(row.account_id))
    return data


@pytest.mark.parametrize("seed", [1, 7, 11, 42])
def test_every_seed_gives_every_story(context: Any, seed: int) -> None:
    build_demo_portfolio(context, accounts=12, seed=seed, today=TODAY)
    overview = context.insights.overview()
    changes = [r.change for r in overview.rows if r.change is not None]
    assert any(change > 0 for change in changes), "no improving account"
    assert any(r.band is Band.RED or (r.change is not None and r.change < 0)
               for r in overview.rows), "no declining account"
    assert overview.expansion_ready, "no account ready to expand"
    assert overview.at_risk, "no account at risk"
    quadrants = Counter(item.quadrant for r in overview.rows
                        for item in context.risks.items(r.account_id))
    assert len(quadrants) >= 2, quadrants
    assert all(r.health is not None for r in overview.rows)


def test_expansion_ready_rows_really_are_ready(demo: Any) -> None:
    overview = demo.insights.overview()
    for row in overview.expansion_ready:
        estimate = demo.insights.expansion(row.account_id)
        assert estimate.readiness.level == "ready"
        assert estimate.total == row.expansion > 0
        assert estimate.lines
        assert row.band is Band.GREEN


def test_the_catalogue_and_the_whitespace(demo: Any) -> None:
    catalogue = demo.catalogue.items()
    assert len(catalogue) == 5
    assert {item.kind for item in catalogue} == {"module", "plan"}
    assert all(item.price > 0 and item.currency == "USD" for item in catalogue)
    entry_ids = {item.id for item in catalogue}
    owned_any = untapped_any = False
    for summary in demo.accounts.list_accounts():
        owned = demo.catalogue.owned(summary.id)
        assert owned <= entry_ids
        owned_any = owned_any or bool(owned)
        with session_scope(demo.store.sessions) as session:
            found = [(d.name, d.headcount, d.uses_product)
                     for d in DepartmentRepository(session).for_account(summary.id)]
        assert 3 <= len(found) <= 6
        assert len({name for name, _, _ in found}) == len(found)
        assert all(headcount >= 5 for _, headcount, _ in found)
        untapped_any = untapped_any or any(not uses for _, _, uses in found)
    assert owned_any and untapped_any


def test_external_ids_and_customer_since(demo: Any) -> None:
    with session_scope(demo.store.sessions) as session:
        rows = list(session.scalars(select(AccountRow)))
        external = [row.external_id for row in rows]
        since = [row.customer_since for row in rows]
    assert len(set(external)) == len(rows) == 12
    assert all(e and e.startswith("0015g") for e in external)
    assert all(s is not None and s < TODAY for s in since)
    for account_id, external_id in zip([r.id for r in rows], external, strict=True):
        assert demo.insights.resolve(external_id) == account_id


def test_benchmarks_know_every_accounts_tenure(demo: Any) -> None:
    with session_scope(demo.store.sessions) as session:
        tenures = {tenure_band(row.customer_since, TODAY)
                   for row in session.scalars(select(AccountRow))}
    assert tenures <= set(TENURE_BANDS)
    for benchmark in everything(demo)["benchmarks"]:
        note = str(benchmark.cohort.fallback_note or "")
        assert "not recorded" not in note, note


def test_the_risk_count_matches_the_register(demo: Any) -> None:
    rows = demo.insights.overview().rows
    items = [item for r in rows for item in demo.risks.items(r.account_id)]
    assert demo.demo_summary.risks == len(items) > 0
    assert all(item.status is RiskStatus.OPEN for item in items)
    assert {item.origin for item in items} <= {"suggested", "manual"}
    for row in rows:
        register = demo.risks.items(row.account_id)
        assert row.open_risks == sum(item.kind == "risk" for item in register)
        assert row.open_opportunities == sum(item.kind == "opportunity" for item in register)


def test_demo_histories_score_on_every_dimension(demo: Any) -> None:
    for row in demo.insights.overview().rows:
        report = demo.insights.health(row.account_id).report
        assert report.current is not None
        assert report.current.confidence == pytest.approx(1.0)
        assert all(d.score is not None for d in report.current.dimensions)
        assert report.previous is not None and report.change is not None


def test_same_seed_gives_the_same_insights(tmp_path: Path) -> None:
    results = []
    for name, seed in (("one", 5), ("two", 5), ("three", 6)):
        context = AppContext.open(DatabaseTarget(path=tmp_path / f"{name}.sqlite"))
        try:
            build_demo_portfolio(context, accounts=12, seed=seed, today=TODAY)
            results.append(everything(context))
        finally:
            context.close()
    first, same, other = results
    assert first == same
    assert first["rows"] != other["rows"]


def test_undoing_a_demo_account_delete_keeps_its_whitespace(demo: Any) -> None:
    # Ctrl+Z after a delete must bring back what the expansion estimate is built on.
    row = demo.insights.overview().expansion_ready[0]
    before = demo.insights.expansion(row.account_id)
    restored = demo.accounts.restore(demo.accounts.delete(row.account_id))
    assert demo.insights.expansion(restored.id) == before


def test_benchmarks_of_the_whole_portfolio_agree_with_one_at_a_time(demo: Any) -> None:
    insights = fixed_insights(demo)
    every = insights.benchmarks()
    ids = [r.account_id for r in insights.overview().rows]
    assert sorted(every) == sorted(ids)
    for account_id in ids:
        one = insights.benchmark(account_id)
        assert every[account_id].cohort == one.cohort
        for many, single in zip(every[account_id].metrics, one.metrics, strict=True):
            assert many.key == single.key and many.value == single.value
            assert many.percentile == single.percentile
            assert many.cohort_median == pytest.approx(single.cohort_median)

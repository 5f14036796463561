"""Demo accounts above the Core tier come with a saved deck plan: roadmap and priorities."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qbr_desktop.domain.deck_plan import DeckPlan, plan_to_dict
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo import build_demo_portfolio

TODAY = date(2026, 11, 23)
NO_ROADMAP = "No roadmap items are saved"


@pytest.fixture(autouse=True)
def _application(qapp: object) -> None:
    """DeckService.content() draws the stakeholder map picture with Qt."""


def test_accounts_above_core_have_a_plan_and_core_ones_none(demo_copy: Any) -> None:
    context, summary = demo_copy(accounts=12, seed=3, today=TODAY)
    accounts = context.accounts.list_accounts()
    planned = [a for a in accounts if a.tier in ("Strategic", "Growth")]
    core = [a for a in accounts if a.tier == "Core"]
    assert planned and core and summary.deck_plans == len(planned)
    for account in planned:
        plan = context.decks.plan(account.id)
        assert 3 <= len(plan.roadmap) <= 5 and len(plan.priorities) == 3
        assert all(item.strip() and len(item) <= 500
                   for item in (*plan.roadmap, *plan.priorities))
        assert plan.recommendations == ()  # the service drafts them
        prepared = context.decks.prepare(context, account.id, today=TODAY)
        content, missing = prepared.content, prepared.briefing.missing
        items = [item.split(" → ")[0] for item in plan.roadmap]
        assert list(content.roadmap) == items and content.priorities == plan.priorities
        # The industry's own items serve the account's goals, named after the arrow.
        assert any(content.roadmap_goals) and all(
            goal in {line.label for line in content.value_lines}
            for goal in content.roadmap_goals if goal)
        assert not any(str(sentence).startswith(NO_ROADMAP) for sentence in missing)
        assert not any("No priorities" in str(sentence) for sentence in missing)
        assert content.recommendations  # drafted from the data
    for account in core:
        assert context.decks.plan(account.id) == DeckPlan()
    accents = [context.decks.plan(a.id).accent for a in planned]
    assert 1 <= sum(bool(accent) for accent in accents) <= 2


def _plans(folder: Path) -> list[dict[str, Any]]:
    context = AppContext.open(DatabaseTarget(path=folder / "portfolio.sqlite"))
    try:
        build_demo_portfolio(context, accounts=16, seed=5, today=TODAY)
        return [plan_to_dict(context.decks.plan(a.id))
                for a in context.accounts.list_accounts()]
    finally:
        context.close()


def test_the_same_seed_gives_the_same_plans(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    plans = _plans(first)
    assert plans == _plans(second)
    roadmaps = {item for plan in plans for item in plan["roadmap"]}
    assert len(roadmaps) > 5  # varied between accounts


def test_the_demo_ticks_shareable_items_and_keeps_the_rest_internal(demo_copy: Any) -> None:
    context, _summary = demo_copy(accounts=24, seed=3, today=TODAY)
    ticked = left_off = 0
    for account in context.accounts.list_accounts():
        items = [item for item in context.risks.items(account.id)
                 if item.status.value == "open"]
        if not items:
            continue
        plan = context.decks.plan(account.id)
        on_slide = {risk.title for risk in context.decks.content(context, account.id,
                                                                 today=TODAY).risks}
        for item in items:
            if item.id in plan.shown_risks:
                ticked += 1
                assert item.origin == "manual" and item.title in on_slide
                assert "competitor" not in item.title
            else:
                left_off += 1
                assert item.title not in on_slide
    assert ticked and left_off

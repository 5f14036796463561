"""Which register items reach the customer's risks slide: only those the CSM ticked,
whoever wrote them; the choice is kept in the deck plan."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.deck_plan import (
    DeckPlan,
    plan_from_dict,
    plan_to_dict,
    risk_shown,
)
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.risks import RiskDraft, RiskKind, RiskStatus


@pytest.fixture(autouse=True)
def _application(qapp: object) -> None:
    """DeckService.content draws the map picture with Qt."""


def test_every_item_waits_for_a_tick() -> None:
    plan = DeckPlan()
    assert not risk_shown(plan, 1) and not risk_shown(plan, 2)
    plan = DeckPlan(shown_risks=(2,), hidden_risks=(1,))
    assert not risk_shown(plan, 1) and risk_shown(plan, 2)
    assert plan_from_dict(plan_to_dict(plan)) == plan


def test_plans_saved_before_risk_choices_still_load() -> None:
    document = plan_to_dict(DeckPlan(roadmap=("a",)))
    del document["shown_risks"], document["hidden_risks"]
    assert plan_from_dict(document) == DeckPlan(roadmap=("a",))
    with pytest.raises(ValidationFailed, match="shown_risks"):
        plan_from_dict({**document, "shown_risks": ["7", True]})


def test_the_slide_gets_the_chosen_items_and_the_csm_hears_of_the_rest(context: Any) -> None:
    account = context.accounts.create(AccountDraft(name="Acme & <Co>", arr=Decimal("90000")))
    ours = context.risks.add(account.id, RiskDraft(
        RiskKind.RISK, "Budget freeze in Q1", "", 3, 4))
    private = context.risks.add(account.id, RiskDraft(
        RiskKind.RISK, "Their VP is talking to a competitor", "", 3, 5))
    suggested = context.risks.add(account.id, RiskDraft(
        RiskKind.OPPORTUNITY, "Expansion of $40,000 a year is ready to discuss", "", 3, 3),
        origin="suggested")
    closed = context.risks.add(account.id, RiskDraft(RiskKind.RISK, "Old issue", "", 2, 2))
    context.risks.set_status(closed.id, RiskStatus.CLOSED)

    def titles() -> list[str]:
        return [r.title for r in context.decks.content(context, account.id).risks]

    # A hand-written entry is often a private note: it waits for a tick like a suggestion.
    assert titles() == []
    missing = context.decks.prepare(context, account.id).briefing.missing
    assert any("3 open risks are left off the customer's risks slide" in str(m) for m in missing)

    plan = DeckPlan(shown_risks=(ours.id, suggested.id), hidden_risks=(private.id,))
    context.decks.save_plan(account.id, plan)
    assert sorted(titles()) == ["Budget freeze in Q1",
                                "Expansion of $40,000 a year is ready to discuss"]
    missing = context.decks.prepare(context, account.id).briefing.missing
    assert any("1 open risk is left off the customer's risks slide" in str(m) for m in missing)

"""The prep scorecard read from a real portfolio: each fact comes from its feature."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.actions import ActionItem, ActionStatus
from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholders import Attendance, DecisionRole, Stakeholder
from qbr_desktop.services.scorecard import prep_facts, prep_scorecard


def test_facts_come_from_the_agenda_deck_actions_map_and_roi(context: Any) -> None:
    account = context.accounts.create(AccountDraft(name="Acme", arr=Decimal("120000")))
    past = context.plans.schedule(account.id, date(2026, 6, 10)).review_id
    context.agendas.add_action(account.id, ActionItem(0, "Old promise", review_id=past))
    context.agendas.add_action(account.id, ActionItem(
        0, "Kept promise", review_id=past, status=ActionStatus.DONE))
    with context.store.sessions() as session, session.begin():
        from qbr_desktop.store.models import ReviewRow

        row = session.get(ReviewRow, past)
        row.status = "held"
    upcoming = context.plans.schedule(account.id, date(2027, 3, 10)).review_id
    sponsor = context.stakeholders.add_person(account.id, Stakeholder(
        0, "Vera", level=ContactLevel.VP, role=DecisionRole.EXECUTIVE_SPONSOR))
    facts = prep_facts(context, account.id, upcoming, "Strategic")
    assert facts.forward_share == Decimal(38) / Decimal(53)  # the 60-minute template
    # The deck as it would be exported: a new account's slides with no data are left out.
    written = context.decks.content(context, account.id).outline
    assert facts.slide_count == sum(1 for s in written if s.shown and not s.omitted
                                    and not s.backup) < 10
    assert (facts.earlier_actions_open, facts.earlier_actions) == (1, 2)
    assert facts.sponsor_names == ("Vera",) and not facts.sponsor_invited
    assert facts.value_total is None
    context.stakeholders.set_attendance(upcoming, Attendance(sponsor.id, invited=True))
    context.roi.save_document(account.id, {
        "version": 1, "currency": "USD", "quarter": str(context.roi.current_quarter()),
        "lines": [{"id": "support", "label": "Support", "category": "cost_reduction",
                   "hours_saved": "1000", "hourly_rate": "50"}], "investments": []})
    items = {i.name: i for i in prep_scorecard(context, account.id, upcoming, "Strategic")}
    assert items["Executive sponsor invited"].passed
    assert items["Value quantified"].passed
    assert str(items["Value quantified"].reason).endswith("in the ROI model")
    assert not items["Last QBR's actions reviewed"].passed

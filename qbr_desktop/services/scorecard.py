"""Gathering the prep scorecard's facts for an account's next QBR from the other services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qbr_desktop.domain.actions import ActionStatus
from qbr_desktop.domain.agenda import Focus
from qbr_desktop.domain.deck import SlidePlan, slide_count
from qbr_desktop.domain.roi_story import format_amount
from qbr_desktop.domain.scorecard import PrepFacts, ScoreItem, scorecard
from qbr_desktop.domain.stakeholders import DecisionRole

if TYPE_CHECKING:
    from qbr_desktop.services.context import AppContext

OPEN = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def prep_facts(context: AppContext, account_id: int, review_id: int, tier: str) -> PrepFacts:
    agenda = context.agendas.agenda(review_id).agenda
    timed = agenda.minutes_with(Focus.FORWARD) + agenda.minutes_with(Focus.BACKWARD)
    earlier = [item for item in context.agendas.follow_up(account_id).items
               if item.review_id is not None and item.review_id != review_id]
    people = context.stakeholders.map(account_id).people
    sponsors = [p for p in people if p.role is DecisionRole.EXECUTIVE_SPONSOR and not p.departed]
    invited = {entry.person_id for entry in context.stakeholders.attendance(review_id)
               if entry.invited}
    report = context.roi.report(account_id)
    total = report.result.total_value if report.stored else None
    return PrepFacts(
        forward_share=agenda.forward_share if timed else None,
        forward_target=context.agendas.forward_target(),
        slide_count=slide_count(_outline(context, account_id, tier)),
        earlier_actions_open=sum(item.status in OPEN for item in earlier),
        earlier_actions=len(earlier),
        sponsor_names=tuple(p.name for p in sponsors),
        sponsor_invited=any(p.id in invited for p in sponsors),
        value_total=total,
        value_text=format_amount(total, report.model.currency) if total is not None else "")


def _outline(context: AppContext, account_id: int, tier: str) -> tuple[SlidePlan, ...]:
    """The deck as it would be exported: the CSM's plan, less the slides left out for want
    of data (the variant's full outline can hold more kinds than a deck shows)."""
    return context.decks.content(context, account_id).outline


def prep_scorecard(context: AppContext, account_id: int, review_id: int,
                   tier: str) -> list[ScoreItem]:
    return scorecard(prep_facts(context, account_id, review_id, tier))

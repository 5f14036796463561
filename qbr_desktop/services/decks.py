"""An account's QBR deck: the CSM's saved choices, and the deck's content gathered from
every service so the PPTX, the brief and the handout show the same figures as the app.

Gathering collects what the services know (DeckFacts, private judgement included); the
audience boundary, domain.audience.deck, turns that into the customer's DeckContent, and
domain.audience.deck_briefing into the CSM's DeckBriefing. prepare() never fails for lack
of data: each thing the deck cannot show is one sentence in the briefing's `missing`, and
the slide says so in the customer's terms.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.actions import ActionItem, ActionStatus
from qbr_desktop.domain.attendance import executives
from qbr_desktop.domain.audience.deck import DeckFacts, ValueFacts, customer_map
from qbr_desktop.domain.audience.deck_briefing import prepared_deck
from qbr_desktop.domain.cadence import review_interval
from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.deck import (
    DeckContent,
    DeckVariant,
    ExpansionFigure,
    PreparedDeck,
    variant_for_tier,
)
from qbr_desktop.domain.deck_plan import (
    DeckPlan,
    apply_outline,
    plan_from_dict,
    plan_to_dict,
    validate_plan,
)
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.risks import RiskStatus
from qbr_desktop.domain.roi_story import format_figure, format_months
from qbr_desktop.domain.stakeholder_layout import saved_or_org_chart
from qbr_desktop.domain.stakeholders import StakeholderMap
from qbr_desktop.domain.tiers import effective_tier
from qbr_desktop.i18n import N_, Catalogue, catalogue, msg
from qbr_desktop.services.edit_checks import RowEdit, login_name, values_of
from qbr_desktop.services.plan_views import ReviewPlan
from qbr_desktop.services.roi import ExpansionRoi
from qbr_desktop.services.rows import account_row
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import DeckPlanRow

if TYPE_CHECKING:
    from qbr_desktop.services.context import AppContext

Clock = Callable[[], datetime]
OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class _Account:
    name: str
    tier: str
    currency: str
    csm_name: str
    renewal_date: date | None
    licensed_seats: int | None
    customer_since: date | None
    language: str


_PLAN_WORDS = {"variant": N_("deck variant"), "outline": N_("slide outline"),
               "accent": N_("accent colour"), "template": N_("deck template"),
               "shown_risks": N_("risks shown"), "hidden_risks": N_("risks left out")}
_PLAN_LISTS = ("roadmap", "priorities", "recommendations", "shown_risks", "hidden_risks")


class DeckService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock = _now,
                 user: Callable[[], str] | None = None) -> None:
        self._sessions = sessions
        self._clock = clock
        self._user = user or login_name

    # The saved plan --------------------------------------------------------------------
    def plan(self, account_id: int) -> DeckPlan:
        """The account's saved choices; a plan of defaults when none is saved."""
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            row = session.get(DeckPlanRow, account_id)
            document = row.document if row is not None else None
        return plan_from_dict(json.loads(document)) if document else DeckPlan()

    def save_plan(self, account_id: int, plan: DeckPlan, *,
                  seen: DeckPlan | None = None) -> DeckPlan:
        """Store the plan; ValidationFailed names every bad field and nothing is written.

        With `seen` (the plan as the person saw it), a choice a colleague changed since is
        refused with EditConflictError naming it, who and when; the roadmap, priorities,
        recommendations and risk choices are merged. Without it: "keep mine". Returns what
        is stored.
        """
        validate_plan(plan)
        plan_from_dict(plan_to_dict(plan))  # every rule, on exactly what is stored
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            row = session.get(DeckPlanRow, account_id)
            stored = plan_from_dict(json.loads(row.document)) if row else DeckPlan()
            edit = None if row is None else RowEdit(
                session, "deck_plan", account_id, row_by=row.updated_by, row_at=row.updated_at,
                labels=_PLAN_WORDS, merged=_PLAN_LISTS, subject=msg("the deck plan"))
            if edit is not None and seen is not None:
                plan = DeckPlan(**edit.settle(values_of(stored), values_of(seen),
                                              values_of(plan), stored))
                validate_plan(plan)
            if row is None:
                row = DeckPlanRow(account_id=account_id)
                session.add(row)
            row.document = json.dumps(plan_to_dict(plan), ensure_ascii=False, sort_keys=True)
            row.updated_at, row.updated_by = self._clock(), self._user()
            if edit is not None:
                edit.record(values_of(stored), values_of(plan), row.updated_by, row.updated_at)
            return plan

    # The deck's content ----------------------------------------------------------------
    def content(self, context: AppContext, account_id: int, *,
                variant: DeckVariant | None = None, today: date | None = None) -> DeckContent:
        """What the deck shows the customer about the account (customer-safe only)."""
        return self.prepare(context, account_id, variant=variant, today=today).content

    def prepare(self, context: AppContext, account_id: int, *,
                variant: DeckVariant | None = None, today: date | None = None) -> PreparedDeck:
        """The customer's content and the CSM's briefing, computed once for every writer.

        The slides draw the attendees and their reporting lines natively; the picture of
        the whole map (map_picture()) is drawn only for whoever asks for it."""
        return prepared_deck(self.facts(context, account_id, variant=variant, today=today))

    def facts(self, context: AppContext, account_id: int, *,
              variant: DeckVariant | None = None, today: date | None = None) -> DeckFacts:
        """Everything the services know about the account's coming review (internal)."""
        today = today or self._clock().astimezone().date()
        account = self._account(account_id)
        plan = self.plan(account_id)
        chosen = variant or plan.variant or variant_for_tier(account.tier)
        quarter = Quarter.containing(today)
        roi = context.roi.report(account_id, quarter)
        expansion, expansion_reason = _expansion(context, account_id, quarter,
                                                 catalogue(account.language))
        stakeholders = context.stakeholders.map(account_id)
        review_plan = context.plans.next_plan(account_id)
        next_review_id = review_plan.review_id if review_plan is not None else None
        attendance = (tuple(context.stakeholders.attendance(next_review_id))
                      if next_review_id is not None else ())
        actions, reviewed = _actions(context, account_id, next_review_id, self._clock())
        history = context.insights.history(account_id)
        return DeckFacts(
            account_name=account.name, tier=account.tier, currency=account.currency,
            csm_name=account.csm_name, variant=chosen, outline=apply_outline(plan, chosen),
            quarter=quarter, today=today, plan=plan,
            health=context.insights.health(account_id).report,
            benchmark=context.insights.benchmark(account_id),
            value=ValueFacts(roi.result, roi.scenarios, roi.story_text, roi.story_stale,
                             roi.stored, roi.carried_from),
            expansion=expansion, expansion_reason=expansion_reason,
            open_risks=tuple(item for item in context.risks.items(account_id)
                             if item.status is RiskStatus.OPEN),
            stakeholders=stakeholders, attendance=attendance, actions=actions,
            last_actions_reviewed=reviewed,
            executive_attending=bool(executives(stakeholders.people, attendance, "confirmed")),
            meeting_date=review_plan.meeting_day if review_plan is not None else None,
            next_qbr=_next_qbr(context, account_id, account.tier, review_plan),
            scheduled=review_plan is not None, history=history,
            agenda=_agenda(context, next_review_id),
            meeting_start=review_plan.local_start if review_plan is not None else None,
            time_zone=review_plan.time_zone if review_plan is not None else "",
            duration_minutes=review_plan.duration_minutes if review_plan is not None else 0,
            renewal_date=account.renewal_date, licensed_seats=account.licensed_seats,
            customer_since=account.customer_since, language=account.language)

    def _account(self, account_id: int) -> _Account:
        with session_scope(self._sessions) as session:
            row = account_row(session, account_id)
            tier = effective_tier(row.arr, row.tier_override, read_tier_scheme(session))
            return _Account(row.name, tier, row.currency, row.csm_owner, row.renewal_date,
                            row.licensed_seats, row.customer_since, row.language)

    def map_picture(self, context: AppContext, account_id: int,
                    today: date | None = None) -> bytes | None:
        """The whole stakeholder map as a customer may see it, as a PNG; None without
        people. Slow (Qt draws and encodes it): only for a writer that asks."""
        stakeholders = context.stakeholders.map(account_id)
        if not stakeholders.people:
            return None
        account = self._account(account_id)
        return _map_picture(stakeholders, account.name, catalogue(account.language),
                            today or self._clock().astimezone().date())


def _expansion_figure(item: ExpansionRoi, book: Catalogue) -> ExpansionFigure:
    roi = item.result.roi
    roi_text = format_figure(roi, book)
    if roi.value is None and roi.reason:
        roi_text = book.gettext("n/a — {reason}", reason=book.gettext(roi.reason))
    title = item.title_words.render(book) if item.title_words else item.title
    basis = item.basis_words.render(book) if item.basis_words else item.basis
    return ExpansionFigure(title, item.case.added_annual_cost,
                           item.case.projected_annual_value, roi_text,
                           format_months(item.result.payback_months, book), basis)


def _agenda(context: AppContext, review_id: int | None) -> tuple[str, ...]:
    """The coming meeting's section titles, as stored or as its template would give them
    (read only: gathering a deck writes nothing)."""
    if review_id is None:
        return ()
    return tuple(section.title for section in context.agendas.peek(review_id).sections)


def _expansion(context: AppContext, account_id: int, quarter: Quarter,
               book: Catalogue) -> tuple[tuple[ExpansionFigure, ...], str]:
    items, reason = context.roi.expansion(account_id, quarter, book)
    return tuple(_expansion_figure(item, book) for item in items), reason or ""


def _map_picture(stakeholders: StakeholderMap, name: str, book: Catalogue,
                 today: date) -> bytes:
    """The customer's picture of the map: its title and legend in the account's language."""
    from qbr_desktop.exports.map_image import map_png  # Qt only when drawn

    shown = customer_map(stakeholders)
    return map_png(shown, saved_or_org_chart(shown.people), today,
                   book.gettext("{name}: who we work with", name=name), internal=False,
                   book=book)


# Commitments and dates -----------------------------------------------------------------------
def _actions(context: AppContext, account_id: int, next_review_id: int | None,
             now: datetime) -> tuple[tuple[ActionItem, ...], bool]:
    """The open action items and the latest held review's, and whether every item from an
    earlier review is done or dropped."""
    reviews = context.stakeholders.reviews(account_id)  # the latest first
    earlier = {choice.review_id for choice in reviews
               if choice.status is not ReviewStatus.CANCELLED
               and choice.review_id != next_review_id
               and (choice.status is ReviewStatus.HELD or choice.scheduled_at <= now)}
    latest = next((choice.review_id for choice in reviews if choice.review_id in earlier), None)
    items = context.agendas.follow_up(account_id).items

    def wanted(item: ActionItem) -> bool:
        if item.status is ActionStatus.DROPPED:
            return False
        return item.status in OPEN_STATUSES or (latest is not None and item.review_id == latest)

    reviewed = not any(item.review_id in earlier and item.status in OPEN_STATUSES
                       for item in items)
    return tuple(item for item in items if wanted(item)), reviewed


def _next_qbr(context: AppContext, account_id: int, tier: str,
              review_plan: ReviewPlan | None) -> date | None:
    """The review after the coming one: planned when there is one, else at the tier's
    cadence."""
    if review_plan is None:
        return None
    later = [choice for choice in context.stakeholders.reviews(account_id)
             if choice.status is ReviewStatus.PLANNED
             and choice.scheduled_at > review_plan.meeting_at]
    if later:
        return min(later, key=lambda c: c.scheduled_at).scheduled_at.astimezone().date()
    expected, _latest = review_interval(tier)
    return review_plan.meeting_day + timedelta(days=expected)

"""The CSM's briefing on a deck: what the deck cannot show yet, and why.

deck_briefing() gives the CSM alone what the Deck tab, the CLI and the presenter's notes
say about the same deck: the tier, the band, what is missing and where to fill it in.

It is internal by nature and apart from the customer's content (domain.audience.deck):
it reads that module to say what the customer will and will not see, and that module
never reads this one, so nothing of the briefing can reach a customer file through it.
"""

from __future__ import annotations

from qbr_desktop.domain.audience.deck import (
    ADOPTION_CHART,
    DeckFacts,
    arranged_deck,
    claims_value,
    customer_actions,
    customer_risks,
)
from qbr_desktop.domain.audience.deck_figures import quarter_words
from qbr_desktop.domain.audience.presenter import BAND_STATUS
from qbr_desktop.domain.deck import DeckBriefing, PreparedDeck, SlideKind, main_slides
from qbr_desktop.domain.deck_plan import clean_items
from qbr_desktop.domain.slide_kinds import Arranged
from qbr_desktop.i18n import Message, msg, msg_plural


def prepared_deck(facts: DeckFacts) -> PreparedDeck:
    """The customer's content and the CSM's briefing, computed once."""
    content, left_out = arranged_deck(facts)
    return PreparedDeck(content, deck_briefing(facts, left_out))


def deck_briefing(facts: DeckFacts, left_out: Arranged | None = None) -> DeckBriefing:
    """What the Deck tab, the CLI and the presenter's notes may say that the customer must
    not read: the tier, the health band, each thing the deck cannot show yet with where to
    fill it in, and each slide left out of this deck with why."""
    current = facts.health.current
    band = current.band if current is not None else None
    if left_out is None:
        left_out = arranged_deck(facts)[1]
    return DeckBriefing(
        tier=facts.tier, health_status=BAND_STATUS[band] if band is not None else "",
        last_actions_reviewed=facts.last_actions_reviewed,
        executive_attending=facts.executive_attending, missing=tuple(_missing(facts)),
        omitted=left_out.left_out, omitted_slides=left_out.left_out_slides)


def _missing(facts: DeckFacts) -> list[Message]:
    shown = {slide.kind for slide in main_slides(facts.outline)}
    words = quarter_words(facts.quarter)
    missing: list[Message] = []
    current = facts.health.current
    if current is None or current.total is None:
        missing.append(msg("No health score yet: no quarter has enough metrics to score, so "
                           "the summary shows no health figure and there is no health chart."))
    metrics = {m.key: m for m in facts.benchmark.metrics} if facts.benchmark else {}
    rates = [metrics[key] for key, _label in ADOPTION_CHART
             if key in metrics and metrics[key].value is not None]
    if not rates:
        missing.append(msg("No usage metrics yet: there are no figures to compare with peers."))
    elif all(metric.cohort_median is None for metric in rates):
        missing.append(msg("No peer has comparable usage data: the adoption chart shows this "
                           "account alone."))
    value = facts.value
    if value.result is None or (not value.stored and value.carried_from is None):
        missing.append(msg("No ROI model for {quarter} yet: the deck shows usage only.",
                           quarter=words))
    elif not claims_value(value):
        missing.append(msg("The ROI model for {quarter} claims no value yet: the deck shows "
                           "usage only.", quarter=words))
    else:
        if value.carried_from is not None:
            missing.append(msg("The ROI figures are carried over from {earlier}: review them "
                               "for {quarter}.", earlier=quarter_words(value.carried_from),
                               quarter=words))
        if value.story_stale:
            missing.append(msg("The value story no longer matches the ROI model: {reason}",
                               reason=value.story_stale[0]))
    if not facts.expansion and SlideKind.EXPANSION in shown:
        reason = facts.expansion_reason
        lowered = reason[:1].lower() + reason[1:]
        missing.append(msg("No expansion opportunity to show: {reason}", reason=lowered)
                       if reason else msg("No expansion opportunity to show."))
    left_off = len(facts.open_risks) - len(customer_risks(facts.open_risks, facts.plan))
    if left_off:
        missing.append(msg_plural(
            "{count} open risk is left off the customer's risks slide: tick it under 'Risks "
            "on the slide' in the Deck tab to show it.",
            "{count} open risks are left off the customer's risks slide: tick them under "
            "'Risks on the slide' in the Deck tab to show them.", left_off))
    if facts.stakeholders is None or not facts.stakeholders.people:
        missing.append(msg("Nobody is on the stakeholder map yet: the deck names nobody."))
    if not facts.scheduled:
        missing.append(msg("No QBR is scheduled: the deck has no meeting date and no "
                           "confirmed attendees (Prep timeline tab, or qbr schedule)."))
    elif not facts.attendance:
        missing.append(msg("No attendance is recorded for the next QBR: the stakeholders "
                           "slide cannot mark who is coming."))
    if not customer_actions(facts.actions, facts.today):
        missing.append(msg("No action items are recorded yet."))
    if SlideKind.ROADMAP in shown and not clean_items(facts.plan.roadmap):
        missing.append(msg("No roadmap items are saved: add them to the deck plan (write "
                           "'item → goal' to tie one to a goal)."))
    if SlideKind.RECOMMENDATIONS in shown and not clean_items(facts.plan.priorities):
        missing.append(msg("No priorities for next quarter are saved: add them to the deck "
                           "plan."))
    return missing

"""What only the presenter's speaker notes add to a slide's talking points: the health band,
whether an executive attends, whether last QBR's actions are reviewed, and which slides were
left out and why (the CSM's briefing, never a slide's text).

The notes travel inside the deck, so they are written in the account's language: every point
is rendered with the deck's catalogue, the briefing's reasons included.
"""

from __future__ import annotations

from qbr_desktop.domain.deck import DeckBriefing, SlideKind
from qbr_desktop.domain.health import Band
from qbr_desktop.i18n import Catalogue, Message, msg, msg_in_context

# The band as the briefing keeps it (an English word), and as the notes say it.
BAND_WORDS: dict[Band, Message] = {
    Band.GREEN: msg_in_context("health band", "healthy"),
    Band.YELLOW: msg_in_context("health band", "watch"),
    Band.RED: msg_in_context("health band", "at risk")}
BAND_STATUS = {band: words.template for band, words in BAND_WORDS.items()}


def band_words(status: str, book: Catalogue) -> str:
    """'healthy' in the catalogue's language (a status the briefing does not know stays)."""
    return next((words.render(book) for words in BAND_WORDS.values()
                 if words.template == status), status)


def presenter_points(kind: SlideKind | None, briefing: DeckBriefing,
                     book: Catalogue) -> list[str]:
    """What only the presenter's notes may add to a slide's talking points."""
    points: list[Message] = []
    if kind is SlideKind.SUMMARY and briefing.health_status:
        points.append(msg("For you, not the room: the health band is {band}.",
                          band=band_words(briefing.health_status, book)))
    elif kind is SlideKind.STAKEHOLDERS:
        points.append(msg("An executive is confirmed to attend.") if briefing.executive_attending
                      else msg("No executive confirmed to attend."))
    elif kind is SlideKind.ACTIONS:
        points.append(msg("Last QBR's actions are reviewed.") if briefing.last_actions_reviewed
                      else msg("Last QBR's actions are not all reviewed yet: say so."))
    elif kind is SlideKind.TOPICS:
        points += [msg("Left out of this deck: {reason}", reason=reason)
                   for reason in briefing.omitted]
    return [point.render(book) for point in points]

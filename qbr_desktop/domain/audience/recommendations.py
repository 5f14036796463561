"""Recommendations drafted from the numbers when the CSM has written none: a few plain
sentences about what the customer's teams can do, never about our score or its parts."""

from __future__ import annotations

from collections.abc import Sequence

from qbr_desktop.domain.deck import ExpansionFigure
from qbr_desktop.domain.health import Dimension, HealthReport
from qbr_desktop.domain.roi_story import format_amount
from qbr_desktop.i18n import ENGLISH, N_, Catalogue, catalogue

MAX_RECOMMENDATIONS = 5

# A dimension of the health score that is low, as a recommendation the customer can act
# on: about their teams' work, never about our score or its parts.
DIMENSION_RECOMMENDATIONS: dict[Dimension, str] = {
    Dimension.ADOPTION: N_("Put more of the product to work: plan enablement for the features "
                           "your teams use least."),
    Dimension.COVERAGE: N_("Bring more of your licensed users on board, starting with the teams "
                           "not active yet."),
    Dimension.ENGAGEMENT: N_("Make the product part of the weekly routine: agree which workflows "
                             "move into it next quarter."),
    Dimension.SUPPORT: N_("Cut the time lost to support issues: review the most frequent ticket "
                          "topics together and fix their causes."),
    Dimension.SENTIMENT: N_("Hear what your users need: agree how we collect their feedback and "
                            "act on the top three points."),
    Dimension.RELATIONSHIP: N_("Keep leadership close to the programme with a short executive "
                               "check-in each quarter."),
}
DIMENSION_FALLS: dict[Dimension, str] = {
    Dimension.ADOPTION: N_("Feature use fell last quarter: agree one change that brings it back."),
    Dimension.COVERAGE: N_("Fewer licensed users were active last quarter: agree how to bring "
                           "them back."),
    Dimension.ENGAGEMENT: N_("People logged in less often last quarter: agree one change that "
                             "brings them back."),
    Dimension.SUPPORT: N_("Support needs grew last quarter: review the causes together."),
    Dimension.SENTIMENT: N_("Feedback from your users was less positive last quarter: agree how "
                            "we answer it."),
    Dimension.RELATIONSHIP: N_("Executive contact was thinner last quarter: agree a regular "
                               "check-in."),
}
KEEP_MOMENTUM = N_("Keep the momentum: agree next quarter's success measures and review them "
                 "together at the next QBR.")


def drafted_recommendations(report: HealthReport, expansion: Sequence[ExpansionFigure],
                            currency: str, book: Catalogue | None = None) -> tuple[str, ...]:
    """A few plain sentences from what the numbers show, for the CSM to edit, worded for
    the customer: what their teams can do, never our score's parts."""
    book = book if book is not None else catalogue(ENGLISH)
    drafted = [DIMENSION_FALLS[mover.dimension] for mover in report.movers
               if mover.dimension is not None and mover.change < 0]
    weakest = _weakest_dimension(report)
    if weakest is not None and not drafted:
        drafted.append(DIMENSION_RECOMMENDATIONS[weakest])
    if expansion:
        best = expansion[0]
        # Expansion titles are imperatives ("Add Advanced Analytics"): they lead the line.
        drafted.append(book.gettext(
            "{option}: about {value} of value a year for {cost} more, at today's return "
            "(payback {payback}).", option=best.title,
            value=format_amount(best.annual_value, currency),
            cost=format_amount(best.added_cost, currency), payback=best.payback))
    if not drafted:
        drafted.append(KEEP_MOMENTUM)
    return tuple(dict.fromkeys(book.gettext(text) for text in drafted))[:MAX_RECOMMENDATIONS]


def _weakest_dimension(report: HealthReport) -> Dimension | None:
    if report.current is None:
        return None
    scored = [(d.score, d.dimension) for d in report.current.dimensions
              if d.score is not None and d.score < 70]
    return min(scored, key=lambda pair: pair[0])[1] if scored else None



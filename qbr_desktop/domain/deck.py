"""The QBR deck as data: which slides, in what order, for which kind of review, and the
account's figures each slide shows. The PPTX and PDF writers render a DeckContent; they do
not read the store, so the deck and the brief always carry the same numbers.

Outline (the reference's structure): title; executive summary; success metrics and
outcomes; adoption against peers; roadmap; recommendations and priorities; risks and
opportunities; stakeholders and attendees; action items and commitments; next QBR; with
optional backup slides (appendix, expansion one-pager). A Strategic executive review is not
a Core digital review: the variant changes the slides, their depth and their tone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

MAX_MAIN_SLIDES = 12
MIN_MAIN_SLIDES = 10


class DeckVariant(StrEnum):
    EXECUTIVE = "executive"  # Strategic: an executive business review
    STANDARD = "standard"  # Growth: the quarterly business review
    DIGITAL = "digital"  # Core: a short digital review

    @property
    def words(self) -> str:
        return {DeckVariant.EXECUTIVE: "Executive business review",
                DeckVariant.STANDARD: "Quarterly business review",
                DeckVariant.DIGITAL: "Digital business review"}[self]


TIER_VARIANTS = {"Strategic": DeckVariant.EXECUTIVE, "Enterprise": DeckVariant.EXECUTIVE,
                 "Growth": DeckVariant.STANDARD, "Mid-Market": DeckVariant.STANDARD}


def variant_for_tier(tier: str) -> DeckVariant:
    return TIER_VARIANTS.get(tier, DeckVariant.DIGITAL)


class SlideKind(StrEnum):
    TITLE = "title"
    SUMMARY = "executive summary"
    OUTCOMES = "success metrics and outcomes"
    VALUE_STORY = "value story"
    ADOPTION = "usage and adoption"
    ROADMAP = "roadmap"
    RECOMMENDATIONS = "recommendations and priorities"
    RISKS = "risks and opportunities"
    STAKEHOLDERS = "stakeholders and attendees"
    ACTIONS = "action items and commitments"
    NEXT_QBR = "next QBR"
    APPENDIX = "appendix: metric detail"
    EXPANSION = "expansion one-pager"

    @property
    def forward_looking(self) -> bool:
        return self in FORWARD_SLIDES


FORWARD_SLIDES = frozenset({SlideKind.ROADMAP, SlideKind.RECOMMENDATIONS, SlideKind.ACTIONS,
                            SlideKind.NEXT_QBR, SlideKind.EXPANSION})

# What a customer reads where a slide or PDF section has nothing to show. Written for the
# people in the room, not for the CSM: no instructions, no internal terms ("ROI model",
# "deck plan"), and nothing that sounds like an apology.
ABSENT: dict[SlideKind, str] = {
    SlideKind.SUMMARY: "No health score is available for this quarter yet.",
    SlideKind.OUTCOMES: "Value figures for this quarter are not available yet.",
    SlideKind.VALUE_STORY: "The value story for this quarter is still to be written.",
    SlideKind.ADOPTION: "Usage figures for this quarter are not available yet.",
    SlideKind.ROADMAP: "Roadmap items are to be agreed together.",
    SlideKind.RECOMMENDATIONS: "Recommendations and priorities are to be agreed together.",
    # True whether or not the register holds items the CSM keeps to themselves.
    SlideKind.RISKS: "Open for discussion: what could help or hold back your goals.",
    SlideKind.STAKEHOLDERS: "The people involved on both sides are to be confirmed.",
    SlideKind.ACTIONS: "No action items are open; new ones are to be agreed together.",
    SlideKind.NEXT_QBR: "To be scheduled",
    SlideKind.EXPANSION: "No expansion options are proposed this quarter.",
    SlideKind.APPENDIX: "No metric history is available yet.",
}
NO_PRIORITIES = "Priorities are to be agreed together."


@dataclass(frozen=True, slots=True)
class SlidePlan:
    kind: SlideKind
    title: str
    shown: bool = True
    backup: bool = False  # after the closing slide, as appendix material


def _plan(kind: SlideKind, title: str, *, backup: bool = False) -> SlidePlan:
    return SlidePlan(kind, title, True, backup)


OUTLINES: dict[DeckVariant, tuple[SlidePlan, ...]] = {
    DeckVariant.EXECUTIVE: (
        _plan(SlideKind.TITLE, "Executive business review"),
        _plan(SlideKind.SUMMARY, "Executive summary"),
        _plan(SlideKind.OUTCOMES, "Business outcomes and return"),
        _plan(SlideKind.VALUE_STORY, "The value in your words"),
        _plan(SlideKind.ADOPTION, "Adoption against your peers"),
        _plan(SlideKind.ROADMAP, "Roadmap aligned to your goals"),
        _plan(SlideKind.RECOMMENDATIONS, "Recommendations and next-quarter priorities"),
        _plan(SlideKind.RISKS, "Risks and opportunities"),
        _plan(SlideKind.STAKEHOLDERS, "Who we work with"),
        _plan(SlideKind.ACTIONS, "Mutual commitments"),
        _plan(SlideKind.NEXT_QBR, "Next review"),
        _plan(SlideKind.EXPANSION, "Growing the partnership", backup=True),
        _plan(SlideKind.APPENDIX, "Appendix: metric detail", backup=True),
    ),
    DeckVariant.STANDARD: (
        _plan(SlideKind.TITLE, "Quarterly business review"),
        _plan(SlideKind.SUMMARY, "Summary"),
        _plan(SlideKind.OUTCOMES, "Outcomes and value delivered"),
        _plan(SlideKind.ADOPTION, "Usage and adoption"),
        _plan(SlideKind.ROADMAP, "What's coming"),
        _plan(SlideKind.RECOMMENDATIONS, "Recommendations and priorities"),
        _plan(SlideKind.RISKS, "Risks and opportunities"),
        _plan(SlideKind.STAKEHOLDERS, "Attendees"),
        _plan(SlideKind.ACTIONS, "Action items"),
        _plan(SlideKind.NEXT_QBR, "Next review"),
        _plan(SlideKind.APPENDIX, "Appendix: metric detail", backup=True),
    ),
    DeckVariant.DIGITAL: (
        _plan(SlideKind.TITLE, "Digital business review"),
        _plan(SlideKind.SUMMARY, "Your quarter at a glance"),
        _plan(SlideKind.OUTCOMES, "Value delivered"),
        _plan(SlideKind.ADOPTION, "Usage and adoption"),
        _plan(SlideKind.ROADMAP, "What's new and next"),
        _plan(SlideKind.RECOMMENDATIONS, "Recommendations"),
        _plan(SlideKind.RISKS, "Watch-outs and opportunities"),
        _plan(SlideKind.STAKEHOLDERS, "Your team"),
        _plan(SlideKind.ACTIONS, "Next steps"),
        _plan(SlideKind.NEXT_QBR, "Next review"),
    ),
}


def default_outline(variant: DeckVariant) -> tuple[SlidePlan, ...]:
    return OUTLINES[variant]


def main_slides(outline: Sequence[SlidePlan]) -> list[SlidePlan]:
    """The slides presented in the meeting: shown and not backup."""
    return [slide for slide in outline if slide.shown and not slide.backup]


def slide_count(outline: Sequence[SlidePlan]) -> int:
    return len(main_slides(outline))


# The figures the slides show -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Series:
    """One chart series: a name and values in the order of the chart's categories."""

    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True, slots=True)
class ChartData:
    """Enough for a native PowerPoint chart and a matplotlib one alike."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    kind: str = "bar"  # "bar", "line" or "column_stacked"
    number_format: str = "0"  # Excel-style, e.g. '"$"#,##0' or '0%'
    unit: str = ""  # shown in the axis title, e.g. "USD" or "%"


@dataclass(frozen=True, slots=True)
class ValueLineFigure:
    label: str
    category: str
    annual_value: Decimal  # below zero: a cost increase
    confidence: str


@dataclass(frozen=True, slots=True)
class RiskFigure:
    title: str
    kind: str  # "risk" or "opportunity"
    likelihood: int  # 1–5
    impact: int  # 1–5


@dataclass(frozen=True, slots=True)
class PersonFigure:
    """A person as the customer may see them: no role in the decision, no sentiment."""

    name: str
    title: str
    attending: bool = False


@dataclass(frozen=True, slots=True)
class ActionFigure:
    text: str
    side: str  # "ours" or "theirs"
    owner: str
    due: date | None
    status: str  # "open", "in progress", "done" or "overdue"

    @property
    def is_open(self) -> bool:
        return self.status in ("open", "in progress", "overdue")


@dataclass(frozen=True, slots=True)
class ExpansionFigure:
    title: str
    added_cost: Decimal
    annual_value: Decimal
    roi: str  # formatted, or "n/a — reason"
    payback: str


@dataclass(frozen=True, slots=True)
class DeckContent:
    """Everything the deck says about one account, already computed and formatted where
    the words matter ("$90,000", "340%"): customer-safe content only.

    It is made by domain.audience.deck.customer_deck, the one place that decides what
    crosses the audience boundary, and every writer of a file the customer receives (the
    slides, the brief, the handout, the share email) reads this and nothing else. What
    only the CSM may see (the tier, the health band, what is missing and where to fill it
    in) is in DeckBriefing. A slide or section with nothing to show says so in the
    customer's terms (ABSENT) instead of drawing an empty chart."""

    account_name: str
    variant: DeckVariant
    quarter: str  # "2026 Q4"
    prepared_on: date
    csm_name: str
    currency: str
    outline: tuple[SlidePlan, ...]
    meeting_date: date | None = None
    next_qbr: date | None = None
    # Health and adoption
    health_score: float | None = None  # 0–100
    health_trend: str = ""  # e.g. "up 6 points since last quarter"
    health_chart: ChartData | None = None  # score by quarter
    adoption_chart: ChartData | None = None  # the account against its peer median
    adoption_notes: tuple[str, ...] = ()  # "Feature adoption: 72% (peer median 64%)", …
    # Value
    value_headline: str = ""  # "$621,036 a year · ROI 161% · payback 4.6 months"
    total_value: Decimal | None = None
    roi_text: str = ""
    payback_text: str = ""
    value_lines: tuple[ValueLineFigure, ...] = ()
    value_chart: ChartData | None = None  # value by category
    scenario_chart: ChartData | None = None  # ROI by scenario
    value_story: str = ""
    # Forward-looking
    priorities: tuple[str, ...] = ()
    roadmap: tuple[str, ...] = ()
    recommendations: tuple[str, ...] = ()
    risks: tuple[RiskFigure, ...] = ()
    expansion: tuple[ExpansionFigure, ...] = ()
    # People and commitments
    stakeholders: tuple[PersonFigure, ...] = ()
    stakeholder_map_png: bytes | None = None  # the map picture, when there is a map
    actions: tuple[ActionFigure, ...] = ()

    def with_outline(self, outline: Sequence[SlidePlan]) -> DeckContent:
        return replace(self, outline=tuple(outline))


@dataclass(frozen=True, slots=True)
class DeckBriefing:
    """What the CSM knows about the deck that the customer must not read: for the Deck
    tab, the CLI and the presenter's own speaker notes, never for a customer's file."""

    tier: str = ""
    health_status: str = ""  # "healthy", "watch", "at risk"
    last_actions_reviewed: bool = False
    executive_attending: bool = False
    missing: tuple[str, ...] = field(default=())  # "No ROI model for 2026 Q4 yet…"


@dataclass(frozen=True, slots=True)
class PreparedDeck:
    """A deck's customer content and the CSM's briefing about it, made together."""

    content: DeckContent
    briefing: DeckBriefing


@dataclass(frozen=True, slots=True)
class DeckCheck:
    ok: bool
    message: str


VANITY_ONLY = "vanity"


def check_deck(content: DeckContent, briefing: DeckBriefing) -> list[DeckCheck]:
    """The reference's anti-patterns, each pass or warn with the reason."""
    slides = main_slides(content.outline)
    count = len(slides)
    checks = [DeckCheck(count <= MAX_MAIN_SLIDES,
                        f"{count} slides in the meeting" + (
                            "" if count <= MAX_MAIN_SLIDES else
                            f": more than {MAX_MAIN_SLIDES}; move detail to backup slides"))]
    forward = [s for s in slides if s.kind.forward_looking]
    checks.append(DeckCheck(bool(forward), f"{len(forward)} forward-looking slides" if forward
                            else "Nothing looks forward: add the roadmap or recommendations"))
    has_outcomes = any(s.kind in (SlideKind.OUTCOMES, SlideKind.VALUE_STORY) for s in slides)
    quantified = content.total_value is not None and content.total_value > 0
    checks.append(DeckCheck(has_outcomes and quantified,
                            "Business outcomes are quantified" if has_outcomes and quantified
                            else "Only usage figures: add the value delivered (ROI tab) so "
                                 "the deck shows outcomes, not vanity metrics"))
    has_actions = any(s.kind is SlideKind.ACTIONS for s in slides) and bool(content.actions)
    checks.append(DeckCheck(has_actions, "Action items are on a slide" if has_actions
                            else "No action items: the meeting should end with commitments"))
    checks.append(DeckCheck(briefing.executive_attending,
                            "An executive is confirmed to attend" if briefing.executive_attending
                            else "No executive confirmed to attend (Stakeholders › Attendance)"))
    checks.append(DeckCheck(briefing.last_actions_reviewed,
                            "Last QBR's action items are reviewed" if briefing.last_actions_reviewed
                            else "Last QBR's action items are still open or unreviewed"))
    return checks

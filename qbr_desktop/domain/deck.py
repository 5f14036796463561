"""The QBR deck as data: which slides, in what order, for which kind of review, and the
account's figures each slide shows. The PPTX and PDF writers render a DeckContent; they do
not read the store, so the deck and the brief always carry the same numbers.

The slide kinds are declared once, in domain.slide_kinds (its title per variant, where it
sits in each variant, when it has nothing to say, what the thumbnail sketches); every
renderer reads that table. A slide with nothing to say is left out of the deck (the CSM's
briefing says why), or folded into a short "Topics for today" list: no customer file
carries a placeholder sentence. A Strategic executive review is not a Core digital review:
the variant changes the slides, their depth and their tone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from qbr_desktop.domain.customer_words import day_words as day_words
from qbr_desktop.domain.customer_words import weekday_words as weekday_words
from qbr_desktop.i18n import ENGLISH, N_, Catalogue, Message, msg, msg_plural

MAX_MAIN_SLIDES = 12
MIN_MAIN_SLIDES = 10


class DeckVariant(StrEnum):
    EXECUTIVE = "executive"  # Strategic: an executive business review
    STANDARD = "standard"  # Growth: the quarterly business review
    DIGITAL = "digital"  # Core: a short digital review

    @property
    def words(self) -> str:
        return {DeckVariant.EXECUTIVE: N_("Executive business review"),
                DeckVariant.STANDARD: N_("Quarterly business review"),
                DeckVariant.DIGITAL: N_("Digital business review")}[self]


TIER_VARIANTS = {"Strategic": DeckVariant.EXECUTIVE, "Enterprise": DeckVariant.EXECUTIVE,
                 "Growth": DeckVariant.STANDARD, "Mid-Market": DeckVariant.STANDARD}


def variant_for_tier(tier: str) -> DeckVariant:
    return TIER_VARIANTS.get(tier, DeckVariant.DIGITAL)


class SlideKind(StrEnum):
    TITLE = "title"
    AGENDA = "agenda"
    SUMMARY = "executive summary"
    GOALS = "goals and progress"
    OUTCOMES = "success metrics and outcomes"
    VALUE_STORY = "value story"
    USAGE = "usage and adoption trend"
    ADOPTION = "usage and adoption"  # against peers; the stored name predates the trend
    SUPPORT = "support summary"
    ROADMAP = "roadmap"
    RECOMMENDATIONS = "recommendations and priorities"
    RISKS = "risks and opportunities"
    RENEWAL = "renewal and contract"
    STAKEHOLDERS = "stakeholders and attendees"
    TOPICS = "topics for today"
    ACTIONS = "action items and commitments"
    NEXT_QBR = "next QBR"
    EXPANSION = "expansion one-pager"
    APPENDIX = "appendix: metric detail"

    @property
    def forward_looking(self) -> bool:
        from qbr_desktop.domain.slide_kinds import SPECS

        return SPECS[self].forward




@dataclass(frozen=True, slots=True)
class SlidePlan:
    kind: SlideKind
    title: str
    shown: bool = True
    backup: bool = False  # after the closing slide, as appendix material
    # Shown by the CSM but with nothing to say for this account: not written (the
    # briefing says why; some fold into the "Topics for today" slide).
    omitted: bool = False


def default_outline(variant: DeckVariant) -> tuple[SlidePlan, ...]:
    """The variant's slides in order, and every other kind after them, hidden."""
    from qbr_desktop.domain.slide_kinds import outline_for

    return outline_for(variant)


def written(slide: SlidePlan) -> bool:
    return slide.shown and not slide.omitted


def main_slides(outline: Sequence[SlidePlan]) -> list[SlidePlan]:
    """The slides presented in the meeting: shown, with something to say, not backup."""
    return [slide for slide in outline if written(slide) and not slide.backup]


def backup_slides(outline: Sequence[SlidePlan]) -> list[SlidePlan]:
    return [slide for slide in outline if written(slide) and slide.backup]


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
    # The value axis's range when it must not follow the data: health is 0–100 on every
    # deck, shares 0–100 %, so two decks' charts read alike.
    axis_min: float | None = None
    axis_max: float | None = None


@dataclass(frozen=True, slots=True)
class KpiFigure:
    """One big number on a card: '82 / 100' over 'Health score' and a short detail."""

    value: str
    label: str
    detail: str = ""


def card_lines(cards: Sequence[KpiFigure], book: Catalogue) -> list[str]:
    """'Label: value (detail)' for each card, in the catalogue's language."""
    return [book.gettext("{label}: {value} ({detail})", label=c.label, value=c.value,
                         detail=c.detail) if c.detail
            else book.gettext("{label}: {value}", label=c.label, value=c.value)
            for c in cards]


@dataclass(frozen=True, slots=True)
class ValueLineFigure:
    label: str
    category: str
    annual_value: Decimal  # below zero: a cost increase
    confidence: str
    basis: str = ""  # "annualised from 2026 Q3" or "over a year"
    credit: str = ""  # "credited from pipeline", "attributed share of revenue", or ""


@dataclass(frozen=True, slots=True)
class GoalFigure:
    """One value line's goal: where it started, where it is, where it is going."""

    label: str
    baseline: str
    current: str
    target: str
    progress: float | None  # share of the way from baseline to target; may pass 1


@dataclass(frozen=True, slots=True)
class RiskFigure:
    title: str
    kind: str  # "risk" or "opportunity"
    likelihood: int  # 1–5
    impact: int  # 1–5


@dataclass(frozen=True, slots=True)
class PersonFigure:
    """A person as the customer may see them: no role in the decision, no sentiment.
    `key` numbers the people of one deck; `manager` is the key of whom they report to."""

    name: str
    title: str
    attending: bool = False
    key: int = 0
    manager: int | None = None


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


# An action's status as the customer reads it (the catalogue's key for each stored word).
STATUS_WORDS = {"open": N_("open"), "in progress": N_("in progress"), "done": N_("done"),
                "overdue": N_("overdue")}


@dataclass(frozen=True, slots=True)
class ExpansionFigure:
    title: str
    added_cost: Decimal
    annual_value: Decimal
    roi: str  # formatted, or "n/a — reason"
    payback: str
    basis: str = ""  # how its value is projected: each option says its own


@dataclass(frozen=True, slots=True)
class RenewalFigure:
    """The contract as the customer holds it, shown when the renewal is near."""

    renewal_date: date
    days_after_meeting: int  # below zero: the renewal date is before the meeting
    seats: int | None
    cards: tuple[KpiFigure, ...] = ()
    points: tuple[str, ...] = ()  # what to settle before the renewal


@dataclass(frozen=True, slots=True)
class DeckContent:
    """Everything the deck says about one account, already computed and formatted where
    the words matter ("$90,000", "340%"): customer-safe content only.

    It is made by domain.audience.deck.customer_deck, the one place that decides what
    crosses the audience boundary, and every writer of a file the customer receives (the
    slides, the brief, the handout, the share email) reads this and nothing else. What
    only the CSM may see (the tier, the health band, what is missing and where to fill it
    in) is in DeckBriefing."""

    account_name: str
    variant: DeckVariant
    quarter: str  # "2026 Q4"
    prepared_on: date
    csm_name: str
    currency: str
    outline: tuple[SlidePlan, ...]
    meeting_date: date | None = None
    next_qbr: date | None = None
    meeting_words: str = ""  # "Mon 14 Dec 2026 · 10:00 Europe/Stockholm · 90 minutes"
    agenda: tuple[str, ...] = ()  # the meeting's sections, in order
    summary_cards: tuple[KpiFigure, ...] = ()
    # Health and adoption
    health_score: float | None = None  # 0–100
    health_trend: str = ""  # e.g. "up 6 points since last quarter"
    health_chart: ChartData | None = None  # score by quarter
    adoption_chart: ChartData | None = None  # the account against its peer median
    adoption_notes: tuple[str, ...] = ()  # "Feature adoption: 72% (peer median 64%)", …
    usage_headline: str = ""  # "412 of 500 licensed seats in active use (82%)"
    usage_chart: ChartData | None = None  # active users against licensed seats, by quarter
    breadth_chart: ChartData | None = None  # share of the features in use, by quarter
    usage_cards: tuple[KpiFigure, ...] = ()
    support_chart: ChartData | None = None  # tickets per 100 seats, by quarter
    csat_chart: ChartData | None = None  # satisfaction by quarter
    support_cards: tuple[KpiFigure, ...] = ()
    # Value
    value_headline: str = ""  # "$621,036 a year (annualised from 2026 Q4) · ROI 161% · …"
    value_basis: str = ""  # "annualised from 2026 Q4"
    total_value: Decimal | None = None
    roi_text: str = ""
    payback_text: str = ""
    value_lines: tuple[ValueLineFigure, ...] = ()
    value_chart: ChartData | None = None  # value by category
    scenario_chart: ChartData | None = None  # ROI by scenario
    value_story: str = ""
    goals: tuple[GoalFigure, ...] = ()
    # Forward-looking
    priorities: tuple[str, ...] = ()
    roadmap: tuple[str, ...] = ()
    roadmap_goals: tuple[str, ...] = ()  # the goal each roadmap item serves, "" for none
    recommendations: tuple[str, ...] = ()
    risks: tuple[RiskFigure, ...] = ()
    expansion: tuple[ExpansionFigure, ...] = ()
    renewal: RenewalFigure | None = None
    topics: tuple[str, ...] = ()  # what slides with nothing to show fold into
    # People and commitments
    stakeholders: tuple[PersonFigure, ...] = ()
    stakeholder_map_png: bytes | None = None  # the map picture, when one was drawn
    actions: tuple[ActionFigure, ...] = ()
    # The language every sentence above is written in, and the writers' own labels are.
    language: str = ENGLISH

    def with_outline(self, outline: Sequence[SlidePlan]) -> DeckContent:
        return replace(self, outline=tuple(outline))

    def goal_of(self, index: int) -> str:
        return self.roadmap_goals[index] if index < len(self.roadmap_goals) else ""


@dataclass(frozen=True, slots=True)
class DeckBriefing:
    """What the CSM knows about the deck that the customer must not read: for the Deck
    tab, the CLI and the presenter's own speaker notes, never for a customer's file."""

    tier: str = ""
    health_status: str = ""  # "healthy", "watch", "at risk"
    last_actions_reviewed: bool = False
    executive_attending: bool = False
    missing: tuple[Message, ...] = field(default=())  # "No ROI model for 2026 Q4 yet…"
    # Slides left out of this deck, each with why: "Roadmap: left out (no items saved…)".
    omitted: tuple[Message, ...] = field(default=())
    # The same reasons by the slide they concern (a slide's list entry shows its own).
    omitted_slides: tuple[LeftOutSlide, ...] = field(default=())

    def left_out_reason(self, kind: SlideKind) -> Message | None:
        return next((s.reason for s in self.omitted_slides if s.kind is kind), None)


@dataclass(frozen=True, slots=True)
class LeftOutSlide:
    """A slide left out of a deck, and why: kept apart so nobody reads one from the other."""

    kind: SlideKind
    reason: Message


@dataclass(frozen=True, slots=True)
class PreparedDeck:
    """A deck's customer content and the CSM's briefing about it, made together."""

    content: DeckContent
    briefing: DeckBriefing


@dataclass(frozen=True, slots=True)
class DeckCheck:
    ok: bool
    message: Message


VANITY_ONLY = "vanity"


def check_deck(content: DeckContent, briefing: DeckBriefing) -> list[DeckCheck]:
    """The reference's anti-patterns, each pass or warn with the reason."""
    slides = main_slides(content.outline)
    count = len(slides)
    size_ok = count <= MAX_MAIN_SLIDES
    checks = [DeckCheck(size_ok, msg_plural("{count} slide in the meeting",
                                            "{count} slides in the meeting", count)
                        if size_ok else
                        msg("{count} slides in the meeting: more than {limit}; move detail to "
                            "backup slides", count=count, limit=MAX_MAIN_SLIDES))]
    talking = [s for s in slides if s.kind not in (SlideKind.TITLE, SlideKind.AGENDA)]
    forward = [s for s in talking if s.kind.forward_looking]
    if forward and talking:
        share = f"{len(forward) * 100 // len(talking)}%"
        ahead = msg_plural("{count} forward-looking slide ({share} of the talking slides)",
                           "{count} forward-looking slides ({share} of the talking slides)",
                           len(forward), share=share)
    else:
        ahead = msg("Nothing looks forward: add the roadmap or recommendations")
    checks.append(DeckCheck(bool(forward), ahead))
    has_outcomes = any(s.kind in (SlideKind.OUTCOMES, SlideKind.VALUE_STORY) for s in slides)
    quantified = content.total_value is not None and content.total_value > 0
    checks.append(DeckCheck(has_outcomes and quantified,
                            msg("Business outcomes are quantified") if has_outcomes and quantified
                            else msg("Only usage figures: add the value delivered (ROI tab) so "
                                     "the deck shows outcomes, not vanity metrics")))
    has_actions = any(s.kind is SlideKind.ACTIONS for s in slides) and bool(content.actions)
    checks.append(DeckCheck(has_actions, msg("Action items are on a slide") if has_actions
                            else msg("No action items: the meeting should end with commitments")))
    checks.append(DeckCheck(briefing.executive_attending,
                            msg("An executive is confirmed to attend")
                            if briefing.executive_attending
                            else msg("No executive confirmed to attend (Stakeholders › "
                                     "Attendance)")))
    checks.append(DeckCheck(briefing.last_actions_reviewed,
                            msg("Last QBR's action items are reviewed")
                            if briefing.last_actions_reviewed
                            else msg("Last QBR's action items are still open or unreviewed")))
    return checks

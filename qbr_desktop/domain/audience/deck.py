"""The deck's customer content (see the package's notes on the audience boundary).

customer_deck() turns DeckFacts (everything the services gathered) into DeckContent, which
the slides, the deck as shared, the brief, the handout and the share email are written from:

- people: name, job title and whether they attend. Never their role in the decision
  (champion, detractor, economic buyer), sentiment, influence, our notes on their
  priorities and concerns, or who on our side owns them.
- risks: only the register items the CSM ticked for the deck, by title; never an item's
  detail, never an untouched suggestion.
- health: the score and its trend. Never the band ("at risk", "watch"), the sub-scores,
  or the formula's vocabulary ("customer sentiment").
- peers: the account's own usage beside the median of comparable customers. Never a rank
  ("bottom 10%"), never who the peers are (tier, industry: "Retail · Strategic").
- actions: text, owner, due date, and whether they are open, done or overdue.
- usage and support: their own counts and rates by quarter (active users against licensed
  seats, features in use, tickets per 100 seats, satisfaction), never a stored row.
- goals: a value line's baseline, target and current outcome, with the share of the way.
- the renewal: its date, the licensed seats and since when we work together, only when
  the renewal falls within 180 days of the meeting (or before it).
- the agenda: the sections' titles and the meeting's time, never their minutes or notes.
- never the tier, coverage findings, meeting notes, the CSM's to-do list, file paths.

Slides with nothing to say are left out or folded into "Topics for today"
(domain.slide_kinds.arrange); the briefing says which and why.

The CSM's briefing on the same deck (tier, band, what is missing) is in
domain.audience.deck_briefing, which reads this module; nothing here reads it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal

from qbr_desktop.domain.accounts import without_links
from qbr_desktop.domain.actions import ActionItem, ActionStatus
from qbr_desktop.domain.audience.deck_figures import (
    goal_figures,
    headline_basis,
    peer_value,
    quarter_axis_words,
    quarter_words,
    renewal_figure,
    summary_cards,
    support_figures,
    usage_figures,
    value_basis,
    value_credit,
)
from qbr_desktop.domain.audience.recommendations import (
    drafted_recommendations,
)
from qbr_desktop.domain.benchmark import (
    TICKETS_PER_100_SEATS,
    Benchmark,
    MetricBenchmark,
    format_peer_value,
    peer_comparison,
)
from qbr_desktop.domain.deck import (
    ActionFigure,
    ChartData,
    DeckContent,
    DeckVariant,
    ExpansionFigure,
    PersonFigure,
    RiskFigure,
    Series,
    SlidePlan,
    ValueLineFigure,
)
from qbr_desktop.domain.deck_plan import DeckPlan, clean_items, risk_shown, roadmap_link
from qbr_desktop.domain.health import HealthReport, format_number
from qbr_desktop.domain.metrics import MetricHistory
from qbr_desktop.domain.money import currency_symbol
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.risks import RiskItem, RiskKind
from qbr_desktop.domain.roi import Category
from qbr_desktop.domain.roi_scenarios import RoiResult, Scenario
from qbr_desktop.domain.roi_story import format_amount, format_figure, format_months
from qbr_desktop.domain.slide_kinds import Arranged, arrange
from qbr_desktop.domain.stakeholders import Attendance, Stakeholder, StakeholderMap
from qbr_desktop.i18n import ENGLISH, N_, Catalogue, catalogue

__all__ = ["DeckFacts", "ValueFacts", "customer_deck", "customer_map", "quarter_words"]

HEALTH_QUARTERS = 8  # the health chart's span
MAX_ITEM_LENGTH = 500
PEER_MEDIAN = N_("Median of comparable customers")
OVERDUE = "overdue"

# The usage figures a customer sees beside their peers: their own product use, never
# their satisfaction or our health score ranked against other customers.
ADOPTION_CHART = (("adoption_rate", N_("Feature adoption %")),
                  ("coverage_rate", N_("User coverage %")))
ADOPTION_NOTES: dict[str, str] = {
    "adoption_rate": N_("Features in use"),
    "coverage_rate": N_("Licensed seats in active use"),
    "logins_per_user_week": N_("Logins per active user a week"),
    TICKETS_PER_100_SEATS: N_("Support tickets per 100 seats"),
}
# Scenario names and value categories as the customer reads them.
SCENARIO_WORDS = {Scenario.CONSERVATIVE: N_("Conservative"), Scenario.EXPECTED: N_("Expected"),
                  Scenario.OPTIMISTIC: N_("Optimistic")}
CATEGORY_WORDS = {Category.REVENUE: N_("revenue impact"), Category.COST: N_("cost reduction"),
                  Category.RISK: N_("risk mitigation"),
                  Category.QUALITY: N_("quality improvement"),
                  Category.STRATEGIC: N_("strategic value")}
CONFIDENCE_WORDS = {"low": N_("low"), "medium": N_("medium"), "high": N_("high")}

@dataclass(frozen=True, slots=True)
class ValueFacts:
    """The account's ROI model for the quarter, as the ROI service computed it."""

    result: RoiResult | None = None
    scenarios: Mapping[Scenario, RoiResult] | None = None
    story: str = ""
    story_stale: tuple[str, ...] = ()
    stored: bool = False
    carried_from: Quarter | None = None


@dataclass(frozen=True, slots=True)
class DeckFacts:
    """What the services know about an account's coming review, private judgement
    included. Only customer_deck() and deck_briefing() read it."""

    account_name: str
    tier: str
    currency: str
    csm_name: str
    variant: DeckVariant
    outline: tuple[SlidePlan, ...]
    quarter: Quarter
    today: date
    plan: DeckPlan
    health: HealthReport
    benchmark: Benchmark | None
    value: ValueFacts
    expansion: tuple[ExpansionFigure, ...] = ()
    expansion_reason: str = ""
    open_risks: tuple[RiskItem, ...] = ()
    stakeholders: StakeholderMap | None = None
    attendance: tuple[Attendance, ...] = ()
    actions: tuple[ActionItem, ...] = ()  # the items the deck lists
    last_actions_reviewed: bool = False
    executive_attending: bool = False
    meeting_date: date | None = None
    next_qbr: date | None = None
    scheduled: bool = False
    history: MetricHistory | None = None  # the account's metrics by quarter
    agenda: tuple[str, ...] = ()  # the coming meeting's section titles
    meeting_start: datetime | None = None  # aware, in the meeting's zone
    time_zone: str = ""
    duration_minutes: int = 0
    renewal_date: date | None = None
    licensed_seats: int | None = None
    customer_since: date | None = None
    language: str = ENGLISH  # the account's: every customer sentence is written in it


# The customer's content ----------------------------------------------------------------------
def customer_deck(facts: DeckFacts) -> DeckContent:
    """The deck's content as the customer may read it (see the module's notes)."""
    return arranged_deck(facts)[0]


def arranged_deck(facts: DeckFacts) -> tuple[DeckContent, Arranged]:
    content = _content(facts)
    arranged = arrange(content)
    book = catalogue(facts.language)
    # Titles are the table's English unless the CSM typed their own: a typed title is not
    # in the catalogue and stays as typed.
    outline = tuple(replace(slide, title=book.gettext(slide.title))
                    for slide in arranged.outline)
    return replace(content, outline=outline, topics=arranged.topics), arranged


def _content(facts: DeckFacts) -> DeckContent:
    book = catalogue(facts.language)
    score, trend, chart = customer_health(facts.health, book)
    adoption_chart, adoption_notes = customer_adoption(facts.benchmark, facts.account_name,
                                                       book)
    value = _value(facts.value, facts.currency, book)
    recommendations = clean_items(facts.plan.recommendations) or drafted_recommendations(
        facts.health, facts.expansion, facts.currency, book)
    seats = facts.licensed_seats
    headline, usage_chart, breadth_chart, usage_cards = usage_figures(facts.history, seats,
                                                                      book)
    peers = ({m.key: m.cohort_median for m in facts.benchmark.metrics}
             if facts.benchmark else {})
    support_chart, csat_chart, support_cards = support_figures(
        facts.history, seats, peer_value(peers, TICKETS_PER_100_SEATS), book)
    roadmap = [roadmap_link(item) for item in clean_items(facts.plan.roadmap)]
    reference = facts.meeting_date or facts.today
    renewal = renewal_figure(facts.renewal_date, reference, seats, usage_cards,
                             facts.customer_since, [e.title for e in facts.expansion], book)
    total = value.total
    amount = format_amount(total, facts.currency) if total is not None else ""
    return DeckContent(
        account_name=without_links(facts.account_name), variant=facts.variant,
        quarter=quarter_words(facts.quarter, book), prepared_on=facts.today,
        csm_name=facts.csm_name, currency=facts.currency, outline=facts.outline,
        meeting_date=facts.meeting_date, next_qbr=facts.next_qbr,
        meeting_words=_meeting_words(facts, book), agenda=_bounded(clean_items(facts.agenda)),
        summary_cards=summary_cards(score, trend, total, amount, value.basis, value.roi,
                                    value.payback, usage_cards, book),
        health_score=score, health_trend=trend, health_chart=chart,
        adoption_chart=adoption_chart, adoption_notes=adoption_notes,
        usage_headline=headline, usage_chart=usage_chart, breadth_chart=breadth_chart,
        usage_cards=usage_cards, support_chart=support_chart, csat_chart=csat_chart,
        support_cards=support_cards,
        value_headline=value.headline, value_basis=value.basis, total_value=total,
        roi_text=value.roi, payback_text=value.payback, value_lines=value.lines,
        value_chart=value.chart, scenario_chart=value.scenarios, value_story=value.story,
        goals=goal_figures(facts.value.result if claims_value(facts.value) else None),
        priorities=clean_items(facts.plan.priorities),
        roadmap=tuple(text for text, _goal in roadmap),
        roadmap_goals=tuple(goal for _text, goal in roadmap),
        recommendations=_bounded(recommendations), risks=customer_risks(facts.open_risks,
                                                                        facts.plan),
        expansion=facts.expansion, renewal=renewal,
        stakeholders=customer_people(facts.stakeholders, facts.attendance),
        actions=customer_actions(facts.actions, facts.today), language=book.language)


def _meeting_words(facts: DeckFacts, book: Catalogue) -> str:
    """'Mon 14 Dec 2026 · 10:00 Europe/Stockholm · 90 minutes', or ''."""
    start = facts.meeting_start
    if start is None:
        return ""
    from qbr_desktop.domain.deck import weekday_words

    parts = [weekday_words(start.date(), book), f"{start:%H:%M} {facts.time_zone}".strip()]
    if facts.duration_minutes > 0:
        parts.append(book.ngettext("{count} minute", "{count} minutes",
                                   facts.duration_minutes))
    return " · ".join(parts)


def customer_people(stakeholders: StakeholderMap | None,
                    attendance: Sequence[Attendance]) -> tuple[PersonFigure, ...]:
    """Current people, those attending first, by seniority then name, each with the key
    of whom they report to (when that person is on the map too)."""
    if stakeholders is None:
        return ()
    coming = {entry.person_id for entry in attendance if entry.confirmed or entry.attended}
    present = [p for p in stakeholders.people if not p.departed]
    present.sort(key=lambda p: (p.id not in coming, -p.influence, p.name.casefold()))
    keys = {person.id: number for number, person in enumerate(present, start=1)}
    return tuple(PersonFigure(p.name, p.title, p.id in coming, keys[p.id],
                              keys.get(p.manager_id) if p.manager_id is not None else None)
                 for p in present)


def customer_map(stakeholders: StakeholderMap) -> StakeholderMap:
    """The map to draw for a customer: current people and who reports to whom, every
    private fact reset to a neutral value so no drawing can show it."""
    present = [p for p in stakeholders.people if not p.departed]
    ids = {p.id for p in present}
    blank = Stakeholder(0, "")
    people = tuple(replace(blank, id=p.id, name=p.name, title=p.title, level=p.level,
                           manager_id=p.manager_id if p.manager_id in ids else None,
                           x=p.x, y=p.y)
                   for p in present)
    return replace(stakeholders, people=people, links=())


def customer_risks(open_items: Sequence[RiskItem], plan: DeckPlan) -> tuple[RiskFigure, ...]:
    """The register items the CSM ticked for the customer's risks slide, risks first."""
    items = [item for item in open_items if risk_shown(plan, item.id)]
    items.sort(key=lambda item: (item.kind is not RiskKind.RISK,
                                 -item.likelihood * item.impact, item.title.casefold()))
    return tuple(RiskFigure(item.title, item.kind.value, item.likelihood, item.impact)
                 for item in items)


def action_status(item: ActionItem, today: date) -> str:
    """'overdue' for an open item past its due date, else the stored status."""
    return OVERDUE if item.overdue(today) else item.status.value


def customer_actions(items: Sequence[ActionItem], today: date) -> tuple[ActionFigure, ...]:
    return tuple(ActionFigure(item.text, item.side.value, item.owner, item.due,
                              action_status(item, today))
                 for item in items if item.status is not ActionStatus.DROPPED)


def next_due(actions: Sequence[ActionFigure]) -> ActionFigure | None:
    """The open item due soonest (an overdue one first), or None."""
    dated = [a for a in actions if a.is_open and a.due is not None]
    return min(dated, key=lambda a: a.due or date.max) if dated else None


def customer_health(report: HealthReport, book: Catalogue | None = None,
                    ) -> tuple[float | None, str, ChartData | None]:
    """The score, its trend in words and the chart by quarter; no band, no sub-scores."""
    book = book if book is not None else catalogue(ENGLISH)
    current = report.current
    if current is None or current.total is None:
        return None, "", None
    if report.change is None:
        trend = book.gettext("first scored quarter")
    elif report.change == 0:
        trend = book.gettext("unchanged since last quarter")
    elif report.change > 0:
        trend = book.gettext("up {points} since last quarter",
                             points=_points(report.change, book))
    else:
        trend = book.gettext("down {points} since last quarter",
                             points=_points(report.change, book))
    scored = [s for s in report.history if s.total is not None][-HEALTH_QUARTERS:]
    chart = ChartData(book.gettext("Health score by quarter"),
                      tuple(quarter_axis_words(s.quarter, book) for s in scored),
                      (Series(book.gettext("Health score"), tuple(s.total for s in scored)),),
                      kind="line", number_format="0", unit=book.gettext("score"), axis_min=0,
                      axis_max=100)
    return current.total, trend, chart


def _points(value: float, book: Catalogue) -> str:
    if abs(value) == 1:
        return book.gettext("1 point")
    return book.gettext("{points} points", points=format_number(abs(value)))


def customer_adoption(benchmark: Benchmark | None, name: str, book: Catalogue | None = None,
                      ) -> tuple[ChartData | None, tuple[str, ...]]:
    """The account's usage beside the median of comparable customers: a chart of the rates
    and one plain line a figure ("Features in use: 72% (comparable customers: 64%)")."""
    book = book if book is not None else catalogue(ENGLISH)
    if benchmark is None:
        return None, ()
    by_key = {metric.key: metric for metric in benchmark.metrics}
    categories: list[str] = []
    ours: list[float | None] = []
    peers: list[float | None] = []
    for key, label in ADOPTION_CHART:
        metric = by_key.get(key)
        if metric is None or metric.value is None:
            continue
        categories.append(book.gettext(label))
        ours.append(round(metric.value * 100, 1))
        peers.append(None if metric.cohort_median is None
                     else round(metric.cohort_median * 100, 1))
    notes = tuple(line for key, label in ADOPTION_NOTES.items()
                  if (line := _peer_line(by_key.get(key), book.gettext(label), book)))
    if not categories:
        return None, notes
    series = [Series(name, tuple(ours))]
    if any(value is not None for value in peers):
        series.append(Series(book.gettext(PEER_MEDIAN), tuple(peers)))
    return (ChartData(book.gettext("Adoption against comparable customers"), tuple(categories),
                      tuple(series), kind="bar", number_format="0", unit="%", axis_min=0,
                      axis_max=100), notes)


def _peer_line(metric: MetricBenchmark | None, label: str, book: Catalogue) -> str:
    """'Features in use: 72% (comparable customers: 64%)': figures, never a rank."""
    if metric is None or metric.value is None:
        return ""
    comparison = peer_comparison(metric)
    if comparison is None:
        return book.gettext("{label}: {value}", label=label,
                            value=format_peer_value(metric.key, metric.value))
    return book.gettext("{label}: {value} (comparable customers: {median})", label=label,
                        value=comparison.value_text, median=comparison.median_text)


# Value -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Value:
    headline: str = ""
    total: Decimal | None = None
    roi: str = ""
    payback: str = ""
    lines: tuple[ValueLineFigure, ...] = ()
    chart: ChartData | None = None
    scenarios: ChartData | None = None
    story: str = ""
    basis: str = ""


def value_headline(result: RoiResult, book: Catalogue | None = None) -> str:
    """'$621,036 a year (annualised from 2026 Q4) · ROI 161% · payback 4.6 months': "a year"
    says from which quarter it is annualised when it is."""
    book = book if book is not None else catalogue(ENGLISH)
    basis = headline_basis(result, book)
    amount = format_amount(result.total_value, result.model.currency)
    value = (book.gettext("{amount} a year ({basis})", amount=amount, basis=basis) if basis
             else book.gettext("{amount} a year", amount=amount))
    return book.gettext("{value} · ROI {roi} · payback {months}", value=value,
                        roi=format_figure(result.roi, book),
                        months=format_months(result.payback_months, book))


def claims_value(facts: ValueFacts) -> bool:
    result = facts.result
    return (result is not None and (facts.stored or facts.carried_from is not None)
            and result.total_value > 0 and any(line.counted for line in result.lines))


def _value(facts: ValueFacts, currency: str, book: Catalogue) -> _Value:
    result = facts.result
    if result is None or not claims_value(facts):
        return _Value()
    quarter = result.model.quarter
    lines = tuple(ValueLineFigure(r.line.label, book.gettext(CATEGORY_WORDS[r.line.category]),
                                  r.annual_value,
                                  book.gettext(CONFIDENCE_WORDS[r.line.confidence.value]),
                                  value_basis(r, quarter, book), value_credit(r, book))
                  for r in result.lines if r.counted)
    by_category: dict[Category, Decimal] = {}
    for r in result.lines:
        if r.counted:
            by_category[r.line.category] = (by_category.get(r.line.category, Decimal(0))
                                            + r.annual_value)
    money_format = f'"{currency_symbol(result.model.currency)}"#,##0'
    value_chart = ChartData(
        book.gettext("Value a year by category"),
        tuple(_capitalised(book.gettext(CATEGORY_WORDS[category])) for category in by_category),
        (Series(book.gettext("Value a year"), tuple(float(v) for v in by_category.values())),),
        kind="bar", number_format=money_format, unit=result.model.currency, axis_min=0)
    order = (Scenario.CONSERVATIVE, Scenario.EXPECTED, Scenario.OPTIMISTIC)
    scenarios = facts.scenarios or {}
    scenario_values = tuple(
        None if (figure := scenarios[s].roi).value is None else float(figure.value)
        for s in order if s in scenarios)
    scenario_chart = None
    if any(value is not None for value in scenario_values):
        scenario_chart = ChartData(
            book.gettext("ROI by scenario"),
            tuple(book.gettext(SCENARIO_WORDS[s]) for s in order if s in scenarios),
            (Series(book.gettext("ROI, first year"), scenario_values),), kind="bar",
            number_format="0%", unit="%", axis_min=0)
    return _Value(value_headline(result, book), result.total_value,
                  format_figure(result.roi, book), format_months(result.payback_months, book),
                  lines, value_chart, scenario_chart, facts.story, headline_basis(result, book))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _bounded(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(text if len(text) <= MAX_ITEM_LENGTH else text[:MAX_ITEM_LENGTH - 1] + "…"
                 for text in items)

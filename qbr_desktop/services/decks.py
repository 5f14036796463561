"""An account's QBR deck: the CSM's saved choices, and the deck's content gathered from
every service so the PPTX, the brief and the handout show the same figures as the app.

content() never fails for lack of data: each thing it cannot show is named in one sentence
in DeckContent.missing ("No ROI model for 2026 Q4 yet: …") and the slide says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.actions import ActionItem, ActionStatus
from qbr_desktop.domain.attendance import executives
from qbr_desktop.domain.benchmark import Benchmark
from qbr_desktop.domain.cadence import review_interval
from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.deck import (
    ActionFigure,
    ChartData,
    DeckContent,
    DeckVariant,
    ExpansionFigure,
    PersonFigure,
    RiskFigure,
    Series,
    SlideKind,
    ValueLineFigure,
    main_slides,
    variant_for_tier,
)
from qbr_desktop.domain.deck_plan import (
    DeckPlan,
    apply_outline,
    clean_items,
    plan_from_dict,
    plan_to_dict,
    risk_shown,
    validate_plan,
)
from qbr_desktop.domain.health import Band, HealthReport, format_number
from qbr_desktop.domain.money import currency_symbol
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.risks import RiskKind, RiskStatus
from qbr_desktop.domain.roi import Category
from qbr_desktop.domain.roi_scenarios import Scenario
from qbr_desktop.domain.roi_story import format_amount, format_figure, format_months
from qbr_desktop.domain.stakeholder_layout import saved_or_org_chart
from qbr_desktop.domain.stakeholders import Attendance, StakeholderMap
from qbr_desktop.domain.tiers import effective_tier
from qbr_desktop.services.plan_views import ReviewPlan
from qbr_desktop.services.roi import ExpansionRoi, RoiReport
from qbr_desktop.services.rows import account_row
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import DeckPlanRow

if TYPE_CHECKING:
    from qbr_desktop.services.context import AppContext

Clock = Callable[[], datetime]
HEALTH_QUARTERS = 8  # the health chart's span
MAX_RECOMMENDATIONS = 5
STATUS_WORDS = {Band.GREEN: "healthy", Band.YELLOW: "watch", Band.RED: "at risk"}
# The adoption chart: the account's usage ratios as percentages, against the peer median.
ADOPTION_METRICS = (("adoption_rate", "Feature adoption %"),
                    ("coverage_rate", "User coverage %"),
                    ("health", "Health score"))
OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def _now() -> datetime:
    return datetime.now(UTC)


def quarter_words(quarter: Quarter) -> str:
    """'2026 Q4', as the deck writes a quarter."""
    return f"{quarter.year} Q{quarter.number}"


@dataclass(frozen=True, slots=True)
class _Account:
    name: str
    tier: str
    currency: str
    csm_name: str


class DeckService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock = _now) -> None:
        self._sessions = sessions
        self._clock = clock

    # The saved plan --------------------------------------------------------------------
    def plan(self, account_id: int) -> DeckPlan:
        """The account's saved choices; a plan of defaults when none is saved."""
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            row = session.get(DeckPlanRow, account_id)
            document = row.document if row is not None else None
        return plan_from_dict(json.loads(document)) if document else DeckPlan()

    def save_plan(self, account_id: int, plan: DeckPlan) -> None:
        """Store the plan; ValidationFailed names every bad field and nothing is written."""
        validate_plan(plan)
        document = plan_to_dict(plan)
        plan_from_dict(document)  # every rule, on exactly what is stored
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            row = session.get(DeckPlanRow, account_id)
            if row is None:
                row = DeckPlanRow(account_id=account_id)
                session.add(row)
            row.document = json.dumps(document, ensure_ascii=False, sort_keys=True)
            row.updated_at = self._clock()

    # The deck's content ----------------------------------------------------------------
    def content(self, context: AppContext, account_id: int, *,
                variant: DeckVariant | None = None, today: date | None = None) -> DeckContent:
        """Everything the deck shows about the account, computed once for every writer."""
        today = today or self._clock().astimezone().date()
        account = self._account(account_id)
        plan = self.plan(account_id)
        chosen = variant or plan.variant or variant_for_tier(account.tier)
        outline = apply_outline(plan, chosen)
        shown = {slide.kind for slide in main_slides(outline)}
        quarter = Quarter.containing(today)
        missing: list[str] = []

        health = _health_parts(context.insights.health(account_id).report, missing)
        benchmark = context.insights.benchmark(account_id)
        adoption_chart, adoption_notes = _adoption(benchmark, account.name, missing)
        roi = context.roi.report(account_id, quarter)
        value = _value_parts(roi, quarter, missing)
        expansion = _expansion(context, account_id, quarter, shown, missing)
        risks = _risks(context, account_id, plan, missing)

        stakeholders = context.stakeholders.map(account_id)
        review_plan = context.plans.next_plan(account_id)
        next_review_id = review_plan.review_id if review_plan is not None else None
        attendance = (context.stakeholders.attendance(next_review_id)
                      if next_review_id is not None else [])
        people = _people(stakeholders, attendance)
        map_png = _map_picture(stakeholders, account.name, today, missing)
        executive_attending = bool(executives(stakeholders.people, attendance, "confirmed"))

        actions, reviewed = _actions(context, account_id, next_review_id, self._clock())
        meeting_date = review_plan.meeting_day if review_plan is not None else None
        next_qbr = _next_qbr(context, account_id, account.tier, review_plan)
        if review_plan is None:
            missing.append("No QBR is scheduled: the deck has no meeting date and no "
                           "confirmed attendees (Prep timeline tab, or qbr schedule).")
        elif not attendance:
            missing.append("No attendance is recorded for the next QBR: the stakeholders "
                           "slide cannot mark who is coming.")
        if not actions:
            missing.append("No action items are recorded: the action slide lists none yet.")

        recommendations = clean_items(plan.recommendations) or _drafted_recommendations(
            context, account_id, stakeholders, roi, expansion, health.report)
        _missing_plan_items(plan, shown, missing)
        return DeckContent(
            account_name=account.name, tier=account.tier, variant=chosen,
            quarter=quarter_words(quarter), prepared_on=today, csm_name=account.csm_name,
            currency=account.currency, outline=outline, meeting_date=meeting_date,
            next_qbr=next_qbr, health_score=health.score, health_status=health.status,
            health_trend=health.trend, health_chart=health.chart,
            adoption_chart=adoption_chart, adoption_notes=adoption_notes,
            value_headline=value.headline, total_value=value.total, roi_text=value.roi,
            payback_text=value.payback, value_lines=value.lines, value_chart=value.chart,
            scenario_chart=value.scenarios, value_story=value.story,
            priorities=clean_items(plan.priorities), roadmap=clean_items(plan.roadmap),
            recommendations=recommendations, risks=risks, expansion=expansion,
            stakeholders=people, stakeholder_map_png=map_png, actions=actions,
            last_actions_reviewed=reviewed, executive_attending=executive_attending,
            missing=tuple(missing))

    def _account(self, account_id: int) -> _Account:
        with session_scope(self._sessions) as session:
            row = account_row(session, account_id)
            tier = effective_tier(row.arr, row.tier_override, read_tier_scheme(session))
            return _Account(row.name, tier, row.currency, row.csm_owner)


# Health --------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Health:
    report: HealthReport
    score: float | None = None
    status: str = ""
    trend: str = ""
    chart: ChartData | None = None


def _points(value: float) -> str:
    return f"{format_number(abs(value))} point{'' if abs(value) == 1 else 's'}"


def _health_parts(report: HealthReport, missing: list[str]) -> _Health:
    current = report.current
    if current is None or current.total is None or current.band is None:
        missing.append("No health score yet: no quarter has enough metrics to score, so the "
                       "summary shows no health figure and there is no health chart.")
        return _Health(report)
    if report.change is None:
        trend = "first scored quarter"
    elif report.change == 0:
        trend = "unchanged since last quarter"
    else:
        trend = (f"{'up' if report.change > 0 else 'down'} {_points(report.change)} "
                 "since last quarter")
    scored = [s for s in report.history if s.total is not None][-HEALTH_QUARTERS:]
    chart = ChartData("Health score by quarter",
                      tuple(quarter_words(s.quarter) for s in scored),
                      (Series("Health score", tuple(s.total for s in scored)),),
                      kind="line", number_format="0", unit="score")
    return _Health(report, current.total, STATUS_WORDS[current.band], trend, chart)


def _adoption(benchmark: Benchmark, name: str, missing: list[str],
              ) -> tuple[ChartData | None, tuple[str, ...]]:
    by_key = {metric.key: metric for metric in benchmark.metrics}
    categories: list[str] = []
    ours: list[float | None] = []
    peers: list[float | None] = []
    for key, label in ADOPTION_METRICS:
        metric = by_key.get(key)
        if metric is None or metric.value is None:
            continue
        scale = 1.0 if key == "health" else 100.0
        categories.append(label)
        ours.append(round(metric.value * scale, 1))
        peers.append(None if metric.cohort_median is None
                     else round(metric.cohort_median * scale, 1))
    notes = tuple(metric.phrase[:1].upper() + metric.phrase[1:] for metric in benchmark.metrics
                  if metric.value is not None and metric.percentile is not None)
    if not categories:
        missing.append("No usage metrics yet: the adoption slide has no figures to compare "
                       "with peers.")
        return None, notes
    if all(value is None for value in peers):
        missing.append("No peer has comparable usage data: the adoption chart shows this "
                       "account alone.")
    series = [Series(name, tuple(ours))]
    if any(value is not None for value in peers):
        series.append(Series(f"Peer median ({benchmark.cohort.description})", tuple(peers)))
    return (ChartData("Adoption against peers", tuple(categories), tuple(series),
                      kind="bar", number_format="0", unit="%"), notes)


# Value ---------------------------------------------------------------------------------------
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


def value_headline(report: RoiReport) -> str:
    """'$621,036 a year · ROI 161% · payback 4.6 months', in the ROI tab's figures."""
    result = report.result
    return (f"{format_amount(result.total_value, result.model.currency)} a year · "
            f"ROI {format_figure(result.roi)} · payback {format_months(result.payback_months)}")


def _value_parts(report: RoiReport, quarter: Quarter, missing: list[str]) -> _Value:
    result = report.result
    words = quarter_words(quarter)
    if not report.stored and report.carried_from is None:
        missing.append(f"No ROI model for {words} yet: the outcomes slide shows usage only.")
        return _Value()
    if result.total_value <= 0 or not any(line.counted for line in result.lines):
        missing.append(f"The ROI model for {words} claims no value yet: the outcomes slide "
                       "shows usage only.")
        return _Value()
    if report.carried_from is not None:
        missing.append(f"The ROI figures are carried over from "
                       f"{quarter_words(report.carried_from)}: review them for {words}.")
    if report.story_stale:
        missing.append("The value story no longer matches the ROI model: "
                       + report.story_stale[0])
    currency = result.model.currency
    lines = tuple(ValueLineFigure(r.line.label, r.line.category.words, r.annual_value,
                                  r.line.confidence.value)
                  for r in result.lines if r.counted)
    by_category: dict[Category, Decimal] = {}
    for r in result.lines:
        if r.counted:
            by_category[r.line.category] = (by_category.get(r.line.category, Decimal(0))
                                            + r.annual_value)
    money_format = f'"{currency_symbol(currency)}"#,##0'
    value_chart = ChartData(
        "Value a year by category",
        tuple(category.words.capitalize() for category in by_category),
        (Series("Value a year", tuple(float(v) for v in by_category.values())),),
        kind="bar", number_format=money_format, unit=currency)
    order = (Scenario.CONSERVATIVE, Scenario.EXPECTED, Scenario.OPTIMISTIC)
    scenario_values = tuple(
        None if (figure := report.scenarios[s].roi).value is None else float(figure.value)
        for s in order if s in report.scenarios)
    scenario_chart = None
    if any(value is not None for value in scenario_values):
        scenario_chart = ChartData(
            "ROI by scenario", tuple(s.value.capitalize() for s in order if s in report.scenarios),
            (Series("ROI, first year", scenario_values),), kind="bar", number_format="0%",
            unit="%")
    return _Value(value_headline(report), result.total_value, format_figure(result.roi),
                  format_months(result.payback_months), lines, value_chart, scenario_chart,
                  report.story_text)


def _expansion_figure(item: ExpansionRoi) -> ExpansionFigure:
    roi = item.result.roi
    roi_text = (format_figure(roi) if roi.value is not None
                else f"n/a — {roi.reason}" if roi.reason else "n/a")
    return ExpansionFigure(item.title, item.case.added_annual_cost,
                           item.case.projected_annual_value, roi_text,
                           format_months(item.result.payback_months))


def _expansion(context: AppContext, account_id: int, quarter: Quarter, shown: set[SlideKind],
               missing: list[str]) -> tuple[ExpansionFigure, ...]:
    items, reason = context.roi.expansion(account_id, quarter)
    if not items and SlideKind.EXPANSION in shown:
        missing.append(f"No expansion opportunity to show: {reason[:1].lower()}{reason[1:]}"
                       if reason else "No expansion opportunity to show.")
    return tuple(_expansion_figure(item) for item in items)


def _risks(context: AppContext, account_id: int, plan: DeckPlan,
           missing: list[str]) -> tuple[RiskFigure, ...]:
    """The open register items the customer sees: the plan's choices (risk_shown)."""
    open_items = [item for item in context.risks.items(account_id)
                  if item.status is RiskStatus.OPEN]
    items = [item for item in open_items if risk_shown(plan, item.id, item.origin)]
    left_off = len(open_items) - len(items)
    if left_off:
        missing.append(f"{left_off} open risk{'s are' if left_off > 1 else ' is'} left off "
                       "the customer's risks slide: tick them under 'On the risks slide' in "
                       "the Deck tab to show them.")
    items.sort(key=lambda item: (item.kind is not RiskKind.RISK,
                                 -item.likelihood * item.impact, item.title.casefold()))
    return tuple(RiskFigure(item.title, item.kind.value, item.likelihood, item.impact)
                 for item in items)


# People --------------------------------------------------------------------------------------
def _people(stakeholders: StakeholderMap,
            attendance: Sequence[Attendance]) -> tuple[PersonFigure, ...]:
    coming = {entry.person_id for entry in attendance if entry.confirmed or entry.attended}
    present = [p for p in stakeholders.people if not p.departed]
    present.sort(key=lambda p: (p.id not in coming, -p.influence, p.name.casefold()))
    return tuple(PersonFigure(p.name, p.title, p.role.value, p.id in coming) for p in present)


def _map_picture(stakeholders: StakeholderMap, name: str, today: date,
                 missing: list[str]) -> bytes | None:
    if not stakeholders.people:
        missing.append("Nobody is on the stakeholder map yet: the stakeholders slide has no "
                       "map and no names.")
        return None
    from qbr_desktop.exports.map_image import map_png, public_map  # Qt only when drawn

    # The customer sees their people and reporting lines, never our sentiment, role or
    # influence notes about them.
    shown = public_map(stakeholders)
    return map_png(shown, saved_or_org_chart(shown.people), today, f"{name}: who we work with",
                   internal=False)


# Commitments and dates -----------------------------------------------------------------------
def _actions(context: AppContext, account_id: int, next_review_id: int | None,
             now: datetime) -> tuple[tuple[ActionFigure, ...], bool]:
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

    figures = tuple(ActionFigure(item.text, item.side.value, item.owner, item.due,
                                 item.status.value) for item in items if wanted(item))
    reviewed = not any(item.review_id in earlier and item.status in OPEN_STATUSES
                       for item in items)
    return figures, reviewed


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


# Recommendations -----------------------------------------------------------------------------
def _drafted_recommendations(context: AppContext, account_id: int,
                             stakeholders: StakeholderMap, roi: RoiReport,
                             expansion: Sequence[ExpansionFigure],
                             report: HealthReport) -> tuple[str, ...]:
    """A few plain sentences from what the numbers show, for the CSM to edit."""
    drafted: list[str] = []
    for mover in report.movers:
        if mover.dimension is not None and mover.change < 0:
            drafted.append(f"Turn round {mover.dimension.label.lower()}: it fell "
                           f"{_points(mover.change)} last quarter; agree one change that "
                           "brings it back.")
    weakest = _weakest_dimension(report)
    if weakest and not drafted:
        drafted.append(f"Lift {weakest}, the lowest part of the health score, with a "
                       "focused enablement plan for next quarter.")
    if expansion:
        best = expansion[0]
        currency = roi.result.model.currency
        drafted.append(f"Explore {best.title[:1].lower()}{best.title[1:]}: about "
                       f"{format_amount(best.annual_value, currency)} of value a year for "
                       f"{format_amount(best.added_cost, currency)} more, at today's return "
                       f"(payback {best.payback}).")
    # Coverage findings (detractors, stale contacts) are the CSM's own notes about the
    # customer's people: they never go on a slide the customer sees.
    if not drafted:
        drafted.append("Keep the momentum: agree next quarter's success measures and review "
                       "them together at the next QBR.")
    return tuple(text if len(text) <= 500 else text[:497] + "…"
                 for text in drafted[:MAX_RECOMMENDATIONS])


def _weakest_dimension(report: HealthReport) -> str | None:
    if report.current is None:
        return None
    scored = [(d.score, d.dimension.label.lower()) for d in report.current.dimensions
              if d.score is not None and d.score < 70]
    return min(scored)[1] if scored else None


def _missing_plan_items(plan: DeckPlan, shown: set[SlideKind], missing: list[str]) -> None:
    if SlideKind.ROADMAP in shown and not clean_items(plan.roadmap):
        missing.append("No roadmap items are saved: the roadmap slide is empty until you "
                       "add them to the deck plan.")
    if SlideKind.RECOMMENDATIONS in shown and not clean_items(plan.priorities):
        missing.append("No priorities for next quarter are saved: add them to the deck plan.")


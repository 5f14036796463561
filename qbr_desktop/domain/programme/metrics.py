"""The programme's success metrics across held reviews, each against its target.

Process metrics (from the preparation playbook): preparation done three or more days
ahead, the champion pre-aligned on a call, an executive present in 80 % of reviews, the
meeting within its booked time. Outcome metrics: a post-QBR survey score of 8 or more
on average, 85 % of the action items done (ours and the customer's together), an
expansion opportunity found in 30-40 % of reviews, health up 5 points on average 30 days
after, a new stakeholder engaged in 25 % of reviews.

The reference names no share for three process metrics; the product aims for 90 % of
reviews there. The expansion range's lower end is the target (more is no failure).

Each metric is a ratio of sums over the reviews that have the information: a share is
reviews-with / reviews-counted, an average is the sum of values / reviews counted, and
the action items are pooled (done items / due items over every review), so a review
with ten items weighs more than one with two, as in the follow-up tracker. A figure from
fewer than three reviews says "not enough data" instead of met or missed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.programme.evidence import HeldReview
from qbr_desktop.domain.programme.notes import Note
from qbr_desktop.i18n import N_, Message, msg

MINIMUM_REVIEWS = 3
TREND_QUARTERS = 5  # the quarter shown and the four before it


class MetricKind(StrEnum):
    PROCESS = "process"
    OUTCOME = "outcome"


class Metric(StrEnum):
    PREPARED_EARLY = "prepared_early"
    CHAMPION_ALIGNED = "champion_aligned"
    EXECUTIVES_PRESENT = "executives_present"
    ON_TIME = "on_time"
    SATISFACTION = "satisfaction"
    ACTIONS_DONE = "actions_done"
    EXPANSION_FOUND = "expansion_found"
    HEALTH_AFTER = "health_after"
    NEW_STAKEHOLDER = "new_stakeholder"


class Unit(StrEnum):
    SHARE = "share"  # a fraction, shown as a percentage
    SCORE = "score"  # 0-10
    POINTS = "points"  # health points, signed


class Status(StrEnum):
    MET = "met"
    MISSED = "missed"
    NOT_ENOUGH_DATA = "not enough data"

    @property
    def label(self) -> str:
        """The status as a person reads it (translated where shown, with `ui_label`)."""
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = dict(zip(Status, (
    N_("met"), N_("missed"), N_("not enough data")), strict=True))


@dataclass(frozen=True, slots=True)
class MetricSpec:
    metric: Metric
    kind: MetricKind
    label: str  # marked with N_(): shown through ui_label()
    unit: Unit
    target: Decimal
    target_text: Message


def _reviews(share: str) -> Message:
    return msg("{share} of reviews", share=share)


SPECS: tuple[MetricSpec, ...] = (
    MetricSpec(Metric.PREPARED_EARLY, MetricKind.PROCESS, N_("Preparation done 3+ days ahead"),
               Unit.SHARE, Decimal("0.90"), _reviews("90%")),
    MetricSpec(Metric.CHAMPION_ALIGNED, MetricKind.PROCESS, N_("Champion pre-aligned on a call"),
               Unit.SHARE, Decimal("0.90"), _reviews("90%")),
    MetricSpec(Metric.EXECUTIVES_PRESENT, MetricKind.PROCESS, N_("Executive attendance"),
               Unit.SHARE, Decimal("0.80"), _reviews("80%")),
    MetricSpec(Metric.ON_TIME, MetricKind.PROCESS, N_("Meeting within its booked time"),
               Unit.SHARE, Decimal("0.90"), _reviews("90%")),
    MetricSpec(Metric.SATISFACTION, MetricKind.OUTCOME, N_("Post-QBR survey score"),
               Unit.SCORE, Decimal(8), msg("8 or more on average")),
    MetricSpec(Metric.ACTIONS_DONE, MetricKind.OUTCOME, N_("Action items done (both sides)"),
               Unit.SHARE, Decimal("0.85"), msg("{share} of due items", share="85%")),
    MetricSpec(Metric.EXPANSION_FOUND, MetricKind.OUTCOME, N_("Expansion opportunity found"),
               Unit.SHARE, Decimal("0.30"), _reviews("30–40%")),
    MetricSpec(Metric.HEALTH_AFTER, MetricKind.OUTCOME, N_("Health 30 days after"),
               Unit.POINTS, Decimal(5), msg("+5 points on average")),
    MetricSpec(Metric.NEW_STAKEHOLDER, MetricKind.OUTCOME, N_("New stakeholder engaged"),
               Unit.SHARE, Decimal("0.25"), _reviews("25%")),
)
SPEC_OF: dict[Metric, MetricSpec] = {spec.metric: spec for spec in SPECS}


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one review adds to a figure: numerator / denominator, and in words."""

    review_id: int
    numerator: Decimal
    denominator: Decimal
    note: Note

    @property
    def counts_towards(self) -> bool:
        """For a share: whether the review is one of the hits."""
        return self.numerator > 0


@dataclass(frozen=True, slots=True)
class Figure:
    metric: Metric
    value: Decimal | None
    status: Status
    contributions: tuple[Contribution, ...]  # the reviews behind the figure
    note: Note

    @property
    def spec(self) -> MetricSpec:
        return SPEC_OF[self.metric]

    @property
    def review_ids(self) -> tuple[int, ...]:
        return tuple(c.review_id for c in self.contributions)


def _share(review: HeldReview, fact: bool | None, yes: Note, no: Note) -> Contribution | None:
    if fact is None:
        return None
    return Contribution(review.review_id, Decimal(int(fact)), Decimal(1), yes if fact else no)


def _prepared(review: HeldReview) -> Contribution | None:
    prep = review.prep
    if prep is None:
        return None
    values = {"done": prep.done_early, "due": prep.due_early}
    return _share(review, prep.prepared_early, Note("metric.prepared.yes", values),
                  Note("metric.prepared.no", values))


def _champion(review: HeldReview) -> Contribution | None:
    return _share(review, review.champion_aligned, Note("metric.champion.yes"),
                  Note("metric.champion.no"))


def _executives(review: HeldReview) -> Contribution | None:
    return _share(review, review.executives_present, Note("metric.executives.yes"),
                  Note("metric.executives.no"))


def _on_time(review: HeldReview) -> Contribution | None:
    over = review.over_seconds
    if over is None or review.seconds_run is None:
        return None
    values = {"minutes": review.seconds_run / 60, "slot": review.slot_minutes,
              "over": max(over, 0.0) / 60}
    return _share(review, over <= 0, Note("metric.on_time.yes", values),
                  Note("metric.on_time.no", values))


def _survey(review: HeldReview) -> Contribution | None:
    score = review.record.survey_score
    if score is None:
        return None
    return Contribution(review.review_id, Decimal(score), Decimal(1),
                        Note("metric.survey", {"score": score}))


def _actions(review: HeldReview) -> Contribution | None:
    tally = review.actions
    if not tally.counted:
        return None
    return Contribution(review.review_id, Decimal(tally.done), Decimal(tally.counted),
                        Note("metric.actions", {"done": tally.done, "counted": tally.counted}))


def _expansion(review: HeldReview) -> Contribution | None:
    count = review.opportunities
    return _share(review, count > 0, Note("metric.expansion.yes", {"count": count}),
                  Note("metric.expansion.no"))


def _health(review: HeldReview) -> Contribution | None:
    change = review.health_change
    if change is None:
        return None
    return Contribution(review.review_id, Decimal(str(change)), Decimal(1), Note(
        "metric.health", {"before": review.health_before, "after": review.health_after,
                          "change": change}))


def _new_people(review: HeldReview) -> Contribution | None:
    people = review.new_people
    if people is None:
        return None
    return _share(review, bool(people), Note("metric.new_people.yes",
                                             {"names": ", ".join(people)}),
                  Note("metric.new_people.no"))


CONTRIBUTORS: dict[Metric, Callable[[HeldReview], Contribution | None]] = {
    Metric.PREPARED_EARLY: _prepared,
    Metric.CHAMPION_ALIGNED: _champion,
    Metric.EXECUTIVES_PRESENT: _executives,
    Metric.ON_TIME: _on_time,
    Metric.SATISFACTION: _survey,
    Metric.ACTIONS_DONE: _actions,
    Metric.EXPANSION_FOUND: _expansion,
    Metric.HEALTH_AFTER: _health,
    Metric.NEW_STAKEHOLDER: _new_people,
}


def figure(metric: Metric, reviews: Sequence[HeldReview]) -> Figure:
    """The metric over `reviews`, with the reviews behind it in order of meeting day."""
    spec = SPEC_OF[metric]
    ordered = sorted(reviews, key=lambda r: (r.held_on, r.review_id))
    contributions = tuple(c for review in ordered
                          if (c := CONTRIBUTORS[metric](review)) is not None)
    count = len(contributions)
    if not count:
        return Figure(metric, None, Status.NOT_ENOUGH_DATA, (), Note("figure.none"))
    numerator = sum((c.numerator for c in contributions), Decimal(0))
    denominator = sum((c.denominator for c in contributions), Decimal(0))
    value = numerator / denominator
    if metric is Metric.ACTIONS_DONE:
        note = Note("figure.pooled", {"done": int(numerator), "counted": int(denominator),
                                      "value": value})
    elif spec.unit is Unit.SHARE:
        note = Note("figure.share", {"hits": int(numerator), "count": count, "value": value})
    elif spec.unit is Unit.POINTS:
        note = Note("figure.points", {"value": value, "count": count})
    else:
        note = Note("figure.average", {"value": value, "count": count})
    if count < MINIMUM_REVIEWS:
        return Figure(metric, value, Status.NOT_ENOUGH_DATA, contributions,
                      Note("figure.too_few", {"count": count, "minimum": MINIMUM_REVIEWS}))
    status = Status.MET if value >= spec.target else Status.MISSED
    return Figure(metric, value, status, contributions, note)


def figures(reviews: Sequence[HeldReview]) -> tuple[Figure, ...]:
    return tuple(figure(spec.metric, reviews) for spec in SPECS)


@dataclass(frozen=True, slots=True)
class QuarterFigures:
    quarter: Quarter
    reviews: tuple[HeldReview, ...]
    figures: tuple[Figure, ...]

    def of(self, metric: Metric) -> Figure:
        return next(f for f in self.figures if f.metric is metric)


def in_quarter(reviews: Sequence[HeldReview], quarter: Quarter) -> tuple[HeldReview, ...]:
    return tuple(r for r in reviews if Quarter.containing(r.held_on) == quarter)


def trend(reviews: Sequence[HeldReview], quarter: Quarter,
          quarters: int = TREND_QUARTERS) -> tuple[QuarterFigures, ...]:
    """`quarter` and the quarters before it, latest first."""
    result = []
    for back in range(quarters):
        shown = quarter.shifted(-back)
        held = in_quarter(reviews, shown)
        result.append(QuarterFigures(shown, held, figures(held)))
    return tuple(result)

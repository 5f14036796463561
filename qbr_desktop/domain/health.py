"""Account health: six scored dimensions, a weighted total, a band and what moved.

Each dimension is scored from 0 to 100 from one quarter's metrics:

* Product adoption = features adopted ÷ features available × 100, capped at 100.
* User coverage = active users ÷ licensed seats × 100, capped at 100.
* Engagement = logins ÷ active users ÷ 13 weeks gives logins per user per week;
  5 or more a week scores 100, fewer scale down in a straight line (2.5 a week is 50).
* Support health = the average of two parts, or whichever one is known:
  CSAT part = (CSAT − 1) ÷ 4 × 100, so 1 scores 0 and 5 scores 100;
  ticket part = 100 − 2 × (tickets per 100 active users in the quarter), so no tickets
  score 100 and 50 or more per 100 users score 0.
* Sentiment = (NPS + 100) ÷ 2, so −100 scores 0, 0 scores 50 and 100 scores 100.
* Executive relationship = 100 when an executive sponsor is engaged, 0 when not.

A dimension whose inputs are missing, or whose divisor is zero, has no score. It is
left out rather than counted as zero: the total is the weighted mean of the dimensions
that have a score (their weights rescaled to add up to the whole), and `confidence`
says what share of the total weight had data. Scores are rounded to one decimal.

Bands: green from 70, yellow from 50, red below 50.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from qbr_desktop.domain.metrics import MetricHistory
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.i18n import N_, Message, msg, msg_in_context

WEEKS_PER_QUARTER = 13
LOGINS_FOR_FULL_ENGAGEMENT = 5.0
TICKETS_FOR_ZERO_SUPPORT = 50.0  # per 100 active users in a quarter
MOVER_THRESHOLD = 3.0
MAX_MOVERS = 3
GREEN_FROM = 70.0
YELLOW_FROM = 50.0


class Dimension(StrEnum):
    ADOPTION = "adoption"
    COVERAGE = "coverage"
    ENGAGEMENT = "engagement"
    SUPPORT = "support"
    SENTIMENT = "sentiment"
    RELATIONSHIP = "relationship"

    @property
    def label(self) -> str:
        return DIMENSION_LABELS[self]


DIMENSION_LABELS: dict[Dimension, str] = {
    Dimension.ADOPTION: N_("Product adoption"),
    Dimension.COVERAGE: N_("User coverage"),
    Dimension.ENGAGEMENT: N_("Engagement"),
    Dimension.SUPPORT: N_("Support health"),
    Dimension.SENTIMENT: N_("Customer sentiment"),
    Dimension.RELATIONSHIP: N_("Executive relationship"),
}

FORMULAS: dict[Dimension, str] = {
    Dimension.ADOPTION: "Features adopted ÷ features available × 100 (at most 100).",
    Dimension.COVERAGE: "Active users ÷ licensed seats × 100 (at most 100).",
    Dimension.ENGAGEMENT: (
        "Logins ÷ active users ÷ 13 weeks = logins per user per week; "
        "5 or more a week scores 100, fewer scale down in a straight line."
    ),
    Dimension.SUPPORT: (
        "Average of a CSAT part, (CSAT − 1) ÷ 4 × 100, and a ticket part, "
        "100 − 2 × tickets per 100 active users (50 or more scores 0); "
        "if only one part is known, that part alone."
    ),
    Dimension.SENTIMENT: "(NPS + 100) ÷ 2: an NPS of −100 scores 0, 0 scores 50, 100 scores 100.",
    Dimension.RELATIONSHIP: "100 when an executive sponsor is engaged, 0 when not.",
}


class Band(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


# The band as a sentence shows it ("Health 64.7 (yellow)"); the stored value stays English.
BAND_WORDS: dict[Band, Message] = {
    Band.GREEN: msg_in_context("health band", "green"),
    Band.YELLOW: msg_in_context("health band", "yellow"),
    Band.RED: msg_in_context("health band", "red"),
}


def band_for(score: float) -> Band:
    if score >= GREEN_FROM:
        return Band.GREEN
    if score >= YELLOW_FROM:
        return Band.YELLOW
    return Band.RED


@dataclass(frozen=True, slots=True)
class HealthWeights:
    """How much each dimension counts towards the total; only the proportions matter."""

    adoption: float = 20.0
    coverage: float = 20.0
    engagement: float = 15.0
    support: float = 15.0
    sentiment: float = 15.0
    relationship: float = 15.0

    def __post_init__(self) -> None:
        for dimension in Dimension:
            raw = getattr(self, dimension.value)
            # bool is an int; a checkbox value slipping in here is a bug, not a weight.
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                raise ValueError(f"the {dimension.label} weight must be a number, not {raw!r}")
            weight = float(raw)
            if not math.isfinite(weight) or weight < 0:
                raise ValueError(
                    f"the {dimension.label} weight must be zero or more, not {raw!r}"
                )
            object.__setattr__(self, dimension.value, weight)
        if self.total <= 0:
            raise ValueError("at least one health weight must be above zero")

    def weight(self, dimension: Dimension) -> float:
        return float(getattr(self, dimension.value))

    @property
    def total(self) -> float:
        return sum(self.weight(d) for d in Dimension)

    def to_dict(self) -> dict[str, float]:
        return {d.value: self.weight(d) for d in Dimension}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> HealthWeights:
        """Read stored weights; a dimension left out keeps its default weight."""
        unknown = sorted(set(data) - {d.value for d in Dimension})
        if unknown:
            raise ValueError(f"unknown health dimension(s): {', '.join(map(str, unknown))}")
        return cls(**data)  # type: ignore[arg-type]  # __post_init__ checks every value


DEFAULT_WEIGHTS = HealthWeights()


@dataclass(frozen=True, slots=True)
class DimensionScore:
    dimension: Dimension
    score: float | None
    detail: Message


@dataclass(frozen=True, slots=True)
class HealthScore:
    quarter: Quarter
    total: float | None
    band: Band | None
    dimensions: tuple[DimensionScore, ...]
    confidence: float

    def score_of(self, dimension: Dimension) -> float | None:
        for item in self.dimensions:
            if item.dimension is dimension:
                return item.score
        return None


@dataclass(frozen=True, slots=True)
class Mover:
    dimension: Dimension | None  # None is the total
    change: float
    sentence: Message


@dataclass(frozen=True, slots=True)
class HealthReport:
    current: HealthScore | None
    previous: HealthScore | None
    change: float | None
    movers: tuple[Mover, ...]
    history: tuple[HealthScore, ...]
    summary: Message


def format_number(value: float, decimals: int = 1) -> str:
    """'12', '12.5', '1,200': no trailing '.0', so sentences read naturally."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _points(value: float) -> Message:
    """'1 point', '12.5 points' (a share of a point is plural in English)."""
    if abs(value) == 1:
        return msg("1 point")
    return msg("{value} points", value=format_number(abs(value)))


def _get(values: Mapping[str, float], key: str) -> float | None:
    raw = values.get(key)
    if raw is None:
        return None
    value = float(raw)
    return value if math.isfinite(value) else None


def _clamp(score: float) -> float:
    return min(100.0, max(0.0, score))


def derived_values(values: Mapping[str, float]) -> dict[str, float]:
    """Ratios that compare fairly across account sizes (fractions, not percentages)."""
    derived: dict[str, float] = {}
    adopted, available = _get(values, "features_adopted"), _get(values, "features_available")
    if adopted is not None and available is not None and available > 0:
        derived["adoption_rate"] = min(1.0, max(0.0, adopted / available))
    active, seats = _get(values, "active_users"), _get(values, "licensed_seats")
    if active is not None and seats is not None and seats > 0:
        derived["coverage_rate"] = min(1.0, max(0.0, active / seats))
    logins = _get(values, "logins")
    if logins is not None and active is not None and active > 0:
        derived["logins_per_user_week"] = max(0.0, logins / active / WEEKS_PER_QUARTER)
    return derived


def _adoption(values: Mapping[str, float]) -> tuple[float | None, Message]:
    adopted, available = _get(values, "features_adopted"), _get(values, "features_available")
    if adopted is None or available is None:
        return None, msg("no feature counts")
    if available <= 0:
        return None, msg("no features recorded as available")
    return (_clamp(adopted / available * 100),
            msg("{adopted} of {available} features in use", adopted=format_number(adopted),
                available=format_number(available)))


def _coverage(values: Mapping[str, float]) -> tuple[float | None, Message]:
    active, seats = _get(values, "active_users"), _get(values, "licensed_seats")
    if active is None or seats is None:
        return None, msg("no active-user or seat counts")
    if seats <= 0:
        return None, msg("no licensed seats recorded")
    return (_clamp(active / seats * 100),
            msg("{active} of {seats} licensed seats active", active=format_number(active),
                seats=format_number(seats)))


def _engagement(values: Mapping[str, float]) -> tuple[float | None, Message]:
    logins, active = _get(values, "logins"), _get(values, "active_users")
    if logins is None or active is None:
        return None, msg("no login or active-user counts")
    if active <= 0:
        return None, msg("no active users to share the logins")
    weekly = max(0.0, logins / active / WEEKS_PER_QUARTER)
    return (_clamp(weekly / LOGINS_FOR_FULL_ENGAGEMENT * 100),
            msg("{weekly} logins per active user per week ({full} or more scores 100)",
                weekly=format_number(weekly), full=format_number(LOGINS_FOR_FULL_ENGAGEMENT)))


def _support(values: Mapping[str, float]) -> tuple[float | None, Message]:
    parts: list[float] = []
    notes: list[Message] = []
    csat = _get(values, "csat")
    if csat is not None:
        parts.append(_clamp((csat - 1) / 4 * 100))
        notes.append(msg("CSAT {csat} of 5", csat=format_number(csat)))
    tickets, active = _get(values, "support_tickets"), _get(values, "active_users")
    if tickets is not None and active is not None and active > 0:
        per_hundred = max(0.0, tickets / active * 100)
        parts.append(_clamp(100 - per_hundred * 100 / TICKETS_FOR_ZERO_SUPPORT))
        notes.append(msg("{tickets} tickets per 100 active users",
                         tickets=format_number(per_hundred)))
    if not parts:
        return None, msg("no CSAT or ticket data")
    detail = notes[0] if len(notes) == 1 else msg("{first}; {second}", first=notes[0],
                                                  second=notes[1])
    return sum(parts) / len(parts), detail


def _sentiment(values: Mapping[str, float]) -> tuple[float | None, Message]:
    nps = _get(values, "nps")
    if nps is None:
        return None, msg("no NPS recorded")
    return _clamp((nps + 100) / 2), msg("NPS {nps}", nps=format_number(nps))


def _relationship(values: Mapping[str, float]) -> tuple[float | None, Message]:
    engaged = _get(values, "exec_sponsor_engaged")
    if engaged is None:
        return None, msg("sponsor engagement not recorded")
    if engaged > 0:
        return _clamp(engaged * 100), msg("an executive sponsor is engaged")
    return 0.0, msg("no executive sponsor engaged")


_SCORERS = {
    Dimension.ADOPTION: _adoption,
    Dimension.COVERAGE: _coverage,
    Dimension.ENGAGEMENT: _engagement,
    Dimension.SUPPORT: _support,
    Dimension.SENTIMENT: _sentiment,
    Dimension.RELATIONSHIP: _relationship,
}


def score_quarter(
    quarter: Quarter, values: Mapping[str, float], weights: HealthWeights = DEFAULT_WEIGHTS
) -> HealthScore:
    dimensions: list[DimensionScore] = []
    weighted = weight_with_data = 0.0
    for dimension in Dimension:
        raw, detail = _SCORERS[dimension](values)
        if raw is not None:
            weight = weights.weight(dimension)
            weighted += raw * weight
            weight_with_data += weight
        dimensions.append(DimensionScore(dimension, None if raw is None else round(raw, 1), detail))
    confidence = weight_with_data / weights.total
    # The total uses unrounded dimension scores so rounding happens once, at the end.
    total = round(weighted / weight_with_data, 1) if weight_with_data > 0 else None
    return HealthScore(
        quarter=quarter,
        total=total,
        band=None if total is None else band_for(total),
        dimensions=tuple(dimensions),
        confidence=confidence,
    )


def quarter_values(history: MetricHistory, index: int) -> dict[str, float]:
    """The metrics recorded for the quarter at `index` of the history, gaps left out."""
    return {
        definition.key: value
        for definition, series in history.rows
        if (value := series[index]) is not None
    }


def health_history(
    history: MetricHistory, weights: HealthWeights = DEFAULT_WEIGHTS
) -> tuple[HealthScore, ...]:
    return tuple(
        score_quarter(quarter, quarter_values(history, index), weights)
        for index, quarter in enumerate(history.quarters)
    )


def make_mover(dimension: Dimension | None, before: float, after: float) -> Mover:
    """'User coverage fell 12 points (from 80 to 68).' for a dimension, or the total."""
    change = round(after - before, 1)
    name = msg("Overall health") if dimension is None else msg(dimension.label)
    if change == 0:
        return Mover(dimension, 0.0, msg("{name} held at {score}.", name=name,
                                         score=format_number(after)))
    fields = {"name": name, "points": _points(change), "before": format_number(before),
              "after": format_number(after)}
    sentence = (msg("{name} rose {points} (from {before} to {after}).", **fields)
                if change > 0 else
                msg("{name} fell {points} (from {before} to {after}).", **fields))
    return Mover(dimension, change, sentence)


def _movers(previous: HealthScore, current: HealthScore) -> tuple[Mover, ...]:
    found: list[tuple[int, Mover]] = []
    for position, dimension in enumerate(Dimension):
        before, after = previous.score_of(dimension), current.score_of(dimension)
        if before is None or after is None:
            continue
        mover = make_mover(dimension, before, after)
        if abs(mover.change) >= MOVER_THRESHOLD:
            found.append((position, mover))
    # Equal moves keep the dimension order, so the list never shuffles between runs.
    found.sort(key=lambda item: (-abs(item[1].change), item[0]))
    return tuple(mover for _, mover in found[:MAX_MOVERS])


def health_summary(current: HealthScore | None, previous: HealthScore | None,
             change: float | None) -> Message:
    if current is None or current.total is None or current.band is None:
        return msg("No health score yet: no quarter has enough metrics to score.")
    fields = {"score": format_number(current.total),
              "band": BAND_WORDS[current.band],
              "quarter": str(current.quarter), "present": f"{current.confidence:.0%}"}
    if previous is None or change is None:
        return msg("Health {score} ({band}) in {quarter}, with no earlier quarter to compare; "
                   "{present} of the data is present.", **fields)
    fields["previous"] = str(previous.quarter)
    if change == 0:
        return msg("Health {score} ({band}) in {quarter}, unchanged on {previous}; {present} "
                   "of the data is present.", **fields)
    fields["points"] = _points(change)
    if change > 0:
        return msg("Health {score} ({band}) in {quarter}, up {points} on {previous}; "
                   "{present} of the data is present.", **fields)
    return msg("Health {score} ({band}) in {quarter}, down {points} on {previous}; "
               "{present} of the data is present.", **fields)


def health_report(
    history: MetricHistory, weights: HealthWeights = DEFAULT_WEIGHTS
) -> HealthReport:
    scores = health_history(history, weights)
    scored = [s for s in scores if s.total is not None]
    current = scored[-1] if scored else None
    previous = scored[-2] if len(scored) > 1 else None
    change: float | None = None
    movers: tuple[Mover, ...] = ()
    if current is not None and previous is not None:
        change = round((current.total or 0.0) - (previous.total or 0.0), 1)  # both scored
        movers = _movers(previous, current)
    return HealthReport(
        current=current,
        previous=previous,
        change=change,
        movers=movers,
        history=scores,
        summary=health_summary(current, previous, change),
    )

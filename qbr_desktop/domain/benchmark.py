"""Peer benchmarks: where an account stands among similar accounts in the portfolio.

Cohort. Who the peers are is qbr_desktop.domain.peer_cohort's to decide; this module ranks
the account among them.

Percentile (mid-rank). Among the peers that have a value for the metric,
percentile = (peers doing worse + half the peers with the same value) ÷ peers × 100.
"Worse" means lower for most metrics and higher for those where less is better
(support tickets per 100 seats), so a high percentile is always good news. An account
level with every peer sits at 50.

Phrases. The side of the peer median (better, level or worse) is decided by the value
and the median as a reader sees them side by side; the percentile only sharpens a
better or worse side into a top or bottom quarter or tenth. A mid-rank percentile can
sit above 50 while the value equals the median (ties), or at 50 while the value is
off it: the percentile alone would let a phrase contradict the figures beside it.
Lower-is-better metrics say "fewer" and "more" rather than "above" and "below", which
a reader takes to describe the value, not how good it is.
"""

from __future__ import annotations

import math
import statistics
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from qbr_desktop.domain.health import format_number
from qbr_desktop.domain.peer_cohort import (
    COHORT_STEPS,
    MINIMUM_COHORT,
    Cohort,
    PeerProfile,
    choose_cohort,
    cohort_key,
    eligible_steps,
)
from qbr_desktop.domain.peer_cohort import TENURE_BANDS as TENURE_BANDS  # re-exported
from qbr_desktop.domain.peer_cohort import tenure_band as tenure_band  # re-exported
from qbr_desktop.i18n import N_, Catalogue, interface_catalogue

TICKETS_PER_100_SEATS = "support_tickets_per_100_seats"


class BenchmarkMetric(NamedTuple):
    key: str
    label: str
    higher_is_better: bool


BENCHMARK_METRICS: tuple[BenchmarkMetric, ...] = (
    BenchmarkMetric("health", N_("health"), True),
    BenchmarkMetric("adoption_rate", N_("feature adoption"), True),
    BenchmarkMetric("coverage_rate", N_("user coverage"), True),
    BenchmarkMetric("logins_per_user_week", N_("engagement"), True),
    BenchmarkMetric("csat", N_("CSAT"), True),
    BenchmarkMetric("nps", N_("NPS"), True),
    # Raw ticket counts grow with the account; per seat, a 6-seat and an 875-seat account
    # compare. Lower-is-better labels must be countable ("fewer ..."/"more ...").
    BenchmarkMetric(TICKETS_PER_100_SEATS, N_("support tickets per 100 seats"), False),
)


def tickets_per_100_seats(tickets: float | None, licensed_seats: float | None,
                          ) -> float | None:
    """Support tickets per 100 licensed seats; None without a count or without seats.

    An account with no seats recorded has no rate at all: infinity would rank it worst
    and zero would rank it best, and neither says anything about its support load.
    """
    if tickets is None or licensed_seats is None:
        return None
    if not (math.isfinite(tickets) and math.isfinite(licensed_seats)):
        return None
    if tickets < 0 or licensed_seats <= 0:
        return None
    return tickets / licensed_seats * 100


class Standing(Enum):
    """Where an account stands against its peer median, in the metric's own direction."""

    BETTER = "better"
    LEVEL = "level"
    WORSE = "worse"


@dataclass(frozen=True, slots=True)
class MetricBenchmark:
    key: str
    label: str
    value: float | None
    cohort_median: float | None
    percentile: float | None
    peers_with_data: int
    phrase: str
    higher_is_better: bool

    @property
    def standing(self) -> Standing | None:
        """Better, level or worse than the peer median; None without both figures."""
        return _standing(self.key, self.value, self.cohort_median, self.higher_is_better)


@dataclass(frozen=True, slots=True)
class Benchmark:
    account_id: int
    cohort: Cohort
    metrics: tuple[MetricBenchmark, ...]


def _value(profile: PeerProfile, key: str) -> float | None:
    raw = profile.values.get(key)
    if raw is None:
        return None
    value = float(raw)
    return value if math.isfinite(value) else None


def _standing(key: str, value: float | None, median: float | None,
              higher_is_better: bool) -> Standing | None:
    if value is None or median is None:
        return None
    # Figures that print alike are level: "above the median" beside "70%" and "70%"
    # reads as a mistake, whatever the third decimal says.
    if format_peer_value(key, value) == format_peer_value(key, median):
        return Standing.LEVEL
    return Standing.BETTER if (value > median) == higher_is_better else Standing.WORSE


# Templates by (position, higher is better); {label} is the metric's label. The middle
# positions are the Standing values, so peer_comparison can use them without a band.
_PHRASES: dict[tuple[str, bool], str] = {
    ("top 10", True): N_("top {share} in {label}"),
    ("top 25", True): N_("top {share} in {label}"),
    ("better", True): N_("above the peer median in {label}"),
    ("level", True): N_("level with the peer median in {label}"),
    ("worse", True): N_("below the peer median in {label}"),
    ("bottom 25", True): N_("bottom {share} in {label}"),
    ("bottom 10", True): N_("bottom {share} in {label}"),
    ("top 10", False): N_("top {share} for fewest {label}"),
    ("top 25", False): N_("top {share} for fewest {label}"),
    ("better", False): N_("fewer {label} than the peer median"),
    ("level", False): N_("level with the peer median in {label}"),
    ("worse", False): N_("more {label} than the peer median"),
    ("bottom 25", False): N_("bottom {share} for most {label}"),
    ("bottom 10", False): N_("bottom {share} for most {label}"),
}
# The band's share of the peers, "{share}" in the templates.
_SHARES = {"top 10": "10%", "top 25": "25%", "bottom 25": "25%", "bottom 10": "10%"}
_NO_DATA = N_("no data for {label}")
_NO_PEER_DATA = N_("no peer data for {label}")


def _position(standing: Standing, percentile: float) -> str:
    # A top or bottom band only ever sharpens the side of the median, never overrides it.
    if standing is Standing.BETTER and percentile >= 75:
        return "top 10" if percentile >= 90 else "top 25"
    if standing is Standing.WORSE and percentile <= 25:
        return "bottom 10" if percentile <= 10 else "bottom 25"
    return standing.value


def _phrase_template(higher_is_better: bool, percentile: float | None,
                     standing: Standing | None, has_value: bool) -> tuple[str, str]:
    """The phrase's template and the band's share of the peers ("" outside a band)."""
    if not has_value:
        return _NO_DATA, ""
    if percentile is None or standing is None:
        return _NO_PEER_DATA, ""
    position = _position(standing, percentile)
    return _PHRASES[(position, higher_is_better)], _SHARES.get(position, "")


def _phrase(metric: BenchmarkMetric, percentile: float | None,
            standing: Standing | None, has_value: bool) -> str:
    template, share = _phrase_template(metric.higher_is_better, percentile, standing,
                                       has_value)
    return template.format(label=metric.label, share=share)


def metric_phrase(metric: MetricBenchmark, book: Catalogue | None = None) -> str:
    """The metric's `phrase` ("top 10% in health") in the catalogue's language (the
    window's); `phrase` itself stays English for `--json`."""
    book = book or interface_catalogue()
    template, share = _phrase_template(metric.higher_is_better, metric.percentile,
                                       metric.standing, metric.value is not None)
    return book.gettext(template, label=book.gettext(metric.label), share=share)


def _metric(metric: BenchmarkMetric, value: float | None, median: float | None,
            worse: int, equal: int, peers: int) -> MetricBenchmark:
    percentile = None
    if value is not None and peers > 0:
        percentile = round((worse + equal / 2) / peers * 100, 1)
    standing = _standing(metric.key, value, median, metric.higher_is_better)
    return MetricBenchmark(
        key=metric.key, label=metric.label, value=value,
        cohort_median=median, percentile=percentile, peers_with_data=peers,
        phrase=_phrase(metric, percentile, standing, value is not None),
        higher_is_better=metric.higher_is_better,
    )


def benchmark(target: PeerProfile, portfolio: Sequence[PeerProfile],
              minimum: int = MINIMUM_COHORT) -> Benchmark:
    """Benchmark one account; `portfolio` may include it (it is skipped by account id)."""
    others = [p for p in portfolio if p.account_id != target.account_id]
    sizes: dict[tuple[str, ...], int] = {}
    members: dict[tuple[str, ...], list[PeerProfile]] = {}
    for step in eligible_steps(target):
        wanted = cohort_key(target, step)
        members[step] = [p for p in others if cohort_key(p, step) == wanted]
        sizes[step] = len(members[step])
    cohort = choose_cohort(target, sizes, minimum)
    peers = members[cohort.criteria]
    results = []
    for metric in BENCHMARK_METRICS:
        value = _value(target, metric.key)
        data = [v for p in peers if (v := _value(p, metric.key)) is not None]
        median = statistics.median(data) if data else None
        worse = equal = 0
        if value is not None:
            worse = sum(1 for v in data if (v < value if metric.higher_is_better else v > value))
            equal = sum(1 for v in data if v == value)
        results.append(_metric(metric, value, median, worse, equal, len(data)))
    return Benchmark(target.account_id, cohort, tuple(results))


class _Group:
    """One cohort's members with each metric's values sorted once, built on first use."""

    __slots__ = ("members", "_sorted")

    def __init__(self) -> None:
        self.members: list[PeerProfile] = []
        self._sorted: dict[str, list[float]] = {}

    def values(self, key: str) -> list[float]:
        if key not in self._sorted:
            self._sorted[key] = sorted(
                v for p in self.members if (v := _value(p, key)) is not None
            )
        return self._sorted[key]


def _median_without(values: list[float], own: float | None) -> float | None:
    """Median of the sorted `values` with one copy of `own` taken out (None: nothing to take)."""
    skip = len(values) if own is None else bisect_left(values, own)
    count = len(values) - (0 if own is None else 1)
    if count <= 0:
        return None

    def at(index: int) -> float:
        return values[index if index < skip else index + 1]

    middle = count // 2
    if count % 2:
        return at(middle)
    return (at(middle - 1) + at(middle)) / 2


def benchmark_portfolio(portfolio: Sequence[PeerProfile],
                        minimum: int = MINIMUM_COHORT) -> dict[int, Benchmark]:
    """Benchmark every account at once; the same answers as `benchmark` for each, faster.

    Each cohort is grouped once and each metric sorted once per cohort, so a rank is two
    binary searches (less the account's own value) instead of a scan of the portfolio.
    """
    ids = [p.account_id for p in portfolio]
    if len(set(ids)) != len(ids):
        raise ValueError("each account may appear only once in a portfolio benchmark")
    groups: dict[tuple[str, ...], dict[tuple[str, ...], _Group]] = {
        step: defaultdict(_Group) for step in COHORT_STEPS
    }
    for profile in portfolio:
        for step in COHORT_STEPS:
            groups[step][cohort_key(profile, step)].members.append(profile)
    results: dict[int, Benchmark] = {}
    for target in portfolio:
        steps = eligible_steps(target)
        sizes = {s: len(groups[s][cohort_key(target, s)].members) - 1 for s in steps}
        cohort = choose_cohort(target, sizes, minimum)
        group = groups[cohort.criteria][cohort_key(target, cohort.criteria)]
        metrics = []
        for metric in BENCHMARK_METRICS:
            values = group.values(metric.key)
            own = _value(target, metric.key)
            peers = len(values) - (0 if own is None else 1)
            worse = equal = 0
            if own is not None:
                low, high = bisect_left(values, own), bisect_right(values, own)
                equal = high - low - 1
                worse = low if metric.higher_is_better else len(values) - high
            metrics.append(_metric(metric, own, _median_without(values, own), worse, equal,
                                   peers))
        results[target.account_id] = Benchmark(target.account_id, cohort, tuple(metrics))
    return results


def describe_benchmark(result: Benchmark) -> str:
    """One sentence for the CSM: 'Among 11 Retail · Growth peers: top 25% in health, ...'.

    Internal: it names percentile bands and the cohort's tier. Customer material uses
    `peer_comparisons`.
    """
    phrases = [m.phrase for m in result.metrics if m.percentile is not None]
    size = result.cohort.size
    where = (f"the whole portfolio ({format_number(size)} other "
             f"account{'' if size == 1 else 's'})"
             if not result.cohort.criteria
             else f"{format_number(size)} {result.cohort.description} "
                  f"peer{'' if size == 1 else 's'}")
    if not phrases:
        return f"Among {where}: not enough data to compare."
    return f"Among {where}: {', '.join(phrases)}."


@dataclass(frozen=True, slots=True)
class PeerComparison:
    """One metric against the peer median, with nothing a customer should not see.

    No percentile, band or cohort criteria: ranks are internal, and a cohort's
    description names the account's tier.
    """

    key: str
    label: str
    value_text: str
    median_text: str
    standing: Standing
    phrase: str


def peer_comparison(metric: MetricBenchmark) -> PeerComparison | None:
    """The account's value and the peer median as shown, and which side it is on.

    None when the account has no value or no peer has one: there is nothing to compare.
    """
    standing = metric.standing
    if standing is None:
        return None
    template = _PHRASES[(standing.value, metric.higher_is_better)]
    return PeerComparison(
        key=metric.key, label=metric.label,
        value_text=format_peer_value(metric.key, metric.value),
        median_text=format_peer_value(metric.key, metric.cohort_median),
        standing=standing, phrase=template.format(label=metric.label))


def peer_comparisons(result: Benchmark, keys: Sequence[str] | None = None,
                     ) -> tuple[PeerComparison, ...]:
    """The comparisons there is data for, in the order of `keys` (default: every metric)."""
    by_key = {m.key: m for m in result.metrics}
    wanted = [m.key for m in result.metrics] if keys is None else keys
    found = (peer_comparison(by_key[k]) for k in wanted if k in by_key)
    return tuple(c for c in found if c is not None)


def format_peer_value(key: str, value: float | None) -> str:
    """A benchmark value as a person reads it: rates as percentages, counts without noise."""
    if value is None:
        return "—"
    if key.endswith("_rate"):
        return f"{value:.0%}"
    if value != int(value) and abs(value) < 100:
        return f"{value:,.1f}"
    return f"{value:,.0f}"

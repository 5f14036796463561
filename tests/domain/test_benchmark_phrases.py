"""Benchmark phrases say which side of the peer median the account is on, for every metric.

A phrase is read word by word, as a CSM glances at it: "top"/"bottom" say good or bad
news; "above", "more" and "most" say the value is higher, "below", "fewer" and "fewest"
that it is lower, which is good or bad news depending on the metric's direction. Every
word must agree with where the value really stands against the median shown beside it.
"""

from __future__ import annotations

import math
import re
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qbr_desktop.domain.benchmark import (
    BENCHMARK_METRICS,
    TICKETS_PER_100_SEATS,
    Benchmark,
    BenchmarkMetric,
    MetricBenchmark,
    PeerComparison,
    Standing,
    benchmark,
    benchmark_portfolio,
    describe_benchmark,
    format_peer_value,
    metric_phrase,
    peer_comparison,
    peer_comparisons,
    tickets_per_100_seats,
)
from qbr_desktop.domain.peer_cohort import WHOLE_PORTFOLIO, Cohort, PeerProfile
from qbr_desktop.i18n import CHINESE, ENGLISH, catalogue

BETTER, LEVEL, WORSE = "better", "level", "worse"
HIGHER_WORDS = {"above", "more", "most"}
LOWER_WORDS = {"below", "fewer", "fewest"}


def profile(account_id: int, metric: BenchmarkMetric, value: float | None) -> PeerProfile:
    values = {} if value is None else {metric.key: value}
    return PeerProfile(account_id, "Retail", "Growth", "1–2 years", values)


def side_of_median(metric: BenchmarkMetric, value: float, median: float) -> str:
    """Where the value stands as a reader sees the two figures side by side."""
    if format_peer_value(metric.key, value) == format_peer_value(metric.key, median):
        return LEVEL
    return BETTER if (value > median) == metric.higher_is_better else WORSE


def sides_claimed(metric: BenchmarkMetric, phrase: str) -> set[str]:
    words = set(re.findall(r"[a-z]+", phrase.replace(metric.label, " ")))
    claimed = set()
    if "top" in words:
        claimed.add(BETTER)
    if "bottom" in words:
        claimed.add(WORSE)
    if words & HIGHER_WORDS:
        claimed.add(BETTER if metric.higher_is_better else WORSE)
    if words & LOWER_WORDS:
        claimed.add(WORSE if metric.higher_is_better else BETTER)
    if "level" in words:
        claimed.add(LEVEL)
    if not metric.higher_is_better and words & {"top", "bottom"}:
        # "top 10% in support tickets" could mean the most tickets: the phrase must say.
        assert words & (HIGHER_WORDS | LOWER_WORDS), phrase
    return claimed


def assert_truthful(metric: BenchmarkMetric, result: MetricBenchmark,
                    peers: list[float]) -> None:
    assert result.value is not None and result.percentile is not None
    median = statistics.median(peers)
    assert result.cohort_median == median
    side = side_of_median(metric, result.value, median)
    assert sides_claimed(metric, result.phrase) == {side}, (result.phrase, median)
    # More than half the peers doing worse can never leave the value on the worse side.
    if result.percentile > 50:
        assert side != WORSE, result
    if result.percentile < 50:
        assert side != BETTER, result
    assert result.standing is not None and result.standing.value == side
    comparison = peer_comparison(result)
    assert comparison is not None and comparison.standing.value == side
    assert sides_claimed(metric, comparison.phrase) == {side}, comparison.phrase


# Whole numbers and halves make ties and equal medians common; fractions test the rest.
VALUES = st.one_of(st.integers(0, 12).map(float), st.integers(0, 24).map(lambda n: n / 2),
                   st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 3)))


@settings(max_examples=400)
@given(metric=st.sampled_from(BENCHMARK_METRICS), own=VALUES,
       peers=st.lists(VALUES, min_size=1, max_size=25))
def test_every_phrase_agrees_with_the_side_of_the_median(
        metric: BenchmarkMetric, own: float, peers: list[float]) -> None:
    target = profile(0, metric, own)
    cohort = [target, *(profile(n, metric, v) for n, v in enumerate(peers, start=1))]
    one = next(m for m in benchmark(target, cohort, minimum=1).metrics if m.key == metric.key)
    assert_truthful(metric, one, peers)
    every = benchmark_portfolio(cohort, minimum=1)[0]
    assert next(m for m in every.metrics if m.key == metric.key) == one


# -- each metric in each position ---------------------------------------------------------

# Peers valued 1..10 (median 5.5); each peer beaten is 10 percentile points. Values are for
# a higher-is-better metric and mirrored (11 - value) for a lower-is-better one.
POSITIONS = {
    "top 10%": (10.5, "top 10% in {}", "top 10% for fewest {}"),
    "top 25%": (8.5, "top 25% in {}", "top 25% for fewest {}"),
    "above the median": (7.5, "above the peer median in {}", "fewer {} than the peer median"),
    "level": (5.5, "level with the peer median in {}", "level with the peer median in {}"),
    "below the median": (3.5, "below the peer median in {}", "more {} than the peer median"),
    "bottom 25%": (2.5, "bottom 25% in {}", "bottom 25% for most {}"),
    "bottom 10%": (0.5, "bottom 10% in {}", "bottom 10% for most {}"),
}


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("metric", BENCHMARK_METRICS, ids=lambda m: m.key)
def test_each_metric_in_each_position(metric: BenchmarkMetric, position: str) -> None:
    value, higher_words, lower_words = POSITIONS[position]
    own = value if metric.higher_is_better else 11 - value
    peers = [float(n) for n in range(1, 11)]
    cohort = [profile(n, metric, v) for n, v in enumerate(peers, start=1)]
    result = next(m for m in benchmark(profile(0, metric, own), cohort).metrics
                  if m.key == metric.key)
    words = higher_words if metric.higher_is_better else lower_words
    assert result.phrase == words.format(metric.label)
    assert metric_phrase(result, catalogue(ENGLISH)) == result.phrase
    assert_truthful(metric, result, peers)


@pytest.mark.parametrize(("position", "higher", "chinese"), [
    ("top 10%", True, "健康评分位居前 10%"), ("bottom 25%", True, "健康评分位居后 25%"),
    ("top 25%", False, "每 100 个席位的支持工单数较少，位居前 25%"),
    ("bottom 10%", False, "每 100 个席位的支持工单数偏多，位居后 10%")])
def test_the_window_reads_the_phrase_in_its_language(position: str, higher: bool,
                                                     chinese: str) -> None:
    metric = next(m for m in BENCHMARK_METRICS if m.key == ("health" if higher
                                                              else TICKETS_PER_100_SEATS))
    value = POSITIONS[position][0]
    peers = [profile(n, metric, float(n)) for n in range(1, 11)]
    result = next(m for m in benchmark(profile(0, metric, value if higher else 11 - value),
                                       peers).metrics if m.key == metric.key)
    assert metric_phrase(result, catalogue(CHINESE)) == chinese
    assert "%" in result.phrase and "健康" not in result.phrase  # --json keeps English


def test_a_value_on_the_median_is_level_whatever_the_ties_do_to_the_percentile() -> None:
    # Mid-rank puts the account above 50 (one peer lower, four tied), yet it sits on the
    # median: "above the median" beside two equal figures would be false.
    metric = BENCHMARK_METRICS[0]
    peers = [1.0, 5.0, 5.0, 5.0, 5.0]
    cohort = [profile(n, metric, v) for n, v in enumerate(peers, start=1)]
    result = benchmark(profile(0, metric, 5.0), cohort).metrics[0]
    assert result.percentile == 60.0 and result.cohort_median == 5.0
    assert result.phrase == "level with the peer median in health"


def test_a_percentile_of_50_off_the_median_says_which_side() -> None:
    metric = BENCHMARK_METRICS[0]
    cohort = [profile(1, metric, 10.0), profile(2, metric, 90.0)]
    result = benchmark(profile(0, metric, 40.0), cohort, minimum=1).metrics[0]
    assert (result.percentile, result.cohort_median) == (50.0, 50.0)
    assert result.phrase == "below the peer median in health"


def test_figures_that_print_alike_are_level() -> None:
    coverage = next(m for m in BENCHMARK_METRICS if m.key == "coverage_rate")
    cohort = [profile(n, coverage, v) for n, v in enumerate((0.5, 0.699, 0.9), start=1)]
    result = next(m for m in benchmark(profile(0, coverage, 0.701), cohort, minimum=1).metrics
                  if m.key == "coverage_rate")
    assert format_peer_value(result.key, result.value) == "70%"
    assert format_peer_value(result.key, result.cohort_median) == "70%"
    assert result.standing is Standing.LEVEL
    assert result.phrase == "level with the peer median in user coverage"


# -- support tickets per 100 seats --------------------------------------------------------

def test_tickets_per_100_seats_makes_small_and_large_accounts_comparable() -> None:
    small = tickets_per_100_seats(1, 6)
    large = tickets_per_100_seats(39, 875)
    assert small == pytest.approx(16.67, abs=0.01)
    assert large == pytest.approx(4.46, abs=0.01)
    tickets = BENCHMARK_METRICS[-1]
    assert tickets.key == TICKETS_PER_100_SEATS and not tickets.higher_is_better
    # The large account files 39 times the tickets yet carries the lighter load per seat.
    peers = [profile(1, tickets, small), *(profile(n, tickets, 8.0) for n in range(2, 6))]
    result = benchmark(profile(0, tickets, large), peers).metrics[-1]
    assert result.percentile == 100.0
    assert result.phrase == "top 10% for fewest support tickets per 100 seats"
    assert format_peer_value(result.key, result.value) == "4.5"


@pytest.mark.parametrize(("tickets", "seats"), [
    (3, 0), (0, 0), (3, None), (None, 40), (None, None), (-1, 40), (math.nan, 40),
    (3, math.inf), (math.inf, 40)])
def test_no_rate_without_seats_or_a_ticket_count(tickets: float | None,
                                                  seats: float | None) -> None:
    assert tickets_per_100_seats(tickets, seats) is None


def test_no_tickets_is_a_rate_of_zero() -> None:
    assert tickets_per_100_seats(0, 40) == 0.0


def test_an_account_without_a_rate_has_no_data_and_is_no_peer() -> None:
    tickets = BENCHMARK_METRICS[-1]
    peers = [profile(n, tickets, float(n)) for n in range(1, 6)] + [profile(6, tickets, None)]
    result = benchmark(profile(0, tickets, None), peers).metrics[-1]
    assert (result.value, result.percentile, result.standing) == (None, None, None)
    assert result.phrase == "no data for support tickets per 100 seats"
    assert result.peers_with_data == 5
    assert peer_comparison(result) is None


# -- describe_benchmark -------------------------------------------------------------------

def test_describe_benchmark_uses_the_truthful_phrases() -> None:
    peers = [PeerProfile(n, "Retail", "Growth", "1–2 years",
                         {"health": 40.0 + n, TICKETS_PER_100_SEATS: 1.0 + n})
             for n in range(1, 6)]
    target = PeerProfile(0, "Retail", "Growth", "1–2 years",
                         {"health": 40.0, TICKETS_PER_100_SEATS: 3.5})
    assert describe_benchmark(benchmark(target, peers)) == (
        "Among 5 Retail · Growth · 1–2 years peers: bottom 10% in health, "
        "fewer support tickets per 100 seats than the peer median.")


def test_describe_benchmark_counts_one_peer_in_the_singular() -> None:
    one = [PeerProfile(1, "Retail", "Growth", "1–2 years", {"health": 50.0})]
    target = PeerProfile(0, "Retail", "Growth", "1–2 years", {"health": 60.0})
    assert describe_benchmark(benchmark(target, one)) == (
        "Among the whole portfolio (1 other account): top 10% in health.")
    named = benchmark(target, one, minimum=1)
    assert describe_benchmark(named).startswith("Among 1 Retail · Growth · 1–2 years peer:")


# -- peer comparisons for customer material -----------------------------------------------

def measured(key: str, value: float | None, median: float | None,
             higher_is_better: bool = True) -> MetricBenchmark:
    label = next(m.label for m in BENCHMARK_METRICS if m.key == key)
    return MetricBenchmark(key, label, value, median, None if value is None else 80.0, 5,
                           "internal phrase", higher_is_better)


@pytest.mark.parametrize(("key", "value", "median", "higher", "expected"), [
    ("adoption_rate", 0.62, 0.48, True, PeerComparison(
        "adoption_rate", "feature adoption", "62%", "48%", Standing.BETTER,
        "above the peer median in feature adoption")),
    ("nps", -10.0, 20.0, True, PeerComparison(
        "nps", "NPS", "-10", "20", Standing.WORSE, "below the peer median in NPS")),
    ("csat", 4.0, 4.0, True, PeerComparison(
        "csat", "CSAT", "4", "4", Standing.LEVEL, "level with the peer median in CSAT")),
    (TICKETS_PER_100_SEATS, 1.4, 2.25, False, PeerComparison(
        TICKETS_PER_100_SEATS, "support tickets per 100 seats", "1.4", "2.2",
        Standing.BETTER, "fewer support tickets per 100 seats than the peer median")),
    (TICKETS_PER_100_SEATS, 16.7, 4.5, False, PeerComparison(
        TICKETS_PER_100_SEATS, "support tickets per 100 seats", "16.7", "4.5",
        Standing.WORSE, "more support tickets per 100 seats than the peer median")),
])
def test_peer_comparison(key: str, value: float, median: float, higher: bool,
                         expected: PeerComparison) -> None:
    assert peer_comparison(measured(key, value, median, higher)) == expected


def test_peer_comparison_never_shows_a_rank() -> None:
    # Percentile 80 and 100 behind these: a customer sees neither the rank nor the band.
    for metric in (measured("health", 90.0, 50.0),
                   measured(TICKETS_PER_100_SEATS, 0.0, 3.0, higher_is_better=False)):
        comparison = peer_comparison(metric)
        assert comparison is not None
        assert not {"top", "bottom", "percentile"} & set(comparison.phrase.split())
        assert "%" not in comparison.phrase
        assert not hasattr(comparison, "percentile")


def test_peer_comparison_needs_both_figures() -> None:
    assert peer_comparison(measured("health", None, 50.0)) is None
    assert peer_comparison(measured("health", 50.0, None)) is None


def test_peer_comparisons_in_the_order_asked_skipping_what_has_no_data() -> None:
    result = Benchmark(1, Cohort((), "the whole portfolio", 3, None), (
        measured("health", 70.0, 60.0), measured("adoption_rate", None, 0.5),
        measured("coverage_rate", 0.8, 0.9)))
    assert [c.key for c in peer_comparisons(result)] == ["health", "coverage_rate"]
    asked = peer_comparisons(result, ("coverage_rate", "adoption_rate", "nps", "health"))
    assert [c.key for c in asked] == ["coverage_rate", "health"]


def test_the_cohort_reads_its_tenure_band_in_the_windows_language() -> None:
    zh = catalogue(CHINESE)
    cohort = Cohort(("industry", "tier", "tenure"), "Retail · Growth · 2–5 years", 7, None)
    assert cohort.words(zh) == "Retail · Growth · 2–5 年"  # industry and tier as named
    assert cohort.words(catalogue(ENGLISH)) == cohort.description
    assert Cohort((), WHOLE_PORTFOLIO, 4, None).words(zh) == "整个客户组合"
    odd = Cohort(("industry", "tenure"), "Food · Drink · 5+ years", 5, None)
    assert odd.words(zh) == "Food · Drink · 5+ years"  # a " · " in a name: as stored

"""Peer benchmarks: tenure bands, mid-rank percentiles, cohort fallbacks, the fast path."""

from __future__ import annotations

import random
from datetime import date

import pytest

from qbr_desktop.domain.benchmark import (
    BENCHMARK_METRICS,
    TICKETS_PER_100_SEATS,
    Benchmark,
    MetricBenchmark,
    benchmark,
    benchmark_portfolio,
    describe_benchmark,
)
from qbr_desktop.domain.peer_cohort import (
    MINIMUM_COHORT,
    UNKNOWN_TENURE,
    PeerProfile,
    tenure_band,
)

TODAY = date(2026, 3, 10)


def peer(account_id: int, industry: str = "Retail", tier: str = "Growth",
         tenure: str = "1–2 years", **values: float) -> PeerProfile:
    return PeerProfile(account_id, industry, tier, tenure, values)


def metric(result: Benchmark, key: str) -> MetricBenchmark:
    return next(m for m in result.metrics if m.key == key)


# -- tenure ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("since", "band"),
    [
        (None, "Unknown tenure"),
        (date(2026, 3, 11), "Under 1 year"),  # starts tomorrow: a data slip, not negative tenure
        (date(2025, 3, 11), "Under 1 year"),  # first anniversary is tomorrow
        (date(2025, 3, 10), "1–2 years"),  # first anniversary today
        (date(2024, 3, 11), "1–2 years"),
        (date(2024, 3, 10), "2–5 years"),
        (date(2021, 3, 11), "2–5 years"),
        (date(2021, 3, 10), "5+ years"),
        (date(1995, 1, 1), "5+ years"),
    ],
)
def test_tenure_band_boundaries(since: date | None, band: str) -> None:
    assert tenure_band(since, TODAY) == band


def test_tenure_from_29_february() -> None:
    assert tenure_band(date(2024, 2, 29), date(2025, 2, 28)) == "Under 1 year"
    assert tenure_band(date(2024, 2, 29), date(2025, 3, 1)) == "1–2 years"


# -- metrics and percentiles -----------------------------------------------------------------

def test_benchmark_metric_catalogue() -> None:
    keys = [m.key for m in BENCHMARK_METRICS]
    assert keys == ["health", "adoption_rate", "coverage_rate", "logins_per_user_week",
                    "csat", "nps", "support_tickets_per_100_seats"]
    lower = [m.key for m in BENCHMARK_METRICS if not m.higher_is_better]
    assert lower == [TICKETS_PER_100_SEATS]
    assert BENCHMARK_METRICS[-1].label == "support tickets per 100 seats"
    key, label, higher = BENCHMARK_METRICS[1]  # plain tuples unpack
    assert (key, label, higher) == ("adoption_rate", "feature adoption", True)


def test_mid_rank_percentile_with_ties() -> None:
    target = peer(1, health=20)
    peers = [peer(2, health=10), peer(3, health=20), peer(4, health=20), peer(5, health=30)]
    result = metric(benchmark(target, [target, *peers], minimum=1), "health")
    # 1 peer worse (10), 2 equal (20, 20): (1 + 2/2) / 4 × 100 = 50
    assert result.percentile == 50.0
    assert result.phrase == "level with the peer median in health"
    assert result.cohort_median == 20.0
    assert result.peers_with_data == 4


def test_percentile_excludes_the_account_itself() -> None:
    target = peer(1, health=40)
    peers = [peer(i, health=v) for i, v in enumerate((10, 20, 30, 50, 60), start=2)]
    result = metric(benchmark(target, [*peers, target]), "health")
    assert result.percentile == 60.0  # 3 of 5 peers lower
    assert result.cohort_median == 30.0  # median of 10, 20, 30, 50, 60 without the 40
    assert result.phrase == "above the peer median in health"


@pytest.mark.parametrize(
    ("value", "percentile", "phrase"),
    # ten peers valued 1..10, so each peer below the value is 10 percentile points
    [
        (10.5, 100.0, "top 10% in feature adoption"),
        (9.5, 90.0, "top 10% in feature adoption"),
        (8.5, 80.0, "top 25% in feature adoption"),
        (7.5, 70.0, "above the peer median in feature adoption"),
        (4.5, 40.0, "below the peer median in feature adoption"),
        (2.5, 20.0, "bottom 25% in feature adoption"),
        (1.5, 10.0, "bottom 10% in feature adoption"),
        (0.5, 0.0, "bottom 10% in feature adoption"),
    ],
)
def test_phrases_follow_the_percentile(value: float, percentile: float, phrase: str) -> None:
    peers = [peer(i, adoption_rate=i) for i in range(1, 11)]
    result = metric(benchmark(peer(99, adoption_rate=value), peers), "adoption_rate")
    assert (result.percentile, result.phrase) == (percentile, phrase)


@pytest.mark.parametrize(("value", "phrase"), [(3.5, "top 25%"), (1.5, "bottom 25%")])
def test_75_and_25_are_the_quartile_boundaries(value: float, phrase: str) -> None:
    peers = [peer(i, nps=i) for i in range(1, 5)] + [peer(5)]
    result = metric(benchmark(peer(99, nps=value), peers, minimum=1), "nps")
    assert result.peers_with_data == 4  # the peer without NPS is not counted
    assert result.phrase == f"{phrase} in NPS"


def tickets(account_id: int, per_100_seats: float) -> PeerProfile:
    return peer(account_id, **{TICKETS_PER_100_SEATS: per_100_seats})


def test_lower_is_better_inverts_the_percentile() -> None:
    peers = [tickets(i, t) for i, t in enumerate((5, 6, 7, 8, 9), start=2)]
    few = metric(benchmark(tickets(1, 2), peers), TICKETS_PER_100_SEATS)
    assert few.percentile == 100.0
    assert few.phrase == "top 10% for fewest support tickets per 100 seats"
    many = metric(benchmark(tickets(1, 12), peers), TICKETS_PER_100_SEATS)
    assert many.percentile == 0.0
    assert many.phrase == "bottom 10% for most support tickets per 100 seats"
    tied = metric(benchmark(tickets(1, 6), peers), TICKETS_PER_100_SEATS)
    assert tied.percentile == 70.0  # 3 peers have more tickets, 1 the same: (3 + 0.5) / 5
    assert tied.phrase == "fewer support tickets per 100 seats than the peer median"


def test_no_data() -> None:
    peers = [peer(i, csat=4) for i in range(2, 8)]
    result = benchmark(peer(1), peers)
    csat = metric(result, "csat")
    assert (csat.value, csat.percentile, csat.phrase) == (None, None, "no data for CSAT")
    assert csat.cohort_median == 4.0 and csat.peers_with_data == 6
    nps = metric(benchmark(peer(1, nps=10), peers), "nps")
    assert (nps.percentile, nps.cohort_median, nps.peers_with_data) == (None, None, 0)
    assert nps.phrase == "no peer data for NPS"


# -- cohorts and their fallbacks -------------------------------------------------------------

def test_full_cohort_has_no_note() -> None:
    peers = [peer(i) for i in range(2, 7)]
    cohort = benchmark(peer(1), peers).cohort
    assert cohort.criteria == ("industry", "tier", "tenure")
    assert cohort.description == "Retail · Growth · 1–2 years"
    assert (cohort.size, cohort.fallback_note) == (5, None)


def test_falls_back_to_industry_and_tier() -> None:
    peers = [peer(i) for i in range(2, 5)] + [peer(i, tenure="5+ years") for i in range(5, 7)]
    cohort = benchmark(peer(1), peers).cohort
    assert cohort.criteria == ("industry", "tier")
    assert cohort.description == "Retail · Growth"
    assert cohort.size == 5
    assert str(cohort.fallback_note) == (
        "Only 3 peers share industry, tier and tenure; "
        "compared with 5 accounts in Retail on the Growth tier instead.")


def test_falls_back_to_tier() -> None:
    peers = [peer(2)] + [peer(i, industry="Energy") for i in range(3, 13)]
    cohort = benchmark(peer(1), peers).cohort
    assert cohort.criteria == ("tier",)
    assert cohort.description == "Growth"
    assert str(cohort.fallback_note) == (
        "Only 1 peer shares industry, tier and tenure; "
        "compared with 11 Growth-tier accounts instead.")


def test_falls_back_to_industry() -> None:
    peers = [peer(i, tier="Core") for i in range(2, 8)]
    cohort = benchmark(peer(1), peers).cohort
    assert cohort.criteria == ("industry",)
    assert cohort.description == "Retail"
    assert str(cohort.fallback_note) == (
        "No other account shares industry, tier and tenure; "
        "compared with 6 accounts in Retail instead.")


def test_falls_back_to_the_whole_portfolio() -> None:
    peers = [peer(i, industry="Energy", tier="Core") for i in range(2, 9)]
    cohort = benchmark(peer(1), peers).cohort
    assert cohort.criteria == ()
    assert cohort.description == "the whole portfolio"
    assert cohort.size == 7
    assert str(cohort.fallback_note) == (
        "No other account shares industry, tier and tenure; "
        "compared with the whole portfolio (7 other accounts) instead.")


def test_small_portfolio_is_still_used_and_says_so() -> None:
    peers = [peer(2, industry="Energy"), peer(3, tier="Core")]
    cohort = benchmark(peer(1), peers).cohort
    assert (cohort.criteria, cohort.size) == ((), 2)
    assert cohort.fallback_note is not None
    assert str(cohort.fallback_note).endswith(
        "still a small group, so read the percentiles with care.")
    alone = benchmark(peer(1, health=70), [])
    assert alone.cohort.size == 0
    assert metric(alone, "health").phrase == "no peer data for health"


def test_unknown_tenure_skips_the_steps_that_need_it() -> None:
    # Five peers also have unknown tenure, but "unknown" is not a shared trait.
    peers = [peer(i, tenure=UNKNOWN_TENURE) for i in range(2, 7)]
    cohort = benchmark(peer(1, tenure=UNKNOWN_TENURE), peers).cohort
    assert cohort.criteria == ("industry", "tier")
    assert str(cohort.fallback_note) == (
        "Tenure is not recorded; compared with 5 accounts in Retail on the Growth tier instead.")
    blank = benchmark(peer(1, industry=" ", tenure=UNKNOWN_TENURE), peers).cohort
    assert blank.criteria == ("tier",)
    assert blank.fallback_note is not None
    assert str(blank.fallback_note).startswith("Industry and tenure are not recorded;")


def test_matching_ignores_case_and_stray_spaces() -> None:
    peers = [peer(i, industry="retail ", tier="GROWTH") for i in range(2, 7)]
    cohort = benchmark(peer(1), peers).cohort
    assert cohort.criteria == ("industry", "tier", "tenure")
    assert cohort.description == "Retail · Growth · 1–2 years"  # the account's own spelling


def test_minimum_can_be_changed() -> None:
    peers = [peer(i) for i in range(2, 5)] + [peer(i, tier="Core") for i in range(5, 9)]
    assert benchmark(peer(1), peers).cohort.criteria == ("industry",)
    assert benchmark(peer(1), peers, minimum=3).cohort.criteria == (
        "industry", "tier", "tenure")
    assert MINIMUM_COHORT == 5


@pytest.mark.parametrize(
    "text", ["小売業", "Retail 🛒", "تجارة التجزئة", "<Retail & Co>"],
)
def test_text_passes_through_untouched(text: str) -> None:
    peers = [peer(i, industry=text, tier=text, tenure="5+ years") for i in range(2, 7)]
    cohort = benchmark(peer(1, industry=text, tier=text), peers).cohort
    assert cohort.description == f"{text} · {text}"
    assert cohort.fallback_note is not None and f"in {text} on the {text} tier" in (
        str(cohort.fallback_note))


def test_describe_benchmark() -> None:
    peers = [peer(i, health=v) for i, v in enumerate((50, 60, 65, 70, 72), start=2)]
    result = benchmark(peer(1, health=80), peers)
    assert describe_benchmark(result) == (
        "Among 5 Retail · Growth · 1–2 years peers: top 10% in health.")
    assert describe_benchmark(benchmark(peer(1), [])) == (
        "Among the whole portfolio (0 other accounts): not enough data to compare.")


# -- the whole portfolio at once ------------------------------------------------------------

INDUSTRIES = ("Retail", "Energy", "Software", "Healthcare", "小売業", "")
TIERS = ("Strategic", "Growth", "Core")
TENURES = ("Under 1 year", "1–2 years", "2–5 years", "5+ years", UNKNOWN_TENURE)


def synthetic_portfolio(count: int, seed: int) -> list[PeerProfile]:
    rng = random.Random(seed)
    profiles = []
    for account_id in range(1, count + 1):
        values: dict[str, float] = {}
        for item in BENCHMARK_METRICS:
            if rng.random() < 0.9:  # some gaps, as real data has
                # coarse values so ties are common
                values[item.key] = float(rng.randint(0, 20)) * rng.choice((1.0, 0.5))
        profiles.append(PeerProfile(account_id, rng.choice(INDUSTRIES), rng.choice(TIERS),
                                    rng.choice(TENURES), values))
    return profiles


def test_portfolio_equals_one_by_one_for_a_thousand_accounts() -> None:
    portfolio = synthetic_portfolio(1000, seed=7)
    everything = benchmark_portfolio(portfolio)
    assert set(everything) == {p.account_id for p in portfolio}
    sample = random.Random(3).sample(portfolio, 60)
    for target in sample:
        assert everything[target.account_id] == benchmark(target, portfolio), target


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_portfolio_equals_one_by_one_in_full_for_small_portfolios(seed: int) -> None:
    portfolio = synthetic_portfolio(120, seed)
    everything = benchmark_portfolio(portfolio, minimum=4)
    for target in portfolio:
        assert everything[target.account_id] == benchmark(target, portfolio, minimum=4)


def test_portfolio_refuses_duplicate_accounts() -> None:
    with pytest.raises(ValueError, match="only once"):
        benchmark_portfolio([peer(1), peer(1)])


def test_empty_portfolio() -> None:
    assert benchmark_portfolio([]) == {}

"""Account health: each dimension's formula, missing data, weights, bands and movers."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pytest

from qbr_desktop.domain.health import (
    DEFAULT_WEIGHTS,
    DIMENSION_LABELS,
    FORMULAS,
    GREEN_FROM,
    YELLOW_FROM,
    Band,
    Dimension,
    HealthWeights,
    band_for,
    derived_values,
    format_number,
    health_history,
    health_report,
    make_mover,
    score_quarter,
)
from qbr_desktop.domain.metrics import METRICS_BY_KEY, MetricHistory, MetricValue, format_metric
from qbr_desktop.domain.periods import Quarter

Q1, Q2, Q3 = Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3)

FULL = {
    "features_adopted": 31, "features_available": 40,
    "active_users": 340, "licensed_seats": 400,
    "logins": 11050,  # 340 users × 13 weeks × 2.5 logins a week
    "support_tickets": 17, "csat": 4.2, "nps": 30, "exec_sponsor_engaged": 1,
}


def scores(values: dict[str, float]) -> dict[Dimension, float | None]:
    result = score_quarter(Q3, values)
    return {d.dimension: d.score for d in result.dimensions}


def details(values: dict[str, float]) -> dict[Dimension, str]:
    return {d.dimension: str(d.detail) for d in score_quarter(Q3, values).dimensions}


def history(*quarters: tuple[Quarter, Mapping[str, float]]) -> MetricHistory:
    return MetricHistory.from_values([
        MetricValue(quarter, key, float(value))
        for quarter, values in quarters for key, value in values.items()
    ])


def test_every_dimension_has_a_label_and_a_formula() -> None:
    assert set(DIMENSION_LABELS) == set(FORMULAS) == set(Dimension)
    assert Dimension.COVERAGE.label == "User coverage"
    assert Dimension.ADOPTION.label == "Product adoption"


def test_full_quarter_by_hand() -> None:
    got = scores(FULL)
    assert got[Dimension.ADOPTION] == 77.5  # 31 / 40 × 100
    assert got[Dimension.COVERAGE] == 85.0  # 340 / 400 × 100
    assert got[Dimension.ENGAGEMENT] == 50.0  # 11050 / 340 / 13 = 2.5 a week; 2.5 / 5 × 100
    # CSAT (4.2 − 1) / 4 × 100 = 80; tickets 17 / 340 × 100 = 5 per 100 → 100 − 2 × 5 = 90
    assert got[Dimension.SUPPORT] == 85.0  # (80 + 90) / 2
    assert got[Dimension.SENTIMENT] == 65.0  # (30 + 100) / 2
    assert got[Dimension.RELATIONSHIP] == 100.0
    result = score_quarter(Q3, FULL)
    # (77.5×20 + 85×20 + 50×15 + 85×15 + 65×15 + 100×15) / 100 = 7750 / 100
    assert result.total == 77.5
    assert result.band is Band.GREEN
    assert result.confidence == 1.0
    assert result.quarter == Q3


def test_details_explain_the_inputs() -> None:
    got = details(FULL)
    assert got[Dimension.ADOPTION] == "31 of 40 features in use"
    assert got[Dimension.COVERAGE] == "340 of 400 licensed seats active"
    assert got[Dimension.ENGAGEMENT].startswith("2.5 logins per active user per week")
    assert got[Dimension.SUPPORT] == "CSAT 4.2 of 5; 5 tickets per 100 active users"
    assert got[Dimension.SENTIMENT] == "NPS 30"
    assert got[Dimension.RELATIONSHIP] == "an executive sponsor is engaged"


def test_scores_are_capped_at_100_and_floored_at_0() -> None:
    got = scores({"features_adopted": 45, "features_available": 40,
                  "active_users": 500, "licensed_seats": 400,
                  "logins": 500 * 13 * 10,  # 10 a week, twice the full-marks rate
                  "support_tickets": 400,  # 80 per 100 users, past the 50 that scores 0
                  "nps": 150})
    assert got[Dimension.ADOPTION] == 100.0
    assert got[Dimension.COVERAGE] == 100.0
    assert got[Dimension.ENGAGEMENT] == 100.0
    assert got[Dimension.SUPPORT] == 0.0
    assert got[Dimension.SENTIMENT] == 100.0


@pytest.mark.parametrize(("csat", "expected"), [(1, 0.0), (3, 50.0), (5, 100.0), (3.4, 60.0)])
def test_support_from_csat_alone(csat: float, expected: float) -> None:
    # (csat − 1) / 4 × 100; no tickets, so the CSAT part stands alone
    assert scores({"csat": csat})[Dimension.SUPPORT] == expected


@pytest.mark.parametrize(("tickets", "expected"), [(0, 100.0), (25, 50.0), (50, 0.0), (60, 0.0)])
def test_support_from_tickets_alone(tickets: float, expected: float) -> None:
    # 100 active users, so tickets = tickets per 100; 100 − 2 × tickets, floored at 0
    assert scores({"support_tickets": tickets, "active_users": 100})[Dimension.SUPPORT] == expected


@pytest.mark.parametrize(("nps", "expected"), [(-100, 0.0), (0, 50.0), (100, 100.0), (-37, 31.5)])
def test_sentiment(nps: float, expected: float) -> None:
    assert scores({"nps": nps})[Dimension.SENTIMENT] == expected  # (nps + 100) / 2


def test_relationship_no_is_a_real_zero_not_missing() -> None:
    result = score_quarter(Q3, {"exec_sponsor_engaged": 0})
    assert result.dimensions[-1].score == 0.0
    assert str(result.dimensions[-1].detail) == "no executive sponsor engaged"
    assert result.total == 0.0 and result.band is Band.RED
    assert result.confidence == pytest.approx(0.15)


def test_missing_data_lowers_confidence_and_is_not_zero() -> None:
    partial = {k: v for k, v in FULL.items() if k not in ("logins", "exec_sponsor_engaged")}
    result = score_quarter(Q3, partial)
    got = {d.dimension: d.score for d in result.dimensions}
    assert got[Dimension.ENGAGEMENT] is None and got[Dimension.RELATIONSHIP] is None
    # weights with data 20 + 20 + 15 + 15 = 70;
    # (77.5×20 + 85×20 + 85×15 + 65×15) / 70 = 5500 / 70 = 78.571…
    assert result.total == 78.6
    assert result.confidence == pytest.approx(0.7)
    missing = {d.dimension: str(d.detail) for d in result.dimensions}
    assert missing[Dimension.ENGAGEMENT] == "no login or active-user counts"
    assert missing[Dimension.RELATIONSHIP] == "sponsor engagement not recorded"


def test_nothing_recorded_gives_no_total() -> None:
    result = score_quarter(Q3, {})
    assert result.total is None and result.band is None and result.confidence == 0.0
    assert all(d.score is None for d in result.dimensions)
    assert dict((d.dimension, str(d.detail)) for d in result.dimensions)[Dimension.SUPPORT] == (
        "no CSAT or ticket data")


def test_zero_denominators_are_missing_not_zero() -> None:
    got = scores({"features_adopted": 0, "features_available": 0,
                  "active_users": 0, "licensed_seats": 0,
                  "logins": 100, "support_tickets": 3})
    assert got[Dimension.ADOPTION] is None
    assert got[Dimension.COVERAGE] is None
    assert got[Dimension.ENGAGEMENT] is None
    assert got[Dimension.SUPPORT] is None  # tickets per user cannot be worked out
    assert details({"features_adopted": 0, "features_available": 0})[Dimension.ADOPTION] == (
        "no features recorded as available")


def test_zero_active_users_on_real_seats_scores_zero_coverage() -> None:
    assert scores({"active_users": 0, "licensed_seats": 50})[Dimension.COVERAGE] == 0.0


def test_not_a_number_is_treated_as_missing() -> None:
    assert scores({"nps": math.nan})[Dimension.SENTIMENT] is None


def test_derived_values() -> None:
    derived = derived_values(FULL)
    assert derived == {"adoption_rate": 0.775, "coverage_rate": 0.85,
                       "logins_per_user_week": 2.5}
    assert derived_values({"active_users": 3, "licensed_seats": 0}) == {}
    assert derived_values({"features_adopted": 50, "features_available": 40}) == {
        "adoption_rate": 1.0}


# -- weights ------------------------------------------------------------------------------

def test_default_weights() -> None:
    assert DEFAULT_WEIGHTS.to_dict() == {
        "adoption": 20.0, "coverage": 20.0, "engagement": 15.0,
        "support": 15.0, "sentiment": 15.0, "relationship": 15.0,
    }
    assert DEFAULT_WEIGHTS.total == 100.0


def test_weights_round_trip_and_partial_dicts() -> None:
    weights = HealthWeights(adoption=1, coverage=0, engagement=2, support=0, sentiment=0,
                            relationship=0)
    assert HealthWeights.from_dict(weights.to_dict()) == weights
    # an older stored setting without a newer dimension keeps that dimension's default
    assert HealthWeights.from_dict({"adoption": 40}).relationship == 15.0
    assert isinstance(HealthWeights(adoption=3).adoption, float)


def test_custom_weights_change_the_total() -> None:
    only_adoption = HealthWeights(adoption=1, coverage=0, engagement=0, support=0, sentiment=0,
                                  relationship=0)
    result = score_quarter(Q3, FULL, only_adoption)
    assert result.total == 77.5 and result.confidence == 1.0
    # adoption has no data; the only weighted dimension is missing, so there is no total
    empty = score_quarter(Q3, {"nps": 50}, only_adoption)
    assert empty.total is None and empty.confidence == 0.0
    assert empty.dimensions[4].score == 75.0  # still shown, just not weighted


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("adoption", -1, "zero or more"),
        ("coverage", math.nan, "zero or more"),
        ("support", math.inf, "zero or more"),
        ("sentiment", "heavy", "must be a number"),
        ("relationship", True, "must be a number"),
    ],
)
def test_bad_weights_are_refused(field: str, value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        HealthWeights(**{field: value})  # type: ignore[arg-type]


def test_all_zero_weights_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one health weight"):
        HealthWeights(0, 0, 0, 0, 0, 0)


def test_unknown_dimension_in_stored_weights_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown health dimension"):
        HealthWeights.from_dict({"adoption": 20, "vibes": 5})


# -- bands ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("score", "band"),
    [(100, Band.GREEN), (70, Band.GREEN), (69.9, Band.YELLOW), (50, Band.YELLOW),
     (49.9, Band.RED), (0, Band.RED)],
)
def test_band_boundaries(score: float, band: Band) -> None:
    assert band_for(score) is band
    assert (GREEN_FROM, YELLOW_FROM) == (70, 50)


@pytest.mark.parametrize(
    ("nps", "total", "band"),
    # sentiment alone: (nps + 100) / 2
    [(40, 70.0, Band.GREEN), (39.8, 69.9, Band.YELLOW), (0, 50.0, Band.YELLOW),
     (-0.2, 49.9, Band.RED)],
)
def test_band_boundaries_through_scoring(nps: float, total: float, band: Band) -> None:
    result = score_quarter(Q3, {"nps": nps})
    assert result.total == total and result.band is band


# -- history, movers and the report -------------------------------------------------------

BEFORE = {"features_adopted": 24, "features_available": 40,  # 60
          "active_users": 320, "licensed_seats": 400,  # 80
          "csat": 3, "nps": 20, "exec_sponsor_engaged": 1}  # 50, 60, 100
AFTER = {"features_adopted": 26, "features_available": 40,  # 65 (+5)
         "active_users": 272, "licensed_seats": 400,  # 68 (−12)
         "csat": 3.4, "nps": 10, "exec_sponsor_engaged": 1}  # 60 (+10), 55 (−5), 100


def test_health_history_is_one_score_per_quarter_ascending() -> None:
    scored = health_history(history((Q3, AFTER), (Q2, BEFORE)))
    assert [s.quarter for s in scored] == [Q2, Q3]
    # no engagement data: weights 85. Q2: (60×20 + 80×20 + 50×15 + 60×15 + 100×15) / 85 = 70
    assert scored[0].total == 70.0
    # Q3: (65×20 + 68×20 + 60×15 + 55×15 + 100×15) / 85 = 5885 / 85 = 69.23…
    assert scored[1].total == 69.2


def test_report_movers_and_summary() -> None:
    report = health_report(history((Q2, BEFORE), (Q3, AFTER)))
    assert report.current is not None and report.previous is not None
    assert (report.current.quarter, report.previous.quarter) == (Q3, Q2)
    assert report.change == -0.8
    # coverage −12, support +10, then adoption +5 and sentiment −5 tie: dimension order wins
    assert [str(m.sentence) for m in report.movers] == [
        "User coverage fell 12 points (from 80 to 68).",
        "Support health rose 10 points (from 50 to 60).",
        "Product adoption rose 5 points (from 60 to 65).",
    ]
    assert [m.change for m in report.movers] == [-12.0, 10.0, 5.0]
    assert report.movers[0].dimension is Dimension.COVERAGE
    assert str(report.summary) == (
        "Health 69.2 (yellow) in 2026Q3, down 0.8 points on 2026Q2; 85% of the data is present.")


def test_movers_need_at_least_three_points() -> None:
    three = dict(BEFORE, features_adopted=25.2)  # 63: exactly +3
    under = dict(BEFORE, features_adopted=25.16)  # 62.9: +2.9
    assert [m.change for m in health_report(history((Q2, BEFORE), (Q3, three))).movers] == [3.0]
    assert health_report(history((Q2, BEFORE), (Q3, under))).movers == ()


def test_mover_sentences() -> None:
    assert make_mover(Dimension.ADOPTION, 60, 66.5).sentence.render() == (
        "Product adoption rose 6.5 points (from 60 to 66.5).")
    assert make_mover(None, 75, 74).sentence.render() == (
        "Overall health fell 1 point (from 75 to 74).")
    assert make_mover(None, 75, 75).sentence.render() == "Overall health held at 75."
    assert make_mover(None, 80.1, 68.3).change == -11.8


def test_summary_without_an_earlier_quarter_and_unchanged() -> None:
    single = health_report(history((Q3, FULL)))
    assert single.previous is None and single.change is None and single.movers == ()
    assert str(single.summary) == (
        "Health 77.5 (green) in 2026Q3, with no earlier quarter to compare; "
        "100% of the data is present.")
    same = health_report(history((Q2, FULL), (Q3, FULL)))
    assert same.change == 0.0
    assert str(same.summary).startswith("Health 77.5 (green) in 2026Q3, unchanged on 2026Q2;")
    up = health_report(history((Q2, {"nps": 38}), (Q3, {"nps": 48})))  # 69 → 74
    assert str(up.summary) == (
        "Health 74 (green) in 2026Q3, up 5 points on 2026Q2; 15% of the data is present.")


def test_current_is_the_latest_quarter_with_a_score() -> None:
    # Q3 only holds a custom metric: it is in the history but has no score.
    report = health_report(history((Q1, FULL), (Q2, BEFORE), (Q3, {"custom": 1})))
    assert [s.quarter for s in report.history] == [Q1, Q2, Q3]
    assert report.history[-1].total is None
    assert report.current is not None and report.current.quarter == Q2
    assert report.previous is not None and report.previous.quarter == Q1


def test_empty_history() -> None:
    report = health_report(MetricHistory.from_values([]))
    assert report.current is None and report.previous is None and report.change is None
    assert report.history == () and report.movers == ()
    assert str(report.summary).startswith("No health score yet")


def test_report_is_deterministic() -> None:
    data = history((Q1, FULL), (Q2, BEFORE), (Q3, AFTER))
    assert health_report(data) == health_report(data)


# -- the sponsor flag and number formatting -------------------------------------------------

def test_sponsor_flag_metric_shows_yes_or_no() -> None:
    flag = METRICS_BY_KEY["exec_sponsor_engaged"]
    assert (flag.label, flag.unit) == ("Executive sponsor engaged", "flag")
    assert format_metric(flag, 1.0) == "yes"
    assert format_metric(flag, 0.0) == "no"
    assert format_metric(flag, None) == "—"


@pytest.mark.parametrize(
    ("value", "text"),
    [(12.0, "12"), (12.5, "12.5"), (1200.0, "1,200"), (-0.04, "0"), (0.25, "0.2")],
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text

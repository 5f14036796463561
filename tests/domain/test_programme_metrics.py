"""The programme's process and outcome metrics at their targets, met / missed / not enough
data, the reviews behind each figure, and the quarter-by-quarter trend."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from qbr_desktop.domain.attendance import AttendanceIndicator, Signal
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.programme.evidence import HeldReview, PrepEvidence
from qbr_desktop.domain.programme.metrics import (
    MINIMUM_REVIEWS,
    SPECS,
    Metric,
    MetricKind,
    Status,
    figure,
    figures,
    trend,
)
from qbr_desktop.domain.programme.review_health import ActionTally, ReviewRecord

DAY = date(2026, 5, 12)
NOT_RECORDED = AttendanceIndicator(None, "attendance not recorded")


def held(number: int, **facts: Any) -> HeldReview:
    base = HeldReview(review_id=number, account_id=number, account_name=f"Account {number}",
                      owner="Dana", tier="Growth", held_on=facts.pop("held_on", DAY),
                      attendance=NOT_RECORDED, record=ReviewRecord(), actions=ActionTally())
    return replace(base, **facts)


def shares(metric: Metric, hits: int, count: int, yes: dict[str, Any],
           no: dict[str, Any]) -> list[HeldReview]:
    return [held(i, **(yes if i < hits else no)) for i in range(count)]


SHARE_CASES: dict[Metric, tuple[dict[str, Any], dict[str, Any]]] = {
    Metric.PREPARED_EARLY: ({"prep": PrepEvidence(5, 5)}, {"prep": PrepEvidence(5, 4)}),
    Metric.CHAMPION_ALIGNED: ({"champion_aligned": True}, {"champion_aligned": False}),
    Metric.EXECUTIVES_PRESENT: (
        {"attendance": AttendanceIndicator(Signal.GREEN, "executives present: Ana")},
        {"attendance": AttendanceIndicator(Signal.YELLOW, "2 delegates attended")}),
    Metric.ON_TIME: ({"slot_minutes": 60, "seconds_run": 3600.0},
                     {"slot_minutes": 60, "seconds_run": 3601.0}),
    Metric.EXPANSION_FOUND: ({"opportunities": 1}, {"opportunities": 0}),
    Metric.NEW_STAKEHOLDER: ({"new_people": ("李 娜",)}, {"new_people": ()}),
}


@pytest.mark.parametrize(("metric", "hits", "count", "status"), [
    (Metric.PREPARED_EARLY, 9, 10, Status.MET), (Metric.PREPARED_EARLY, 8, 10, Status.MISSED),
    (Metric.CHAMPION_ALIGNED, 9, 10, Status.MET),
    (Metric.CHAMPION_ALIGNED, 17, 19, Status.MISSED),  # 89.5 %
    (Metric.EXECUTIVES_PRESENT, 4, 5, Status.MET),
    (Metric.EXECUTIVES_PRESENT, 79, 100, Status.MISSED),
    (Metric.ON_TIME, 9, 10, Status.MET), (Metric.ON_TIME, 8, 10, Status.MISSED),
    (Metric.EXPANSION_FOUND, 3, 10, Status.MET), (Metric.EXPANSION_FOUND, 4, 10, Status.MET),
    (Metric.EXPANSION_FOUND, 6, 10, Status.MET),  # above the range is no failure
    (Metric.EXPANSION_FOUND, 29, 100, Status.MISSED),
    (Metric.NEW_STAKEHOLDER, 1, 4, Status.MET), (Metric.NEW_STAKEHOLDER, 24, 100, Status.MISSED),
])
def test_share_metrics_at_their_targets(metric: Metric, hits: int, count: int,
                                        status: Status) -> None:
    yes, no = SHARE_CASES[metric]
    result = figure(metric, shares(metric, hits, count, yes, no))
    assert result.value == Decimal(hits) / Decimal(count)
    assert result.status is status
    assert len(result.contributions) == count
    assert sum(c.counts_towards for c in result.contributions) == hits
    assert result.note.text().startswith(f"{hits} of {count} reviews")


@pytest.mark.parametrize(("scores", "status"), [
    ((8, 8, 8), Status.MET), ((10, 7, 7), Status.MET), ((9, 8, 6), Status.MISSED),
    ((7, 8, 8), Status.MISSED), ((0, 10, 10, 10), Status.MISSED),
])
def test_survey_score_averages_eight_or_more(scores: tuple[int, ...], status: Status) -> None:
    reviews = [held(i, record=ReviewRecord(survey_score=s)) for i, s in enumerate(scores)]
    result = figure(Metric.SATISFACTION, reviews)
    assert result.status is status
    assert result.value == Decimal(sum(scores)) / len(scores)


@pytest.mark.parametrize(("tallies", "status"), [
    (((17, 20),), Status.NOT_ENOUGH_DATA),  # one review is too few whatever the share
    (((17, 20), (0, 0), (0, 0)), Status.NOT_ENOUGH_DATA),  # nothing due: not counted
    (((17, 20), (5, 5), (0, 5)), Status.MISSED),  # 22 / 30
    (((17, 20), (6, 6), (6, 6)), Status.MET),  # 29 / 32
    (((85, 100), (0, 1), (1, 1)), Status.MISSED),  # 86 / 102: a big review weighs more
    (((86, 100), (0, 1), (1, 1)), Status.MET),  # 87 / 102 = 85.3 %
])
def test_action_items_are_pooled_across_reviews(tallies: tuple[tuple[int, int], ...],
                                                status: Status) -> None:
    reviews = [held(i, actions=ActionTally(done, counted)) for i, (done, counted)
               in enumerate(tallies)]
    result = figure(Metric.ACTIONS_DONE, reviews)
    done = sum(d for d, _ in tallies)
    counted = sum(c for _, c in tallies)
    assert result.value == Decimal(done) / Decimal(counted)
    assert result.status is status
    if status is not Status.NOT_ENOUGH_DATA:
        assert result.note.text().startswith(f"{done} of {counted} action items")


def test_exactly_85_percent_of_action_items_is_met() -> None:
    reviews = [held(i, actions=ActionTally(17, 20)) for i in range(3)]
    assert figure(Metric.ACTIONS_DONE, reviews).status is Status.MET


@pytest.mark.parametrize(("changes", "status"), [
    (((60.0, 65.0),) * 3, Status.MET), (((60.0, 64.9),) * 3, Status.MISSED),
    (((50.0, 70.0), (70.0, 65.0), (40.0, 40.0)), Status.MET),  # +20, -5, 0: +5.0
    (((50.0, 55.0), (50.0, 55.0), (50.0, 54.0)), Status.MISSED),
])
def test_health_rises_five_points_on_average(changes: tuple[tuple[float, float], ...],
                                             status: Status) -> None:
    reviews = [held(i, health_before=b, health_after=a) for i, (b, a) in enumerate(changes)]
    reviews.append(held(99, health_before=50.0))  # the quarter after is not scored yet
    result = figure(Metric.HEALTH_AFTER, reviews)
    assert result.status is status
    assert 99 not in result.review_ids
    assert "points over 3 reviews" in result.note.text()


def test_fewer_than_three_reviews_is_not_enough_data() -> None:
    yes, _ = SHARE_CASES[Metric.CHAMPION_ALIGNED]
    two = [held(i, **yes) for i in range(MINIMUM_REVIEWS - 1)]
    result = figure(Metric.CHAMPION_ALIGNED, two)
    assert result.status is Status.NOT_ENOUGH_DATA
    assert result.value == 1  # the figure is still shown, with its reviews
    assert result.review_ids == (0, 1)
    assert result.note.text() == "2 review(s) with this information; 3 are needed"
    three = [*two, held(2, **yes)]
    assert figure(Metric.CHAMPION_ALIGNED, three).status is Status.MET


def test_reviews_without_the_information_are_left_out() -> None:
    reviews = [held(1), held(2, new_people=None), held(3)]
    for metric in Metric:
        if metric is Metric.EXPANSION_FOUND:  # every review counts: none found is a fact
            continue
        result = figure(metric, reviews)
        assert result.status is Status.NOT_ENOUGH_DATA, metric
        assert result.value is None and result.review_ids == (), metric
        assert result.note.text() == "no review in the period has this information"


def test_the_first_review_of_an_account_does_not_count_as_new_people() -> None:
    reviews = [held(1, new_people=None), held(2, new_people=("Ana",)), held(3, new_people=())]
    result = figure(Metric.NEW_STAKEHOLDER, reviews)
    assert result.review_ids == (2, 3)
    assert [c.note.text() for c in result.contributions] == ["new: Ana", "nobody new"]


def test_reviews_behind_a_figure_come_in_meeting_order_with_their_part() -> None:
    reviews = [held(5, held_on=DAY + timedelta(days=3), slot_minutes=45, seconds_run=2400.0),
               held(6, held_on=DAY, slot_minutes=60, seconds_run=3900.0)]
    result = figure(Metric.ON_TIME, reviews)
    assert result.review_ids == (6, 5)
    assert [c.note.text() for c in result.contributions] == [
        "ran 65 of 60 minutes, 5 over", "ran 40 of 45 minutes"]


def test_every_metric_of_the_reference_is_there_once() -> None:
    assert [s.metric for s in SPECS] == list(Metric)
    assert [s.kind for s in SPECS].count(MetricKind.PROCESS) == 4
    assert [s.kind for s in SPECS].count(MetricKind.OUTCOME) == 5
    assert len(figures([])) == len(Metric)


def test_trend_is_the_quarter_and_the_four_before_latest_first() -> None:
    quarter = Quarter(2026, 2)
    reviews = [held(i, held_on=(quarter.shifted(-(i % 6))).first_day + timedelta(days=20),
                    champion_aligned=True) for i in range(12)]
    result = trend(reviews, quarter)
    assert [q.quarter for q in result] == [quarter.shifted(-i) for i in range(5)]
    assert [len(q.reviews) for q in result] == [2, 2, 2, 2, 2]  # the sixth quarter is out
    assert result[0].of(Metric.CHAMPION_ALIGNED).review_ids == (0, 6)
    assert all(q.of(Metric.CHAMPION_ALIGNED).status is Status.NOT_ENOUGH_DATA for q in result)

"""Metric history as a grid, and the small rules on contacts and reviews."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from qbr_desktop.domain.contacts import ReviewDraft, is_plausible_email
from qbr_desktop.domain.metrics import (
    METRICS_BY_KEY,
    MetricHistory,
    MetricValue,
    format_metric,
)
from qbr_desktop.domain.periods import Quarter

Q1, Q2, Q3 = Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3)


def test_history_sorts_quarters_and_fills_gaps_with_none() -> None:
    history = MetricHistory.from_values([
        MetricValue(Q3, "active_users", 210.0),
        MetricValue(Q1, "active_users", 150.0),
        MetricValue(Q2, "csat", 4.2),
    ])
    assert history.quarters == (Q1, Q2, Q3)
    rows = {definition.key: series for definition, series in history.rows}
    assert rows == {"active_users": (150.0, None, 210.0), "csat": (None, 4.2, None)}


def test_history_keeps_the_catalogue_order_and_appends_unknown_keys_sorted() -> None:
    history = MetricHistory.from_values([
        MetricValue(Q1, "zeta_custom", 1.0),
        MetricValue(Q1, "nps", 30.0),
        MetricValue(Q1, "alpha_custom", 2.0),
        MetricValue(Q1, "active_users", 99.0),
    ])
    keys = [definition.key for definition, _ in history.rows]
    assert keys == ["active_users", "nps", "alpha_custom", "zeta_custom"]
    custom = dict(history.rows)
    assert any(d.label == "alpha_custom" and d.unit == "count" for d in custom)


def test_empty_history() -> None:
    history = MetricHistory.from_values([])
    assert history.quarters == ()
    assert history.rows == ()


def test_format_metric() -> None:
    assert format_metric(METRICS_BY_KEY["csat"], 4.25) == "4.2"
    assert format_metric(METRICS_BY_KEY["active_users"], 12345.0) == "12,345"
    assert format_metric(METRICS_BY_KEY["nps"], None) == "—"


@pytest.mark.parametrize(
    ("text", "plausible"),
    [("ana@acme.example", True), ("a.b+c@sub.example.co.jp", True), ("ana@acme", False),
     ("ana acme@x.io", False), ("@acme.io", False), ("", False)],
)
def test_is_plausible_email(text: str, plausible: bool) -> None:
    assert is_plausible_email(text) is plausible


def test_review_time_must_carry_a_time_zone() -> None:
    with pytest.raises(ValueError, match="time zone"):
        ReviewDraft(datetime(2027, 1, 14, 16, 0), "Europe/Berlin")
    aware = ReviewDraft(datetime(2027, 1, 14, 16, 0, tzinfo=timezone(timedelta(hours=1))),
                        "Europe/Berlin")
    assert aware.scheduled_at.astimezone(UTC).hour == 15

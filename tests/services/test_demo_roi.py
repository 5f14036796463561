"""Demo accounts above the Core tier come with four quarters of ROI history."""

from __future__ import annotations

from datetime import date
from typing import Any

from qbr_desktop.domain.periods import Quarter

TODAY = date(2026, 11, 23)


def test_accounts_above_core_have_a_growing_roi_history(demo_copy: Any) -> None:
    context, summary = demo_copy(accounts=12, seed=3, today=TODAY)
    accounts = context.accounts.list_accounts()
    above_core = [a for a in accounts if a.tier in ("Strategic", "Growth")]
    assert above_core and summary.roi_models == 4 * len(above_core)
    for account in above_core:
        history = context.roi.history(account.id)
        assert [q for q, _ in history] == [Quarter(2026, n) for n in (1, 2, 3, 4)]
        values = [result.total_value for _q, result in history]
        assert values == sorted(values) and values[0] > 0  # value grows with use
        report = context.roi.report(account.id)
        assert report.stored and report.result.roi.value is not None
        assert report.story_text and not report.story_stale
    for account in accounts:
        if account.tier == "Core":
            assert context.roi.history(account.id) == []

"""The overview's counts, tallied while its rows are built, equal the rows' own properties.

The summary line ("… at risk · … ready to expand", "calculating health for …") reads these
counts; every way an overview is made is checked: all pending, all stored, and stored
results mixed with results computed just now.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from test_overview_rows import portfolio_with_odd_accounts

from qbr_desktop.services.insights import PortfolioOverview
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.insight_cache import InsightCacheRepository
from qbr_desktop.store.models import AccountRow


def counted_from_the_rows(overview: PortfolioOverview) -> tuple[int, int, int]:
    rows = overview.rows
    return (sum(row.pending for row in rows), sum(row.at_risk for row in rows),
            sum(row.expansion_ready for row in rows))


def counts(overview: PortfolioOverview) -> tuple[int, int, int]:
    return overview.pending, overview.at_risk_count, overview.expansion_ready_count


def test_counts_equal_the_rows_pending_stored_and_mixed(demo_copy: Any) -> None:
    context = portfolio_with_odd_accounts(demo_copy)
    pending = context.insights.overview(stored_only=True)
    assert counts(pending) == counted_from_the_rows(pending) == (len(pending.rows), 0, 0)

    computed = context.insights.overview()
    stored = context.insights.overview(stored_only=True)
    assert counts(computed) == counted_from_the_rows(computed)
    assert counts(stored) == counts(computed) == counted_from_the_rows(stored)
    assert stored.at_risk_count > 0 and stored.expansion_ready_count > 0

    with session_scope(context.store.sessions) as session:
        ids = list(session.scalars(select(AccountRow.id).order_by(AccountRow.id)))
        InsightCacheRepository(session).forget(ids[::2])
    half = context.insights.overview(stored_only=True)
    assert counts(half) == counted_from_the_rows(half)
    assert half.pending == len(ids[::2])
    mixed = context.insights.overview()
    assert counts(mixed) == counted_from_the_rows(mixed) == counts(computed)

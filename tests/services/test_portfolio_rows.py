"""The overview's rows built on demand: every column read straight from the store equals
the built rows' own values, and the store's "at risk" and "ready to expand" say what the
row's properties say, on the edges of each rule."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from test_overview_rows import portfolio_with_odd_accounts

from qbr_desktop.services.portfolio_rows import COLUMNS, PortfolioRows
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountInsightRow, AccountRow, RiskItemRow


def assert_columns_are_the_rows(rows: Any) -> None:
    assert isinstance(rows, PortfolioRows)
    built = [rows[position] for position in range(len(rows))]
    for name in sorted(COLUMNS):
        assert rows.column(name) == [getattr(row, name) for row in built], name
    assert rows.counts() == (sum(r.pending for r in built), sum(r.at_risk for r in built),
                             sum(r.expansion_ready for r in built))


def test_each_column_equals_the_built_rows_pending_stored_and_mixed(demo_copy: Any) -> None:
    context = portfolio_with_odd_accounts(demo_copy)
    assert_columns_are_the_rows(context.insights.overview(stored_only=True).rows)
    assert_columns_are_the_rows(context.insights.overview().rows)
    assert_columns_are_the_rows(context.insights.overview(stored_only=True).rows)
    with session_scope(context.store.sessions) as session:
        ids = list(session.scalars(select(AccountRow.id).order_by(AccountRow.id)))
        session.execute(update(AccountInsightRow).where(
            AccountInsightRow.account_id.in_(ids[::3])).values(band=None, change=None))
    assert_columns_are_the_rows(context.insights.overview(stored_only=True).rows)
    assert_columns_are_the_rows(context.insights.overview().rows)


def test_at_risk_and_ready_on_the_edges_of_their_rules(demo_copy: Any) -> None:
    context = portfolio_with_odd_accounts(demo_copy)
    context.insights.overview()  # every result stored
    with session_scope(context.store.sessions) as session:
        ids = list(session.scalars(select(AccountRow.id).order_by(AccountRow.id)))
        session.execute(update(RiskItemRow).values(status="closed"))
        not_ready = {"readiness": "early", "expansion": "0"}
        edges: list[dict[str, Any]] = [
            {"band": "yellow", "change": 0.0, **not_ready},  # with an open risk: at risk
            {"band": "yellow", "change": 0.0, **not_ready},  # with an open opportunity only: not
            {"band": "yellow", "change": 0.0, **not_ready},  # with a closed risk only: not
            {"band": "green", "change": -10.0, **not_ready},  # falling by exactly 10: at risk
            {"band": "green", "change": -9.99, **not_ready},
            {"band": "red", "change": None, **not_ready},
            {"band": "green", "change": None, "readiness": "ready", "expansion": "0.00"},
            {"band": "green", "change": None, "readiness": "ready", "expansion": "0.01"},
            {"band": "green", "change": None, "readiness": "likely", "expansion": "5000"},
        ]
        for account_id, values in zip(ids, edges, strict=False):
            session.execute(update(AccountInsightRow).where(
                AccountInsightRow.account_id == account_id).values(**values))
        now = datetime.now(UTC)
        for account_id, kind, status in ((ids[0], "risk", "open"),
                                         (ids[1], "opportunity", "open"),
                                         (ids[2], "risk", "closed")):
            session.add(RiskItemRow(account_id=account_id, kind=kind, status=status,
                                    title=f"{kind} {status}", likelihood=3, impact=3,
                                    created_at=now))
    overview = context.insights.overview(stored_only=True)
    rows = overview.rows
    assert_columns_are_the_rows(rows)
    flags = {row.account_id: (row.at_risk, row.expansion_ready) for row in rows}
    assert [flags[account_id] for account_id in ids[:9]] == [
        (True, False), (False, False), (False, False), (True, False), (False, False),
        (True, False), (False, False), (False, True), (False, False)]
    assert overview.at_risk_count == sum(at_risk for at_risk, _ in flags.values())
    assert overview.expansion_ready_count == sum(ready for _, ready in flags.values())


def test_the_rows_are_a_sequence_equal_to_their_list(demo_copy: Any) -> None:
    context = portfolio_with_odd_accounts(demo_copy)
    rows = context.insights.overview().rows
    assert rows == list(rows) and rows == tuple(rows) and rows != list(rows)[1:]
    assert rows[1:3] == (rows[1], rows[2]) and rows[-1] == list(rows)[-1]
    assert rows[0] is rows[0]  # built once
    empty = PortfolioRows.of(())
    assert all(empty.column(name) == [] for name in COLUMNS) and empty.counts() == (0, 0, 0)
    again = PortfolioRows.of(rows[:2])
    assert again.column("name") == [rows[0].name, rows[1].name]
    assert again.counts() == (sum(r.pending for r in rows[:2]),
                              sum(r.at_risk for r in rows[:2]),
                              sum(r.expansion_ready for r in rows[:2]))

"""The Portfolio overview's rows, built in one pass from raw reads, equal the plain reading.

The reference below reads every account through the ORM and builds each row the obvious
way (the way the overview was built before it was made fast): any figure the overview
shows that differs, on either backend, fails here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update

from qbr_desktop.domain.accounts import name_key
from qbr_desktop.domain.health import Band
from qbr_desktop.domain.money import Money
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.tiers import TierModel, effective_tier
from qbr_desktop.services.insights import FORMULA_VERSION, PortfolioRow
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountInsightRow, AccountRow, ReviewRow, RiskItemRow

TODAY = date(2026, 11, 23)


def reference_rows(context: Any) -> list[PortfolioRow]:
    """Every account's row, read one account at a time through the ORM."""
    now = datetime.now(UTC)
    rows = []
    with session_scope(context.store.sessions) as session:
        scheme = read_tier_scheme(session)
        for account in session.scalars(select(AccountRow).order_by(AccountRow.name_key)):
            reviews = session.scalars(select(ReviewRow.scheduled_at).where(
                ReviewRow.account_id == account.id, ReviewRow.status == "planned",
                ReviewRow.scheduled_at >= now)).all()
            kinds = session.scalars(select(RiskItemRow.kind).where(
                RiskItemRow.account_id == account.id, RiskItemRow.status == "open")).all()
            stored = session.scalars(select(AccountInsightRow).where(
                AccountInsightRow.account_id == account.id,
                AccountInsightRow.formula_version == FORMULA_VERSION)).first()
            common = dict(
                account_id=account.id, name=account.name,
                tier=effective_tier(account.arr, account.tier_override, scheme),
                industry=account.industry, arr=Money(account.arr, account.currency),
                renewal_date=account.renewal_date,
                next_review_at=min(reviews) if reviews else None,
                open_risks=sum(1 for kind in kinds if kind == "risk"),
                open_opportunities=sum(1 for kind in kinds if kind != "risk"))
            if stored is None:
                rows.append(PortfolioRow(**common, health=None, band=None, change=None,
                                         confidence=0.0, latest_quarter=None, readiness="",
                                         expansion=Decimal(0), pending=True))
                continue
            rows.append(PortfolioRow(
                **common, health=stored.health, band=Band(stored.band) if stored.band else None,
                change=stored.change, confidence=stored.confidence,
                latest_quarter=Quarter.stored(stored.latest_quarter),
                readiness=stored.readiness, expansion=Decimal(stored.expansion)))
    return rows


def portfolio_with_odd_accounts(demo_copy: Any) -> Any:
    """The demo, plus what a real book holds: overrides good and stale, ARR on a
    threshold and a cent below it, no renewal date, a result nobody can read the quarter of,
    names in other scripts (sorted by their key as the store sorts them)."""
    context, _summary = demo_copy(accounts=12, seed=5, today=TODAY)
    with session_scope(context.store.sessions) as session:
        ids = list(session.scalars(select(AccountRow.id).order_by(AccountRow.id)))
        changes: list[dict[str, Any]] = [
            {"tier_override": "Strategic"}, {"tier_override": "Enterprise"},
            {"tier_override": ""}, {"arr": Decimal("100000.00")},
            {"arr": Decimal("99999.99")}, {"arr": Decimal("0.00")},
            {"renewal_date": None}, {"arr": Decimal("25000.01"), "currency": "EUR"},
            *({"name": name, "name_key": name_key(name)} for name in (
                "Ölmühle 東京 GmbH", "😀 Emoji & <Co>", "zeta", "Zeta Ltd", "שלום Ltd",
                "Éclair"))]
        for account_id, values in zip(ids, changes, strict=False):
            session.execute(update(AccountRow).where(AccountRow.id == account_id).values(
                **values))
        session.execute(update(ReviewRow).where(ReviewRow.account_id == ids[0]).values(
            status="planned", scheduled_at=datetime.now(UTC) + timedelta(days=30)))
    return context


def test_the_stored_overview_equals_the_plain_reading_in_both_tier_models(
        demo_copy: Any) -> None:
    context = portfolio_with_odd_accounts(demo_copy)
    computed = context.insights.overview()
    assert computed.pending == 0
    assert list(computed.rows) == reference_rows(context)
    with session_scope(context.store.sessions) as session:
        odd = session.scalars(select(AccountInsightRow.account_id)).first()
        session.execute(update(AccountInsightRow).where(
            AccountInsightRow.account_id == odd).values(latest_quarter="2026-Q9"))
    assert list(context.insights.overview(stored_only=True).rows) == reference_rows(context)
    context.settings.set_tier_model(TierModel.FIVE_SEGMENT)
    context.settings.set_tier_minimums(TierModel.FIVE_SEGMENT, {
        "Enterprise": Decimal("99999.995"), "Mid-Market": Decimal("25000.01")})
    stored = context.insights.overview(stored_only=True)
    assert {row.tier for row in stored.rows} >= {"Strategic", "Enterprise"}
    assert list(stored.rows) == reference_rows(context)


def test_accounts_without_a_result_are_pending_then_computed_like_the_rest(
        demo_copy: Any) -> None:
    context = portfolio_with_odd_accounts(demo_copy)
    first = context.insights.overview(stored_only=True)
    assert first.pending == len(first.rows) > 0
    assert list(first.rows) == reference_rows(context)
    computed = context.insights.overview()
    assert computed.pending == 0
    assert list(computed.rows) == reference_rows(context)

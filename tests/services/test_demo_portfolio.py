"""The demo portfolio: realistic, complete for every screen, marked demo, deterministic."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from qbr_desktop.domain.contacts import ContactLevel, ReviewStatus
from qbr_desktop.domain.metrics import METRICS
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo import DemoRefused, build_demo_portfolio
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.repositories import ContactRepository, ReviewRepository

TODAY = date(2026, 3, 10)
START_OF_TODAY = datetime.combine(TODAY, time(0), tzinfo=UTC)
METRIC_KEYS = [m.key for m in METRICS]


def fixed_clock_accounts(context: Any) -> AccountService:
    return AccountService(context.store.sessions, clock=lambda: START_OF_TODAY)


def snapshot(context: Any) -> dict[str, Any]:
    """Everything the demo wrote, in a comparable form."""
    service = fixed_clock_accounts(context)
    accounts = service.list_accounts()
    data: dict[str, Any] = {"accounts": accounts, "drafts": [], "contacts": [],
                            "reviews": [], "metrics": []}
    with session_scope(context.store.sessions) as session:
        for item in accounts:
            data["contacts"].append([(c.name, c.title, c.email, c.phone, c.level)
                                     for c in ContactRepository(session).for_account(item.id)])
            data["reviews"].append([(r.scheduled_at, r.time_zone, r.format, r.kind, r.status)
                                    for r in ReviewRepository(session).for_account(item.id)])
    for item in accounts:
        data["drafts"].append(service.get(item.id).draft)
        data["metrics"].append(service.metric_history(item.id))
    return data


@pytest.fixture
def demo(demo_copy: Any) -> Any:
    context, summary = demo_copy(accounts=40, seed=11, today=TODAY)
    assert summary.accounts == 40
    return context


def open_context(path: Path) -> Any:
    return AppContext.open(DatabaseTarget(path=path))


@pytest.mark.parametrize("seed", [1, 7, 11, 42])
def test_forty_accounts_cover_every_tier(context: Any, seed: int) -> None:
    build_demo_portfolio(context, accounts=40, seed=seed, today=TODAY)
    tiers = Counter(item.tier for item in context.accounts.list_accounts())
    assert set(tiers) == {"Strategic", "Growth", "Core"}
    assert sum(tiers.values()) == 40


def test_summary_counts_match_what_was_stored(context: Any) -> None:
    summary = build_demo_portfolio(context, accounts=12, seed=3, today=TODAY)
    data = snapshot(context)
    assert summary.accounts == len(data["accounts"]) == 12
    assert summary.contacts == sum(len(c) for c in data["contacts"])
    assert summary.reviews == sum(len(r) for r in data["reviews"])
    assert summary.metric_values == sum(
        sum(v is not None for _, series in history.rows for v in series)
        for history in data["metrics"])


def test_every_account_has_contacts_at_every_level(demo: Any) -> None:
    levels = {level.value for level in ContactLevel}
    assert levels == {"C-suite", "VP", "Director", "Manager", "User"}
    with session_scope(demo.store.sessions) as session:
        for item in demo.accounts.list_accounts():
            contacts = ContactRepository(session).for_account(item.id)
            assert {c.level for c in contacts} == levels, item.name
            for contact in contacts:
                assert contact.name.strip()
                assert contact.title.strip()
                assert "@" in contact.email and contact.email.endswith(".example")


def test_every_account_has_four_to_eight_full_quarters_of_metrics(demo: Any) -> None:
    last_quarter = Quarter.containing(TODAY).shifted(-1)
    for item in demo.accounts.list_accounts():
        history = demo.accounts.metric_history(item.id)
        assert 4 <= len(history.quarters) <= 8, item.name
        assert history.quarters[-1] == last_quarter
        expected = [last_quarter.shifted(i - len(history.quarters) + 1)
                    for i in range(len(history.quarters))]
        assert list(history.quarters) == expected  # consecutive, no gaps
        rows = {definition.key: series for definition, series in history.rows}
        assert list(rows) == METRIC_KEYS
        for key, series in rows.items():
            assert all(value is not None for value in series), (item.name, key)
        for index in range(len(history.quarters)):
            value = {key: float(series[index] or 0) for key, series in rows.items()}
            assert value["licensed_seats"] == item.licensed_seats
            assert 0 <= value["active_users"] <= value["licensed_seats"]
            assert 0 < value["features_adopted"] <= value["features_available"]
            assert value["logins"] >= 0 and value["support_tickets"] >= 0
            assert 1.0 <= value["csat"] <= 5.0
            assert -100 <= value["nps"] <= 100


def test_most_accounts_have_an_upcoming_review(demo: Any) -> None:
    accounts = fixed_clock_accounts(demo).list_accounts()
    upcoming = [item.next_qbr_at for item in accounts if item.next_qbr_at is not None]
    assert len(upcoming) >= 0.6 * len(accounts)
    assert all(at > START_OF_TODAY for at in upcoming)
    assert all(at.utcoffset() == timedelta(0) for at in upcoming)
    # Every account also has a review already held before today.
    with session_scope(demo.store.sessions) as session:
        for item in accounts:
            reviews = ReviewRepository(session).for_account(item.id)
            held = [r for r in reviews if r.status == ReviewStatus.HELD.value]
            assert held and all(r.scheduled_at < START_OF_TODAY for r in held)
            planned = [r for r in reviews if r.status == ReviewStatus.PLANNED.value]
            if planned:
                assert item.next_qbr_at == min(r.scheduled_at for r in planned)


def test_accounts_are_valid_and_dated_after_today(demo: Any) -> None:
    for item in demo.accounts.list_accounts():
        assert item.arr.amount > 0
        assert item.licensed_seats >= 5
        assert item.renewal_date is not None and item.renewal_date > TODAY
        assert item.csm_owner
        assert not item.tier_is_override


def test_the_portfolio_is_marked_demo(context: Any) -> None:
    assert context.settings.is_demo() is False
    assert context.is_demo is False
    build_demo_portfolio(context, accounts=3, seed=1, today=TODAY)
    assert context.settings.is_demo() is True
    assert context.is_demo is True


def test_same_seed_and_today_give_the_same_data(tmp_path: Path) -> None:
    snapshots = []
    for name, seed in (("one", 21), ("two", 21), ("three", 22)):
        context = open_context(tmp_path / f"{name}.sqlite")
        try:
            build_demo_portfolio(context, accounts=15, seed=seed, today=TODAY)
            snapshots.append(snapshot(context))
        finally:
            context.close()
    first, same, other = snapshots
    assert first == same
    assert first["accounts"] != other["accounts"]


def test_a_different_today_shifts_the_dates(tmp_path: Path) -> None:
    dates = []
    for name, today in (("a", TODAY), ("b", date(2026, 9, 10))):
        context = open_context(tmp_path / f"{name}.sqlite")
        try:
            build_demo_portfolio(context, accounts=5, seed=4, today=today)
            dates.append([i.renewal_date for i in context.accounts.list_accounts()])
        finally:
            context.close()
    assert dates[0] != dates[1]


def test_demo_refuses_a_portfolio_with_real_accounts(context: Any) -> None:
    from qbr_desktop.domain.accounts import AccountDraft

    context.accounts.create(AccountDraft(name="Real Customer"))
    with pytest.raises(DemoRefused, match="1 account"):
        build_demo_portfolio(context, accounts=5, seed=1, today=TODAY)
    assert [i.name for i in context.accounts.list_accounts()] == ["Real Customer"]
    assert context.settings.is_demo() is False


def test_demo_refuses_to_build_twice(context: Any) -> None:
    assert build_demo_portfolio(context, accounts=40, seed=11, today=TODAY).accounts == 40
    with pytest.raises(DemoRefused):
        build_demo_portfolio(context, accounts=5, seed=1, today=TODAY)
    assert len(context.accounts.list_accounts()) == 40


def test_demo_needs_at_least_one_account(context: Any) -> None:
    with pytest.raises(ValueError):
        build_demo_portfolio(context, accounts=0, seed=1, today=TODAY)
    assert context.accounts.list_accounts() == []
    assert context.settings.is_demo() is False


def test_company_names_stay_unique_beyond_every_word_list() -> None:
    import random

    from qbr_desktop.domain.accounts import name_key
    from qbr_desktop.services.demo import _company_names

    names = [pick[0] for pick in _company_names(random.Random(5), 4000)]
    assert len(names) == 4000
    assert len({name_key(n) for n in names}) == 4000

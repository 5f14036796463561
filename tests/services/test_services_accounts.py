"""AccountService and PortfolioSettings on a real, migrated SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ReviewDraft, ReviewStatus
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.tiers import SCHEMES, TierModel
from qbr_desktop.services.accounts import AccountService

NOW = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def service(context: Any) -> AccountService:
    return AccountService(context.store.sessions, clock=lambda: NOW)


def summary(service: AccountService, name: str) -> Any:
    [item] = [i for i in service.list_accounts() if i.name == name]
    return item


def review(at: datetime, status: ReviewStatus = ReviewStatus.PLANNED) -> ReviewDraft:
    return ReviewDraft(scheduled_at=at, time_zone="Europe/Berlin", status=status)


# --- next QBR ------------------------------------------------------------------------------

def test_next_qbr_is_the_earliest_planned_review_still_ahead(service: AccountService) -> None:
    account = service.create(AccountDraft(name="Acme"))
    soonest = NOW + timedelta(days=10)
    service.add_review(account.id, review(NOW - timedelta(days=1)))  # planned, but past
    service.add_review(account.id, review(NOW + timedelta(days=1), ReviewStatus.HELD))
    service.add_review(account.id, review(NOW + timedelta(days=2), ReviewStatus.CANCELLED))
    service.add_review(account.id, review(NOW + timedelta(days=30)))
    service.add_review(account.id, review(soonest))
    service.add_review(account.id, review(NOW + timedelta(days=20)))

    next_at = summary(service, "Acme").next_qbr_at

    assert next_at == soonest
    assert next_at.utcoffset() == timedelta(0)


def test_next_qbr_compares_instants_across_time_zones(service: AccountService) -> None:
    account = service.create(AccountDraft(name="Tokyo Co"))
    tokyo = datetime(2026, 6, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))  # 00:00 UTC
    new_york = datetime(2026, 5, 31, 21, 0, tzinfo=ZoneInfo("America/New_York"))  # 01:00 UTC
    service.add_review(account.id, review(new_york))
    service.add_review(account.id, review(tokyo))
    assert summary(service, "Tokyo Co").next_qbr_at == tokyo


def test_no_planned_review_ahead_means_no_next_qbr(service: AccountService) -> None:
    held_only = service.create(AccountDraft(name="Held Only"))
    service.add_review(held_only.id, review(NOW + timedelta(days=3), ReviewStatus.HELD))
    cancelled = service.create(AccountDraft(name="Cancelled"))
    service.add_review(cancelled.id, review(NOW + timedelta(days=3), ReviewStatus.CANCELLED))
    service.create(AccountDraft(name="Nothing"))
    for name in ("Held Only", "Cancelled", "Nothing"):
        assert summary(service, name).next_qbr_at is None


def test_next_qbr_follows_the_clock(context: Any) -> None:
    early = AccountService(context.store.sessions, clock=lambda: NOW)
    account = early.create(AccountDraft(name="Acme"))
    first, second = NOW + timedelta(days=1), NOW + timedelta(days=9)
    early.add_review(account.id, review(first))
    early.add_review(account.id, review(second))
    later = AccountService(context.store.sessions, clock=lambda: NOW + timedelta(days=2))
    assert summary(early, "Acme").next_qbr_at == first
    assert summary(later, "Acme").next_qbr_at == second


# --- tiers ---------------------------------------------------------------------------------

def test_tier_override_is_shown_as_override(service: AccountService) -> None:
    service.create(AccountDraft(name="Small But Key", arr=Decimal("10000"),
                                tier_override="Strategic"))
    service.create(AccountDraft(name="Small", arr=Decimal("10000")))

    key, small = summary(service, "Small But Key"), summary(service, "Small")

    assert (key.tier, key.tier_is_override) == ("Strategic", True)
    assert (small.tier, small.tier_is_override) == ("Core", False)


def test_tier_thresholds_of_the_default_model(service: AccountService) -> None:
    for name, arr in (("A", "75000"), ("B", "75000.01"), ("C", "25000"), ("D", "24999.99")):
        service.create(AccountDraft(name=name, arr=Decimal(arr)))
    tiers = {i.name: i.tier for i in service.list_accounts()}
    assert tiers == {"A": "Growth", "B": "Strategic", "C": "Growth", "D": "Core"}


def test_switching_the_tier_model_changes_derived_tiers(context: Any,
                                                        service: AccountService) -> None:
    big = service.create(AccountDraft(name="Big", arr=Decimal("120000")))
    service.create(AccountDraft(name="Mid", arr=Decimal("30000")))
    service.create(AccountDraft(name="Tiny", arr=Decimal("1000")))
    service.create(AccountDraft(name="Pinned", arr=Decimal("1000"), tier_override="Growth"))
    before = {i.name: (i.tier, i.tier_is_override) for i in service.list_accounts()}
    assert before == {"Big": ("Strategic", False), "Mid": ("Growth", False),
                      "Tiny": ("Core", False), "Pinned": ("Growth", True)}

    context.settings.set_tier_model(TierModel.FIVE_SEGMENT)

    after = {i.name: (i.tier, i.tier_is_override) for i in service.list_accounts()}
    # "Growth" is not a five-segment tier: the override is ignored, not shown.
    assert after == {"Big": ("Enterprise", False), "Mid": ("Mid-Market", False),
                     "Tiny": ("Tech-Touch", False), "Pinned": ("Tech-Touch", False)}
    assert service.get(big.id).tier == "Enterprise"
    assert context.settings.tier_scheme().model is TierModel.FIVE_SEGMENT

    context.settings.set_tier_model(TierModel.THREE_TIER)
    assert summary(service, "Pinned").tier_is_override is True


def test_new_tier_minimums_change_derived_tiers(context: Any,
                                                service: AccountService) -> None:
    service.create(AccountDraft(name="Big", arr=Decimal("120000")))
    scheme = context.settings.set_tier_minimums(
        TierModel.THREE_TIER, {"Strategic": Decimal("150000"), "Growth": Decimal("50000")})
    assert [b.minimum for b in scheme.bands] == [Decimal("150000"), Decimal("50000"), 0]
    assert context.settings.tier_scheme() == scheme
    assert summary(service, "Big").tier == "Growth"


@pytest.mark.parametrize("minimums", [
    {"Strategic": Decimal("20000")},  # below Growth's 25,000
    {"Strategic": Decimal("25000")},  # equal is not above
    {"Growth": Decimal("80000")},  # above Strategic's 75,000.01
    {"Growth": Decimal("-1"), "Strategic": Decimal("10")},
    {"Platinum": Decimal("1000000")},
])
def test_bad_tier_minimums_raise_and_save_nothing(context: Any, service: AccountService,
                                                  minimums: dict[str, Decimal]) -> None:
    service.create(AccountDraft(name="Big", arr=Decimal("120000")))
    with pytest.raises(ValueError):
        context.settings.set_tier_minimums(TierModel.THREE_TIER, minimums)
    assert context.settings.tier_scheme() == SCHEMES[TierModel.THREE_TIER]
    assert summary(service, "Big").tier == "Strategic"


def test_an_override_outside_the_model_is_refused(service: AccountService) -> None:
    with pytest.raises(ValidationFailed) as caught:
        service.create(AccountDraft(name="X", tier_override="Enterprise"))
    assert "tier_override" in caught.value.problems
    assert service.list_accounts() == []


# --- names ---------------------------------------------------------------------------------

def test_next_free_name_counts_up(service: AccountService) -> None:
    assert service.next_free_name() == "New account"
    service.create(AccountDraft(name="New account"))
    assert service.next_free_name() == "New account 2"
    service.create(AccountDraft(name="NEW ACCOUNT 2"))  # names collide case-insensitively
    assert service.next_free_name() == "New account 3"
    assert service.next_free_name("Acme") == "Acme"


def test_duplicate_names_are_refused_whatever_the_case(service: AccountService) -> None:
    service.create(AccountDraft(name="Initech"))
    for duplicate in ("initech", " INITECH ", "Ｉｎｉｔｅｃｈ"):
        with pytest.raises(ValidationFailed) as caught:
            service.create(AccountDraft(name=duplicate))
        assert "name" in caught.value.problems
    assert [i.name for i in service.list_accounts()] == ["Initech"]


def test_create_tidies_and_stores_exact_money(service: AccountService) -> None:
    account = service.create(AccountDraft(name="  Acme  ", arr=Decimal("1234.56"),
                                          currency="EUR", csm_owner=" Sam "))
    stored = service.get(account.id)
    assert stored.draft.name == "Acme"
    assert stored.draft.csm_owner == "Sam"
    assert stored.draft.arr == Decimal("1234.56")
    assert summary(service, "Acme").arr.amount == Decimal("1234.56")
    assert stored.created_at == NOW


def test_delete_and_restore_bring_the_account_back(service: AccountService) -> None:
    account = service.create(AccountDraft(name="Acme", arr=Decimal("5000")))
    service.add_review(account.id, review(NOW + timedelta(days=4)))
    deleted = service.delete(account.id)
    assert service.list_accounts() == []
    restored = service.restore(deleted)
    assert restored.id == account.id
    assert summary(service, "Acme").next_qbr_at == NOW + timedelta(days=4)


def test_restore_brings_back_each_review_plan_even_when_ids_were_taken(
        service: AccountService, context: Any) -> None:
    from datetime import date

    from sqlalchemy import update

    from qbr_desktop.store.engine import session_scope
    from qbr_desktop.store.models import PrepTaskRow, ReviewRow

    def add_task(review_id: int, title: str) -> None:
        with session_scope(context.store.sessions) as session:
            session.add(PrepTaskRow(review_id=review_id, phase="follow-up", title=title,
                                    owner="csm", due_date=date(2026, 5, 1), position=0))

    gone = service.create(AccountDraft(name="Acme"))
    first = service.add_review(gone.id, review(NOW + timedelta(days=4)))
    add_task(first, "Pre-call with the champion 🤝")
    deleted = service.delete(gone.id)
    # Meanwhile another account takes the freed review id.
    other = service.create(AccountDraft(name="Bluefin"))
    taken = service.add_review(other.id, review(NOW + timedelta(days=9)))
    if taken != first:  # a server's sequence never hands an id out twice: take it by hand
        with session_scope(context.store.sessions) as session:
            session.execute(update(ReviewRow).where(ReviewRow.id == taken).values(id=first))
        taken = first
    add_task(taken, "Bluefin's own task")

    restored = service.restore(deleted)
    with session_scope(context.store.sessions) as session:
        plans = {row.account_id: [t.title for t in row.tasks]
                 for row in session.query(ReviewRow)}
    assert plans == {restored.id: ["Pre-call with the champion 🤝"],
                     other.id: ["Bluefin's own task"]}


def test_the_next_qbr_comes_with_the_zone_it_is_held_in(service: AccountService) -> None:
    account = service.create(AccountDraft(name="Zoned"))
    tokyo = datetime(2026, 6, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    service.add_review(account.id, ReviewDraft(scheduled_at=tokyo, time_zone="Asia/Tokyo"))
    service.add_review(account.id, ReviewDraft(
        scheduled_at=tokyo + timedelta(days=1), time_zone="America/New_York"))
    service.add_review(account.id, ReviewDraft(  # earlier, but no longer planned
        scheduled_at=tokyo - timedelta(days=1), time_zone="Europe/Paris",
        status=ReviewStatus.CANCELLED))
    item = summary(service, "Zoned")
    assert (item.next_qbr_at, item.next_qbr_zone) == (tokyo, "Asia/Tokyo")
    service.create(AccountDraft(name="Unplanned"))
    assert summary(service, "Unplanned").next_qbr_zone is None

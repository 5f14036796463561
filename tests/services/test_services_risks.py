"""RiskRegister on a real SQLite file: add, validate, close, delete and suggestions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from insights_support import SmallPortfolio, build_small_portfolio

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.risks import Quadrant, RiskDraft, RiskKind, RiskStatus
from qbr_desktop.services.risks import RiskItem, RiskRegister
from qbr_desktop.store.errors import NotFoundError

TODAY = date(2026, 3, 10)
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def small(context: Any) -> SmallPortfolio:
    return build_small_portfolio(context)


@pytest.fixture
def register(context: Any) -> RiskRegister:
    return RiskRegister(context.store.sessions, context.insights, today=lambda: TODAY,
                        clock=lambda: NOW)


def draft(title: str = "Champion left", kind: RiskKind = RiskKind.RISK, likelihood: int = 3,
          impact: int = 3, detail: str = "") -> RiskDraft:
    return RiskDraft(kind, title, detail, likelihood, impact)


def titles(register: RiskRegister, account_id: int) -> list[str]:
    return [item.title for item in register.items(account_id)]


# --- add -----------------------------------------------------------------------------------

def test_add_stores_the_item_in_its_quadrant(register: RiskRegister,
                                             small: SmallPortfolio) -> None:
    item = register.add(small.acme, draft("  New VP talks to a competitor  ", likelihood=4,
                                          impact=5, detail="Ask the sponsor."))
    assert isinstance(item, RiskItem)
    assert item.title == "New VP talks to a competitor"  # tidied
    assert (item.kind, item.status, item.origin) == (RiskKind.RISK, RiskStatus.OPEN, "manual")
    assert item.quadrant is Quadrant.PRIORITY_ACTION
    [stored] = register.items(small.acme)
    assert stored == item
    assert stored.detail == "Ask the sponsor."


@pytest.mark.parametrize("likelihood,impact,where", [
    (5, 5, Quadrant.PRIORITY_ACTION), (3, 3, Quadrant.PRIORITY_ACTION),
    (2, 3, Quadrant.MONITOR_CLOSELY), (1, 5, Quadrant.MONITOR_CLOSELY),
    (3, 2, Quadrant.PLAN_AND_PREPARE), (5, 1, Quadrant.PLAN_AND_PREPARE),
    (2, 2, Quadrant.WATCH_AND_WAIT), (1, 1, Quadrant.WATCH_AND_WAIT),
])
def test_quadrant_of_stored_items(register: RiskRegister, small: SmallPortfolio,
                                  likelihood: int, impact: int, where: Quadrant) -> None:
    register.add(small.acme, draft(likelihood=likelihood, impact=impact))
    assert register.items(small.acme)[0].quadrant is where


def test_add_keeps_the_origin_of_a_suggestion(register: RiskRegister,
                                              small: SmallPortfolio) -> None:
    item = register.add(small.acme, draft(kind=RiskKind.OPPORTUNITY), origin="suggested")
    assert register.items(small.acme)[0].origin == "suggested" == item.origin
    assert item.kind is RiskKind.OPPORTUNITY


@pytest.mark.parametrize("bad,fields", [
    (draft(title=""), {"title"}),
    (draft(title="   \t "), {"title"}),
    (draft(title="x" * 201), {"title"}),
    (draft(likelihood=0), {"likelihood"}),
    (draft(impact=6), {"impact"}),
    (draft(likelihood=True), {"likelihood"}),  # type: ignore[arg-type]
    (RiskDraft("risk", "Typed by hand", "", 3, 3), {"kind"}),  # type: ignore[arg-type]
    (draft(title="", likelihood=9, impact=-1), {"title", "likelihood", "impact"}),
])
def test_invalid_items_are_refused_and_nothing_is_stored(register: RiskRegister,
                                                         small: SmallPortfolio,
                                                         bad: RiskDraft,
                                                         fields: set[str]) -> None:
    with pytest.raises(ValidationFailed) as caught:
        register.add(small.acme, bad)
    assert set(caught.value.problems) == fields
    assert all(message.strip() for message in caught.value.problems.values())
    assert register.items(small.acme) == []


def test_a_title_of_exactly_the_limit_is_accepted(register: RiskRegister,
                                                  small: SmallPortfolio) -> None:
    register.add(small.acme, draft(title="é" * 200))
    assert titles(register, small.acme) == ["é" * 200]


def test_add_to_an_unknown_account_raises_and_stores_nothing(context: Any,
                                                             register: RiskRegister,
                                                             small: SmallPortfolio) -> None:
    with pytest.raises(NotFoundError, match="4242"):
        register.add(4242, draft())
    assert register.items(4242) == []
    assert sum(len(register.items(i)) for i in small.ids.values()) == 1  # Cedar's own


def test_hostile_titles_are_stored_intact(register: RiskRegister, small: SmallPortfolio) -> None:
    title = "<b>R&D</b> 株式会社 🚀 شركة $5 & $6"
    register.add(small.acme, draft(title=title, detail="a\nb"))
    [item] = register.items(small.acme)
    assert (item.title, item.detail) == (title, "a\nb")


# --- status and delete ---------------------------------------------------------------------

def test_set_status_closes_and_reopens(context: Any, register: RiskRegister,
                                       small: SmallPortfolio) -> None:
    closed = register.set_status(small.cedar_risk, RiskStatus.CLOSED)
    assert closed.status is RiskStatus.CLOSED
    assert [i.status for i in register.items(small.cedar)] == [RiskStatus.CLOSED]
    assert context.risks.items(small.cedar)[0].status is RiskStatus.CLOSED  # another instance
    register.set_status(small.cedar_risk, RiskStatus.OPEN)
    assert register.items(small.cedar)[0].status is RiskStatus.OPEN


def test_open_items_are_listed_before_closed_ones(register: RiskRegister,
                                                  small: SmallPortfolio) -> None:
    first = register.add(small.acme, draft("First"))
    register.add(small.acme, draft("Second"))
    register.add(small.acme, draft("Third"))
    register.set_status(first.id, RiskStatus.CLOSED)
    assert titles(register, small.acme) == ["Second", "Third", "First"]


def test_delete_removes_only_that_item(register: RiskRegister, small: SmallPortfolio) -> None:
    keep = register.add(small.acme, draft("Keep me"))
    gone = register.add(small.acme, draft("Delete me"))
    register.delete(gone.id)
    assert register.items(small.acme) == [keep]
    assert titles(register, small.cedar) == ["Budget freeze in Q1"]


def test_unknown_item_ids_raise(register: RiskRegister, small: SmallPortfolio) -> None:
    with pytest.raises(NotFoundError, match="777"):
        register.set_status(777, RiskStatus.CLOSED)
    with pytest.raises(NotFoundError, match="777"):
        register.delete(777)
    register.delete(small.cedar_risk)
    with pytest.raises(NotFoundError):
        register.delete(small.cedar_risk)  # a second delete of the same item


def test_deleting_the_account_deletes_its_register(context: Any, register: RiskRegister,
                                                   small: SmallPortfolio) -> None:
    context.accounts.delete(small.cedar)
    assert register.items(small.cedar) == []
    with pytest.raises(NotFoundError):
        register.delete(small.cedar_risk)


def test_undoing_an_account_delete_brings_its_register_back(context: Any,
                                                            register: RiskRegister,
                                                            small: SmallPortfolio) -> None:
    # The window offers Ctrl+Z after a delete; the CSM's risk register must come back too.
    register.add(small.cedar, draft("Second risk", kind=RiskKind.OPPORTUNITY))
    before = [(i.kind, i.title, i.likelihood, i.impact, i.status)
              for i in register.items(small.cedar)]
    deleted = context.accounts.delete(small.cedar)
    restored = context.accounts.restore(deleted)
    after = [(i.kind, i.title, i.likelihood, i.impact, i.status)
             for i in register.items(restored.id)]
    assert after == before


# --- suggestions ---------------------------------------------------------------------------

def test_suggestions_for_a_falling_red_account(register: RiskRegister,
                                               small: SmallPortfolio) -> None:
    drafts = register.suggestions(small.bluefin)
    found = [d.title for d in drafts]
    assert found[0] == "Health fell 65.2 points since 2025Q3"
    assert found[1] == "Health is red (15.9)"
    assert all(d.kind is RiskKind.RISK for d in drafts)
    assert len(found) == len(set(found))


def test_suggestions_leave_out_titles_already_in_the_register(register: RiskRegister,
                                                              small: SmallPortfolio) -> None:
    drafts = register.suggestions(small.bluefin)
    accepted = drafts[1]
    register.add(small.bluefin, RiskDraft(accepted.kind, accepted.title.upper(), "", 2, 2))
    after = register.suggestions(small.bluefin)
    assert accepted.title not in [d.title for d in after]
    assert [d.title for d in after] == [d.title for d in drafts if d != accepted]
    # A closed item still counts as "already in the register".
    register.set_status(register.items(small.bluefin)[0].id, RiskStatus.CLOSED)
    assert register.suggestions(small.bluefin) == after


def test_suggestions_include_a_ready_expansion(register: RiskRegister,
                                               small: SmallPortfolio) -> None:
    [opportunity] = [d for d in register.suggestions(small.acme)
                     if d.kind is RiskKind.OPPORTUNITY]
    assert opportunity.title == "Expansion of $18,000 a year is ready to discuss"


def test_suggestions_follow_the_registers_today(context: Any, small: SmallPortfolio) -> None:
    context.accounts.update(small.cedar, {"renewal_date": TODAY + timedelta(days=30)})
    near = RiskRegister(context.store.sessions, context.insights, today=lambda: TODAY)
    far = RiskRegister(context.store.sessions, context.insights,
                       today=lambda: TODAY - timedelta(days=200))
    assert "Renewal in 30 days with yellow health" in [d.title for d in near.suggestions(
        small.cedar)]
    assert not any(d.title.startswith("Renewal") for d in far.suggestions(small.cedar))


def test_suggestions_of_a_healthy_steady_account_are_empty_once_accepted(
        register: RiskRegister, small: SmallPortfolio) -> None:
    for suggestion in register.suggestions(small.acme):
        register.add(small.acme, suggestion, origin="suggested")
    assert register.suggestions(small.acme) == []
    assert {i.origin for i in register.items(small.acme)} == {"suggested"}


def test_suggestions_for_an_unknown_account_raise(register: RiskRegister,
                                                 small: SmallPortfolio) -> None:
    with pytest.raises(NotFoundError):
        register.suggestions(31337)

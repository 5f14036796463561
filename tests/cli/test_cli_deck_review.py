"""`qbr deck-review`: two people on one portfolio (a file, then a team server) hand a deck
over, find it in the reviewer's queue, approve it or send it back, each under their own
name (`qbr whoami`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from cli_support import Portfolio, open_portfolio

from qbr_desktop.domain.contacts import ReviewDraft

ACCOUNT = "Acme <R&D> 株式会社"


def as_person(qbr: Any, db: Portfolio, name: str) -> None:
    assert qbr("whoami", "--name", name, "--db", db).code == 0


def portfolio_with_a_deck(qbr: Any, db: Portfolio) -> None:
    assert qbr("--db", db, "accounts", "add", ACCOUNT, "--owner", "Dana Whitfield").code == 0
    context = open_portfolio(db)
    try:
        account_id = context.insights.resolve(ACCOUNT)
        context.accounts.add_review(account_id, ReviewDraft(
            datetime.now(UTC) + timedelta(days=9), "Asia/Tokyo"))
    finally:
        context.close()


def test_a_deck_goes_to_the_manager_and_comes_back_approved(qbr: Any,
                                                            fresh_db: Portfolio) -> None:
    portfolio_with_a_deck(qbr, fresh_db)
    as_person(qbr, fresh_db, "Morgan Lee")
    as_person(qbr, fresh_db, "Dana Whitfield")
    shown = qbr("--db", fresh_db, "deck-review", ACCOUNT)
    assert shown.out.strip() == f"{ACCOUNT}: draft: not handed over for review yet"
    ready = qbr("--db", fresh_db, "deck-review", ACCOUNT, "--ready", "--reviewer",
                "Morgan Lee")
    assert ready.code == 0, ready.err
    assert ready.out.startswith(f"{ACCOUNT}: ready for review by Dana Whitfield on ")
    assert ready.out.strip().endswith(", for Morgan Lee")
    mine = qbr("--db", fresh_db, "deck-review", "--queue", "--json").json()
    assert mine == {"reviewer": "Dana Whitfield", "decks": []}
    as_person(qbr, fresh_db, "Morgan Lee")
    queue = qbr("--db", fresh_db, "deck-review", "--queue", "--json").json()
    assert queue["reviewer"] == "Morgan Lee"
    [deck] = queue["decks"]
    assert (deck["account"], deck["csm"], deck["reviewer"]) == (ACCOUNT, "Dana Whitfield",
                                                                "Morgan Lee")
    assert deck["meeting_on"] is not None and deck["since"] is not None
    listed = qbr("--db", fresh_db, "deck-review", "--queue")
    assert listed.out.startswith("1 deck waiting for Morgan Lee's review:\n")
    assert f"  {ACCOUNT}\tCSM Dana Whitfield\tQBR " in listed.out
    assert qbr("--db", fresh_db, "deck-review", ACCOUNT, "--approve").code == 0
    assert qbr("--db", fresh_db, "deck-review", "--queue").out.strip() == (
        "No deck is waiting for Morgan Lee's review.")
    as_person(qbr, fresh_db, "Dana Whitfield")
    seen = qbr("--db", fresh_db, "deck-review", ACCOUNT, "--json").json()
    assert (seen["state"], seen["ready_by"], seen["approved_by"]) == (
        "approved", "Dana Whitfield", "Morgan Lee")
    assert seen["approved_at"] is not None and seen["account"] == ACCOUNT
    other = qbr("--db", fresh_db, "deck-review", "--queue", "--reviewer", "morgan lee")
    assert other.out.strip() == "No deck is waiting for Morgan Lee's review."


def test_a_deck_sent_back_says_why_and_goes_to_the_same_reviewer_again(
        qbr: Any, fresh_db: Portfolio) -> None:
    portfolio_with_a_deck(qbr, fresh_db)
    as_person(qbr, fresh_db, "Dana Whitfield")
    refused = qbr("--db", fresh_db, "deck-review", ACCOUNT, "--request-changes", "Why")
    assert refused.code == 1
    assert "changes can be requested of a deck ready for review only" in refused.err
    assert qbr("--db", fresh_db, "deck-review", ACCOUNT, "--ready", "--reviewer",
               "Morgan Lee").code == 0
    as_person(qbr, fresh_db, "Morgan Lee")
    back = qbr("--db", fresh_db, "deck-review", ACCOUNT, "--request-changes",
               "Lead with <risk> & 数据")
    assert back.code == 0, back.err
    assert back.out.strip().endswith(": “Lead with <risk> & 数据”")
    as_person(qbr, fresh_db, "Dana Whitfield")
    data = qbr("--db", fresh_db, "deck-review", ACCOUNT, "--json").json()
    assert (data["state"], data["changes_by"], data["changes_reason"]) == (
        "changes", "Morgan Lee", "Lead with <risk> & 数据")
    again = qbr("--db", fresh_db, "deck-review", ACCOUNT, "--ready")  # the last reviewer
    assert again.out.strip().endswith(", for Morgan Lee")
    cleared = qbr("--db", fresh_db, "deck-review", ACCOUNT, "--clear", "--json").json()
    assert cleared["state"] == "draft"


def test_usage_mistakes_are_one_line(qbr: Any, fresh_db: Portfolio) -> None:
    portfolio_with_a_deck(qbr, fresh_db)
    for argv, said in (
            (("--queue", ACCOUNT), "--queue lists every account's decks"),
            ((), "name the account"),
            ((ACCOUNT, "--approve", "--reviewer", "X"), "--reviewer goes with --ready"),
            (("--queue", "--reviewer", "Nobody"), "no one called “Nobody” is on the team")):
        result = qbr("--db", fresh_db, "deck-review", *argv)
        assert result.code == 1 and said in result.err, (argv, result.err)
    both = qbr("--db", fresh_db, "deck-review", ACCOUNT, "--ready", "--approve")
    assert both.code == 2  # argparse: not allowed together

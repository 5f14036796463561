"""`qbr deck-review`: a deck's way to the CS manager, and the decks waiting for review.

The usage is DESCRIPTION below (`--help` shows it in the interface language).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from qbr_desktop.cli import CommandFailed, with_context
from qbr_desktop.cli.output import say, write_json
from qbr_desktop.i18n import N_, msg, msg_plural, ui_text

DESCRIPTION = N_("""\
`qbr deck-review`: a deck's way to the CS manager, and the decks waiting for review.

    qbr deck-review ACCOUNT                              show its state
    qbr deck-review ACCOUNT --ready [--reviewer NAME]    hand it over for review
    qbr deck-review ACCOUNT --approve
    qbr deck-review ACCOUNT --request-changes "REASON"   send it back
    qbr deck-review ACCOUNT --clear                      back to a draft
    qbr deck-review --queue [--reviewer NAME] [--json]   the decks waiting for you

Each change is recorded under your name (see `qbr whoami`). --ready hands the deck to the
reviewer you chose last time unless --reviewer names one ("" for no one).
""")

if TYPE_CHECKING:  # the handlers import what they use: see qbr_desktop/cli/__init__.py
    from qbr_desktop.domain.deck_review import DeckReview, WaitingDeck
    from qbr_desktop.services.context import AppContext


def add_parsers(commands: Any, _formats: Any) -> None:
    review = commands.add_parser(
        "deck-review", help=N_("a deck's manager review: hand it over, approve it, send it "
                               "back; --queue lists the decks waiting for you"),
        description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    review.add_argument("account", metavar="ACCOUNT", nargs="?",
                        help=N_("account name, id or CRM id"))
    action = review.add_mutually_exclusive_group()
    action.add_argument("--ready", action="store_true", help=N_("hand the deck over for review"))
    action.add_argument("--approve", action="store_true", help=N_("approve the deck"))
    action.add_argument("--request-changes", metavar="REASON",
                        help=N_("send the deck back, saying what should change"))
    action.add_argument("--clear", action="store_true", help=N_("take the deck back to a draft"))
    action.add_argument("--queue", action="store_true",
                        help=N_("list the decks waiting for review (yours, or --reviewer's)"))
    review.add_argument("--reviewer", metavar="NAME",
                        help=N_("with --ready: who reviews it (\"\" for no one); with --queue: "
                                "whose queue"))
    review.add_argument("--json", action="store_true", help=N_("print JSON"))
    review.set_defaults(handler=_deck_review)


def _deck_review(args: argparse.Namespace, out: TextIO) -> None:
    if args.queue:
        if args.account:
            raise CommandFailed(ui_text(
                msg("--queue lists every account's decks: leave out ACCOUNT")))
        _queue(args, out)
        return
    if not args.account:
        raise CommandFailed(ui_text(
            msg("name the account whose deck to show or mark (or use --queue)")))
    if args.reviewer is not None and not args.ready:
        raise CommandFailed(ui_text(msg("--reviewer goes with --ready or --queue")))

    def work(context: AppContext) -> tuple[str, DeckReview]:
        from qbr_desktop.domain.deck_review import DeckState
        from qbr_desktop.services.deck_reviews import LAST_CHOSEN

        service = context.deck_reviews
        account_id = context.insights.resolve(args.account)
        name = context.accounts.get(account_id).draft.name
        if args.ready:
            reviewer: Any = LAST_CHOSEN
            if args.reviewer is not None:
                reviewer = (service.reviewer_named(args.reviewer).id
                            if args.reviewer.strip() else None)
            return name, service.mark_deck(account_id, DeckState.READY, reviewer=reviewer)
        if args.approve:
            return name, service.mark_deck(account_id, DeckState.APPROVED)
        if args.request_changes is not None:
            return name, service.mark_deck(account_id, DeckState.CHANGES,
                                           reason=args.request_changes)
        if args.clear:
            return name, service.mark_deck(account_id, DeckState.DRAFT)
        return name, service.deck_review(account_id)

    name, review = with_context(args, work)
    if args.json:
        write_json(out, {"account": name, **review_json(review)})
        return
    say(out, msg("{file}: {described}", file=name, described=review.summary_message()))


def _queue(args: argparse.Namespace, out: TextIO) -> None:
    def work(context: AppContext) -> tuple[str, list[WaitingDeck]]:
        service = context.deck_reviews
        if args.reviewer:
            reviewer = service.find_reviewer(args.reviewer)
            if reviewer is None:
                raise CommandFailed(ui_text(msg("no one called “{name}” is on the team",
                                                name=args.reviewer)))
            return reviewer.name, service.queue(reviewer.id)
        return service.who(), service.queue()

    whose, decks = with_context(args, work)
    if args.json:
        write_json(out, {"reviewer": whose, "decks": [waiting_json(d) for d in decks]})
        return
    if not decks:
        say(out, msg("No deck is waiting for {name}'s review.", name=whose))
        return
    say(out, msg_plural("{count} deck waiting for {name}'s review:",
                        "{count} decks waiting for {name}'s review:", len(decks), name=whose))
    for deck in decks:
        meeting = (deck.meeting_on.isoformat() if deck.meeting_on
                   else ui_text(msg("no QBR planned")))
        since = f"{deck.since:%Y-%m-%d %H:%M} UTC" if deck.since else "—"
        say(out, msg("  {name}\tCSM {owner}\tQBR {meeting}\tsince {since}",
                     name=deck.account_name, owner=deck.owner or "—", meeting=meeting,
                     since=since))


def _when(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def review_json(review: DeckReview) -> dict[str, Any]:
    return {
        "state": review.state.value, "label": review.state.label,
        "reviewer": review.reviewer.name if review.reviewer else None,
        "ready_by": review.ready_by or None, "ready_at": _when(review.ready_at),
        "approved_by": review.approved_by or None, "approved_at": _when(review.approved_at),
        "changes_by": review.changes_by or None, "changes_at": _when(review.changes_at),
        "changes_reason": review.changes_reason or None,
        "changed_since": review.changed_since, "summary": review.summary(),
    }


def waiting_json(deck: WaitingDeck) -> dict[str, Any]:
    return {"account_id": deck.account_id, "account": deck.account_name,
            "csm": deck.owner or None, "meeting_on": _when(deck.meeting_on),
            "since": _when(deck.since),
            "reviewer": deck.review.reviewer.name if deck.review.reviewer else None}

"""`qbr export deck|brief|handout|email`: an account's QBR deck, its one-page brief, the
handout, and an email draft that carries the deck and the brief to the attendees.

    qbr export deck ACCOUNT --out FILE.pptx [--template T.pptx] [--variant executive|...]
    qbr export deck --all-upcoming [--days 30] --out DIR
    qbr export brief ACCOUNT --out FILE.pdf
    qbr export handout ACCOUNT --out FILE.pdf
    qbr export email ACCOUNT --out FILE.eml

Every file is built from one DeckContent (services/decks.py), so the deck, the brief and
the handout show the same figures as the app.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from qbr_desktop.cli import CommandFailed, with_context

if TYPE_CHECKING:  # each handler imports what it uses: see qbr_desktop/cli/__init__.py
    from qbr_desktop.domain.deck import DeckBriefing, DeckContent, DeckVariant, PreparedDeck
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.deck_files import EmailDraft, WrittenDeck

MAX_WORKERS = 2
#: domain.deck.DeckVariant's values (a test keeps them equal): parsing imports no domain.
DECK_VARIANTS = ("executive", "standard", "digital")


def add_parsers(commands: Any, formats: Any) -> None:
    del commands  # every command here is an export format
    deck = formats.add_parser("deck", help="the QBR deck as a PowerPoint file")
    deck.add_argument("account", metavar="ACCOUNT", nargs="?",
                      help="account name, id or CRM id")
    deck.add_argument("--all-upcoming", action="store_true",
                      help="a deck for every account with a QBR in the next --days days")
    deck.add_argument("--days", type=int, default=30, metavar="N",
                      help="with --all-upcoming: how many days ahead (default 30)")
    deck.add_argument("--out", required=True, type=Path, metavar="FILE.pptx|DIR")
    deck.add_argument("--template", type=Path, metavar="T.pptx",
                      help="a PowerPoint template whose masters the deck uses")
    deck.add_argument("--variant", choices=DECK_VARIANTS,
                      help="override the tier's variant")
    deck.set_defaults(handler=_export_deck)

    for name, help_text in (("brief", "the one-page executive brief as a PDF"),
                            ("handout", "the meeting handout as a PDF")):
        parser = formats.add_parser(name, help=help_text)
        parser.add_argument("account", metavar="ACCOUNT", help="account name, id or CRM id")
        parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
        parser.set_defaults(handler=_export_pdf, pdf_kind=name)

    mail = formats.add_parser(
        "email", help="an email draft to the confirmed attendees with the deck and brief")
    mail.add_argument("account", metavar="ACCOUNT", help="account name, id or CRM id")
    mail.add_argument("--out", required=True, type=Path, metavar="FILE.eml")
    mail.set_defaults(handler=_export_email)


# Checks before anything is opened ----------------------------------------------------------
def _suffix(out: Path, wanted: str, what: str) -> Path:
    out = Path(out).expanduser()
    if out.suffix.lower() != wanted:
        raise CommandFailed(f"“{out.name}” does not end in {wanted}; {what}")
    if out.is_dir():
        raise CommandFailed(f"{out} is a folder; name the file to write, e.g. "
                            f"{out / ('deck' + wanted)}")
    return out


def _template(path: Path | None) -> Path | None:
    if path is None:
        return None
    path = Path(path).expanduser()
    if path.suffix.lower() not in (".pptx", ".potx"):
        raise CommandFailed(f"“{path.name}” is not a PowerPoint template (.pptx or .potx)")
    if not path.is_file():
        raise CommandFailed(f"The template {path} does not exist")
    return path


def _variant(text: str | None) -> DeckVariant | None:
    from qbr_desktop.domain.deck import DeckVariant

    return DeckVariant(text) if text else None


def _notes(briefing: DeckBriefing, out: TextIO) -> None:
    from qbr_desktop.i18n import ui_text

    for sentence in briefing.missing:
        out.write(f"  - {ui_text(sentence)}\n")
    for sentence in briefing.omitted:
        out.write(f"  - slide {ui_text(sentence)}\n")


# qbr export deck ---------------------------------------------------------------------------
def _export_deck(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.exports.file_names import available_path
    from qbr_desktop.services.deck_files import write_deck_file

    template = _template(args.template)
    variant = _variant(args.variant)
    if args.all_upcoming:
        if args.account:
            raise CommandFailed("Name an account or use --all-upcoming, not both")
        _all_upcoming(args, template, variant, out)
        return
    if not args.account:
        raise CommandFailed("Name the account (or use --all-upcoming with a folder)")
    target = available_path(_suffix(args.out, ".pptx", "the deck is a PowerPoint file, "
                                                      "e.g. deck.pptx"))

    def work(context: AppContext) -> tuple[PreparedDeck, WrittenDeck]:
        account_id = context.insights.resolve(args.account)
        prepared = context.decks.prepare(context, account_id, variant=variant)
        plan = context.decks.plan(account_id)
        return prepared, write_deck_file(prepared.content, target, plan, template,
                                         briefing=prepared.briefing)

    prepared, deck = with_context(args, work)
    content = prepared.content
    out.write(f"{content.account_name}: {content.variant.words}, {_slides(deck, content)}, "
              f"written to {deck.path}\n")
    _notes(prepared.briefing, out)
    for warning in deck.warnings:
        out.write(f"  warning: {warning}\n")


def _slides(deck: WrittenDeck, content: DeckContent) -> str:
    """'14 slides (11 for the meeting, 3 backup)': the count of the file written."""
    from qbr_desktop.domain.deck import slide_count

    meeting = slide_count(content.outline)
    if deck.slides == meeting:
        return f"{deck.slides} slides"
    return f"{deck.slides} slides ({meeting} for the meeting, {deck.slides - meeting} backup)"


class DeckJob(NamedTuple):  # a NamedTuple: parsing loads no dataclasses
    target: DatabaseTarget
    account_id: int
    account_name: str
    out: str
    template: str | None
    variant: str | None


def build_deck_job(job: DeckJob) -> str:
    """One deck in a worker process, on its own connection to the portfolio."""
    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.deck_files import write_deck_file

    context = AppContext.open(job.target)
    try:
        prepared = context.decks.prepare(context, job.account_id,
                                         variant=_variant(job.variant))
        content = prepared.content
        plan = context.decks.plan(job.account_id)
        deck = write_deck_file(content, Path(job.out), plan,
                               Path(job.template) if job.template else None,
                               briefing=prepared.briefing)
    finally:
        context.close()
    meeting = content.meeting_date.isoformat() if content.meeting_date else "no date"
    warned = f" ({len(deck.warnings)} warning(s): {deck.warnings[0]})" if deck.warnings else ""
    return (f"{content.account_name}: QBR {meeting}, {_slides(deck, content)}, "
            f"{deck.path}{warned}")


def _all_upcoming(args: argparse.Namespace, template: Path | None,
                  variant: DeckVariant | None, out: TextIO) -> None:
    from qbr_desktop.domain.audience.deck import quarter_words
    from qbr_desktop.domain.periods import Quarter
    from qbr_desktop.exports.file_names import available_path, safe_file_name, target_in
    from qbr_desktop.paths import resolve_target

    if not 1 <= args.days <= 3660:
        raise CommandFailed("--days is between 1 and 3,660")
    folder = Path(args.out).expanduser()
    if folder.exists() and not folder.is_dir():
        raise CommandFailed(f"{folder} is a file; --all-upcoming writes into a folder")
    if folder.suffix.lower() == ".pptx":
        raise CommandFailed(f"“{folder.name}” looks like a file; --all-upcoming writes one "
                            "deck per account into a folder")
    target = resolve_target(getattr(args, "sub_db", None) or args.db)

    def work(context: AppContext) -> list[tuple[int, str, date]]:
        return [(row.account_id, row.account_name, row.meeting_at.date())
                for row in context.plans.upcoming(args.days)
                if row.review_id is not None and row.meeting_at is not None]

    upcoming = with_context(args, work)
    if not upcoming:
        out.write(f"No QBR in the next {args.days} days: no decks written.\n")
        return
    folder.mkdir(parents=True, exist_ok=True)
    quarter = quarter_words(Quarter.containing(date.today()))
    jobs, used = [], set()
    for account_id, name, _day in upcoming:
        file_name = safe_file_name(name, ".pptx", quarter=quarter)
        path = available_path(target_in(folder, file_name))
        number = 2
        while path.name.casefold() in used:
            path = available_path(target_in(folder, f"{Path(file_name).stem} ({number})"
                                                    ".pptx"))
            number += 1
        used.add(path.name.casefold())
        jobs.append(DeckJob(target, account_id, name, str(path),
                            str(template) if template else None,
                            variant.value if variant else None))
    failures = _run_jobs(jobs, out)
    out.write(f"{len(jobs) - failures} of {len(jobs)} decks written to {folder}\n")
    if failures:
        raise CommandFailed(f"{failures} of {len(jobs)} decks could not be built")


def _run_jobs(jobs: Sequence[DeckJob], out: TextIO) -> int:
    """Build the decks two at a time; one line per deck, in the order of the meetings."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    failures = 0
    # spawn: a forked worker would inherit the parent's Qt and database threads.
    with ProcessPoolExecutor(max_workers=MAX_WORKERS,
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(build_deck_job, job) for job in jobs]
        for job, future in zip(jobs, futures, strict=True):
            try:
                out.write(future.result() + "\n")
            except Exception as exc:  # noqa: BLE001 - one failed deck must not stop the rest
                failures += 1
                out.write(f"{job.account_name}: not written: {exc}\n")
            out.flush()
    return failures


# qbr export brief / handout ------------------------------------------------------------------
def _export_pdf(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.exports.file_names import available_path
    from qbr_desktop.services.deck_files import write_pdf_file

    kind: str = args.pdf_kind
    target = available_path(_suffix(args.out, ".pdf", f"the {kind} is a PDF, "
                                                      f"e.g. {kind}.pdf"))

    def work(context: AppContext) -> tuple[PreparedDeck, Path]:
        account_id = context.insights.resolve(args.account)
        prepared = context.decks.prepare(context, account_id)
        return prepared, write_pdf_file(kind, prepared.content, target)

    prepared, written = with_context(args, work)
    content = prepared.content
    out.write(f"{content.account_name}: {kind} for the {content.quarter} review written "
              f"to {written}\n")
    _notes(prepared.briefing, out)


# qbr export email ----------------------------------------------------------------------------
def _export_email(args: argparse.Namespace, out: TextIO) -> None:
    import tempfile
    from email import policy

    from qbr_desktop.atomic_files import write_bytes
    from qbr_desktop.exports.file_names import available_path
    from qbr_desktop.services.deck_files import email_draft

    target = available_path(_suffix(args.out, ".eml", "the draft is an email file, "
                                                      "e.g. qbr.eml"))

    def work(context: AppContext) -> EmailDraft:
        account_id = context.insights.resolve(args.account)
        with tempfile.TemporaryDirectory(prefix="qbr-email-") as folder:
            return email_draft(context, account_id, Path(folder))

    draft = with_context(args, work)
    write_bytes(target, draft.message.as_bytes(policy=policy.SMTP))
    to = (f"to {len(draft.recipients)} confirmed attendee(s)" if draft.recipients
          else "with no recipient (nobody with an address is confirmed yet)")
    out.write(f"{draft.content.account_name}: email draft {to}, with "
              f"{' and '.join(draft.attachments)}, written to {target}\n")
    if draft.without_email:
        out.write(f"  - No usable address for: {', '.join(draft.without_email)}\n")
    out.write("  - The attached deck leaves out the speaker notes (talking points).\n")

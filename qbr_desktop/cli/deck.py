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
from qbr_desktop.cli.output import listed, say
from qbr_desktop.i18n import (
    N_,
    interface_language,
    msg,
    set_interface_language,
    ui_label,
    ui_text,
)

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
    deck = formats.add_parser("deck", help=N_("the QBR deck as a PowerPoint file"))
    deck.add_argument("account", metavar="ACCOUNT", nargs="?",
                      help=N_("account name, id or CRM id"))
    deck.add_argument("--all-upcoming", action="store_true",
                      help=N_("a deck for every account with a QBR in the next --days days"))
    deck.add_argument("--days", type=int, default=30, metavar="N",
                      help=N_("with --all-upcoming: how many days ahead (default 30)"))
    deck.add_argument("--out", required=True, type=Path, metavar="FILE.pptx|DIR")
    deck.add_argument("--template", type=Path, metavar="T.pptx",
                      help=N_("a PowerPoint template whose masters the deck uses"))
    deck.add_argument("--variant", choices=DECK_VARIANTS,
                      help=N_("override the tier's variant"))
    deck.set_defaults(handler=_export_deck)

    for name, help_text in (("brief", N_("the one-page executive brief as a PDF")),
                            ("handout", N_("the meeting handout as a PDF"))):
        parser = formats.add_parser(name, help=help_text)
        parser.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
        parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
        parser.set_defaults(handler=_export_pdf, pdf_kind=name)

    mail = formats.add_parser(
        "email", help=N_("an email draft to the confirmed attendees with the deck and brief"))
    mail.add_argument("account", metavar="ACCOUNT", help=N_("account name, id or CRM id"))
    mail.add_argument("--out", required=True, type=Path, metavar="FILE.eml")
    mail.set_defaults(handler=_export_email)


# Checks before anything is opened ----------------------------------------------------------
def _suffix(out: Path, wanted: str, what: str) -> Path:
    out = Path(out).expanduser()
    if out.suffix.lower() != wanted:
        raise CommandFailed(ui_text(msg("“{name}” does not end in {suffix}; {what}",
                                        name=out.name, suffix=wanted, what=what)))
    if out.is_dir():
        raise CommandFailed(ui_text(msg("{folder} is a folder; name the file to write, e.g. "
                                        "{example}", folder=out,
                                        example=out / ("deck" + wanted))))
    return out


def _template(path: Path | None) -> Path | None:
    if path is None:
        return None
    path = Path(path).expanduser()
    if path.suffix.lower() not in (".pptx", ".potx"):
        raise CommandFailed(ui_text(msg("“{name}” is not a PowerPoint template (.pptx or .potx)",
                                        name=path.name)))
    if not path.is_file():
        raise CommandFailed(ui_text(msg("The template {path} does not exist", path=path)))
    return path


def _variant(text: str | None) -> DeckVariant | None:
    from qbr_desktop.domain.deck import DeckVariant

    return DeckVariant(text) if text else None


def _notes(briefing: DeckBriefing, out: TextIO) -> None:
    for sentence in briefing.missing:
        out.write(f"  - {ui_text(sentence)}\n")
    for sentence in briefing.omitted:
        say(out, msg("  - slide {sentence}", sentence=sentence))


# qbr export deck ---------------------------------------------------------------------------
def _export_deck(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.exports.file_names import available_path
    from qbr_desktop.services.deck_files import write_deck_file

    template = _template(args.template)
    variant = _variant(args.variant)
    if args.all_upcoming:
        if args.account:
            raise CommandFailed(ui_text(msg("Name an account or use --all-upcoming, not both")))
        _all_upcoming(args, template, variant, out)
        return
    if not args.account:
        raise CommandFailed(ui_text(msg("Name the account (or use --all-upcoming with a folder)")))
    target = available_path(_suffix(args.out, ".pptx", ui_text(
        msg("the deck is a PowerPoint file, e.g. deck.pptx"))))

    def work(context: AppContext) -> tuple[PreparedDeck, WrittenDeck]:
        account_id = context.insights.resolve(args.account)
        prepared = context.decks.prepare(context, account_id, variant=variant)
        plan = context.decks.plan(account_id)
        return prepared, write_deck_file(prepared.content, target, plan, template,
                                         briefing=prepared.briefing)

    prepared, deck = with_context(args, work)
    content = prepared.content
    say(out, msg("{name}: {variant}, {slides}, written to {path}", name=content.account_name,
                 variant=ui_label(content.variant.words), slides=_slides(deck, content),
                 path=deck.path))
    _notes(prepared.briefing, out)
    for warning in deck.warnings:
        say(out, msg("  warning: {warning}", warning=warning))


def _slides(deck: WrittenDeck, content: DeckContent) -> str:
    """'14 slides (11 for the meeting, 3 backup)': the count of the file written."""
    from qbr_desktop.domain.deck import slide_count

    meeting = slide_count(content.outline)
    if deck.slides == meeting:
        return ui_text(msg("{count} slides", count=deck.slides))
    return ui_text(msg("{count} slides ({meeting} for the meeting, {backup} backup)",
                       count=deck.slides, meeting=meeting, backup=deck.slides - meeting))


class DeckJob(NamedTuple):  # a NamedTuple: parsing loads no dataclasses
    target: DatabaseTarget
    account_id: int
    account_name: str
    out: str
    template: str | None
    variant: str | None
    language: str


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
    # Rendered here, in the worker: it chose the same language as the command (spawned
    # workers start in English, so the caller passes its own).
    set_interface_language(job.language)
    meeting = (content.meeting_date.isoformat() if content.meeting_date
               else ui_text(msg("no date")))
    warned = (ui_text(msg(" ({count} warning(s): {first})", count=len(deck.warnings),
                          first=deck.warnings[0])) if deck.warnings else "")
    return ui_text(msg("{name}: QBR {meeting}, {slides}, {path}{warned}",
                       name=content.account_name, meeting=meeting,
                       slides=_slides(deck, content), path=deck.path, warned=warned))


def _all_upcoming(args: argparse.Namespace, template: Path | None,
                  variant: DeckVariant | None, out: TextIO) -> None:
    from qbr_desktop.domain.audience.deck import quarter_words
    from qbr_desktop.domain.periods import Quarter
    from qbr_desktop.exports.file_names import available_path, safe_file_name, target_in
    from qbr_desktop.paths import resolve_target

    if not 1 <= args.days <= 3660:
        raise CommandFailed(ui_text(msg("--days is between 1 and 3,660")))
    folder = Path(args.out).expanduser()
    if folder.exists() and not folder.is_dir():
        raise CommandFailed(ui_text(msg("{folder} is a file; --all-upcoming writes into a folder",
                                        folder=folder)))
    if folder.suffix.lower() == ".pptx":
        raise CommandFailed(ui_text(msg("“{name}” looks like a file; --all-upcoming writes one "
                                        "deck per account into a folder", name=folder.name)))
    target = resolve_target(getattr(args, "sub_db", None) or args.db)

    def work(context: AppContext) -> list[tuple[int, str, date]]:
        return [(row.account_id, row.account_name, row.meeting_at.date())
                for row in context.plans.upcoming(args.days)
                if row.review_id is not None and row.meeting_at is not None]

    upcoming = with_context(args, work)
    if not upcoming:
        say(out, msg("No QBR in the next {days} days: no decks written.", days=args.days))
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
                            variant.value if variant else None, interface_language()))
    failures = _run_jobs(jobs, out)
    say(out, msg("{written} of {count} decks written to {folder}", written=len(jobs) - failures,
                 count=len(jobs), folder=folder))
    if failures:
        raise CommandFailed(ui_text(msg("{failures} of {count} decks could not be built",
                                        failures=failures, count=len(jobs))))


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
                say(out, msg("{name}: not written: {error}", name=job.account_name, error=exc))
            out.flush()
    return failures


# qbr export brief / handout ------------------------------------------------------------------
def _export_pdf(args: argparse.Namespace, out: TextIO) -> None:
    from qbr_desktop.exports.file_names import available_path
    from qbr_desktop.services.deck_files import write_pdf_file

    kind: str = args.pdf_kind
    target = available_path(_suffix(args.out, ".pdf", ui_text(
        msg("the brief is a PDF, e.g. brief.pdf") if kind == "brief" else
        msg("the handout is a PDF, e.g. handout.pdf"))))

    def work(context: AppContext) -> tuple[PreparedDeck, Path]:
        account_id = context.insights.resolve(args.account)
        prepared = context.decks.prepare(context, account_id)
        return prepared, write_pdf_file(kind, prepared.content, target)

    prepared, written = with_context(args, work)
    content = prepared.content
    say(out, msg("{name}: brief for the {quarter} review written to {path}",
                 name=content.account_name, quarter=content.quarter, path=written)
        if kind == "brief" else
        msg("{name}: handout for the {quarter} review written to {path}",
            name=content.account_name, quarter=content.quarter, path=written))
    _notes(prepared.briefing, out)


# qbr export email ----------------------------------------------------------------------------
def _export_email(args: argparse.Namespace, out: TextIO) -> None:
    import tempfile
    from email import policy

    from qbr_desktop.atomic_files import write_bytes
    from qbr_desktop.exports.file_names import available_path
    from qbr_desktop.services.deck_files import email_draft

    target = available_path(_suffix(args.out, ".eml", ui_text(
        msg("the draft is an email file, e.g. qbr.eml"))))

    def work(context: AppContext) -> EmailDraft:
        account_id = context.insights.resolve(args.account)
        with tempfile.TemporaryDirectory(prefix="qbr-email-") as folder:
            return email_draft(context, account_id, Path(folder))

    draft = with_context(args, work)
    write_bytes(target, draft.message.as_bytes(policy=policy.SMTP))
    fields = {"name": draft.content.account_name, "target": target,
              "attachments": ui_text(msg("{first} and {second}", first=draft.attachments[0],
                                         second=draft.attachments[1]))
              if len(draft.attachments) == 2 else listed(draft.attachments)}
    say(out, msg("{name}: email draft to {count} confirmed attendee(s), with {attachments}, "
                 "written to {target}", count=len(draft.recipients), **fields)
        if draft.recipients else
        msg("{name}: email draft with no recipient (nobody with an address is confirmed "
            "yet), with {attachments}, written to {target}", **fields))
    if draft.without_email:
        say(out, msg("  - No usable address for: {names}", names=listed(draft.without_email)))
    say(out, msg("  - The attached deck leaves out the speaker notes (talking points)."))

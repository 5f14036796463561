"""Writing an account's deck files and the email that shares them: one place for the
Deck tab and for `qbr export`, so both give the same files.

Every file is built from one DeckContent (services/decks.py), so the deck, the brief and the
handout show the same figures as the app. DeckContent is customer-safe by construction
(domain.audience.deck); only the presenter's own deck also reads the CSM's DeckBriefing, in
its speaker notes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from qbr_desktop.domain.customer_words import email_date
from qbr_desktop.domain.deck import DeckBriefing, DeckContent
from qbr_desktop.domain.deck_plan import DeckPlan
from qbr_desktop.exports.file_names import safe_file_name, target_in
from qbr_desktop.i18n import catalogue
from qbr_desktop.services.context import AppContext
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import ContactRow

PPTX_TYPE = ("application", "vnd.openxmlformats-officedocument.presentationml.presentation")
PDF_TYPE = ("application", "pdf")
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class WrittenDeck:
    path: Path
    slides: int  # in the file: the meeting's, the divider and the backup slides
    warnings: tuple[str, ...]


def write_deck_file(content: DeckContent, out: Path, plan: DeckPlan,
                    template: Path | None, *, progress: Progress | None = None,
                    cancelled: Cancelled | None = None,
                    briefing: DeckBriefing | None = None) -> WrittenDeck:
    """The deck through exports.deck_pptx with the plan's look.

    With the CSM's `briefing` it is the presenter's deck, with talking points in its notes;
    without, it is the customer's copy, whose notes keep only the text cut to fit a slide.
    """
    from qbr_desktop.exports.deck_pptx import write_deck

    chosen = template or (Path(plan.template).expanduser() if plan.template else None)
    options: dict[str, Any] = {"template": chosen,
                               "logo": Path(plan.logo).expanduser() if plan.logo else None,
                               "progress": progress, "cancelled": cancelled,
                               "speaker_notes": briefing is not None, "briefing": briefing}
    if plan.accent:
        options["accent"] = plan.accent
    result = write_deck(content, out, **options)
    return WrittenDeck(result.path, result.slides, result.warnings)


def write_pdf_file(kind: str, content: DeckContent, out: Path) -> Path:
    from qbr_desktop.exports.brief_pdf import write_brief
    from qbr_desktop.exports.handout_pdf import write_handout

    return Path((write_brief if kind == "brief" else write_handout)(content, out))


@dataclass(frozen=True, slots=True)
class EmailDraft:
    message: EmailMessage
    recipients: tuple[str, ...]
    without_email: tuple[str, ...]
    attachments: tuple[str, ...]
    content: DeckContent


def _attendees(context: AppContext, account_id: int) -> list[tuple[str, str]]:
    """(name, email) of everyone confirmed for the next review."""
    plan = context.plans.next_plan(account_id)
    if plan is None:
        return []
    wanted = [entry.person_id for entry in context.stakeholders.attendance(plan.review_id)
              if entry.confirmed or entry.attended]
    with session_scope(context.store.sessions) as session:
        rows = {row.id: (row.name, row.email or "") for row in session.execute(
            select(ContactRow.id, ContactRow.name, ContactRow.email)
            .where(ContactRow.account_id == account_id)).all()}
    return [rows[person] for person in wanted if person in rows]


def _body(content: DeckContent, greeting: str, files: Sequence[str]) -> str:
    book = catalogue(content.language)
    if content.meeting_date:
        ahead = book.gettext("Ahead of our quarterly business review on {date}, please find "
                             "attached the deck we will walk through and a one-page brief.",
                             date=email_date(content.meeting_date, book))
    else:
        ahead = book.gettext("Ahead of our quarterly business review for {quarter}, please "
                             "find attached the deck we will walk through and a one-page "
                             "brief.", quarter=content.quarter)
    lines = [greeting, "", ahead, ""]
    if content.value_headline:
        lines += [book.gettext("In short: {headline}.", headline=content.value_headline), ""]
    lines += [book.gettext("Attached:")] + [f"  - {name}" for name in files] + [
        "", book.gettext("If there is a topic you would like us to cover, reply and we will "
                         "add it to the agenda."), "", book.gettext("Best regards,"),
        content.csm_name, ""]
    return "\n".join(lines)


def email_draft(context: AppContext, account_id: int, folder: Path, *,
                now: datetime | None = None) -> EmailDraft:
    """The draft with the deck and the brief, both built into `folder` first. The deck is
    the customer's copy: no talking points in its notes (write_deck's speaker_notes)."""
    from qbr_desktop.exports.mail_addresses import one_line, recipients_from, set_address_header

    content = context.decks.content(context, account_id)
    plan = context.decks.plan(account_id)
    deck_name = safe_file_name(content.account_name, ".pptx", quarter=content.quarter)
    book = catalogue(content.language)
    brief_name = safe_file_name(content.account_name, ".pdf", quarter=content.quarter,
                                kind=book.gettext("QBR brief"))
    deck = write_deck_file(content, target_in(folder, deck_name), plan, None).path
    brief = write_pdf_file("brief", content, target_in(folder, brief_name))

    recipients = recipients_from(_attendees(context, account_id))
    addresses, without = recipients.addresses, recipients.unusable
    message = EmailMessage(policy=policy.default)
    set_address_header(message, "To", addresses)
    when = email_date(content.meeting_date, book) if content.meeting_date else content.quarter
    message["Subject"] = book.gettext("{account} QBR, {when}: deck and brief",
                                      account=one_line(content.account_name), when=when)
    message["Date"] = format_datetime((now or datetime.now(UTC)).astimezone())
    message["X-Unsent"] = "1"
    greeting = (book.gettext("Hello {name},", name=addresses[0].display_name)
                if len(addresses) == 1 and addresses[0].display_name
                else book.gettext("Hello everyone,"))
    message.set_content(_body(content, greeting, (deck_name, brief_name)))
    for path, name, (maintype, subtype) in ((deck, deck_name, PPTX_TYPE),
                                            (brief, brief_name, PDF_TYPE)):
        message.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype,
                               filename=name)
    return EmailDraft(message, tuple(a.display_name or a.addr_spec for a in addresses),
                      tuple(without), (deck_name, brief_name), content)

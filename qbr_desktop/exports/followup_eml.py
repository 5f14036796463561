"""The follow-up email after a QBR, as an RFC 5322 draft (.eml) the CSM opens and sends.

Built with the standard library's `email` package from the customer's FollowupContent
(domain.audience.followup: decisions, action items, an optional summary the CSM wrote; never
the meeting's notes or its timings), with no database access:

- To: the people who confirmed or attended, as "Name <address>", written by
  exports.mail_addresses (names in any script, one address a line, none lost to the
  email package's folding). People without a usable address are left out (the caller
  reports them). Addresses are de-duplicated, ignoring case.
- Subject "Follow-up: ACCOUNT QBR, YYYY-MM-DD", encoded when it is not ASCII.
- `X-Unsent: 1` makes Outlook open the file as a draft with a Send button; other clients
  ignore it and show the message.
- The body is multipart/alternative: a plain-text part and an HTML part with the same
  content. Everything the CSM typed is escaped in the HTML (<, &, quotes), and every block
  of their text carries dir="auto" so right-to-left text reads the right way round. It is
  signed with the CSM's name.
- The file is written as bytes with CRLF line endings (the SMTP policy), as .eml files are.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, date, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from qbr_desktop.atomic_files import write_bytes
from qbr_desktop.domain.audience.followup import FollowupContent
from qbr_desktop.domain.customer_words import email_date
from qbr_desktop.domain.deck import ActionFigure
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.exports.mail_addresses import one_line, recipients_from, set_address_header
from qbr_desktop.i18n import ENGLISH, Catalogue, catalogue


class FollowupExportError(DomainError):
    """The follow-up email cannot be written as asked."""




def check_eml_name(out: Path) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".eml":
        raise FollowupExportError(f"“{out.name}” does not end in .eml; the follow-up is "
                                  "written as an email draft file, e.g. followup.eml")
    return out


def subject_for(account_name: str, meeting_date: date,
                book: Catalogue | None = None) -> str:
    book = book if book is not None else catalogue(ENGLISH)
    return book.gettext("Follow-up: {account} QBR, {date}", account=one_line(account_name),
                        date=email_date(meeting_date, book))


def followup_message(content: FollowupContent, *, now: datetime | None = None) -> EmailMessage:
    """The draft email from the customer's content (domain.audience.followup); people
    without a usable address are left off the To line."""
    book = catalogue(content.language)
    message = EmailMessage(policy=policy.default)
    addresses = recipients_from(content.recipients).addresses
    set_address_header(message, "To", addresses)
    message["Subject"] = subject_for(content.account_name, content.meeting_date, book)
    message["Date"] = format_datetime((now or datetime.now(UTC)).astimezone())
    message["X-Unsent"] = "1"
    greeting = (book.gettext("Hello {name},", name=addresses[0].display_name)
                if len(addresses) == 1 and addresses[0].display_name
                else book.gettext("Hello everyone,"))
    message.set_content(_plain(content, greeting, book))
    message.add_alternative(_html(content, greeting, book), subtype="html")
    for part in message.iter_parts():
        del part["MIME-Version"]  # the parts get one from EmailMessage; it belongs on top only
    return message


def write_followup(message: EmailMessage, out: Path) -> Path:
    """Write the draft to `out` (which must end in .eml) atomically; returns the path."""
    out = check_eml_name(out)
    write_bytes(out, message.as_bytes(policy=policy.SMTP))
    return out


# The words ---------------------------------------------------------------------------------
def _thanks(account: str, day: date, book: Catalogue) -> str:
    return book.gettext("Thank you for your time at the {account} quarterly business review "
                        "on {date}. Here is what we agreed.", account=one_line(account),
                        date=email_date(day, book))


def _groups(account: str, actions: Sequence[ActionFigure], book: Catalogue,
            ) -> list[tuple[str, list[ActionFigure]]]:
    ours = [a for a in actions if a.side == "ours"]
    theirs = [a for a in actions if a.side != "ours"]
    return [(heading, items) for heading, items in (
        (book.gettext("Our commitments"), ours),
        (book.gettext("{account}'s commitments", account=one_line(account)), theirs))
        if items]


def _item_details(item: ActionFigure, book: Catalogue) -> str:
    parts = [book.gettext("owner: {name}", name=one_line(item.owner)) if item.owner.strip()
             else book.gettext("owner to be agreed"),
             book.gettext("due {date}", date=email_date(item.due, book)) if item.due
             else book.gettext("no due date")]
    if item.status == "done":
        parts.append(book.gettext("already done"))
    elif item.status == "overdue":
        parts.append(book.gettext("overdue"))
    return book.pgettext("list separator", "; ").join(parts)


def _next_steps(actions: Sequence[ActionFigure], next_review: date | None,
                book: Catalogue) -> str:
    open_count = sum(a.is_open for a in actions)
    first = (book.gettext("we will check in on each open item by its due date") if open_count
             else book.gettext("nothing is left open from this meeting"))
    second = (book.gettext("our next review is planned for {date}.",
                           date=email_date(next_review, book)) if next_review
              else book.gettext("we will propose a date for our next review."))
    return book.gettext("Next steps: {first}, and {second}", first=first, second=second)


def _sign_off(content: FollowupContent, book: Catalogue) -> list[str]:
    return [book.gettext("Best regards,"),
            *([one_line(content.csm_name)] if content.csm_name else [])]


def _plain(content: FollowupContent, greeting: str, book: Catalogue) -> str:
    lines = [greeting, "", _thanks(content.account_name, content.meeting_date, book), ""]
    if content.summary:
        lines += [*content.summary.splitlines(), ""]
    if content.topics:
        lines += [book.gettext("WHAT WE COVERED"), ""]
        lines += [f"  - {one_line(topic)}" for topic in content.topics] + [""]
    if content.decisions:
        lines += [book.gettext("DECISIONS"), ""]
        lines += [f"  - {one_line(decision)}" for decision in content.decisions] + [""]
    lines += [book.gettext("ACTION ITEMS"), ""]
    groups = _groups(content.account_name, content.actions, book)
    if not groups:
        lines += [book.gettext("No action items were recorded."), ""]
    for heading, items in groups:
        lines.append(book.gettext("{heading}:", heading=heading))
        lines.extend(f"  - {one_line(item.text)} ({_item_details(item, book)})"
                     for item in items)
        lines.append("")
    lines += [_next_steps(content.actions, content.next_review, book), "",
              *_sign_off(content, book), ""]
    return "\n".join(lines)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _list(items: Sequence[str]) -> str:
    return "<ul>\n" + "\n".join(f'<li dir="auto">{_e(one_line(item))}</li>'
                                 for item in items) + "\n</ul>"


def _html(content: FollowupContent, greeting: str, book: Catalogue) -> str:
    account, day = content.account_name, content.meeting_date
    lang = "" if content.language == ENGLISH else f' lang="{content.language.replace("_", "-")}"'
    covered, decided, agreed = (book.gettext("What we covered"), book.gettext("Decisions"),
                                book.gettext("Action items"))
    none = book.gettext("No action items were recorded.")
    parts = [f'<!DOCTYPE html>\n<html{lang}><head><meta charset="utf-8">',
             f"<title>{_e(subject_for(account, day, book))}</title></head>",
             '<body style="font-family: Segoe UI, Helvetica, Arial, sans-serif; '
             'font-size: 11pt;">',
             f'<p dir="auto">{_e(greeting)}</p>',
             f'<p dir="auto">{_e(_thanks(account, day, book))}</p>']
    if content.summary:
        body = "<br>\n".join(_e(line) for line in content.summary.splitlines())
        parts.append(f'<p dir="auto">{body}</p>')
    if content.topics:
        parts += [f"<h2>{_e(covered)}</h2>", _list(content.topics)]
    if content.decisions:
        parts += [f"<h2>{_e(decided)}</h2>", _list(content.decisions)]
    parts.append(f"<h2>{_e(agreed)}</h2>")
    groups = _groups(account, content.actions, book)
    if not groups:
        parts.append(f"<p>{_e(none)}</p>")
    for heading, items in groups:
        parts.append(f'<h3 dir="auto">{_e(heading)}</h3>\n<ul>')
        parts.extend(f'<li dir="auto">{_e(one_line(item.text))} '
                     f"<em>({_e(_item_details(item, book))})</em></li>" for item in items)
        parts.append("</ul>")
    sign_off = "<br>\n".join(f'<span dir="auto">{_e(line)}</span>'
                             for line in _sign_off(content, book))
    parts += [f"<p>{_e(_next_steps(content.actions, content.next_review, book))}</p>",
              f"<p>{sign_off}</p>", "</body></html>", ""]
    return "\n".join(parts)

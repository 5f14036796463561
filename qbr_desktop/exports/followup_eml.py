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
from qbr_desktop.domain.deck import ActionFigure
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.exports.mail_addresses import one_line, recipients_from, set_address_header


class FollowupExportError(DomainError):
    """The follow-up email cannot be written as asked."""




def check_eml_name(out: Path) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".eml":
        raise FollowupExportError(f"“{out.name}” does not end in .eml; the follow-up is "
                                  "written as an email draft file, e.g. followup.eml")
    return out


def subject_for(account_name: str, meeting_date: date) -> str:
    return f"Follow-up: {one_line(account_name)} QBR, {meeting_date.isoformat()}"


def followup_message(content: FollowupContent, *, now: datetime | None = None) -> EmailMessage:
    """The draft email from the customer's content (domain.audience.followup); people
    without a usable address are left off the To line."""
    message = EmailMessage(policy=policy.default)
    addresses = recipients_from(content.recipients).addresses
    set_address_header(message, "To", addresses)
    message["Subject"] = subject_for(content.account_name, content.meeting_date)
    message["Date"] = format_datetime((now or datetime.now(UTC)).astimezone())
    message["X-Unsent"] = "1"
    greeting = (f"Hello {addresses[0].display_name}," if len(addresses) == 1
                and addresses[0].display_name else "Hello everyone,")
    message.set_content(_plain(content, greeting))
    message.add_alternative(_html(content, greeting), subtype="html")
    for part in message.iter_parts():
        del part["MIME-Version"]  # the parts get one from EmailMessage; it belongs on top only
    return message


def write_followup(message: EmailMessage, out: Path) -> Path:
    """Write the draft to `out` (which must end in .eml) atomically; returns the path."""
    out = check_eml_name(out)
    write_bytes(out, message.as_bytes(policy=policy.SMTP))
    return out


# The words ---------------------------------------------------------------------------------
def _thanks(account: str, day: date) -> str:
    return (f"Thank you for your time at the {one_line(account)} quarterly business review on "
            f"{day.isoformat()}. Here is what we agreed.")


def _groups(account: str, actions: Sequence[ActionFigure]
            ) -> list[tuple[str, list[ActionFigure]]]:
    ours = [a for a in actions if a.side == "ours"]
    theirs = [a for a in actions if a.side != "ours"]
    return [(heading, items) for heading, items in (
        ("Our commitments", ours), (f"{one_line(account)}'s commitments", theirs)) if items]


def _item_details(item: ActionFigure) -> str:
    parts = [f"owner: {one_line(item.owner)}" if item.owner.strip() else "owner to be agreed",
             f"due {item.due.isoformat()}" if item.due else "no due date"]
    if item.status == "done":
        parts.append("already done")
    elif item.status == "overdue":
        parts.append("overdue")
    return "; ".join(parts)


def _next_steps(actions: Sequence[ActionFigure], next_review: date | None) -> str:
    open_count = sum(a.is_open for a in actions)
    first = ("we will check in on each open item by its due date" if open_count
             else "nothing is left open from this meeting")
    second = (f"our next review is planned for {next_review.isoformat()}." if next_review
              else "we will propose a date for our next review.")
    return f"Next steps: {first}, and {second}"


def _sign_off(content: FollowupContent) -> list[str]:
    return ["Best regards,", *([one_line(content.csm_name)] if content.csm_name else [])]


def _plain(content: FollowupContent, greeting: str) -> str:
    lines = [greeting, "", _thanks(content.account_name, content.meeting_date), ""]
    if content.summary:
        lines += [*content.summary.splitlines(), ""]
    if content.topics:
        lines += ["WHAT WE COVERED", ""]
        lines += [f"  - {one_line(topic)}" for topic in content.topics] + [""]
    if content.decisions:
        lines += ["DECISIONS", ""]
        lines += [f"  - {one_line(decision)}" for decision in content.decisions] + [""]
    lines += ["ACTION ITEMS", ""]
    groups = _groups(content.account_name, content.actions)
    if not groups:
        lines += ["No action items were recorded.", ""]
    for heading, items in groups:
        lines.append(f"{heading}:")
        lines.extend(f"  - {one_line(item.text)} ({_item_details(item)})" for item in items)
        lines.append("")
    lines += [_next_steps(content.actions, content.next_review), "", *_sign_off(content), ""]
    return "\n".join(lines)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _list(items: Sequence[str]) -> str:
    return "<ul>\n" + "\n".join(f'<li dir="auto">{_e(one_line(item))}</li>'
                                 for item in items) + "\n</ul>"


def _html(content: FollowupContent, greeting: str) -> str:
    account, day = content.account_name, content.meeting_date
    parts = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8">',
             f"<title>{_e(subject_for(account, day))}</title></head>",
             '<body style="font-family: Segoe UI, Helvetica, Arial, sans-serif; '
             'font-size: 11pt;">',
             f'<p dir="auto">{_e(greeting)}</p>', f'<p dir="auto">{_e(_thanks(account, day))}</p>']
    if content.summary:
        body = "<br>\n".join(_e(line) for line in content.summary.splitlines())
        parts.append(f'<p dir="auto">{body}</p>')
    if content.topics:
        parts += ["<h2>What we covered</h2>", _list(content.topics)]
    if content.decisions:
        parts += ["<h2>Decisions</h2>", _list(content.decisions)]
    parts.append("<h2>Action items</h2>")
    groups = _groups(account, content.actions)
    if not groups:
        parts.append("<p>No action items were recorded.</p>")
    for heading, items in groups:
        parts.append(f'<h3 dir="auto">{_e(heading)}</h3>\n<ul>')
        parts.extend(f'<li dir="auto">{_e(one_line(item.text))} '
                     f"<em>({_e(_item_details(item))})</em></li>" for item in items)
        parts.append("</ul>")
    sign_off = "<br>\n".join(f'<span dir="auto">{_e(line)}</span>'
                             for line in _sign_off(content))
    parts += [f"<p>{_e(_next_steps(content.actions, content.next_review))}</p>",
              f"<p>{sign_off}</p>", "</body></html>", ""]
    return "\n".join(parts)

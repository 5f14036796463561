"""The follow-up email after a QBR, as an RFC 5322 draft (.eml) the CSM opens and sends.

Built with the standard library's `email` package from plain data (no database access):

- To: the people who confirmed or attended, as "Name <address>", written by
  exports.mail_addresses (names in any script, one address a line, none lost to the
  email package's folding). People without a usable address are left out (the caller
  reports them). Addresses are de-duplicated, ignoring case.
- Subject "Follow-up: ACCOUNT QBR, YYYY-MM-DD", encoded when it is not ASCII.
- `X-Unsent: 1` makes Outlook open the file as a draft with a Send button; other clients
  ignore it and show the message.
- The body is multipart/alternative: a plain-text part and an HTML part with the same
  content. Everything the CSM typed is escaped in the HTML (<, &, quotes), and every block
  of their text carries dir="auto" so right-to-left notes read the right way round.
- The file is written as bytes with CRLF line endings (the SMTP policy), as .eml files are.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from qbr_desktop.atomic_files import write_bytes
from qbr_desktop.domain.actions import ActionItem, ActionSide, ActionStatus
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.exports.mail_addresses import one_line, recipients_from, set_address_header


class FollowupExportError(DomainError):
    """The follow-up email cannot be written as asked."""


@dataclass(frozen=True, slots=True)
class SectionRecap:
    """One agenda section as the email recaps it."""

    title: str
    planned_minutes: int
    actual_seconds: float | None = None  # None when the meeting was not run with the timer
    visited: bool = False
    notes: str = ""


def check_eml_name(out: Path) -> Path:
    out = Path(out)
    if out.suffix.lower() != ".eml":
        raise FollowupExportError(f"“{out.name}” does not end in .eml; the follow-up is "
                                  "written as an email draft file, e.g. followup.eml")
    return out


def subject_for(account_name: str, meeting_date: date) -> str:
    return f"Follow-up: {one_line(account_name)} QBR, {meeting_date.isoformat()}"


def followup_message(account_name: str, meeting_date: date,
                     recipients: Sequence[tuple[str, str]],
                     sections: Sequence[SectionRecap], actions: Sequence[ActionItem], *,
                     next_review: date | None = None,
                     now: datetime | None = None) -> EmailMessage:
    """The draft email: recipients are (name, email) pairs; dropped actions are left out."""
    message = EmailMessage(policy=policy.default)
    addresses = recipients_from(recipients).addresses
    set_address_header(message, "To", addresses)
    message["Subject"] = subject_for(account_name, meeting_date)
    message["Date"] = format_datetime((now or datetime.now(UTC)).astimezone())
    message["X-Unsent"] = "1"
    kept = [a for a in actions if a.status is not ActionStatus.DROPPED]
    greeting = (f"Hello {addresses[0].display_name}," if len(addresses) == 1
                and addresses[0].display_name else "Hello everyone,")
    message.set_content(_plain(account_name, meeting_date, greeting, sections, kept,
                               next_review))
    message.add_alternative(_html(account_name, meeting_date, greeting, sections, kept,
                                  next_review), subtype="html")
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
            f"{day.isoformat()}. Here is a short recap of what we covered and what we agreed.")


def _timing(section: SectionRecap) -> str:
    planned = f"planned {section.planned_minutes} min"
    if section.actual_seconds is None:
        return planned
    if not section.visited and section.actual_seconds < 1:
        return f"{planned}, not reached"
    return f"{planned}, took {int(section.actual_seconds / 60 + 0.5)} min"  # half up


def _groups(account: str, actions: Sequence[ActionItem]
            ) -> list[tuple[str, list[ActionItem]]]:
    ours = [a for a in actions if a.side is ActionSide.OURS]
    theirs = [a for a in actions if a.side is ActionSide.THEIRS]
    return [(heading, items) for heading, items in (
        ("Our commitments", ours), (f"{one_line(account)}'s commitments", theirs)) if items]


def _item_details(item: ActionItem) -> str:
    parts = [f"owner: {item.owner.strip()}" if item.owner.strip() else "owner to be agreed",
             f"due {item.due.isoformat()}" if item.due else "no due date"]
    if item.status is ActionStatus.DONE:
        parts.append("already done")
    return "; ".join(parts)


def _next_steps(actions: Sequence[ActionItem], next_review: date | None) -> str:
    open_count = sum(a.status is not ActionStatus.DONE for a in actions)
    first = ("we will check in on each open item by its due date" if open_count
             else "nothing is left open from this meeting")
    second = (f"our next review is planned for {next_review.isoformat()}." if next_review
              else "we will propose a date for our next review.")
    return f"Next steps: {first}, and {second}"


def _plain(account: str, day: date, greeting: str, sections: Sequence[SectionRecap],
           actions: Sequence[ActionItem], next_review: date | None) -> str:
    lines = [greeting, "", _thanks(account, day), "", "RECAP", ""]
    for section in sections:
        lines.append(f"{one_line(section.title)} ({_timing(section)})")
        lines.extend(f"    {line}".rstrip() for line in section.notes.strip().splitlines())
        lines.append("")
    lines += ["ACTION ITEMS", ""]
    groups = _groups(account, actions)
    if not groups:
        lines += ["No action items were recorded.", ""]
    for heading, items in groups:
        lines.append(f"{heading}:")
        lines.extend(f"  - {one_line(item.text)} ({_item_details(item)})" for item in items)
        lines.append("")
    lines += [_next_steps(actions, next_review), "", "Best regards,", ""]
    return "\n".join(lines)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html(account: str, day: date, greeting: str, sections: Sequence[SectionRecap],
          actions: Sequence[ActionItem], next_review: date | None) -> str:
    parts = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8">',
             f"<title>{_e(subject_for(account, day))}</title></head>",
             '<body style="font-family: Segoe UI, Helvetica, Arial, sans-serif; '
             'font-size: 11pt;">',
             f'<p dir="auto">{_e(greeting)}</p>', f'<p dir="auto">{_e(_thanks(account, day))}</p>',
             "<h2>Recap</h2>"]
    for section in sections:
        parts.append(f'<h3 dir="auto">{_e(one_line(section.title))} '
                     f'<small style="color: #666;">({_e(_timing(section))})</small></h3>')
        notes = section.notes.strip()
        if notes:
            body = "<br>\n".join(_e(line) for line in notes.splitlines())
            parts.append(f'<p dir="auto">{body}</p>')
    parts.append("<h2>Action items</h2>")
    groups = _groups(account, actions)
    if not groups:
        parts.append("<p>No action items were recorded.</p>")
    for heading, items in groups:
        parts.append(f'<h3 dir="auto">{_e(heading)}</h3>\n<ul>')
        parts.extend(f'<li dir="auto">{_e(one_line(item.text))} '
                     f"<em>({_e(_item_details(item))})</em></li>" for item in items)
        parts.append("</ul>")
    parts += [f"<p>{_e(_next_steps(actions, next_review))}</p>", "<p>Best regards,</p>",
              "</body></html>", ""]
    return "\n".join(parts)

"""Saving over what the person saw: the one rule every edited row follows.

A save says what the person saw of the fields it changes (`seen`), what they want
(`mine`), and the service reads what is stored now. Per field: when only a colleague
changed it since, theirs stays; when only this person did, theirs is replaced; free text
both changed is merged (domain/text_merge.py), losing neither side; any other field both
changed refuses the save with EditConflictError, naming the field, who changed it and
when. Saving again without `seen` is "keep mine". Undo is a save whose `seen` is what the
undone edit saved, so it too is refused over a colleague's later change.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import fields, is_dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from qbr_desktop.domain.customer_words import day_message
from qbr_desktop.domain.text_merge import merge_items, merge_text
from qbr_desktop.i18n import N_, Message, msg
from qbr_desktop.store.errors import EditConflictError
from qbr_desktop.store.repositories import FieldChangeRepository

SOMEONE = "A colleague"


def login_name() -> str:
    """Who is working, as their saves name them."""
    from qbr_desktop.services.identity import current_identity

    return current_identity().label


def values_of(item: object) -> dict[str, Any]:
    """A dataclass's fields by name (shallow: nested values stay as they are)."""
    assert is_dataclass(item) and not isinstance(item, type)
    return {f.name: getattr(item, f.name) for f in fields(item)}


#: The fields most rows share, by the words a refused save names them with; a row's own
#: `labels` add to these.
FIELD_WORDS = {"title": N_("title"), "text": N_("text"), "owner": N_("owner"),
               "phase": N_("phase"), "status": N_("status"), "notes": N_("notes"),
               "description": N_("description"), "summary": N_("summary"),
               "decisions": N_("decisions"), "due": N_("due date")}


def shown_time(at: datetime) -> Message:
    """A moment in this computer's time zone, with the zone's name, in whichever language
    shows it: '7 Dec 2026 14:05 CET', '2026年12月7日 14:05 CST'."""
    local = at.astimezone()
    clock = local.strftime("%H:%M")  # formatted first: an f-string in msg() stops extraction
    return msg("{date} {time} {zone}", date=day_message(local.date()), time=clock,
               zone=local.tzname() or "")


class RowEdit:
    """One row's save: which table and row it is, and how its fields are named."""

    def __init__(self, session: Session, table: str, row_id: int, *, row_by: str,
                 row_at: datetime | None, labels: Mapping[str, str | Message] | None = None,
                 merged: Collection[str] = (), subject: Message | None = None) -> None:
        self.session, self.table, self.row_id = session, table, row_id
        self.row_by, self.row_at = row_by, row_at
        self.labels: dict[str, str | Message] = {**FIELD_WORDS, **(labels or {})}
        self.merged = merged
        self.subject = subject

    def settle(self, stored: Mapping[str, Any], seen: Mapping[str, Any],
               mine: Mapping[str, Any], current: object = None) -> dict[str, Any]:
        """`mine` over `stored`, keeping a colleague's change to a field this person did
        not change and merging free text; raises EditConflictError for another field
        both changed (`current` is what "reload" shows)."""
        settled = dict(mine)
        for name, wanted in mine.items():
            if name not in seen or name not in stored:
                continue
            before, theirs = seen[name], stored[name]
            if theirs in (before, wanted):
                continue
            if wanted == before:
                settled[name] = theirs  # only they changed it: theirs stays
                continue
            who, at = self.last_change(name)
            if name in self.merged and isinstance(theirs, str):
                settled[name] = merge_text(before, theirs, wanted, who=who or SOMEONE)
                continue
            if name in self.merged:  # a list of items
                settled[name] = type(theirs)(merge_items(before, theirs, wanted))
                continue
            raise EditConflictError(self.label(name), who, shown_time(at), current)
        return settled

    def last_change(self, name: str) -> tuple[str, datetime]:
        from qbr_desktop.services.rows import as_utc

        row_at = as_utc(self.row_at) if self.row_at is not None else None
        who, at = FieldChangeRepository(self.session).last(
            self.table, self.row_id, name, row_by=self.row_by,
            row_at=row_at or datetime.now().astimezone())
        return who, as_utc(at)

    def label(self, name: str) -> Message:
        """The field as a refused save names it: 'due date of the task “Deck”'."""
        word = self.labels.get(name, name.replace("_", " "))
        field = word if isinstance(word, Message) else Message(word)  # marked with N_()
        if self.subject is None:
            return field
        return msg("{field} of {subject}", field=field, subject=self.subject)

    def record(self, before: Mapping[str, Any], after: Mapping[str, Any], by: str,
               at: datetime) -> None:
        """Remember who changed which field, for the next refused save to name."""
        FieldChangeRepository(self.session).record(
            self.table, self.row_id,
            (name for name, value in after.items() if before.get(name) != value), by, at)

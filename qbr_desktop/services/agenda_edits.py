"""A review's agenda, action items and recap saved over what the person saw
(services/edit_checks.py has the rule): a colleague's newer change to a field is never
replaced unseen; notes, prompts, action texts, summaries and decision lists keep both."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from qbr_desktop.domain.actions import ActionItem
from qbr_desktop.domain.agenda import Agenda, AgendaSection, new_key
from qbr_desktop.domain.audience.followup import Recap
from qbr_desktop.i18n import N_, Message, msg
from qbr_desktop.services.edit_checks import RowEdit, shown_time, values_of
from qbr_desktop.store.errors import EditConflictError
from qbr_desktop.store.models import (
    ActionItemRow,
    AgendaRow,
    AgendaSectionRow,
    ReviewRecapRow,
)

_AGENDA_WORDS = {"slot_minutes": N_("booked slot"), "template": N_("agenda template")}
_SECTION_WORDS = {"minutes": N_("length"), "prompt": N_("purpose")}
_ACTION_WORDS = {"text": N_("text"), "due": N_("due date"), "review_id": N_("review"),
                 "section": N_("agenda section")}


def agenda_edit(session: Session, row: AgendaRow) -> RowEdit:
    return RowEdit(session, "agenda", row.review_id, row_by=row.updated_by,
                   row_at=row.updated_at, labels=_AGENDA_WORDS, subject=msg("the agenda"))


def section_edit(session: Session, row: AgendaSectionRow) -> RowEdit:
    return RowEdit(session, "agenda_section", row.id, row_by=row.updated_by,
                   row_at=row.updated_at, labels=_SECTION_WORDS, merged=("prompt", "notes"),
                   subject=msg("the agenda section “{title}”", title=row.title))


def action_edit(session: Session, row: ActionItemRow) -> RowEdit:
    return RowEdit(session, "action_item", row.id, row_by=row.updated_by,
                   row_at=row.updated_at, labels=_ACTION_WORDS, merged=("text",),
                   subject=msg("the action item “{text}”", text=row.text))


def recap_edit(session: Session, row: ReviewRecapRow) -> RowEdit:
    return RowEdit(session, "review_recap", row.review_id, row_by=row.updated_by,
                   row_at=row.updated_at, merged=("summary", "decisions"),
                   subject=msg("the recap"))


def settle_agenda(session: Session, review_id: int, stored: Agenda, seen: Agenda,
                  mine: Agenda, current: object) -> Agenda:
    """`mine` over the stored agenda: sections matched by key; a section a colleague
    added since stays, one they removed stays removed unless this person changed it."""
    row = session.get(AgendaRow, review_id)
    if row is None:
        return mine
    head = ("template", "slot_minutes")
    top = agenda_edit(session, row).settle(
        {n: getattr(stored, n) for n in head}, {n: getattr(seen, n) for n in head},
        {n: getattr(mine, n) for n in head}, current)
    rows = {r.key: r for r in session.scalars(
        select(AgendaSectionRow).where(AgendaSectionRow.review_id == review_id))}
    theirs = {s.key: s for s in stored.sections}
    before = {s.key: s for s in seen.sections}
    wanted = {s.key for s in mine.sections}
    sections: list[AgendaSection] = []
    for section in mine.sections:
        if section.key in theirs and section.key in before:
            sections.append(AgendaSection(**section_edit(session, rows[section.key]).settle(
                values_of(theirs[section.key]), values_of(before[section.key]),
                values_of(section), current)))
        elif section.key in before:  # a colleague removed it since
            if section != before[section.key]:
                raise EditConflictError(msg("agenda (the section “{title}” was removed)",
                                            title=section.title),
                                        row.updated_by, shown_time(row.updated_at), current)
        elif section.key in theirs and section != theirs[section.key]:
            # Both added a section under the same new key: each keeps its own.
            taken = [*theirs, *before, *wanted]
            sections.append(replace(section, key=new_key(section.title, taken)))
            sections.append(theirs[section.key])
        else:
            sections.append(section)
    for key, section in theirs.items():
        if key in before and key not in wanted and section != before[key]:
            raise EditConflictError(
                msg("agenda section “{title}”", title=section.title),
                *_last(section_edit(session, rows[key])), current)
        if key not in before and key not in wanted:
            sections.append(section)  # added by a colleague since
    return Agenda(top["template"], top["slot_minutes"], tuple(sections))


def _last(edit: RowEdit) -> tuple[str, Message]:
    who, at = edit.last_change("title")
    return who, shown_time(at)


def settle_action(session: Session, row: ActionItemRow, stored: ActionItem,
                  seen: ActionItem, mine: ActionItem) -> ActionItem:
    return replace(mine, **action_edit(session, row).settle(
        values_of(stored), values_of(seen), values_of(mine), stored))


def settle_recap(session: Session, row: ReviewRecapRow | None, stored: Recap, seen: Recap,
                 mine: Recap) -> Recap:
    if row is None:
        return mine
    return Recap(**recap_edit(session, row).settle(
        values_of(stored), values_of(seen), values_of(mine), stored))

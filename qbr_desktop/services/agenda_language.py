"""The words stored from templates follow the account's language while nobody has changed them.

A planned review's agenda is stored from a template in the account's language, and its
preparation tasks from the playbook worded in it. When the account's language changes
(Details tab, `qbr accounts edit --language`), in the same transaction:

- an agenda nobody has edited since it was made (the agenda and every section still at
  their first version, no notes, no meeting started) is made again from its template in the
  new language, and so is at its first version again;
- a task whose title and description are still the playbook's words in the old language
  takes the playbook's words in the new one (ticking a task off changes neither);
- anything edited is kept as it is: the window says so once, and the Meeting tab's
  "Use template" re-makes an agenda in the account's language, asking before it replaces edits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.agenda import TEMPLATES, template_in
from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.meeting_time import meeting_day
from qbr_desktop.domain.playbooks import Playbook
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import (
    AccountRow,
    AgendaRow,
    AgendaSectionRow,
    MeetingRunRow,
    PrepTaskRow,
    ReviewRow,
)


@dataclass(frozen=True, slots=True)
class KeptWords:
    """What stays in another language after a switch, for the window to say once."""

    agenda_days: tuple[date, ...] = ()  # the meeting days of edited agendas
    renamed_tasks: int = 0  # prep tasks whose words someone changed

    def __bool__(self) -> bool:
        return bool(self.agenda_days or self.renamed_tasks)


def _planned(session: Session, account_id: int) -> list[ReviewRow]:
    return list(session.scalars(select(ReviewRow).where(
        ReviewRow.account_id == account_id,
        ReviewRow.status == ReviewStatus.PLANNED.value).order_by(ReviewRow.scheduled_at)))


def _sections(session: Session, review_id: int) -> list[AgendaSectionRow]:
    return list(session.scalars(select(AgendaSectionRow).where(
        AgendaSectionRow.review_id == review_id)))


def agenda_edited(session: Session, review_id: int) -> bool:
    """Whether anyone changed the stored agenda since it was made from its template (or took
    notes in it, or started its meeting). False when none is stored."""
    row = session.get(AgendaRow, review_id)
    if row is None:
        return False
    if row.version > 1 or session.get(MeetingRunRow, review_id) is not None:
        return True
    return any(s.version > 1 or s.notes for s in _sections(session, review_id))


def _agenda_in(session: Session, row: AgendaRow, language: str) -> bool:
    """Whether every section from the template reads as the template words it in
    `language` (sections someone added have no template words to compare)."""
    if row.template not in TEMPLATES:
        return True
    words = {s.key: s.title for s in template_in(row.template, language).sections}
    return all(s.title == words[s.key] for s in _sections(session, row.review_id)
               if s.key in words)


def _remake_agenda(session: Session, row: AgendaRow, language: str, now: datetime,
                   by: str) -> None:
    from qbr_desktop.services.agendas import store_agenda

    review_id, template = row.review_id, row.template
    for section in _sections(session, review_id):
        session.delete(section)
    session.flush()  # the sections first: no relationship orders the two deletes
    session.delete(row)
    session.flush()
    store_agenda(session, review_id, template_in(template, language), now, by)


def _task_words(review: ReviewRow, playbooks: dict[str, Playbook], language: str
                ) -> dict[str, tuple[str, str]]:
    """Each of the review's playbook tasks' (title, description) in `language`."""
    playbook = playbooks.get(review.playbook or "")
    if playbook is None:
        return {}
    return {t.key: (t.title, t.description) for t in playbook.in_language(language).tasks}


def _keyed_tasks(session: Session, review_id: int) -> list[PrepTaskRow]:
    return list(session.scalars(select(PrepTaskRow).where(
        PrepTaskRow.review_id == review_id, PrepTaskRow.key.is_not(None))))


def follow_language(session: Session, account_id: int, old: str, new: str, now: datetime,
                    by: str, playbooks: dict[str, Playbook]) -> KeptWords:
    """Re-word what nobody edited of the account's planned reviews from `old` to `new`
    (see the module); returns what stays in other words."""
    for review in _planned(session, account_id):
        row = session.get(AgendaRow, review.id)
        if row is not None and row.template in TEMPLATES and not agenda_edited(session,
                                                                                review.id):
            _remake_agenda(session, row, new, now, by)
        was, becomes = _task_words(review, playbooks, old), _task_words(review, playbooks, new)
        for task in _keyed_tasks(session, review.id):
            key = task.key or ""
            if key in was and key in becomes and (task.title, task.description) == was[key] \
                    and was[key] != becomes[key]:
                task.title, task.description = becomes[key]
                task.updated_at, task.updated_by = now, by
    session.flush()
    return kept_words(session, account_id, new, playbooks)


_IN_CHUNK = 500  # bound parameters per IN (...) query


def language_switches(session: Session, updates: Iterable[Mapping[str, object]]
                      ) -> list[tuple[int, str, str]]:
    """(account id, language before, language after) for each account change (an import's
    update: its id and changed columns) that gives the account another language; read before
    the changes are written."""
    changed = {int(str(u["id"])): str(u["language"]) for u in updates if "language" in u}
    ids = sorted(changed)
    before: dict[int, str] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        before.update((account_id, language) for account_id, language in session.execute(
            select(AccountRow.id, AccountRow.language).where(
                AccountRow.id.in_(ids[start:start + _IN_CHUNK]))))
    return [(account_id, before[account_id], new) for account_id, new in changed.items()
            if account_id in before and before[account_id] != new]


def follow_languages(session: Session, switches: Iterable[tuple[int, str, str]], now: datetime,
                     by: str) -> None:
    """`follow_language` for each account an import gave another language (the window's
    and `qbr accounts edit`'s route goes through AccountService.update)."""
    switches = list(switches)
    if not switches:
        return
    playbooks = installed_playbooks()
    for account_id, old, new in switches:
        follow_language(session, account_id, old, new, now, by, playbooks)


def kept_words(session: Session, account_id: int, language: str,
               playbooks: dict[str, Playbook]) -> KeptWords:
    """The account's planned reviews' agendas and tasks that someone edited and that do not
    read in `language` (the account's, after a switch)."""
    days: list[date] = []
    renamed = 0
    for review in _planned(session, account_id):
        row = session.get(AgendaRow, review.id)
        if row is not None and agenda_edited(session, review.id) \
                and not _agenda_in(session, row, language):
            days.append(meeting_day(review.scheduled_at, review.time_zone))
        words = _task_words(review, playbooks, language)
        renamed += sum(1 for task in _keyed_tasks(session, review.id)
                       if (task.key or "") in words
                       and (task.title, task.description) != words[task.key or ""])
    return KeptWords(tuple(days), renamed)


def installed_playbooks() -> dict[str, Playbook]:
    """The shipped playbooks and the CSM's own, by name (read from disk on each call: only a
    language switch asks)."""
    from qbr_desktop.services.plans import user_playbook_folder
    from qbr_desktop.services.playbook_library import PlaybookLibrary

    return {book.name: book for book in PlaybookLibrary.load(user_playbook_folder()).playbooks}


class AgendaLanguage:
    """What the window asks about stored words and languages (each call its own session)."""

    def __init__(self, sessions: sessionmaker[Session],
                 playbooks: Callable[[], dict[str, Playbook]] = installed_playbooks) -> None:
        self._sessions = sessions
        self._playbooks = playbooks

    def kept(self, account_id: int, language: str) -> KeptWords:
        """What someone edited and so does not read in `language`, the account's own."""
        with session_scope(self._sessions, reading=True) as session:
            return kept_words(session, account_id, language, self._playbooks())

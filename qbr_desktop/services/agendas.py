"""Agenda and meeting use-cases: build a review's agenda, run the meeting with its timer,
take notes, and record the action items that come out of it.

A running meeting is stored as it changes: each control pressed is appended to the review's
event list with the meeting clock's reading and the wall-clock time, so a crash or restart
resumes the timer exactly (see services/meeting_clock.py for the clocks).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.actions import (
    ActionItem,
    ActionSide,
    ActionStatus,
    FollowUp,
    follow_up,
    validate_action,
)
from qbr_desktop.domain.agenda import (
    DEFAULT_FORWARD_TARGET,
    FORWARD_TARGETS,
    TEMPLATES,
    Agenda,
    AgendaSection,
    Focus,
    SectionOwner,
    template_for_tier,
    template_in,
    validate_agenda,
)
from qbr_desktop.domain.audience.followup import Recap, clean_recap, validate_recap
from qbr_desktop.domain.contacts import ReviewStatus
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.meeting_time import meeting_when
from qbr_desktop.domain.meeting_timer import (
    EventKind,
    MeetingTimer,
    PlannedSection,
    TimerEvent,
    TimerState,
)
from qbr_desktop.domain.tiers import effective_tier
from qbr_desktop.i18n import msg, ui_label
from qbr_desktop.services.agenda_edits import (
    action_edit,
    agenda_edit,
    recap_edit,
    section_edit,
    settle_action,
    settle_agenda,
    settle_recap,
)
from qbr_desktop.services.agenda_language import agenda_edited
from qbr_desktop.services.edit_checks import login_name, values_of
from qbr_desktop.services.meeting_clock import boot_id, meeting_clock, rebase
from qbr_desktop.services.rows import account_row, as_utc, review_row
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import NotFoundError
from qbr_desktop.store.models import (
    ActionItemRow,
    AgendaRow,
    AgendaSectionRow,
    MeetingRunRow,
    ReviewRecapRow,
    ReviewRow,
)
from qbr_desktop.store.repositories import SettingRepository

FORWARD_TARGET_KEY = "agenda.forward_target"


class AgendaError(DomainError):
    """An agenda or meeting change that cannot be made."""


@dataclass(frozen=True, slots=True)
class ReviewAgenda:
    review_id: int
    account_id: int
    account_name: str
    scheduled_at: datetime
    time_zone: str
    status: ReviewStatus
    agenda: Agenda
    notes: dict[str, str]  # section key -> notes taken


@dataclass(frozen=True, slots=True)
class Meeting:
    """A review's agenda with its timer (events on this boot's clock) and the state now."""

    agenda: ReviewAgenda
    events: tuple[TimerEvent, ...]
    state: TimerState

    def timer(self, clock: Callable[[], float]) -> MeetingTimer:
        return MeetingTimer(planned(self.agenda.agenda), self.agenda.agenda.slot_minutes * 60,
                            clock, self.events)


def local_time(moment: datetime, zone: str) -> str:
    """'Thu 2027-02-18 10:00 Asia/Kolkata': a meeting's time where it is held."""
    return meeting_when(as_utc(moment), zone)


def planned(agenda: Agenda) -> list[PlannedSection]:
    return [PlannedSection(s.key, s.title, s.minutes * 60.0) for s in agenda.sections]


class AgendaService:
    def __init__(self, sessions: sessionmaker[Session], *,
                 clock: Callable[[], float] = meeting_clock,
                 wall: Callable[[], datetime] = lambda: datetime.now(UTC),
                 boot: Callable[[], str] = boot_id,
                 user: Callable[[], str] | None = None) -> None:
        self._sessions = sessions
        self.clock = clock
        self._wall = wall
        self._boot = boot
        self._user = user or login_name

    def today(self) -> date:
        return self._wall().astimezone().date()

    # Agendas ---------------------------------------------------------------------------
    def review_for(self, account_id: int) -> int:
        """The review an account's agenda commands act on: the next planned one, else the
        latest held one."""
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            now = self._wall()
            upcoming = session.scalar(
                select(ReviewRow.id).where(ReviewRow.account_id == account_id,
                                           ReviewRow.status == ReviewStatus.PLANNED.value,
                                           ReviewRow.scheduled_at >= now)
                .order_by(ReviewRow.scheduled_at).limit(1))
            if upcoming is not None:
                return int(upcoming)
            running = session.scalar(
                select(MeetingRunRow.review_id).join(ReviewRow)
                .where(ReviewRow.account_id == account_id,
                       MeetingRunRow.finished_at.is_(None)).limit(1))
            if running is not None:
                return int(running)
            latest = session.scalar(
                select(ReviewRow.id).where(ReviewRow.account_id == account_id,
                                           ReviewRow.status != ReviewStatus.CANCELLED.value)
                .order_by(ReviewRow.scheduled_at.desc()).limit(1))
        if latest is None:
            raise AgendaError("This account has no QBR yet: schedule one first "
                              "(Prep timeline tab, or qbr schedule)")
        return int(latest)

    def reviews(self, account_id: int) -> list[tuple[int, str]]:
        """The account's reviews for a picker, latest first: (id, "Thu 2027-02-18 10:00
        Asia/Kolkata · planned"), in each meeting's own time zone."""
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            rows = session.scalars(select(ReviewRow).where(ReviewRow.account_id == account_id)
                                   .order_by(ReviewRow.scheduled_at.desc()))
            # A picker's words, in the window's or the CLI's language.
            return [(row.id, " · ".join((local_time(row.scheduled_at, row.time_zone),
                                         ui_label(ReviewStatus(row.status).label))))
                    for row in rows]

    def agenda(self, review_id: int) -> ReviewAgenda:
        """The review's agenda; one from its tier's template is stored the first time."""
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            row = session.get(AgendaRow, review_id)
            if row is None:
                tier = effective_tier(review.account.arr, review.account.tier_override,
                                      read_tier_scheme(session))
                store_agenda(session, review_id,
                              template_for_tier(tier, review.account.language), self._wall())
            return _read_agenda(session, review)

    def peek(self, review_id: int) -> Agenda:
        """The review's agenda as stored, or as its tier's template gives it, without
        storing anything (for readers such as the deck)."""
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            if session.get(AgendaRow, review_id) is None:
                return template_for_tier(effective_tier(
                    review.account.arr, review.account.tier_override,
                    read_tier_scheme(session)), review.account.language)
            return _read_agenda(session, review).agenda

    def save_agenda(self, review_id: int, agenda: Agenda, *,
                    seen: Agenda | None = None) -> ReviewAgenda:
        """Store the agenda as edited (notes stay with their sections' keys).

        With `seen` (the agenda as the person saw it), a colleague's newer change to the
        same field is refused with EditConflictError; prompts are merged, sections they
        added stay. Without it: "keep mine".
        """
        validate_agenda(agenda)
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            if seen is not None and session.get(AgendaRow, review_id) is not None:
                current = _read_agenda(session, review)
                agenda = settle_agenda(session, review_id, current.agenda, seen, agenda,
                                       current)
                validate_agenda(agenda)
            store_agenda(session, review_id, agenda, self._wall(), self._user())
            return _read_agenda(session, review)

    def edited(self, review_id: int) -> bool:
        """Whether re-making the agenda from a template would replace someone's edits."""
        with session_scope(self._sessions, reading=True) as session:
            return agenda_edited(session, review_id)

    def use_template(self, review_id: int, name: str, *,
                     seen: Agenda | None = None) -> ReviewAgenda:
        if name not in TEMPLATES:
            raise AgendaError(msg("There is no agenda template called “{name}”; the templates "
                                  "are: {names}", name=name, names=", ".join(TEMPLATES)))
        with session_scope(self._sessions) as session:
            language = review_row(session, review_id).account.language
        return self.save_agenda(review_id, template_in(name, language), seen=seen)

    def set_note(self, review_id: int, key: str, text: str, *,
                 seen: str | None = None) -> str:
        """Store a section's notes; with `seen` (the notes the person started from), a
        colleague's notes saved since are merged with these. Returns what is stored."""
        with session_scope(self._sessions) as session:
            row = session.scalar(select(AgendaSectionRow).where(
                AgendaSectionRow.review_id == review_id, AgendaSectionRow.key == key))
            if row is None:
                raise NotFoundError(msg("That section is no longer on the agenda"))
            edit = section_edit(session, row)
            if seen is not None:
                text = edit.settle({"notes": row.notes}, {"notes": seen}, {"notes": text})[
                    "notes"]
            if text != row.notes:
                before = {"notes": row.notes}
                row.notes, row.updated_at, row.updated_by = text, self._wall(), self._user()
                edit.record(before, {"notes": text}, row.updated_by, self._wall())
            return text

    def forward_target(self) -> Decimal:
        with session_scope(self._sessions) as session:
            raw = SettingRepository(session).get(FORWARD_TARGET_KEY, None)
        try:
            value = Decimal(str(raw)) if raw is not None else DEFAULT_FORWARD_TARGET
        except InvalidOperation:
            return DEFAULT_FORWARD_TARGET
        return value if value in FORWARD_TARGETS else DEFAULT_FORWARD_TARGET

    def set_forward_target(self, target: Decimal) -> None:
        if target not in FORWARD_TARGETS:
            raise AgendaError("The forward-looking share is 60 % (60/40) or 70 % (70/30)")
        with session_scope(self._sessions) as session:
            SettingRepository(session).set(FORWARD_TARGET_KEY, str(target))

    # The meeting -----------------------------------------------------------------------
    def meeting(self, review_id: int) -> Meeting:
        agenda = self.agenda(review_id)
        with session_scope(self._sessions) as session:
            run = session.get(MeetingRunRow, review_id)
            events = self._events_of(run) if run is not None else []
        timer = MeetingTimer(planned(agenda.agenda), agenda.agenda.slot_minutes * 60,
                             self.clock, events)
        return Meeting(agenda, tuple(events), timer.state())

    def control(self, review_id: int, action: Callable[[MeetingTimer], object]) -> Meeting:
        """Press a control (start, pause, next, extend…): stored before the state is shown."""
        meeting = self.meeting(review_id)
        timer = meeting.timer(self.clock)
        before = len(timer.events)
        action(timer)
        added = timer.events[before:]
        if not added:
            return meeting
        wall = self._wall()
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            run = session.get(MeetingRunRow, review_id)
            if run is None:
                run = MeetingRunRow(review_id=review_id, boot_id=self._boot(), events="[]",
                                    started_at=wall)
                session.add(run)
            stored = json.loads(run.events) if run.boot_id == self._boot() else [
                _event_json(e, wall - timedelta(seconds=self.clock() - e.at))
                for e in self._events_of(run)]
            run.boot_id = self._boot()
            stored.extend(_event_json(event, wall) for event in added)
            run.events = json.dumps(stored)
            run.updated_at = wall
            if any(event.kind is EventKind.FINISH for event in added):
                run.finished_at = wall
                review.status = ReviewStatus.HELD.value
        return self.meeting(review_id)

    def start(self, review_id: int) -> Meeting:
        return self.control(review_id, MeetingTimer.start)

    def toggle_pause(self, review_id: int) -> Meeting:
        return self.control(review_id, MeetingTimer.toggle_pause)

    def step(self, review_id: int, step: int) -> Meeting:
        return self.control(review_id, lambda timer: timer.go(step))

    def extend(self, review_id: int, minutes: float) -> Meeting:
        return self.control(review_id, lambda timer: timer.extend(minutes * 60))

    def finish(self, review_id: int) -> Meeting:
        return self.control(review_id, MeetingTimer.finish)

    def reset(self, review_id: int) -> None:
        """Forget a meeting's timings (a rehearsal, or started by mistake)."""
        with session_scope(self._sessions) as session:
            session.execute(delete(MeetingRunRow).where(MeetingRunRow.review_id == review_id))

    def running_meetings(self) -> list[int]:
        """Reviews whose meeting was started and not finished (to resume after a restart)."""
        with session_scope(self._sessions) as session:
            return list(session.scalars(select(MeetingRunRow.review_id).where(
                MeetingRunRow.finished_at.is_(None))))

    def _events_of(self, run: MeetingRunRow) -> list[TimerEvent]:
        raw = json.loads(run.events)
        events = [TimerEvent(float(e["at"]), EventKind(e["kind"]), e.get("section"),
                             float(e.get("seconds", 0.0))) for e in raw]
        if run.boot_id == self._boot():
            return events
        walls = [datetime.fromisoformat(e["wall"]) for e in raw]
        return rebase(events, walls, self.clock(), self._wall())

    # Action items ----------------------------------------------------------------------
    def add_action(self, account_id: int, item: ActionItem) -> ActionItem:
        validate_action(item)
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            if item.review_id is not None:
                review = review_row(session, item.review_id)
                if review.account_id != account_id:
                    raise AgendaError("That review belongs to another account")
            now = self._wall()
            row = ActionItemRow(account_id=account_id, created_at=now)
            _write_action(row, item, now)
            session.add(row)
            session.flush()
            return _action(row)

    def update_action(self, item: ActionItem, *, seen: ActionItem | None = None
                      ) -> ActionItem:
        """Store the item's fields; with `seen` (the item as the person saw it), a field a
        colleague changed since is refused with EditConflictError naming it, who and when
        (the text is merged instead). Without it: "keep mine". Returns what is stored."""
        validate_action(item)
        with session_scope(self._sessions) as session:
            row = session.get(ActionItemRow, item.id)
            if row is None:
                raise NotFoundError(msg("No action item {item_id} (it may have been removed)",
                                        item_id=item.id))
            before = _action(row)
            if seen is not None:
                item = settle_action(session, row, before, seen, item)
            _write_action(row, item, self._wall())
            row.updated_by = self._user()
            action_edit(session, row).record(values_of(before), values_of(_action(row)),
                                             row.updated_by, row.updated_at)
            return _action(row)

    def remove_action(self, action_id: int) -> None:
        with session_scope(self._sessions) as session:
            session.execute(delete(ActionItemRow).where(ActionItemRow.id == action_id))

    # What the CSM writes for the customer afterwards ----------------------------------
    def recap(self, review_id: int) -> Recap:
        """The review's summary and decisions for the follow-up email; empty when none."""
        with session_scope(self._sessions) as session:
            review_row(session, review_id)
            row = session.get(ReviewRecapRow, review_id)
            if row is None:
                return Recap()
            return Recap(row.summary, _decisions(row.decisions))

    def save_recap(self, review_id: int, recap: Recap, *, seen: Recap | None = None) -> Recap:
        """Store the recap as cleaned; ValidationFailed names each field over its limit.

        With `seen` (the recap as the person saw it), a colleague's summary and decisions
        saved since are merged with these, losing neither. Returns what is stored.
        """
        recap = clean_recap(recap)
        validate_recap(recap)
        with session_scope(self._sessions) as session:
            review_row(session, review_id)
            row = session.get(ReviewRecapRow, review_id)
            stored = Recap(row.summary, _decisions(row.decisions)) if row else Recap()
            if seen is not None:
                recap = settle_recap(session, row, stored, clean_recap(seen), recap)
                validate_recap(recap)
            if row is None:
                row = ReviewRecapRow(review_id=review_id)
                session.add(row)
            row.summary = recap.summary
            row.decisions = json.dumps(list(recap.decisions), ensure_ascii=False)
            row.updated_at, row.updated_by = self._wall(), self._user()
            session.flush()
            recap_edit(session, row).record(values_of(stored), values_of(recap),
                                            row.updated_by, row.updated_at)
        return recap

    def follow_up(self, account_id: int) -> FollowUp:
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            items = [_action(row) for row in session.scalars(
                select(ActionItemRow).where(ActionItemRow.account_id == account_id))]
        return follow_up(items, self.today())


def _decisions(document: str) -> tuple[str, ...]:
    try:
        raw = json.loads(document)
    except ValueError:
        return ()
    return tuple(item for item in raw if isinstance(item, str)) if isinstance(raw, list) else ()


def _event_json(event: TimerEvent, wall: datetime) -> dict[str, object]:
    return {"at": event.at, "wall": wall.isoformat(), "kind": event.kind.value,
            "section": event.section, "seconds": event.seconds}


def store_agenda(session: Session, review_id: int, agenda: Agenda, now: datetime,
                  by: str = "") -> None:
    row = session.get(AgendaRow, review_id)
    if row is None:
        row = AgendaRow(review_id=review_id, template=agenda.template,
                        slot_minutes=agenda.slot_minutes)
        session.add(row)
    before = {"template": row.template, "slot_minutes": row.slot_minutes}
    row.template, row.slot_minutes, row.updated_at = agenda.template, agenda.slot_minutes, now
    row.updated_by = by
    session.flush()
    agenda_edit(session, row).record(before, {"template": agenda.template,
                                              "slot_minutes": agenda.slot_minutes}, by, now)
    existing = {s.key: s for s in session.scalars(
        select(AgendaSectionRow).where(AgendaSectionRow.review_id == review_id))}
    wanted = {section.key for section in agenda.sections}
    for key, gone in existing.items():
        if key not in wanted:
            session.delete(gone)
    session.flush()
    for position, section in enumerate(agenda.sections):
        section_row = existing.get(section.key)
        if section_row is None:
            section_row = AgendaSectionRow(review_id=review_id, key=section.key, notes="",
                                           updated_by=by)
            session.add(section_row)
        old = _section_fields(section_row) if section_row.id else {}
        section_row.position, section_row.title = position, section.title.strip()
        section_row.minutes, section_row.prompt = section.minutes, section.prompt
        section_row.owner, section_row.focus = section.owner.value, section.focus.value
        if old and _section_fields(section_row) != old:
            section_row.updated_at, section_row.updated_by = now, by
            session.flush()
            section_edit(session, section_row).record(old, _section_fields(section_row), by,
                                                      now)


def _section_fields(row: AgendaSectionRow) -> dict[str, object]:
    return {"position": row.position, "title": row.title, "minutes": row.minutes,
            "owner": row.owner, "focus": row.focus, "prompt": row.prompt}


def _read_agenda(session: Session, review: ReviewRow) -> ReviewAgenda:
    row = session.get(AgendaRow, review.id)
    assert row is not None
    sections = list(session.scalars(select(AgendaSectionRow).where(
        AgendaSectionRow.review_id == review.id).order_by(AgendaSectionRow.position)))
    agenda = Agenda(row.template, row.slot_minutes, tuple(
        AgendaSection(s.key, s.title, s.minutes, SectionOwner(s.owner), Focus(s.focus),
                      s.prompt) for s in sections))
    return ReviewAgenda(review.id, review.account_id, review.account.name,
                        as_utc(review.scheduled_at), review.time_zone,
                        ReviewStatus(review.status), agenda, {s.key: s.notes for s in sections})


def _write_action(row: ActionItemRow, item: ActionItem, now: datetime) -> None:
    row.text, row.side, row.owner = item.text.strip(), item.side.value, item.owner.strip()
    row.due, row.status, row.review_id = item.due, item.status.value, item.review_id
    row.section, row.updated_at = item.section, now


def _action(row: ActionItemRow) -> ActionItem:
    return ActionItem(row.id, row.text, ActionSide(row.side), row.owner, row.due,
                      ActionStatus(row.status), row.review_id, row.section)

"""The stakeholder map's use-cases: read an account's people and lines, change them, record
who came to each review, and read the coverage findings.

People are the account's contacts, so a person added on the map is a contact everywhere
(and an imported contact appears on the map). Every change is one transaction; a change the
rules refuse raises before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.attendance import AttendanceIndicator, executive_attendance, executives
from qbr_desktop.domain.contacts import ContactLevel, ReviewStatus
from qbr_desktop.domain.stakeholder_coverage import Finding, coverage
from qbr_desktop.domain.stakeholder_layout import ROW_PITCH, free_place, saved_or_org_chart
from qbr_desktop.domain.stakeholders import (
    LINK_STRENGTH_RANGE,
    Attendance,
    DecisionRole,
    InfluenceLink,
    OurSide,
    Stakeholder,
    StakeholderError,
    StakeholderMap,
    check_reports_to,
    validate_person,
)
from qbr_desktop.domain.text_merge import merge_text
from qbr_desktop.domain.tiers import effective_tier
from qbr_desktop.i18n import N_, Message, msg
from qbr_desktop.services.edit_checks import FIELD_WORDS, RowEdit, shown_time, values_of
from qbr_desktop.services.rows import account_row, as_utc, review_row
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import EditConflictError, NotFoundError
from qbr_desktop.store.models import (
    AttendanceRow,
    ContactRow,
    InfluenceLinkRow,
    ReviewRow,
)
from qbr_desktop.store.repositories import FieldChangeRepository

STRATEGIC_TIER = "Strategic"
# The fields a person's card and editor change; the contact's phone stays as it is.
_PERSON_FIELDS = ("name", "title", "email", "role", "influence", "sentiment", "strength",
                  "last_contact", "owner", "owner_name", "priorities", "concerns", "notes",
                  "departed", "pre_aligned", "manager_id")


@dataclass(frozen=True, slots=True)
class RemovedPerson:
    """All that removing a person took away, so that undo can put it back as it was."""

    account_id: int
    person: Stakeholder
    email: str
    phone: str
    links: tuple[InfluenceLink, ...]
    reports: tuple[int, ...]  # people who reported to them
    attendance: tuple[tuple[int, Attendance], ...]  # (review id, entry)


@dataclass(frozen=True, slots=True)
class ReviewChoice:
    """A review the CSM can record attendance for."""

    review_id: int
    scheduled_at: datetime
    status: ReviewStatus


class StakeholderService:
    def __init__(self, sessions: sessionmaker[Session],
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 user: Callable[[], str] | None = None) -> None:
        self._sessions = sessions
        self._clock = clock
        self._user = user or _login_name

    def today(self) -> date:
        return self._clock().astimezone().date()

    # Reading ---------------------------------------------------------------------------
    def map(self, account_id: int) -> StakeholderMap:
        with session_scope(self._sessions) as session:
            account = account_row(session, account_id)
            tier = effective_tier(account.arr, account.tier_override, read_tier_scheme(session))
            people = tuple(_person(row) for row in session.scalars(
                select(ContactRow).where(ContactRow.account_id == account_id)
                .order_by(ContactRow.id)))
            links = tuple(InfluenceLink(row.source_id, row.target_id, row.strength)
                          for row in session.scalars(
                              select(InfluenceLinkRow)
                              .where(InfluenceLinkRow.account_id == account_id)
                              .order_by(InfluenceLinkRow.id)))
        return StakeholderMap(account_id, people, links, strategic=tier == STRATEGIC_TIER)

    def account_name(self, account_id: int) -> str:
        with session_scope(self._sessions) as session:
            return account_row(session, account_id).name

    def next_meeting(self, account_id: int) -> date | None:
        with session_scope(self._sessions) as session:
            moment = session.scalar(
                select(ReviewRow.scheduled_at)
                .where(ReviewRow.account_id == account_id,
                       ReviewRow.status == ReviewStatus.PLANNED.value,
                       ReviewRow.scheduled_at >= self._clock())
                .order_by(ReviewRow.scheduled_at).limit(1))
        return None if moment is None else as_utc(moment).astimezone().date()

    def coverage(self, account_id: int,
                 stakeholders: StakeholderMap | None = None) -> list[Finding]:
        """The coverage findings; pass the map when it is already loaded."""
        return coverage(stakeholders or self.map(account_id), self.today(),
                        meeting_date=self.next_meeting(account_id))

    # People ----------------------------------------------------------------------------
    def add_person(self, account_id: int, person: Stakeholder, *, place: bool = False,
                   near: tuple[float, float] | None = None) -> Stakeholder:
        """Store a new person (its id is given by the store) and return them with it.

        With `place`, a person without a position gets a free place on the org chart: the
        nearest to `near`, else beside their manager's reports, else after the last card.
        Whoever the chart still lays out by itself is pinned where it shows them, so the
        newcomer moves nobody.
        """
        validate_person(replace(person, id=-1))
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            if person.manager_id is not None:
                _sameaccount_row(session, account_id, person.manager_id)
            if place and (person.x is None or person.y is None):
                person = _placed(session, account_id, person, near)
            row = ContactRow(account_id=account_id, level=person.level.value)
            _write(row, person, self._clock())
            row.map_x, row.map_y = person.x, person.y
            session.add(row)
            session.flush()
            return _person(row)

    def update_person(self, person: Stakeholder, *, seen: Stakeholder | None = None) -> None:
        """Store the person's fields as given; a reports-to loop is refused, naming people.

        With `seen` (the person as the editor showed them), a field someone else changed
        since is refused with EditConflictError naming it, who and when; free text
        (priorities, concerns, notes) is merged instead. Without it: "keep mine".
        """
        with session_scope(self._sessions) as session:
            row = _contact(session, person.id)
            if seen is not None:
                person = _settle_conflicts(session, row, person, seen)
            validate_person(person, stored_email=row.email)
            before = _person(row)
            if person.manager_id != row.manager_id:
                team = [_person(r) for r in _team(session, row.account_id)]
                check_reports_to(team, person.id, person.manager_id)
            _write(row, person, self._clock())
            row.level = person.level.value
            row.updated_by = self._user()
            FieldChangeRepository(session).record(
                "contact", row.id, (f.name for f in fields(Stakeholder)
                                    if getattr(before, f.name) != getattr(person, f.name)),
                row.updated_by, row.updated_at)
            session.flush()
            _sync_executives(session, _reviews_attended_by(session, person.id))

    def set_manager(self, person_id: int, manager_id: int | None) -> None:
        with session_scope(self._sessions) as session:
            row = _contact(session, person_id)
            team = [_person(r) for r in _team(session, row.account_id)]
            check_reports_to(team, person_id, manager_id)
            row.manager_id = manager_id
            row.updated_at = self._clock()

    def move(self, positions: Mapping[int, tuple[float, float]]) -> None:
        """Store where cards sit on the canvas (one transaction for a multi-card drag)."""
        with session_scope(self._sessions) as session:
            for person_id, (x, y) in positions.items():
                row = _contact(session, person_id)
                row.map_x, row.map_y = float(x), float(y)

    def remove_person(self, person_id: int) -> RemovedPerson:
        with session_scope(self._sessions) as session:
            row = _contact(session, person_id)
            links = tuple(InfluenceLink(r.source_id, r.target_id, r.strength)
                          for r in session.scalars(select(InfluenceLinkRow).where(
                              (InfluenceLinkRow.source_id == person_id)
                              | (InfluenceLinkRow.target_id == person_id))))
            reports = tuple(session.scalars(select(ContactRow.id).where(
                ContactRow.manager_id == person_id)))
            attendance = tuple((r.review_id, _attendance(r)) for r in session.scalars(
                select(AttendanceRow).where(AttendanceRow.contact_id == person_id)))
            removed = RemovedPerson(row.account_id, _person(row), row.email, row.phone, links,
                                    reports, attendance)
            session.execute(delete(InfluenceLinkRow).where(
                (InfluenceLinkRow.source_id == person_id)
                | (InfluenceLinkRow.target_id == person_id)))
            session.execute(delete(AttendanceRow).where(AttendanceRow.contact_id == person_id))
            _sync_executives(session, [review_id for review_id, _ in attendance])
            for report in session.scalars(select(ContactRow).where(
                    ContactRow.manager_id == person_id)):
                report.manager_id = None
            session.delete(row)
        return removed

    def restore_person(self, removed: RemovedPerson) -> None:
        """Put a removed person back with the same id, lines, links and attendance."""
        person = removed.person
        with session_scope(self._sessions) as session:
            account_row(session, removed.account_id)
            row = ContactRow(id=person.id, account_id=removed.account_id,
                             level=person.level.value, email=removed.email,
                             phone=removed.phone)
            _write(row, person, self._clock())
            if person.manager_id is not None and session.get(ContactRow,
                                                             person.manager_id) is None:
                row.manager_id = None
            row.map_x, row.map_y = person.x, person.y
            session.add(row)
            session.flush()
            present = set(session.scalars(select(ContactRow.id).where(
                ContactRow.account_id == removed.account_id)))
            for link in removed.links:
                if link.source in present and link.target in present:
                    session.add(InfluenceLinkRow(account_id=removed.account_id,
                                                 source_id=link.source, target_id=link.target,
                                                 strength=link.strength))
            for report_id in removed.reports:
                report = session.get(ContactRow, report_id)
                if report is not None and report.manager_id is None:
                    report.manager_id = person.id
            for review_id, entry in removed.attendance:
                if session.get(ReviewRow, review_id) is not None:
                    session.add(AttendanceRow(review_id=review_id, contact_id=person.id,
                                              invited=entry.invited, confirmed=entry.confirmed,
                                              attended=entry.attended))
            session.flush()
            _sync_executives(session, _reviews_attended_by(session, person.id))

    # Influence links -------------------------------------------------------------------
    def add_link(self, source: int, target: int, strength: int = 2) -> InfluenceLink:
        if isinstance(strength, bool) or strength not in LINK_STRENGTH_RANGE:
            raise StakeholderError(f"An influence link's strength is 1 to 3, not {strength}")
        with session_scope(self._sessions) as session:
            source_row, target_row = _contact(session, source), _contact(session, target)
            if source == target:
                raise StakeholderError(f"{source_row.name} cannot influence themself on the map")
            if source_row.account_id != target_row.account_id:
                raise StakeholderError("Both people must belong to the same account")
            existing = session.scalar(select(InfluenceLinkRow).where(
                InfluenceLinkRow.source_id == source, InfluenceLinkRow.target_id == target))
            if existing is not None:
                raise StakeholderError(
                    f"{source_row.name} already influences {target_row.name} on the map")
            session.add(InfluenceLinkRow(account_id=source_row.account_id, source_id=source,
                                         target_id=target, strength=strength))
        return InfluenceLink(source, target, strength)

    def remove_link(self, source: int, target: int) -> None:
        with session_scope(self._sessions) as session:
            session.execute(delete(InfluenceLinkRow).where(
                InfluenceLinkRow.source_id == source, InfluenceLinkRow.target_id == target))

    # Attendance ------------------------------------------------------------------------
    def reviews(self, account_id: int) -> list[ReviewChoice]:
        """The account's reviews, the latest first, for the attendance picker."""
        with session_scope(self._sessions) as session:
            account_row(session, account_id)
            rows = session.scalars(select(ReviewRow).where(ReviewRow.account_id == account_id)
                                   .order_by(ReviewRow.scheduled_at.desc()))
            return [ReviewChoice(row.id, as_utc(row.scheduled_at), ReviewStatus(row.status))
                    for row in rows]

    def attendance(self, review_id: int) -> list[Attendance]:
        with session_scope(self._sessions) as session:
            review_row(session, review_id)
            return [_attendance(row) for row in session.scalars(
                select(AttendanceRow).where(AttendanceRow.review_id == review_id)
                .order_by(AttendanceRow.contact_id))]

    def set_attendance(self, review_id: int, entry: Attendance, *,
                       seen: Attendance | None = None) -> None:
        """Record one person's invitation, confirmation and attendance.

        Confirmed implies invited, and attended implies both. Once attendance is recorded
        for a review it decides whether "executives confirmed" holds for it (the prep
        timeline's metric); the timeline's own tick box serves reviews without a record.
        With `seen` (the marks as the person saw them), a mark a colleague changed since
        and this person did not stays as the colleague left it.
        """
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            _sameaccount_row(session, review.account_id, entry.person_id)
            row = session.get(AttendanceRow, (review_id, entry.person_id))
            entry = _implied(entry)
            if seen is not None and row is not None:
                entry = _implied(replace(entry, **RowEdit(
                    session, "review_attendance", review_id, row_by="", row_at=None).settle(
                        values_of(_attendance(row)), values_of(_implied(seen)),
                        values_of(entry))))
            if row is None:
                row = AttendanceRow(review_id=review_id, contact_id=entry.person_id)
                session.add(row)
            row.invited, row.confirmed, row.attended = (entry.invited, entry.confirmed,
                                                        entry.attended)
            session.flush()
            _sync_executives(session, [review_id])

    def attendance_indicator(self, review_id: int) -> AttendanceIndicator:
        with session_scope(self._sessions) as session:
            review = review_row(session, review_id)
            team = [_person(r) for r in _team(session, review.account_id)]
            entries = [_attendance(r) for r in session.scalars(
                select(AttendanceRow).where(AttendanceRow.review_id == review_id))]
            held = review.status == ReviewStatus.HELD.value
        return executive_attendance(team, entries, held=held)


def _person(row: ContactRow) -> Stakeholder:
    return Stakeholder(
        id=row.id, name=row.name, title=row.title or "", level=_enum(ContactLevel, row.level,
                                                                     ContactLevel.USER),
        role=_enum(DecisionRole, row.role, DecisionRole.USER), influence=row.influence,
        sentiment=row.sentiment, strength=row.strength, last_contact=row.last_contact,
        owner=_enum(OurSide, row.owner, OurSide.CSM), owner_name=row.owner_name,
        priorities=row.priorities, concerns=row.concerns, notes=row.notes,
        departed=row.departed, pre_aligned=row.pre_aligned, manager_id=row.manager_id,
        x=row.map_x, y=row.map_y, email=row.email or "")


def _login_name() -> str:
    from qbr_desktop.services.identity import current_identity

    return current_identity().label


_MERGED_TEXT = ("priorities", "concerns", "notes")
_FIELD_WORDS = {"name": N_("name"), "level": N_("level"), "role": N_("role"),
                "influence": N_("influence"), "sentiment": N_("sentiment"),
                "strength": N_("relationship strength"), "departed": N_("departed mark"),
                "email": N_("email address"), "priorities": N_("priorities"),
                "concerns": N_("concerns"), "owner_name": N_("owner on our side"),
                "last_contact": N_("last contact"),
                "manager_id": N_("reports-to line"), "pre_aligned": N_("pre-aligned mark"),
                "x": N_("place on the map"), "y": N_("place on the map")}


def _settle_conflicts(session: Session, row: ContactRow, mine: Stakeholder,
                      seen: Stakeholder) -> Stakeholder:
    """`mine`'s changes over what is stored now: a colleague's change to another field is
    kept, free text changed by both is merged; another field changed by both raises."""
    stored = _person(row)
    settled: dict[str, Any] = {}
    for name in (f.name for f in fields(Stakeholder)):
        wanted, before, theirs = getattr(mine, name), getattr(seen, name), getattr(stored, name)
        if theirs in (before, wanted):
            continue
        if wanted == before:
            settled[name] = theirs  # only they changed it: theirs stays
            continue
        who, at = FieldChangeRepository(session).last(
            "contact", row.id, name, row_by=row.updated_by, row_at=row.updated_at)
        if name in _MERGED_TEXT:
            settled[name] = merge_text(before, theirs, wanted, who=who or "A colleague")
        else:
            raise EditConflictError(
                msg("{field} of {subject}",
                    field=Message({**FIELD_WORDS, **_FIELD_WORDS}.get(
                        name, name.replace("_", " "))),
                    subject=stored.name), who, shown_time(at), stored)
    return replace(mine, **settled) if settled else mine


def _enum(kind: Any, value: str, fallback: Any) -> Any:
    try:
        return kind(value)
    except ValueError:  # a value written by a newer version: shown as the default
        return fallback


def _write(row: ContactRow, person: Stakeholder, now: datetime) -> None:
    for name in _PERSON_FIELDS:
        value = getattr(person, name)
        setattr(row, name, value.value if name in ("role", "owner") else value)
    row.name = person.name.strip()
    row.email = person.email.strip()
    row.level = person.level.value
    row.updated_at = now


def _placed(session: Session, account_id: int, person: Stakeholder,
            near: tuple[float, float] | None) -> Stakeholder:
    """The person with a free place on the map (see StakeholderService.add_person)."""
    rows = _team(session, account_id)
    shown = saved_or_org_chart([_person(row) for row in rows]).positions
    for row in rows:
        if (row.map_x is None or row.map_y is None) and row.id in shown:
            row.map_x, row.map_y = shown[row.id]
    if near is None and person.manager_id in shown:
        manager_x, manager_y = shown[person.manager_id]
        near = (manager_x, manager_y + ROW_PITCH)
    x, y = free_place(shown.values(), near)
    return replace(person, x=x, y=y)


def _reviews_attended_by(session: Session, person_id: int) -> list[int]:
    return list(session.scalars(select(AttendanceRow.review_id).where(
        AttendanceRow.contact_id == person_id)))


def _sync_executives(session: Session, review_ids: Sequence[int]) -> None:
    """Whether an executive confirmed each review, from its attendance record."""
    for review_id in set(review_ids):
        review = session.get(ReviewRow, review_id)
        if review is None:
            continue
        team = [_person(r) for r in _team(session, review.account_id)]
        entries = [_attendance(r) for r in session.scalars(
            select(AttendanceRow).where(AttendanceRow.review_id == review_id))]
        review.executives_confirmed = bool(executives(team, entries, "confirmed"))


def _implied(entry: Attendance) -> Attendance:
    """Confirmed implies invited, and attended implies both."""
    return replace(entry, invited=entry.invited or entry.confirmed or entry.attended,
                   confirmed=entry.confirmed or entry.attended)


def _attendance(row: AttendanceRow) -> Attendance:
    return Attendance(row.contact_id, row.invited, row.confirmed, row.attended)


def _team(session: Session, account_id: int) -> Sequence[ContactRow]:
    return session.scalars(select(ContactRow).where(ContactRow.account_id == account_id)).all()


def _contact(session: Session, person_id: int) -> ContactRow:
    row = session.get(ContactRow, person_id)
    if row is None:
        raise NotFoundError(msg("No person with id {person_id} (they may have been removed)",
                                person_id=person_id))
    return row


def _sameaccount_row(session: Session, account_id: int, person_id: int) -> ContactRow:
    row = _contact(session, person_id)
    if row.account_id != account_id:
        raise StakeholderError(f"{row.name} belongs to another account")
    return row

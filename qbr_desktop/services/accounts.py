"""Account use-cases: list, read, create, edit, delete and restore."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.accounts import (
    FIELD_LABELS,
    Account,
    AccountDraft,
    AccountSummary,
    name_key,
    validate_account,
)
from qbr_desktop.domain.contacts import ContactDraft, ReviewDraft
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.metrics import MetricHistory, MetricValue
from qbr_desktop.domain.money import Money
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.text_merge import merge_text
from qbr_desktop.domain.tiers import TierScheme, effective_tier
from qbr_desktop.i18n import Message, msg
from qbr_desktop.services.edit_checks import shown_time
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import EditConflictError, account_gone
from qbr_desktop.store.models import (
    AccountModuleRow,
    AccountRow,
    ActionItemRow,
    AgendaRow,
    AgendaSectionRow,
    AttendanceRow,
    ContactRow,
    DepartmentRow,
    InfluenceLinkRow,
    MeetingRunRow,
    MetricSnapshotRow,
    PrepTaskRow,
    ProductModuleRow,
    ReviewRow,
    RiskItemRow,
    RoiModelRow,
)
from qbr_desktop.store.repositories import (
    AccountRepository,
    CsmRepository,
    FieldChangeRepository,
    MetricRepository,
)

Clock = Callable[[], datetime]
_DRAFT_FIELDS = tuple(f.name for f in fields(AccountDraft))

if TYPE_CHECKING:
    from qbr_desktop.domain.playbooks import Playbook


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _owner_id(session: Session, draft: AccountDraft) -> int | None:
    """The team member the owner's name names, added to the team when new."""
    if not draft.csm_owner:
        return None
    return CsmRepository(session).find_or_add(draft.csm_owner, name_key(draft.csm_owner)).id


def _identified_name() -> str | None:
    from qbr_desktop.services.identity import stored_identity

    identity = stored_identity()
    return identity.name if identity else None


def _login_name() -> str:
    from qbr_desktop.services.identity import current_identity

    return current_identity().label


@dataclass(frozen=True, slots=True)
class DeletedAccount:
    """Everything needed to put a deleted account back exactly as it was."""

    account: dict[str, Any]
    contacts: tuple[dict[str, Any], ...]
    reviews: tuple[dict[str, Any], ...]
    metrics: tuple[dict[str, Any], ...]
    departments: tuple[dict[str, Any], ...] = ()
    risks: tuple[dict[str, Any], ...] = ()
    modules: tuple[int, ...] = ()  # catalogue entries the account owned
    prep_tasks: tuple[dict[str, Any], ...] = ()  # of its reviews' preparation plans
    roi_models: tuple[dict[str, Any], ...] = ()
    influence_links: tuple[dict[str, Any], ...] = ()  # between its stakeholders
    attendance: tuple[dict[str, Any], ...] = ()  # who came to its reviews
    agendas: tuple[dict[str, Any], ...] = ()  # its reviews' agendas, sections and meetings
    agenda_sections: tuple[dict[str, Any], ...] = ()
    meeting_runs: tuple[dict[str, Any], ...] = ()
    action_items: tuple[dict[str, Any], ...] = ()

    @property
    def name(self) -> str:
        return str(self.account["name"])


def _columns(row: Any) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


def _installed_playbooks() -> dict[str, Playbook]:
    from qbr_desktop.services.agenda_language import installed_playbooks

    return installed_playbooks()


def draft_of(row: AccountRow) -> AccountDraft:
    return AccountDraft(**{name: getattr(row, name) for name in _DRAFT_FIELDS})


def account_of(row: AccountRow, scheme: TierScheme) -> Account:
    return Account(
        id=row.id,
        draft=draft_of(row),
        tier=effective_tier(row.arr, row.tier_override, scheme),
        created_at=row.created_at,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        version=row.version,
    )


# Free text: two people's changes are merged, never refused (domain/text_merge.py).
_MERGED_FIELDS = ("notes",)


class AccountService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock = _utc_now,
                 user: Callable[[], str] | None = None,
                 owner: Callable[[], str | None] | None = None,
                 playbooks: Callable[[], dict[str, Playbook]] | None = None) -> None:
        """`playbooks` gives the playbooks by name, for a language switch to re-word the
        prep tasks nobody renamed (default: the installed ones)."""
        self._sessions = sessions
        self._clock = clock
        self._user = user or _login_name
        # Who owns a new account that names no owner: the person working, once they said
        # who they are (services/identity.py).
        self._owner = owner or _identified_name
        self._playbooks = playbooks or _installed_playbooks

    # Reading ---------------------------------------------------------------------------
    def list_accounts(self) -> list[AccountSummary]:
        with session_scope(self._sessions, reading=True) as session:
            scheme = read_tier_scheme(session)
            rows = AccountRepository(session).all_with_next_review(self._clock())
            return [
                AccountSummary(
                    id=row.id, name=row.name, industry=row.industry, country=row.country,
                    arr=Money(row.arr, row.currency), licensed_seats=row.licensed_seats,
                    tier=effective_tier(row.arr, row.tier_override, scheme),
                    tier_is_override=bool(row.tier_override and row.tier_override in scheme.tiers),
                    renewal_date=row.renewal_date, next_qbr_at=next_at, csm_owner=row.csm_owner,
                    next_qbr_zone=zone,
                )
                for row, next_at, zone in rows
            ]

    def get(self, account_id: int) -> Account:
        with session_scope(self._sessions, reading=True) as session:
            return account_of(self._row(session, account_id), read_tier_scheme(session))

    def next_free_name(self, base: str = "New account") -> str:
        """'New account', else 'New account 2', 'New account 3', …"""
        with session_scope(self._sessions, reading=True) as session:
            repo = AccountRepository(session)
            candidate, number = base, 1
            while repo.id_with_name_key(name_key(candidate)) is not None:
                number += 1
                candidate = f"{base} {number}"
            return candidate

    def metric_history(self, account_id: int) -> MetricHistory:
        with session_scope(self._sessions, reading=True) as session:
            rows = MetricRepository(session).for_account(account_id)
            return MetricHistory.from_values(
                [MetricValue(Quarter.parse(r.period), r.metric_key, r.value) for r in rows]
            )

    # Changing --------------------------------------------------------------------------
    def create(self, draft: AccountDraft) -> Account:
        with session_scope(self._sessions) as session:
            scheme = read_tier_scheme(session)
            if not draft.csm_owner.strip() and (me := self._owner()):
                draft = draft.with_changes({"csm_owner": me})
            clean = validate_account(draft, tiers=scheme.tiers)
            self._ensure_name_free(session, clean.name, except_id=None)
            now = self._clock()
            row = AccountRow(name_key=name_key(clean.name), created_at=now, updated_at=now,
                             updated_by=self._user(), owner_id=_owner_id(session, clean),
                             **{name: getattr(clean, name) for name in _DRAFT_FIELDS})
            self._flush(session, row, clean.name)
            return account_of(row, scheme)

    def update(self, account_id: int, changes: dict[str, Any], *,
               expected: dict[str, Any] | None = None) -> Account:
        """Apply field changes after validating the whole resulting account.

        `expected` holds what the person saw of the changed fields. When the stored value
        differs (someone saved since), the change is refused with EditConflictError naming
        the field, who and when; free text (notes) is merged instead, losing neither side.
        Without `expected` the change replaces whatever is stored ("keep mine").
        """
        with session_scope(self._sessions) as session:
            scheme = read_tier_scheme(session)
            row = self._row(session, account_id)
            if expected is not None:
                changes = self._settle_conflicts(session, row, scheme, changes, expected)
            before = draft_of(row)
            clean = validate_account(before.with_changes(changes), tiers=scheme.tiers)
            if name_key(clean.name) != row.name_key:
                self._ensure_name_free(session, clean.name, except_id=account_id)
            if clean.csm_owner != row.csm_owner:
                row.owner_id = _owner_id(session, clean)
            for name in _DRAFT_FIELDS:
                setattr(row, name, getattr(clean, name))
            row.name_key = name_key(clean.name)
            row.updated_at = self._clock()
            row.updated_by = self._user()
            if clean.language != before.language:
                # Agendas and task names nobody edited follow (services/agenda_language.py).
                from qbr_desktop.services.agenda_language import follow_language

                follow_language(session, account_id, before.language, clean.language,
                                row.updated_at, row.updated_by, self._playbooks())
            FieldChangeRepository(session).record(
                "account", account_id, (name for name in _DRAFT_FIELDS
                                        if getattr(before, name) != getattr(clean, name)),
                row.updated_by, row.updated_at)
            self._flush(session, row, clean.name)
            return account_of(row, scheme)

    def _settle_conflicts(self, session: Session, row: AccountRow, scheme: TierScheme,
                          changes: dict[str, Any], expected: dict[str, Any]
                          ) -> dict[str, Any]:
        stored = draft_of(row)
        settled = dict(changes)
        for name, mine in changes.items():
            theirs = getattr(stored, name)
            if name not in expected or theirs == expected[name] or theirs == mine:
                continue
            who, at = FieldChangeRepository(session).last(
                "account", row.id, name, row_by=row.updated_by, row_at=row.updated_at)
            if name in _MERGED_FIELDS:
                settled[name] = merge_text(expected[name], theirs, mine,
                                           who=who or "A colleague")
                continue
            raise EditConflictError(Message(FIELD_LABELS.get(name, name)), who, shown_time(at),
                                    account_of(row, scheme))
        return settled

    def delete(self, account_id: int) -> DeletedAccount:
        with session_scope(self._sessions) as session:
            row = self._row(session, account_id)
            snapshot = DeletedAccount(
                account=_columns(row),
                contacts=tuple(_columns(c) for c in row.contacts),
                reviews=tuple(_columns(r) for r in row.reviews),
                metrics=tuple(_columns(m) for m in row.metrics),
                departments=tuple(_columns(d) for d in row.departments),
                risks=tuple(_columns(r) for r in row.risks),
                modules=tuple(m.id for m in row.modules),
                prep_tasks=tuple(_columns(t) for r in row.reviews for t in r.tasks),
                roi_models=tuple(_columns(m) for m in session.scalars(
                    select(RoiModelRow).where(RoiModelRow.account_id == account_id))),
                influence_links=tuple(_columns(link) for link in session.scalars(
                    select(InfluenceLinkRow).where(InfluenceLinkRow.account_id == account_id))),
                attendance=tuple(_columns(a) for a in session.scalars(
                    select(AttendanceRow).join(ReviewRow).where(
                        ReviewRow.account_id == account_id))),
                **_meeting_rows(session, account_id),
            )
            AccountRepository(session).remove(row)
            return snapshot

    def restore(self, deleted: DeletedAccount) -> Account:
        """Undo a delete: same id and children where they are still free."""
        with session_scope(self._sessions) as session:
            repo = AccountRepository(session)
            values = dict(deleted.account)
            self._ensure_name_free(session, values["name"], except_id=None)
            if repo.get(values["id"]) is not None:
                values.pop("id")
            row = repo.add(AccountRow(**values))
            children: tuple[tuple[Any, tuple[dict[str, Any], ...]], ...] = (
                (ContactRow, deleted.contacts), (ReviewRow, deleted.reviews),
                (MetricSnapshotRow, deleted.metrics), (DepartmentRow, deleted.departments),
                (RiskItemRow, deleted.risks))
            new_ids: dict[Any, dict[int, int]] = {ContactRow: {}, ReviewRow: {}}
            for model, items in children:
                for item in items:
                    # Reports-to lines wait until every person is back: a manager may come
                    # later in the list than the people who report to them.
                    child = dict(item, account_id=row.id, **(
                        {"manager_id": None} if model is ContactRow else {}))
                    if session.get(model, child["id"]) is not None:
                        child.pop("id")
                    restored = model(**child)
                    session.add(restored)
                    if model in new_ids:
                        session.flush()
                        new_ids[model][item["id"]] = restored.id
            contact_ids, review_ids = new_ids[ContactRow], new_ids[ReviewRow]
            for item in deleted.contacts:
                if item.get("manager_id") in contact_ids:
                    person = session.get(ContactRow, contact_ids[item["id"]])
                    assert person is not None
                    person.manager_id = contact_ids[item["manager_id"]]
            session.add_all(InfluenceLinkRow(**dict(
                {k: v for k, v in item.items() if k != "id"}, account_id=row.id,
                source_id=contact_ids[item["source_id"]],
                target_id=contact_ids[item["target_id"]]))
                for item in deleted.influence_links)
            session.add_all(AttendanceRow(**dict(
                item, review_id=review_ids[item["review_id"]],
                contact_id=contact_ids[item["contact_id"]])) for item in deleted.attendance)
            _restore_meetings(session, deleted, row.id, review_ids)
            session.add_all(RoiModelRow(**dict(item, account_id=row.id))
                            for item in deleted.roi_models)
            for item in deleted.prep_tasks:
                task = dict(item, review_id=review_ids[item["review_id"]])
                if session.get(PrepTaskRow, task["id"]) is not None:
                    task.pop("id")
                session.add(PrepTaskRow(**task))
            still_sold = set(session.scalars(select(ProductModuleRow.id).where(
                ProductModuleRow.id.in_(deleted.modules))))
            session.add_all(AccountModuleRow(account_id=row.id, module_id=module_id)
                            for module_id in deleted.modules if module_id in still_sold)
            session.flush()
            return account_of(row, read_tier_scheme(session))

    def add_contact(self, account_id: int, contact: ContactDraft) -> int:
        with session_scope(self._sessions) as session:
            self._row(session, account_id)
            now = self._clock()
            row = ContactRow(account_id=account_id, name=contact.name, title=contact.title,
                             email=contact.email, phone=contact.phone, level=contact.level.value,
                             created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            return row.id

    def add_review(self, account_id: int, review: ReviewDraft) -> int:
        with session_scope(self._sessions) as session:
            self._row(session, account_id)
            now = self._clock()
            row = ReviewRow(account_id=account_id, scheduled_at=review.scheduled_at,
                            time_zone=review.time_zone, format=review.format.value,
                            kind=review.kind.value, status=review.status.value,
                            created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            return row.id

    def record_metrics(self, account_id: int, values: list[MetricValue]) -> None:
        with session_scope(self._sessions) as session:
            self._row(session, account_id)
            existing = {(m.period, m.metric_key): m
                        for m in MetricRepository(session).for_account(account_id)}
            for value in values:
                key = (str(value.period), value.key)
                if key in existing:
                    existing[key].value = value.value
                else:
                    session.add(MetricSnapshotRow(account_id=account_id, period=key[0],
                                                  metric_key=value.key, value=value.value))

    # Internals -------------------------------------------------------------------------
    @staticmethod
    def _row(session: Session, account_id: int) -> AccountRow:
        row = AccountRepository(session).get(account_id)
        if row is None:
            raise account_gone(account_id)
        return row

    @staticmethod
    def _ensure_name_free(session: Session, name: str, *, except_id: int | None) -> None:
        holder = AccountRepository(session).id_with_name_key(name_key(name))
        if holder is not None and holder != except_id:
            raise ValidationFailed({"name": msg("Another account is already called “{name}”",
                                                name=name)})

    @staticmethod
    def _flush(session: Session, row: AccountRow, name: str) -> None:
        session.add(row)
        try:
            session.flush()
        except IntegrityError as exc:
            raise ValidationFailed(
                {"name": msg("Another account is already called “{name}”", name=name)}
            ) from exc


def _meeting_rows(session: Session, account_id: int) -> dict[str, tuple[dict[str, Any], ...]]:
    """The account's agendas, their sections, recorded meetings and action items."""
    reviews = select(ReviewRow.id).where(ReviewRow.account_id == account_id)
    return {
        "agendas": tuple(_columns(r) for r in session.scalars(
            select(AgendaRow).where(AgendaRow.review_id.in_(reviews)))),
        "agenda_sections": tuple(_columns(r) for r in session.scalars(
            select(AgendaSectionRow).where(AgendaSectionRow.review_id.in_(reviews)))),
        "meeting_runs": tuple(_columns(r) for r in session.scalars(
            select(MeetingRunRow).where(MeetingRunRow.review_id.in_(reviews)))),
        "action_items": tuple(_columns(r) for r in session.scalars(
            select(ActionItemRow).where(ActionItemRow.account_id == account_id))),
    }


def _restore_meetings(session: Session, deleted: DeletedAccount, account_id: int,
                      review_ids: dict[int, int]) -> None:
    for model, items in ((AgendaRow, deleted.agendas), (MeetingRunRow, deleted.meeting_runs)):
        session.add_all(model(**dict(item, review_id=review_ids[item["review_id"]]))
                        for item in items)
    session.flush()
    session.add_all(AgendaSectionRow(**dict(
        {k: v for k, v in item.items() if k != "id"},
        review_id=review_ids[item["review_id"]])) for item in deleted.agenda_sections)
    session.add_all(ActionItemRow(**dict(
        {k: v for k, v in item.items() if k != "id"}, account_id=account_id,
        review_id=None if item["review_id"] is None else review_ids.get(item["review_id"])))
        for item in deleted.action_items)

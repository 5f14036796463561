"""StakeholderService on a real SQLite file: people, reports-to lines, influence links and
attendance are stored and read back as given; refused changes leave the store unchanged;
undo of a removal puts everything back; coverage reads the next planned review."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.attendance import Signal
from qbr_desktop.domain.contacts import ContactDraft, ContactLevel
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.stakeholders import (
    Attendance,
    DecisionRole,
    InfluenceLink,
    OurSide,
    Stakeholder,
    StakeholderError,
)
from qbr_desktop.services.plans import PlanService
from qbr_desktop.services.stakeholders import StakeholderService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import NotFoundError
from qbr_desktop.store.models import AttendanceRow, ContactRow, InfluenceLinkRow, ReviewRow

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
MEETING_DAY = date(2027, 1, 19)


@pytest.fixture
def svc(context: Any) -> StakeholderService:
    return StakeholderService(context.store.sessions, clock=lambda: NOW)


@pytest.fixture
def plans(context: Any) -> PlanService:
    return PlanService(context.store.sessions, clock=lambda: NOW)


def account(context: Any, name: str = "Acme 株式会社", arr: str = "50000") -> int:
    return int(context.accounts.create(AccountDraft(name=name, arr=Decimal(arr))).id)


def person(name: str, **fields: Any) -> Stakeholder:
    return Stakeholder(id=0, name=name, **fields)


def review(plans: PlanService, account_id: int, day: date = MEETING_DAY) -> int:
    return plans.schedule(account_id, day, time(12, 0), time_zone="UTC").review_id


def table_counts(context: Any) -> tuple[int, ...]:
    """Rows of contact, influence_link and review_attendance."""
    with session_scope(context.store.sessions) as session:
        return tuple(int(session.scalar(select(func.count()).select_from(table)) or 0)
                     for table in (ContactRow, InfluenceLinkRow, AttendanceRow))


def snapshot(context: Any, svc: StakeholderService, *accounts: int) -> object:
    """Everything a refused change could have touched."""
    return [svc.map(a) for a in accounts], table_counts(context)


# Round trips --------------------------------------------------------------------------

FULL = dict(
    title="VP <R&D> & \"Ops\"", level=ContactLevel.VP, role=DecisionRole.EXECUTIVE_SPONSOR,
    influence=5, sentiment=-2, strength=1, last_contact=date(2026, 10, 31),
    owner=OurSide.ACCOUNT_EXECUTIVE, owner_name="Dana 🙂", priorities="Cut costs\nby 10 %",
    concerns="Security review", notes="Prefers mornings", departed=True, pre_aligned=True,
    x=12.5, y=-40.25)


@pytest.mark.parametrize("name", ["山田 太郎", "Zoë 🚀 O'Brien", "محمد العلي", "Ana Núñez"])
def test_add_person_returns_an_id_and_the_map_reads_every_field_back(
        context: Any, svc: StakeholderService, name: str) -> None:
    acme = account(context)
    added = svc.add_person(acme, person(name, **FULL))
    assert added.id > 0
    assert added == replace(person(name, **FULL), id=added.id)
    stored = svc.map(acme).person(added.id)
    assert stored == added
    assert stored.name == name and stored.title == 'VP <R&D> & "Ops"'


def test_a_200_character_title_and_a_manager_line_are_stored(
        context: Any, svc: StakeholderService) -> None:
    acme = account(context)
    boss = svc.add_person(acme, person("Ana", level=ContactLevel.C_SUITE))
    title = ("Head of <Strategy> & Ops · " * 10)[:200]
    assert len(title) == 200
    report = svc.add_person(acme, person("Ben", title=title, manager_id=boss.id))
    stored = svc.map(acme)
    assert stored.person(report.id).title == title
    assert stored.person(report.id).manager_id == boss.id
    assert [p.id for p in stored.reports_of(boss.id)] == [report.id]
    assert [p.id for p in stored.people] == [boss.id, report.id]


def test_added_people_are_contacts_of_the_account(context: Any,
                                                  svc: StakeholderService) -> None:
    acme = account(context)
    ana = svc.add_person(acme, person("  Ana  ", level=ContactLevel.DIRECTOR))
    assert svc.map(acme).person(ana.id).name == "Ana"  # trimmed when stored
    with session_scope(context.store.sessions) as session:
        row = session.get(ContactRow, ana.id)
        assert row is not None
        assert (row.account_id, row.level) == (acme, ContactLevel.DIRECTOR.value)
        assert (row.email, row.phone) == ("", "")


def test_update_person_changes_the_fields_and_keeps_email_and_phone(
        context: Any, svc: StakeholderService) -> None:
    acme = account(context)
    contact_id = context.accounts.add_contact(acme, ContactDraft(
        "Ana", title="Analyst", email="ana@acme.example", phone="+1 555 0100"))
    ben = svc.add_person(acme, person("Ben"))
    before = svc.map(acme).person(contact_id)
    assert (before.role, before.influence, before.owner) == (DecisionRole.USER, 3, OurSide.CSM)
    changed = replace(before, name="Ana María", title="CFO", level=ContactLevel.C_SUITE,
                      role=DecisionRole.ECONOMIC_BUYER, influence=5, sentiment=2, strength=4,
                      last_contact=date(2026, 11, 30), owner=OurSide.EXECUTIVE,
                      owner_name="Pat", priorities="Growth", concerns="Budget",
                      notes="n", departed=False, pre_aligned=True, manager_id=ben.id)
    svc.update_person(changed)
    assert svc.map(acme).person(contact_id) == changed
    with session_scope(context.store.sessions) as session:
        row = session.get(ContactRow, contact_id)
        assert row is not None
        assert (row.email, row.phone) == ("ana@acme.example", "+1 555 0100")


def test_move_stores_positions_for_several_people_at_once(context: Any,
                                                        svc: StakeholderService) -> None:
    acme = account(context)
    ids = [svc.add_person(acme, person(n)).id for n in ("Ana", "Ben", "Cho")]
    assert all(p.x is None and p.y is None for p in svc.map(acme).people)
    svc.move({ids[0]: (10, 20), ids[2]: (-5.5, 1e6)})
    by_id = svc.map(acme).by_id
    assert (by_id[ids[0]].x, by_id[ids[0]].y) == (10.0, 20.0)
    assert (by_id[ids[1]].x, by_id[ids[1]].y) == (None, None)
    assert (by_id[ids[2]].x, by_id[ids[2]].y) == (-5.5, 1e6)


def test_a_move_naming_an_unknown_person_moves_nobody(context: Any,
                                                      svc: StakeholderService) -> None:
    acme = account(context)
    ana = svc.add_person(acme, person("Ana"))
    with pytest.raises(NotFoundError):
        svc.move({ana.id: (1.0, 2.0), 9999: (3.0, 4.0)})
    stored = svc.map(acme).person(ana.id)
    assert (stored.x, stored.y) == (None, None)


def test_strategic_follows_the_accounts_tier(context: Any, svc: StakeholderService) -> None:
    big = account(context, "Big", arr="500000")
    small = account(context, "Small", arr="1000")
    assert svc.map(big).strategic is True
    assert svc.map(small).strategic is False
    assert svc.map(small).account_id == small


def test_map_of_an_unknown_account_is_not_found(svc: StakeholderService) -> None:
    with pytest.raises(NotFoundError):
        svc.map(424242)


# Refusals leave the store unchanged ------------------------------------------------------

def test_a_reports_to_loop_is_refused_naming_the_people(context: Any,
                                                       svc: StakeholderService) -> None:
    acme = account(context)
    ana = svc.add_person(acme, person("Ana"))
    ben = svc.add_person(acme, person("Ben", manager_id=ana.id))
    before = snapshot(context, svc, acme)
    with pytest.raises(StakeholderError, match="Ana → Ben → Ana"):
        svc.set_manager(ana.id, ben.id)
    with pytest.raises(StakeholderError, match="Ana → Ben → Ana"):
        svc.update_person(replace(svc.map(acme).person(ana.id), manager_id=ben.id,
                                  title="changed"))
    assert snapshot(context, svc, acme) == before


def test_a_longer_loop_names_everybody_in_it(context: Any, svc: StakeholderService) -> None:
    acme = account(context)
    ana = svc.add_person(acme, person("Ana"))
    ben = svc.add_person(acme, person("Ben", manager_id=ana.id))
    cho = svc.add_person(acme, person("Chō", manager_id=ben.id))
    before = snapshot(context, svc, acme)
    with pytest.raises(StakeholderError, match="Ana → Chō → Ben → Ana"):
        svc.set_manager(ana.id, cho.id)
    assert snapshot(context, svc, acme) == before


def test_reporting_to_oneself_is_refused(context: Any, svc: StakeholderService) -> None:
    acme = account(context)
    ana = svc.add_person(acme, person("Ana"))
    before = snapshot(context, svc, acme)
    with pytest.raises(StakeholderError, match="Ana cannot report to themself"):
        svc.set_manager(ana.id, ana.id)
    with pytest.raises(ValidationFailed) as caught:
        svc.update_person(replace(ana, manager_id=ana.id))
    assert "manager_id" in caught.value.problems
    assert snapshot(context, svc, acme) == before


def test_a_manager_from_another_account_is_refused(context: Any,
                                                   svc: StakeholderService) -> None:
    acme, other = account(context), account(context, "Other")
    ana = svc.add_person(acme, person("Ana"))
    olu = svc.add_person(other, person("Olu"))
    before = snapshot(context, svc, acme, other)
    with pytest.raises(StakeholderError):
        svc.add_person(acme, person("Ben", manager_id=olu.id))
    with pytest.raises(StakeholderError):
        svc.set_manager(ana.id, olu.id)
    with pytest.raises(StakeholderError):
        svc.update_person(replace(ana, manager_id=olu.id))
    assert snapshot(context, svc, acme, other) == before


@pytest.mark.parametrize(("changes", "field"), [
    ({"influence": 6}, "influence"),
    ({"influence": 0}, "influence"),
    ({"name": ""}, "name"),
    ({"name": "   "}, "name"),
    ({"sentiment": 3}, "sentiment"),
    ({"strength": 0}, "strength"),
    ({"notes": "x" * 2001}, "notes"),
])
def test_invalid_people_are_refused_and_nothing_is_written(
        context: Any, svc: StakeholderService, changes: dict[str, Any], field: str) -> None:
    acme = account(context)
    ana = svc.add_person(acme, person("Ana"))
    before = snapshot(context, svc, acme)
    with pytest.raises(ValidationFailed) as caught:
        svc.add_person(acme, replace(person("Ben"), **changes))
    assert field in caught.value.problems
    with pytest.raises(ValidationFailed) as caught:
        svc.update_person(replace(ana, title="changed", **changes))
    assert field in caught.value.problems
    assert snapshot(context, svc, acme) == before


def test_influence_links_are_stored_and_removed(context: Any,
                                               svc: StakeholderService) -> None:
    acme = account(context)
    ana, ben, cho = (svc.add_person(acme, person(n)).id for n in ("Ana", "Ben", "Cho"))
    assert svc.add_link(ana, ben, 3) == InfluenceLink(ana, ben, 3)
    svc.add_link(ben, ana)  # the other direction is a different link
    svc.add_link(cho, ana, 1)
    assert svc.map(acme).links == (InfluenceLink(ana, ben, 3), InfluenceLink(ben, ana, 2),
                                   InfluenceLink(cho, ana, 1))
    svc.remove_link(ana, ben)
    assert svc.map(acme).links == (InfluenceLink(ben, ana, 2), InfluenceLink(cho, ana, 1))


def test_bad_influence_links_are_refused_and_nothing_is_written(
        context: Any, svc: StakeholderService) -> None:
    acme, other = account(context), account(context, "Other")
    ana = svc.add_person(acme, person("Ana")).id
    ben = svc.add_person(acme, person("Ben")).id
    olu = svc.add_person(other, person("Olu")).id
    svc.add_link(ana, ben)
    before = snapshot(context, svc, acme, other)
    with pytest.raises(StakeholderError, match="Ana cannot influence themself"):
        svc.add_link(ana, ana)
    with pytest.raises(StakeholderError, match="Ana already influences Ben"):
        svc.add_link(ana, ben, 3)
    with pytest.raises(StakeholderError, match="same account"):
        svc.add_link(ana, olu)
    for strength in (0, 4):
        with pytest.raises(StakeholderError, match="1 to 3"):
            svc.add_link(ben, ana, strength)
    with pytest.raises(NotFoundError):
        svc.add_link(ana, 9999)
    assert snapshot(context, svc, acme, other) == before


# Remove and restore --------------------------------------------------------------------

def test_restore_puts_back_the_person_their_lines_links_and_attendance(
        context: Any, svc: StakeholderService, plans: PlanService) -> None:
    acme = account(context)
    boss = svc.add_person(acme, person("Boss", level=ContactLevel.C_SUITE))
    ana_id = context.accounts.add_contact(acme, ContactDraft(
        "Ana", email="ana@acme.example", phone="+44 20 7946 0000"))
    ana = replace(svc.map(acme).person(ana_id), role=DecisionRole.CHAMPION, influence=4,
                  manager_id=boss.id, notes="<b>keep</b>")
    svc.update_person(ana)
    svc.move({ana_id: (3.0, 4.0)})
    ben = svc.add_person(acme, person("Ben", manager_id=ana_id))
    cho = svc.add_person(acme, person("Cho", manager_id=ana_id))
    svc.add_link(ana_id, boss.id, 3)
    svc.add_link(ben.id, ana_id, 1)
    svc.add_link(ben.id, cho.id, 2)
    first, second = review(plans, acme), review(plans, acme, date(2027, 4, 20))
    svc.set_attendance(first, Attendance(ana_id, attended=True))
    svc.set_attendance(second, Attendance(ana_id, invited=True))
    svc.set_attendance(first, Attendance(ben.id, confirmed=True))
    before_map = svc.map(acme)
    before_attendance = (svc.attendance(first), svc.attendance(second))

    removed = svc.remove_person(ana_id)
    after = svc.map(acme)
    assert ana_id not in after.by_id
    assert after.person(ben.id).manager_id is None
    assert after.person(cho.id).manager_id is None
    assert after.links == (InfluenceLink(ben.id, cho.id, 2),)
    assert svc.attendance(first) == [Attendance(ben.id, True, True, False)]
    assert svc.attendance(second) == []
    assert (removed.email, removed.phone) == ("ana@acme.example", "+44 20 7946 0000")

    svc.restore_person(removed)
    restored = svc.map(acme)
    assert restored.person(ana_id) == before_map.person(ana_id)
    assert restored.people == before_map.people
    assert set(restored.links) == set(before_map.links)
    assert (svc.attendance(first), svc.attendance(second)) == before_attendance
    with session_scope(context.store.sessions) as session:
        row = session.get(ContactRow, ana_id)
        assert row is not None
        assert (row.email, row.phone) == ("ana@acme.example", "+44 20 7946 0000")


def test_restore_skips_what_no_longer_exists(context: Any, svc: StakeholderService,
                                             plans: PlanService) -> None:
    acme = account(context)
    boss = svc.add_person(acme, person("Boss"))
    ana = svc.add_person(acme, person("Ana", manager_id=boss.id))
    ben = svc.add_person(acme, person("Ben"))
    svc.add_link(ana.id, ben.id)
    meeting = review(plans, acme)
    svc.set_attendance(meeting, Attendance(ana.id, attended=True))
    removed = svc.remove_person(ana.id)
    svc.remove_person(boss.id)
    svc.remove_person(ben.id)
    with session_scope(context.store.sessions) as session:  # the review was deleted too
        session.delete(session.get(ReviewRow, meeting))
    svc.restore_person(removed)
    stored = svc.map(acme)
    assert [p.name for p in stored.people] == ["Ana"]
    assert stored.person(ana.id).manager_id is None
    assert stored.links == ()
    assert table_counts(context) == (1, 0, 0)


# Attendance -----------------------------------------------------------------------------

def test_set_attendance_normalises_the_flags(context: Any, svc: StakeholderService,
                                             plans: PlanService) -> None:
    acme = account(context)
    ana, ben, cho = (svc.add_person(acme, person(n)).id for n in ("Ana", "Ben", "Cho"))
    meeting = review(plans, acme)
    svc.set_attendance(meeting, Attendance(ana, attended=True))
    svc.set_attendance(meeting, Attendance(ben, confirmed=True))
    svc.set_attendance(meeting, Attendance(cho, invited=True))
    assert svc.attendance(meeting) == [Attendance(ana, True, True, True),
                                       Attendance(ben, True, True, False),
                                       Attendance(cho, True, False, False)]
    svc.set_attendance(meeting, Attendance(ana))  # setting again replaces the entry
    assert svc.attendance(meeting)[0] == Attendance(ana, False, False, False)
    assert table_counts(context)[2] == 3


@pytest.mark.parametrize("executive", [
    {"role": DecisionRole.EXECUTIVE_SPONSOR},
    {"role": DecisionRole.ECONOMIC_BUYER},
    {"level": ContactLevel.C_SUITE},
    {"level": ContactLevel.VP},
])
def test_confirming_an_executive_marks_the_review(
        context: Any, svc: StakeholderService, plans: PlanService,
        executive: dict[str, Any]) -> None:
    acme = account(context)
    exe = svc.add_person(acme, person("Eve", **executive)).id
    dora = svc.add_person(acme, person("Dora", level=ContactLevel.DIRECTOR)).id
    meeting = review(plans, acme)
    assert plans.plan(meeting).executives_confirmed is False
    svc.set_attendance(meeting, Attendance(dora, confirmed=True))
    assert plans.plan(meeting).executives_confirmed is False  # a Director is no executive
    svc.set_attendance(meeting, Attendance(exe, confirmed=True))
    assert plans.plan(meeting).executives_confirmed is True
    with session_scope(context.store.sessions) as session:
        row = session.get(ReviewRow, meeting)
        assert row is not None and row.executives_confirmed is True
    svc.set_attendance(meeting, Attendance(exe, invited=True))  # un-confirms the only one
    assert plans.plan(meeting).executives_confirmed is False


def test_an_executive_who_attended_counts_as_confirmed(
        context: Any, svc: StakeholderService, plans: PlanService) -> None:
    acme = account(context)
    exe = svc.add_person(acme, person("Eve", level=ContactLevel.VP)).id
    other = svc.add_person(acme, person("Omar", role=DecisionRole.EXECUTIVE_SPONSOR)).id
    meeting = review(plans, acme)
    svc.set_attendance(meeting, Attendance(exe, attended=True))
    svc.set_attendance(meeting, Attendance(other, confirmed=True))
    svc.set_attendance(meeting, Attendance(exe))
    assert plans.plan(meeting).executives_confirmed is True  # Omar still confirmed
    svc.set_attendance(meeting, Attendance(other, invited=True))
    assert plans.plan(meeting).executives_confirmed is False


def test_attendance_indicator_reads_who_came(context: Any, svc: StakeholderService,
                                             plans: PlanService) -> None:
    acme = account(context)
    eve = svc.add_person(acme, person("Eve", role=DecisionRole.EXECUTIVE_SPONSOR)).id
    ana, ben = (svc.add_person(acme, person(n)).id for n in ("Ana", "Ben"))
    meeting = review(plans, acme)
    svc.set_attendance(meeting, Attendance(eve, invited=True))
    svc.set_attendance(meeting, Attendance(ana, confirmed=True))
    indicator = svc.attendance_indicator(meeting)  # still planned: no signal yet
    assert indicator.signal is None
    assert str(indicator.reason) == ("not held yet: 2 invited, 1 confirmed; no executive has "
                                "confirmed yet")
    with session_scope(context.store.sessions) as session:
        held = session.get(ReviewRow, meeting)
        assert held is not None
        held.status = "held"
    indicator = svc.attendance_indicator(meeting)
    assert indicator.signal is Signal.RED and "nobody" in str(indicator.reason)
    svc.set_attendance(meeting, Attendance(ana, attended=True))
    svc.set_attendance(meeting, Attendance(ben, attended=True))
    indicator = svc.attendance_indicator(meeting)
    assert indicator.signal is Signal.YELLOW and "2 delegates" in str(indicator.reason)
    svc.set_attendance(meeting, Attendance(eve, attended=True))
    indicator = svc.attendance_indicator(meeting)
    assert indicator.signal is Signal.GREEN and "Eve" in str(indicator.reason)


def test_attendance_for_someone_from_another_account_is_refused(
        context: Any, svc: StakeholderService, plans: PlanService) -> None:
    acme, other = account(context), account(context, "Other")
    olu = svc.add_person(other, person("Olu", level=ContactLevel.C_SUITE)).id
    meeting = review(plans, acme)
    with pytest.raises(StakeholderError, match="Olu belongs to another account"):
        svc.set_attendance(meeting, Attendance(olu, attended=True))
    assert svc.attendance(meeting) == []
    assert plans.plan(meeting).executives_confirmed is False
    with pytest.raises(NotFoundError):
        svc.set_attendance(meeting, Attendance(9999, attended=True))
    with pytest.raises(NotFoundError):
        svc.set_attendance(9999, Attendance(olu, attended=True))
    assert table_counts(context)[2] == 0


def test_reviews_lists_the_accounts_reviews_latest_first(
        context: Any, svc: StakeholderService, plans: PlanService) -> None:
    acme = account(context)
    first, second = review(plans, acme), review(plans, acme, date(2027, 4, 20))
    choices = svc.reviews(acme)
    assert [c.review_id for c in choices] == [second, first]
    assert choices[0].scheduled_at == datetime(2027, 4, 20, 12, 0, tzinfo=UTC)


# Coverage -------------------------------------------------------------------------------

def test_coverage_flags_an_unaligned_champion_once_a_qbr_is_planned(
        context: Any, svc: StakeholderService, plans: PlanService) -> None:
    acme = account(context)
    cam = svc.add_person(acme, person("Cam", role=DecisionRole.CHAMPION,
                                      last_contact=NOW.date()))
    assert svc.next_meeting(acme) is None
    assert "champion_not_prealigned" not in {f.rule for f in svc.coverage(acme)}

    review(plans, acme)
    meeting = datetime.combine(MEETING_DAY, time(12, 0), UTC).astimezone().date()
    assert svc.next_meeting(acme) == meeting
    days = (meeting - NOW.astimezone().date()).days
    found = {f.rule: f for f in svc.coverage(acme)}
    assert found["champion_not_prealigned"].people == (cam.id,)
    assert f"Walk Cam through the QBR before the meeting in {days} days" in \
        found["champion_not_prealigned"].message

    svc.update_person(replace(cam, pre_aligned=True))
    assert "champion_not_prealigned" not in {f.rule for f in svc.coverage(acme)}


def test_coverage_uses_the_nearest_future_planned_review(
        context: Any, svc: StakeholderService, plans: PlanService) -> None:
    acme = account(context)
    svc.add_person(acme, person("Cam", role=DecisionRole.CHAMPION))
    review(plans, acme, date(2026, 11, 2))  # in the past: ignored
    review(plans, acme, date(2027, 4, 20))
    review(plans, acme, date(2026, 12, 3))
    expected = datetime.combine(date(2026, 12, 3), time(12, 0), UTC).astimezone().date()
    assert svc.next_meeting(acme) == expected
    days = (expected - NOW.astimezone().date()).days
    message = {f.rule: f for f in svc.coverage(acme)}["champion_not_prealigned"].message
    assert f"in {days} days" in message


def test_coverage_of_an_empty_map(context: Any, svc: StakeholderService) -> None:
    acme = account(context)
    assert [f.rule for f in svc.coverage(acme)] == ["empty_map"]


def test_removing_or_demoting_the_confirmed_executive_clears_the_reviews_flag(
        context: Any) -> None:
    account = context.accounts.create(AccountDraft(name="Flagged", arr=Decimal("90000")))
    review_id = context.plans.schedule(account.id, date(2027, 2, 10)).review_id
    sponsor = context.stakeholders.add_person(account.id, Stakeholder(
        0, "Sia", role=DecisionRole.EXECUTIVE_SPONSOR))
    boss = context.stakeholders.add_person(account.id, Stakeholder(
        0, "Bo", level=ContactLevel.VP))
    for person in (sponsor, boss):
        context.stakeholders.set_attendance(review_id, Attendance(person.id, confirmed=True))
    context.stakeholders.update_person(replace(boss, level=ContactLevel.MANAGER))
    assert context.plans.plan(review_id).executives_confirmed  # Sia still counts
    removed = context.stakeholders.remove_person(sponsor.id)
    assert not context.plans.plan(review_id).executives_confirmed
    context.stakeholders.restore_person(removed)
    assert context.plans.plan(review_id).executives_confirmed


def test_undoing_an_account_delete_brings_its_map_back_whole(context: Any) -> None:
    account = context.accounts.create(AccountDraft(name="Round trip", arr=Decimal("90000")))
    review_id = context.plans.schedule(account.id, date(2027, 2, 10)).review_id
    report = context.stakeholders.add_person(account.id, Stakeholder(0, "Ria"))
    # The manager is newer than the person reporting to them: restore must still work.
    boss = context.stakeholders.add_person(account.id, Stakeholder(
        0, "Bao", level=ContactLevel.VP, role=DecisionRole.EXECUTIVE_SPONSOR, influence=5))
    context.stakeholders.set_manager(report.id, boss.id)
    context.stakeholders.add_link(report.id, boss.id, 3)
    context.stakeholders.set_attendance(review_id, Attendance(boss.id, attended=True))
    before = context.stakeholders.map(account.id)
    deleted = context.accounts.delete(account.id)
    context.accounts.restore(deleted)
    after = context.stakeholders.map(account.id)
    assert after.people == before.people
    assert after.links == before.links
    assert context.stakeholders.attendance(review_id) == [
        Attendance(boss.id, invited=True, confirmed=True, attended=True)]


# Email ----------------------------------------------------------------------------------------
def test_a_persons_email_is_stored_trimmed_and_survives_removal_and_restore(
        context: Any, svc: StakeholderService) -> None:
    acme = account(context)
    ana = svc.add_person(acme, person("Ana", email="  ana@acme.example "))
    assert svc.map(acme).person(ana.id).email == "ana@acme.example"
    svc.update_person(replace(svc.map(acme).person(ana.id), email="ana.ruiz@acme.example"))
    with session_scope(context.store.sessions) as session:
        row = session.get(ContactRow, ana.id)
        assert row is not None and row.email == "ana.ruiz@acme.example"
    svc.restore_person(svc.remove_person(ana.id))
    assert svc.map(acme).person(ana.id).email == "ana.ruiz@acme.example"


@pytest.mark.parametrize("address", ["ana at acme", "ana@", "@acme.example", "ana@acme",
                                     "a na@acme.example", "a" * 320 + "@acme.example"])
def test_an_address_that_is_not_one_is_refused_and_nothing_is_written(
        context: Any, svc: StakeholderService, address: str) -> None:
    acme = account(context)
    ana = svc.add_person(acme, person("Ana", email="ana@acme.example"))
    before = snapshot(context, svc, acme)
    with pytest.raises(ValidationFailed) as caught:
        svc.add_person(acme, person("Ben", email=address))
    assert "email" in caught.value.problems
    with pytest.raises(ValidationFailed) as caught:
        svc.update_person(replace(ana, title="changed", email=address))
    assert set(caught.value.problems) == {"email"}
    assert snapshot(context, svc, acme) == before


def test_an_imported_address_that_is_not_one_does_not_block_other_changes(
        context: Any, svc: StakeholderService) -> None:
    acme = account(context)
    contact = context.accounts.add_contact(acme, ContactDraft("Ana", email="ana (at) acme"))
    ana = svc.map(acme).person(contact)
    assert ana.email == "ana (at) acme"
    svc.update_person(replace(ana, title="CFO"))
    assert svc.map(acme).person(contact).title == "CFO"
    with pytest.raises(ValidationFailed):
        svc.update_person(replace(ana, email="ana at acme"))
    svc.update_person(replace(ana, email=""))
    assert svc.map(acme).person(contact).email == ""


# A newcomer's place on the map ----------------------------------------------------------------
def _clear(people: list[Stakeholder]) -> bool:
    """No two cards closer than the layouts' gaps."""
    from qbr_desktop.domain.stakeholder_layout import COLUMN_PITCH, ROW_PITCH

    places = [(p.x, p.y) for p in people if p.x is not None and p.y is not None]
    assert len(places) == len(people)
    return all(abs(a[0] - b[0]) >= COLUMN_PITCH or abs(a[1] - b[1]) >= ROW_PITCH
               for i, a in enumerate(places) for b in places[i + 1:])


def test_a_placed_newcomer_pins_the_laid_out_map_and_overlaps_nobody(
        context: Any, svc: StakeholderService) -> None:
    from qbr_desktop.domain.stakeholder_layout import org_chart

    acme = account(context)
    boss = svc.add_person(acme, person("Ana", level=ContactLevel.C_SUITE))
    for name in ("Ben", "Cy"):
        svc.add_person(acme, person(name, manager_id=boss.id))
    laid_out = org_chart(list(svc.map(acme).people)).positions
    newcomer = svc.add_person(acme, person("Dee"), place=True)
    stored = svc.map(acme)
    assert {p.id: (p.x, p.y) for p in stored.people if p.id != newcomer.id} == laid_out
    assert stored.person(newcomer.id) == newcomer
    assert _clear(list(stored.people))


def test_placed_newcomers_go_near_the_spot_asked_for_or_beside_their_managers_reports(
        context: Any, svc: StakeholderService) -> None:
    from qbr_desktop.domain.stakeholder_layout import ROW_PITCH

    acme = account(context)
    boss = svc.add_person(acme, person("Ana", x=0, y=0))
    report = svc.add_person(acme, person("Ben", manager_id=boss.id, x=0, y=ROW_PITCH))
    there = svc.add_person(acme, person("Cy"), place=True, near=(900.0, 40.0))
    assert (there.x, there.y) == (900.0, 40.0)
    added = [svc.add_person(acme, person(f"Report {n}", manager_id=boss.id), place=True)
             for n in range(3)]
    assert all(p.y == ROW_PITCH for p in added)  # in their manager's reports' row
    assert _clear([*svc.map(acme).people])
    assert svc.map(acme).person(report.id).x == 0

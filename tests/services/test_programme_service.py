"""The review card and the programme's figures, computed from what the other features
store (attendance, action items, the meeting timer, the prep plan, the register, metrics);
a deck's way to the CS manager is tests/services/test_deck_reviews.py."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.actions import ActionItem, ActionSide, ActionStatus
from qbr_desktop.domain.attendance import Signal
from qbr_desktop.domain.contacts import ContactDraft, ContactLevel, ReviewDraft, ReviewStatus
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.programme.metrics import Metric, Status
from qbr_desktop.domain.programme.review_health import Indicator, ReviewRecord
from qbr_desktop.domain.risks import RiskDraft, RiskKind
from qbr_desktop.domain.stakeholders import Attendance
from qbr_desktop.services.agendas import AgendaService
from qbr_desktop.services.plans import PlanService
from qbr_desktop.services.programme import ProgrammeError, ProgrammeService
from qbr_desktop.services.risks import RiskRegister

NOW = datetime(2026, 6, 20, 12, 0, tzinfo=UTC)
BERLIN = ZoneInfo("Europe/Berlin")
FIRST = datetime(2026, 1, 15, 10, 0, tzinfo=BERLIN)
SECOND = datetime(2026, 4, 14, 10, 0, tzinfo=BERLIN)


@dataclass
class Built:
    context: Any
    account_id: int
    first: int
    second: int
    people: dict[str, int]


def metrics(quarter: Quarter, adoption: float) -> list[MetricValue]:
    values = {"active_users": 200 * adoption, "licensed_seats": 200, "features_adopted": 20,
              "features_available": 40, "logins": 200 * adoption * 40, "support_tickets": 2,
              "csat": 4.2, "nps": 30, "exec_sponsor_engaged": 1}
    return [MetricValue(quarter, key, float(value)) for key, value in values.items()]


@pytest.fixture
def built(context: Any) -> Built:
    accounts = context.accounts
    account = accounts.create(AccountDraft(name="Acme & Söhne <GmbH>", arr=Decimal(120_000),
                                           csm_owner="Dana"))
    people = {name: accounts.add_contact(account.id, ContactDraft(name, level=level))
              for name, level in (("Cleo CEO", ContactLevel.C_SUITE),
                                  ("Dora Director", ContactLevel.DIRECTOR),
                                  ("李 娜", ContactLevel.MANAGER))}
    first = accounts.add_review(account.id, ReviewDraft(FIRST, "Europe/Berlin",
                                                        status=ReviewStatus.HELD))
    second = accounts.add_review(account.id, ReviewDraft(SECOND, "Europe/Berlin",
                                                         status=ReviewStatus.HELD))
    for review, names in ((first, ("Cleo CEO", "Dora Director")),
                          (second, ("Cleo CEO", "Dora Director", "李 娜"))):
        for name in names:
            context.stakeholders.set_attendance(review, Attendance(people[name],
                                                                   attended=True))
    # Prepared well ahead: every task ticked in March.
    plans = PlanService(context.store.sessions, clock=lambda: datetime(2026, 3, 1, tzinfo=UTC))
    plan = plans.plan_review(second)
    for task in plan.tasks:
        plans.set_done(task.id, True)
    # The meeting, timed: 100 minutes of a 90- or 60-minute slot, as the template says.
    clock = [0.0]
    agendas = AgendaService(context.store.sessions, clock=lambda: clock[0],
                            wall=lambda: SECOND.astimezone(UTC), boot=lambda: "boot")
    agendas.start(second)
    clock[0] = 100 * 60.0
    agendas.finish(second)
    # Commitments: three done, one open past its due date, one not due yet, one dropped.
    for text, side, status, due in (
            ("Send the SSO plan", ActionSide.OURS, ActionStatus.DONE, date(2026, 5, 1)),
            ("Share targets", ActionSide.THEIRS, ActionStatus.DONE, date(2026, 5, 1)),
            ("Name the pilot group", ActionSide.THEIRS, ActionStatus.DONE, None),
            ("Book the roadmap call", ActionSide.OURS, ActionStatus.OPEN, date(2026, 5, 2)),
            ("Renewal pricing", ActionSide.OURS, ActionStatus.OPEN, date(2026, 7, 1)),
            ("Old idea", ActionSide.THEIRS, ActionStatus.DROPPED, None)):
        context.agendas.add_action(account.id, ActionItem(0, text, side, due=due,
                                                          status=status, review_id=second))
    register = RiskRegister(context.store.sessions, context.insights,
                            clock=lambda: datetime(2026, 4, 16, 9, tzinfo=UTC))
    register.add(account.id, RiskDraft(RiskKind.OPPORTUNITY, "Second region", "", 4, 4))
    accounts.record_metrics(account.id, metrics(Quarter(2026, 1), 0.5)
                            + metrics(Quarter(2026, 2), 0.8))
    return Built(context, account.id, first, second, people)


def service(built: Built, now: datetime = NOW) -> ProgrammeService:
    return ProgrammeService(built.context.store.sessions, clock=lambda: now)


def test_the_card_computes_what_the_app_knows(built: Built) -> None:
    card = service(built).card(built.second)
    review = card.review
    assert review.account_name == "Acme & Söhne <GmbH>" and review.tier == "Strategic"
    assert review.held_on == date(2026, 4, 14)
    assert review.executives_present is True
    assert review.new_people == ("李 娜",)
    assert (review.actions.done, review.actions.counted, review.actions.pending) == (3, 4, 1)
    assert review.customer_actions == 2
    assert review.seconds_run == pytest.approx(6000.0)
    assert review.on_time is (review.slot_minutes is not None and review.slot_minutes >= 100)
    assert review.prep is not None and review.prep.prepared_early
    assert review.champion_aligned is True
    assert review.opportunities == 1
    assert review.health_before is not None and review.health_after is not None
    assert review.health_change is not None and review.health_change > 5
    assert review.health_shown and not review.value_shown
    signals = {r.indicator: r.signal for r in card.readings}
    assert signals == {Indicator.EXECUTIVE_ATTENDANCE: Signal.GREEN,
                       Indicator.PREPARATION: None, Indicator.ENGAGEMENT: None,
                       Indicator.FOLLOW_UP: Signal.RED,  # weeks without an answer
                       Indicator.ACTION_COMPLETION: Signal.YELLOW}  # 3 of 4 due


def test_the_first_review_counts_neither_way_for_new_people(built: Built) -> None:
    assert service(built).card(built.first).review.new_people is None


def test_recording_keeps_who_and_when_and_is_editable_later(built: Built) -> None:
    programme = service(built)
    card = programme.apply(built.second, {"preparation": "green", "engagement": "yellow",
                                          "followup": "2026-04-15", "survey": "9"}, by="Dana")
    assert card.review.record == ReviewRecord(Signal.GREEN, Signal.YELLOW, None,
                                              date(2026, 4, 15), 9, "Dana", NOW, version=1)
    signals = [r.signal for r in card.readings]
    assert signals == [Signal.GREEN, Signal.GREEN, Signal.YELLOW, Signal.GREEN, Signal.YELLOW]
    later = ProgrammeService(built.context.store.sessions,
                             clock=lambda: NOW + timedelta(days=1))
    changed = later.apply(built.second, {"survey": "7"}, by="Mia")
    assert changed.review.record.survey_score == 7
    assert changed.review.record.preparation is Signal.GREEN  # the rest is kept
    assert changed.review.record.recorded_by == "Mia"
    assert later.answered(built.second, None).review.record.answered_on is None


def test_a_refused_change_stores_nothing(built: Built) -> None:
    programme = service(built)
    programme.apply(built.second, {"survey": "9"}, by="Dana")
    with pytest.raises(ValidationFailed) as caught:
        programme.apply(built.second, {"preparation": "red", "survey": "12"}, by="Dana")
    assert set(caught.value.problems) == {"survey"}
    record = programme.stored_record(built.second)
    assert (record.preparation, record.survey_score) == (None, 9)
    with pytest.raises(ValidationFailed):  # answered before the meeting
        programme.answered(built.second, date(2026, 4, 1))


def test_a_future_review_has_no_card_and_a_past_planned_one_becomes_held(
        built: Built) -> None:
    accounts = built.context.accounts
    ahead = accounts.add_review(built.account_id, ReviewDraft(NOW + timedelta(days=3),
                                                              "Europe/Berlin"))
    with pytest.raises(ProgrammeError, match="not taken place yet"):
        service(built).card(ahead)
    past = accounts.add_review(built.account_id, ReviewDraft(NOW - timedelta(days=3),
                                                             "Europe/Berlin"))
    card = service(built).record(past, ReviewRecord(engagement=Signal.GREEN), by="Dana")
    assert card.status is ReviewStatus.HELD
    assert card.review.new_people is None  # no attendance recorded: not known


def test_the_programme_report_for_a_quarter_and_an_owner(built: Built) -> None:
    programme = service(built)
    programme.apply(built.second, {"survey": "9"}, by="Dana")
    report = programme.report(Quarter(2026, 2))
    assert [q.quarter for q in report.trend] == [Quarter(2026, 2).shifted(-i)
                                                 for i in range(5)]
    current = report.current
    assert [r.review_id for r in current.reviews] == [built.second]
    survey = current.of(Metric.SATISFACTION)
    assert survey.status is Status.NOT_ENOUGH_DATA and survey.value == 9
    assert survey.contributions[0].note.text() == "survey score 9"
    assert current.of(Metric.EXPANSION_FOUND).contributions[0].counts_towards
    assert report.trend[1].reviews[0].review_id == built.first
    strategic = next(line for line in report.cadence if line.tier == "Strategic")
    assert (strategic.due, strategic.complied) == ((built.account_id,), (built.account_id,))
    assert report.cadence_rate == 1
    assert report.maturity.reason.text().startswith("Basic: 2 review(s) held")
    assert report.owners == ("Dana",)
    assert set(report.reviews) == {built.first, built.second}
    nobody = programme.report(Quarter(2026, 2), owner="Someone else")
    assert nobody.current.reviews == () and nobody.cadence_rate is None


def test_recorded_by_is_who_you_said_you_are(built: Built) -> None:
    from qbr_desktop.services.identity import Identity, save_identity

    save_identity(Identity("Dana Whitfield", "dana@example.com"))
    card = service(built).apply(built.second, {"survey": "8"})
    assert card.review.record.recorded_by == "Dana Whitfield"


def test_a_card_saved_over_a_colleagues_newer_change_is_refused_or_kept(
        built: Built, colleague: Any) -> None:
    from qbr_desktop.store.errors import EditConflictError

    dana = service(built)
    seen = dana.apply(built.second, {"survey": "9"}, by="Dana").review.record
    sam = ProgrammeService(colleague.store.sessions, clock=lambda: NOW + timedelta(hours=1))
    sam.apply(built.second, {"preparation": "red", "survey": "6"}, by="Sam Rivera")
    with pytest.raises(EditConflictError) as caught:  # both changed the survey score
        dana.record(built.second, replace(seen, survey_score=10), by="Dana", seen=seen)
    assert "Sam Rivera changed the post-QBR survey score on the review card at" in str(
        caught.value)
    assert dana.stored_record(built.second).survey_score == 6
    # Another field: Sam's preparation and score stay, Dana's engagement lands.
    card = dana.record(built.second, replace(seen, engagement=Signal.GREEN), by="Dana",
                       seen=seen)
    record = card.review.record
    assert (record.preparation, record.engagement, record.survey_score) == (
        Signal.RED, Signal.GREEN, 6)


@pytest.fixture
def colleague(context: Any) -> Any:
    from qbr_desktop.services.context import AppContext

    other = AppContext.open(context.target)
    yield other
    other.close()

"""Demo accounts come with stakeholder maps a first-time user can explore."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from statistics import mean
from typing import Any

import pytest

from qbr_desktop.domain.attendance import is_executive
from qbr_desktop.domain.contacts import ContactLevel, ReviewStatus
from qbr_desktop.domain.stakeholder_coverage import coverage
from qbr_desktop.domain.stakeholders import DecisionRole, StakeholderMap
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo import build_demo_portfolio

TODAY = date(2026, 11, 23)
RULES = ("no_sponsor", "single_threaded", "influential_detractor", "key_person_departed")


def maps_of(context: Any) -> list[StakeholderMap]:
    return [context.stakeholders.map(a.id) for a in context.accounts.list_accounts()]


@pytest.fixture
def demo(demo_copy: Any) -> Any:
    context, summary = demo_copy(seed=7, today=TODAY)
    assert summary.stakeholders == summary.contacts
    return context


def test_every_account_has_six_to_twenty_five_people(demo: Any) -> None:
    maps = maps_of(demo)
    assert len(maps) == 24
    for stakeholders in maps:
        assert 6 <= len(stakeholders.people) <= 25
        assert all(p.x is None and p.y is None for p in stakeholders.people)
    assert sum(len(m.people) for m in maps) == build_summary_total(demo)
    strategic = [len(m.people) for m in maps if m.strategic]
    others = [len(m.people) for m in maps if not m.strategic]
    assert strategic and others and mean(strategic) > mean(others)


def build_summary_total(context: Any) -> int:
    return sum(len(context.stakeholders.map(a.id).people)
               for a in context.accounts.list_accounts())


def test_reports_to_lines_form_an_org_without_loops(demo: Any) -> None:
    for stakeholders in maps_of(demo):
        by_id = stakeholders.by_id
        for person in stakeholders.people:
            seen = {person.id}
            current = person.manager_id
            while current is not None:
                assert current in by_id, "a manager from another account"
                assert current not in seen, "a reporting loop"
                seen.add(current)
                current = by_id[current].manager_id
            # Managers are stored first, so restoring a deleted account can re-insert in order.
            assert person.manager_id is None or person.manager_id < person.id
        tops = [p for p in stakeholders.people if p.manager_id is None]
        assert any(p.level is ContactLevel.C_SUITE for p in tops)
        for link in stakeholders.links:
            assert link.source in by_id and link.target in by_id and link.source != link.target
        assert stakeholders.links


def test_coverage_rules_fire_somewhere_but_departures_are_rare(demo: Any) -> None:
    fired: Counter[str] = Counter()
    for stakeholders in maps_of(demo):
        fired.update({finding.rule for finding in coverage(stakeholders, TODAY)})
    for rule in RULES:
        assert fired[rule] >= 1, rule
    assert fired["key_person_departed"] <= 12


def test_people_look_like_a_real_account(demo: Any) -> None:
    people = [p for m in maps_of(demo) for p in m.people]
    departed = [p for p in people if p.departed]
    assert any(p.role is DecisionRole.CHAMPION for p in departed)
    influence = {level: mean(p.influence for p in people if p.level is level)
                 for level in ContactLevel}
    assert influence[ContactLevel.C_SUITE] > influence[ContactLevel.USER]
    sentiments = Counter(p.sentiment for p in people)
    assert sentiments[0] + sentiments[1] + sentiments[2] > 4 * (sentiments[-1] + sentiments[-2])
    assert sentiments[-1] + sentiments[-2] > 0
    ages = [(TODAY - p.last_contact).days for p in people if p.last_contact is not None]
    assert max(ages) <= 150 and any(age > 90 for age in ages) and min(ages) >= 0
    assert {p.owner.value for p in people} >= {"CSM", "account executive", "our executive"}
    assert all(p.owner_name for p in people if p.owner.value != "nobody")
    assert any(p.pre_aligned for p in people if p.role is DecisionRole.CHAMPION)
    assert sum(bool(p.priorities) for p in people) > len(people) / 2
    assert any(p.concerns for p in people)
    assert len({p.role for p in people}) >= 7


def test_attendance_is_recorded_with_and_without_executives(demo: Any) -> None:
    service = demo.stakeholders
    green = without = planned = 0
    for stakeholders in maps_of(demo):
        by_id = stakeholders.by_id
        for review in service.reviews(stakeholders.account_id):
            entries = service.attendance(review.review_id)
            if review.status is ReviewStatus.PLANNED:
                planned += bool(entries)
                assert not any(e.attended for e in entries)
                continue
            assert entries
            came = [by_id[e.person_id] for e in entries if e.attended]
            if any(is_executive(p) for p in came):
                green += 1
            else:
                without += 1
    assert green and without and planned


def signature(path: Path, seed: int) -> list[Any]:
    context = AppContext.open(DatabaseTarget(path=path))
    try:
        build_demo_portfolio(context, accounts=12, seed=seed, today=TODAY)
        return [[(p.name, p.role, p.manager_id, p.influence, p.last_contact, p.departed)
                 for p in m.people] for m in maps_of(context)]
    finally:
        context.close()


def test_the_same_seed_gives_the_same_maps(tmp_path: Path) -> None:
    first = signature(tmp_path / "a.sqlite", 5)
    assert first == signature(tmp_path / "b.sqlite", 5)
    assert first != signature(tmp_path / "c.sqlite", 6)

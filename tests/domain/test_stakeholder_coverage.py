"""Coverage findings on the stakeholder map: each rule firing, not firing, and the order."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholder_coverage import (
    RULES,
    Finding,
    Severity,
    coverage,
    findings_for,
    is_engaged,
)
from qbr_desktop.domain.stakeholders import DecisionRole, Stakeholder, StakeholderMap
from qbr_desktop.i18n import CHINESE, catalogue

TODAY = date(2026, 3, 16)
RECENT = TODAY - timedelta(days=10)
STALE = TODAY - timedelta(days=91)


def person(pid: int, name: str, role: DecisionRole = DecisionRole.USER, *,
           level: ContactLevel = ContactLevel.MANAGER, influence: int = 3, sentiment: int = 0,
           last_contact: date | None = RECENT, departed: bool = False,
           pre_aligned: bool = False) -> Stakeholder:
    return Stakeholder(id=pid, name=name, role=role, level=level, influence=influence,
                       sentiment=sentiment, last_contact=last_contact, departed=departed,
                       pre_aligned=pre_aligned)


def healthy_people() -> list[Stakeholder]:
    """A well-covered account: no rule fires on it, even when strategic."""
    return [
        person(1, "Sasha Sponsor", DecisionRole.EXECUTIVE_SPONSOR, level=ContactLevel.VP,
               influence=5, sentiment=1),
        person(2, "Cam Champion", DecisionRole.CHAMPION, influence=4, sentiment=2,
               pre_aligned=True),
        person(3, "Uri User"),
    ]


def run(people: list[Stakeholder], *, strategic: bool = False, today: date = TODAY,
        meeting_date: date | None = None) -> list[Finding]:
    return coverage(StakeholderMap(account_id=1, people=tuple(people), strategic=strategic),
                    today, meeting_date=meeting_date)


def rules(findings: list[Finding]) -> list[str]:
    return [finding.rule for finding in findings]


def only(findings: list[Finding], rule: str) -> Finding:
    matching = [finding for finding in findings if finding.rule == rule]
    assert len(matching) == 1, rules(findings)
    return matching[0]


def swap(people: list[Stakeholder], pid: int, **changes: object) -> list[Stakeholder]:
    return [replace(p, **changes) if p.id == pid else p for p in people]  # type: ignore[arg-type]


def test_a_healthy_strategic_map_has_no_findings() -> None:
    assert run(healthy_people(), strategic=True, meeting_date=TODAY + timedelta(days=3)) == []


class TestEngaged:
    def test_exactly_ninety_days_counts(self) -> None:
        assert is_engaged(person(1, "A", last_contact=TODAY - timedelta(days=90)), TODAY)

    def test_ninety_one_days_does_not(self) -> None:
        assert not is_engaged(person(1, "A", last_contact=STALE), TODAY)

    def test_never_contacted_or_departed_does_not(self) -> None:
        assert not is_engaged(person(1, "A", last_contact=None), TODAY)
        assert not is_engaged(person(1, "A", departed=True), TODAY)


class TestEmptyMap:
    def test_only_the_empty_map_finding(self) -> None:
        findings = run([], strategic=True, meeting_date=TODAY)
        assert rules(findings) == ["empty_map"]
        assert findings[0].severity is Severity.WARNING
        assert findings[0].people == ()

    def test_not_when_anyone_is_mapped(self) -> None:
        assert "empty_map" not in rules(run([person(1, "Ana")]))


class TestNoSponsor:
    def test_fires_without_a_sponsor(self) -> None:
        people = swap(healthy_people(), 1, role=DecisionRole.DECISION_MAKER)
        assert only(run(people), "no_sponsor").severity is Severity.RISK

    def test_a_departed_sponsor_does_not_count(self) -> None:
        people = swap(healthy_people(), 1, departed=True)
        assert "no_sponsor" in rules(run(people))

    def test_a_sponsor_out_of_touch_still_counts(self) -> None:
        people = swap(healthy_people(), 1, last_contact=None)
        assert "no_sponsor" not in rules(run(people))


class TestSingleThreaded:
    def test_fires_with_one_engaged_person_and_names_them(self) -> None:
        people = swap(swap(healthy_people(), 1, last_contact=STALE), 3, last_contact=None)
        finding = only(run(people), "single_threaded")
        assert finding.severity is Severity.RISK
        assert finding.people == (2,)
        assert "Cam Champion" in finding.message

    def test_fires_with_nobody_engaged(self) -> None:
        people = [replace(p, last_contact=STALE) for p in healthy_people()]
        assert only(run(people), "single_threaded").people == ()

    def test_not_with_two_engaged_people(self) -> None:
        people = swap(healthy_people(), 3, last_contact=None)
        assert "single_threaded" not in rules(run(people))

    def test_departed_people_do_not_count(self) -> None:
        people = swap(swap(healthy_people(), 1, departed=True), 3, departed=True)
        assert only(run(people), "single_threaded").people == (2,)

    def test_contact_exactly_ninety_days_ago_counts(self) -> None:
        edge = TODAY - timedelta(days=90)
        people = swap(swap(healthy_people(), 1, last_contact=edge), 3, last_contact=None)
        assert "single_threaded" not in rules(run(people))
        people = swap(people, 1, last_contact=edge - timedelta(days=1))
        assert "single_threaded" in rules(run(people))


class TestNoChampion:
    def test_fires_without_a_champion(self) -> None:
        people = swap(healthy_people(), 2, role=DecisionRole.INFLUENCER)
        assert only(run(people), "no_champion").severity is Severity.WARNING

    def test_a_departed_champion_does_not_count(self) -> None:
        assert "no_champion" in rules(run(swap(healthy_people(), 2, departed=True)))

    def test_not_with_a_champion(self) -> None:
        assert "no_champion" not in rules(run(healthy_people()))


class TestChampionNotPrealigned:
    def people(self) -> list[Stakeholder]:
        return swap(healthy_people(), 2, pre_aligned=False)

    def test_fires_before_the_meeting_and_says_when_it_is(self) -> None:
        finding = only(run(self.people(), meeting_date=TODAY + timedelta(days=5)),
                       "champion_not_prealigned")
        assert finding.severity is Severity.WARNING
        assert finding.people == (2,)
        assert "Cam Champion" in finding.message
        assert "in 5 days" in finding.message

    def test_fires_on_the_day(self) -> None:
        finding = only(run(self.people(), meeting_date=TODAY), "champion_not_prealigned")
        assert "today" in finding.message

    def test_names_every_unaligned_champion(self) -> None:
        people = [*self.people(), person(4, "Chris Second", DecisionRole.CHAMPION)]
        finding = only(run(people, meeting_date=TODAY + timedelta(days=1)),
                       "champion_not_prealigned")
        assert finding.people == (2, 4)
        assert "Cam Champion and Chris Second" in finding.message
        assert "tomorrow" in finding.message

    def test_not_after_the_meeting(self) -> None:
        findings = run(self.people(), meeting_date=TODAY - timedelta(days=1))
        assert "champion_not_prealigned" not in rules(findings)

    def test_not_without_a_meeting_date(self) -> None:
        assert "champion_not_prealigned" not in rules(run(self.people()))

    def test_not_when_aligned_or_departed(self) -> None:
        meeting = TODAY + timedelta(days=5)
        assert "champion_not_prealigned" not in rules(run(healthy_people(),
                                                          meeting_date=meeting))
        departed = swap(self.people(), 2, departed=True)
        assert "champion_not_prealigned" not in rules(run(departed, meeting_date=meeting))


class TestInfluentialDetractor:
    @pytest.mark.parametrize(("role", "sentiment"), [
        (DecisionRole.DETRACTOR, 0), (DecisionRole.BLOCKER, 1), (DecisionRole.USER, -1),
        (DecisionRole.DECISION_MAKER, -2),
    ])
    def test_fires_for_influence_four(self, role: DecisionRole, sentiment: int) -> None:
        people = [*healthy_people(), person(4, "Dana Doubter", role, influence=4,
                                            sentiment=sentiment)]
        finding = only(run(people), "influential_detractor")
        assert finding.severity is Severity.RISK
        assert finding.people == (4,)
        assert "Dana Doubter" in finding.message

    def test_not_for_influence_three(self) -> None:
        people = [*healthy_people(), person(4, "Dana Doubter", DecisionRole.BLOCKER,
                                            influence=3, sentiment=-2)]
        assert "influential_detractor" not in rules(run(people))

    def test_not_for_a_neutral_influencer(self) -> None:
        people = [*healthy_people(), person(4, "Ned Neutral", DecisionRole.INFLUENCER,
                                            influence=5, sentiment=0)]
        assert "influential_detractor" not in rules(run(people))

    def test_not_once_departed(self) -> None:
        people = [*healthy_people(), person(4, "Dana Doubter", DecisionRole.BLOCKER,
                                            influence=5, departed=True)]
        assert "influential_detractor" not in rules(run(people))

    def test_one_finding_lists_them_all(self) -> None:
        people = [*healthy_people(),
                  person(4, "Dana Doubter", DecisionRole.DETRACTOR, influence=5),
                  person(5, "Bob Blocker", DecisionRole.BLOCKER, influence=4)]
        finding = only(run(people), "influential_detractor")
        assert set(finding.people) == {4, 5}
        assert "Dana Doubter" in finding.message and "Bob Blocker" in finding.message


class TestNobodyContacted:
    def test_fires_when_no_one_was_contacted_in_ninety_days(self) -> None:
        people = [replace(p, last_contact=None if p.id == 3 else STALE)
                  for p in healthy_people()]
        findings = run(people)
        assert only(findings, "nobody_contacted").severity is Severity.RISK
        assert "key_people_stale" not in rules(findings)

    def test_a_departed_persons_recent_contact_does_not_count(self) -> None:
        people = [replace(p, last_contact=STALE) for p in healthy_people()]
        people.append(person(4, "Gone Person", departed=True, last_contact=RECENT))
        assert "nobody_contacted" in rules(run(people))

    def test_not_when_one_was_contacted_exactly_ninety_days_ago(self) -> None:
        people = [replace(p, last_contact=STALE) for p in healthy_people()]
        people = swap(people, 3, last_contact=TODAY - timedelta(days=90))
        assert "nobody_contacted" not in rules(run(people))


class TestKeyPeopleStale:
    def test_fires_for_an_influential_person_out_of_touch(self) -> None:
        people = swap(healthy_people(), 1, last_contact=STALE)
        finding = only(run(people), "key_people_stale")
        assert finding.severity is Severity.WARNING
        assert finding.people == (1,)
        assert "Sasha Sponsor" in finding.message
        assert "91 days ago" in finding.message

    def test_fires_for_someone_never_contacted(self) -> None:
        people = swap(healthy_people(), 2, last_contact=None)
        finding = only(run(people), "key_people_stale")
        assert "Cam Champion (never contacted)" in finding.message

    def test_not_at_exactly_ninety_days(self) -> None:
        people = swap(healthy_people(), 1, last_contact=TODAY - timedelta(days=90))
        assert "key_people_stale" not in rules(run(people))

    def test_not_for_influence_three(self) -> None:
        people = swap(healthy_people(), 3, last_contact=None)
        assert "key_people_stale" not in rules(run(people))

    def test_not_for_departed_people(self) -> None:
        people = [*healthy_people(), person(4, "Gone Person", influence=5, departed=True,
                                            last_contact=None)]
        assert "key_people_stale" not in rules(run(people))


class TestNoSeniorEngaged:
    def test_fires_on_a_strategic_account_and_names_the_senior_people(self) -> None:
        people = swap(healthy_people(), 1, last_contact=STALE)
        finding = only(run(people, strategic=True), "no_senior_engaged")
        assert finding.severity is Severity.RISK
        assert finding.people == (1,)
        assert "Sasha Sponsor" in finding.message

    def test_fires_with_nobody_senior_mapped(self) -> None:
        people = swap(healthy_people(), 1, level=ContactLevel.DIRECTOR)
        finding = only(run(people, strategic=True), "no_senior_engaged")
        assert finding.people == ()
        assert "above Director" in finding.message

    def test_a_director_is_not_enough(self) -> None:
        people = swap(healthy_people(), 1, level=ContactLevel.DIRECTOR)
        assert "no_senior_engaged" in rules(run(people, strategic=True))

    def test_a_c_suite_contact_is_enough(self) -> None:
        people = swap(healthy_people(), 1, level=ContactLevel.C_SUITE)
        assert "no_senior_engaged" not in rules(run(people, strategic=True))

    def test_not_on_an_account_that_is_not_strategic(self) -> None:
        people = swap(healthy_people(), 1, last_contact=STALE)
        assert "no_senior_engaged" not in rules(run(people))

    def test_a_departed_vp_does_not_count(self) -> None:
        people = swap(healthy_people(), 1, departed=True)
        assert "no_senior_engaged" in rules(run(people, strategic=True))


class TestKeyPersonDeparted:
    @pytest.mark.parametrize("role", [DecisionRole.CHAMPION, DecisionRole.EXECUTIVE_SPONSOR,
                                      DecisionRole.ECONOMIC_BUYER])
    def test_fires_for_each_key_role(self, role: DecisionRole) -> None:
        people = [*healthy_people(), person(4, "Lee Leaver", role, departed=True)]
        finding = only(run(people), "key_person_departed")
        assert finding.severity is Severity.RISK
        assert finding.people == (4,)
        assert "Lee Leaver" in finding.message
        assert role.value in finding.message
        assert "churn" in finding.message and "successor" in finding.message

    def test_one_finding_per_departed_person(self) -> None:
        people = [*healthy_people(),
                  person(4, "Lee Leaver", DecisionRole.CHAMPION, departed=True),
                  person(5, "Ann Gone", DecisionRole.ECONOMIC_BUYER, departed=True)]
        findings = [f for f in run(people) if f.rule == "key_person_departed"]
        assert [f.people for f in findings] == [(5,), (4,)]

    def test_not_for_other_roles_or_people_still_there(self) -> None:
        people = [*healthy_people(),
                  person(4, "Ivy Influencer", DecisionRole.INFLUENCER, departed=True)]
        assert "key_person_departed" not in rules(run(people))
        assert "key_person_departed" not in rules(run(healthy_people()))


def test_risks_come_first_then_warnings_each_in_rule_order() -> None:
    people = [
        person(1, "Lee Leaver", DecisionRole.CHAMPION, departed=True),
        person(2, "Dana Doubter", DecisionRole.DETRACTOR, influence=5, last_contact=STALE),
        person(3, "Ken Quiet", influence=4, last_contact=None),
    ]
    findings = run(people, strategic=True, meeting_date=TODAY)
    assert rules(findings) == [
        "no_sponsor", "single_threaded", "influential_detractor", "nobody_contacted",
        "no_senior_engaged", "key_person_departed", "no_champion",
    ]
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=lambda s: s is Severity.WARNING)


def test_warnings_keep_rule_order() -> None:
    people = [person(1, "Sasha Sponsor", DecisionRole.EXECUTIVE_SPONSOR, influence=5,
                     last_contact=STALE),
              person(2, "Uri User"), person(3, "Ula User")]
    findings = run(people, meeting_date=TODAY)
    assert rules(findings) == ["no_champion", "key_people_stale"]
    assert [RULES.index(r) for r in rules(findings)] == sorted(
        RULES.index(r) for r in rules(findings))


def test_every_message_names_the_people_it_is_about() -> None:
    people = [
        person(1, "Lee Leaver", DecisionRole.EXECUTIVE_SPONSOR, departed=True),
        person(2, "Dana Doubter", DecisionRole.BLOCKER, influence=5, sentiment=-2),
        person(3, "Cam Champion", DecisionRole.CHAMPION, level=ContactLevel.VP,
               last_contact=None, influence=4),
        person(4, "Ken Quiet", influence=4, last_contact=STALE),
    ]
    findings = run(people, strategic=True, meeting_date=TODAY + timedelta(days=2))
    assert {"single_threaded", "champion_not_prealigned", "influential_detractor",
            "key_people_stale", "no_senior_engaged", "key_person_departed"} <= set(
        rules(findings))
    names = {p.id: p.name for p in people}
    for finding in findings:
        for pid in finding.people:
            assert names[pid] in finding.message, finding
        assert finding.message.endswith(".")


def test_findings_for_a_person() -> None:
    people = [*healthy_people(),
              person(4, "Dana Doubter", DecisionRole.DETRACTOR, influence=5,
                     last_contact=None)]
    findings = run(people)
    assert rules(findings_for(findings, 4)) == ["influential_detractor", "key_people_stale"]
    assert findings_for(findings, 3) == []


def test_a_long_list_of_people_names_six_and_counts_the_rest() -> None:
    crowd = tuple(Stakeholder(n, f"Person {n:02d}", role=DecisionRole.DETRACTOR, influence=5,
                              last_contact=date(2026, 11, 1)) for n in range(1, 21))
    findings = coverage(StakeholderMap(1, crowd), date(2026, 11, 23))
    detractors = next(f for f in findings if f.rule == "influential_detractor")
    assert "Person 05" in detractors.message and "and 15 others" in detractors.message
    assert "Person 06" not in detractors.message
    assert len(detractors.people) == 20  # the map still highlights them all


def test_findings_read_in_chinese_with_names_as_typed() -> None:
    zh = catalogue(CHINESE)
    people = [person(1, "王芳 <CFO>", DecisionRole.CHAMPION, departed=True),
              person(2, "Dana & Co", DecisionRole.DETRACTOR, influence=5),
              person(3, "Bob", DecisionRole.BLOCKER, influence=4),
              person(4, "Sasha", DecisionRole.EXECUTIVE_SPONSOR, level=ContactLevel.VP,
                     last_contact=STALE)]
    words = {f.rule: f.words.render(zh) for f in run(people, strategic=True)}
    assert words["key_person_departed"].startswith("你的内部倡导者王芳 <CFO>已离开")
    assert words["influential_detractor"].startswith(
        "Bob（阻碍者，影响力 4）和Dana & Co（反对者，影响力 5）可能使决策对你不利")
    assert "请联系Sasha（副总裁，上次联系在 91 天前）。" in words["no_senior_engaged"]
    english = {f.rule: f.message for f in run(people, strategic=True)}
    assert "your champion, has left" in english["key_person_departed"]
    assert "Sasha (VP, last contacted 91 days ago)" in english["no_senior_engaged"]
    crowd = [person(n, f"P{n}", DecisionRole.DETRACTOR, influence=5) for n in range(1, 9)]
    crowded = next(f for f in run(crowd) if f.rule == "influential_detractor")
    assert "P1（反对者，影响力 5）、P2（" in crowded.words.render(zh)
    assert "及其他 3 人可能" in crowded.words.render(zh)

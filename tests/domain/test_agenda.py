"""Agenda templates, the forward/backward balance, the CSM's warnings and the hard refusals."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

import pytest

from qbr_desktop.domain.agenda import (
    DIGITAL_30,
    EBR_90,
    QBR_60,
    RUN_SHEET_45,
    TEMPLATES,
    Agenda,
    AgendaSection,
    Focus,
    SectionOwner,
    check_agenda,
    new_key,
    template_for_tier,
    validate_agenda,
    with_section,
)
from qbr_desktop.domain.errors import ValidationFailed

CSM, CUSTOMER, JOINT = SectionOwner.CSM, SectionOwner.CUSTOMER, SectionOwner.JOINT


def shape(agenda: Agenda) -> list[tuple[str, int, SectionOwner]]:
    return [(s.title, s.minutes, s.owner) for s in agenda.sections]


def sections(count: int, minutes: int = 1) -> tuple[AgendaSection, ...]:
    return tuple(AgendaSection(f"s{i}", f"Section {i}", minutes) for i in range(count))


# Templates -------------------------------------------------------------------------------

def test_the_60_minute_qbr_matches_the_reference() -> None:
    agenda = TEMPLATES[QBR_60]
    assert agenda.slot_minutes == 60
    assert shape(agenda) == [
        ("Opening", 5, CSM), ("Business context", 10, CUSTOMER), ("Value review", 15, JOINT),
        ("Strategic discussion", 20, JOINT), ("Action planning", 8, JOINT), ("Close", 2, CSM)]
    assert agenda.total_minutes == 60


def test_the_45_minute_run_sheet_plus_q_and_a_fills_an_hour() -> None:
    agenda = TEMPLATES[RUN_SHEET_45]
    assert [s.minutes for s in agenda.sections] == [5, 10, 8, 8, 8, 6, 15]
    assert sum(s.minutes for s in agenda.sections[:-1]) == 45
    assert agenda.sections[-1].title == "Q&A and discussion"
    assert (agenda.total_minutes, agenda.slot_minutes) == (60, 60)


def test_the_ebr_and_digital_templates_fill_their_slots() -> None:
    ebr, digital = TEMPLATES[EBR_90], TEMPLATES[DIGITAL_30]
    assert [s.minutes for s in ebr.sections] == [5, 15, 20, 25, 10, 10, 5]
    assert (ebr.total_minutes, ebr.slot_minutes) == (90, 90)
    assert [s.minutes for s in digital.sections] == [3, 8, 7, 8, 4]
    assert (digital.total_minutes, digital.slot_minutes) == (30, 30)


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_every_template_is_valid_with_unique_keys_and_its_own_name(name: str) -> None:
    agenda = TEMPLATES[name]
    validate_agenda(agenda)
    assert agenda.template == name
    assert len({s.key for s in agenda.sections}) == len(agenda.sections)
    assert all(s.prompt for s in agenda.sections)


@pytest.mark.parametrize(("tier", "name", "slot"), [
    ("Strategic", QBR_60, 60), ("Enterprise", QBR_60, 60), ("Growth", RUN_SHEET_45, 60),
    ("Mid-Market", RUN_SHEET_45, 60), ("Core", DIGITAL_30, 30), ("SMB", DIGITAL_30, 30),
    ("Tech-Touch", DIGITAL_30, 30), ("", DIGITAL_30, 30)])
def test_template_for_tier(tier: str, name: str, slot: int) -> None:
    agenda = template_for_tier(tier)
    assert (agenda.template, agenda.slot_minutes) == (name, slot)


# The forward share -----------------------------------------------------------------------

def test_forward_share_of_the_60_minute_template() -> None:
    agenda = TEMPLATES[QBR_60]
    # Business context 10 + strategic 20 + action planning 8 forward; value review 15 back.
    assert agenda.minutes_with(Focus.FORWARD) == 38
    assert agenda.minutes_with(Focus.BACKWARD) == 15
    assert agenda.minutes_with(Focus.NEUTRAL) == 7
    assert agenda.forward_share == Decimal(38) / Decimal(53)


def test_forward_share_of_the_other_templates() -> None:
    assert TEMPLATES[RUN_SHEET_45].forward_share == Decimal(37) / Decimal(55)  # 8+8+6+15 / +18
    assert TEMPLATES[EBR_90].forward_share == Decimal(60) / Decimal(80)
    assert TEMPLATES[DIGITAL_30].forward_share == Decimal(12) / Decimal(27)


def test_forward_share_is_none_without_a_focused_section() -> None:
    agenda = Agenda("x", 10, (AgendaSection("a", "A", 10),))
    assert agenda.forward_share is None
    assert Agenda("x", 10, ()).forward_share is None


# check_agenda ----------------------------------------------------------------------------

class Shown(NamedTuple):
    """A check as the window shows it in English."""

    ok: bool
    message: str


def checked(agenda: Agenda, *target: Decimal) -> list[Shown]:
    return [Shown(c.ok, str(c.message)) for c in check_agenda(agenda, *target)]


def test_the_60_minute_template_checks_clean() -> None:
    assert checked(TEMPLATES[QBR_60]) == [
        Shown(True, "60 minutes, exactly the booked slot."),
        Shown(True, "72% of the discussion looks forward, 28% back "
                          "(aim for at least 60/40)."),
    ]


def test_over_the_slot_names_the_minutes_over() -> None:
    agenda = replace(TEMPLATES[QBR_60], slot_minutes=50)
    first = checked(agenda)[0]
    assert first == Shown(False, "The sections add up to 60 minutes, 10 more than the "
                                       "50-minute slot: shorten something or the last sections "
                                       "will be squeezed.")


def test_under_the_slot_counts_the_spare_minutes() -> None:
    agenda = replace(TEMPLATES[QBR_60], slot_minutes=75)
    assert checked(agenda)[0] == Shown(
        True, "60 of 75 minutes planned: 15 minutes spare for questions.")


def test_forward_share_against_the_60_and_70_targets() -> None:
    run_sheet = TEMPLATES[RUN_SHEET_45]  # 37/55 = 67.3 %
    at_60 = checked(run_sheet, Decimal("0.60"))[1]
    at_70 = checked(run_sheet, Decimal("0.70"))[1]
    assert at_60 == Shown(True, "67% of the discussion looks forward, 33% back "
                                      "(aim for at least 60/40).")
    assert at_70 == Shown(False, "67% of the discussion looks forward, 33% back "
                                       "(aim for at least 70/30).")
    # 38/53 = 71.7 % meets both targets.
    assert checked(TEMPLATES[QBR_60], Decimal("0.70"))[1].ok
    # 12/27 = 44.4 % meets neither.
    digital = checked(TEMPLATES[DIGITAL_30])[1]
    assert digital == Shown(False, "44% of the discussion looks forward, 56% back "
                                         "(aim for at least 60/40).")


def test_forward_share_exactly_on_the_target_passes() -> None:
    agenda = Agenda("x", 10, (AgendaSection("f", "Ahead", 6, focus=Focus.FORWARD),
                              AgendaSection("b", "Back", 4, focus=Focus.BACKWARD)))
    assert checked(agenda, Decimal("0.60"))[1] == Shown(
        True, "60% of the discussion looks forward, 40% back (aim for at least 60/40).")
    assert not checked(agenda, Decimal("0.70"))[1].ok


def test_no_focus_marked_is_a_warning() -> None:
    agenda = Agenda("x", 10, (AgendaSection("a", "A", 10),))
    assert checked(agenda)[1] == Shown(
        False, "No section looks forward or back: mark each section's focus to check the "
               "balance.")


def test_zero_minute_sections_are_named() -> None:
    agenda = TEMPLATES[QBR_60]
    agenda = with_section(agenda, 1, replace(agenda.sections[1], minutes=0))
    agenda = with_section(agenda, 5, replace(agenda.sections[5], minutes=0))
    checks = checked(agenda)
    assert Shown(False, "No time is given to: Business context, Close.") in checks
    assert checks[0] == Shown(True, "48 of 60 minutes planned: 12 minutes spare for "
                                          "questions.")


def test_forty_sections_is_crowded() -> None:
    agenda = Agenda("x", 60, sections(40))
    checks = checked(agenda)
    assert checks[0] == Shown(True, "40 of 60 minutes planned: 20 minutes spare for "
                                          "questions.")
    assert checks[-1] == Shown(False, "40 sections in 40 minutes is under three minutes "
                                            "each: merge some.")


def test_three_minutes_a_section_is_not_crowded() -> None:
    checks = checked(Agenda("x", 60, sections(20, 3)))
    assert not any("merge some" in str(c.message) for c in checks)


def test_no_sections() -> None:
    assert checked(Agenda("x", 60, ())) == [Shown(False, "The agenda has no sections yet.")]


# validate_agenda -------------------------------------------------------------------------

def refusal(agenda: Agenda) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        validate_agenda(agenda)
    return caught.value.problems


def one(section: AgendaSection, slot: int = 60) -> Agenda:
    return Agenda("x", slot, (AgendaSection("first", "First", 5), section))


def test_negative_minutes_are_refused_naming_the_section() -> None:
    problems = refusal(one(AgendaSection("demo", "Demo", -1)))
    assert problems == {"sections[1].minutes": "“Demo” is -1 minutes; a section takes 0 to 240"}


def test_241_minutes_are_refused_and_240_accepted() -> None:
    problems = refusal(one(AgendaSection("demo", "Demo", 241), slot=480))
    assert problems == {"sections[1].minutes": "“Demo” is 241 minutes; a section takes 0 to 240"}
    validate_agenda(one(AgendaSection("demo", "Demo", 240), slot=480))
    validate_agenda(one(AgendaSection("demo", "Demo", 0)))


def test_non_integer_minutes_are_refused() -> None:
    assert "sections[1].minutes" in refusal(one(AgendaSection("d", "Demo", True)))  # type: ignore[arg-type]
    assert "sections[1].minutes" in refusal(one(AgendaSection("d", "Demo", 2.5)))  # type: ignore[arg-type]


def test_empty_and_blank_titles_are_refused() -> None:
    assert refusal(one(AgendaSection("d", "", 5))) == {
        "sections[1].title": "Section 2 needs a title"}
    assert refusal(one(AgendaSection("d", "   ", 5))) == {
        "sections[1].title": "Section 2 needs a title"}


def test_a_201_character_title_is_refused_and_200_accepted() -> None:
    assert refusal(one(AgendaSection("d", "x" * 201, 5))) == {
        "sections[1].title": "Section 2's title is 201 characters; the limit is 200"}
    validate_agenda(one(AgendaSection("d", "x" * 200, 5)))


def test_duplicate_keys_are_refused() -> None:
    problems = refusal(one(AgendaSection("first", "Another", 5)))
    assert problems == {"sections": "Two sections share a key"}


@pytest.mark.parametrize("slot", [0, 481, -5])
def test_slot_outside_1_to_480_is_refused(slot: int) -> None:
    problems = refusal(Agenda("x", slot, sections(1)))
    assert problems == {"slot_minutes": f"The booked slot is {slot} minutes; it must be 1 to 480"}


def test_slot_bounds_1_and_480_are_accepted() -> None:
    validate_agenda(Agenda("x", 1, sections(1)))
    validate_agenda(Agenda("x", 480, sections(1)))


def test_61_sections_are_refused_and_60_accepted() -> None:
    assert refusal(Agenda("x", 480, sections(61))) == {
        "sections": "61 sections is more than a meeting can hold (the limit is 60)"}
    validate_agenda(Agenda("x", 480, sections(60)))


def test_several_problems_are_reported_together() -> None:
    agenda = Agenda("x", 0, (AgendaSection("a", "", -3), AgendaSection("b", "B", 300)))
    problems = refusal(agenda)
    assert set(problems) == {"slot_minutes", "sections[0].title", "sections[0].minutes",
                             "sections[1].minutes"}
    assert problems["sections[1].minutes"].startswith("“B” is 300 minutes")


def test_an_empty_agenda_is_not_refused() -> None:
    # The docstring says "no sections" is refused; the implementation only warns (check_agenda).
    validate_agenda(Agenda("x", 60, ()))


# new_key ---------------------------------------------------------------------------------

def test_new_key_slugs_ascii_titles() -> None:
    assert new_key("Value Review!", []) == "value-review"
    assert new_key("  Q3 roadmap — next steps  ", []) == "q3-roadmap-next-steps"
    assert new_key("A" * 50, []) == "a" * 30


def test_new_key_for_cjk_and_emoji_titles() -> None:
    assert new_key("会議のまとめ", []) == "section"
    assert new_key("🚀🎉", ["section"]) == "section-2"
    assert new_key("🚀 Launch plan", []) == "launch-plan"
    assert new_key("ロードマップ Q3", []) == "q3"


def test_new_key_is_unique_however_many_titles_collapse_to_the_same_slug() -> None:
    taken: list[str] = []
    for title in ["会議", "🚀", "議題", "😀😀", "", "   ", "Section", "section"]:
        taken.append(new_key(title, taken))
    assert taken == ["section", "section-2", "section-3", "section-4", "section-5",
                     "section-6", "section-7", "section-8"]
    assert len(set(taken)) == len(taken)


def test_new_key_suffixes_a_taken_ascii_key() -> None:
    assert new_key("Close", ["close", "close-2"]) == "close-3"
    assert new_key("Close", ["close-2"]) == "close"

"""Playbook files: the shipped ones, the model, and every validation message with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from qbr_desktop.domain.playbooks import (
    Feature,
    OwnerRole,
    Phase,
    PlaybookError,
    PlaybookProblem,
    parse_playbook,
)

PLAYBOOKS = Path(__file__).resolve().parents[2] / "resources" / "playbooks"

# Line numbers below refer to this text: keep it in step with the tests.
VALID = """\
name = "Small"
tier = "Core"
description = "Two tasks"
preparation_days = 5

[[tasks]]
key = "snapshot"
phase = "data gathering"
offset = -5
title = "Snapshot"
description = "Look at health"
owner = "CSM"
outputs = ["Snapshot"]
feature = "health"

[[tasks]]
key = "deck"
phase = "content & stakeholders"
offset = -2
title = "Deck"
description = "Build it"
owner = "CSM"
after = ["snapshot"]
"""


def _problems(text: str, source: str = "core.toml") -> list[str]:
    with pytest.raises(PlaybookError) as caught:
        parse_playbook(text, source)
    assert str(caught.value) == "\n".join(str(p) for p in caught.value.problems)
    return [str(problem) for problem in caught.value.problems]


def _edited(old: str, new: str, text: str = VALID) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


# --- shipped playbooks ----------------------------------------------------------------


@pytest.mark.parametrize(("file", "tier", "days"),
                         [("strategic.toml", "Strategic", 15),
                          ("growth.toml", "Growth", 10),
                          ("core.toml", "Core", 5)])
def test_shipped_playbooks_span_the_cycle_of_their_tier(file: str, tier: str,
                                                        days: int) -> None:
    playbook = parse_playbook((PLAYBOOKS / file).read_text(encoding="utf-8"), file)

    assert playbook.tier == tier
    assert playbook.preparation_days == days  # 3 weeks, 2 weeks, 1 week of working days
    assert min(task.offset for task in playbook.tasks) == -days
    assert playbook.follow_up_days == 10  # weeks 1-2 after the meeting
    assert any(task.phase == Phase.FOLLOW_UP and task.offset == 1 for task in playbook.tasks)
    assert max(task.offset for task in playbook.tasks) == 10


def test_the_strategic_playbook_follows_the_day_by_day_plan() -> None:
    playbook = parse_playbook((PLAYBOOKS / "strategic.toml").read_text(encoding="utf-8"),
                              "strategic.toml")
    offsets = {task.key: task.offset for task in playbook.tasks}

    assert len(playbook.tasks) >= 15
    assert offsets["send-invitation"] <= -10  # two to three weeks ahead
    assert offsets["health-review"] == -14  # days 1-2 of 15
    assert offsets["book-pre-call"] == -5  # one week ahead
    assert offsets["manager-review"] <= -3  # preparation finished 3+ days ahead
    assert offsets["champion-pre-call"] == -3  # day 13
    assert offsets["final-logistics"] == -2  # day 14
    assert offsets["send-final-deck"] == -1  # 24 hours ahead
    assert playbook.task("manager-review").owner == OwnerRole.CS_MANAGER
    assert playbook.task("expansion-positioning").owner == OwnerRole.ACCOUNT_EXECUTIVE
    assert playbook.task("roi-value").feature == Feature.ROI
    assert {task.phase for task in playbook.tasks} == set(Phase)


def test_a_valid_playbook_becomes_frozen_objects() -> None:
    playbook = parse_playbook(VALID, "small.toml")

    assert (playbook.name, playbook.tier, playbook.preparation_days) == ("Small", "Core", 5)
    assert playbook.follow_up_days == 10 and playbook.source == "small.toml"
    snapshot, deck = playbook.tasks
    assert snapshot.outputs == ("Snapshot",) and snapshot.feature == Feature.HEALTH
    assert deck.after == ("snapshot",) and deck.feature is None and deck.outputs == ()
    assert snapshot.before_meeting
    with pytest.raises(AttributeError):
        deck.offset = 3  # type: ignore[misc]
    with pytest.raises(KeyError):
        playbook.task("nope")


def test_cjk_emoji_and_markup_characters_survive() -> None:
    text = _edited('title = "Deck"', 'title = "準備 📊 <Deck> & “Q3”"')

    assert parse_playbook(text, "x.toml").task("deck").title == "準備 📊 <Deck> & “Q3”"


# --- syntax and field errors, each with its line --------------------------------------


def test_toml_syntax_errors_keep_their_line() -> None:
    text = _edited('offset = -2', 'offset = ')

    assert _problems(text) == ["core.toml, line 19: not valid TOML: Invalid value (column 10)"]


def test_an_error_at_the_end_of_the_file_points_at_the_last_line() -> None:
    assert _problems('name = "Small"\ntier = "x') == [
        "core.toml, line 2: not valid TOML: Unterminated string (at the end of the file)"]


def test_unknown_owner_role_names_the_role_and_the_choices() -> None:
    text = _edited('owner = "CSM"\nafter', 'owner = "intern"\nafter')

    assert _problems(text) == [
        "core.toml, line 22: task “deck” has unknown owner role “intern” (expected one of: "
        "CSM, CS manager, account executive, executive sponsor)"]


def test_unknown_phase_feature_and_tier() -> None:
    text = _edited('phase = "data gathering"', 'phase = "research"')
    text = _edited('feature = "health"', 'feature = "crm"', text)
    text = _edited('tier = "Core"', 'tier = "Gold"', text)

    problems = _problems(text)
    assert problems[0].startswith("core.toml, line 2: the playbook has unknown tier “Gold”")
    assert problems[1].startswith("core.toml, line 8: task “snapshot” has unknown phase "
                                  "“research” (expected one of: data gathering,")
    assert problems[2].startswith("core.toml, line 14: task “snapshot” has unknown feature “crm”")
    assert len(problems) == 3


def test_wrong_types_are_named() -> None:
    text = _edited('offset = -5', 'offset = "-5"')
    text = _edited('outputs = ["Snapshot"]', 'outputs = "Snapshot"', text)
    text = _edited('preparation_days = 5', 'preparation_days = true', text)

    assert _problems(text) == [
        "core.toml, line 4: the playbook has “preparation_days” = True, which is not a "
        "whole number",
        "core.toml, line 9: task “snapshot” has “offset” = '-5', which is not a whole number",
        "core.toml, line 13: task “snapshot” has “outputs” = 'Snapshot', which is not a "
        "list of texts"]


def test_missing_fields_point_at_the_task_header() -> None:
    text = _edited('title = "Deck"\n', '')
    text = _edited('name = "Small"\n', '', text)

    assert _problems(text) == ["core.toml: the playbook is missing “name”",
                               "core.toml, line 15: task “deck” is missing “title”"]


def test_unknown_fields_and_bad_keys() -> None:
    text = _edited('owner = "CSM"\noutputs', 'ownr = "CSM"\noutputs')
    text = _edited('key = "deck"', 'key = "Deck Build"', text)

    problems = _problems(text)
    assert problems[0].startswith("core.toml, line 12: task “snapshot” has an unknown field "
                                  "“ownr” (known fields: key, phase,")
    assert problems[1] == "core.toml, line 6: task “snapshot” is missing “owner”"
    assert problems[2] == ("core.toml, line 17: task “Deck Build” has a key with characters "
                           "other than lowercase letters, digits, “-” and “_”")


def test_empty_title_and_no_tasks() -> None:
    assert _problems(_edited('title = "Deck"', 'title = "  "')) == [
        "core.toml, line 20: task “deck” has an empty “title”"]
    header = VALID.split("[[tasks]]")[0]
    assert _problems(header + "tasks = []\n") == ["core.toml, line 6: the playbook has no tasks"]
    assert _problems(header) == ["core.toml: the playbook is missing “tasks”"]


def test_preparation_days_out_of_range() -> None:
    assert _problems(_edited("preparation_days = 5", "preparation_days = 0")) == [
        "core.toml, line 4: “preparation_days” must be between 1 and 65 working days, not 0"]


# --- rules across tasks -------------------------------------------------------------------


def test_duplicate_keys_name_the_first_use() -> None:
    text = _edited('key = "deck"', 'key = "snapshot"')

    assert _problems(text) == [
        "core.toml, line 17: task key “snapshot” is already used by task 1 (line 6)"]


def test_dependencies_must_name_existing_tasks() -> None:
    text = _edited('after = ["snapshot"]', 'after = ["snapshot", "kickoff"]')

    assert _problems(text) == ["core.toml, line 23: task “deck” depends on “kickoff”, which "
                               "is not a task in this playbook"]


def test_a_dependency_on_a_broken_task_is_not_reported_twice() -> None:
    text = _edited('owner = "CSM"\noutputs', 'owner = "boss"\noutputs')

    assert len(_problems(text)) == 1


def test_dependency_circles_are_named() -> None:
    text = _edited('feature = "health"', 'feature = "health"\nafter = ["deck"]')
    text = _edited('offset = -2', 'offset = -5', text)

    assert _problems(text) == ["core.toml, line 15: tasks depend on each other in a circle: "
                               "snapshot → deck → snapshot"]


def test_a_task_depending_on_itself_is_a_circle() -> None:
    text = _edited('after = ["snapshot"]', 'after = ["deck"]')

    assert _problems(text) == ["core.toml, line 23: tasks depend on each other in a circle: "
                               "deck → deck"]


def test_a_task_due_before_what_it_waits_for() -> None:
    text = _edited('offset = -2', 'offset = -5')
    text = _edited('offset = -5\ntitle = "Snapshot"', 'offset = -3\ntitle = "Snapshot"', text)

    assert _problems(text) == ["core.toml, line 19: task “deck” (offset -5) is due before "
                               "“snapshot” (offset -3), which it depends on"]


def test_offsets_stay_inside_the_cycle_and_phases_match_the_side_of_the_meeting() -> None:
    text = _edited("offset = -5", "offset = -6")
    text = _edited('phase = "content & stakeholders"\noffset = -2',
                   'phase = "content & stakeholders"\noffset = 11', text)

    assert _problems(text) == [
        "core.toml, line 9: task “snapshot” is due 6 working days before the meeting, earlier "
        "than the 5-day preparation cycle starts",
        "core.toml, line 19: task “deck” is due 11 working days after the meeting, later than "
        "the 10-day follow-up ends",
        "core.toml, line 19: task “deck” is a “content & stakeholders” task due after the "
        "meeting (offset 11); use the follow-up phase"]


def test_a_follow_up_task_before_the_meeting() -> None:
    text = _edited('phase = "content & stakeholders"', 'phase = "follow-up"')

    assert _problems(text) == ["core.toml, line 19: task “deck” is a follow-up task due "
                               "before the meeting (offset -2)"]


def test_all_problems_of_a_file_come_together() -> None:
    text = _edited('owner = "CSM"\nafter', 'owner = "intern"\nafter')
    text = _edited('phase = "data gathering"', 'phase = "research"', text)
    text = _edited('description = "Two tasks"', 'description = 3', text)

    assert [p.split(":")[0] for p in _problems(text)] == [
        "core.toml, line 3", "core.toml, line 8", "core.toml, line 22"]


def test_problem_without_a_line() -> None:
    assert str(PlaybookProblem("a.toml", None, "broken")) == "a.toml: broken"
    assert str(PlaybookProblem("a.toml", 7, "broken")) == "a.toml, line 7: broken"


def test_inline_task_tables_fall_back_to_the_tasks_line() -> None:
    text = ('name = "x"\ntier = "Core"\ndescription = ""\npreparation_days = 5\n'
            'tasks = [{ key = "a", phase = "data gathering", offset = -1, title = "A", '
            'description = "", owner = "nobody" }]\n')

    assert _problems(text)[0].startswith("core.toml, line 5: task “a” has unknown owner role")


def test_a_single_tasks_table_is_located_by_its_header() -> None:
    text = VALID.split("[[tasks]]")[0] + '[tasks]\nkey = "a"\n'

    assert _problems(text) == [
        "core.toml, line 6: the playbook has “tasks” = {'key': 'a'}, which is not a list of "
        "[[tasks]] tables"]


def test_unknown_fields_are_reported_in_file_order() -> None:
    text = _edited('owner = "CSM"\noutputs', 'owner = "CSM"\nzeta = 1\nalpha = 2\noutputs')

    zeta, alpha = _problems(text)
    assert zeta.startswith("core.toml, line 13: task “snapshot” has an unknown field “zeta”")
    assert alpha.startswith("core.toml, line 14: task “snapshot” has an unknown field “alpha”")


def test_the_toml_readers_reasons_read_in_chinese() -> None:
    from qbr_desktop.domain.playbooks import PlaybookError, parse_playbook
    from qbr_desktop.i18n import CHINESE, catalogue

    for text, chinese in (('name = "x"\ntier = \n', "值无效"),
                          ('name = "x', "字符串未结束"),
                          ('name = "x\n', "非法字符 '\\n'"),
                          ('name = "x"\n[tasks\n', "表声明的末尾应为“]”")):
        try:
            parse_playbook(text, "core.toml")
        except PlaybookError as error:
            shown = [p.describe().render(catalogue(CHINESE)) for p in error.problems]
        else:
            raise AssertionError(f"{text!r} was read")
        assert len(shown) == 1 and chinese in shown[0], shown

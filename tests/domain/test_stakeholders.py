"""The stakeholder model's own rules: ranges, text limits and reports-to loops."""

from __future__ import annotations

import pytest

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.stakeholders import (
    DecisionRole,
    Stakeholder,
    StakeholderError,
    check_reports_to,
    reports_to_cycle,
    validate_person,
)

ANA, BEN, CHO, DEV = (Stakeholder(1, "Ana"), Stakeholder(2, "Ben", manager_id=1),
                      Stakeholder(3, "Chō 田中", manager_id=2), Stakeholder(4, "Dev"))
TEAM = [ANA, BEN, CHO, DEV]


def test_a_valid_person_passes() -> None:
    validate_person(Stakeholder(7, "Mia", influence=5, sentiment=-2, strength=1,
                                role=DecisionRole.BLOCKER))


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"name": "  "}, "name", "needs a name"),
    ({"influence": 6}, "influence", "1 (no say) to 5"),
    ({"influence": True}, "influence", "out of range"),
    ({"sentiment": -3}, "sentiment", "-2 (hostile) to +2"),
    ({"strength": 0}, "strength", "1 to 5"),
    ({"notes": "x" * 2001}, "notes", "2,001 characters; the limit is 2,000"),
    ({"manager_id": 7}, "manager_id", "cannot report to themself"),
])
def test_out_of_range_fields_are_named(changes: dict[str, object], field: str,
                                       words: str) -> None:
    values: dict[str, object] = {"id": 7, "name": "Mia", **changes}
    with pytest.raises(ValidationFailed) as caught:
        validate_person(Stakeholder(**values))  # type: ignore[arg-type]
    assert words in caught.value.problems[field]


def test_a_reporting_loop_is_refused_naming_everyone_in_it() -> None:
    assert reports_to_cycle(TEAM, 1, 3) == [3, 2, 1]
    with pytest.raises(StakeholderError, match="reporting loop: Ana → Chō 田中 → Ben → Ana"):
        check_reports_to(TEAM, 1, 3)


def test_lines_that_make_no_loop_are_allowed() -> None:
    check_reports_to(TEAM, 4, 3)  # Dev joins under Chō
    check_reports_to(TEAM, 3, None)  # Chō no longer reports to anyone
    check_reports_to(TEAM, 3, 1)  # Chō moves up under Ana
    assert reports_to_cycle(TEAM, 4, 1) is None


def test_reporting_to_oneself_or_to_a_stranger_is_refused() -> None:
    with pytest.raises(StakeholderError, match="Dev cannot report to themself"):
        check_reports_to(TEAM, 4, 4)
    with pytest.raises(StakeholderError, match="no person 99"):
        check_reports_to(TEAM, 4, 99)

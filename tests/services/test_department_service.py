"""An account's departments: whole-list saves that are all or nothing, read back intact."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.departments import (
    NAME_MAX,
    DepartmentItem,
    headcount_from_text,
    read_entered,
    validate_departments,
)
from qbr_desktop.store.errors import NotFoundError

KEPT = [DepartmentItem("Finance", 40, True)]


@pytest.fixture
def account_id(context: AppContext) -> int:
    account = context.accounts.create(AccountDraft("Dept Co", arr=Decimal("120000"),
                                                   licensed_seats=100))
    return int(account.id)


def test_a_saved_list_reads_back_in_alphabetical_order(
        context: AppContext, account_id: int) -> None:
    context.departments.replace(account_id, [
        DepartmentItem("Sales", 120, True), DepartmentItem("ärzte", None),
        DepartmentItem("Finance", 0, False), DepartmentItem("Arzt", 3, True)])

    assert context.departments.items(account_id) == [
        DepartmentItem("Arzt", 3, True), DepartmentItem("ärzte", 0, False),
        DepartmentItem("Finance", 0, False), DepartmentItem("Sales", 120, True)]


@pytest.mark.parametrize("name", [
    "営業部 (東京)", "Support 🎧 team", "قسم المبيعات", "R&D <Labs> & \"Co\" 'x'",
    "ｆｕｌｌ ｗｉｄｔｈ", "x" * NAME_MAX])
def test_names_in_any_script_round_trip_intact(
        context: AppContext, account_id: int, name: str) -> None:
    context.departments.replace(account_id, [DepartmentItem(name, 7, False)])

    assert context.departments.items(account_id) == [DepartmentItem(name, 7, False)]


def test_control_characters_are_dropped_and_line_breaks_become_spaces(
        context: AppContext, account_id: int) -> None:
    context.departments.replace(account_id, [DepartmentItem("  Field\x00 Ops\nEast\t2 ", 5)])

    assert [item.name for item in context.departments.items(account_id)] == ["Field Ops East 2"]


def test_the_list_replaces_the_previous_one_and_an_empty_list_clears_it(
        context: AppContext, account_id: int) -> None:
    context.departments.replace(account_id, [DepartmentItem("Old", 1), DepartmentItem("Both")])
    context.departments.replace(account_id, [DepartmentItem("both", 2), DepartmentItem("New")])
    assert [i.name for i in context.departments.items(account_id)] == ["both", "New"]

    context.departments.replace(account_id, [])

    assert context.departments.items(account_id) == []


def test_untapped_departments_feed_the_expansion_estimate(
        context: AppContext, account_id: int) -> None:
    context.departments.replace(account_id, [DepartmentItem("Legal 法务", 50, False),
                                             DepartmentItem("Sales", 80, True)])

    titles = {line.title for line in context.insights.expansion(account_id).lines}

    assert "Roll out to Legal 法务" in titles
    assert "Roll out to Sales" not in titles


@pytest.mark.parametrize(("items", "message"), [
    ([DepartmentItem("  ")], "Row 1 needs a department name"),
    ([DepartmentItem("\x07")], "Row 1 needs a department name"),
    ([DepartmentItem("Sales"), DepartmentItem(" SALES ")],
     "Row 2 repeats “SALES” from row 1"),
    ([DepartmentItem("Café"), DepartmentItem("café")], "Row 2 repeats “café” from row 1"),
    ([DepartmentItem("ＨＲ"), DepartmentItem("hr")], "Row 2 repeats “hr” from row 1"),
    ([DepartmentItem("x" * 1000)], f"Row 1: the name is 1,000 characters; the limit is {NAME_MAX}"),
    ([DepartmentItem("A", -1)], "Row 1: a headcount cannot be negative"),
    ([DepartmentItem("A"), DepartmentItem("B", 10_000_001)],
     "Row 2: 10,000,001 people is more than 10,000,000; check the number"),
    ([DepartmentItem("A", 2.5)],  # type: ignore[arg-type]
     "Row 1: the headcount must be a whole number of people"),
    ([DepartmentItem("A", True)], "Row 1: the headcount must be a whole number of people"),
])
def test_a_bad_row_is_named_and_nothing_is_saved(
        context: AppContext, account_id: int, items: list[DepartmentItem], message: str) -> None:
    context.departments.replace(account_id, KEPT)

    with pytest.raises(ValidationFailed) as caught:
        context.departments.replace(account_id, items)

    assert message in caught.value.problems.values()
    assert context.departments.items(account_id) == KEPT


def test_ten_million_people_is_still_accepted(context: AppContext, account_id: int) -> None:
    assert not validate_departments([DepartmentItem("Everyone", 10_000_000)])


def test_an_unknown_account_is_reported_and_nothing_is_written(context: AppContext) -> None:
    with pytest.raises(NotFoundError, match="No account with id 999"):
        context.departments.replace(999, [DepartmentItem("Sales", 3)])
    with pytest.raises(NotFoundError, match="No account with id 999"):
        context.departments.items(999)


@pytest.mark.parametrize(("text", "expected"), [
    ("", None), ("  ", None), ("12", 12), (" 1,200 ", 1200), ("1 200", 1200), ("0", 0)])
def test_headcounts_read_the_way_people_type_them(text: str, expected: int | None) -> None:
    assert headcount_from_text(text) == expected


@pytest.mark.parametrize("text", ["ten", "2.5", "12 people", "1e3"])
def test_a_headcount_that_is_not_a_whole_number_says_so(text: str) -> None:
    with pytest.raises(ValueError, match=f"“{text}” is not a whole number of people"):
        headcount_from_text(text)


def test_typed_rows_report_every_problem_in_row_order() -> None:
    items, problems = read_entered([("Sales", "abc", False), ("", "-3", True),
                                    ("Ops", "1,000", True)])

    assert items[2] == DepartmentItem("Ops", 1000, True)
    assert list(problems.values()) == [
        "Row 1: “abc” is not a whole number of people",
        "Row 2 needs a department name",
        "Row 2: a headcount cannot be negative",
    ]

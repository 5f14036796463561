"""The rules a saved account must satisfy, and how names are compared."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from qbr_desktop.domain.accounts import (
    EDITABLE_FIELDS,
    NAME_MAX_LENGTH,
    AccountDraft,
    EmployeeBand,
    control_characters,
    name_key,
    validate_account,
)
from qbr_desktop.domain.errors import DomainError, ValidationFailed
from qbr_desktop.domain.tiers import TierScheme
from qbr_desktop.i18n import CHINESE, english, interface_language, set_interface_language

VALID = AccountDraft(
    name="Acme Corp", industry="Software", country="US", employee_band=EmployeeBand.SMALL.value,
    arr=Decimal("120000"), currency="USD", licensed_seats=250, renewal_date=date(2027, 3, 31),
    csm_owner="Dana", tier_override=None, notes="Renewal at risk\n\tsee call notes",
)


def problems_of(draft: AccountDraft, tiers: tuple[str, ...]) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        validate_account(draft, tiers=tiers)
    assert isinstance(caught.value, DomainError)
    return caught.value.problems


def test_a_valid_draft_passes(three_tiers: tuple[str, ...]) -> None:
    assert validate_account(VALID, tiers=three_tiers) == VALID


def test_whitespace_is_tidied(three_tiers: tuple[str, ...]) -> None:
    clean = validate_account(
        replace(VALID, name="  Acme Corp\t", industry=" Software ", country=" US",
                csm_owner="Dana  ", tier_override=""),
        tiers=three_tiers,
    )
    assert (clean.name, clean.industry, clean.country, clean.csm_owner) == (
        "Acme Corp", "Software", "US", "Dana")
    assert clean.tier_override is None


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": ""}, "name", "required"),
        ({"name": "   \t "}, "name", "required"),
        ({"name": "x" * (NAME_MAX_LENGTH + 1)}, "name", "1,001 characters"),
        ({"name": "Acme\x07Corp"}, "name", "U+0007"),
        ({"name": "Acme\x00"}, "name", "control character"),
        ({"name": "Acme\nCorp"}, "name", "control character"),
        ({"arr": Decimal("-0.01")}, "arr", "negative"),
        ({"arr": Decimal("NaN")}, "arr", "number"),
        ({"arr": Decimal("Infinity")}, "arr", "number"),
        ({"arr": Decimal("1e12") + 1}, "arr", "implausibly large"),
        ({"licensed_seats": -1}, "licensed_seats", "below zero"),
        ({"licensed_seats": 10_000_001}, "licensed_seats", "not plausible"),
        ({"licensed_seats": True}, "licensed_seats", "whole number"),
        ({"licensed_seats": 2.5}, "licensed_seats", "whole number"),
        ({"renewal_date": date(1900, 1, 1)}, "renewal_date", "1900-01-01"),
        ({"renewal_date": date(2101, 1, 1)}, "renewal_date", "outside 1990–2100"),
        ({"currency": "UDS"}, "currency", "“UDS”"),
        ({"currency": "usd"}, "currency", "not a supported currency"),
        ({"currency": ""}, "currency", "not a supported currency"),
        ({"tier_override": "Enterprise"}, "tier_override", "Strategic, Growth, Core"),
        ({"tier_override": "strategic"}, "tier_override", "not a tier"),
        ({"employee_band": "10-20"}, "employee_band", "not one of the employee bands"),
        ({"industry": "I" * 201}, "industry", "limit is 200"),
        ({"country": "U\x1bS"}, "country", "control character"),
        ({"csm_owner": "D" * 201}, "csm_owner", "limit is 200"),
        ({"notes": "n" * 100_001}, "notes", "limit is 100,000"),
    ],
)
def test_each_problem_is_reported_on_its_field(
    three_tiers: tuple[str, ...], changes: dict[str, object], field: str, words: str
) -> None:
    problems = problems_of(VALID.with_changes(changes), three_tiers)
    assert set(problems) == {field}
    assert words in problems[field]


def test_all_problems_are_reported_at_once(three_tiers: tuple[str, ...]) -> None:
    draft = VALID.with_changes({"name": "", "arr": Decimal(-5), "licensed_seats": -3,
                                "currency": "XXX", "renewal_date": date(1900, 6, 1),
                                "tier_override": "Mid-Market"})
    problems = problems_of(draft, three_tiers)
    assert set(problems) == {"name", "arr", "licensed_seats", "currency", "renewal_date",
                             "tier_override"}
    with pytest.raises(ValidationFailed) as caught:
        validate_account(draft, tiers=three_tiers)
    for field in problems:
        assert field in str(caught.value)


def test_boundaries_that_are_allowed(three_tiers: tuple[str, ...]) -> None:
    draft = VALID.with_changes({"arr": Decimal("1e12"), "licensed_seats": 10_000_000,
                                "renewal_date": date(1990, 1, 1)})
    assert validate_account(draft, tiers=three_tiers) == draft
    draft = VALID.with_changes({"arr": Decimal(0), "licensed_seats": 0,
                                "renewal_date": date(2100, 12, 31), "notes": "n" * 100_000})
    assert validate_account(draft, tiers=three_tiers) == draft


def test_notes_may_hold_newlines_and_tabs(three_tiers: tuple[str, ...]) -> None:
    draft = VALID.with_changes({"notes": "line one\r\nline two\n\tindented"})
    assert validate_account(draft, tiers=three_tiers).notes == draft.notes


def _thousand_character_name() -> str:
    pieces = "株式会社アクメ 😀 🇯🇵 شركة أكمي עברית <R&D> & <b>Co</b> Ünïcödé ‏ "
    name = (pieces * 40)[: NAME_MAX_LENGTH - 1] + "終"
    assert len(name) == NAME_MAX_LENGTH
    return name


def test_a_thousand_character_international_name_passes_unchanged(
    three_tiers: tuple[str, ...]
) -> None:
    name = _thousand_character_name()
    for needle in ("株式会社", "😀", "شركة", "עברית", "<", "&"):
        assert needle in name
    clean = validate_account(VALID.with_changes({"name": name}), tiers=three_tiers)
    assert clean.name == name


def test_a_tier_override_of_the_scheme_passes(
    three_tiers: tuple[str, ...], five_segment: TierScheme
) -> None:
    assert validate_account(VALID.with_changes({"tier_override": "Core"}),
                            tiers=three_tiers).tier_override == "Core"
    assert validate_account(VALID.with_changes({"tier_override": "Enterprise"}),
                            tiers=five_segment.tiers).tier_override == "Enterprise"


@pytest.mark.parametrize("other", ["Acme", " ACME ", "ＡＣＭＥ", "acme", "\tAcMe\n", "ａｃｍｅ"])
def test_name_key_collisions(other: str) -> None:
    assert name_key(other) == name_key("Acme") == "acme"


def test_name_key_keeps_different_names_apart() -> None:
    assert name_key("Acme") != name_key("Acme Corp")
    assert name_key("Straße") == name_key("STRASSE")
    assert name_key("株式会社アクメ") != name_key("株式会社アクメ東京")
    # Compatibility forms of Japanese katakana fold together (half-width ｱｸﾒ).
    assert name_key("ｱｸﾒ") == name_key("アクメ")


def test_control_characters() -> None:
    assert control_characters("a\x07b\nc") == ["\x07", "\n"]
    assert control_characters("a\nb\tc\r", allow_newlines=True) == []
    assert control_characters("שלום 😀 ‏") == []


def test_with_changes_rejects_unknown_fields() -> None:
    with pytest.raises(ValueError, match="no field"):
        VALID.with_changes({"arr": Decimal(1), "revenue": Decimal(1)})


def test_editable_fields_are_the_draft_fields() -> None:
    assert EDITABLE_FIELDS[0] == "name"
    assert set(EDITABLE_FIELDS) >= {"arr", "currency", "tier_override", "notes"}


def test_problems_read_in_the_interface_language_and_keep_their_field_keys(
        three_tiers: tuple[str, ...]) -> None:
    draft = replace(VALID, arr=Decimal(-1), industry="x" * 201, tier_override="Gold")
    before = interface_language()
    set_interface_language(CHINESE)
    try:
        with pytest.raises(ValidationFailed) as caught:
            validate_account(draft, tiers=three_tiers)
        problems = caught.value.problems
        assert set(problems) == {"arr", "industry", "tier_override"}
        assert problems["arr"] == "ARR 不能为负数"
        assert problems["industry"] == "行业有 201 个字符，上限为 200"
        assert problems["tier_override"].startswith("“Gold”不是此处的层级")
        assert "arr：ARR 不能为负数" in str(caught.value)  # the CLI's error line
    finally:
        set_interface_language(before)
    # The same problems as English messages, for the log and `--json`.
    assert "; arr: ARR cannot be negative; " in english(caught.value.message)
    assert caught.value.problems["industry"] == "Industry is 201 characters; the limit is 200"

"""Cell values: text, numbers, money, percentages, as CRM exports and trackers write them."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

import pytest

from qbr_desktop.imports.cells import ImportOptions
from qbr_desktop.imports.values import (
    ValueProblem,
    cell_text,
    clean_text,
    currency_code,
    infer_decimal_comma,
    parse_decimal,
    parse_money,
    parse_number,
    parse_percent,
    parse_whole,
)


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("$1,200.50", "1200.50", "USD"),
    ("1.200,50 €", "1200.50", "EUR"),
    ("€1.200,50", "1200.50", "EUR"),
    ("USD 1200", "1200.00", "USD"),
    ("1200 USD", "1200.00", "USD"),
    ("1 200,50", "1200.50", None),
    ("1\u00a0200,50\u00a0€", "1200.50", "EUR"),
    ("CHF 1'200.50", "1200.50", "CHF"),
    ("£90k", "90000.00", "GBP"),
    ("1.2M", "1200000.00", None),
    ("CA$5,000", "5000.00", "CAD"),
    ("1,200,000元", "1200000.00", "CNY"),
    ("  42  ", "42.00", None),
    ("1.200 €", "1200.00", "EUR"),  # a trailing euro sign means the continental convention
    ("-$5", "-5.00", "USD"),
    ("(1,200.00)", "-1200.00", None),
    ("0.005", "0.00", None),  # cents, rounded half-even
])
def test_money_in_the_shapes_exports_use(text: str, amount: str, currency: str | None) -> None:
    assert parse_money(text) == (Decimal(amount), currency)


@pytest.mark.parametrize("text", ["", "abc", "$", "1,2,3", "12..5", "=1+1", "1.2.3,4,5"])
def test_money_that_is_not_money_is_refused_with_its_text(text: str) -> None:
    with pytest.raises(ValueProblem, match="not an amount"):
        parse_money(text)


def test_the_column_convention_decides_an_ambiguous_amount() -> None:
    assert parse_money("1.200")[0] == Decimal("1.20")
    assert parse_money("1.200", decimal_comma=True)[0] == Decimal("1200.00")
    assert parse_money("1,200")[0] == Decimal("1200.00")
    assert parse_money("1,200", decimal_comma=True)[0] == Decimal("1.20")


@pytest.mark.parametrize(("texts", "expected"), [
    (["1.200,50", "300"], True),
    (["12,5"], True),
    (["1.200.000"], True),
    (["1,200.50"], False),
    (["1,200,000"], False),
    (["0.45", "3.5"], False),
    (["1,200", "1.500"], None),  # every cell reads both ways
    (["1,5", "2.5"], None),  # the column contradicts itself
    (["100", "abc"], None),
])
def test_decimal_convention_of_a_column(texts: list[str], expected: bool | None) -> None:
    assert infer_decimal_comma(texts) is expected


@pytest.mark.parametrize(("text", "value"), [
    ("42", "42"), ("-5", "-5"), ("−5", "-5"), ("+7", "7"), ("3.5", "3.5"),
    ("1,234.5", "1234.5"), ("1.234,5", "1234.5"), ("1 234 567", "1234567"),
    (".5", "0.5"), ("0,25", "0.25"),
])
def test_numbers(text: str, value: str) -> None:
    assert parse_decimal(text) == Decimal(value)
    assert parse_number(text) == float(value)


@pytest.mark.parametrize("text", ["12a", "1,23,4", "--5", "5-", "1e5x", "nan", "inf"])
def test_not_numbers(text: str) -> None:
    with pytest.raises(ValueProblem, match="not a number"):
        parse_decimal(text)


def test_whole_numbers() -> None:
    assert parse_whole("1,500") == 1500
    assert parse_whole("1.500", decimal_comma=True) == 1500
    assert parse_whole("-5") == -5
    with pytest.raises(ValueProblem, match="not a whole number"):
        parse_whole("12.5")


@pytest.mark.parametrize(("text", "fraction"), [
    ("45%", "0.45"), ("45 %", "0.45"), ("45,5 %", "0.455"), ("0.45", "0.45"), ("45", "0.45"),
    ("-3%", "-0.03"), ("100%", "1"), ("1", "1"), ("120%", "1.2"),
])
def test_percentages_are_fractions(text: str, fraction: str) -> None:
    assert parse_percent(text) == Decimal(fraction)


def test_percent_that_is_not_a_number() -> None:
    with pytest.raises(ValueProblem):
        parse_percent("lots%")


@pytest.mark.parametrize(("text", "code"), [("usd", "USD"), ("€", "EUR"), ("US$", "USD"),
                                            ("RMB", "CNY"), (" gbp ", "GBP")])
def test_currency_codes(text: str, code: str) -> None:
    assert currency_code(text) == code


def test_unknown_currency_names_the_text() -> None:
    with pytest.raises(ValueProblem, match="“UDS” is not a currency"):
        currency_code("UDS")


def test_text_is_trimmed_and_control_characters_are_removed() -> None:
    assert clean_text("  Acme\x00 Corp\x07 ") == "Acme Corp"
    assert clean_text("line one\r\nline two\ttabbed") == "line one\nline two\ttabbed"
    assert clean_text("\x1b[31mred\x1b[0m") == "[31mred[0m"


@pytest.mark.parametrize("text", ["北京云帆数据", "Sam 🚀 Rivera", "👩‍👩‍👧 family", "ليلى حداد",
                                  "נועה כהן", "\u200fRTL mark kept", "x" * 100_000])
def test_text_in_any_script_survives_unchanged(text: str) -> None:
    assert clean_text(text) == text


def test_workbook_values_read_as_a_person_sees_them() -> None:
    assert cell_text(None) == ""
    assert cell_text(12345.0) == "12345"
    assert cell_text(3.25) == "3.25"
    assert cell_text(True) == "TRUE"
    assert cell_text(datetime(2026, 12, 31)) == "2026-12-31"
    assert cell_text(datetime(2026, 12, 31, 9, 30)) == "2026-12-31 09:30:00"
    assert cell_text(date(2026, 1, 2)) == "2026-01-02"


def test_absurd_amounts_are_refused_not_crashed_on() -> None:
    with pytest.raises(ValueProblem, match="far too large to be an amount of money"):
        parse_money("9" * 40)


@pytest.mark.parametrize(("texts", "expected"), [
    (["USD 1,200.50"], False), (["EUR 1.200,50"], True), (["45,5 %"], True),
    (["1.200,50 €"], True), (["$3.75"], False)])
def test_currency_signs_do_not_hide_the_decimal_convention(texts: list[str],
                                                          expected: bool) -> None:
    assert infer_decimal_comma(texts) is expected


# Signs: one minus (or plus), or accounting brackets; anything else is refused, not guessed.
@pytest.mark.parametrize(("text", "value"), [
    ("-1", "-1"), ("+1", "1"), ("\u22121", "-1"), ("- 1", "-1"), ("(1)", "-1"),
    ("(1,000)", "-1000"), ("( 1,000.50 )", "-1000.50"), ("\u2212 1.5", "-1.5"),
])
def test_well_formed_signs(text: str, value: str) -> None:
    assert parse_decimal(text) == Decimal(value)


@pytest.mark.parametrize("text", [
    "--1", "+-1", "-+1", "++1", "1-", "1+", "(-1)", "(+1)", "-(1)", "(1", "1)", "\u2212\u22121",
    "-\u22121", "\u2212-1", "- -1", "((1))", "1-2", "-", "+", "()", "(-)", "--120000",
])
def test_malformed_signs_are_refused(text: str) -> None:
    with pytest.raises(ValueProblem, match=f"“{re.escape(text)}” is not a number"):
        parse_decimal(text)
    with pytest.raises(ValueProblem, match="is not a number"):
        parse_number(text)


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("-120000", "-120000.00", None), ("-$5", "-5.00", "USD"), ("$-5", "-5.00", "USD"),
    ("- $5", "-5.00", "USD"), ("$ -5", "-5.00", "USD"), ("\u2212$5", "-5.00", "USD"),
    ("USD -1200", "-1200.00", "USD"), ("-USD 1200", "-1200.00", "USD"),
    ("-5 USD", "-5.00", "USD"), ("+$5", "5.00", "USD"), ("$+5", "5.00", "USD"),
    ("(1,200.00)", "-1200.00", None), ("($1,200)", "-1200.00", "USD"),
    ("(USD 5)", "-5.00", "USD"), ("(5) USD", "-5.00", "USD"), ("(\u20ac5)", "-5.00", "EUR"),
    ("-90k", "-90000.00", None),
])
def test_well_formed_signs_on_money(text: str, amount: str, currency: str | None) -> None:
    assert parse_money(text) == (Decimal(amount), currency)


@pytest.mark.parametrize("text", [
    "--120000", "-$-5", "$--5", "--$5", "+-5", "-+5", "-(5)", "(-5)", "($-5)", "(-$5)",
    "5-", "$5-", "-5-", "USD--5", "5 -USD", "\u2212-5", "(\u22125)", "(+5)", "- -5",
    "$-", "-$", "()", "($)", "--90k",
])
def test_malformed_signs_on_money_are_refused(text: str) -> None:
    with pytest.raises(ValueProblem, match=f"“{re.escape(text)}” is not an amount of money"):
        parse_money(text)


def test_a_doubled_minus_in_an_imported_arr_is_rejected_not_made_positive() -> None:
    from qbr_desktop.imports.csv_text import table_from_csv_bytes
    from qbr_desktop.imports.fields import ImportKind, guess_mapping
    from qbr_desktop.imports.plan_accounts import plan_accounts

    table = table_from_csv_bytes(b"Account Name,ARR\nAcme,--120000\nBeta,120000\n", "a.csv")
    plan = plan_accounts(table, guess_mapping(ImportKind.ACCOUNTS, table.headers),
                         ImportOptions(), [], ("Strategic", "Growth", "Core"))
    assert [r.action.value for r in plan.rows] == ["reject", "create"]
    assert plan.rows[0].reasons[0].startswith("ARR: “--120000” is not an amount of money")


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), 1e300])
def test_workbook_numbers_that_are_no_amount_are_refused_not_crashed_on(value: float) -> None:
    from qbr_desktop.imports.values import money_in_cents

    with pytest.raises(ValueProblem, match="amount of money"):
        money_in_cents(Decimal(str(value)), str(value))

"""Reading what a CSM types as an amount, and formatting amounts at the edge."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from qbr_desktop.domain.money import (
    CURRENCIES,
    DEFAULT_STYLE,
    Money,
    MoneyFormatError,
    NumberStyle,
    editable_amount,
    format_compact,
    format_money,
    number_style,
    parse_amount,
    to_cents,
    use_number_style,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1,200.50", Decimal("1200.50")),
        ("90k", Decimal("90000")),
        ("1.2M", Decimal("1200000")),
        ("  750 000 ", Decimal("750000")),
        ("1,200,000", Decimal("1200000")),
        ("120000", Decimal("120000")),
        ("$90k", Decimal("90000")),
        ("90 K", Decimal("90000")),
        ("2b", Decimal("2000000000")),
        ("1_000", Decimal("1000")),
        (".5", Decimal("0.50")),
        ("0", Decimal("0")),
        ("€1.234", Decimal("1.23")),
        ("CA$1,000", Decimal("1000")),
        ("usd 500", Decimal("500")),
        ("EUR 2.5k", Decimal("2500")),
        ("£ 12", Decimal("12")),
        ("¥1,000,000", Decimal("1000000")),
    ],
)
def test_parse_amount_reads_what_people_type(text: str, expected: Decimal) -> None:
    value = parse_amount(text)
    assert value == expected
    assert isinstance(value, Decimal)


def test_parse_amount_rounds_to_cents_half_even() -> None:
    assert parse_amount("1.005") == Decimal("1.00")
    assert parse_amount("1.015") == Decimal("1.02")
    assert parse_amount("1.2345k") == Decimal("1234.50")
    assert parse_amount("$1,200.50").as_tuple().exponent == -2


@pytest.mark.parametrize("text", ["-5", "$-5", "- 5", "-1.2M"])
def test_parse_amount_rejects_negative_amounts(text: str) -> None:
    with pytest.raises(MoneyFormatError, match="negative"):
        parse_amount(text)


@pytest.mark.parametrize(
    "text", ["abc", "1.2.3", "", "   ", "$", "k", "1.2MM", "12x", "1e6", "one million", "1..2",
             # separators where no grouping puts them: a slip, or a decimal comma in en-US
             "1,2,3", "12,50", "1,0000", "1 2 3", ",500", "1,234,56"]
)
def test_parse_amount_rejects_text_that_is_not_an_amount(text: str) -> None:
    with pytest.raises(MoneyFormatError) as caught:
        parse_amount(text)
    assert "not an amount" in str(caught.value)
    assert isinstance(caught.value, ValueError)  # callers may catch it as a ValueError


def test_parse_amount_error_quotes_what_was_typed() -> None:
    with pytest.raises(MoneyFormatError, match="“abc”"):
        parse_amount("  abc ")


def test_money_refuses_float_amounts() -> None:
    with pytest.raises(TypeError):
        Money(1200.5, "USD")  # type: ignore[arg-type]


def test_to_cents_quantizes() -> None:
    assert to_cents(Decimal("2.675")) == Decimal("2.68")
    assert to_cents(Decimal("7")) == Decimal("7.00")


@pytest.mark.parametrize(
    ("money", "cents", "expected"),
    [
        (Money(Decimal("1200000")), False, "$1,200,000"),
        (Money(Decimal("1234.56")), False, "$1,235"),
        (Money(Decimal("90000.5"), "EUR"), True, "€90,000.50"),
        (Money(Decimal("0"), "GBP"), True, "£0.00"),
        (Money(Decimal("1500"), "CHF"), False, "CHF 1,500"),
        (Money(Decimal("1500"), "XYZ"), False, "XYZ 1,500"),
        (Money(Decimal("12345678901.23"), "USD"), True, "$12,345,678,901.23"),
    ],
)
def test_format_money(money: Money, cents: bool, expected: str) -> None:
    assert format_money(money, cents=cents) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("1200000", "USD", "$1.2M"),
        ("85000", "USD", "$85k"),
        ("1000", "USD", "$1k"),
        ("999", "USD", "$999"),
        ("0", "USD", "$0"),
        ("1260", "EUR", "€1.3k"),
        ("2500000000", "USD", "$2.5B"),
        ("1000000000", "USD", "$1B"),
        ("999999", "USD", "$1M"),
        ("999950000", "USD", "$1B"),
        ("999.6", "USD", "$1k"),
        ("1500000000000", "USD", "$1500B"),
        ("-1500", "USD", "-$1.5k"),
        ("-999", "EUR", "-€999"),
        ("-0.4", "USD", "$0"),
    ],
)
def test_format_compact(amount: str, currency: str, expected: str) -> None:
    assert format_compact(Money(Decimal(amount), currency)) == expected


def test_every_currency_parses_after_its_own_symbol() -> None:
    for code, symbol in CURRENCIES.items():
        assert parse_amount(f"{symbol}1,000") == Decimal("1000"), code
        assert parse_amount(f"{code} 1,000") == Decimal("1000"), code


def test_yen_and_won_never_show_cents() -> None:
    from decimal import Decimal

    from qbr_desktop.domain.money import Money, format_money

    assert format_money(Money(Decimal("1357.14"), "JPY"), cents=True) == "¥1,357"
    assert format_money(Money(Decimal("1357.14"), "KRW"), cents=True) == "₩1,357"
    assert format_money(Money(Decimal("1357.14"), "EUR"), cents=True) == "€1,357.14"


@pytest.mark.parametrize(("amount", "cents", "expected"), [
    ("-1200", False, "-$1,200"), ("-1200.5", True, "-$1,200.50"), ("-0.4", False, "$0"),
    ("1200", False, "$1,200")])
def test_negative_amounts_put_the_sign_before_the_symbol(amount: str, cents: bool,
                                                         expected: str) -> None:
    assert format_money(Money(Decimal(amount), "USD"), cents=cents) == expected


# The locale's way of writing numbers ----------------------------------------------------
GERMAN = NumberStyle(group=".", decimal=",")
INDIAN = NumberStyle(primary=3, secondary=2)
SPANISH = NumberStyle(group=".", decimal=",", min_grouping=2)
FRENCH = NumberStyle(group="\u202f", decimal=",")


@pytest.fixture
def style_in_use() -> Iterator[None]:
    yield
    use_number_style(DEFAULT_STYLE)


@pytest.mark.parametrize(("style", "value", "places", "expected"), [
    (DEFAULT_STYLE, "1234567.5", 2, "1,234,567.50"),
    (GERMAN, "1234567.5", 2, "1.234.567,50"),
    (INDIAN, "123456789", 0, "12,34,56,789"),
    (INDIAN, "999", 0, "999"),
    (SPANISH, "1234", 0, "1234"),
    (SPANISH, "12345", 0, "12.345"),
    (FRENCH, "-1234567.25", 1, "-1\u202f234\u202f567,2"),
    (NumberStyle(group=""), "1234567", 0, "1234567"),
    (DEFAULT_STYLE, "-0.04", 1, "0.0"),
])
def test_number_style_groups_and_rounds_as_the_locale_writes(
        style: NumberStyle, value: str, places: int, expected: str) -> None:
    assert style.number(Decimal(value), places) == expected


@pytest.mark.parametrize(("style", "typed", "plain"), [
    (GERMAN, "1.200,5", "1200.5"),
    (FRENCH, "1\u202f200,5", "1200.5"),
    (DEFAULT_STYLE, "1,200.5", "1200.5"),
    (DEFAULT_STYLE, "1 200\u00a0000", "1200000"),
])
def test_number_style_reads_typed_numbers_back(style: NumberStyle, typed: str,
                                               plain: str) -> None:
    assert style.plain(typed) == plain


@pytest.mark.parametrize(("style", "typed"), [
    (DEFAULT_STYLE, "1,2,3"), (DEFAULT_STYLE, "12,50"), (GERMAN, "1.20,5"),
    (FRENCH, "1 2 3"), (DEFAULT_STYLE, "12,345,6789.5"),
])
def test_separators_out_of_place_are_left_for_the_caller_to_refuse(style: NumberStyle,
                                                                   typed: str) -> None:
    assert style.plain(typed) == typed


def test_indian_and_western_groupings_both_read() -> None:
    assert DEFAULT_STYLE.plain("12,34,567.5") == "1234567.5"
    assert parse_amount("1,00,000") == Decimal("100000.00")


def test_money_follows_the_style_in_use(style_in_use: None) -> None:
    use_number_style(GERMAN)
    assert format_money(Money(Decimal("1234567.891"), "EUR"), cents=True) == "€1.234.567,89"
    assert format_money(Money(Decimal("-1200"), "USD")) == "-$1.200"
    assert format_compact(Money(Decimal("1260000"), "USD")) == "$1,3M"
    assert parse_amount("1.200,50") == Decimal("1200.50")
    assert parse_amount("€ 90k") == Decimal("90000")
    assert editable_amount(Decimal("1200.00")) == "1.200"
    assert editable_amount(Decimal("1200.5")) == "1.200,50"
    use_number_style(INDIAN)
    assert format_money(Money(Decimal("12345678"), "INR")) == "₹1,23,45,678"


def test_the_default_style_is_the_one_scripts_read(style_in_use: None) -> None:
    assert number_style() is DEFAULT_STYLE
    assert format_money(Money(Decimal("1200000"), "USD")) == "$1,200,000"
    assert editable_amount(Decimal("1200000")) == "1,200,000"

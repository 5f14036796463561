"""Money as Decimal with a currency; parsing what a person types, formatting at the edge."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

# ISO 4217 codes a CSM is likely to bill in; any other three-letter code is refused
# so a typo ("UDS") cannot silently create a new currency.
CURRENCIES: dict[str, str] = {
    "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "CAD": "CA$",
    "AUD": "A$", "CHF": "CHF ", "SEK": "SEK ", "NOK": "NOK ", "DKK": "DKK ",
    "INR": "₹", "SGD": "S$", "HKD": "HK$", "BRL": "R$", "MXN": "MX$", "ZAR": "R ",
    "KRW": "₩", "NZD": "NZ$", "PLN": "zł ", "ILS": "₪", "AED": "AED ",
}
CENT = Decimal("0.01")
_SUFFIXES = {"k": Decimal(1_000), "m": Decimal(1_000_000), "b": Decimal(1_000_000_000)}
# Longest first, so "CA$" is removed whole rather than leaving "CA" behind.
_PREFIXES = sorted(
    {s.strip().lower() for s in CURRENCIES.values()} | {c.lower() for c in CURRENCIES},
    key=len, reverse=True,
)
_AMOUNT = re.compile(r"^(?P<number>[0-9][0-9,_ ]*(?:\.[0-9]+)?|\.[0-9]+)\s*(?P<suffix>[kmb])?$")


class MoneyFormatError(ValueError):
    """The text does not read as an amount of money."""


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str = "USD"

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money amounts are Decimal, never float")


def to_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_EVEN)


def parse_amount(text: str) -> Decimal:
    """Read '1,200,000', '1.2M', '$90k' or '  750 000 ' as a Decimal.

    Currency symbols are ignored here (the currency is a separate field).
    """
    cleaned = text.strip().lower()
    for prefix in _PREFIXES:
        if cleaned.startswith(prefix):
            cleaned = cleaned[len(prefix):].strip()
            break
    if cleaned.startswith("-"):
        raise MoneyFormatError(f"“{text.strip()}” is negative; an amount cannot be below zero")
    match = _AMOUNT.match(cleaned)
    if not match:
        raise MoneyFormatError(f"“{text.strip()}” is not an amount (try 120000, 120,000 or 120k)")
    number = match["number"].replace(",", "").replace("_", "").replace(" ", "")
    try:
        value = Decimal(number)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise MoneyFormatError(f"“{text.strip()}” is not an amount") from exc
    if match["suffix"]:
        value *= _SUFFIXES[match["suffix"]]
    return to_cents(value)


def currency_symbol(currency: str) -> str:
    return CURRENCIES.get(currency, currency + " ")


# Currencies with no minor unit in everyday use: a yen price never shows ".14".
ZERO_DECIMAL_CURRENCIES = frozenset({"JPY", "KRW"})


def format_money(money: Money, *, cents: bool = False) -> str:
    """'$1,200,000' or '€90,000.50': grouping with commas, the currency's symbol in front."""
    cents = cents and money.currency not in ZERO_DECIMAL_CURRENCIES
    amount = to_cents(money.amount) if cents else money.amount.quantize(Decimal(1))
    pattern = "{:,.2f}" if cents else "{:,.0f}"
    # The sign goes before the symbol: "-$1,200", as finance readers write it.
    sign = "-" if amount < 0 else ""
    return f"{sign}{currency_symbol(money.currency)}{pattern.format(abs(amount))}"


def format_compact(money: Money) -> str:
    """'$1.2M', '$85k': for tight table cells and slide headlines."""
    value = money.amount
    symbol = currency_symbol(money.currency)
    sign = "-" if value.quantize(Decimal(1)) < 0 else ""
    value = abs(value)
    whole = value.quantize(Decimal(1))
    if whole < 1000:
        return f"{sign}{symbol}{whole:f}"
    # The smallest unit that keeps the figure under 1000: 999,999 is "$1M", not "$1000k".
    for threshold, suffix in ((Decimal(1_000), "k"), (Decimal(1_000_000), "M"),
                              (Decimal(1_000_000_000), "B")):
        scaled = (value / threshold).quantize(Decimal("0.1"))
        if abs(scaled) < 1000 or suffix == "B":
            break
    text = f"{scaled:f}".rstrip("0").rstrip(".")
    return f"{sign}{symbol}{text}{suffix}"

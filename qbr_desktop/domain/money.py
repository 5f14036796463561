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
_AMOUNT = re.compile(r"^(?P<number>[0-9]+(?:\.[0-9]+)?|\.[0-9]+)\s*(?P<suffix>[kmb])?$")


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """How the CSM's locale writes numbers: '1,234,567.5', '1.234.567,5', '12,34,567.5'.

    `primary` is the size of the group nearest the decimal point, `secondary` of the
    groups before it (India groups 3 then 2); `min_grouping` 2 leaves four-digit numbers
    ungrouped, as Spanish and Polish do ('1234' but '12.345').
    """

    group: str = ","
    decimal: str = "."
    primary: int = 3
    secondary: int = 3
    min_grouping: int = 1

    def group_digits(self, digits: str) -> str:
        if not self.group or len(digits) < self.primary + self.min_grouping:
            return digits
        head, groups = digits[:-self.primary], [digits[-self.primary:]]
        while len(head) > self.secondary:
            groups.insert(0, head[-self.secondary:])
            head = head[:-self.secondary]
        if head:
            groups.insert(0, head)
        return self.group.join(groups)

    def number(self, value: Decimal, places: int = 0) -> str:
        """The value rounded to `places` decimals, grouped: '-1,200.50'."""
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
        whole, _, fraction = f"{abs(rounded):f}".partition(".")
        sign = "-" if rounded < 0 else ""
        return sign + self.group_digits(whole) + (self.decimal + fraction if fraction else "")

    def plain(self, text: str) -> str:
        """What was typed in this style, as Python reads numbers: '1.200,5' → '1200.5'.

        Separators count only where a grouping puts them ('1,200,000', Indian '12,34,567');
        text like '1,2,3' or a decimal comma typed in an English locale ('12,50') comes back
        unchanged, so the caller refuses it and quotes what was typed instead of reading 123.
        """
        separators = {self.group, " ", "\u00a0", "\u202f", "_"} - {"", self.decimal}
        if not _grouped(text, separators):
            return text
        for separator in separators:
            text = text.replace(separator, "")
        return text.replace(self.decimal, ".") if self.decimal != "." else text


def _grouped(text: str, separators: set[str]) -> bool:
    """Whether the digits before the decimal part are split the way numbers are grouped:
    the last group three digits, those before it all three or all two (India), the first
    one to three digits (one or two before groups of two). No separator at all is fine."""
    marks = "".join(re.escape(s) for s in separators)
    head = re.match(f"[0-9{marks}]*", text)
    whole = head.group().rstrip("".join(separators)) if head else ""
    groups = re.split(f"[{marks}]", whole) if marks else [whole]
    if len(groups) == 1:
        return True
    first, middle, last = groups[0], groups[1:-1], groups[-1]
    if len(last) != 3 or not first:
        return False
    if all(len(group) == 3 for group in middle):
        return len(first) <= 3
    return all(len(group) == 2 for group in middle) and len(first) <= 2


DEFAULT_STYLE = NumberStyle()
_style = DEFAULT_STYLE


def number_style() -> NumberStyle:
    return _style


def use_number_style(style: NumberStyle) -> None:
    """Set the process's style, as the locale is process-wide (the window sets it once).

    The CLI keeps the default so scripts read the same figures on every machine.
    """
    global _style
    _style = style


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
    match = _AMOUNT.match(_style.plain(cleaned))
    if not match:
        raise MoneyFormatError(f"“{text.strip()}” is not an amount (try 120000, 120,000 or 120k)")
    number = match["number"]
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
    """'$1,200,000' or '€90,000.50': the locale's grouping, the currency's symbol in front."""
    cents = cents and money.currency not in ZERO_DECIMAL_CURRENCIES
    amount = to_cents(money.amount) if cents else money.amount.quantize(Decimal(1))
    # The sign goes before the symbol: "-$1,200", as finance readers write it.
    sign = "-" if amount < 0 else ""
    return f"{sign}{currency_symbol(money.currency)}{_style.number(abs(amount), 2 if cents else 0)}"


def editable_amount(amount: Decimal) -> str:
    """'1,200,000' or '1,200.50': an amount as a field shows it for editing (no symbol)."""
    return _style.number(amount, 2).removesuffix(_style.decimal + "00")


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
    text = f"{scaled:f}".rstrip("0").rstrip(".").replace(".", _style.decimal)
    return f"{sign}{symbol}{text}{suffix}"

"""Reading what people type into spreadsheet cells: text, numbers, money and percentages.

Pure functions of one cell (plus, for numbers, the column's decimal convention). Each raises
ValueProblem with a sentence that names the cell's text when it does not read.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from qbr_desktop.domain.money import CURRENCIES, to_cents
from qbr_desktop.i18n import Message, msg

#: A cell longer than this is refused (its row is rejected), whatever the file format.
MAX_CELL_CHARS = 1_000_000
#: The first character that makes a spreadsheet treat a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@")

CellValue = str | int | float | bool | date | datetime | time | None


class ValueProblem(ValueError):
    """The cell does not read as the value its column needs (its argument is a Message)."""

    @property
    def message(self) -> Message | str:
        return self.args[0] if self.args else ""


def cell_text(value: CellValue) -> str:
    """A cell as text, exactly as a person would see it (12345.0 from Excel shows as 12345)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def clean_text(value: CellValue) -> str:
    """Text with outer whitespace trimmed and control characters (except tab, newline) removed."""
    text = value if type(value) is str else cell_text(value)
    if text.isprintable():
        return text.strip()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        c for c in text if c in "\t\n" or unicodedata.category(c) != "Cc"
    ).strip()


#: Line breaks, control characters and bidirectional overrides: quoted in a message, they
#: would split it over lines, drive the terminal, or reorder the rest of the sentence.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e"
                        "\u2066-\u2069]+")
ECHO_CHARS = 80


def shown(text: str, limit: int = ECHO_CHARS) -> str:
    """Text from a file as a message quotes it: one line, invisible characters as a space,
    at most `limit` characters (a 100,000-character header is not echoed in full)."""
    text = _INVISIBLE.sub(" ", text[:limit * 2]).strip() if len(text) > limit or not \
        text.isprintable() else text
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


# Numbers ---------------------------------------------------------------------------------
_GROUP_SPACES = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009'’](?=\d)")
_NUMBER_SHAPE = re.compile(r"\d[\d.,]*|[.,]\d+")
_GROUPED = {",": re.compile(r"\d{1,3}(?:,\d{3})+"), ".": re.compile(r"\d{1,3}(?:\.\d{3})+")}
_PLAIN = re.compile(r"-?\d+(?:\.\d+)?")
_AROUND_NUMBER = re.compile(r"^[^\d.,]+|[^\d.,]+$")


_SIGNS = {"-": True, "\u2212": True, "+": False}  # sign → negative
_SIGN_MARKS = frozenset("()+-\u2212")


def _sign_and_body(text: str) -> tuple[bool, str]:
    """One leading sign or accounting brackets ('(1,200.00)'), never both and never two:
    '--120000' is a typing error, not a positive number."""
    body = text.strip()
    bracketed = body.startswith("(") and body.endswith(")")
    if bracketed:
        body = body[1:-1].strip()
    negative = bracketed
    if body[:1] in _SIGNS and not bracketed:
        negative, body = _SIGNS[body[0]], body[1:].lstrip()
    if _SIGN_MARKS.intersection(body):
        raise ValueProblem(msg("“{value}” is not a number", value=shown(text.strip())))
    return negative, _GROUP_SPACES.sub("", body)


def _decimal_separator(body: str, decimal_comma: bool | None) -> str | None:
    """Which of '.' and ',' is the decimal point in `body` (None: a whole number)."""
    commas, dots = body.count(","), body.count(".")
    if commas and dots:
        return "," if body.rfind(",") > body.rfind(".") else "."
    if not commas and not dots:
        return None
    separator = "," if commas else "."
    if commas + dots > 1:
        return None  # "1,200,000" or "1.200.000": only grouping
    whole, fraction = body.split(separator)
    if len(fraction) != 3 or whole in ("", "0") or len(whole) > 3:
        return separator
    # "1,200" or "1.200": the column's convention decides; without one, a comma groups
    # thousands (1,200 = 1200) and a dot is a decimal point (1.200 = 1.2).
    if separator == ",":
        return "," if decimal_comma else None
    return None if decimal_comma else "."


def parse_decimal(text: str, *, decimal_comma: bool | None = None) -> Decimal:
    """'1,200.50', '1.200,50', '1 200,50', '(75)', '−5' → Decimal."""
    if _PLAIN.fullmatch(text) and not (decimal_comma and "." in text):
        return Decimal(text)  # the common case, kept fast for big files
    negative, body = _sign_and_body(text)
    if not _NUMBER_SHAPE.fullmatch(body):
        raise ValueProblem(msg("“{value}” is not a number", value=shown(text.strip())))
    decimal = _decimal_separator(body, decimal_comma)
    whole, _, fraction = body.rpartition(decimal) if decimal else (body, "", "")
    grouping = "," if "," in whole else "." if "." in whole else None
    if grouping and (grouping in fraction or not _GROUPED[grouping].fullmatch(whole)):
        raise ValueProblem(msg("“{value}” is not a number (its digit grouping is unusual)",
                               value=shown(text.strip())))
    digits = (whole.replace(grouping, "") if grouping else whole) or "0"
    try:
        value = Decimal(f"{digits}.{fraction}" if decimal else digits)
    except InvalidOperation as exc:
        raise ValueProblem(msg("“{value}” is not a number", value=shown(text.strip()))) from exc
    return -value if negative else value


def parse_number(text: str, *, decimal_comma: bool | None = None) -> float:
    """parse_decimal as a float, with a fast path for plain numbers ('42', '-5', '3.5')."""
    if _PLAIN.fullmatch(text) and not (decimal_comma and "." in text):
        return float(text)
    return float(parse_decimal(text, decimal_comma=decimal_comma))


def decimal_comma_evidence(text: str) -> bool | None:
    """True if this cell can only mean a decimal comma, False if only a decimal point."""
    if "," not in text and "." not in text:
        return None
    try:
        _negative, body = _sign_and_body(text)
    except ValueProblem:
        return None
    body = _AROUND_NUMBER.sub("", body)  # currency signs and codes, % and spaces
    if not _NUMBER_SHAPE.fullmatch(body):
        return None
    commas, dots = body.count(","), body.count(".")
    if commas and dots:
        return body.rfind(",") > body.rfind(".")
    if commas + dots > 1:
        return dots > 1  # "1.200.000" groups with dots, so commas are decimal points
    separator = "," if commas else "."
    whole, fraction = body.split(separator)
    if len(fraction) != 3 or whole in ("", "0") or len(whole) > 3:
        return separator == ","
    return None


def infer_decimal_comma(texts: Iterable[str]) -> bool | None:
    """The decimal convention of a column, from the cells that are unambiguous."""
    seen: set[bool] = set()
    for text in texts:
        evidence = decimal_comma_evidence(text)
        if evidence is not None:
            seen.add(evidence)
            if len(seen) == 2:
                return None
    return seen.pop() if seen else None


def parse_whole(text: str, *, decimal_comma: bool | None = None) -> int:
    value = parse_decimal(text, decimal_comma=decimal_comma)
    if value != value.to_integral_value():
        raise ValueProblem(msg("“{value}” is not a whole number", value=shown(text.strip())))
    return int(value)


def parse_percent(text: str, *, decimal_comma: bool | None = None) -> Decimal:
    """'45%', '45,5 %' or '0.45' → a fraction (0.45). Without a % sign, numbers between
    -1 and 1 are read as fractions and larger ones as percentage points ('45' → 0.45)."""
    stripped = text.strip()
    has_sign = stripped.endswith(("%", "％"))
    number = parse_decimal(stripped.rstrip("%％").strip(), decimal_comma=decimal_comma)
    if has_sign or abs(number) > 1:
        return number / 100
    return number


# Money -------------------------------------------------------------------------------------
_EXTRA_MARKERS = {"US$": "USD", "€": "EUR", "RMB": "CNY", "元": "CNY", "￥": "CNY", "£": "GBP",
                  "EURO": "EUR", "EUROS": "EUR", "Fr.": "CHF", "kr": "SEK"}
_MARKERS: dict[str, str] = {
    **{symbol.strip().casefold(): code for code, symbol in CURRENCIES.items()},
    **{code.casefold(): code for code in CURRENCIES},
    **{marker.casefold(): code for marker, code in _EXTRA_MARKERS.items()},
}
_MARKERS_LONGEST_FIRST = sorted(_MARKERS, key=len, reverse=True)
_SCALES = {"k": Decimal(1_000), "m": Decimal(1_000_000), "b": Decimal(1_000_000_000)}
MAX_MONEY_DIGITS = 20  # far beyond any ARR; keeps cents within Decimal's precision


def currency_code(text: str) -> str:
    """'usd', 'US$', '€' → the ISO code; anything else raises."""
    code = _MARKERS.get(text.strip().casefold())
    if code is None:
        raise ValueProblem(msg("“{value}” is not a currency QBR Desktop knows (use a code such "
                               "as USD, EUR or GBP)", value=shown(text.strip())))
    return code


def _strip_marker(text: str, *, suffix: bool) -> tuple[str, str | None]:
    folded = text.casefold()
    for marker in _MARKERS_LONGEST_FIRST:
        if (folded.endswith(marker) if suffix else folded.startswith(marker)):
            rest = text[:-len(marker)] if suffix else text[len(marker):]
            return rest.strip(), _MARKERS[marker]
    return text, None


def parse_money(text: str, *, decimal_comma: bool | None = None) -> tuple[Decimal, str | None]:
    """'$1,200.50', '1.200,50 €', 'USD 1200', '1 200,50', '90k' → (amount in cents, currency).

    The currency is None when the cell names none. A trailing euro sign ('1.200 €') marks
    the continental convention when the column has not settled it.
    """
    refused = ValueProblem(msg("“{value}” is not an amount of money", value=shown(text.strip())))
    negative, body, currency, trailing = _money_parts(text.strip())
    if not body or _SIGN_MARKS.intersection(body):
        raise refused
    scale = Decimal(1)
    if body[-1:].casefold() in _SCALES and body[:-1].rstrip()[-1:].isdigit():
        scale, body = _SCALES[body[-1].casefold()], body[:-1].rstrip()
    if decimal_comma is None and trailing == "EUR":
        decimal_comma = True
    try:
        amount = parse_decimal(body, decimal_comma=decimal_comma) * scale
    except ValueProblem as exc:
        raise refused from exc
    return money_in_cents(-amount if negative else amount, text), currency


def _money_parts(body: str) -> tuple[bool, str, str | None, str | None]:
    """(negative, the number's text, currency, the currency if written after the number),
    peeling brackets, one sign and one currency marker off in whatever order they come:
    '-$5', '$-5', '($1,200)', '(5) USD'. A second sign stays in the number and refuses it."""
    bracketed = signed = False
    negative = False
    currency = trailing = None
    while body:
        if body[0] == "(" and body[-1] == ")" and not (bracketed or signed):
            bracketed, negative, body = True, True, body[1:-1].strip()
        elif body[0] in _SIGNS and not (bracketed or signed):
            signed, negative, body = True, _SIGNS[body[0]], body[1:].strip()
        elif currency is None and (found := _strip_marker(body, suffix=False))[1]:
            body, currency = found
        elif currency is None and (found := _strip_marker(body, suffix=True))[1]:
            body, currency = found
            trailing = currency
        else:
            break
    return negative, body, currency, trailing


def money_in_cents(amount: Decimal, text: str) -> Decimal:
    """The amount rounded to cents; absurdly long numbers are refused, not crashed on."""
    if not amount.is_finite():  # a workbook's 1E+999 arrives as infinity
        raise ValueProblem(msg("“{value}” is not an amount of money", value=shown(text.strip())))
    if amount.adjusted() > MAX_MONEY_DIGITS:
        raise ValueProblem(msg("“{value}” is far too large to be an amount of money",
                               value=shown(text.strip())))
    return to_cents(amount)

"""Reading dates and quarters as exports write them.

ISO (2026-12-31), 2026/12/31, 31.12.2026, 31/12/2026 or 12/31/2026, "Dec 31, 2026",
"31-Dec-2026", "31. Dezember 2026", 2026年12月31日, and real dates from workbook cells;
quarters ("Q3 2026", "3. Quartal 2026", 2026年第三季度) and months ("2026-07", "Juli 2026",
"juil. 2026", 2026年7月) for metric periods. Whether 05/06/2026 is
5 June or May 6 is decided by an explicit setting, else by the column's unambiguous cells,
else the cell is reported as ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from qbr_desktop.domain.periods import EARLIEST_YEAR, LATEST_YEAR, Quarter
from qbr_desktop.i18n import Message, msg, msg_in_context
from qbr_desktop.imports.values import CellValue, ValueProblem, cell_text, shown

#: Month names and their usual abbreviations in English, German, French, Spanish,
#: Portuguese and Dutch (casefolded, without the abbreviation's dot).
_MONTH_WORDS = (
    ("jan", "january", "januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro",
     "januari"),
    ("feb", "february", "februar", "févr", "février", "fevrier", "fev", "febrero",
     "fevereiro", "februari"),
    ("mar", "march", "märz", "mär", "mrz", "mars", "marzo", "março", "marco", "maart", "mrt"),
    ("apr", "april", "avril", "avr", "abril", "abr"),
    ("may", "mai", "mayo", "maio", "mei"),
    ("jun", "june", "juni", "juin", "junio", "junho"),
    ("jul", "july", "juli", "juillet", "juil", "julio", "julho"),
    ("aug", "august", "août", "aout", "agosto", "ago", "augustus"),
    ("sep", "sept", "september", "septembre", "septiembre", "setiembre", "setembro", "set"),
    ("oct", "october", "oktober", "okt", "octobre", "octubre", "outubro", "out"),
    ("nov", "november", "novembre", "noviembre", "novembro"),
    ("dec", "december", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dezembro"),
)
MONTHS = {name: number for number, names in enumerate(_MONTH_WORDS, start=1)
          for name in names}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(rf"(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}")
_YEAR_FIRST = re.compile(rf"(\d{{4}})[/.](\d{{1,2}})[/.](\d{{1,2}}){_TIME}")
_DOTTED = re.compile(rf"(\d{{1,2}})\.\s?(\d{{1,2}})\.\s?(\d{{4}}|\d{{2}}){_TIME}")
_SLASHED = re.compile(rf"(\d{{1,2}})([/-])(\d{{1,2}})\2(\d{{4}}|\d{{2}}){_TIME}")
_MONTH_FIRST_NAMED = re.compile(r"([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DAY_FIRST_NAMED = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th|\.)?(?:\s+de)?[\s-]+([^\W\d_]{3,10})\.?,?(?:\s+de)?[\s-]+(\d{4}|\d{2})")
_CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?")
_EXCEL_EPOCH = date(1899, 12, 30)


class AmbiguousDate(ValueProblem):
    """Both day-first and month-first readings are real dates."""


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        return 2000 + value if value < 70 else 1900 + value
    return value


def _make(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise ValueProblem(msg("“{value}” is not a real date", value=shown(text))) from exc


def _month(text: str, name: str) -> int:
    number = MONTHS.get(name.casefold())
    if number is None:
        raise ValueProblem(msg("“{value}” is not a date (“{month}” is not a month)",
                               value=shown(text), month=shown(name)))
    return number


#: A month as a problem spells it ("5 June 2026"), in the interface language.
_MONTH_MESSAGES = (
    msg_in_context("month name", "January"), msg_in_context("month name", "February"),
    msg_in_context("month name", "March"), msg_in_context("month name", "April"),
    msg_in_context("month name", "May"), msg_in_context("month name", "June"),
    msg_in_context("month name", "July"), msg_in_context("month name", "August"),
    msg_in_context("month name", "September"), msg_in_context("month name", "October"),
    msg_in_context("month name", "November"), msg_in_context("month name", "December"))


def _spell(day: date) -> Message:
    return msg("{day} {month} {year}", day=day.day, month=_MONTH_MESSAGES[day.month - 1],
               year=day.year)


def date_order_evidence(text: str) -> bool | None:
    """True if the cell can only be day-first (31/12/2026), False if only month-first."""
    match = _SLASHED.fullmatch(text.strip())
    if not match:
        return None
    first, second = int(match[1]), int(match[3])
    if first > 12 >= second:
        return True
    if second > 12 >= first:
        return False
    return None


def infer_day_first(texts: Iterable[str]) -> bool | None:
    """The date order of a column, from the cells that can be read only one way."""
    seen: set[bool] = set()
    for text in texts:
        evidence = date_order_evidence(text)
        if evidence is not None:
            seen.add(evidence)
            if len(seen) == 2:
                return None
    return seen.pop() if seen else None


def excel_serial_date(serial: float) -> date:
    """A workbook number in a date column: days since 1899-12-30 (Excel's 1900 system)."""
    if not 1 <= serial < 2_958_466:
        raise ValueProblem(msg("{value} is not a date", value=format(serial, "g")))
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def parse_date(value: CellValue, *, day_first: bool | None = None) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return excel_serial_date(value)
    text = str(value).strip()
    if match := (_ISO.fullmatch(text) or _YEAR_FIRST.fullmatch(text) or _CJK.fullmatch(text)):
        return _make(text, int(match[1]), int(match[2]), int(match[3]))
    if match := _DOTTED.fullmatch(text):  # 31.12.2026 is day-first wherever it is written
        return _make(text, _year(match[3]), int(match[2]), int(match[1]))
    if match := _SLASHED.fullmatch(text):
        first, second, year = int(match[1]), int(match[3]), _year(match[4])
        order = day_first if day_first is not None else date_order_evidence(text)
        if order is None:
            if first == second or min(first, second) > 12:
                order = True  # the same either way, or no real date either way
            else:
                one, other = _make(text, year, second, first), _make(text, year, first, second)
                raise AmbiguousDate(msg(
                    "“{value}” could be {one} or {other}; choose whether dates put the day or "
                    "the month first", value=shown(text), one=_spell(one), other=_spell(other)))
        return _make(text, year, second, first) if order else _make(text, year, first, second)
    if match := _MONTH_FIRST_NAMED.fullmatch(text):
        return _make(text, int(match[3]), _month(text, match[1]), int(match[2]))
    if match := _DAY_FIRST_NAMED.fullmatch(text):
        return _make(text, _year(match[3]), _month(text, match[2]), int(match[1]))
    raise ValueProblem(msg("“{value}” is not a date (try 2026-12-31 or 31/12/2026)",
                           value=shown(text)))


_QUARTER_WORD = r"(?:Q|T|K|Qtr\.?\s*|Quarter\s*)"
_QUARTER_FIRST = re.compile(
    rf"(?:FY\s*)?{_QUARTER_WORD}([1-4])[\s\-/.]*(?:FY\s*)?'?(\d{{4}}|\d{{2}})", re.IGNORECASE)
_YEAR_FIRST_QUARTER = re.compile(r"(?:FY\s*)?(\d{4})\s*年?\s*[-/ ]?\s*[QTK]\s*([1-4])",
                                 re.IGNORECASE)
#: 1Q26, 1T 2026 (trimestre), 1. Quartal 2026, 1er trimestre 2026, 1e kwartaal 2026
_NUMBER_FIRST_QUARTER = re.compile(
    r"([1-4])(?:er|e|º|°)?\.?\s*(?:[QTK]|Quartal|trimestre|kwartaal|Qtr)\.?(?:\s+de)?"
    r"[\s\-/]*'?(\d{4}|\d{2})", re.IGNORECASE)
_CJK_QUARTER = re.compile(r"(\d{4})\s*年?\s*(?:第\s*)?([1-4一二三四])\s*(?:季度|四半期)")
_CJK_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
_YEAR_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{4})")
_CJK_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月份?")
#: "Jan 2026", "Januar 2026", "janv. 2026", "enero de 2026", "Jan-26", "Jan '26"
_NAMED_MONTH = re.compile(r"([^\W\d_]{3,10})\.?(?:\s+de)?\s*[-/ ]?\s*(\d{4})")
_NAMED_MONTH_SHORT_YEAR = re.compile(r"([^\W\d_]{3,10})\.?\s*(?:-|\s')\s*'?(\d{2})")
_YEAR_NAMED_MONTH = re.compile(r"(\d{4})\s*[-/ ]\s*([^\W\d_]{3,10})\.?")


class Span(StrEnum):
    """How much time one period cell or header covers."""

    QUARTER = "quarter"
    MONTH = "month"
    DAY = "day"  # a date: a snapshot, or the first day of a week or a month


@dataclass(frozen=True, slots=True)
class PeriodPoint:
    """A period as a file gives it: the quarter it falls in, and for a month or a date, when
    it starts (so the months of a quarter can be told apart and put in order)."""

    quarter: Quarter
    span: Span = Span.QUARTER
    start: date | None = None
    # Worked out once (a big file repeats a few periods): the quarter as stored ("2026Q3"),
    # where a part starts (None for a whole quarter), and whether the part is a month.
    stored: str = field(init=False, repr=False, compare=False)
    part_start: date | None = field(init=False, repr=False, compare=False)
    monthly: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "stored", str(self.quarter))
        object.__setattr__(self, "part_start", None if self.span is Span.QUARTER else self.start)
        object.__setattr__(self, "monthly", self.span is Span.MONTH)

    @property
    def is_part(self) -> bool:
        """True for a month or a date: a part of its quarter, to be rolled up."""
        return self.span is not Span.QUARTER


def parse_period(value: CellValue, *, day_first: bool | None = None) -> Quarter:
    """'2026Q3', '2026-Q3', 'Q3 2026', 'Q3-26', '2026年第三季度', a month ('2026-07',
    'Jul 2026') or any date inside it; only quarters from EARLIEST_YEAR to LATEST_YEAR."""
    return read_period(value, day_first=day_first).quarter


def read_period(value: CellValue, *, day_first: bool | None = None) -> PeriodPoint:
    """A quarter, a month or a date, as a PeriodPoint; raises ValueProblem."""
    point = _point(value, day_first)
    year = point.quarter.year
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise ValueProblem(msg("“{value}” is in the year {year}; quarters from {earliest} to "
                               "{latest} can be imported", value=shown(cell_text(value).strip()),
                               year=str(year), earliest=str(EARLIEST_YEAR),
                               latest=str(LATEST_YEAR)))
    return point


def _point(value: CellValue, day_first: bool | None) -> PeriodPoint:
    if not isinstance(value, str):
        day = parse_date(value, day_first=day_first)
        return PeriodPoint(Quarter.containing(day), Span.DAY, day)
    text = value.strip()
    quarter = quarter_label(text)
    if quarter is not None:
        return PeriodPoint(quarter)
    month = month_label(text)
    if month is not None:
        return PeriodPoint(Quarter.containing(month), Span.MONTH, month)
    try:
        day = parse_date(text, day_first=day_first)
    except AmbiguousDate:
        raise
    except ValueProblem as exc:
        raise ValueProblem(msg("“{value}” is not a quarter or a date (try 2026Q3, 2026-07 or "
                               "2026-07-31)", value=shown(text))) from exc
    return PeriodPoint(Quarter.containing(day), Span.DAY, day)


def quarter_label(text: str) -> Quarter | None:
    """The quarter a label such as 'Q3 2026' names, or None for any other text."""
    if match := _YEAR_FIRST_QUARTER.fullmatch(text):
        return Quarter(int(match[1]), int(match[2]))
    if match := (_QUARTER_FIRST.fullmatch(text) or _NUMBER_FIRST_QUARTER.fullmatch(text)):
        return Quarter(_year(match[2]), int(match[1]))
    if match := _CJK_QUARTER.fullmatch(text):
        number = match[2]
        return Quarter(int(match[1]), _CJK_DIGITS.get(number) or int(number))
    return None


def month_label(text: str) -> date | None:
    """The first day of the month a label such as '2026-07' or 'Juli 2026' names."""
    year = month = None
    if match := (_YEAR_MONTH.fullmatch(text) or _CJK_MONTH.fullmatch(text)):
        year, month = int(match[1]), int(match[2])
    elif match := _MONTH_YEAR.fullmatch(text):
        year, month = int(match[2]), int(match[1])
    elif match := (_NAMED_MONTH.fullmatch(text) or _NAMED_MONTH_SHORT_YEAR.fullmatch(text)):
        year, month = _year(match[2]), MONTHS.get(match[1].casefold())
    elif match := _YEAR_NAMED_MONTH.fullmatch(text):
        year, month = int(match[1]), MONTHS.get(match[2].casefold())
    if year is None or month is None or not 1 <= month <= 12:
        return None
    return date(year, month, 1)

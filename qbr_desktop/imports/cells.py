"""Reading the mapped cells of each row into typed values, with per-cell problems.

Column conventions (date order, decimal comma) are settled once per column from its
unambiguous cells, unless the person chose the date order explicitly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from qbr_desktop.domain.accounts import EmployeeBand
from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.i18n import Catalogue, Message, interface_catalogue, msg
from qbr_desktop.imports.account_language import customer_language
from qbr_desktop.imports.dates import (
    AmbiguousDate,
    PeriodPoint,
    date_order_evidence,
    parse_date,
    read_period,
)
from qbr_desktop.imports.fields import FieldType, TargetField, metric_key_for
from qbr_desktop.imports.table import RowProblem, SourceRow, SourceTable
from qbr_desktop.imports.table_rows import shown_header
from qbr_desktop.imports.values import (
    FORMULA_STARTS,
    CellValue,
    ValueProblem,
    clean_text,
    currency_code,
    decimal_comma_evidence,
    looks_like_formula,
    money_in_cents,
    parse_decimal,
    parse_money,
    parse_number,
    parse_percent,
    parse_whole,
    shown,
)


class Severity(StrEnum):
    ERROR = "error"  # the row is rejected
    WARNING = "warning"  # noted; the row is imported


@dataclass(frozen=True, slots=True)
class Problem:
    column: str | None  # the file's header, or None for the whole row
    message: Message | str
    severity: Severity = Severity.ERROR

    def describe(self, language: Catalogue | None = None) -> str:
        """'Renewal date: “31/02/2026” is not a real date', in the interface language unless
        another catalogue is given (`--json` keeps English)."""
        book = language if language is not None else interface_catalogue()
        text = self.message.render(book) if isinstance(self.message, Message) else self.message
        if not self.column:
            return text
        return msg("{column}: {problem}", column=shown_header(self.column),
                   problem=text).render(book)


@dataclass(frozen=True, slots=True)
class ImportOptions:
    #: True: 05/06/2026 is 5 June; False: May 6; None: decide per column from the file.
    day_first: bool | None = None


#: Where the currency read from an amount's symbol is kept among a row's values.
MONEY_CURRENCY = "_currency_of_"
#: Marks a number that was written as a percentage ("45%" is kept as the fraction 0.45).
PERCENT_MARK = "_percent_"
#: Where a period's PeriodPoint (quarter, or month or date within it) is kept.
PERIOD_POINT = "_point_"
#: What exports write in a number cell that has no value: read as an empty cell.
NO_DATA = frozenset({"-", "--", "–", "—", "n/a", "na", "n.a.", "k.a.", "k. a.", "s/d", "nd",
                     "n.d.", "n.v.", "null", "none", "无", "なし"})
_LEVELS = {
    **{level.value.casefold(): level for level in ContactLevel},
    **{name: ContactLevel.C_SUITE for name in (
        "c level", "c-level", "c suite", "cxo", "executive", "exec", "owner", "founder",
        "partner", "chief")},
    **{name: ContactLevel.VP for name in ("vice president", "svp", "evp", "avp", "vp level")},
    **{name: ContactLevel.DIRECTOR for name in ("head", "head of", "director level", "senior "
                                                "director")},
    **{name: ContactLevel.MANAGER for name in ("manager level", "team lead", "lead", "mgr")},
    **{name: ContactLevel.USER for name in (
        "individual contributor", "ic", "staff", "entry", "senior", "employee", "training",
        "intern", "end user")},
}
_BAND_TEXT = {band.value.replace("–", "-").replace(",", "").casefold(): band
              for band in EmployeeBand}
_BAND_LIMITS = ((50, EmployeeBand.MICRO), (200, EmployeeBand.SMALL), (1000, EmployeeBand.MEDIUM),
                (5000, EmployeeBand.LARGE), (20000, EmployeeBand.ENTERPRISE))


def contact_level(text: str) -> ContactLevel:
    level = _LEVELS.get(" ".join(text.replace("-", " ").casefold().split()))
    if level is None:
        level = _LEVELS.get(text.strip().casefold())
    if level is None:
        raise ValueProblem(msg("“{value}” is not a level (use C-suite, VP, Director, Manager or "
                               "User)", value=shown(text)))
    return level


def level_from_title(title: str) -> ContactLevel:
    """A sensible level for a new contact whose file gives only a job title."""
    words = f" {title.casefold().replace(',', ' ')} "
    if any(w in words for w in (" chief ", " ceo ", " cfo ", " cto ", " coo ", " cio ",
                                " president ", " founder ", " owner ")) and " vice " not in words:
        return ContactLevel.C_SUITE
    if " vp " in words or " vice president " in words or " svp " in words:
        return ContactLevel.VP
    if " director " in words or " head of " in words:
        return ContactLevel.DIRECTOR
    if " manager " in words or " lead " in words:
        return ContactLevel.MANAGER
    return ContactLevel.USER


def employee_band(value: CellValue, *, decimal_comma: bool | None = None) -> str:
    """A band's own text ('201-1,000') or a head count (250 → '201–1,000')."""
    text = clean_text(value)
    band = _BAND_TEXT.get(text.replace("–", "-").replace(",", "").replace(" ", "").casefold())
    if band is not None:
        return band.value
    try:
        count = parse_whole(text, decimal_comma=decimal_comma)
    except ValueProblem as exc:
        raise ValueProblem(msg("“{value}” is not a head count or one of the employee bands",
                               value=shown(text))) from exc
    if count < 0:
        raise ValueProblem(msg("“{value}” employees cannot be below zero", value=shown(text)))
    return next((band.value for limit, band in _BAND_LIMITS if count <= limit),
                EmployeeBand.GLOBAL.value)


_YES_NO = {"yes": 1.0, "y": 1.0, "true": 1.0, "no": 0.0, "n": 0.0, "false": 0.0}
_CONVENTION_KINDS = frozenset({FieldType.DATE, FieldType.PERIOD, FieldType.MONEY,
                               FieldType.NUMBER, FieldType.WHOLE, FieldType.EMPLOYEES})


class _Evidence:
    """A column's convention, settled from its unambiguous cells as the rows stream by.
    Each distinct text is judged once (a big file repeats its quarters and amounts), and
    judging stops once the column has contradicted itself."""

    __slots__ = ("_judge", "_seen", "_found")
    _REMEMBERED = 50_000

    def __init__(self, judge: Callable[[str], bool | None]) -> None:
        self._judge = judge
        self._seen: set[str] = set()
        self._found: set[bool] = set()

    def add(self, text: str) -> None:
        if len(self._found) == 2 or text in self._seen:
            return
        if len(self._seen) < self._REMEMBERED:
            self._seen.add(text)
        evidence = self._judge(text)
        if evidence is not None:
            self._found.add(evidence)

    def result(self) -> bool | None:
        return next(iter(self._found)) if len(self._found) == 1 else None


class CellReader:
    """Parses the mapped columns of each row of one table."""

    def __init__(self, table: SourceTable, mapping: Mapping[str, str],
                 fields: Mapping[str, TargetField], options: ImportOptions,
                 also: Callable[[CellReader, SourceRow], None] | None = None) -> None:
        """Settles each column's conventions in one pass over the rows (`also` sees each
        row of that pass too, so a planner needs no pass of its own)."""
        self.headers = {key: header for key, header in mapping.items()
                        if header and key in fields}
        self.columns = [(key, table.column(header), header, fields[key].type)
                        for key, header in self.headers.items()]
        self.day_first: dict[str, bool | None] = {}
        self.decimal_comma: dict[str, bool | None] = {}
        self.ambiguous_dates = False
        self._periods: dict[str, Any] = {}
        self._metrics: dict[str, Any] = {}
        evidence: list[tuple[str, int, _Evidence]] = []
        for key, index, _header, kind in self.columns:
            if kind in (FieldType.DATE, FieldType.PERIOD):
                if options.day_first is not None:
                    self.day_first[key] = options.day_first
                else:
                    evidence.append((key, index, _Evidence(date_order_evidence)))
            elif kind in _CONVENTION_KINDS:
                evidence.append((key, index, _Evidence(decimal_comma_evidence)))
        if evidence or also is not None:
            for row in table.rows:
                cells = row.cells
                for _key, index, found in evidence:
                    if type(cell := cells[index]) is str and cell:
                        found.add(cell)
                if also is not None:
                    also(self, row)
        for key, _index, found in evidence:
            target = self.day_first if self.columns_kind(key) in (
                FieldType.DATE, FieldType.PERIOD) else self.decimal_comma
            target[key] = found.result()
        # A column with only ambiguous numbers ("1.500" seats) follows the rest of the file
        # when its other number columns agree ("1.200,50 €" makes it fifteen hundred).
        settled = {v for v in self.decimal_comma.values() if v is not None}
        if len(settled) == 1:
            file_wide = settled.pop()
            for key, value in self.decimal_comma.items():
                if value is None:
                    self.decimal_comma[key] = file_wide
        self._parsers: dict[FieldType, Callable[[str, CellValue], Any]] = {
            FieldType.CURRENCY: lambda _k, v: currency_code(str(v)),
            FieldType.WHOLE: self._whole,
            FieldType.NUMBER: self._number,
            FieldType.DATE: lambda k, v: parse_date(v, day_first=self.day_first[k]),
            FieldType.EMPLOYEES: lambda k, v: employee_band(
                v, decimal_comma=self.decimal_comma[k]),
            FieldType.LEVEL: lambda _k, v: contact_level(str(v)),
            FieldType.METRIC_NAME: self._metric,
            FieldType.LANGUAGE: lambda _k, v: customer_language(str(v)),
        }

        self._mapped = set(self.headers.values())
        self._readers = [(key, index, header, self._reader_for(kind))
                         for key, index, header, kind in self.columns]

    def header(self, key: str) -> str | None:
        return self.headers.get(key)

    def columns_kind(self, key: str) -> FieldType | None:
        return next((kind for k, _i, _h, kind in self.columns if k == key), None)

    def index(self, key: str) -> int | None:
        """The position of a mapped field's column in each row's cells."""
        return next((i for k, i, _h, _kind in self.columns if k == key), None)

    def text(self, row: SourceRow, key: str) -> str | None:
        """A text column's value as `read` gives it, without reading the rest of the row."""
        index = self.index(key)
        if index is None:
            return None
        raw = row.cells[index]
        if raw is None:
            return None
        text = (raw.strip() if raw.isprintable() else clean_text(raw)) if type(raw) is str \
            else clean_text(raw)
        return text or None

    def read(self, row: SourceRow) -> tuple[dict[str, Any], list[Problem]]:
        """The row's non-empty mapped cells as typed values, and what was wrong with them."""
        values: dict[str, Any] = {}
        problems = [self._row_problem(p) for p in row.problems] if row.problems else []
        cells = row.cells
        for key, index, header, parse in self._readers:
            raw = cells[index]
            if raw is None:
                continue
            if type(raw) is str:
                raw = raw.strip() if raw.isprintable() else clean_text(raw)
                if not raw:
                    continue
            if parse is None:  # text
                if type(raw) is not str:
                    raw = clean_text(raw)
                elif raw[0] in FORMULA_STARTS and not _is_plain_number(raw):
                    problems.append(Problem(header, msg(
                        "starts with “{start}”; kept as text, never run as a formula",
                        start=shown(raw[0])), Severity.WARNING))
                values[key] = raw
                continue
            try:
                parse(key, raw, values)
            except AmbiguousDate as exc:
                self.ambiguous_dates = True
                problems.append(Problem(header, exc.message))
            except ValueProblem as exc:
                message = exc.message
                if isinstance(raw, str) and looks_like_formula(raw):
                    message = msg("{problem} (formulas are never evaluated)", problem=message)
                problems.append(Problem(header, message))
        return values, problems

    def _row_problem(self, problem: RowProblem) -> Problem:
        """A problem found reading the file; one in a column that is not imported (an
        oversized note, say) only warns: nothing of it would have been stored."""
        error = problem.error and (problem.column is None or problem.column in self._mapped)
        return Problem(problem.column, problem.message,
                       Severity.ERROR if error else Severity.WARNING)

    def _reader_for(self, kind: FieldType) -> Callable[[str, Any, dict[str, Any]], None] | None:
        """A function that parses one cell into `values`; None for plain text."""
        if kind is FieldType.TEXT:
            return None
        if kind is FieldType.MONEY:
            def money(key: str, raw: Any, values: dict[str, Any]) -> None:
                values[key], currency = self._money(key, raw)
                if currency is not None:
                    values[MONEY_CURRENCY + key] = currency
            return money
        if kind is FieldType.PERIOD:
            def period(key: str, raw: Any, values: dict[str, Any]) -> None:
                point = self._period(key, raw)
                values[key] = point.stored
                values[PERIOD_POINT + key] = point
            return period
        parser = self._parsers[kind]
        if kind is FieldType.NUMBER:
            def number(key: str, raw: Any, values: dict[str, Any]) -> None:
                if type(raw) is str and raw.casefold() in NO_DATA:
                    return
                if type(raw) is str and raw.endswith("%"):
                    values[key] = float(parse_percent(raw, decimal_comma=self.decimal_comma[key]))
                    values[PERCENT_MARK + key] = True
                else:
                    values[key] = parser(key, raw)
            return number

        def other(key: str, raw: Any, values: dict[str, Any]) -> None:
            values[key] = parser(key, raw)
        return other

    def _money(self, key: str, value: CellValue) -> tuple[Decimal, str | None]:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return money_in_cents(Decimal(str(value)), str(value)), None
        return parse_money(str(value), decimal_comma=self.decimal_comma[key])

    def _whole(self, key: str, value: CellValue) -> int:
        if isinstance(value, int | float) and not isinstance(value, bool):
            if float(value).is_integer():
                return int(value)
            raise ValueProblem(msg("{value} is not a whole number", value=format(value, "g")))
        return parse_whole(str(value), decimal_comma=self.decimal_comma[key])

    def _number(self, key: str, value: CellValue) -> float:
        if isinstance(value, int | float):  # a workbook's TRUE/FALSE too: 1 and 0
            return float(value)
        text = str(value)
        answer = _YES_NO.get(text.casefold())
        if answer is not None:  # flags such as "Executive sponsor engaged: yes"
            return answer
        return parse_number(text, decimal_comma=self.decimal_comma[key])

    def _cached(self, cache: dict[str, Any], text: str, parse: Callable[[str], Any]) -> Any:
        """Big files repeat a handful of quarters and metric names: parse each text once."""
        result = cache.get(text)
        if result is None:
            try:
                result = cache[text] = parse(text)
            except ValueProblem as exc:
                result = cache[text] = (type(exc), exc.message)
        if type(result) is tuple:
            raise result[0](result[1])
        return result

    def _period(self, key: str, value: CellValue) -> PeriodPoint:
        """The quarter, month or date a period cell names."""
        day_first = self.day_first[key]
        if not isinstance(value, str):
            return read_period(value, day_first=day_first)
        return self._cached(self._periods, value,
                            lambda text: read_period(text, day_first=day_first))

    def _metric(self, _key: str, value: CellValue) -> str:
        return str(self._cached(self._metrics, str(value), _metric_key))


def _metric_key(text: str) -> str:
    key = metric_key_for(text)
    if key is None:
        raise ValueProblem(msg("“{value}” is not a metric QBR Desktop tracks (such as Active "
                               "users, Licensed seats, Logins, NPS or CSAT)", value=shown(text)))
    return key


def _is_plain_number(text: str) -> bool:
    try:
        parse_decimal(text)
    except ValueProblem:
        return False
    return True

"""A file's rows as read, before any column means anything: headers, cells, row numbers.

Row numbers are the ones a person sees in a spreadsheet: the header is row 1, a quoted cell
spanning several lines is still one row, and blank rows keep their number.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple

from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.values import MAX_CELL_CHARS, CellValue, clean_text

MAX_ROWS = 1_000_000



@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Pause the cycle collector while a big file becomes hundreds of thousands of small
    objects: its repeated full passes over them would otherwise cost more than the parse.
    Reference counting still frees everything; nothing built here forms cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class RowProblem(NamedTuple):
    """Something wrong with a row as read: `column` is its header, None for the whole row."""

    column: str | None
    message: str
    error: bool = True  # False: a warning; the row is still imported


class SourceRow(NamedTuple):
    """One data row (a NamedTuple: a big file has a hundred thousand of them)."""

    number: int
    cells: tuple[CellValue, ...]  # one per header, padded with None
    problems: tuple[RowProblem, ...] = ()


@dataclass(frozen=True)
class SourceTable:
    """One sheet or CSV file: unique header names, data rows and what was noticed reading it."""

    name: str
    headers: tuple[str, ...]
    raw_headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    notices: tuple[str, ...] = ()
    #: Headers that appear more than once: never matched automatically.
    ambiguous_headers: frozenset[str] = frozenset()
    format: str = "CSV"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    _index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def column(self, header: str) -> int:
        if not self._index:
            self._index.update({h: i for i, h in enumerate(self.headers)})
        return self._index[header]

    def describe(self) -> str:
        parts = [self.format]
        if self.encoding:
            parts.append(self.encoding)
        if self.delimiter:
            parts.append(DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter)))
        if self.sheet:
            parts.append(f"sheet “{self.sheet}”")
        rows = len(self.rows)
        parts.append(f"{rows:,} row{'s' if rows != 1 else ''} below the header")
        return ", ".join(parts)


DELIMITER_NAMES = {",": "comma-separated", ";": "semicolon-separated", "\t": "tab-separated",
                   "|": "separated by |"}


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the name a spreadsheet gives a column."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _is_blank(cells: Sequence[CellValue]) -> bool:
    try:
        return not "".join(cells).strip()  # type: ignore[arg-type]  # all text: the fast path
    except TypeError:
        return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _headers(raw: Sequence[CellValue], width: int, row: int
             ) -> tuple[tuple[str, ...], tuple[str, ...], list[str], frozenset[str]]:
    names = [clean_text(c).lstrip("\ufeff").strip() for c in raw[:width]]
    names += [""] * (width - len(names))
    headers: list[str] = []
    notices: list[str] = []
    seen: dict[str, int] = {}
    ambiguous: set[str] = set()
    for index, name in enumerate(names):
        letter = column_letter(index)
        if not name:
            headers.append(f"Column {letter}")
            continue
        key = name.casefold()
        if key in seen:
            first = seen[key]
            ambiguous.update({headers[first], f"{name} (column {letter})"})
            headers.append(f"{name} (column {letter})")
            notices.append(
                f"Row {row}: the header “{name}” appears in columns {column_letter(first)} and "
                f"{letter}; neither is matched automatically, so choose the one to use.")
        else:
            seen[key] = index
            headers.append(name)
    return tuple(headers), tuple(names), notices, frozenset(ambiguous)


def _oversized(cells: list[CellValue], headers: Sequence[str]) -> list[RowProblem]:
    try:
        if max(map(len, cells), default=0) <= MAX_CELL_CHARS:  # type: ignore[arg-type]
            return []
    except TypeError:
        pass  # workbook rows mix numbers and dates with text
    problems: list[RowProblem] = []
    for index, cell in enumerate(cells):
        if isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
            header = headers[index] if index < len(headers) else f"Column {column_letter(index)}"
            problems.append(RowProblem(
                header, f"the cell holds {len(cell):,} characters; the limit is "
                        f"{MAX_CELL_CHARS:,}"))
            cells[index] = ""
    return problems


def _footer_start(records: list[tuple[int, list[CellValue]]], width: int) -> int | None:
    """Where a report footer begins: after the last blank row, single-cell lines only
    (Salesforce ends its exports with a confidentiality note and a copyright line)."""
    last_blank = None
    for position in range(len(records) - 1, max(len(records) - 8, -1), -1):
        if _is_blank(records[position][1]):
            last_blank = position
            break
    if last_blank is None or last_blank == len(records) - 1:
        return None
    tail = records[last_blank + 1:]
    if len(tail) > 5 or any(
        len(cells) >= width or sum(1 for c in cells if c not in (None, "")) > 1
        for _n, cells in tail
    ):
        return None
    return last_blank


def build_table(records: Iterable[tuple[int, list[CellValue]]], *, name: str,
                strict_width: bool, width_hints: dict[int, str] | None = None,
                format: str = "CSV", encoding: str | None = None,
                delimiter: str | None = None, sheet: str | None = None,
                sheets: tuple[str, ...] = (),
                bad_rows: dict[int, str] | None = None,
                notices: tuple[str, ...] = ()) -> SourceTable:
    """Turn numbered records into a table. With `strict_width` (CSV), a row whose field count
    differs from the header's is rejected; otherwise (workbooks) short rows are padded and
    cells beyond the header are ignored with a warning."""
    header_number, raw_header = 0, []
    rest: list[tuple[int, list[CellValue]]] = []
    for number, cells in records:
        if not header_number:
            if not _is_blank(cells):
                header_number, raw_header = number, cells
            continue
        rest.append((number, cells))
        if len(rest) > MAX_ROWS:
            raise UnreadableFile(f"{name} has more than {MAX_ROWS:,} rows; split it into "
                                 "smaller files and import them one after another")
    if not header_number:
        raise UnreadableFile(f"{name} is empty: there is no header row and no data")
    width = max((i + 1 for i, c in enumerate(raw_header) if c not in (None, "")), default=0)
    if strict_width:
        width = len(raw_header)
    headers, raw_headers, header_notices, ambiguous = _headers(raw_header, width, header_number)
    messages = [*notices, *header_notices]
    if header_number != 1:
        messages.insert(0, f"The header is row {header_number}; the rows above it are blank.")
    footer = _footer_start(rest, width)
    if footer is not None:
        skipped = rest[footer + 1:]
        first_text = next((clean_text(c) for c in skipped[0][1] if c not in (None, "")), "")
        messages.append(f"Rows {skipped[0][0]}–{skipped[-1][0]} look like a report footer "
                       f"(“{first_text[:60]}”) and were skipped.")
        rest = rest[:footer]
    rows: list[SourceRow] = []
    padding: tuple[CellValue, ...] = ()
    no_problems: tuple[RowProblem, ...] = ()
    for number, cells in rest:
        if _is_blank(cells):
            continue
        problems = _oversized(cells, headers)
        if bad_rows and number in bad_rows:
            problems.append(RowProblem(None, bad_rows[number]))
        count = len(cells)
        if count != width:
            extra = cells[width:]
            if strict_width and (count < width or not _is_blank(extra)):
                hint = (width_hints or {}).get(number, "")
                problems.append(RowProblem(None, f"has {count} field{'s' if count != 1 else ''} "
                                                 f"but the header has {width}{hint}"))
            elif not strict_width and not _is_blank(extra):
                problems.append(RowProblem(
                    None, f"has values beyond the last header (column {column_letter(width)} "
                          "onwards); they were ignored", error=False))
            cells = cells[:width]
            if len(cells) < width:
                if len(padding) != width - len(cells):
                    padding = (None,) * (width - len(cells))
                cells = cells + list(padding)
        rows.append(SourceRow(number, tuple(cells), tuple(problems) if problems else no_problems))
    return SourceTable(name=name, headers=headers, raw_headers=raw_headers, rows=tuple(rows),
                       notices=tuple(messages), ambiguous_headers=ambiguous, format=format,
                       encoding=encoding, delimiter=delimiter, sheet=sheet, sheets=sheets)

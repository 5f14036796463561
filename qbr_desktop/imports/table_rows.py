"""One record at a time into a table row: headers, widths, blank rows, footers, oversized
and unreadable cells. Used by every pass over a file, so each pass builds the same rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from qbr_desktop.i18n import Message, msg, msg_plural
from qbr_desktop.imports.values import MAX_CELL_CHARS, CellValue, clean_text, shown


class RowProblem(NamedTuple):
    """Something wrong with a row as read: `column` is its header, None for the whole row."""

    column: str | None
    message: Message | str
    error: bool = True  # False: a warning; the row is still imported


class SourceRow(NamedTuple):
    """One data row (a NamedTuple: a big file has a hundred thousand of them)."""

    number: int
    cells: tuple[CellValue, ...]  # one per header, padded with None
    problems: tuple[RowProblem, ...] = ()


class BadCell:
    """A cell the file holds but that cannot be read (a workbook's NaN, a broken reference):
    its row carries the reason, and the cell reads as empty."""

    __slots__ = ("message",)

    def __init__(self, message: Message | str) -> None:
        self.message = message

    def __repr__(self) -> str:
        return f"BadCell({self.message!r})"


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the name a spreadsheet gives a column."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def is_blank(cells: Sequence[Any]) -> bool:
    try:
        return not "".join(cells).strip()  # all text: the fast path
    except TypeError:
        return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


# Names given to columns the file leaves unnamed or names twice. They stay the columns'
# keys (a mapping and a remembered layout name them so) and are worded for the reader
# where shown (shown_header).
_UNNAMED = re.compile(r"Column ([A-Z]+)")
_REPEATED = re.compile(r"(.+) \(column ([A-Z]+)\)")


def shown_header(header: str) -> Message | str:
    """A column as the reader sees it: the file's own header as written, and the names made
    for an unnamed or repeated header ("Column C", "Email (column D)") in their language."""
    if match := _UNNAMED.fullmatch(header):
        return msg("Column {letter}", letter=match[1])
    if match := _REPEATED.fullmatch(header):
        return msg("{name} (column {letter})", name=match[1], letter=match[2])
    return header


def header_names(raw: Sequence[Any], width: int, row: int
                 ) -> tuple[tuple[str, ...], tuple[str, ...], list[Message], frozenset[str]]:
    names = [clean_text(c if not isinstance(c, BadCell) else None).lstrip("\ufeff").strip()
             for c in raw[:width]]
    names += [""] * (width - len(names))
    headers: list[str] = []
    notices: list[Message] = []
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
            if len(notices) < 10:
                notices.append(msg(
                    "Row {row}: the header “{header}” appears in columns {first} and "
                    "{second}; neither is matched automatically, so choose the one to use.",
                    row=row, header=shown(name), first=column_letter(first), second=letter))
        else:
            seen[key] = index
            headers.append(name)
    return tuple(headers), tuple(names), notices, frozenset(ambiguous)


def footer_start(records: list[tuple[int, list[Any]]], width: int) -> int | None:
    """Where a report footer begins among the last records: after the last blank row,
    single-cell lines only (Salesforce ends its exports with a confidentiality note and a
    copyright line)."""
    last_blank = None
    for position in range(len(records) - 1, -1, -1):
        if is_blank(records[position][1]):
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


class RowBuilder:
    """Builds each data row the same way on every pass over a file."""

    def __init__(self, headers: Sequence[str], width: int, strict_width: bool,
                 width_hint: Callable[[list[Any], int], Message | str] | None,
                 bad_row: Callable[[list[Any]], Message | str | None] | None) -> None:
        self.headers, self.width, self.strict = headers, width, strict_width
        self.width_hint, self.bad_row = width_hint, bad_row
        self.built = 0
        self._padding: tuple[CellValue, ...] = ()

    def _header(self, index: int) -> str:
        return self.headers[index] if index < len(self.headers) else \
            f"Column {column_letter(index)}"

    def build(self, number: int, cells: list[Any]) -> SourceRow | None:
        if is_blank(cells):
            return None
        self.built += 1
        problems = self._cell_problems(cells)
        if self.bad_row is not None and (message := self.bad_row(cells)):
            problems.append(RowProblem(None, message))
        width, count = self.width, len(cells)
        if count != width:
            extra = cells[width:]
            if self.strict and (count < width or not is_blank(extra)):
                hint = self.width_hint(cells, width) if self.width_hint else ""
                problems.append(RowProblem(None, msg_plural(
                    "has {count:,} field but the header has {width:,}{hint}",
                    "has {count:,} fields but the header has {width:,}{hint}", count,
                    width=width, hint=hint)))
            elif not self.strict and not is_blank(extra):
                problems.append(RowProblem(
                    None, msg("has values beyond the last header (column {column} onwards); "
                              "they were ignored", column=column_letter(width)), error=False))
            cells = cells[:width]
            if len(cells) < width:
                if len(self._padding) != width - len(cells):
                    self._padding = (None,) * (width - len(cells))
                cells = cells + list(self._padding)
        return SourceRow(number, tuple(cells), tuple(problems) if problems else ())

    def _cell_problems(self, cells: list[Any]) -> list[RowProblem]:
        """Oversized and unreadable cells: each becomes empty, and its column a problem."""
        try:
            if max(map(len, cells), default=0) <= MAX_CELL_CHARS:
                return []
        except TypeError:
            pass  # workbook rows mix numbers, dates and unreadable cells with text
        problems: list[RowProblem] = []
        for index, cell in enumerate(cells[:self.width]):
            if isinstance(cell, BadCell):
                problems.append(RowProblem(self._header(index), cell.message))
                cells[index] = None
            elif isinstance(cell, str) and len(cell) > MAX_CELL_CHARS:
                problems.append(RowProblem(
                    self._header(index), msg("the cell holds {length:,} characters; the limit "
                                             "is {limit:,}", length=len(cell),
                                             limit=MAX_CELL_CHARS)))
                cells[index] = ""
        return problems

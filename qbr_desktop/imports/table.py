"""A file's rows as read, before any column means anything: headers, cells, row numbers.

Row numbers are the ones a person sees in a spreadsheet: the header is row 1, a quoted cell
spanning several lines is still one row, and blank rows keep their number.

A big file is never held in memory: reading it scans it once (header, row count, footer,
what is wrong with it) and keeps only its first rows; every later use (preview, import,
rejects file) reads it again, row by row, from the file. A small one keeps its rows.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, overload

from qbr_desktop.i18n import N_, Message, msg, msg_plural
from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.table_rows import (
    BadCell,
    RowBuilder,
    RowProblem,
    SourceRow,
    column_letter,
    footer_start,
    header_names,
    is_blank,
)
from qbr_desktop.imports.values import clean_text, shown

MAX_ROWS = 1_000_000
#: Columns a file may have (Excel allows 16,384). Every row is padded to the header's
#: width, so this bounds what one row can cost.
MAX_COLUMNS = 4_096
#: A file with more cells (or characters) than this is read again for each use instead of
#: kept in memory.
CACHED_CELLS = 1_000_000
CACHED_CHARS = 32_000_000
HEAD_ROWS = 100
#: A report footer is looked for among this many last records.
_FOOTER_WINDOW = 7

#: Numbered records as a reader yields them: a fresh pass over the file on each call.
Records = Callable[[], Iterator[tuple[int, list[Any]]]]


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


class Rows(Sequence[SourceRow]):
    """A table's data rows: kept, or read again from the file on each pass."""

    def __init__(self, count: int, head: tuple[SourceRow, ...],
                 kept: tuple[SourceRow, ...] | None,
                 again: Callable[[], Iterator[SourceRow]] | None) -> None:
        self._count, self._head, self._kept, self._again = count, head, kept, again

    @property
    def streamed(self) -> bool:
        return self._kept is None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[SourceRow]:
        if self._kept is not None:
            return iter(self._kept)
        assert self._again is not None
        return self._again()

    @overload
    def __getitem__(self, index: int) -> SourceRow: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[SourceRow, ...]: ...

    def __getitem__(self, index: int | slice) -> SourceRow | tuple[SourceRow, ...]:
        if self._kept is not None:
            return self._kept[index]
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if stop <= len(self._head):
                return self._head[index]
            return tuple(islice(iter(self), start, stop, step))
        position = index + self._count if index < 0 else index
        if not 0 <= position < self._count:
            raise IndexError("row index out of range")
        if position < len(self._head):
            return self._head[position]
        return next(islice(iter(self), position, None))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows | tuple | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other,
                                                                          strict=False))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<{self._count:,} rows{' (read from the file)' if self.streamed else ''}>"


def _no_rows() -> Rows:
    return Rows(0, (), (), None)


@dataclass(frozen=True)
class SourceTable:
    """One sheet or CSV file: unique header names, data rows and what was noticed reading it."""

    name: str
    headers: tuple[str, ...]
    raw_headers: tuple[str, ...]
    rows: Rows = field(default_factory=_no_rows)
    notices: tuple[Message | str, ...] = ()
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

    def describe(self) -> Message:
        """'CSV, UTF-8, comma-separated, 3 rows below the header', rendered where shown."""
        parts: list[Message | str] = [self.format]
        if self.encoding:
            parts.append(self.encoding)
        if self.delimiter:
            name = DELIMITER_NAMES.get(self.delimiter)
            parts.append(msg(name) if name else repr(self.delimiter))
        if self.sheet:
            parts.append(msg("sheet “{sheet}”", sheet=shown(self.sheet)))
        parts.append(msg_plural("{count:,} row below the header", "{count:,} rows below the header",
                                len(self.rows)))
        return listed(parts)  # the format and the row count are always there


def listed(parts: Sequence[Message | str]) -> Message:
    """Two or more parts as one list ("a, b, c"), with the language's own separator."""
    joined = msg("{list}, {item}", list=parts[0], item=parts[1])
    for part in parts[2:]:
        joined = msg("{list}, {item}", list=joined, item=part)
    return joined


DELIMITER_NAMES = {",": N_("comma-separated"), ";": N_("semicolon-separated"),
                   "\t": N_("tab-separated"), "|": N_("separated by |")}


@dataclass
class _Scan:
    """What one pass over the records found."""

    header_number: int = 0
    raw_header: list[Any] = field(default_factory=list)
    count: int = 0
    head: list[SourceRow] = field(default_factory=list)
    kept: list[SourceRow] | None = field(default_factory=list)
    cells: int = 0
    chars: int = 0


def too_wide(name: str, width: int) -> UnreadableFile:
    return UnreadableFile(msg(
        "{file}: the header row reaches column {column} ({count:,} columns); at most "
        "{limit:,} columns can be imported, so delete the columns that are not needed and "
        "import again", file=name, column=column_letter(width - 1), count=width,
        limit=MAX_COLUMNS))


def build_table(records: Records, *, name: str, strict_width: bool,
                width_hint: Callable[[list[Any], int], Message | str] | None = None,
                format: str = "CSV", encoding: str | None = None,
                delimiter: str | None = None, sheet: str | None = None,
                sheets: tuple[str, ...] = (),
                bad_row: Callable[[list[Any]], Message | str | None] | None = None,
                notices: Callable[[], Sequence[Message | str]] | Sequence[Message | str] = (),
                ) -> SourceTable:
    """Turn numbered records into a table. With `strict_width` (CSV), a row whose field count
    differs from the header's is rejected; otherwise (workbooks) short rows are padded and
    cells beyond the header are ignored with a warning. `records` is called once now (the
    scan) and again for each later pass when the file is too big to keep."""
    scan = _Scan()
    stream = records()
    for number, cells in stream:
        if not is_blank(cells):
            scan.header_number, scan.raw_header = number, cells
            break
    if not scan.header_number:
        raise UnreadableFile(msg("{file} is empty: there is no header row and no data",
                                 file=name))
    raw_header = scan.raw_header
    width = len(raw_header) if strict_width else max(
        (i + 1 for i, c in enumerate(raw_header) if c not in (None, "")), default=0)
    if width > MAX_COLUMNS:
        raise too_wide(name, width)
    headers, raw_headers, header_notices, ambiguous = header_names(raw_header, width,
                                                                   scan.header_number)
    builder = RowBuilder(headers, width, strict_width, width_hint, bad_row)
    tail: list[tuple[int, list[Any]]] = []  # the last records, for the footer decision
    for number, cells in stream:
        scan.count += 1
        if scan.count > MAX_ROWS:
            raise UnreadableFile(msg("{file} has more than {limit:,} rows; split it into "
                                     "smaller files and import them one after another",
                                     file=name, limit=MAX_ROWS))
        tail.append((number, cells))
        if len(tail) > 16:
            del tail[:8]
        row = builder.build(number, cells)
        if row is None:
            continue
        if len(scan.head) < HEAD_ROWS:
            scan.head.append(row)
        if scan.kept is not None:
            scan.cells += len(row.cells) + 1
            try:
                scan.chars += sum(map(len, row.cells))  # type: ignore[arg-type]
            except TypeError:  # workbook rows mix numbers and dates with text
                scan.chars += sum(len(c) for c in row.cells if type(c) is str)
            if scan.cells > CACHED_CELLS or scan.chars > CACHED_CHARS:
                scan.kept = None  # too big to keep: later passes read the file again
            else:
                scan.kept.append(row)
    messages = [*(notices() if callable(notices) else notices), *header_notices]
    if scan.header_number != 1:
        messages.insert(0, msg("The header is row {row}; the rows above it are blank.",
                               row=scan.header_number))
    window = tail[-_FOOTER_WINDOW:]
    footer = footer_start(window, width)
    last = None
    if footer is not None:
        skipped = window[footer + 1:]
        first_text = next((clean_text(c) for c in skipped[0][1] if c not in (None, "")), "")
        messages.append(msg("Rows {first}–{last} look like a report footer (“{text}”) and "
                            "were skipped.", first=skipped[0][0], last=skipped[-1][0],
                            text=shown(first_text, 60)))
        last = window[footer][0]
        scan.head = [r for r in scan.head if r.number < last]
        if scan.kept is not None:
            scan.kept = [r for r in scan.kept if r.number < last]
    count = builder.built
    if last is not None:  # the footer's rows were built before they were known to be one
        count -= sum(1 for n, cells in tail if n >= last and not is_blank(cells))
    header_number = scan.header_number
    rows = Rows(count, tuple(scan.head), None if scan.kept is None else tuple(scan.kept),
                lambda: _rows(records, builder, header_number, last))
    return SourceTable(name=name, headers=headers, raw_headers=raw_headers, rows=rows,
                       notices=tuple(messages), ambiguous_headers=ambiguous, format=format,
                       encoding=encoding, delimiter=delimiter, sheet=sheet, sheets=sheets)


def _rows(records: Records, builder: RowBuilder, header: int,
          last: int | None) -> Iterator[SourceRow]:
    """One more pass: the same rows the scan built, read again from the file."""
    for number, cells in records():
        if number <= header:
            continue
        if last is not None and number >= last:
            break
        row = builder.build(number, cells)
        if row is not None:
            yield row


__all__ = ["MAX_COLUMNS", "MAX_ROWS", "BadCell", "Records", "RowProblem", "Rows", "SourceRow",
           "SourceTable", "build_table", "bulk_allocation", "column_letter"]

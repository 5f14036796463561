"""Excel workbooks (.xlsx): one sheet, streamed row by row, each cell read on its own.

openpyxl opens the workbook (sheet names, shared strings, which styles are dates) after the
archive has been checked (workbook_archive.py). The chosen sheet's XML is then streamed
here, a row at a time: only the cells a row really holds are looked at (a row with one value
in column XFD costs one cell, not 16,384), what the zip really hands out is counted, and a
cell that cannot be read (NaN, a broken reference, text the workbook lacks) makes its own
row's problem instead of refusing the whole workbook.
"""

from __future__ import annotations

import math
import re
import warnings
import zipfile
from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse

from qbr_desktop.i18n import Message, english, msg
from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.sources import FileSource
from qbr_desktop.imports.table import (
    MAX_COLUMNS,
    BadCell,
    SourceTable,
    build_table,
    listed,
    too_wide,
)
from qbr_desktop.imports.table_rows import is_blank
from qbr_desktop.imports.values import shown
from qbr_desktop.imports.workbook_archive import (
    MAX_UNPACKED_BYTES,
    OLE2_SIGNATURE,
    check_workbook_archive,
)

__all__ = ["MAX_UNPACKED_BYTES", "OLE2_SIGNATURE", "check_workbook_archive", "read_workbook"]

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _SHEET_DATA = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}sheetData"
_STRING, _TEXT, _RUN = f"{_MAIN}si", f"{_MAIN}t", f"{_MAIN}r"
_REFERENCE = re.compile(r"([A-Za-z]{1,3})([1-9][0-9]{0,6})")
_EXCEL_COLUMNS = 16_384
_SHEETS_LISTED = 10


class _Damaged(Exception):
    """The sheet's XML or its compressed data is broken."""


class _Budgeted:
    """A member's bytes as really unpacked, refused past the budget whatever the zip said."""

    def __init__(self, stream: Any, budget: int) -> None:
        self._stream, self._left = stream, budget

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size if size >= 0 else 1 << 20)
        self._left -= len(data)
        if self._left < 0:
            raise _TooBig
        return data


class _TooBig(Exception):
    pass


def _cell(value: Any) -> Any:
    if value is None or isinstance(value, str | int | bool):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else BadCell(
            msg("the cell holds {value}, which is not a number a spreadsheet can hold",
                value=repr(value)))
    if isinstance(value, date):  # a date-formatted cell: a real date already
        return value
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    text = getattr(value, "text", None)  # array formulas
    if isinstance(text, str):
        return text
    if type(value).__name__ == "DataTableFormula":
        return BadCell(msg("the cell holds a data table, which is never calculated here"))
    return BadCell(msg("the cell's value cannot be read"))


def _column(reference: str | None) -> int | None:
    """A cell reference's column number (1 for A), None when it is not a real reference."""
    match = _REFERENCE.fullmatch(reference or "")
    if not match:
        return None
    number = 0
    for letter in match[1].upper():
        number = number * 26 + ord(letter) - 64
    return number if number <= _EXCEL_COLUMNS else None


class _Sheet:
    """What a pass over the chosen sheet needs, kept from opening the workbook once."""

    def __init__(self, source: FileSource, name: str, title: str, part: str,
                 strings: list[Any], date_formats: Any, timedelta_formats: Any,
                 epoch: Any) -> None:
        self.source, self.name, self.title, self.part = source, name, title, part
        self.strings, self.epoch = strings, epoch
        self.date_formats, self.timedelta_formats = date_formats, timedelta_formats
        self.sheets: tuple[str, ...] = ()

    def __call__(self) -> Iterator[tuple[int, list[Any]]]:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # dates out of range: openpyxl warns, we reject
                yield from self._records()
        except _TooBig as exc:
            raise UnreadableFile(msg("{file}, sheet “{sheet}” unpacks to more than {limit} MB, "
                                     "so it is refused (save the sheet as CSV)",
                                     file=self.name, sheet=shown(self.title),
                                     limit=MAX_UNPACKED_BYTES // (1024 * 1024))) from exc
        except (_Damaged, ParseError, zipfile.BadZipFile, EOFError, OSError, KeyError,
                ValueError, RuntimeError, NotImplementedError) as exc:
            if isinstance(exc, UnreadableFile):
                raise
            raise UnreadableFile(msg("{file}, sheet “{sheet}” is damaged, so it cannot be read; "
                                     "open the workbook in a spreadsheet program and save it "
                                     "again", file=self.name, sheet=shown(self.title))) from exc
        self.source.check_unchanged()

    def _records(self) -> Iterator[tuple[int, list[Any]]]:
        from openpyxl.worksheet._reader import WorkSheetParser

        header = [0]  # this pass's own: the header row's last column, once read

        with self.source.open() as handle, zipfile.ZipFile(handle) as archive, \
                archive.open(self.part) as member:
            parser = WorkSheetParser(None, self.strings, epoch=self.epoch,
                                     date_formats=self.date_formats,
                                     timedelta_formats=self.timedelta_formats)
            sheet_data = None
            number = 0
            for event, element in iterparse(_Budgeted(member, MAX_UNPACKED_BYTES),
                                            events=("start", "end")):
                if event == "start":
                    if element.tag == _SHEET_DATA:
                        sheet_data = element
                    continue
                if element.tag == _ROW:
                    number = self._row_number(element.get("r"), number)
                    cells = self._cells(parser, element, number, header)
                    if sheet_data is not None:
                        sheet_data.clear()  # rows already read are not kept in the tree
                    yield number, cells
                elif element.tag == _SHEET_DATA:
                    return  # what follows the cells (formatting, links) is not needed

    @staticmethod
    def _row_number(text: str | None, previous: int) -> int:
        """The row's number; a missing, garbled or backwards one follows the previous row."""
        try:
            number = int(text) if text is not None else previous + 1
        except ValueError:
            number = previous + 1
        return max(number, previous + 1)

    def _cells(self, parser: Any, row: Any, number: int, header: list[int]) -> list[Any]:
        present: list[tuple[int, Any]] = []
        column = 0
        for element in row:
            if element.tag != _CELL:
                continue
            reference = element.get("r")
            found = _column(reference)
            if reference is not None and found is None:
                del element.attrib["r"]  # read it as the next column, flagged below
            elif reference is not None:
                element.set("r", reference.upper())
            column = found if found is not None else column + 1
            parser.row_counter, parser.col_counter = number, column - 1
            try:
                value = _cell(parser.parse_cell(element)["value"])
            except Exception:  # noqa: BLE001 - each damaged cell only spoils its own row
                value = BadCell(msg("the cell cannot be read (the workbook is damaged here)"))
            if found is None and reference is not None:
                value = BadCell(msg("the cell's reference “{reference}” is not a real cell, so "
                                    "it cannot be read", reference=shown(reference, 20)))
            present.append((column, value))
        if not present:
            return []
        # Past the header's last column only "something is there" matters (the row is
        # warned about): a value in column XFD must not cost 16,384 cells on every pass.
        limit = header[0] or MAX_COLUMNS
        if not header[0] and not is_blank([v for _c, v in present]):
            last = max(c for c, v in present if v not in (None, ""))
            if last > MAX_COLUMNS:  # the header itself: say how far it really reaches
                raise too_wide(self.name, last)
        width = min(max(c for c, _ in present), limit + 1)
        cells: list[Any] = [None] * width
        for position, value in present:
            if position <= limit:
                cells[position - 1] = value
            elif value is not None and value != "":
                cells[limit] = "…"
        if not header[0] and not is_blank(cells):  # the header row, as build_table sees it
            header[0] = max(i + 1 for i, c in enumerate(cells) if c not in (None, ""))
        return cells


def read_workbook(path: Path, name: str, sheet: str | None = None) -> SourceTable:
    check_workbook_archive(path, name)
    source = FileSource(path, name)
    records = _open_sheet(source, name, sheet)
    try:
        return build_table(records, name=name, strict_width=False, format="Excel workbook",
                           sheet=records.title, sheets=records.sheets)
    except UnreadableFile as exc:
        if english(exc.message).startswith(f"{name} is empty"):
            raise UnreadableFile(msg("{file}, sheet “{sheet}” is empty", file=name,
                                     sheet=shown(records.title))) from exc
        raise


def _shared_strings(stream: Any) -> list[str]:
    """The shared-string table, as openpyxl reads it (plain text, then rich-text runs), but
    with each entry's XML dropped once read: openpyxl keeps an emptied element per string,
    which doubles what a table of millions of short strings costs."""
    strings: list[str] = []
    root = None
    for event, element in iterparse(stream, events=("start", "end")):
        if event == "start":
            if root is None:
                root = element
            continue
        if element.tag == _STRING:
            plain = element.find(_TEXT)
            parts = [plain.text or ""] if plain is not None else []
            parts += [run_text.text or "" for run in element.iterfind(_RUN)
                      if (run_text := run.find(_TEXT)) is not None]
            strings.append("".join(parts).replace("x005F_", ""))
            if root is not None:
                root.clear()
    return strings


def _load(handle: Any) -> Any:
    """openpyxl's load_workbook (read-only, formulas as text), reading shared strings lean."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.xml.constants import SHARED_STRINGS

    class LeanReader(ExcelReader):
        def read_strings(self) -> None:
            found = self.package.find(SHARED_STRINGS)
            if found is not None:
                with self.archive.open(found.PartName[1:]) as stream:
                    self.shared_strings = _shared_strings(stream)

    reader = LeanReader(handle, read_only=True, keep_vba=False, data_only=False,
                        keep_links=False)
    reader.read()
    return reader.wb


def _open_sheet(source: FileSource, name: str, sheet: str | None) -> _Sheet:
    try:
        with warnings.catch_warnings(), source.open() as handle:
            warnings.simplefilter("ignore")  # styles and extensions openpyxl cannot read
            book = _load(handle)
            try:
                names = tuple(ws.title for ws in book.worksheets)
                chosen = _choose(names, name, sheet)
                worksheet = book[chosen]
                records = _Sheet(source, name, chosen, worksheet._worksheet_path,
                                 worksheet._shared_strings, book._date_formats,
                                 book._timedelta_formats, book.epoch)
                records.sheets = names
            finally:
                book.close()
    except UnreadableFile:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for damaged parts
        raise UnreadableFile(msg("{file} could not be opened as a workbook: it is damaged or "
                                 "was not saved by a spreadsheet program; open it in one and "
                                 "save it again", file=name)) from exc
    return records


def _choose(names: tuple[str, ...], name: str, sheet: str | None) -> str:
    if not names:
        raise UnreadableFile(msg("{file} has no worksheets", file=name))
    if sheet is None:
        return names[0]
    matches = [n for n in names if n.casefold() == sheet.strip().casefold()]
    if not matches:
        quoted: list[Message | str] = [msg("“{sheet}”", sheet=shown(n, 40))
                                       for n in names[:_SHEETS_LISTED]]
        if len(names) > _SHEETS_LISTED:
            quoted[-1] = msg("{list} and {count:,} more", list=quoted[-1],
                             count=len(names) - _SHEETS_LISTED)
        raise UnreadableFile(msg("{file} has no sheet called “{sheet}” (it has {sheets})",
                                 file=name, sheet=shown(sheet, 40),
                                 sheets=quoted[0] if len(quoted) == 1 else listed(quoted)))
    return matches[0]

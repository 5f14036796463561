"""Excel workbooks (.xlsx): checked as zip archives before openpyxl is allowed to open them.

A crafted workbook can unpack to gigabytes from a few kilobytes. zipfile only reads what a
member's header declares, so checking the declared sizes and compression ratios here,
before openpyxl, bounds what opening the file can cost.
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any, BinaryIO

from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.table import MAX_ROWS, SourceTable, build_table
from qbr_desktop.imports.values import CellValue

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
#: Members smaller than this cannot hurt, however well they compress.
RATIO_CHECK_FROM_BYTES = 1024 * 1024
MAX_MEMBERS = 10_000
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MB = 1024 * 1024


def check_workbook_archive(path: Path, name: str) -> None:
    """Refuse what is not a workbook, or would unpack to too much, before opening it."""
    if not zipfile.is_zipfile(path):
        with path.open("rb") as handle:
            head = handle.read(8)
        if head == OLE2_SIGNATURE:
            raise UnreadableFile(f"{name} is an Excel 97–2003 workbook (.xls); open it in a "
                                 "spreadsheet program, save it as .xlsx or CSV and import that")
        raise UnreadableFile(f"{name} is not an Excel workbook (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableFile(f"{name} is a damaged zip archive ({exc})") from exc
    if len(members) > MAX_MEMBERS:
        raise UnreadableFile(f"{name} holds {len(members):,} files; a workbook has a few dozen, "
                             "so it is refused")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(
            f"{name} would unpack to {unpacked / _MB:,.0f} MB; workbooks over "
            f"{MAX_UNPACKED_BYTES // _MB} MB unpacked are refused (save the sheet as CSV)")
    for member in members:
        if member.file_size > RATIO_CHECK_FROM_BYTES and (
                member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)):
            ratio = member.file_size / max(member.compress_size, 1)
            raise UnreadableFile(
                f"{name} is refused: its part {member.filename} is compressed {ratio:,.0f} to 1, "
                f"far beyond a real workbook's (a limit of {MAX_COMPRESSION_RATIO} to 1 guards "
                "against zip bombs)")
    packed = sum(m.compress_size for m in members)
    if unpacked > RATIO_CHECK_FROM_BYTES and unpacked > MAX_COMPRESSION_RATIO * max(packed, 1):
        raise UnreadableFile(
            f"{name} is refused: it is compressed {unpacked / max(packed, 1):,.0f} to 1, far "
            f"beyond a real workbook's (a limit of {MAX_COMPRESSION_RATIO} to 1 guards against "
            "zip bombs)")
    if not any(m.filename == "xl/workbook.xml" for m in members):
        raise UnreadableFile(f"{name} is a zip archive but not an Excel workbook")


def _cell(value: Any) -> CellValue:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, date):  # a date-formatted cell: a real date already
        return value
    if isinstance(value, time):
        return value.isoformat()
    text = getattr(value, "text", None)  # array and data-table formulas
    return str(text if text is not None else value)


def _rows(sheet: Any) -> Iterator[tuple[int, list[CellValue]]]:
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS + 1:
            break  # build_table reports the limit
        yield number, [_cell(v) for v in values]


def read_workbook(path: Path, name: str, sheet: str | None = None) -> SourceTable:
    check_workbook_archive(path, name)
    with path.open("rb") as handle:  # a handle: openpyxl would refuse other file extensions
        chosen, names, records = _read_sheet(handle, name, sheet)
    try:
        return build_table(records, name=name, strict_width=False, format="Excel workbook",
                           sheet=chosen, sheets=names)
    except UnreadableFile as exc:
        if "is empty" in str(exc):
            raise UnreadableFile(f"{name}, sheet “{chosen}” is empty") from exc
        raise


def _read_sheet(handle: BinaryIO, name: str, sheet: str | None
                ) -> tuple[str, tuple[str, ...], list[tuple[int, list[CellValue]]]]:
    import openpyxl  # heavy: imported only when a workbook is read

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # styles and extensions openpyxl cannot read
            book = openpyxl.load_workbook(handle, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for damaged parts
        raise UnreadableFile(f"{name} could not be opened as a workbook "
                             f"({type(exc).__name__}: {exc})") from exc
    try:
        names = tuple(ws.title for ws in book.worksheets)
        if not names:
            raise UnreadableFile(f"{name} has no worksheets")
        if sheet is None:
            chosen = names[0]
        else:
            matches = [n for n in names if n.casefold() == sheet.strip().casefold()]
            if not matches:
                listed = ", ".join(f"“{n}”" for n in names)
                raise UnreadableFile(f"{name} has no sheet called “{sheet}” (it has {listed})")
            chosen = matches[0]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return chosen, names, list(_rows(book[chosen]))
        except Exception as exc:  # noqa: BLE001 - damaged sheet XML surfaces as many types
            raise UnreadableFile(f"{name}, sheet “{chosen}” could not be read "
                                 f"({type(exc).__name__}: {exc})") from exc
    finally:
        book.close()

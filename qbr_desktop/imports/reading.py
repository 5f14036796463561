"""Opening an import file: the only module here that touches the file system."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

from qbr_desktop.i18n import msg
from qbr_desktop.imports.csv_text import table_from_csv
from qbr_desktop.imports.errors import UnreadableFile, os_error_reason
from qbr_desktop.imports.sources import FileSource
from qbr_desktop.imports.table import SourceTable, bulk_allocation
from qbr_desktop.imports.values import shown
from qbr_desktop.imports.workbook import read_workbook
from qbr_desktop.imports.workbook_archive import OLE2_SIGNATURE, ole_refusal

MAX_TEXT_FILE_BYTES = 512 * 1024 * 1024
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def read_table(path: Path, *, sheet: str | None = None) -> SourceTable:
    """Read a CSV/TSV/TXT file or one sheet of a workbook; raises UnreadableFile.

    A big file is scanned now and read again, row by row, each time its rows are used."""
    with bulk_allocation():
        return _read(Path(path), sheet)


def _read(path: Path, sheet: str | None) -> SourceTable:
    name = shown(path.name, 200)  # the person's own name for it, on one line
    try:
        status = path.stat()
    except FileNotFoundError as exc:
        raise UnreadableFile(msg("{file} does not exist", file=shown(str(path), 300))) from exc
    except OSError as exc:
        raise UnreadableFile(msg("{file} cannot be read ({reason})", file=name,
                                 reason=os_error_reason(exc, path))) from exc
    try:
        if stat.S_ISDIR(status.st_mode):
            raise UnreadableFile(msg("{file} is a folder, not a file; choose a file inside it",
                                     file=name))
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableFile(msg("{file} is not a file that can be imported (it is a "
                                     "device, a pipe or a socket); choose a CSV or XLSX file",
                                     file=name))
        if status.st_size == 0:
            raise UnreadableFile(msg("{file} is empty", file=name))
        if path.suffix.lower() in WORKBOOK_SUFFIXES:
            return read_workbook(path, name, sheet)
        with path.open("rb") as handle:
            head = handle.read(8)
        if head == OLE2_SIGNATURE:
            raise ole_refusal(path, name)
        if head.startswith(b"PK\x03\x04") and _is_workbook(path):
            return read_workbook(path, name, sheet)
        if status.st_size > MAX_TEXT_FILE_BYTES:
            raise UnreadableFile(msg(
                "{file} is {size:,.0f} MB; text files over {limit} MB are refused", file=name,
                size=status.st_size / 1024 / 1024, limit=MAX_TEXT_FILE_BYTES // 1024 // 1024))
        return table_from_csv(FileSource(path, name))
    except OSError as exc:
        raise UnreadableFile(msg("{file} cannot be read ({reason})", file=name,
                                 reason=os_error_reason(exc, path))) from exc


def _is_workbook(path: Path) -> bool:
    """A workbook saved with the wrong extension is still read as a workbook."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False

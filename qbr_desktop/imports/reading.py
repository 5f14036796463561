"""Opening an import file: the only module here that touches the file system."""

from __future__ import annotations

import zipfile
from pathlib import Path

from qbr_desktop.imports.csv_text import table_from_csv_bytes
from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.table import SourceTable, bulk_allocation
from qbr_desktop.imports.workbook import OLE2_SIGNATURE, read_workbook

MAX_TEXT_FILE_BYTES = 512 * 1024 * 1024
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def read_table(path: Path, *, sheet: str | None = None) -> SourceTable:
    """Read a CSV/TSV/TXT file or one sheet of a workbook; raises UnreadableFile."""
    with bulk_allocation():
        return _read(Path(path), sheet)


def _read(path: Path, sheet: str | None) -> SourceTable:
    name = path.name
    try:
        if not path.exists():
            raise UnreadableFile(f"{path} does not exist")
        if path.is_dir():
            raise UnreadableFile(f"{path} is a folder, not a file")
        size = path.stat().st_size
        if size == 0:
            raise UnreadableFile(f"{name} is empty")
        if path.suffix.lower() in WORKBOOK_SUFFIXES:
            return read_workbook(path, name, sheet)
        with path.open("rb") as handle:
            head = handle.read(8)
        if head == OLE2_SIGNATURE:
            raise UnreadableFile(f"{name} is an Excel 97–2003 workbook (.xls); save it as .xlsx "
                                 "or CSV and import that")
        if head.startswith(b"PK\x03\x04") and _is_workbook(path):
            return read_workbook(path, name, sheet)
        if size > MAX_TEXT_FILE_BYTES:
            raise UnreadableFile(f"{name} is {size / 1024 / 1024:,.0f} MB; text files over "
                                 f"{MAX_TEXT_FILE_BYTES // 1024 // 1024} MB are refused")
        return table_from_csv_bytes(path.read_bytes(), name)
    except PermissionError as exc:
        raise UnreadableFile(f"{name} cannot be read: permission denied") from exc
    except OSError as exc:
        raise UnreadableFile(f"{name} cannot be read ({exc.strerror or exc})") from exc


def _is_workbook(path: Path) -> bool:
    """A workbook saved with the wrong extension is still read as a workbook."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False

"""CSV the app writes: cells a spreadsheet would run as formulas are neutralised, and files
appear whole or not at all."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from qbr_desktop.atomic_files import replacing
from qbr_desktop.imports.values import CellValue, cell_text

#: A spreadsheet treats a cell starting with one of these as a formula (tab and carriage
#: return hide the sign from a reader of the file).
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?")


def neutralise_cell(text: str) -> str:
    """Prefix a single quote so a spreadsheet shows the cell as text instead of running it.

    Real numbers stay numbers: '-5' and '-1,200.50' are left alone, '-2+3' is not.
    """
    if text.startswith(DANGEROUS_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[CellValue]]) -> None:
    """UTF-8 CSV with a BOM (so spreadsheet programs detect it), cells neutralised."""
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([neutralise_cell(cell_text(h)) for h in header])
        for row in rows:
            writer.writerow([neutralise_cell(cell_text(c)) for c in row])


def write_csv_atomically(path: Path, header: Sequence[str],
                         rows: Iterable[Sequence[CellValue]]) -> Path:
    """write_csv to a temporary file in the target folder, then move it into place: readers
    never see half a file."""
    path = Path(path)
    with replacing(path) as temporary:
        write_csv(temporary, header, rows)
    return path

"""CSV text into a table: the delimiter decision and the parse, with quotes respected.

The delimiter is the candidate (comma, semicolon, tab, bar) that splits the header into the
most columns while keeping the field count of the first rows the same as the header's;
quoted cells (including quoted newlines) are parsed as one field. Rows that disagree are
reported by number, with the delimiter they seem to use.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager

from qbr_desktop.imports.decoding import REPLACEMENT, decode_bytes
from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.table import SourceTable, build_table
from qbr_desktop.imports.values import CellValue

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_LABELS = {",": "“,”", ";": "“;”", "\t": "a tab", "|": "“|”"}
#: The csv module refuses longer fields. Raised deliberately (its default is 128 KiB) so a
#: long cell gets its own row-numbered message, and capped so a quote left open cannot make
#: one field swallow the memory of the machine.
CSV_FIELD_LIMIT = 64 * 1024 * 1024
_SAMPLE_CHARS = 64 * 1024
_SAMPLE_RECORDS = 50


@contextmanager
def field_size_limit(limit: int) -> Iterator[None]:
    """The csv module's limit is process-wide: raise it for one parse, then put it back."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _sample_records(text: str, delimiter: str) -> list[list[str]]:
    sample = text[:_SAMPLE_CHARS]
    complete = len(sample) == len(text)
    records: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
            if record and any(field.strip() for field in record):
                records.append(record)
            if len(records) > _SAMPLE_RECORDS:
                break
    except csv.Error:
        pass  # a sample cut inside a quoted cell; the full parse reports real errors
    if not complete and len(records) > 1 and len(records) <= _SAMPLE_RECORDS:
        records.pop()  # the last record may be cut short by the sample's end
    return records[:_SAMPLE_RECORDS]


def detect_delimiter(text: str) -> str:
    """The delimiter whose field counts over the first rows agree best with the header."""
    best, best_score = ",", (-1.0, 0)
    for delimiter in DELIMITERS:
        with field_size_limit(CSV_FIELD_LIMIT):
            records = _sample_records(text, delimiter)
        if not records or len(records[0]) < 2:
            continue
        width = len(records[0])
        agreeing = sum(1 for r in records if len(r) == width) / len(records)
        score = (agreeing, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _seems_split_by(cells: list[CellValue], width: int, used: str) -> str:
    """For a row with the wrong field count: the delimiter it seems to use instead."""
    line = used.join(str(c) for c in cells if c is not None)
    for other in DELIMITERS:
        if other == used:
            continue
        try:
            fields = next(csv.reader([line], delimiter=other), [])
        except csv.Error:
            continue
        if len(fields) == width:
            return (f"; it seems separated by {DELIMITER_LABELS[other]} while the file uses "
                    f"{DELIMITER_LABELS[used]}")
    return ""


def _records(text: str, delimiter: str, name: str) -> list[tuple[int, list[CellValue]]]:
    records: list[tuple[int, list[CellValue]]] = []
    number = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for number, record in enumerate(reader, start=1):
            records.append((number, record))  # type: ignore[arg-type]
    except csv.Error as exc:
        row = number + 1
        message = str(exc)
        if "field larger than field limit" in message:
            raise UnreadableFile(
                f"{name}, row {row}: a cell is longer than {CSV_FIELD_LIMIT:,} characters, so "
                "the file cannot be read (is a quotation mark left open?)") from exc
        if "unexpected end of data" in message:
            raise UnreadableFile(
                f"{name}, row {row}: a quotation mark opened in this row is never closed, so "
                "the rest of the file would become one cell") from exc
        return _lenient_records(text, delimiter, name)
    return records


def _lenient_records(text: str, delimiter: str, name: str) -> list[tuple[int, list[CellValue]]]:
    """Text after a closing quote ("abc"def) is kept, as spreadsheet programs do."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(n, list(record)) for n, record in enumerate(reader, start=1)]
    except csv.Error as exc:  # pragma: no cover - the strict pass catches the same errors
        raise UnreadableFile(f"{name} is not a readable CSV file ({exc})") from exc


def table_from_csv_bytes(data: bytes, name: str) -> SourceTable:
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise UnreadableFile(f"{name} is empty")
    decoded = decode_bytes(data, name)
    text = decoded.text
    if not text.strip():
        raise UnreadableFile(f"{name} is empty")
    delimiter = detect_delimiter(text)
    with field_size_limit(CSV_FIELD_LIMIT):
        records = _records(text, delimiter, name)
    header = next((cells for _n, cells in records if any(str(c).strip() for c in cells)), [])
    width = len(header)
    hints = {number: _seems_split_by(cells, width, delimiter)
             for number, cells in records if len(cells) not in (0, width)}
    bad_rows: dict[int, str] = {}
    notices: tuple[str, ...] = ()
    if decoded.damaged:
        notices = (f"Some rows hold bytes that are not valid {decoded.encoding} (the file "
                   "mixes encodings); those rows are rejected.",)
        message = (f"contains bytes that are not valid {decoded.encoding} (shown as "
                   f"{REPLACEMENT}); the file mixes encodings, so save it again as UTF-8")
        for number, cells in records:
            if any(isinstance(c, str) and REPLACEMENT in c for c in cells):
                bad_rows[number] = message
    return build_table(records, name=name, strict_width=True, width_hints=hints,
                       encoding=decoded.encoding, delimiter=delimiter, bad_rows=bad_rows,
                       notices=notices)

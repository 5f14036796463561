"""CSV text into a table: the delimiter decision and the parse, with quotes respected.

The delimiter is the candidate (comma, semicolon, tab, bar) that splits the header into the
most columns while keeping the field count of the first rows the same as the header's;
quoted cells (including quoted newlines) are parsed as one field. Rows that disagree are
reported by number, with the delimiter they seem to use.

The file is decoded and parsed as it streams, one record at a time, and no record may grow
past RECORD_LIMIT characters, so memory stays bounded whatever the file holds.
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from qbr_desktop.i18n import N_, Message, msg, msg_plural
from qbr_desktop.imports.decoding import REPLACEMENT, Encoding, detect_encoding
from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.sources import ByteSource, MemorySource, head
from qbr_desktop.imports.table import SourceTable, build_table

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_LABELS = {",": "“,”", ";": "“;”", "\t": N_("a tab"), "|": "“|”"}
#: The csv module refuses longer fields. Raised deliberately (its default is 128 KiB) so a
#: long cell gets its own row-numbered message, and capped so a quote left open cannot make
#: one field swallow the memory of the machine.
CSV_FIELD_LIMIT = 16 * 1024 * 1024
#: The most characters one record (one row, its quoted line breaks included) may span.
RECORD_LIMIT = 32 * 1024 * 1024
_SAMPLE_CHARS = 64 * 1024
_SAMPLE_RECORDS = 50
_BLANK_BYTES = b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"
_ROWS_NAMED = 5


_limit_lock = threading.Lock()
_limit_users = 0
_limit_before = 0


@contextmanager
def field_size_limit(limit: int) -> Iterator[None]:
    """The csv module's limit is process-wide: raise it while parses run (several may, on
    worker threads), then put it back when the last one ends."""
    global _limit_users, _limit_before
    with _limit_lock:
        if _limit_users == 0:
            _limit_before = csv.field_size_limit(limit)
        else:
            csv.field_size_limit(limit)
        _limit_users += 1
    try:
        yield
    finally:
        with _limit_lock:
            _limit_users -= 1
            if _limit_users == 0:
                csv.field_size_limit(_limit_before)


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


def _delimiter_label(delimiter: str) -> Message:
    return msg(DELIMITER_LABELS[delimiter])


def _seems_split_by(cells: list[Any], width: int, used: str) -> Message | str:
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
            return msg("; it seems separated by {other} while the file uses {used}",
                       other=_delimiter_label(other), used=_delimiter_label(used))
    return ""


class _Place:
    """Where one pass over the file is: the record it reads, and how long that record is."""

    __slots__ = ("number", "chars")

    def __init__(self) -> None:
        self.number = self.chars = 0


class _Lenient(Exception):
    """The strict parse met text after a closing quote: parse again, as spreadsheets do."""


class _CsvRecords:
    """The file's records, numbered, each pass decoding and parsing it afresh."""

    def __init__(self, source: ByteSource, encoding: Encoding, delimiter: str) -> None:
        self.source, self.encoding, self.delimiter = source, encoding, delimiter
        self.name = source.name
        self.strict = True
        self.passes = 0
        self.non_ascii_rows: list[int] = []
        self.non_ascii_count = 0

    def __call__(self) -> Iterator[tuple[int, list[Any]]]:
        self.passes += 1
        scanning = self.passes == 1
        watch = scanning and self.encoding.thin
        if scanning:
            self.non_ascii_rows, self.non_ascii_count = [], 0
        place = _Place()  # this pass's own: passes may run at once on worker threads
        with self.source.open() as raw, field_size_limit(CSV_FIELD_LIMIT):
            text = io.TextIOWrapper(raw, encoding=self.encoding.codec,
                                    errors=self.encoding.errors, newline="")
            reader = csv.reader(self._lines(text, place), delimiter=self.delimiter,
                                strict=self.strict)
            while True:
                place.chars = 0
                try:
                    record = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    raise self._refusal(exc, scanning, place.number + 1) from exc
                except UnicodeDecodeError as exc:
                    raise UnreadableFile(msg(
                        "{file}, row {row}: a byte that is not {encoding} text was found, so "
                        "the file cannot be read; save it again as UTF-8 CSV", file=self.name,
                        row=place.number + 1, encoding=self.encoding.label)) from exc
                place.number += 1
                if watch and not all(cell.isascii() for cell in record):
                    self.non_ascii_count += 1
                    if len(self.non_ascii_rows) < _ROWS_NAMED:
                        self.non_ascii_rows.append(place.number)
                yield place.number, record
        self.source.check_unchanged()

    def _lines(self, text: io.TextIOWrapper, place: _Place) -> Iterator[str]:
        """Lines for the csv module, none longer than what one record may span."""
        while line := text.readline(RECORD_LIMIT + 1):
            place.chars += len(line)
            if place.chars > RECORD_LIMIT:
                raise UnreadableFile(msg(
                    "{file}, row {row} is longer than {limit:,} characters, so the file cannot "
                    "be read (is a quotation mark left open?)", file=self.name,
                    row=place.number + 1, limit=RECORD_LIMIT))
            if "\x00" in line:
                raise UnreadableFile(msg(
                    "{file}, row {row} contains binary data (a NUL byte), so the file cannot "
                    "be read; export the data again as CSV or XLSX", file=self.name,
                    row=place.number + 1))
            yield line

    def _refusal(self, exc: csv.Error, scanning: bool, row: int) -> Exception:
        message = str(exc)
        if "field larger than field limit" in message:
            return UnreadableFile(msg(
                "{file}, row {row}: a cell is longer than {limit:,} characters, so the file "
                "cannot be read (is a quotation mark left open?)", file=self.name, row=row,
                limit=CSV_FIELD_LIMIT))
        if "unexpected end of data" in message:
            return UnreadableFile(msg(
                "{file}, row {row}: a quotation mark opened in this row is never closed, so "
                "the rest of the file would become one cell", file=self.name, row=row))
        if self.strict and scanning:
            return _Lenient()
        return UnreadableFile(msg(
            "{file}, row {row} cannot be read as CSV (its quotation marks do not pair up); "
            "save the file again as CSV", file=self.name, row=row))

    def notices(self) -> tuple[Message, ...]:
        encoding = self.encoding
        if encoding.damaged:
            return (msg("Some rows hold bytes that are not valid {encoding} (the file mixes "
                        "encodings); those rows are rejected.", encoding=encoding.label),)
        if not encoding.guessed:
            return ()
        if not encoding.thin or not self.non_ascii_rows:
            return (msg("{file} is not UTF-8; it was read as {encoding}.", file=self.name,
                        encoding=encoding.label),)
        rows: Message | str = ", ".join(str(n) for n in self.non_ascii_rows)
        more = self.non_ascii_count - len(self.non_ascii_rows)
        if more:
            rows = msg_plural("{rows} and {count:,} more", "{rows} and {count:,} more", more,
                              rows=rows)
        return (msg_plural(
            "{file} is not UTF-8; it was read as {encoding}, a guess from a few characters: "
            "check that the text in row {rows} reads correctly; if it does not, save the file "
            "as UTF-8 and import it again.",
            "{file} is not UTF-8; it was read as {encoding}, a guess from a few characters: "
            "check that the text in rows {rows} reads correctly; if it does not, save the "
            "file as UTF-8 and import it again.",
            self.non_ascii_count, file=self.name, encoding=encoding.label, rows=rows),)

    def bad_row(self, cells: list[Any]) -> Message | None:
        if any(isinstance(c, str) and REPLACEMENT in c for c in cells):
            return msg("contains bytes that are not valid {encoding} (shown as {mark}); the file "
                       "mixes encodings, so save it again as UTF-8",
                       encoding=self.encoding.label, mark=REPLACEMENT)
        return None


    def width_hint(self, cells: list[Any], width: int) -> Message | str:
        return _seems_split_by(cells, width, self.delimiter)


def table_from_csv(source: ByteSource) -> SourceTable:
    name = source.name
    start = head(source, _SAMPLE_CHARS)
    if source.size <= len(start) and not start.strip(_BLANK_BYTES):
        raise UnreadableFile(msg("{file} is empty", file=name))
    encoding = detect_encoding(source, name)
    with source.open() as raw:
        sample = io.TextIOWrapper(raw, encoding=encoding.codec, errors="replace",
                                  newline="").read(_SAMPLE_CHARS)
    if source.size <= _SAMPLE_CHARS and not sample.lstrip("\ufeff").strip():
        raise UnreadableFile(msg("{file} is empty", file=name))
    records = _CsvRecords(source, encoding, detect_delimiter(sample.lstrip("\ufeff")))
    try:
        return _table(records)
    except _Lenient:
        records.strict, records.passes = False, 0
        return _table(records)


def _table(records: _CsvRecords) -> SourceTable:
    return build_table(records, name=records.name, strict_width=True,
                       width_hint=records.width_hint, encoding=records.encoding.label,
                       delimiter=records.delimiter,
                       bad_row=records.bad_row if records.encoding.damaged else None,
                       notices=records.notices)


def table_from_csv_bytes(data: bytes, name: str) -> SourceTable:
    return table_from_csv(MemorySource(data, name))

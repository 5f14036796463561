"""Hostile import files, generated (never stored): every import kind, as CSV, TSV and XLSX.

Each HostileInput writes one file (or folder, pipe, link) that a CSM could plausibly be
handed, or that an attacker could craft: wrong encodings, BOMs, NUL bytes, control
characters, formulas, huge headers and cells, far columns, many sheets, empty files,
folders, zip bombs, XXE and billion laughs, lying and truncated zips, duplicate headers,
dates and quarters in every odd form, NaN and infinite numbers, negative seats, 10^20
money, right-to-left and emoji names.

Run as a script to write them all to a folder (to try them in the app by hand):
    python tests/reliability/hostile_corpus.py OUT_DIR
"""

from __future__ import annotations

import codecs
import os
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_xlsx import (  # noqa: E402 - also run as a script
    BILLION_LAUGHS,
    MAIN,
    XXE,
    Cell,
    cell_xml,
    column_name,
    set_declared_size,
    shared_strings_xml,
    sheet_xml,
    workbook_bytes,
    workbook_parts,
    zip_bytes,
)

ACCOUNTS, CONTACTS, METRICS = "accounts", "contacts", "metrics"
KINDS = (ACCOUNTS, CONTACTS, METRICS)
FORMATS = ("csv", "tsv", "xlsx")
#: The accounts every portfolio under test holds, so contacts and metrics rows resolve.
SEEDED_ACCOUNTS = (("SF-1", "Acme Logistics"), ("SF-2", "Bluefin Health"))


@dataclass(frozen=True)
class Schema:
    header: tuple[str, ...]
    good: tuple[str, ...]
    text: int  # a name-like column
    number: int  # a count
    date: int  # a date or quarter
    money: int  # an amount (or another number where the kind has none)


SCHEMAS = {
    ACCOUNTS: Schema(("Account ID", "Account Name", "ARR", "Currency", "Renewal Date",
                      "Licensed Seats", "Employees", "Industry", "Notes"),
                     ("SF-100", "Northwind Traders", "120000", "USD", "2027-03-31", "50",
                      "201-1000", "Retail", "fine"), text=1, number=5, date=4, money=2),
    CONTACTS: Schema(("Record ID", "Name", "Company Name", "Email", "Job Title", "Phone",
                      "Level"),
                     ("C-100", "Ana Ruiz", "Acme Logistics", "ana@acme.example",
                      "VP Operations", "+1 555 0100", "VP"), text=1, number=5, date=4, money=5),
    METRICS: Schema(("Account Name", "Quarter", "Active Users", "NPS", "CSAT"),
                    ("Acme Logistics", "2026Q1", "60", "10", "4.5"), text=0, number=2, date=1,
                    money=3),
}


@dataclass(frozen=True)
class HostileInput:
    label: str  # what is hostile about it, for failure messages
    kind: str
    file_name: str
    write: Callable[[Path], Path]  # writes into a folder; returns what to import
    heavy: bool = False  # slow to generate or import: sampled less in the CLI

    @property
    def format(self) -> str:
        return self.file_name.rsplit(".", 1)[-1] if "." in self.file_name else "-"


Table = Sequence[Sequence[Cell]]


def _rows(kind: str, *changes: tuple[str, int | str, Cell], extra: int = 2) -> list[list[Cell]]:
    """The kind's header and a few good rows, with `changes` (role or column, value) made
    to a copy of the good row each (one hostile row per change)."""
    schema = SCHEMAS[kind]
    table: list[list[Cell]] = [list(schema.header)]
    for n in range(extra):
        row: list[Cell] = list(schema.good)
        row[schema.text] = f"{schema.good[schema.text]} {n}" if kind == ACCOUNTS else \
            schema.good[schema.text]
        if kind == CONTACTS:
            row[0], row[3] = f"C-{n}", f"person{n}@acme.example"
        if kind == METRICS:
            row[schema.date] = f"202{n}Q{n % 4 + 1}"
        if kind == ACCOUNTS:
            row[0] = f"SF-{100 + n}"
        table.append(row)
    for index, (role, _column, value) in enumerate(changes):
        row = list(schema.good)
        column = getattr(schema, role) if role in ("text", "number", "date", "money") \
            else int(role)
        row[column] = value
        if kind == CONTACTS:
            row[0], row[3] = f"H-{index}", f"hostile{index}@acme.example"
        if kind == ACCOUNTS:
            row[0] = f"SF-H{index}"
            if role != "text":
                row[schema.text] = f"Hostile {index}"
        if kind == METRICS and role != "date":
            row[schema.date] = f"2019Q{index % 4 + 1}"
        table.append(row)
    return table


def _delimited(table: Table, delimiter: str) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in table:
        writer.writerow(["" if c is None else c for c in row])
    return buffer.getvalue()


def _writer(data: bytes | Callable[[], bytes]) -> Callable[[Path], Path]:
    def write(path: Path) -> Path:
        path.write_bytes(data() if callable(data) else data)
        return path
    return write


def _in_formats(label: str, kind: str, table: Callable[[], Table], *,
                heavy: bool = False, formats: Sequence[str] = FORMATS) -> Iterator[HostileInput]:
    stem = label.replace(" ", "-")[:40]
    for fmt in formats:
        if fmt == "xlsx":
            data: Callable[[], bytes] = lambda t=table: workbook_bytes(t())  # noqa: E731
        else:
            delimiter = "," if fmt == "csv" else "\t"
            data = lambda t=table, d=delimiter: _delimited(t(), d).encode("utf-8")  # noqa: E731
        yield HostileInput(f"{label} ({fmt})", kind, f"{stem}.{fmt}", _writer(data), heavy)


# Content: the same hostile cells as CSV, TSV and XLSX ------------------------------------
_ODD_DATES = ("31/02/2026", "2026-13-01", "0000-00-00", "99999-01-01", "1/1/1", "Dec 32, 2026",
              "2026-02-30T25:61", "tomorrow", "45000", "-1", "2026W10", "2026-12-31T00:00+99:99",
              "0001-01-01", "9999-12-31", "31.12.99999", "29/02/2025", "00/00/0000",
              "2026年13月1日", "١٢/١٢/٢٠٢٦", "２０２６-０１-０１")
_ODD_PERIODS = ("0000Q1", "0999Q2", "9999Q4", "10000Q1", "Q5 2026", "2026Q0", "Q1 -26", "Q1 0",
                "FY Q1", "2026年第五季度", "1989Q4", "2101Q1", "Q4 99", "q1q1")
_ODD_NUMBERS = ("NaN", "nan", "Inf", "-Infinity", "1e999", "-1e999", "1e-999", "--120000",
                "+-5", "1-", "(-5)", "(1,000)", "−1", "9" * 5000, "1,2,3", "1..2", "0x10",
                "١٢٣", "１２３", "1_000", "½", "1e20", "-0", "1 000 000 000 000 000 000 000")
_ODD_MONEY = ("100000000000000000000", "1e20", "$1e20", "-$5", "--$5", "$--5", "($1,200)",
              "USD--5", "€ 1.2.3", "99999999999999999999999.99", "1E+400", "¥", "$",
              "100 XYZ", "1.200,50 $", "-0.001")
_ODD_TEXT = (
    "=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "=HYPERLINK(\"http://x.example\")",
    "\tTabbed", "\rCarriage", "Acme\x00Null", "Esc\x1b[31mRed", "Bell\x07", "Del\x7f",
    "Zero\u200bWidth", "\u202eevil\u202c RTL override", "\ufeffBOM inside", "שלום חברה בע״מ",
    "شركة المثال", "🚀 Rocket 👩‍👩‍👧‍👦 Family", "e\u0301\u0301\u0301 combining",
    "Line\nBreak", "Line\u2028Separator", "\"Quoted\" \"\"name\"\"", "Comma, Inc.",
    "Semi;colon", "Pipe|Corp", "  spaces  ", "x" * 5000, "<script>alert(1)</script>",
    "Robert'); DROP TABLE account;--", "%s%s%n", "{0}{1}", "../../etc/passwd", "CON",
    "\u0000", "\ud7ff\ue000\uffef", "Ω" * 300)


def _content_cases(kind: str) -> Iterator[HostileInput]:
    def table(*changes: tuple[str, int | str, Cell]) -> Callable[[], Table]:
        return lambda: _rows(kind, *changes)

    yield from _in_formats("plain", kind, table())
    yield from _in_formats("odd dates and quarters", kind, table(
        *(("date", 0, text) for text in (_ODD_PERIODS if kind == METRICS else _ODD_DATES))))
    yield from _in_formats("odd numbers", kind, table(
        *(("number", 0, text) for text in _ODD_NUMBERS)))
    yield from _in_formats("odd money", kind, table(*(("money", 0, text) for text in _ODD_MONEY)))
    yield from _in_formats("odd text", kind, table(*(("text", 0, text) for text in _ODD_TEXT)))
    yield from _in_formats("negative and vast", kind, table(
        ("number", 0, "-5"), ("number", 0, "-1000000"), ("money", 0, "-100000000000000000000"),
        ("money", 0, "100000000000000000000"), ("number", 0, "1000000000000000000000")))
    yield from _in_formats("formula everywhere", kind, lambda: [
        list(SCHEMAS[kind].header), ["=A1"] * len(SCHEMAS[kind].header),
        ["@cmd"] * len(SCHEMAS[kind].header)])
    yield from _in_formats("huge cell", kind, table(("text", 0, "H" * 1_200_000)), heavy=True)
    yield from _in_formats("huge header", kind, lambda: [
        ["H" * 100_000, *SCHEMAS[kind].header[1:]], list(SCHEMAS[kind].good)])
    yield from _in_formats("many columns", kind, lambda: [
        [*SCHEMAS[kind].header, *(f"Extra {n}" for n in range(3000))],
        [*SCHEMAS[kind].good, *("x" for _ in range(3000))]], heavy=True)
    yield from _in_formats("duplicate headers", kind, lambda: [
        [*SCHEMAS[kind].header, *SCHEMAS[kind].header], [*SCHEMAS[kind].good] * 2])
    yield from _in_formats("header only", kind, lambda: [list(SCHEMAS[kind].header)])
    yield from _in_formats("blank header", kind, lambda: [
        [""] * len(SCHEMAS[kind].header), list(SCHEMAS[kind].good)])
    yield from _in_formats("no known columns", kind, lambda: [
        ["Colour", "Flavour"], ["red", "sweet"]])
    yield from _in_formats("three thousand repeats", kind, lambda: [
        list(SCHEMAS[kind].header), *([list(SCHEMAS[kind].good)] * 3_000)], heavy=True)
    yield from _in_formats("ragged rows", kind, lambda: [
        list(SCHEMAS[kind].header), ["only one"], [*SCHEMAS[kind].good, "extra", "more"], [],
        [None] * 3, list(SCHEMAS[kind].good)])


# Bytes: what only a text file can get wrong ------------------------------------------------
def _good_text(kind: str, rows: int = 3) -> str:
    return _delimited(_rows(kind, extra=rows), ",")


def _byte_cases(kind: str) -> Iterator[HostileInput]:
    text = _good_text(kind)
    accented = _delimited(_rows(kind, ("text", 0, "Müller Café Nuñez Øresund €"),
                                ("text", 0, "Crédit Lumière")), ",")
    chinese = _delimited(_rows(kind, ("text", 0, "上海星辰科技有限公司")), ",")
    japanese = _delimited(_rows(kind, ("text", 0, "株式会社サンプル")), ",")
    russian = _delimited(_rows(kind, ("text", 0, "ООО Пример")), ",")
    rng = random.Random(kind)
    cases: list[tuple[str, str, bytes | Callable[[], bytes]]] = [
        ("empty file", "csv", b""),
        ("only a BOM", "csv", codecs.BOM_UTF8),
        ("only whitespace", "csv", b" \r\n\t\r\n   \n"),
        ("only NULs", "csv", b"\x00" * 1000),
        ("UTF-8 BOM", "csv", codecs.BOM_UTF8 + accented.encode()),
        ("UTF-16 LE BOM", "csv", codecs.BOM_UTF16_LE + accented.encode("utf-16-le")),
        ("UTF-16 BE BOM", "tsv", codecs.BOM_UTF16_BE + accented.replace(",", "\t")
         .encode("utf-16-be")),
        ("UTF-16 LE no BOM", "csv", accented.encode("utf-16-le")),
        ("UTF-32 BOM", "csv", codecs.BOM_UTF32_LE + accented.encode("utf-32-le")),
        ("Windows-1252", "csv", accented.encode("cp1252")),
        ("GB18030", "csv", chinese.encode("gb18030")),
        ("Shift-JIS", "csv", japanese.encode("shift_jis")),
        ("Windows-1251", "csv", russian.encode("cp1251")),
        ("invalid UTF-8 in ASCII", "csv", text.encode().replace(b"Acme", b"Ac\xffme", 1)),
        ("invalid UTF-8 among UTF-8", "csv", accented.encode() + b"Bad\xc3(Name,1,2\r\n"),
        ("truncated UTF-8 at the end", "csv", accented.encode() + "é".encode()[:1]),
        ("BOM then broken bytes", "csv", codecs.BOM_UTF8 + text.encode() + b"\xfe\xff\r\n"),
        ("UTF-16 BOM odd length", "csv", codecs.BOM_UTF16_LE + text.encode("utf-16-le") + b"x"),
        ("NUL in the middle", "csv", lambda: (text + "x" * 300_000 + "\r\n").encode()
         .replace(b"x" * 10, b"x\x00" * 5, 1) + b"Acme\x00,1\r\n"),
        ("NUL in a cell", "csv", text.encode().replace(b"Acme", b"Ac\x00me", 1)),
        ("random bytes", "csv", bytes(rng.randrange(256) for _ in range(20_000))),
        ("a PNG", "csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
        ("old Excel", "csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048)),
        ("a plain zip", "csv", zip_bytes({"a.txt": "hello"})),
        ("a workbook named .csv", "csv", workbook_bytes(_rows(kind))),
        ("CR line ends", "csv", text.replace("\r\n", "\r").encode()),
        ("LF line ends", "csv", text.replace("\r\n", "\n").encode()),
        ("mixed line ends", "csv", text.replace("\r\n", "\n", 1).replace("\r\n", "\r", 1)
         .encode()),
        ("unclosed quote", "csv", (text + '"Open,1,2\r\n' + text).encode()),
        ("unclosed quote at the end", "csv", (text + '"Open').encode()),
        ("text after a quote", "csv", (text + '"Acme"Corp,"5" screen,1\r\n').encode()),
        ("quote in a bare cell", "csv", (text + 'Ac"me,1,2\r\n').encode()),
        ("mixed delimiters", "csv", (text + text.replace(",", ";")).encode()),
        ("two million commas", "csv", lambda: (text + "," * 2_000_000 + "\r\n").encode()),
        ("a five megabyte line", "csv", lambda: (text + "y" * 5_000_000).encode()),
        ("a quote swallowing the file", "csv", lambda: (text + '"' + "z\r\n" * 400_000)
         .encode()),
        ("a header of 50,000 columns", "csv", lambda: (",".join(f"c{n}" for n in range(50_000))
                                                      + "\r\n1,2\r\n").encode()),
        ("control characters everywhere", "csv", bytes(range(1, 32)) + b"\r\n" + text.encode()),
        ("escape sequences", "tsv", text.replace(",", "\t").replace("Acme", "\x1b]0;pwned\x07")
         .encode()),
        ("form feeds and vertical tabs", "csv", text.replace("\r\n", "\x0c\x0b\r\n").encode()),
        ("a header of one long word", "csv", ("H" * 200_000 + "\r\nx\r\n").encode()),
    ]
    for label, fmt, data in cases:
        stem = label.replace(" ", "-").replace(",", "")[:40]
        yield HostileInput(f"{label} ({fmt})", kind, f"{stem}.{fmt}", _writer(data),
                           heavy=callable(data))


# Workbooks: what only a zip of XML can get wrong ------------------------------------------
def _workbook(kind: str, sheet: str | None = None, **options: object) -> bytes:
    rows = sheet if sheet is not None else sheet_xml(_rows(kind))
    return zip_bytes(workbook_parts([("Data", rows)], **options))  # type: ignore[arg-type]


def _bomb(member_size: int) -> bytes:
    parts = workbook_parts([("Data", sheet_xml([["Account Name"], ["Acme"]]))])
    parts["xl/worksheets/sheet1.xml"] = (
        parts["xl/worksheets/sheet1.xml"].encode()[:-len(b"</sheetData></worksheet>")]  # type: ignore[union-attr]
        + b" " * member_size + b"</sheetData></worksheet>")
    return zip_bytes(parts, level=9)


def _far_columns(rows: int, kind: str, *, header_far: bool = False) -> str:
    header = SCHEMAS[kind].header
    head = "".join(cell_xml(f"{column_name(i)}1", h) for i, h in enumerate(header))
    if header_far:
        head += cell_xml("XFD1", "Far header")
    body = "".join(f'<row r="{n}">{cell_xml(f"A{n}", "x")}{cell_xml(f"XFD{n}", n)}</row>'
                   for n in range(2, rows + 2))
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
            f'<dimension ref="A1:XFD{rows + 1}"/><sheetData><row r="1">{head}</row>{body}'
            "</sheetData></worksheet>")


def _raw_sheet(kind: str, *rows_xml: str) -> str:
    header = "".join(cell_xml(f"{column_name(i)}1", h)
                     for i, h in enumerate(SCHEMAS[kind].header))
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
            f'<row r="1">{header}</row>{"".join(rows_xml)}</sheetData></worksheet>')


def _workbook_cases(kind: str) -> Iterator[HostileInput]:
    good = _rows(kind)
    schema = SCHEMAS[kind]
    number_col = column_name(schema.number)
    date_col = column_name(schema.date)
    text_col = column_name(schema.text)
    date_styles = (f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
                   '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
                   "</cellXfs></styleSheet>")
    whole = zip_bytes(workbook_parts([("Data", sheet_xml(good))]))
    cases: list[tuple[str, bytes | Callable[[], bytes]]] = [
        ("zip bomb", lambda: _bomb(60 * 1024 * 1024)),
        ("many well-compressed parts", lambda: zip_bytes({
            **workbook_parts([("Data", sheet_xml(good))]),
            **{f"xl/media/pad{n}.xml": b" " * 900_000 for n in range(40)}}, level=9)),
        ("declares less than it holds", lambda: set_declared_size(
            _bomb(3 * 1024 * 1024), "xl/worksheets/sheet1.xml", 1000)),
        ("declares less everywhere", lambda: set_declared_size(
            _bomb(3 * 1024 * 1024), "xl/worksheets/sheet1.xml", 1000, local=True)),
        ("declares more than it holds", set_declared_size(
            whole, "xl/worksheets/sheet1.xml", 3_000_000_000)),
        ("declares zero", set_declared_size(whole, "xl/workbook.xml", 0, local=True)),
        ("truncated zip", whole[:len(whole) // 2]),
        ("no central directory", whole[:whole.rfind(b"PK\x01\x02")]),
        ("zip with a bad CRC", whole.replace(b"Acme", b"Acmf", 1) if b"Acme" in whole else
         whole[:-30] + bytes(30)),
        ("XXE in the sheet", _workbook(kind, sheet_xml(good[:1] + [["&xxe;"]], prolog=XXE)
                                       .replace("&amp;xxe;", "&xxe;"))),
        ("XXE in the workbook", _workbook(kind, workbook_prolog=XXE)),
        ("billion laughs in the sheet", _workbook(kind, sheet_xml(
            good[:1] + [["&lol9;"]], prolog=BILLION_LAUGHS).replace("&amp;lol9;", "&lol9;"))),
        ("billion laughs in shared strings", _workbook(
            kind, _raw_sheet(kind, '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'),
            shared_strings=shared_strings_xml(["&lol9;"], prolog=BILLION_LAUGHS)
            .replace("&amp;lol9;", "&lol9;"))),
        ("far columns (XFD), 20,000 rows", lambda: zip_bytes(workbook_parts(
            [("Data", _far_columns(20_000, kind))]), level=9)),
        ("a header in column XFD", lambda: zip_bytes(workbook_parts(
            [("Data", _far_columns(2_000, kind, header_far=True))]), level=9)),
        ("500 sheets", lambda: zip_bytes(workbook_parts(
            [(f"S{n}", sheet_xml(good)) for n in range(500)]))),
        ("no sheets", zip_bytes(workbook_parts([]))),
        ("empty sheet", _workbook(kind, sheet_xml([]))),
        ("NaN and infinite cells", _workbook(kind, _raw_sheet(
            kind, *(f'<row r="{n}"><c r="{text_col}{n}" t="inlineStr"><is><t>Acme Logistics</t>'
                    f'</is></c><c r="{number_col}{n}"><v>{v}</v></c></row>'
                    for n, v in enumerate(("NaN", "INF", "-INF", "1e999", "nan", "", "1e-999",
                                           "0x1F", "1,5", "١٢"), start=2))))),
        ("a shared string out of range", _workbook(kind, _raw_sheet(
            kind, f'<row r="2"><c r="{text_col}2" t="s"><v>99</v></c></row>',
            f'<row r="3"><c r="{text_col}3" t="s"><v>-1</v></c></row>',
            f'<row r="4"><c r="{text_col}4" t="s"><v>x</v></c></row>'),
            shared_strings=shared_strings_xml(["only one"]))),
        ("bad cell references", _workbook(kind, _raw_sheet(
            kind, '<row r="2"><c r="ZZZZ2"><v>1</v></c><c r="A0"><v>1</v></c>'
                  '<c r="2A"><v>1</v></c><c r=""><v>1</v></c></row>'))),
        ("bad row numbers", _workbook(kind, _raw_sheet(
            kind, '<row r="0"><c><v>1</v></c></row>', '<row r="abc"><c><v>1</v></c></row>',
            '<row r="2.5"><c><v>1</v></c></row>', '<row r="-3"><c><v>1</v></c></row>'))),
        ("a row past Excel's last", _workbook(kind, _raw_sheet(
            kind, '<row r="99999999"><c r="A99999999"><v>1</v></c></row>'))),
        ("odd booleans and errors", _workbook(kind, _raw_sheet(
            kind, f'<row r="2"><c r="{number_col}2" t="b"><v>2</v></c>'
                  f'<c r="{text_col}2" t="b"><v>x</v></c></row>',
            f'<row r="3"><c r="{number_col}3" t="e"><v>#DIV/0!</v></c></row>',
            f'<row r="4"><c r="{date_col}4" t="d"><v>not a date</v></c></row>',
            f'<row r="5"><c r="{date_col}5" t="d"><v>99999-99-99T99:99</v></c></row>',
            f'<row r="6"><c r="{number_col}6" t="zzz"><v>1</v></c></row>'))),
        ("date cells far out of range", _workbook(kind, _raw_sheet(
            kind, *(f'<row r="{n}"><c r="{text_col}{n}" t="inlineStr"><is><t>Acme Logistics</t>'
                    f'</is></c><c r="{date_col}{n}" s="1"><v>{v}</v></c></row>'
                    for n, v in enumerate(("1e10", "-5", "0", "2958466", "60", "0.5", "NaN"),
                                          start=2))), styles=date_styles)),
        ("formulas of every kind", _workbook(kind, _raw_sheet(
            kind, f'<row r="2"><c r="{text_col}2"><f>1+1</f><v>2</v></c>'
                  f'<c r="{number_col}2"><f t="shared" si="0" ref="A2:A9">A1*</f></c></row>',
            f'<row r="3"><c r="{number_col}3"><f t="shared" si="0"/></c>'
            f'<c r="{date_col}3"><f t="array" ref="A3">{{1,2}}</f></c></row>',
            f'<row r="4"><c r="{text_col}4"><f t="dataTable" ref="A4" dt2D="1"/></c></row>'))),
        ("a five megabyte shared string", lambda: _workbook(kind, _raw_sheet(
            kind, f'<row r="2"><c r="{text_col}2" t="s"><v>0</v></c></row>'),
            shared_strings=shared_strings_xml(["S" * 5_000_000]))),
        ("deeply nested XML", lambda: _workbook(kind, _raw_sheet(
            kind, f'<row r="2"><c r="{text_col}2" t="inlineStr"><is>'
                  + "<r>" * 50_000 + "</r>" * 50_000 + "</is></c></row>"))),
        ("garbage styles", _workbook(kind, styles="<styleSheet><<<>>>")),
        ("garbage workbook XML", zip_bytes({**workbook_parts([("Data", sheet_xml(good))]),
                                            "xl/workbook.xml": "<workbook><sheets><oops"})),
        ("a sheet part that is missing", zip_bytes({
            k: v for k, v in workbook_parts([("Data", sheet_xml(good))]).items()
            if k != "xl/worksheets/sheet1.xml"})),
        ("a sheet that is binary", _workbook(kind, bytes(range(256)) * 10)),  # type: ignore[arg-type]
        ("a sheet in UTF-16", _workbook(kind, sheet_xml(good).replace(
            'encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))),  # type: ignore[arg-type]
        ("a very long sheet name", zip_bytes(workbook_parts([("N" * 5000, sheet_xml(good))]))),
        ("an emoji and RTL sheet name", zip_bytes(workbook_parts(
            [("\u202e🚀 שלום\n\x1b", sheet_xml(good))]))),
        ("a million empty rows", lambda: zip_bytes(workbook_parts([("Data", _raw_sheet(
            kind, *(f'<row r="{n}"/>' for n in range(2, 1_100_000))))]), level=9)),
        ("password-protected workbook", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)
         + "EncryptedPackage".encode("utf-16-le") + bytes(1024)),
        ("macro workbook", zip_bytes({**workbook_parts([("Data", sheet_xml(good))]),
                                      "xl/vbaProject.bin": bytes(range(256)) * 4})),
        ("Strict Open XML", _workbook(kind, sheet_xml(good).replace(
            MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main"))),
    ]
    heavy = [label for label, data in cases if callable(data)]
    for label, data in cases:
        # A slow attack on the zip or its XML is the same attack for every kind of import:
        # each is tried on one kind, in turn, to keep the suite fast.
        if callable(data) and KINDS[heavy.index(label) % len(KINDS)] != kind:
            continue
        stem = label.replace(" ", "-").replace(",", "").replace("(", "").replace(")", "")[:40]
        suffix = "xlsm" if label == "macro workbook" else "xlsx"
        yield HostileInput(f"{label} (xlsx)", kind, f"{stem}.{suffix}", _writer(data),
                           heavy=callable(data))


# Paths: not a file at all -----------------------------------------------------------------
def _path_cases(kind: str) -> Iterator[HostileInput]:
    def folder(name: str) -> Callable[[Path], Path]:
        def write(path: Path) -> Path:
            path.mkdir()
            (path / "inside.csv").write_text("Account Name\nAcme\n")
            return path
        return write

    def missing(path: Path) -> Path:
        return path

    def fifo(path: Path) -> Path:
        os.mkfifo(path)
        return path

    def loop(path: Path) -> Path:
        path.symlink_to(path)
        return path

    def device(path: Path) -> Path:
        path.symlink_to("/dev/zero")
        return path

    def dangling(path: Path) -> Path:
        path.symlink_to(path.parent / "nowhere.csv")
        return path

    def odd_name(path: Path) -> Path:
        target = path.with_name("line\nbreak \u202e\x1b[31m" + "n" * 200 + ".csv")
        target.write_text(_good_text(kind), encoding="utf-8")
        return target

    yield HostileInput("a folder (csv)", kind, "folder.csv", folder("folder.csv"))
    yield HostileInput("a folder (xlsx)", kind, "folder.xlsx", folder("folder.xlsx"))
    yield HostileInput("a missing file (csv)", kind, "missing.csv", missing)
    yield HostileInput("a symlink loop (csv)", kind, "loop.csv", loop)
    yield HostileInput("a dangling symlink (xlsx)", kind, "dangling.xlsx", dangling)
    yield HostileInput("a device (csv)", kind, "device.csv", device)
    yield HostileInput("a named pipe (csv)", kind, "pipe.csv", fifo)
    yield HostileInput("an odd file name (csv)", kind, "odd.csv", odd_name)


def hostile_inputs() -> list[HostileInput]:
    """Every hostile input, for every import kind."""
    inputs: list[HostileInput] = []
    for kind in KINDS:
        inputs += _content_cases(kind)
        inputs += _byte_cases(kind)
        inputs += _workbook_cases(kind)
        inputs += _path_cases(kind)
    return inputs


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    out = Path(argv[0])
    for item in hostile_inputs():
        folder = out / item.kind / item.label.replace(" ", "-").replace("/", "-")[:60]
        folder.mkdir(parents=True, exist_ok=True)
        item.write(folder / item.file_name)
    print(f"Wrote {len(hostile_inputs())} hostile inputs under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

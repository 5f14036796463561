"""Refusals a CSM can read: the file (and sheet, row, column) named in plain words, one line,
text from the file quoted short, and a bad cell refusing its row, never the whole file."""

from __future__ import annotations

import errno
import os
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reliability"))

from hostile_xlsx import (  # noqa: E402
    BILLION_LAUGHS,
    MAIN,
    XXE,
    cell_xml,
    set_declared_size,
    shared_strings_xml,
    sheet_xml,
    workbook_parts,
    zip_bytes,
)

from qbr_desktop.i18n import english
from qbr_desktop.imports.cells import ImportOptions  # noqa: E402
from qbr_desktop.imports.errors import UnreadableFile  # noqa: E402
from qbr_desktop.imports.fields import ImportKind, guess_mapping  # noqa: E402
from qbr_desktop.imports.plan_accounts import plan_accounts  # noqa: E402
from qbr_desktop.imports.reading import read_table  # noqa: E402
from qbr_desktop.imports.table import MAX_COLUMNS  # noqa: E402
from qbr_desktop.imports.values import ECHO_CHARS  # noqa: E402

TECHNICAL = ("Error", "Errno", "Traceback", "BadZipFile", "line 1, column", "0x")


def plain(message: str) -> str:
    assert "\n" not in message and not any(word in message for word in TECHNICAL), message
    return message


def refusal(path: Path) -> str:
    with pytest.raises(UnreadableFile) as caught:
        read_table(path)
    return plain(str(caught.value))


def accounts_plan(path: Path) -> Any:
    table = read_table(path)
    return plan_accounts(table, guess_mapping(ImportKind.ACCOUNTS, table.headers),
                         ImportOptions(), [], ("Strategic", "Growth", "Core"))


def raw_book(path: Path, *rows_xml: str, **parts: Any) -> Path:
    header = cell_xml("A1", "Account Name") + cell_xml("B1", "Licensed Seats")
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
             f'<row r="1">{header}</row>{"".join(rows_xml)}</sheetData></worksheet>')
    path.write_bytes(zip_bytes(workbook_parts([("Accounts", sheet)], **parts)))
    return path


def test_a_nan_cell_rejects_its_row_not_the_workbook(tmp_path: Path) -> None:
    path = raw_book(tmp_path / "book.xlsx",
                    '<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c>'
                    '<c r="B2"><v>10</v></c></row>',
                    '<row r="3"><c r="A3" t="inlineStr"><is><t>Beta</t></is></c>'
                    '<c r="B3"><v>NaN</v></c></row>',
                    '<row r="4"><c r="A4" t="inlineStr"><is><t>Cedar</t></is></c>'
                    '<c r="B4"><v>1e999</v></c></row>',
                    '<row r="5"><c r="A5" t="s"><v>7</v></c><c r="B5"><v>5</v></c></row>',
                    '<row r="6"><c r="A6" t="inlineStr"><is><t>Delta</t></is></c>'
                    '<c r="ZZZZ6"><v>1</v></c></row>',
                    shared_strings=shared_strings_xml(["only one"]))
    plan = accounts_plan(path)
    assert [(r.number, r.action.value) for r in plan.rows] == [
        (2, "create"), (3, "reject"), (4, "reject"), (5, "reject"), (6, "reject")]
    reasons = [plain(r.reasons[0]) for r in plan.rows[1:]]
    assert reasons[0] == "Licensed Seats: the cell cannot be read (the workbook is damaged here)"
    assert reasons[1] == ("Licensed Seats: the cell holds inf, which is not a number a "
                          "spreadsheet can hold")
    assert reasons[2] == "Account Name: the cell cannot be read (the workbook is damaged here)"
    assert reasons[3].startswith("Licensed Seats: the cell's reference “ZZZZ6” is not a real "
                                 "cell")


@pytest.mark.parametrize(("label", "parts", "expected"), [
    ("DTD in the sheet", {"sheet": sheet_xml([["Account Name"], ["Acme"]], prolog=XXE)},
     "book.xlsx is refused: its part xl/worksheets/sheet1.xml declares a document type"),
    ("billion laughs", {"shared_strings": shared_strings_xml(["x"], prolog=BILLION_LAUGHS)},
     "book.xlsx is refused: its part xl/sharedStrings.xml declares a document type"),
    ("garbage styles", {"styles": "<styleSheet><<<>>>"},
     "book.xlsx could not be opened as a workbook: it is damaged or was not saved by a "
     "spreadsheet program"),
    ("binary sheet", {"sheet": bytes(range(256)) * 4},
     "book.xlsx could not be opened as a workbook: it is damaged"),
])
def test_damaged_and_hostile_xml_is_refused_in_words(tmp_path: Path, label: str,
                                                     parts: dict[str, Any],
                                                     expected: str) -> None:
    sheet = parts.pop("sheet", sheet_xml([["Account Name"], ["Acme"]]))
    path = tmp_path / "book.xlsx"
    path.write_bytes(zip_bytes(workbook_parts([("Data", sheet)], **parts)))
    assert refusal(path).startswith(expected)


def test_a_sheet_whose_zip_data_lies_about_its_size_is_refused_in_words(tmp_path: Path) -> None:
    parts = workbook_parts([("Data", sheet_xml([["Account Name"], ["Acme"]] * 2000))])
    data = set_declared_size(zip_bytes(parts), "xl/worksheets/sheet1.xml", 4000, local=True)
    path = tmp_path / "liar.xlsx"
    path.write_bytes(data)
    message = refusal(path)
    assert message.startswith("liar.xlsx") and "damaged" in message


def test_a_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
                     + "EncryptedPackage".encode("utf-16-le") + bytes(512))
    assert refusal(path).startswith("secret.xlsx is protected with a password")


def test_a_folder_a_pipe_and_an_unreadable_file(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "accounts.csv"
    folder.mkdir()
    assert refusal(folder) == "accounts.csv is a folder, not a file; choose a file inside it"
    if hasattr(os, "mkfifo"):
        pipe = tmp_path / "pipe.csv"
        os.mkfifo(pipe)
        assert refusal(pipe).startswith("pipe.csv is not a file that can be imported")
    locked = tmp_path / "locked.csv"
    locked.write_text("Account Name\nAcme\n")
    real_open = Path.open

    def denied(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    assert refusal(locked) == "locked.csv cannot be read (permission denied)"


def test_text_from_the_file_is_quoted_short_and_on_one_line(tmp_path: Path) -> None:
    header = "H" * 100_000
    path = tmp_path / "wide.csv"
    path.write_text(f"{header},{header}\nAcme,x\n", encoding="utf-8")
    table = read_table(path)
    assert all(len(plain(english(notice))) < 300 for notice in table.notices)
    numbers = tmp_path / "numbers.csv"
    numbers.write_text("Account Name,Licensed Seats\nAcme," + "9x" * 200_000 + "\n"
                       "\"Line\nBreak\",--5\n", encoding="utf-8")
    plan = accounts_plan(numbers)
    first, second = (r.reasons[0] for r in plan.rows)
    assert len(plain(first)) < 2 * ECHO_CHARS and first.endswith("…” is not a number")
    assert plain(second) == "Licensed Seats: “--5” is not a number (formulas are never evaluated)"


def test_the_command_caps_the_columns_it_lists(tmp_path: Path) -> None:
    from qbr_desktop.cli import main

    path = tmp_path / "odd.csv"
    path.write_text("H" * 100_000 + "," + ",".join(f"c{n}" for n in range(500)) + "\n1\n")
    import io

    err = io.StringIO()
    code = main(["--db", str(tmp_path / "p.sqlite"), "import", "accounts", str(path)],
                out=io.StringIO(), err=err)
    assert code == 1
    message = plain(err.getvalue().rstrip("\n"))
    assert len(message) < 1500 and message.endswith("and 481 more.")


def test_a_header_past_the_column_limit_is_refused_early(tmp_path: Path) -> None:
    parts = workbook_parts([("Data", f'<?xml version="1.0"?><worksheet xmlns="{MAIN}">'
                                     '<sheetData><row r="1">'
                                     + cell_xml("A1", "Account Name") + cell_xml("XFD1", "Far")
                                     + '</row></sheetData></worksheet>')])
    path = tmp_path / "far.xlsx"
    path.write_bytes(zip_bytes(parts))
    assert refusal(path) == (
        f"far.xlsx: the header row reaches column XFD (16,384 columns); at most "
        f"{MAX_COLUMNS:,} columns can be imported, so delete the columns that are not needed "
        "and import again")


def test_values_far_to_the_right_are_reported_without_filling_the_row(tmp_path: Path) -> None:
    from qbr_desktop.imports.sources import FileSource
    from qbr_desktop.imports.workbook import _open_sheet

    rows = "".join(f'<row r="{n}">{cell_xml(f"A{n}", f"Acme {n}")}{cell_xml(f"XFD{n}", n)}'
                   "</row>" for n in range(2, 502))
    path = tmp_path / "far.xlsx"
    path.write_bytes(zip_bytes(workbook_parts([("Data", (
        f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData><row r="1">'
        f'{cell_xml("A1", "Account Name")}</row>{rows}</sheetData></worksheet>'))])))
    records = _open_sheet(FileSource(path, "far.xlsx"), "far.xlsx", None)
    assert max(len(cells) for _n, cells in records()) == 2  # not 16,384
    table = read_table(path)
    assert len(table.rows) == 500
    assert english(table.rows[0].problems[0].message) == (
        "has values beyond the last header (column B onwards); they were ignored")
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None


@pytest.mark.parametrize(("said", "reason"), [
    ("database is locked", "the portfolio is busy in another window or program; try again in "
                           "a moment"),
    ("database or disk is full", "the disk is full"),
    ("attempt to write a readonly database", "the portfolio file is read-only"),
    ("something nobody foresaw", "the database refused the change"),
])
def test_a_database_refusal_is_said_in_words(context: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch, said: str,
                                             reason: str) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from qbr_desktop.services.importing import ImportService

    def refuse(*_args: Any) -> None:
        raise OperationalError("INSERT INTO account", {}, sqlite3.OperationalError(said))

    monkeypatch.setattr(ImportService, "_remember", refuse)
    service = ImportService(context.store.sessions)
    path = tmp_path / "a.csv"
    path.write_text("Account Name\nAcme\n")
    table = service.read(path)
    with pytest.raises(Exception) as caught:
        service.apply(ImportKind.ACCOUNTS, table, {"name": "Account Name"})
    assert plain(str(caught.value)) == ("The import was not saved, and nothing in the portfolio "
                                        f"changed ({reason})")

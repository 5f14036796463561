"""CSV text into a table: delimiters, quotes, row numbers, and every way a file breaks."""

from __future__ import annotations

import csv

import pytest

from qbr_desktop.i18n import english
from qbr_desktop.imports.csv_text import (
    CSV_FIELD_LIMIT,
    detect_delimiter,
    field_size_limit,
    table_from_csv_bytes,
)
from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.table import column_letter
from qbr_desktop.imports.values import MAX_CELL_CHARS


def table(text: str, name: str = "f.csv"):  # noqa: ANN201 - a SourceTable
    return table_from_csv_bytes(text.encode("utf-8"), name)


@pytest.mark.parametrize(("text", "delimiter"), [
    ("a,b,c\n1,2,3\n", ","),
    ("a;b;c\n1;2,5;3\n4;5,5;6\n", ";"),  # decimal commas inside a semicolon file
    ("a\tb\tc\n1\t2\t3\n", "\t"),
    ("a|b|c\n1|2|3\n", "|"),
    ('"a;x","b;y",c\n"1;1","2;2",3\n', ","),  # delimiters inside quotes do not count
    ('name;notes\nAcme;"line one\nline two, with a comma"\nBeta;ok\n', ";"),
    ("just one column\nAcme\nBeta\n", ","),
])
def test_the_delimiter_is_the_one_whose_field_counts_agree(text: str, delimiter: str) -> None:
    assert detect_delimiter(text) == delimiter


def test_row_numbers_are_what_a_spreadsheet_shows() -> None:
    result = table('Name,Notes\nAcme,"two\nlines"\n\nBeta,x\n')
    assert result.headers == ("Name", "Notes")
    assert [(r.number, r.cells) for r in result.rows] == [
        (2, ("Acme", "two\nlines")), (4, ("Beta", "x"))]


def test_crlf_and_quoted_crlf() -> None:
    result = table('Name,Notes\r\nAcme,"a\r\nb"\r\n')
    assert result.rows[0].cells == ("Acme", "a\r\nb")


def test_mixed_delimiters_are_reported_row_by_row() -> None:
    result = table("Account Name;ARR;Renewal Date\nAcme;1;2027-01-01\nBlue,2,2027-01-01\n"
                   "Cedar;3;2027-01-01\n")
    assert result.delimiter == ";"
    assert [r.number for r in result.rows if r.problems] == [3]
    assert english(result.rows[1].problems[0].message) == (
        "has 1 field but the header has 3; it seems separated by “,” while the file uses “;”")


def test_a_row_with_too_many_fields_is_rejected_but_trailing_empties_are_fine() -> None:
    result = table("a,b\n1,2,3\n4,5,,\n")
    assert english(result.rows[0].problems[0].message) == "has 3 fields but the header has 2"
    assert result.rows[1].problems == ()
    assert result.rows[1].cells == ("4", "5")


def test_an_unclosed_quote_names_its_row() -> None:
    with pytest.raises(UnreadableFile, match=r"f.csv, row 3: a quotation mark opened in this "
                                             r"row is never closed"):
        table('Name,Notes\nAcme,ok\nBeta,"open\nCedar,x\n')


def test_text_after_a_closing_quote_is_kept_like_spreadsheets_do() -> None:
    result = table('Name,Size\n"Acme"Corp,5" screen\n')
    assert result.rows[0].cells == ("AcmeCorp", '5" screen')


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", b"\xef\xbb\xbf", b"\xff\xfe"])
def test_empty_files(data: bytes) -> None:
    with pytest.raises(UnreadableFile, match="empty.csv is empty"):
        table_from_csv_bytes(data, "empty.csv")


def test_header_only_is_a_table_without_rows() -> None:
    result = table("Account Name,ARR\n")
    assert result.rows == () and result.headers == ("Account Name", "ARR")


def test_blank_rows_before_the_header_are_noted() -> None:
    result = table("\n\nName\nAcme\n")
    assert result.rows[0].number == 4
    assert "The header is row 3" in english(result.notices[0])


def test_duplicate_and_blank_headers() -> None:
    result = table("Email,Name,,email\na@x.example,Ana,,b@x.example\n")
    assert result.headers == ("Email", "Name", "Column C", "email (column D)")
    assert result.ambiguous_headers == {"Email", "email (column D)"}
    assert "appears in columns A and D" in english(result.notices[0])


def test_a_salesforce_footer_is_skipped() -> None:
    result = table('"Name","ARR"\n"Acme","1"\n""\n"Confidential Information - Do Not '
                   'Distribute"\n"Copyright (c) 2000-2026 salesforce.com, inc."\n')
    assert [r.number for r in result.rows] == [2]
    assert "Rows 4–5 look like a report footer" in english(result.notices[0])


def test_a_ten_megabyte_cell_rejects_its_row_only() -> None:
    huge = "x" * (10 * 1024 * 1024)
    result = table(f"Name,Notes\nAcme,{huge}\nBeta,short\n")
    first, second = result.rows
    assert first.cells == ("Acme", "")  # the giant text is not kept around
    assert first.problems[0].column == "Notes"
    assert english(first.problems[0].message) == (
        f"the cell holds {len(huge):,} characters; the limit is {MAX_CELL_CHARS:,}")
    assert second.problems == ()


def test_the_field_size_limit_is_raised_for_one_parse_and_restored() -> None:
    before = csv.field_size_limit()
    with field_size_limit(CSV_FIELD_LIMIT):
        assert csv.field_size_limit() == CSV_FIELD_LIMIT
    assert csv.field_size_limit() == before
    table("a\n" + "y" * 200_000 + "\n")  # beyond the csv module's default of 128 KiB
    assert csv.field_size_limit() == before


def test_a_cell_beyond_the_cap_makes_the_file_unreadable(monkeypatch) -> None:
    monkeypatch.setattr("qbr_desktop.imports.csv_text.CSV_FIELD_LIMIT", 1000)
    with pytest.raises(UnreadableFile, match="row 2: a cell is longer than 1,000 characters"):
        table("a\n" + "z" * 5000 + "\n")


def test_damaged_bytes_reject_their_rows() -> None:
    data = "Name\nMüller\nSão Paulo\n".encode() + "Nuñez\n".encode("cp1252")
    result = table_from_csv_bytes(data, "mixed.csv")
    assert [r.number for r in result.rows if r.problems] == [4]
    assert "not valid UTF-8" in english(result.rows[-1].problems[0].message)
    assert "mixes encodings" in english(result.notices[0])


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA"]

"""Excel workbooks: real dates and numbers, formulas as text, and archives refused unopened."""

from __future__ import annotations

import struct
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from qbr_desktop.i18n import english
from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.reading import read_table
from qbr_desktop.imports.workbook import MAX_UNPACKED_BYTES

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "imports"


def test_the_usage_tracker_sample() -> None:
    table = read_table(SAMPLES / "usage_tracker.xlsx")
    assert table.format == "Excel workbook"
    assert table.sheet == "Quarterly usage" and table.sheets == ("Quarterly usage", "Notes")
    assert table.headers[:3] == ("Customer", "Quarter", "Active Users")
    assert len(table.rows) == 20
    first = table.rows[0]
    assert first.number == 2 and first.cells[:4] == ("Müller Maschinenbau GmbH", "Q3 2025", 22, 40)
    assert isinstance(first.cells[7], float)  # CSAT stays a number


def test_choosing_a_sheet_by_name_ignores_case() -> None:
    table = read_table(SAMPLES / "usage_tracker.xlsx", sheet="notes")
    assert table.sheet == "Notes"
    assert table.headers == ("This tracker is updated after every QBR.",)


def test_an_unknown_sheet_lists_the_sheets() -> None:
    with pytest.raises(UnreadableFile, match=r"has no sheet called “Usage” \(it has "
                                             r"“Quarterly usage”, “Notes”\)"):
        read_table(SAMPLES / "usage_tracker.xlsx", sheet="Usage")


def write_book(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_dates_numbers_and_formulas(tmp_path: Path) -> None:
    path = write_book(tmp_path / "book.xlsx", [
        ["Account Name", "Renewal Date", "ARR", "Notes"],
        ["Acme", datetime(2026, 12, 31), 120000.5, "=HYPERLINK(\"http://evil.example\")"],
        ["=1+2", date(2027, 1, 15), 9000, None],
    ])
    table = read_table(path)
    acme, formula = table.rows
    assert acme.cells[1] == datetime(2026, 12, 31) and acme.cells[2] == 120000.5
    assert acme.cells[3] == '=HYPERLINK("http://evil.example")'  # the text, never evaluated
    assert formula.cells[0] == "=1+2"


def test_blank_rows_short_rows_and_cells_beyond_the_header(tmp_path: Path) -> None:
    path = write_book(tmp_path / "book.xlsx", [
        [None], [None],
        ["Account Name", "ARR"],
        ["Acme"],
        [None, None],
        ["Beta", 5, "stray note"],
    ])
    table = read_table(path)
    assert table.headers == ("Account Name", "ARR")
    assert [(r.number, r.cells) for r in table.rows] == [(4, ("Acme", None)), (6, ("Beta", 5))]
    assert not table.rows[0].problems
    problem = table.rows[1].problems[0]
    assert problem.error is False and "beyond the last header" in english(problem.message)
    assert "The header is row 3" in english(table.notices[0])


def test_an_empty_sheet(tmp_path: Path) -> None:
    path = write_book(tmp_path / "empty.xlsx", [])
    with pytest.raises(UnreadableFile, match="empty.xlsx, sheet “Sheet” is empty"):
        read_table(path)


def test_a_text_file_named_xlsx() -> None:
    with pytest.raises(UnreadableFile, match=r"^fake.xlsx is not an Excel workbook \(not a zip "
                                             r"archive\)$"):
        read_table(SAMPLES / "fake.xlsx")


def test_an_old_xls_workbook(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    with pytest.raises(UnreadableFile, match=r"Excel 97–2003 workbook \(.xls\)"):
        read_table(path)
    renamed = tmp_path / "old.xlsx"
    renamed.write_bytes(path.read_bytes())
    with pytest.raises(UnreadableFile, match=r"Excel 97–2003 workbook \(.xls\)"):
        read_table(renamed)


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8" * 10)
    with pytest.raises(UnreadableFile, match="photos.xlsx is a zip archive but not an Excel"):
        read_table(path)


def test_a_workbook_saved_as_csv_is_still_read_as_a_workbook(tmp_path: Path) -> None:
    path = write_book(tmp_path / "book.xlsx", [["Account Name"], ["Acme"]])
    renamed = tmp_path / "book.csv"
    path.rename(renamed)
    assert read_table(renamed).rows[0].cells == ("Acme",)


@pytest.fixture
def openpyxl_must_not_open(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("openpyxl opened a workbook that should have been refused")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def _bomb(path: Path, size: int) -> Path:
    """A workbook whose sheet is `size` bytes of spaces: a few kilobytes on disk."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return path


def test_a_zip_bomb_is_refused_before_openpyxl_sees_it(tmp_path: Path,
                                                       openpyxl_must_not_open: None) -> None:
    path = _bomb(tmp_path / "bomb.xlsx", 50 * 1024 * 1024)
    assert path.stat().st_size < 200_000
    with pytest.raises(UnreadableFile, match=r"bomb.xlsx is refused: its part "
                                             r"xl/worksheets/sheet1.xml is compressed [\d,]+ to 1"):
        read_table(path)


def test_many_small_well_compressed_parts_are_refused_too(tmp_path: Path,
                                                        openpyxl_must_not_open: None) -> None:
    path = tmp_path / "confetti.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for n in range(30):
            archive.writestr(f"xl/worksheets/sheet{n}.xml", b" " * 900_000)
    with pytest.raises(UnreadableFile, match=r"confetti.xlsx is refused: it is compressed "
                                             r"[\d,]+ to 1"):
        read_table(path)


def _set_declared_size(path: Path, member: str, size: int) -> None:
    """Rewrite the central directory's uncompressed size of `member` (a lying archive)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46:offset + 46 + name_length] == name:
            struct.pack_into("<I", data, offset + 24, size)
            break
        offset = data.find(b"PK\x01\x02", offset + 4)
    path.write_bytes(bytes(data))


def test_an_archive_declaring_too_much_is_refused(tmp_path: Path,
                                                  openpyxl_must_not_open: None) -> None:
    path = write_book(tmp_path / "huge.xlsx", [["Account Name"], ["Acme"]])
    _set_declared_size(path, "xl/worksheets/sheet1.xml", MAX_UNPACKED_BYTES + 1)
    with pytest.raises(UnreadableFile, match=r"huge.xlsx would unpack to 200 MB; workbooks over "
                                             r"200 MB unpacked are refused"):
        read_table(path)


def test_a_damaged_workbook_is_reported_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("xl/workbook.xml", "<workbook><sheets><oops")
    with pytest.raises(UnreadableFile, match="broken.xlsx could not be opened as a workbook"):
        read_table(path)


def test_shared_strings_read_as_openpyxl_reads_them() -> None:
    import io

    from openpyxl.reader.strings import read_string_table

    from qbr_desktop.imports.workbook import _shared_strings

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    xml = (f'<sst xmlns="{main}"><si><t>plain</t></si><si><t xml:space="preserve"> padded '
           "</t></si><si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r></si>"
           "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si><si><t/></si>"
           "<si><t>a_x005F_x000D_b</t></si><si></si></sst>").encode()
    assert _shared_strings(io.BytesIO(xml)) == read_string_table(io.BytesIO(xml))

"""Which encoding a file is in: BOMs first, strict UTF-8 next, then a guess."""

from __future__ import annotations

import codecs

import pytest

from qbr_desktop.i18n import english
from qbr_desktop.imports.csv_text import table_from_csv_bytes
from qbr_desktop.imports.decoding import decode_bytes
from qbr_desktop.imports.errors import UnreadableFile

TEXT = ("Account Name;ARR;Renewal Date\nMüller Maschinenbau GmbH;1.200,50 €;31.12.2026\n"
        "Crédit Lumière SA;98.000,00 €;30.06.2027\nØresund Shipping A/S;45.500,00 €;15.03.2027\n")
CHINESE = ("客户名称,年度经常性收入,续约日期\n上海星辰科技有限公司,120000,2026-12-31\n"
           "北京云帆数据服务有限公司,45000,2027-03-31\n深圳海岸物流集团,9000,2027-06-30\n")


@pytest.mark.parametrize(("data", "label"), [
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with BOM"),
    (TEXT.encode("utf-8"), "UTF-8"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16"),
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "UTF-32"),
    (TEXT.encode("utf-16-le"), "UTF-16 (little-endian, no BOM)"),
    (TEXT.encode("utf-16-be"), "UTF-16 (big-endian, no BOM)"),
    (TEXT.encode("cp1252"), "Windows-1252"),
])
def test_latin_text_in_every_encoding(data: bytes, label: str) -> None:
    decoded = decode_bytes(data, "accounts.csv")
    assert decoded.text == TEXT
    assert decoded.encoding == label
    assert not decoded.damaged


def test_gb18030() -> None:
    decoded = decode_bytes(CHINESE.encode("gb18030"), "客户.csv")
    assert decoded.text == CHINESE
    assert decoded.encoding == "GB18030"


def test_utf8_is_tried_strictly_before_guessing() -> None:
    # Valid UTF-8 is UTF-8, even when a guesser might call it something else.
    text = "Name\nÃ©clair Café\n"
    assert decode_bytes(text.encode("utf-8"), "f.csv").text == text


def test_mostly_utf8_with_a_pasted_legacy_row_is_utf8_marked_damaged() -> None:
    data = ("Name\nMüller GmbH\nSão Paulo Tech\nZürich AG\n").encode() + \
        "Café Nuñez\n".encode("cp1252")
    decoded = decode_bytes(data, "mixed.csv")
    assert decoded.encoding == "UTF-8"
    assert decoded.damaged
    assert "Müller" in decoded.text and "\ufffd" in decoded.text


def test_binary_data_is_not_text() -> None:
    with pytest.raises(UnreadableFile, match="photo.csv is not a text file"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
                     "photo.csv")


def test_bom_with_broken_bytes_is_marked_damaged() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + b"Name\nA\xffB\n", "f.csv")
    assert decoded.damaged and decoded.text.startswith("Name")


def detect(data: bytes, name: str = "f.csv"):  # noqa: ANN201 - an Encoding
    from qbr_desktop.imports.decoding import detect_encoding
    from qbr_desktop.imports.sources import MemorySource

    return detect_encoding(MemorySource(data, name), name)


def test_shift_jis() -> None:
    text = ("会社名,担当者\n株式会社サンプル,山田太郎\n東京データ株式会社,佐藤花子\n"
            "大阪物流株式会社,鈴木一郎\n")
    decoded = decode_bytes(text.encode("shift_jis"), "取引先.csv")
    assert decoded.text == text and decoded.encoding == "Shift JIS"


def test_utf8_with_more_broken_bytes_than_good_ones_is_still_utf8_with_damage() -> None:
    # A UTF-8 export with one accented name and a row pasted from a legacy program: read as
    # Windows-1252 it would store "MÃ¼ller" for Müller.
    data = "Name\nMüller GmbH\nAcme\n".encode() + "Señor Café Nuñez\n".encode("cp1252")
    encoding = detect(data)
    assert (encoding.codec, encoding.damaged) == ("utf-8", True)
    decoded = decode_bytes(data, "f.csv")
    assert "Müller GmbH" in decoded.text and "MÃ" not in decoded.text


def test_a_guessed_encoding_is_never_silent_and_names_the_rows_to_check() -> None:
    table = table_from_csv_bytes(b"Name,Seats\nAcme,1\nBeta,2\nCaf\xe9 Nu\xf1ez,3\nDelta,4\n",
                                 "crm.csv")
    assert table.encoding == "Windows-1252" and table.rows[2].cells[0] == "Café Nuñez"
    assert tuple(english(notice) for notice in table.notices) == (
        "crm.csv is not UTF-8; it was read as Windows-1252, a guess from a few characters: "
        "check that the text in row 4 reads correctly; if it does not, save the file as "
        "UTF-8 and import it again.",)


def test_a_file_of_many_legacy_characters_says_how_it_was_read() -> None:
    text = "Name\n" + "".join(f"Müller Café {n} Øresund Nuñez Crédit\n" for n in range(20))
    table = table_from_csv_bytes(text.encode("cp1252"), "legacy.csv")
    assert tuple(english(notice) for notice in table.notices) == (
        "legacy.csv is not UTF-8; it was read as Windows-1252.",)
    assert [r.cells[0] for r in table.rows] == text.splitlines()[1:]


def test_invalid_bytes_in_an_ascii_file_are_named_not_silently_stored() -> None:
    table = table_from_csv_bytes(b"Name,Seats\nAcme,1\nAc\xffme Corp,2\n", "stray.csv")
    assert table.notices and "row 3" in english(table.notices[0])


@pytest.mark.parametrize("codec", ["utf-16", "cp1252", "gb18030", "shift_jis"])
def test_legacy_encodings_survive_streaming(codec: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import qbr_desktop.imports.table as table_module

    samples = {"utf-16": TEXT, "cp1252": TEXT, "gb18030": CHINESE,
               "shift_jis": "会社名;担当者\n株式会社サンプル;山田太郎\n"
                            "東京データ株式会社;佐藤花子\n"}
    text = samples[codec]
    monkeypatch.setattr(table_module, "CACHED_CELLS", 0)
    table = table_from_csv_bytes(text.encode(codec), "f.csv")
    assert table.rows.streamed
    separator = ";" if ";" in text.splitlines()[0] else ","
    assert [list(r.cells) for r in table.rows] == [
        line.split(separator) for line in text.splitlines()[1:]]

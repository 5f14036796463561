"""Which encoding a file is in: BOMs first, strict UTF-8 next, then a guess."""

from __future__ import annotations

import codecs

import pytest

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

"""Workbooks written byte by byte, so a test controls every part, attribute and size field.

openpyxl refuses to write most of what a hostile workbook holds (control characters, NaN
cells, lying zip headers), so these are assembled from XML text and zipfile directly.
"""

from __future__ import annotations

import io
import math
import re
import struct
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
STRINGS_TYPE = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "sharedStrings")
STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
DOC_TYPE = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "officeDocument")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

Cell = str | int | float | bool | None


def column_name(index: int) -> str:
    """0 → A, 16383 → XFD."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def text_for_xml(text: str) -> str:
    """Characters XML cannot hold, written the way Excel writes them (_x001B_)."""
    return escape(_XML_ILLEGAL.sub(lambda m: f"_x{ord(m[0]):04X}_", text))


def cell_xml(reference: str, value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, float) and not math.isfinite(value):
        shown = "NaN" if math.isnan(value) else ("INF" if value > 0 else "-INF")
        return f'<c r="{reference}"><v>{shown}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}"><v>{value!r}</v></c>'
    return f'<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">' \
           f'{text_for_xml(value)}</t></is></c>'


def sheet_xml(rows: Iterable[Sequence[Cell]], *, first_row: int = 1, prolog: str = "") -> str:
    parts = [f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{MAIN}">'
             "<sheetData>"]
    for number, row in enumerate(rows, start=first_row):
        cells = "".join(cell_xml(f"{column_name(i)}{number}", v) for i, v in enumerate(row))
        parts.append(f'<row r="{number}">{cells}</row>')
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def workbook_parts(sheets: Sequence[tuple[str, str | bytes]], *,
                   shared_strings: str | bytes | None = None,
                   styles: str | bytes | None = None,
                   workbook_prolog: str = "") -> dict[str, str | bytes]:
    """Every part of a minimal valid workbook: {part name: content}."""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for n in range(1, len(sheets) + 1))
    if shared_strings is not None:
        overrides += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    if styles is not None:
        overrides += ('<Override PartName="/xl/styles.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>')
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{overrides}</Types>")
    root_rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
                 f'<Relationship Id="rId1" Type="{DOC_TYPE}" Target="xl/workbook.xml"/>'
                 "</Relationships>")
    entries = "".join(f'<sheet name={quoteattr(title)} sheetId="{n}" r:id="rId{n}"/>'
                      for n, (title, _xml) in enumerate(sheets, start=1))
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?>{workbook_prolog}<workbook '
                f'xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{entries}</sheets></workbook>')
    relations = "".join(f'<Relationship Id="rId{n}" Type="{SHEET_TYPE}" '
                        f'Target="worksheets/sheet{n}.xml"/>'
                        for n in range(1, len(sheets) + 1))
    extra = len(sheets)
    if shared_strings is not None:
        extra += 1
        relations += (f'<Relationship Id="rId{extra}" Type="{STRINGS_TYPE}" '
                      'Target="sharedStrings.xml"/>')
    if styles is not None:
        extra += 1
        relations += f'<Relationship Id="rId{extra}" Type="{STYLES_TYPE}" Target="styles.xml"/>'
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": root_rels,
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": (f'<?xml version="1.0" encoding="UTF-8"?>'
                                       f'<Relationships xmlns="{PKG_REL}">{relations}'
                                       "</Relationships>"),
    }
    for n, (_title, xml) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{n}.xml"] = xml
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    if styles is not None:
        parts["xl/styles.xml"] = styles
    return parts


def zip_bytes(parts: dict[str, str | bytes], *, level: int = 6) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode("utf-8") if isinstance(content, str)
                             else content)
    return buffer.getvalue()


def workbook_bytes(rows: Iterable[Sequence[Cell]], *, title: str = "Sheet1") -> bytes:
    return zip_bytes(workbook_parts([(title, sheet_xml(rows))]))


def shared_strings_xml(strings: Sequence[str], prolog: str = "") -> str:
    items = "".join(f'<si><t xml:space="preserve">{text_for_xml(s)}</t></si>' for s in strings)
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<sst xmlns="{MAIN}" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>')


def set_declared_size(data: bytes, member: str, size: int, *, local: bool = False) -> bytes:
    """The archive with `member`'s uncompressed size rewritten in its central directory
    entry (and its local header too when `local`): a zip that lies about its contents."""
    buffer = bytearray(data)
    name = member.encode()
    offset = buffer.find(b"PK\x01\x02")
    while offset != -1:
        name_length = struct.unpack_from("<H", buffer, offset + 28)[0]
        if buffer[offset + 46:offset + 46 + name_length] == name:
            struct.pack_into("<I", buffer, offset + 24, size)
            if local:
                header = struct.unpack_from("<I", buffer, offset + 42)[0]
                struct.pack_into("<I", buffer, header + 22, size)
            break
        offset = buffer.find(b"PK\x01\x02", offset + 4)
    return bytes(buffer)


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
              for n in range(1, 10))
    + "]>")
XXE = '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

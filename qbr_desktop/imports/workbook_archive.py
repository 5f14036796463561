"""Excel workbooks (.xlsx) checked as zip archives before any XML in them is parsed.

A crafted workbook can unpack to gigabytes from a few kilobytes, hold millions of members,
or carry a document type declaration (the door to XXE and billion-laughs attacks). The
entry count is read from the archive's end record before zipfile lists the members; sizes
and compression ratios are checked as declared, and zipfile never hands out more than a
member declares (a member that holds more fails its CRC), so the declared sizes bound what
reading can cost; the sheet stream counts what it really gets on top.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from qbr_desktop.i18n import msg
from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.values import shown

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: Text a workbook keeps in its shared-string table is held in memory while it is read.
MAX_SHARED_TEXT_BYTES = 64 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
#: Members smaller than this cannot hurt, however well they compress.
RATIO_CHECK_FROM_BYTES = 1024 * 1024
MAX_MEMBERS = 10_000
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MB = 1024 * 1024
_END_RECORD = b"PK\x05\x06"
_PROLOG_BYTES = 8192
_DECLARATIONS = tuple(marker.encode(codec) for marker in ("<!DOCTYPE", "<!ENTITY")
                      for codec in ("utf-8", "utf-16-le", "utf-16-be"))


def _declared_entries(path: Path) -> int | None:
    """The member count the archive's end record declares (None: no end record found)."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - 65_536 - 22))
        tail = handle.read()
    at = tail.rfind(_END_RECORD)
    if at == -1 or len(tail) < at + 22:
        return None
    return int(struct.unpack_from("<H", tail, at + 10)[0])


def ole_refusal(path: Path, name: str) -> UnreadableFile:
    """An OLE2 container: an old .xls, or a workbook saved with a password."""
    with path.open("rb") as handle:
        start = handle.read(256 * 1024)
    if "EncryptedPackage".encode("utf-16-le") in start:
        return UnreadableFile(msg("{file} is protected with a password; open it in a "
                                  "spreadsheet program, remove the password (or save a copy "
                                  "as CSV) and import that", file=name))
    return UnreadableFile(msg("{file} is an Excel 97–2003 workbook (.xls); open it in a "
                              "spreadsheet program, save it as .xlsx or CSV and import that",
                              file=name))


def check_workbook_archive(path: Path, name: str) -> None:
    """Refuse what is not a workbook, or would unpack to too much, before opening it."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head == OLE2_SIGNATURE:
        raise ole_refusal(path, name)
    if not zipfile.is_zipfile(path):
        raise UnreadableFile(msg("{file} is not an Excel workbook (not a zip archive)",
                                 file=name))
    declared = _declared_entries(path)
    if declared is not None and declared > MAX_MEMBERS:
        raise _too_many_files(name, declared)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise _too_many_files(name, len(members))
            _check_sizes(members, name)
            if not any(m.filename == "xl/workbook.xml" for m in members):
                raise UnreadableFile(msg("{file} is a zip archive but not an Excel workbook",
                                         file=name))
            _check_declarations(archive, members, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            NotImplementedError, RuntimeError) as exc:
        raise UnreadableFile(msg("{file} is a damaged zip archive, so it cannot be read; open "
                                 "it in a spreadsheet program and save it again",
                                 file=name)) from exc


def _too_many_files(name: str, count: int) -> UnreadableFile:
    return UnreadableFile(msg("{file} holds {count:,} files; a workbook has a few dozen, so it "
                              "is refused", file=name, count=count))


def _check_sizes(members: list[zipfile.ZipInfo], name: str) -> None:
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFile(msg(
            "{file} would unpack to {size:,.0f} MB; workbooks over {limit} MB unpacked are "
            "refused (save the sheet as CSV)", file=name, size=unpacked / _MB,
            limit=MAX_UNPACKED_BYTES // _MB))
    for member in members:
        if member.file_size > RATIO_CHECK_FROM_BYTES and (
                member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)):
            ratio = member.file_size / max(member.compress_size, 1)
            raise UnreadableFile(msg(
                "{file} is refused: its part {part} is compressed {ratio:,.0f} to 1, far "
                "beyond a real workbook's (a limit of {limit} to 1 guards against zip bombs)",
                file=name, part=shown(member.filename), ratio=ratio,
                limit=MAX_COMPRESSION_RATIO))
        if member.filename == "xl/sharedStrings.xml" and (
                member.file_size > MAX_SHARED_TEXT_BYTES):
            raise UnreadableFile(msg(
                "{file} holds {size:,.0f} MB of text in its shared-string table; at most "
                "{limit} MB can be imported from a workbook (save the sheet as CSV and import "
                "that)", file=name, size=member.file_size / _MB,
                limit=MAX_SHARED_TEXT_BYTES // _MB))
    packed = sum(m.compress_size for m in members)
    if unpacked > RATIO_CHECK_FROM_BYTES and unpacked > MAX_COMPRESSION_RATIO * max(packed, 1):
        raise UnreadableFile(msg(
            "{file} is refused: it is compressed {ratio:,.0f} to 1, far beyond a real "
            "workbook's (a limit of {limit} to 1 guards against zip bombs)", file=name,
            ratio=unpacked / max(packed, 1), limit=MAX_COMPRESSION_RATIO))


def _check_declarations(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo],
                        name: str) -> None:
    """Workbooks never declare a document type; a part that does is an attack (XXE, billion
    laughs), refused before any parser sees it."""
    for member in members:
        if not member.filename.endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(member) as stream:
            prolog = stream.read(_PROLOG_BYTES)
        if any(marker in prolog for marker in _DECLARATIONS):
            raise UnreadableFile(msg(
                "{file} is refused: its part {part} declares a document type, which workbooks "
                "never do (it could make the import read other files or expand without end)",
                file=name, part=shown(member.filename)))

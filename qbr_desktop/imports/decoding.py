"""Which text encoding a file's bytes are in, and the text they hold.

Order of decisions: a byte-order mark wins (UTF-8, UTF-16, UTF-32); then strict UTF-8; then
"mostly UTF-8" (a file edited in two programs: the broken bytes are reported row by row);
then charset-normalizer's guess, with Windows-1252 preferred among equally good Latin
guesses and GB18030 used for any Chinese guess (it is their superset).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from qbr_desktop.imports.errors import UnreadableFile

REPLACEMENT = "\ufffd"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# Encodings a CRM export is realistically in; restricting the guess makes it far steadier.
CANDIDATES = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso8859_15",
              "gb18030", "big5", "shift_jis", "euc_kr", "euc_jp", "koi8_r", "mac_roman",
              "utf_16_le", "utf_16_be")
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030", "ascii": "cp1252",
              "latin_1": "cp1252", "iso8859_1": "cp1252"}
_LABELS = {"utf-8": "UTF-8", "cp1252": "Windows-1252", "gb18030": "GB18030",
           "utf_16_le": "UTF-16 (little-endian, no BOM)",
           "utf_16_be": "UTF-16 (big-endian, no BOM)", "shift_jis": "Shift JIS",
           "big5": "Big5", "euc_kr": "EUC-KR", "euc_jp": "EUC-JP"}
_SAMPLE_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str  # the name a person reads: "UTF-8 with BOM", "Windows-1252"
    #: True when some bytes were not valid in the encoding and show as U+FFFD.
    damaged: bool = False


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM betrays itself by NUL bytes in every other position."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf_16_le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf_16_be"
    return None


def _mostly_utf8(data: bytes) -> DecodedText | None:
    """Valid multi-byte UTF-8 with a few stray bytes: UTF-8, with the damage shown."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count(REPLACEMENT)
    non_ascii = sum(1 for c in text if ord(c) > 127) - broken
    if non_ascii and broken <= non_ascii:
        return DecodedText(text, "UTF-8", damaged=True)
    return None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:_SAMPLE_BYTES], cp_isolation=list(CANDIDATES)))
    if not matches:
        return None
    best = matches[0]
    encoding = _SUPERSETS.get(best.encoding, best.encoding)
    latin = {"cp1250", "cp1252", "cp1257", "iso8859_15", "mac_roman", "cp1254"}
    if encoding in latin:
        for match in matches:
            if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.02:
                return "cp1252"
    return encoding


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """The file's text; raises UnreadableFile if no encoding reads it."""
    for bom, bom_codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(bom_codec)
            except UnicodeDecodeError:
                text = data.decode(bom_codec, errors="replace")
                return DecodedText(text.lstrip("\ufeff"), label, damaged=True)
            return DecodedText(text.lstrip("\ufeff"), label)
    try:
        return DecodedText(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    codec: str | None = _utf16_without_bom(data)
    if codec is None:
        if b"\x00" in data[:_SAMPLE_BYTES]:
            raise UnreadableFile(f"{name} is not a text file (it contains binary data); "
                                 "export the data as CSV or XLSX")
        mostly = _mostly_utf8(data)
        if mostly is not None:
            return mostly
        codec = _guess(data)
    if codec is None:
        raise UnreadableFile(f"{name} is not in a text encoding QBR Desktop recognises; "
                             "save it again as UTF-8 CSV")
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError) as exc:
        raise UnreadableFile(f"{name} could not be read as {_LABELS.get(codec, codec)} text "
                             f"(byte {getattr(exc, 'start', 0):,} does not fit); save it again "
                             "as UTF-8 CSV") from exc
    return DecodedText(text, _LABELS.get(codec, codec.replace("_", "-").upper()))

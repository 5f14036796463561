"""Which text encoding a file's bytes are in, decided without holding the file in memory.

Order of decisions: a byte-order mark wins (UTF-8, UTF-16, UTF-32); then strict UTF-8 over
the whole file; then UTF-16 without a BOM (NUL bytes in every other position); then "UTF-8
with damage": valid multi-byte UTF-8 alongside a few invalid bytes (a file edited in two
programs): its broken rows are rejected by number, never stored as mojibake; then
charset-normalizer's guess among the encodings CRM exports use (Windows-1252 preferred among
equally good Latin guesses, GB18030 for any Chinese guess). A guessed file is never read
silently: a notice says so, and when the guess rests on a few bytes it names their rows.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from qbr_desktop.i18n import msg
from qbr_desktop.imports.errors import UnreadableFile
from qbr_desktop.imports.sources import ByteSource, MemorySource, head

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
_CHUNK = 1024 * 1024
#: Invalid UTF-8 bytes per valid multi-byte character up to which a file is taken as UTF-8
#: with damage rather than another encoding (GB18030 text is about eleven to one).
_DAMAGE_RATIO = 4
#: Fewer non-ASCII bytes than this make a guessed encoding a guess on thin evidence.
THIN_EVIDENCE_BYTES = 64
_HIGH_BYTES = bytes(range(128, 256))
_LITERAL_REPLACEMENT = REPLACEMENT.encode("utf-8")


@dataclass(frozen=True, slots=True)
class Encoding:
    codec: str  # for Python's codecs
    label: str  # the name a person reads: "UTF-8 with BOM", "Windows-1252"
    #: Some bytes are not valid in the encoding: they read as U+FFFD and their rows are
    #: rejected.
    damaged: bool = False
    #: Neither UTF-8 nor marked by a BOM: the encoding is charset-normalizer's guess.
    guessed: bool = False
    #: The guess rests on few bytes: the rows holding them are named for the CSM to check.
    thin: bool = False

    @property
    def errors(self) -> str:
        return "replace" if self.damaged else "strict"


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    damaged: bool = False


@dataclass(slots=True)
class _Utf8Survey:
    valid: bool = True
    broken: int = 0  # invalid sequences
    multibyte: int = 0  # valid non-ASCII characters
    high_bytes: int = 0  # bytes above 127


def _survey_utf8(source: ByteSource) -> _Utf8Survey:
    """Whether the whole file is UTF-8, and if not how it breaks, one chunk at a time."""
    survey = _Utf8Survey()
    with source.open() as stream:
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        try:
            while chunk := stream.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return survey
        except UnicodeDecodeError:
            survey.valid = False
    with source.open() as stream:
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        while True:
            chunk = stream.read(_CHUNK)
            text = decoder.decode(chunk, final=not chunk)
            ascii_bytes = len(chunk.translate(None, _HIGH_BYTES))
            broken = text.count(REPLACEMENT) - chunk.count(_LITERAL_REPLACEMENT)
            survey.broken += broken
            survey.multibyte += len(text) - ascii_bytes - broken
            survey.high_bytes += len(chunk) - ascii_bytes
            if not chunk:
                return survey


def _decodes(source: ByteSource, codec: str) -> bool:
    with source.open() as stream:
        decoder = codecs.getincrementaldecoder(codec)("strict")
        try:
            while chunk := stream.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


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


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data, cp_isolation=list(CANDIDATES)))
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


def label_of(codec: str) -> str:
    return _LABELS.get(codec, codec.replace("_", "-").upper())


def detect_encoding(source: ByteSource, name: str) -> Encoding:
    """The file's encoding; raises UnreadableFile if no encoding reads it."""
    start = head(source, _SAMPLE_BYTES)
    for bom, codec, label in _BOMS:
        if start.startswith(bom):
            return Encoding(codec, label, damaged=not _decodes(source, codec))
    survey = _survey_utf8(source)
    if survey.valid:
        return Encoding("utf-8", "UTF-8")
    utf16 = _utf16_without_bom(start)
    if utf16 is not None:
        return Encoding(utf16, label_of(utf16))
    if b"\x00" in start:
        raise UnreadableFile(msg("{file} is not a text file (it contains binary data); export "
                                 "the data as CSV or XLSX", file=name))
    if survey.multibyte and survey.broken <= _DAMAGE_RATIO * survey.multibyte:
        return Encoding("utf-8", "UTF-8", damaged=True)
    guess = _guess(start)
    if guess is None:
        raise UnreadableFile(msg("{file} is not in a text encoding QBR Desktop recognises; "
                                 "save it again as UTF-8 CSV", file=name))
    codec = guess
    if codec in ("utf_16_le", "utf_16_be"):
        return Encoding(codec, label_of(codec))
    return Encoding(codec, label_of(codec), guessed=True,
                    thin=survey.high_bytes < THIN_EVIDENCE_BYTES)


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """The whole text of `data` (for small inputs; files are decoded as they stream)."""
    encoding = detect_encoding(MemorySource(data, name), name)
    try:
        text = data.decode(encoding.codec, errors=encoding.errors)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(msg("{file} could not be read as {encoding} text (byte {byte:,} "
                                 "does not fit); save it again as UTF-8 CSV", file=name,
                                 encoding=encoding.label, byte=exc.start)) from exc
    return DecodedText(text.lstrip("\ufeff"), encoding.label, encoding.damaged)

"""Names that break address headers, the To lists made of them, and a second reader of the
.eml files that carry them. Importable from any test module (tests/ is on sys.path).

Python's own parser is the first reader; the second is Perl's Email::MIME (Debian package
libemail-mime-perl, with Email::Address::XS), which shares no code with Python's.

Python 3.11's parser reads the white space between two adjacent RFC 2047 encoded words of
a display name as a space (python/cpython#128110), where RFC 2047 and mail programs ignore
it. A name too long for one encoded word is written as several, so for those names the
Python reading is checked to differ from the name by exactly one space at each boundary,
and Perl's reading must be the name itself.
"""

from __future__ import annotations

import email
import email.policy
import json
import re
import subprocess
import unicodedata
from pathlib import Path

from tests_support import require_perl_modules

PERL_READER = Path(__file__).with_name("read_addresses.pl")

NAMES: tuple[str, ...] = (
    # ASCII, and the characters that need quoting or could end an address early
    "Jordan Lee", "Doe, Jane", 'Jane "JJ" Doe', "'single quoted'", "O'Brien",
    "Back\\slash Name", "Quote \" and backslash \\ at the end\\", "Pat (Procurement) Kim",
    "Alex <alex@evil.example>", "Sam; Taylor", "Chris @ Acme", "support@acme.example",
    "Dr. Ana Perez", "Max: Mustermann", "[Team] Ops", "a.b.c", "Lee,", ",,,", '"', "\\",
    "Semi;colon, comma \"quote\" (paren) <angle> [bracket] back\\slash @at",
    "=?utf-8?q?Fake?=", "=?utf-8?b?SGk=?= <x@evil.example>, Eve <eve@evil.example>",
    # white space, control characters and line breaks
    "   ", "\t \u3000 \u00a0 ", "Tab\tSeparated\tName", "Name  with    many   spaces",
    " Leading and trailing ", "Jordan\r\nBcc: spy@evil.example", "Line\nX-Injected: 1",
    "Carriage\rCc: spy@evil.example", "Bell\x07 and\x00 NUL", "Del\x7f and C1\x85\x9b",
    "\x1b[31mRed\x1b[0m", "Mixed\u2028Line\u2029Separators", "\x01\x02\x03",
    # CJK
    "田中 美咲", "王小明", "山田太郎（営業部長）", "김민준", "이서연, 팀장",
    "株式会社サンプル 代表取締役社長 山田 太郎",
    # accents, Cyrillic, Greek
    "Zoë", "José Álvarez-Núñez", "Łukasz Żółć", "Ünal Öztürk", "Ærøskøbing Ångström",
    "Renée", "Çağla Şenyüz", "Иван Иванов", "Александра Константиновна Преображенская",
    "Γιώργος Παπαδόπουλος",
    # right to left, and direction marks
    "נועה כהן", "דוד לוי, מנהל", "نور الهدى", "محمد بن عبد الله", "\u202eevil\u202c Name",
    "Ali \u200fعلي\u200f",
    # emoji, ZWJ sequences, flags, skin tones, combining marks
    "Rocket 🚀", "👨‍👩‍👧‍👦 Family", "🏳️‍🌈 Pride", "👍🏽 Thumbs", "🇯🇵 Flag", "🚀",
    "e\u0301e\u0301 Combining", "Zalgo Z̷̢̛̪a̸̡̛l̶g̵o̴", "Devanagari देवनागरी", "Thai ภาษาไทย",
    "ZWSP\u200bhere", "BOM\ufeffhere",
    # very long
    "A" + " Very" * 50 + " Long Name", "x" * 210, "Doe, " * 45, "長い名前" * 60,
    "Ünal Öztürk " * 20, "Jordan Lee 田中 " * 15, "💥" * 60,
    "👩🏽‍💻" * 30, "e\u0301" * 120, "Ab, " + "é" * 100 + " (Ops) " + "Zoë " * 20,
)

_DOMAINS = ("acme.example", "Bücher.example", "例え.テスト", "sub.domain.example.co.uk")
_LOCALS = ("first.last", "o'brien", "x+qbr", "under_score", "p")


def person(index: int, name: str) -> tuple[str, str]:
    """(name, email) with an address of its own for each index."""
    return name, f"{_LOCALS[index % len(_LOCALS)]}{index}@{_DOMAINS[index % len(_DOMAINS)]}"


def address_lists() -> list[tuple[str, list[tuple[str, str]]]]:
    """(id, people) for To lists of 1, 2, 6, 20 and 60 people, every name in several."""
    lists = []
    for size, step in ((1, 1), (2, 1), (6, 3), (20, 7), (60, 20)):
        for start in range(0, len(NAMES), step):
            chosen = [NAMES[(start + k) % len(NAMES)] for k in range(size)]
            lists.append((f"{size}-from-{start}",
                          [person(k, name) for k, name in enumerate(chosen)]))
    return lists


def expected_name(name: str) -> str:
    """The display name a reader must find: one line, no control characters."""
    text = re.sub(r"\s+", " ", name).strip()
    text = "".join(c for c in text if unicodedata.category(c) != "Cc")
    return re.sub(r"\s+", " ", text).strip()


def expected_addr_spec(email: str) -> str:
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.encode('idna').decode('ascii')}"


def header_block(data: bytes) -> bytes:
    return data.split(b"\r\n\r\n", 1)[0] + b"\r\n"


def field_lines(data: bytes, field: str) -> list[str]:
    """The physical lines of one header field of the top-level header block."""
    lines = header_block(data).decode("ascii").split("\r\n")[:-1]
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{field}: "))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")),
               len(lines))
    return lines[start:end]


def address_groups(lines: list[str], specs: list[str]) -> list[str]:
    """The field's lines cut after the line that ends each expected address in turn: one
    piece per address when every address starts a line of its own, fewer otherwise."""
    groups: list[str] = []
    current: list[str] = []
    remaining = list(specs)
    for line in lines:
        current.append(line)
        if remaining:
            comma = "," if len(remaining) > 1 else ""
            if line.endswith((f"<{remaining[0]}>{comma}", f" {remaining[0]}{comma}")):
                groups.append("\r\n".join(current))
                current = []
                remaining.pop(0)
    if current:
        groups.append("\r\n".join(current))
    return groups


_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")


def encoded_word_boundaries(group: str) -> int:
    """How many times two encoded words follow each other with only white space between."""
    tokens = group.split()
    return sum(bool(_ENCODED_WORD.fullmatch(a) and _ENCODED_WORD.fullmatch(b))
               for a, b in zip(tokens, tokens[1:], strict=False))


def with_spaces_removed(got: str, expected: str, inserted: int) -> bool:
    """Whether `got` is `expected` with exactly `inserted` spaces put in."""
    i = j = extra = 0
    while i < len(got):
        if j < len(expected) and got[i] == expected[j]:
            j += 1
        elif got[i] == " ":
            extra += 1
        else:
            return False
        i += 1
    return j == len(expected) and extra == inserted


def read_with_perl(paths: list[Path]) -> dict[str, dict[str, object]]:
    """Each file's address fields as Email::MIME reads them (see tests/read_addresses.pl)."""
    perl = require_perl_modules("Email::MIME", "JSON::PP",
                                debian_package="libemail-mime-perl")
    result = subprocess.run([perl, str(PERL_READER), *map(str, paths)], capture_output=True,
                            check=True, timeout=300)
    read: dict[str, dict[str, object]] = json.loads(result.stdout)
    return read


def expected_addresses(people: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(expected_name(name), expected_addr_spec(mail)) for name, mail in people]


def check_python_reading(data: bytes, people: list[tuple[str, str]]) -> None:
    """Python's parser (policy.default) finds every address, in order, with its name."""
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    expected = expected_addresses(people)
    got = [(a.display_name, a.addr_spec) for a in parsed["To"].addresses]
    assert [spec for _, spec in got] == [spec for _, spec in expected]
    groups = address_groups(field_lines(data, "To"), [spec for _, spec in expected])
    boundaries = ([encoded_word_boundaries(group) for group in groups]
                  if len(groups) == len(expected) else [0] * len(expected))
    wrong = [(read, name) for (read, _), (name, _), inserted
             in zip(got, expected, boundaries, strict=True)
             if not with_spaces_removed(read, name, inserted)]
    assert wrong == []


def check_perl_reading(fields: dict[str, object], people: list[tuple[str, str]]) -> None:
    """Email::MIME finds one To field with every address, in order, with its exact name."""
    assert fields["To fields"] == 1 and fields["Cc fields"] == fields["Bcc fields"] == 0
    read = fields["To"]
    assert isinstance(read, list)
    assert all(valid for _, _, valid in read)
    assert [(name, spec) for name, spec, _ in read] == expected_addresses(people)


def check_header_lines(data: bytes, people: list[tuple[str, str]]) -> None:
    """Every line ends in CRLF, no header line passes 78 octets, and each address starts
    a line of its own."""
    assert data.count(b"\n") == data.count(b"\r\n") and b"\r\r" not in data
    assert data.replace(b"\r\n", b"").count(b"\r") == 0
    lines = header_block(data).split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 78
    specs = [spec for _, spec in expected_addresses(people)]
    assert len(address_groups(field_lines(data, "To"), specs)) == len(people)

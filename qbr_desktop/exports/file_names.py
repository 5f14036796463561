"""File names for exported material, safe on Windows, macOS and Linux alike.

An account name is anything a CRM holds ("R&D / EMEA: *new*", "CON", an emoji, Arabic); a
file name made from it must stay one file in the folder chosen, open on every system, and
read like the account: "Acme Corp – QBR 2026-Q4.pptx".

Rules: path separators, "..", the characters :*?"<>| and control characters go; names
Windows reserves (CON, PRN, AUX, NUL, COM1–9, LPT1–9, also followed by an extension) get
an underscore in front; trailing dots and spaces go; the whole name is at most 150
characters (and 240 bytes in UTF-8, for file systems that count bytes), the suffix kept.
Letters in any script and emoji are kept.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from qbr_desktop.domain.errors import DomainError

MAX_NAME_CHARS = 150
MAX_NAME_BYTES = 240
FORBIDDEN = re.compile(r'[\\/:*?"<>|]')
# Direction overrides can make "exe.pptx" display as "xtpp.exe": never in a file name.
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                      *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10)),
                      "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"})
QUARTER = re.compile(r"^\s*(\d{4})\s*[-_ ]?\s*[Qq]\s*([1-4])\s*$")
FALLBACK = "Account"
MAX_COPIES = 999


class FileNameError(DomainError):
    """A file name that would leave the folder chosen, or no free name."""


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if char in BIDI_CONTROLS or unicodedata.category(char) == "Cc"
                   or FORBIDDEN.match(char) else char for char in text)
    text = re.sub(r"\.{2,}", ".", text)  # no ".." anywhere
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .-_")


def _not_reserved(name: str) -> str:
    stem = name.split(".", 1)[0].strip(" ").upper()
    return f"_{name}" if stem in RESERVED else name


def quarter_label(quarter: str) -> str:
    """'2026-Q4' from '2026 Q4', '2026Q4' or '2026-q4'; anything else cleaned as text."""
    match = QUARTER.match(quarter)
    return f"{match[1]}-Q{match[2]}" if match else _clean(quarter)


def _fits(name: str, tail: str) -> bool:
    whole = name + tail
    return len(whole) <= MAX_NAME_CHARS and len(whole.encode("utf-8")) <= MAX_NAME_BYTES


def safe_file_name(account_name: str, suffix: str, *, quarter: str, kind: str = "QBR") -> str:
    """'Acme Corp – QBR 2026-Q4.pptx': the account's name made safe as a file name."""
    suffix = _clean(suffix)
    suffix = f".{suffix}" if suffix and not suffix.startswith(".") else suffix
    label = " ".join(part for part in (_clean(kind), quarter_label(quarter)) if part)
    tail = f" – {label}{suffix}" if label else suffix
    name = _not_reserved(_clean(account_name) or FALLBACK)
    while name and not _fits(name, tail):
        name = name[:-1].rstrip(" .-_")
    if not name:  # the tail alone is too long: keep what fits of it
        tail = tail[-MAX_NAME_CHARS:]
    whole = _not_reserved((name or FALLBACK[:1]) + tail)
    return whole.rstrip(" .") or FALLBACK


def target_in(folder: Path, name: str) -> Path:
    """`folder / name`, refused unless the result is a file directly inside `folder`."""
    if not name or name in (".", "..") or Path(name).name != name or "/" in name \
            or "\\" in name:
        raise FileNameError(f"“{name}” is not a plain file name")
    base = Path(folder).expanduser().resolve()
    target = (base / name).resolve()
    if target.parent != base:
        raise FileNameError(f"“{name}” would be written outside {base}")
    return target


def _office_lock(path: Path) -> bool:
    """PowerPoint and Word keep "~$name" beside a file they have open."""
    names = {f"~${path.name}", f"~${path.name[2:]}"}
    return any((path.parent / lock).exists() for lock in names)


def _usable(path: Path) -> bool:
    if not path.exists():
        return True
    if not path.is_file() or not os.access(path, os.W_OK) or _office_lock(path):
        return False
    try:
        with path.open("r+b"):  # Windows refuses this while another program holds the file
            pass
    except OSError:
        return False
    return True


def available_path(path: Path) -> Path:
    """`path` when it can be written (absent, or a writable file nobody has open), else
    the first free "name (2).pptx", "name (3).pptx" … beside it."""
    path = Path(path)
    if _usable(path):
        return path
    stem, suffix = path.stem, path.suffix
    for number in range(2, MAX_COPIES + 1):
        candidate = path.with_name(f"{stem} ({number}){suffix}")
        if _usable(candidate):
            return candidate
    raise FileNameError(f"No free name beside {path}: remove some of its copies")

"""How much room text takes on a slide, estimated without measuring a font.

Each character's width is taken from DejaVu Sans, the widest face a viewer without the
theme's font falls back to (digits 0.64 em, capitals 0.76, "%" 0.96, East Asian wide
characters 1.05), so the estimate errs toward smaller text. A word of Latin script (a
figure such as "$711,360") is never broken across lines: a size at which it would be is
not used. Text that will not fit at the minimum size is cut at a word with "…".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

LINE_SPACING = 1.2
ELLIPSIS = "…"


def glyphs(text: str) -> float:
    width = 0.0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2.0 if unicodedata.east_asian_width(char) in ("W", "F") else 1.0
    return width


def count_lines(text: str, per_line: float) -> int:
    """Lines `text` takes when wrapped at words, `per_line` single-width glyphs a line."""
    per_line = max(per_line, 1.0)
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split(" "):
            width = glyphs(word)
            needed = width if used == 0 else used + 1 + width
            if needed <= per_line:
                used = needed
                continue
            if used > 0:
                lines, used = lines + 1, 0.0
            while width > per_line:  # a word longer than the line is broken across lines
                lines, width = lines + 1, width - per_line
            used = width
        total += lines
    return total


def _char_em(char: str, bold: bool) -> float:
    """A character's advance in DejaVu Sans (Bold), rounded up."""
    if unicodedata.combining(char):
        return 0.0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.05
    if char.isdigit():
        return 0.70 if bold else 0.64
    if char == " ":
        return 0.35 if bold else 0.32
    if char in "il.,:;'|!":
        return 0.36 if bold else 0.30
    if char in "%@—":
        return 1.02 if bold else 0.96
    if char.isupper() or char in "&mwMW€£$₹¥":
        return 0.84 if bold else 0.76
    return 0.64 if bold else 0.58


# PowerPoint and LibreOffice put a quarter-em gap between East Asian characters and a Latin
# letter or digit beside them ("2027年7月5日" is drawn "2027 年 7 月 5 日").
ASIAN_LATIN_GAP_EM = 0.25


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def text_em(text: str, bold: bool = False) -> float:
    width = sum(_char_em(char, bold) for char in text)
    for before, after in zip(text, text[1:], strict=False):
        if _wide(before) != _wide(after) and (before.isalnum() or after.isalnum()) \
                and not (before.isspace() or after.isspace()):
            width += ASIAN_LATIN_GAP_EM
    return width


def _breakable(word: str) -> bool:
    """East Asian text wraps between any two characters; a Latin word or a figure not."""
    return any(unicodedata.east_asian_width(char) in ("W", "F") for char in word)


def lines_em(text: str, per_line: float, bold: bool) -> int | None:
    """Lines `text` takes wrapped at words, `per_line` em a line; None when a word that
    must stay whole is longer than a line."""
    space = _char_em(" ", bold)
    total = 0
    for paragraph in text.split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split(" "):
            width = text_em(word, bold)
            needed = width if used == 0 else used + space + width
            if needed <= per_line:
                used = needed
                continue
            if width > per_line and not _breakable(word):
                return None
            if used > 0:
                lines, used = lines + 1, 0.0
            while width > per_line:
                lines, width = lines + 1, width - per_line
            used = width
        total += lines
    return total


@dataclass(frozen=True, slots=True)
class Fitted:
    text: str
    size: int  # points
    cut: bool


def fits(text: str, width: int, height: int, size: float, *, bold: bool = False,
         gap_pt: float = 0.0) -> bool:
    """Whether `text` fits a box of `width` × `height` EMU (inner, after the insets), every
    Latin word whole on its line."""
    lines = lines_em(text, (width / 12700) / size, bold)
    if lines is None:
        return False
    paragraphs = text.count("\n") + 1
    return lines * size * LINE_SPACING + (paragraphs - 1) * gap_pt <= height / 12700


def fit(text: str, width: int, height: int, largest: int, smallest: int, *,
        bold: bool = False, gap_pt: float = 0.0) -> Fitted:
    """The largest size from `largest` down to `smallest` at which the text fits; failing
    that, the longest start of the text, cut at a word, that fits at `smallest` with "…"."""
    for size in range(largest, smallest - 1, -1):
        if fits(text, width, height, size, bold=bold, gap_pt=gap_pt):
            return Fitted(text, size, False)

    def ok(end: int) -> bool:
        return fits(text[:end].rstrip() + ELLIPSIS, width, height, smallest, bold=bold,
                    gap_pt=gap_pt)

    ends = [m.start() for m in re.finditer(r"\s", text)]
    best = _longest(ends, ok)
    if best is None:  # no word boundary fits (CJK without spaces, one long word): a character
        best = _longest(list(range(1, len(text))), ok)
    return Fitted(text[:best or 0].rstrip() + ELLIPSIS, smallest, True)


def _longest(ends: Sequence[int], ok: Any) -> int | None:
    low, high, best = 0, len(ends) - 1, None
    while low <= high:
        middle = (low + high) // 2
        if ok(ends[middle]):
            best, low = ends[middle], middle + 1
        else:
            high = middle - 1
    return best



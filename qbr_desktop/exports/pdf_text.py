"""A reportlab Paragraph that draws right-to-left text in visual order, line by line.

Reordering a whole paragraph before reportlab breaks it into lines would put the end of a
right-to-left paragraph on its first line. So reportlab breaks the logical text (shaped
by pdf_fonts.markup(), so it measures the glyphs that will be drawn), and only when a line
is drawn are its characters put in visual order: levels are resolved once per paragraph
and each line is reordered on its own, as UAX #9 prescribes. A paragraph whose first
strong character is right-to-left is right-aligned, its bullet on the right.

This reads markup() output: fonts switch per character and <br/> breaks lines; a line
holding anything but text (an image) is drawn as reportlab laid it out.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape, unescape

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.rl_accel import sameFrag
from reportlab.platypus import paragraph as _rl

from qbr_desktop.exports.visual_text import (
    base_direction,
    drawn,
    embedding_levels,
    line_levels,
    needs_bidi,
)

_TAG = re.compile(r"<br\s*/?>|<[^>]*>")


def _logical(markup: str) -> str:
    return unescape(_TAG.sub(lambda m: "\n" if m.group().startswith("<br") else "", markup))


class Paragraph(_rl.Paragraph):
    """reportlab's Paragraph, drawing each line of right-to-left text in visual order."""

    blPara: Any  # reportlab's broken lines, set by wrap()

    def __init__(self, text: str | None, style: Any = None, bulletText: str | None = None,
                 frags: Any = None, caseSensitive: int = 1, encoding: str = "utf8") -> None:
        logical = _logical(text) if text is not None else "".join(
            getattr(f, "text", "") for f in frags or ())
        self.direction = base_direction(logical)
        self.bidi = needs_bidi(logical)
        if self.direction == "R" and text is not None:  # a split's parts get the parent's
            if style is not None and style.alignment == TA_LEFT:
                style = copy.copy(style)
                style.alignment = TA_RIGHT
            if bulletText:
                text, bulletText = f"{escape(bulletText)} {text}", None
        super().__init__(text, style, bulletText, frags, caseSensitive, encoding)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        for part in parts:
            if isinstance(part, Paragraph) and part is not self:
                part.direction, part.bidi = self.direction, self.bidi or part.bidi
        return parts

    def draw(self) -> None:
        logical = self.blPara
        if self.bidi:
            self.blPara = _visual_lines(logical, self.direction)
        try:
            super().draw()
        finally:
            self.blPara = logical


def _segments(texts: Sequence[str], breaks: Sequence[bool], direction: str) -> list[list[int]]:
    """Each line's levels, resolved over its paragraph: the lines up to a hard break."""
    result: list[list[int]] = []
    start = 0
    for end in range(len(texts)):
        if end < len(texts) - 1 and not breaks[end]:
            continue
        lines = texts[start:end + 1]
        joined = " ".join(lines)
        # Each paragraph after a break has its own direction (UAX #9 P2), unless it has
        # no letters to tell; the first keeps the one this Paragraph was made with.
        strong = any(unicodedata.bidirectional(char) in ("L", "R", "AL") for char in joined)
        base = base_direction(joined) if start and strong else direction
        levels = embedding_levels(joined, base)
        offset = 0
        for line in lines:
            result.append(line_levels(line, levels[offset:offset + len(line)], int(base == "R")))
            offset += len(line) + 1
        start = end + 1
    return result


def _visual_lines(blPara: Any, direction: str) -> Any:
    """A copy of reportlab's broken lines with every line in drawing order."""
    visual = copy.copy(blPara)
    texts: list[str]
    if blPara.kind == 0:
        texts = [" ".join(words) for _space, words in blPara.lines]
        levels = _segments(texts, [False] * len(texts), direction)
        visual.lines = [(space, "".join(char for _i, char in drawn(text, line)).split(" "))
                        for (space, _words), text, line in zip(blPara.lines, texts, levels,
                                                               strict=True)]
        return visual
    texts = []
    owners: list[list[Any]] = []
    breaks: list[bool] = []
    for line in blPara.lines:
        chars: list[Any] = []
        for frag in line.words:
            if getattr(frag, "_fkind", _rl._FK_TEXT) == _rl._FK_TEXT:
                chars += [frag] * len(frag.text)
        owners.append(chars)
        texts.append("".join(getattr(f, "text", "") for f in line.words
                             if getattr(f, "_fkind", _rl._FK_TEXT) == _rl._FK_TEXT))
        breaks.append(any(getattr(f, "_fkind", None) == _rl._FK_BREAK for f in line.words))
    levels = _segments(texts, breaks, direction)
    visual.lines = [_visual_frag_line(line, text, chars, line_level)
                    for line, text, chars, line_level in zip(blPara.lines, texts, owners,
                                                             levels, strict=True)]
    return visual


def _visual_frag_line(line: Any, text: str, owners: list[Any], levels: list[int]) -> Any:
    kinds = [getattr(f, "_fkind", _rl._FK_TEXT) for f in line.words]
    if any(kind not in (_rl._FK_TEXT, _rl._FK_BREAK) for kind in kinds) or not text:
        return line
    words: list[Any] = []
    run: list[str] = []
    owner: Any = None
    for index, char in drawn(text, levels):
        if run and owners[index] is not owner and not sameFrag(owners[index], owner):
            words.append(owner.clone(text="".join(run)))
            run = []
        if not run:
            owner = owners[index]
        run.append(char)
    if run:
        words.append(owner.clone(text="".join(run)))
    words += [f for f, kind in zip(line.words, kinds, strict=True) if kind == _rl._FK_BREAK]
    result = copy.copy(line)
    result.words = words
    return result

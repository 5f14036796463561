"""Text as a renderer that draws code points one by one, left to right, must receive it.

reportlab does no bidi reordering, no Arabic shaping and knows no emoji sequences, so:

* emoji: pictographs are kept only where a font can draw them; the invisible parts of
  emoji sequences (zero-width joiners, variation selectors, skin-tone modifiers, tags)
  never reach the page, flags are left out (monochrome fonts draw their letters as
  boxes) and a keycap keeps its digit. What is removed takes its space with it.
* Arabic letters become their presentation forms (arabic-reshaper), still in logical
  order, so line breaking measures the glyphs that will be drawn.
* bidi: embedding levels come from python-bidi (the Rust crate unicode-bidi, which
  knows isolates and paired brackets); each line is then reordered on its own (rules
  L1-L4 of UAX #9), so a wrapped right-to-left paragraph reads top line first.

matplotlib >= 3.11 lays text out with libraqm (bidi and shaping), so charts get logical
text and only the emoji rules.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

Drawable = Callable[[str], bool]

# Extended_Pictographic (emoji-data.txt), less regional indicators and skin-tone
# modifiers, which are handled as parts of sequences.
_PICTOGRAPH = ("\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b"
               "\u2328\u23cf\u23e9-\u23f3\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0"
               "\u25fb-\u25fe\u2600-\u27bf\u2934\u2935\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55"
               "\u3030\u303d\u3297\u3299\U0001f000-\U0001f1e5\U0001f200-\U0001f3fa"
               "\U0001f400-\U0001faff\U0001fc00-\U0001fffd")
_SELECTOR = "\ufe00-\ufe0f\U000e0100-\U000e01ef"
_MODIFIER = "\U0001f3fb-\U0001f3ff"
_TAG = "\U000e0020-\U000e007f"
_ZWJ = "\u200d"
_PART = f"[{_PICTOGRAPH}][{_SELECTOR}]?[{_MODIFIER}]?[{_SELECTOR}]?"
_EMOJI = re.compile(
    f"(?P<keycap>[0-9#*][{_SELECTOR}]?\u20e3)"
    f"|(?P<flag>[\U0001f1e6-\U0001f1ff]+|\U0001f3f4[{_TAG}]+)"
    f"|(?P<sequence>{_ZWJ}?{_PART}(?:{_ZWJ}{_PART})*{_ZWJ}?)"
    f"|(?P<stray>[{_SELECTOR}{_MODIFIER}{_TAG}\u20e3]+)")
_PICTOGRAPHS = re.compile(f"[{_PICTOGRAPH}]")
_CLOSING = frozenset(("Pe", "Pf", "Po"))


def drawable_emoji(text: str, drawable: Drawable) -> str:
    """The text with each emoji drawn as a pictograph a font has, or left out cleanly."""
    if not _EMOJI.search(text):
        return text
    out: list[str] = []
    position = 0
    for match in _EMOJI.finditer(text):
        out.append(text[position:match.start()])
        position = match.end()
        if match.lastgroup == "keycap":
            kept = match.group()[0]
        elif match.lastgroup == "sequence":
            kept = "".join(p for p in _PICTOGRAPHS.findall(match.group()) if drawable(p))
        else:
            kept = ""
        if kept:
            out.append(kept)
            continue
        # Removed: take one side's spaces with it, so no double space or " !" is left.
        before = "".join(out)
        after = text[position:]
        if after[:1] in (" ", "\t") and (not before or before[-1].isspace()):
            position += len(after) - len(after.lstrip(" \t"))
        elif before[-1:] in (" ", "\t") and (
                not after or after[0] in "\r\n"
                or unicodedata.category(after[0]) in _CLOSING):
            out = [before.rstrip(" \t")]
    out.append(text[position:])
    return "".join(out)


# Arabic shaping --------------------------------------------------------------------------
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


@lru_cache(maxsize=4)
def _reshaper(font_file: str | None) -> Any:
    import arabic_reshaper

    if font_file:
        try:  # only the forms and ligatures this font has glyphs for
            return arabic_reshaper.ArabicReshaper(
                arabic_reshaper.config_for_true_type_font(font_file))
        except (ImportError, OSError, ValueError, KeyError):
            pass
    return arabic_reshaper.ArabicReshaper()


def shape_arabic(text: str, font_file: str | None = None,
                 drawable: Drawable | None = None) -> str:
    """Arabic letters in the contextual forms that join them, still in logical order.

    A presentation form that `drawable` refuses goes back to its base letter: unjoined
    beats a box.
    """
    if not _ARABIC.search(text):
        return text
    shaped = _reshaper(font_file).reshape(text)
    if drawable is None:
        return shaped
    return _PRESENTATION.sub(
        lambda m: m.group() if drawable(m.group()) else unicodedata.normalize("NFKC", m.group()),
        shaped)


# Bidi -------------------------------------------------------------------------------------
_RTL = frozenset(("R", "AL", "AN", "RLE", "RLO", "RLI"))
_CONTROLS = frozenset(("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"))
_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM: their work is done once ordered
_TRAILING = frozenset(("WS", "BN", "LRI", "RLI", "FSI", "PDI", "LRE", "RLE", "LRO", "RLO",
                       "PDF"))
_LEVELS = re.compile(r"\n    levels: \[\n(.*?)\n    \],\n", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")


_STRONG_RTL = ("R", "AL")


def isolate(text: str) -> str:
    """Text with right-to-left letters wrapped in first-strong isolates (U+2068 … U+2069),
    so an Arabic or Hebrew name set in a sentence cannot reorder the words and numbers
    around it ("Meeting with <name> · 2026 Q4" keeps "2026 Q4" in place)."""
    if any(unicodedata.bidirectional(char) in _STRONG_RTL for char in text):
        return f"\u2068{text}\u2069"
    return text


def needs_bidi(text: str) -> bool:
    """Whether anything in the text can be drawn right to left."""
    return any(unicodedata.bidirectional(char) in _RTL for char in text)


def base_direction(text: str) -> str:
    """'R' when the first strong character is right-to-left (UAX #9 P2-P3), else 'L'."""
    from bidi import get_base_level

    first = text.split("\n", 1)[0]
    if not needs_bidi(first):
        return "L"
    try:
        return "R" if get_base_level(first) == 1 else "L"
    except ValueError:  # no paragraph in it
        return "L"


def embedding_levels(text: str, base: str | None) -> list[int]:
    """The resolved embedding level of each character (rules P-I of UAX #9).

    python-bidi's debug mode returns unicode-bidi's analysis, one level per UTF-8 byte.
    """
    from bidi import get_display

    if not text:
        return []
    dump = str(get_display(text, base_dir=base, debug=True))
    found = _LEVELS.search(dump)
    per_byte = [int(level) for level in _LEVEL.findall(found.group(1))] if found else []
    if len(per_byte) != len(text.encode("utf-8")):
        raise RuntimeError("python-bidi's debug output has changed: cannot read the levels")
    levels: list[int] = []
    offset = 0
    for char in text:
        levels.append(per_byte[offset])
        offset += len(char.encode("utf-8"))
    return levels


def line_levels(line: str, levels: Sequence[int], base_level: int) -> list[int]:
    """Rule L1: separators, and spaces before them or at the line's end, at base level."""
    result = list(levels)
    reset = True  # the end of the line counts as a separator
    for index in range(len(line) - 1, -1, -1):
        kind = unicodedata.bidirectional(line[index])
        if kind in ("S", "B"):
            result[index] = base_level
            reset = True
        elif reset and kind in _TRAILING:
            result[index] = base_level
        else:
            reset = False
    return result


def visual_order(levels: Sequence[int]) -> list[int]:
    """Rule L2: logical indices in drawing order, reversing runs from the highest level."""
    order = list(range(len(levels)))
    odd = [level for level in levels if level % 2]
    if not odd:
        return order
    for level in range(max(levels), min(odd) - 1, -1):
        start = 0
        while start < len(order):
            if levels[order[start]] < level:
                start += 1
                continue
            end = start
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[start:end] = order[start:end][::-1]
            start = end
    return order


def _marks_after_base(line: str, order: list[int], levels: Sequence[int]) -> list[int]:
    """Rule L3: a reversed run puts combining marks before their base; draw them after."""
    result: list[int] = []
    pending: list[int] = []
    for index in order:
        if levels[index] % 2 and unicodedata.bidirectional(line[index]) == "NSM":
            pending.append(index)
            continue
        result.append(index)
        result += pending[::-1]  # and in their logical order
        pending = []
    return result + pending[::-1]


def mirrored(char: str) -> str:
    """Rule L4: the mirror image of a bracket or similar, for right-to-left runs."""
    from bidi.mirror import MIRRORED

    return str(MIRRORED.get(char, char))


def drawn(line: str, levels: Sequence[int]) -> list[tuple[int, str]]:
    """(logical index, character to draw) in drawing order; bidi controls are left out."""
    order = _marks_after_base(line, visual_order(levels), levels)
    result: list[tuple[int, str]] = []
    for index in order:
        char = line[index]
        if char in _MARKS or unicodedata.bidirectional(char) in _CONTROLS:
            continue
        result.append((index, mirrored(char) if levels[index] % 2 else char))
    return result


def visual(text: str, base: str | None = None) -> str:
    """Unwrapped text in drawing order, each line with its own base direction unless given."""
    if "\n" in text:
        return "\n".join(visual(line, base) for line in text.split("\n"))
    if not needs_bidi(text):
        return text
    direction = base or base_direction(text)
    levels = line_levels(text, embedding_levels(text, direction), int(direction == "R"))
    return "".join(char for _index, char in drawn(text, levels))

"""Text for renderers without bidi, shaping or emoji sequences: order, forms, emoji rules."""

from __future__ import annotations

import unicodedata

import pytest

from qbr_desktop.exports.visual_text import (
    base_direction,
    drawable_emoji,
    embedding_levels,
    line_levels,
    shape_arabic,
    visual,
    visual_order,
)

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
THUMB_TONED = "\U0001f44d\U0001f3fd"
FLAG_DE = "\U0001f1e9\U0001f1ea"
ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
KEYCAP_ONE = "1\ufe0f\u20e3"
HEART = "\u2764\ufe0f"
CODER = "\U0001f9d1\u200d\U0001f4bb"
MELTING = "\U0001fae0"  # newer than Symbola 2.60
INVISIBLE = set("\u200d\ufe0e\ufe0f\u20e3") | {chr(c) for c in range(0x1F3FB, 0x1F400)} \
    | {chr(c) for c in range(0xE0020, 0xE0080)} | {chr(c) for c in range(0x1F1E6, 0x1F200)}


def nothing(_char: str) -> bool:
    return False


def everything(_char: str) -> bool:
    return True


@pytest.mark.parametrize(("text", "without_font", "with_font"), [
    (f"Family {FAMILY} day", "Family day", "Family \U0001f468\U0001f469\U0001f467\U0001f466 day"),
    (f"Great {THUMB_TONED}!", "Great!", "Great \U0001f44d!"),
    (f"{FLAG_DE} Berlin team", "Berlin team", "Berlin team"),
    (f"Team {ENGLAND} wins", "Team wins", "Team wins"),
    (f"Step {KEYCAP_ONE} done", "Step 1 done", "Step 1 done"),
    (f"Thanks {HEART}", "Thanks", "Thanks \u2764"),
    (f"{CODER}, then", ", then", "\U0001f9d1\U0001f4bb, then"),
    ("Launch \U0001f680\U0001f389 now", "Launch now", "Launch \U0001f680\U0001f389 now"),
    ("x\ufe0f y \U0001f3fd z", "x y z", "x y z"),
    ("no emoji, (c) and \u00a9 stay", "no emoji, (c) and stay", "no emoji, (c) and \u00a9 stay"),
    ("line one \U0001f680\nline two", "line one\nline two", "line one \U0001f680\nline two"),
])
def test_emoji_are_drawn_or_left_out_whole(text: str, without_font: str, with_font: str) -> None:
    assert drawable_emoji(text, nothing) == without_font
    assert drawable_emoji(text, everything) == with_font
    for result in (drawable_emoji(text, nothing), drawable_emoji(text, everything)):
        assert not INVISIBLE & set(result)
        assert "  " not in result and " !" not in result


def test_emoji_a_font_lacks_are_left_out_and_the_rest_kept() -> None:
    symbola_like = {"\U0001f680", "\U0001f468", "\U0001f469"}.__contains__
    assert drawable_emoji(f"Go \U0001f680 {MELTING} now", symbola_like) == "Go \U0001f680 now"
    assert drawable_emoji(f"{FAMILY}", symbola_like) == "\U0001f468\U0001f469"


def test_a_joiner_between_letters_is_not_an_emoji_joiner() -> None:
    # ZWJ and ZWNJ shape Arabic and Indic text; only the emoji's own are removed.
    assert drawable_emoji("\u0644\u200d \u0915\u094d\u200d\u0937", nothing) == \
        "\u0644\u200d \u0915\u094d\u200d\u0937"


@pytest.mark.parametrize(("logical", "drawn"), [
    # Hebrew alone: right to left, brackets mirrored so they still open toward their text.
    ("\u05e9\u05dc\u05d5\u05dd (\u05e2\u05d5\u05dc\u05dd)",
     "(\u05dd\u05dc\u05d5\u05e2) \u05dd\u05d5\u05dc\u05e9"),
    # An RTL run inside left-to-right text keeps the sentence's order.
    ("Owner: \u05d3\u05d5\u05d3 \u05db\u05d4\u05df, due 2026-12-01",
     "Owner: \u05df\u05d4\u05db \u05d3\u05d5\u05d3, due 2026-12-01"),
    # A number after Arabic text belongs to the Arabic run (UAX #9 rule W2), as in browsers.
    ("Meeting with \u0645\u062c\u0645\u0648\u0639\u0629 \u00b7 2026 Q4",
     "Meeting with 2026 \u00b7 \u0629\u0639\u0648\u0645\u062c\u0645 Q4"),
    # Isolates keep a name from pulling its neighbours along, and are not drawn.
    ("a \u2068\u05d0\u05d1 \u05d2\u05d3\u2069 b", "a \u05d3\u05d2 \u05d1\u05d0 b"),
    # Combining marks stay after their letter, where a renderer without GPOS expects them.
    ("\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd",
     "\u05dd\u05d5\u05b9\u05dc\u05e9\u05b8\u05c1"),
    ("Plain ASCII (stays)", "Plain ASCII (stays)"),
])
def test_visual_order(logical: str, drawn: str) -> None:
    assert visual(logical) == drawn


def test_base_direction_follows_the_first_strong_character() -> None:
    assert base_direction("\u05e9\u05dc\u05d5\u05dd abc") == "R"
    assert base_direction("2026 \u0645\u062c") == "R"
    assert base_direction("abc \u05e9\u05dc\u05d5\u05dd") == "L"
    assert base_direction("2026 \u00b7 !") == "L"
    assert base_direction("") == "L"


def test_levels_are_read_per_character_from_python_bidi() -> None:
    text = "a \U0001f680 \u05d0\u05d1 1"
    levels = embedding_levels(text, "L")
    assert len(levels) == len(text)
    assert levels[0] == 0 and levels[4] == levels[5] == 1
    assert embedding_levels("", "R") == []


def test_a_wrapped_rtl_paragraph_is_reordered_line_by_line() -> None:
    # Levels come from the whole paragraph; each line is reversed on its own, so the
    # first line drawn carries the paragraph's first words.
    words = ["\u05d0\u05d0", "\u05d1\u05d1", "\u05d2\u05d2", "\u05d3\u05d3"]
    paragraph = " ".join(words)
    levels = embedding_levels(paragraph, "R")
    first, second = paragraph[:5], paragraph[6:]
    drawn_first = [first[i] for i in visual_order(line_levels(first, levels[:5], 1))]
    drawn_second = [second[i] for i in visual_order(line_levels(second, levels[6:], 1))]
    assert "".join(drawn_first) == "\u05d1\u05d1 \u05d0\u05d0"
    assert "".join(drawn_second) == "\u05d3\u05d3 \u05d2\u05d2"
    whole = visual(paragraph)
    assert whole != "".join(drawn_first) + " " + "".join(drawn_second)  # the naive way


def test_trailing_spaces_stay_at_the_line_end() -> None:
    assert visual("abc \u05d0\u05d1  ", "L") == "abc \u05d1\u05d0  "
    assert visual("\u05d0\u05d1 abc  ", "R") == "  abc \u05d1\u05d0"


def test_arabic_is_shaped_into_joining_forms_in_logical_order() -> None:
    shaped = shape_arabic("\u0645\u062c\u0645\u0648\u0639\u0629")  # majmu'a
    assert shaped == "\ufee3\ufea0\ufee4\ufeee\ufecb\ufe94"
    assert shape_arabic("\u0644\u0627") == "\ufefb"  # lam-alef is one glyph
    assert shape_arabic("Latin only") == "Latin only"
    # A form the font lacks goes back to its letter rather than a box.
    no_forms = shape_arabic("\u0645\u062c", drawable=lambda c: not 0xFE70 <= ord(c) <= 0xFEFF)
    assert no_forms == "\u0645\u062c"
    assert all(unicodedata.bidirectional(c) == "AL" for c in shaped)

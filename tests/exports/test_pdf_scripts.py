"""Hebrew, Arabic, mixed directions, emoji and CJK in the brief and the handout.

Three ways of reading back: the strings reportlab draws, each with its font (so every
glyph can be checked against that font's cmap: no .notdef boxes); the word boxes
pdftotext finds on the page (so order and alignment are measured where they are drawn);
and pdftotext's text, which poppler turns back into logical order for right-to-left lines.
"""

from __future__ import annotations

import dataclasses
import html
import re
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_brief_pdf import assert_valid_and_embedded, realistic_content, run
from tests_support import missing

from qbr_desktop.domain.deck import ActionFigure, PersonFigure
from qbr_desktop.exports import pdf_fonts
from qbr_desktop.exports.brief_pdf import MARGIN, write_brief
from qbr_desktop.exports.handout_pdf import write_handout
from qbr_desktop.exports.pdf_fonts import EMOJI_TTF, font_report, page_size_for

GULF = "\u0645\u062c\u0645\u0648\u0639\u0629 \u0627\u0644\u062e\u0644\u064a\u062c"
# The same two words as drawn: joining forms, right to left.
GULF_DRAWN = "\ufe9e\ufef4\ufee0\ufea8\ufedf\u0627 \ufe94\ufecb\ufeee\ufee4\ufea0\ufee3"
DAVID = "\u05d3\u05d5\u05d3 \u05db\u05d4\u05df"
DAVID_DRAWN = "\u05df\u05d4\u05db \u05d3\u05d5\u05d3"
MIXED_ARABIC = f"Meeting with {GULF} \u00b7 2026 Q4"
MIXED_HEBREW = f"Owner: {DAVID}, due 2026-12-01"
BRACKETS = ("\u05dc\u05e9\u05dc\u05d5\u05d7 \u05d8\u05d9\u05d5\u05d8\u05d4 "
            "(\u05e1\u05d9\u05db\u05d5\u05dd) \u05dc\u05dc\u05e7\u05d5\u05d7")
BRACKETS_DRAWN = ("\u05d7\u05d5\u05e7\u05dc\u05dc (\u05dd\u05d5\u05db\u05d9\u05e1) "
                  "\u05d4\u05d8\u05d5\u05d9\u05d8 \u05d7\u05d5\u05dc\u05e9\u05dc")
HEBREW_WORDS = [
    "\u05d4\u05dc\u05e7\u05d5\u05d7", "\u05d7\u05d5\u05e1\u05da", "\u05e2\u05e9\u05e8",
    "\u05e9\u05e2\u05d5\u05ea", "\u05d1\u05db\u05dc", "\u05e9\u05d1\u05d5\u05e2",
    "\u05de\u05d0\u05d6", "\u05d4\u05d4\u05d8\u05de\u05e2\u05d4",
    "\u05d5\u05d4\u05e6\u05d5\u05d5\u05ea", "\u05de\u05e8\u05d5\u05e6\u05d4",
    "\u05de\u05d4\u05ea\u05d5\u05e6\u05d0\u05d5\u05ea"
]
EMOJI_LINE = ("Launch \U0001f680 done \U0001f468\u200d\U0001f469\u200d\U0001f467\u200d"
              "\U0001f466 team \U0001f44d\U0001f3fd ok \U0001f1e9\U0001f1ea Berlin 1\ufe0f\u20e3 "
              "first \u2764\ufe0f love \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e"
              "\U000e0067\U000e007f eng \U0001fae0 melt")
EMOJI_DRAWN = ("Launch \U0001f680 done \U0001f468\U0001f469\U0001f467\U0001f466 team \U0001f44d "
               "ok Berlin 1 first \u2764 love eng melt")
EMOJI_LEFT_OUT = "Launch done team ok Berlin 1 first \u2764 love eng melt"
INVISIBLE = re.compile("[\u200d\ufe0e\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f"
                       "\U0001f1e6-\U0001f1ff\x00-\x1f\u2066-\u2069\u202a-\u202e]")
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(font name, text) for every string reportlab writes into a page."""
    from reportlab.pdfgen.textobject import PDFTextObject

    record: list[tuple[str, str]] = []
    original = PDFTextObject._formatText

    def spy(self: Any, text: str) -> Any:
        record.append((self._fontname, text))
        return original(self, text)

    monkeypatch.setattr(PDFTextObject, "_formatText", spy)
    return record


def scripts_content(**changes: object) -> Any:
    values: dict[str, object] = {
        "account_name": GULF, "csm_name": DAVID,
        "priorities": (MIXED_ARABIC, MIXED_HEBREW, EMOJI_LINE,
                       "\u05e9\u05dc\u05d5\u05dd <b>R&D</b> \u682a\u5f0f\u4f1a\u793e\x07"),
        "actions": (ActionFigure(BRACKETS, "ours", DAVID, date(2026, 12, 1), "open"),
                    ActionFigure(f"{GULF} <R&D>", "theirs", "\u0633\u0627\u0631\u0629",
                                 date(2026, 12, 2), "open")),
        "stakeholders": (PersonFigure(GULF, DAVID, True),),
        "value_story": " ".join(HEBREW_WORDS * 6),
    }
    values.update(changes)
    return realistic_content(**values)


def joined(record: list[tuple[str, str]]) -> str:
    return "".join(text for _font, text in record)


def assert_every_glyph_is_in_its_font(record: list[tuple[str, str]]) -> None:
    """No .notdef: each character drawn is in the cmap of the font it is drawn with."""
    from reportlab.pdfbase import pdfmetrics

    assert record
    for name, text in record:
        font = pdfmetrics.getFont(name)
        cmap = getattr(getattr(font, "face", None), "charToGlyph", None)
        if cmap is None:  # reportlab's CID fallback: it carries CJK only
            assert all(pdf_fonts.is_cjk(char) or char == " " for char in text), (name, text)
            continue
        lacking = [f"U+{ord(char):04X}" for char in text if ord(char) not in cmap]
        assert not lacking, (name, text, lacking)
        assert not INVISIBLE.search(text), (name, text)
        assert "  " not in text, (name, text)


@dataclasses.dataclass(frozen=True)
class Word:
    text: str
    page: int
    x0: float
    y0: float
    x1: float

    @property
    def logical(self) -> str:
        """The word as typed: poppler gives each box's characters in drawing order."""
        rtl = any(unicodedata.bidirectional(c) in ("R", "AL") for c in self.text)
        return unicodedata.normalize("NFKC", self.text[::-1] if rtl else self.text)


def word_boxes(path: Path) -> list[Word]:
    words: list[Word] = []
    for page, body in enumerate(run("pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-")
                                .split("<page ")[1:], start=1):
        for x0, y0, x1, text in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">'
                r"(.*?)</word>", body):
            words.append(Word(html.unescape(text), page, float(x0), float(y0), float(x1)))
    return words


def reading_lines(words: list[Word], wanted: set[str]) -> list[list[Word]]:
    """The wanted words grouped in lines, top to bottom, each line right to left."""
    lines: dict[tuple[int, float], list[Word]] = {}
    for word in words:
        if word.logical in wanted:
            lines.setdefault((word.page, round(word.y0, 1)), []).append(word)
    return [sorted(lines[key], key=lambda w: -w.x0) for key in sorted(lines)]


def logical_text(path: Path) -> str:
    text = run("pdftotext", "-enc", "UTF-8", str(path), "-")
    return " ".join(unicodedata.normalize("NFKC", BIDI_MARKS.sub("", text)).split())


def test_rtl_text_is_drawn_in_visual_order_with_joined_arabic(
        tmp_path: Path, drawn: list[tuple[str, str]]) -> None:
    out = write_brief(scripts_content(), tmp_path / "brief.pdf")
    text = joined(drawn)
    for expected in (GULF_DRAWN, f"Owner: {DAVID_DRAWN}, due 2026-12-01",
                     f"Meeting with 2026 \u00b7 {GULF_DRAWN} Q4", BRACKETS_DRAWN):
        assert expected in text, expected
    # poppler reads the visual order back into the logical one.
    back = logical_text(out)
    for expected in (GULF, DAVID, "2026-12-01"):
        assert expected in back, expected
    assert_every_glyph_is_in_its_font(drawn)
    assert_valid_and_embedded(out)


def test_a_wrapped_rtl_paragraph_reads_from_its_first_line_and_is_right_aligned(
        tmp_path: Path) -> None:
    content = scripts_content()
    out = write_brief(content, tmp_path / "brief.pdf")
    lines = reading_lines(word_boxes(out), set(HEBREW_WORDS))
    story = [word for line in lines for word in line if word.page == 1]
    assert len(lines) >= 3  # it wraps
    assert [w.logical for w in story] == (HEBREW_WORDS * 6)[:len(story)]
    assert len(story) >= len(HEBREW_WORDS) * 6 - 1  # all of it but a word cut with "…"
    right = page_size_for(content.currency)[0] - MARGIN
    for line in lines[:-1]:
        assert line[0].x1 == pytest.approx(right, abs=1.0)


def test_an_rtl_story_split_across_pages_keeps_its_order(tmp_path: Path) -> None:
    paragraphs = "\n".join(" ".join(HEBREW_WORDS * 4) for _ in range(40))
    content = scripts_content(account_name="Acme", value_story=paragraphs)
    out = write_handout(content, tmp_path / "handout.pdf")
    lines = reading_lines(word_boxes(out), set(HEBREW_WORDS))
    story = [word.logical for line in lines for word in line]
    pages = {line[0].page for line in lines}
    assert len(pages) >= 2
    assert story == HEBREW_WORDS * 4 * 40
    right = page_size_for(content.currency)[0] - MARGIN
    assert sum(line[0].x1 == pytest.approx(right, abs=1.0) for line in lines) >= 40 * 2


def test_ltr_text_with_rtl_names_stays_left_aligned(tmp_path: Path) -> None:
    out = write_brief(scripts_content(), tmp_path / "brief.pdf")
    words = word_boxes(out)
    owner = next(w for w in words if w.text == "Owner:")
    due = next(w for w in words if w.text == "due" and abs(w.y0 - owner.y0) < 1)
    name = [w for w in words
            if abs(w.y0 - owner.y0) < 1 and w.logical.strip(",") in DAVID.split()]
    assert owner.x0 < min(w.x0 for w in name) < max(w.x0 for w in name) < due.x0
    assert owner.x0 < MARGIN + 20  # after the bullet, at the left margin


def test_markup_and_control_characters_stay_text_in_rtl_paragraphs(
        tmp_path: Path, drawn: list[tuple[str, str]]) -> None:
    out = write_brief(scripts_content(), tmp_path / "brief.pdf")
    text = joined(drawn)
    assert "\x07" not in text and "R&D" in text
    # Printed, not bold; the "<" after the Hebrew word is in its run, so it is mirrored.
    assert "b>R&D</b> \u682a\u5f0f\u4f1a\u793e> \u05dd\u05d5\u05dc\u05e9 \u2022" in text
    cjk = [font for font, text in drawn if "\u682a\u5f0f\u4f1a\u793e" in text]
    assert cjk and all(font != font_report().main_font for font in cjk)
    back = logical_text(out)
    assert "R&D" in back and "\u682a\u5f0f\u4f1a\u793e" in back
    assert b"/Subtype /Image" not in out.read_bytes()


def test_emoji_are_drawn_from_an_outline_font_or_left_out(
        tmp_path: Path, drawn: list[tuple[str, str]]) -> None:
    report = font_report()
    print(report.summary)  # visible with -s: which case this machine is in
    out = write_brief(scripts_content(), tmp_path / "brief.pdf")
    text = joined(drawn)
    assert (EMOJI_DRAWN if report.emoji_embedded else EMOJI_LEFT_OUT) in text
    emoji_fonts = {font for font, t in drawn if "\U0001f680" in t}
    assert emoji_fonts == ({EMOJI_TTF} if report.emoji_embedded else set())
    assert_every_glyph_is_in_its_font(drawn)
    assert_valid_and_embedded(out)
    if not report.emoji_embedded:
        missing("no TrueType emoji font (fonts-symbola): only the leaving-out was checked")


def test_without_an_emoji_font_emoji_leave_no_trace(
        tmp_path: Path, drawn: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    report = dataclasses.replace(font_report(), emoji_file=None)
    monkeypatch.setattr(pdf_fonts, "_report", report)
    monkeypatch.setattr(pdf_fonts, "_emoji_cmap", frozenset())
    assert "emoji left out" in pdf_fonts.font_report().summary
    write_handout(scripts_content(), tmp_path / "handout.pdf")
    assert EMOJI_LEFT_OUT in joined(drawn)
    assert not any(font == EMOJI_TTF for font, _text in drawn)
    assert_every_glyph_is_in_its_font(drawn)


def test_the_handout_draws_every_script_with_real_glyphs(
        tmp_path: Path, drawn: list[tuple[str, str]]) -> None:
    content = scripts_content(value_story=f"{' '.join(HEBREW_WORDS)}\n{GULF} {EMOJI_LINE}")
    out = write_handout(content, tmp_path / "handout.pdf")
    text = joined(drawn)
    for expected in (GULF_DRAWN, DAVID_DRAWN, BRACKETS_DRAWN, "\u682a\u5f0f\u4f1a\u793e",
                     "<img src=\"/etc/passwd\">"):
        assert expected in text, expected
    assert_every_glyph_is_in_its_font(drawn)
    assert_valid_and_embedded(out)


def test_each_paragraph_of_a_story_has_its_own_direction(
        tmp_path: Path, drawn: list[tuple[str, str]]) -> None:
    story = f"{' '.join(HEBREW_WORDS[:3])}.\nThe English part ends here.\n{DAVID} (2026)."
    write_handout(scripts_content(account_name="Acme", value_story=story),
                  tmp_path / "handout.pdf")
    text = joined(drawn)
    first = " ".join(word[::-1] for word in reversed(HEBREW_WORDS[:3]))
    assert f".{first}" in text
    assert "The English part ends here." in text
    assert f".(2026) {DAVID_DRAWN}" in text


def test_the_emoji_font_is_looked_up_like_the_cjk_font(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "NotAFont.ttf"
    chosen.write_bytes(b"\x00\x01\x00\x00 not really a font")
    monkeypatch.setenv(pdf_fonts.ENV_EMOJI_FONT, str(chosen))
    candidates = pdf_fonts.emoji_candidates()
    assert candidates[0] == str(chosen)
    assert pdf_fonts.load_truetype_emoji(str(chosen)) is None
    for path in candidates[1:]:
        font = pdf_fonts.load_truetype_emoji(path)
        # Bitmap-only colour fonts (Noto Color Emoji) are refused: reportlab needs outlines.
        assert (font is None) or pdf_fonts.has_truetype_outlines(path)
    noto = Path("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")
    if noto.exists():
        assert pdf_fonts.load_truetype_emoji(str(noto)) is None

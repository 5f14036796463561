"""The handout: every shown slide in order, the deck's numbers verbatim, charts, cancelling."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from test_brief_pdf import (
    HEADLINE,
    INJECTIONS,
    assert_valid_and_embedded,
    page_count,
    pdf_text,
    realistic_content,
    run,
)

from qbr_desktop.domain.deck import (
    DeckContent,
    DeckVariant,
    backup_slides,
    default_outline,
    main_slides,
)
from qbr_desktop.domain.slide_kinds import arranged
from qbr_desktop.exports.charts import new_figure, png_bytes
from qbr_desktop.exports.handout_pdf import ExportCancelled, number_formatter, write_handout
from qbr_desktop.exports.pdf_fonts import font_report


def map_png() -> bytes:
    figure, axes = new_figure(3, 2)
    axes.plot([0, 1], [0, 1])
    return png_bytes(figure, 60)


def test_handout_has_every_shown_slide_in_order(tmp_path: Path) -> None:
    content = realistic_content(stakeholder_map_png=map_png())
    out = write_handout(content, tmp_path / "handout.pdf")
    text = pdf_text(out)
    position = 0
    shown = arranged(content).outline
    for slide in [*main_slides(shown), *backup_slides(shown)]:
        found = text.find(slide.title, position)
        assert found >= 0, slide.title
        position = found + len(slide.title)
    for words in (HEADLINE, "161%", "4.6 months", "213%", "3.8 months", "$150,000",
                  "Mei Chen", "Champion leaving", "Owner7", "Thu 18 Feb 2027", *INJECTIONS):
        assert words in text, words
    if font_report().cjk_embedded:
        assert "株式会社テスト" in text
    pages = page_count(out)
    assert pages > 2
    last = " ".join(run("pdftotext", "-f", str(pages), "-l", str(pages), str(out), "-").split())
    assert f"Page {pages}" in last and "2026 Q4" in last
    assert_valid_and_embedded(out)


def test_every_chart_and_the_map_are_pictures(tmp_path: Path) -> None:
    out = write_handout(realistic_content(stakeholder_map_png=map_png()), tmp_path / "h.pdf")
    listing = run("pdfimages", "-list", str(out)).splitlines()[2:]
    # Four charts (health, value, scenarios, peers); people are a table, not a picture.
    assert sum(1 for row in listing if row.split()[2] == "image") == 4


def test_hidden_slides_and_bad_pictures_are_left_out(tmp_path: Path) -> None:
    outline = tuple(dataclasses.replace(s, shown=s.title != "Risks and opportunities")
                    for s in default_outline(DeckVariant.EXECUTIVE))
    content = realistic_content(outline=outline, stakeholder_map_png=b"<svg>not a png</svg>")
    text = pdf_text(write_handout(content, tmp_path / "h.pdf"))
    assert "Risks and opportunities" not in text and "Who we work with" in text


def test_an_empty_deck_still_prints_without_placeholders(tmp_path: Path) -> None:
    empty = DeckContent("Empty Co", DeckVariant.DIGITAL, "2026 Q4", date(2026, 10, 1),
                        "", "EUR", default_outline(DeckVariant.DIGITAL))
    text = pdf_text(write_handout(empty, tmp_path / "h.pdf"))
    assert "Empty Co" in text and "Digital business review" in text
    for title in ("Value delivered", "Your team", "Next steps", "Recommendations"):
        assert title not in text, title
    for placeholder in ("not available yet", "to be agreed", "to be confirmed"):
        assert placeholder not in text


def test_progress_counts_up_to_the_end(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    write_handout(realistic_content(), tmp_path / "h.pdf",
                  progress=lambda done, total: seen.append((done, total)))
    total = len(main_slides(arranged(realistic_content()).outline)) + len(
        backup_slides(arranged(realistic_content()).outline)) + 1
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


@pytest.mark.parametrize("after", [3, 15], ids=["while-drawing", "while-writing-pages"])
def test_cancelling_leaves_no_file(tmp_path: Path, after: int) -> None:
    out = tmp_path / "h.pdf"
    out.write_bytes(b"the previous handout")
    calls = iter(range(1000))
    with pytest.raises(ExportCancelled):
        write_handout(realistic_content(), out, cancelled=lambda: next(calls) >= after)
    assert out.read_bytes() == b"the previous handout"
    assert not list(tmp_path.glob("*.part"))


def test_number_formats_follow_excel() -> None:
    assert number_formatter('"$"#,##0')(1234567.2) == "$1,234,567"
    assert number_formatter('"$"#,##0')(-5000) == "-$5,000"
    assert number_formatter("0%")(0.25) == "25%"
    assert number_formatter("0.0")(2.54) == "2.5"



def test_text_too_long_for_a_page_is_cut_not_fatal(tmp_path: Path) -> None:
    """A label stored before the length limits (6,000 characters) still prints."""
    from decimal import Decimal

    from qbr_desktop.domain.deck import ValueLineFigure

    huge = "Fewer manual hand-offs between teams " * 170
    content = realistic_content(value_lines=(ValueLineFigure(huge, "cost", Decimal(1000),
                                                             "high"),),
                                value_story="We saved time. " * 1500)
    out = write_handout(content, tmp_path / "handout.pdf")
    assert page_count(out) >= 2
    assert "…" in pdf_text(out)

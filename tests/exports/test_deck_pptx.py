"""The QBR deck as a .pptx, read back with python-pptx: slides in outline order, native
charts with the right figures, notes on every slide, hostile text, text cut to fit, missing
data, unsafe templates, cancelling and atomic writes."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from deck_support import ADOPTION_CHART, VALUE_CHART, content
from PIL import Image
from pptx import Presentation
from pptx.util import Emu, Inches

from qbr_desktop.domain.deck import (
    ActionFigure,
    ChartData,
    DeckContent,
    DeckVariant,
    PersonFigure,
    RiskFigure,
    Series,
    SlideKind,
    ValueLineFigure,
    backup_slides,
    default_outline,
    main_slides,
)
from qbr_desktop.domain.slide_kinds import arranged
from qbr_desktop.exports.deck_pptx import DeckCancelled, DeckResult, write_deck
from qbr_desktop.exports.deck_slides import clean, count_lines, fit

HOSTILE = 'Açme <b>&amp; "Ünïcode" \'Co\' 🚀 株式会社 شركة\x0bX\x00Y'


def expected_titles(deck: DeckContent) -> list[str]:
    deck = arranged(deck)
    main = main_slides(deck.outline)
    backup = backup_slides(deck.outline)
    titles = [deck.account_name if p.kind is SlideKind.TITLE else p.title for p in main]
    return titles + (["Appendix"] + [p.title for p in backup] if backup else [])


def titles(path: Path) -> list[str]:
    return [slide.shapes.title.text for slide in Presentation(str(path)).slides]


def slide_text(slide: Any) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def slide_by_title(path: Path, title: str) -> Any:
    return next(s for s in Presentation(str(path)).slides if s.shapes.title.text == title)


def notes(slide: Any) -> str:
    text: str = slide.notes_slide.notes_text_frame.text
    return text


@pytest.mark.parametrize("variant", list(DeckVariant))
def test_slides_follow_the_outline_for_each_variant(tmp_path: Path,
                                                    variant: DeckVariant) -> None:
    deck = content(variant)
    out = tmp_path / "deck.pptx"
    seen: list[tuple[int, int]] = []
    result = write_deck(deck, out, progress=lambda done, total: seen.append((done, total)))
    assert isinstance(result, DeckResult) and result.path == out and result.warnings == ()
    assert titles(out) == expected_titles(deck)
    assert result.slides == len(expected_titles(deck)) == len(seen)
    assert seen[-1] == (result.slides, result.slides)
    presentation = Presentation(str(out))
    assert (presentation.slide_width, presentation.slide_height) == (Emu(12192000),
                                                                     Emu(6858000))
    properties = presentation.core_properties
    assert properties.title == f"Acme Logistics — {variant.words} 2026 Q4"
    assert properties.author == "Dana Whitfield"
    assert "Acme Logistics" in properties.subject


def test_hidden_slides_are_left_out(tmp_path: Path) -> None:
    outline = tuple(replace(p, shown=False) if p.kind in (SlideKind.ROADMAP,
                                                          SlideKind.APPENDIX) or p.backup
                    else p for p in default_outline(DeckVariant.STANDARD))
    deck = content(DeckVariant.STANDARD, outline=outline)
    out = tmp_path / "deck.pptx"
    write_deck(deck, out)
    assert titles(out) == expected_titles(deck)
    assert "Appendix" not in titles(out)  # no backup slide shown, so no divider


def test_every_slide_has_a_footer_and_notes_with_a_prompt(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    write_deck(content(), out)
    for number, slide in enumerate(Presentation(str(out)).slides, start=1):
        assert f"Acme Logistics · 2026 Q4 · {number}" in slide_text(slide)
        text = notes(slide)
        assert "Ask: " in text and text.count("•") >= 1, text
    outcomes = slide_by_title(out, "Business outcomes and return")
    assert "Ask: Which of these outcomes matters most" in notes(outcomes)
    assert "Full cell text" not in notes(outcomes)  # the table's cells fit
    assert "Largest outcome: Faster quote-to-cash" in notes(outcomes)


def charts_on(slide: Any) -> list[Any]:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def test_charts_are_native_with_the_figures(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    write_deck(content(), out)
    value, scenario = charts_on(slide_by_title(out, "Business outcomes and return"))
    assert tuple(value.plots[0].categories) == VALUE_CHART.categories
    assert value.series[0].values == (250000.0, 300000.0, 71036.0)
    assert value.plots[0].data_labels.number_format == '"$"#,##0'
    assert value.value_axis.tick_labels.number_format == '"$"#,##0'
    assert not value.has_legend  # one series
    assert scenario.series[0].values == (0.9, 1.61, 2.4)
    (adoption,) = charts_on(slide_by_title(out, "Adoption against your peers"))
    assert tuple(adoption.plots[0].categories) == ADOPTION_CHART.categories
    assert [s.name for s in adoption.series] == ["Acme", "Peer median"]
    assert adoption.series[0].values == (120.0, None, 180.0, 210.0)  # a gap, not a zero
    assert adoption.has_legend
    (health,) = charts_on(slide_by_title(out, "Appendix: metric detail"))
    assert health.series[0].values == (61.0, 66.0, 72.0, 78.0)
    usage = charts_on(slide_by_title(out, "Usage and adoption over time"))
    assert [c.series[0].name for c in usage] == ["Active users", "Features in use"]
    assert usage[1].value_axis.maximum_scale == 1 and usage[1].value_axis.minimum_scale == 0
    assert health.value_axis.minimum_scale == 0 and health.value_axis.maximum_scale == 100


def test_charts_not_shown_elsewhere_go_to_the_appendix(tmp_path: Path) -> None:
    outline = tuple(replace(p, shown=False) if p.kind is SlideKind.ADOPTION else p
                    for p in default_outline(DeckVariant.STANDARD))
    out = tmp_path / "deck.pptx"
    write_deck(content(DeckVariant.STANDARD, outline=outline), out)
    appendix = charts_on(slide_by_title(out, "Appendix: metric detail"))
    assert [c.series[0].name for c in appendix] == ["Health", "Acme"]


def test_hostile_text_is_sanitised_and_the_file_opens(tmp_path: Path) -> None:
    chart = ChartData(HOSTILE, (HOSTILE, "Q\x01 2", "\ud800lone"),
                      (Series(HOSTILE, (1.0, 2.0, 3.0)),), "bar")
    deck = content(account_name=HOSTILE, csm_name=HOSTILE, value_chart=chart,
                   value_story=HOSTILE, roadmap=(HOSTILE,),
                   risks=(RiskFigure(HOSTILE, "risk", 5, 5),),
                   actions=(ActionFigure(HOSTILE, "ours", HOSTILE, None, "open"),),
                   stakeholders=(PersonFigure(HOSTILE, HOSTILE, True),))
    out = tmp_path / "deck.pptx"
    write_deck(deck, out)
    safe = clean(HOSTILE)
    assert safe == 'Açme <b>&amp; "Ünïcode" \'Co\' 🚀 株式会社 شركةXY'
    presentation = Presentation(str(out))
    assert presentation.slides[0].shapes.title.text == safe
    assert presentation.core_properties.author == safe
    assert safe in presentation.core_properties.title
    (value, _) = charts_on(slide_by_title(out, "Business outcomes and return"))
    assert tuple(value.plots[0].categories) == (safe, "Q 2", "lone")
    assert value.series[0].name == safe and value.chart_title.text_frame.text == safe
    assert safe in slide_text(slide_by_title(out, "The value in your words"))
    assert safe in slide_text(slide_by_title(out, "Roadmap aligned to your goals"))
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None


def test_a_long_story_is_cut_on_the_slide_and_whole_in_the_notes(tmp_path: Path) -> None:
    story = " ".join(f"word{i:04d}" for i in range(560))[:5000]
    assert len(story) == 5000
    out = tmp_path / "deck.pptx"
    write_deck(content(value_story=story), out)
    slide = slide_by_title(out, "The value in your words")
    (body,) = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.startswith(
        "word0000")]
    shown = body.text_frame.text
    assert shown.endswith("…") and len(shown) < 5000
    assert story.startswith(shown[:-1].rstrip())
    assert shown[:-1].rstrip().split(" ")[-1] in story.split(" ")  # cut at a word
    assert story in notes(slide)


def test_slides_with_nothing_to_say_are_left_out_or_become_topics(tmp_path: Path) -> None:
    deck = content(health_score=None, health_chart=None, adoption_chart=None,
                   adoption_notes=(), value_headline="", total_value=None, value_lines=(),
                   value_chart=ChartData("Empty", ("A", "B"), (Series("s", (None, None)),)),
                   scenario_chart=None, value_story="", roadmap=(), roadmap_goals=(),
                   risks=(), actions=(), stakeholders=(), expansion=(), goals=(),
                   summary_cards=(), usage_chart=None, breadth_chart=None,
                   support_chart=None, csat_chart=None, renewal=None)
    out = tmp_path / "deck.pptx"
    write_deck(deck, out)
    presentation = Presentation(str(out))
    assert not any(shape.has_chart for slide in presentation.slides for shape in slide.shapes)
    assert titles(out) == ["Acme Logistics", "Agenda",
                           "Recommendations and next-quarter priorities", "Topics for today"]
    topics = slide_text(slide_by_title(out, "Topics for today"))
    for words in ("The goals we measure together", "What's coming next",
                  "What could help or hold back", "Who does what before the next review"):
        assert words in topics
    assert "Next review: Thu 4 Mar 2027" in topics
    everything = "\n".join(slide_text(s) + notes(s) for s in presentation.slides)
    for placeholder in ("not available yet", "to be agreed together", "to be confirmed",
                        "still to be written", "No action items are open"):
        assert placeholder not in everything
    assert "deck plan" not in everything and "ROI model" not in everything


def test_risks_are_boxes_in_the_right_quadrants(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    write_deck(content(), out)
    slide = slide_by_title(out, "Risks and opportunities")
    boxes = {s.text_frame.text: s for s in slide.shapes
             if s.has_text_frame and s.text_frame.text in
             ("Champion leaving in Q1", "Budget freeze", "Rotterdam expansion",
              "API partner program")}
    assert len(boxes) == 4
    assert str(boxes["Champion leaving in Q1"].fill.fore_color.rgb) == "D64545"
    assert str(boxes["Rotterdam expansion"].fill.fore_color.rgb) == "2E9E5B"
    champion, freeze = boxes["Champion leaving in Q1"], boxes["Budget freeze"]
    partner = boxes["API partner program"]
    assert champion.left > freeze.left  # more likely: further right
    assert partner.top > freeze.top  # lower impact: lower down


def test_long_tables_move_rows_to_the_notes(tmp_path: Path) -> None:
    actions = tuple(ActionFigure(f"Action number {i}", "ours", "Dana", None, "open")
                    for i in range(12))
    out = tmp_path / "deck.pptx"
    write_deck(content(actions=actions, next_qbr=None), out)
    slide = slide_by_title(out, "Mutual commitments")
    (table,) = [s.table for s in slide.shapes if s.has_table]
    assert len(table.rows) == 9  # the header and eight actions
    assert "+4 more in the notes" in slide_text(slide)
    assert all(f"Action number {i}" in notes(slide) for i in range(8, 12))
    # The next review's band takes room from the table; nothing is lost.
    write_deck(content(actions=actions), out)
    slide = slide_by_title(out, "Mutual commitments")
    (table,) = [s.table for s in slide.shapes if s.has_table]
    hidden = 13 - len(table.rows)
    assert hidden > 4 and f"+{hidden} more in the notes" in slide_text(slide)
    assert "Next review: Thu 4 Mar 2027" in slide_text(slide)


def test_text_size_estimate_counts_wide_characters_double() -> None:
    assert count_lines("a" * 40, 20) == 2
    assert count_lines("株" * 20, 20) == 2
    assert count_lines("one two\nthree", 100) == 2
    width, height = Emu(914400 * 4), Emu(914400)
    latin = fit("xxxxxxxxx " * 20, width, height, 20, 12)
    wide = fit("株" * 200, width, height, 20, 12)
    assert not latin.cut and wide.cut and wide.text.endswith("…")
    assert fit("short", width, height, 20, 12).size == 20


def test_a_figure_is_made_smaller_rather_than_broken_across_lines() -> None:
    from qbr_desktop.exports.deck_slides import lines_em

    # "$711,360" in a KPI card of a 4:3 template: at 40 pt it would wrap as "$711,36 / 0".
    narrow, tall = Emu(int(914400 * 1.9)), Emu(914400 * 2)
    fitted = fit("$711,360", narrow, tall, 40, 20, bold=True)
    assert not fitted.cut and fitted.size < 40
    assert lines_em("$711,360", narrow / 12700 / fitted.size, True) == 1
    assert lines_em("$711,360", narrow / 12700 / 40, True) is None  # would have broken


def test_logo_on_every_slide(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (400, 100), "navy").save(logo)
    out = tmp_path / "deck.pptx"
    write_deck(content(DeckVariant.DIGITAL), out, logo=logo)
    presentation = Presentation(str(out))
    for slide in presentation.slides:
        (picture,) = [s for s in slide.shapes if s.name == "Logo"]
        assert picture.left + picture.width <= presentation.slide_width
        assert picture.left > presentation.slide_width // 2 and picture.top < Emu(914400)


def test_a_logo_that_is_not_a_picture_is_a_warning(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not a picture")
    result = write_deck(content(DeckVariant.DIGITAL), tmp_path / "deck.pptx", logo=logo)
    assert any("logo" in w for w in result.warnings)


def test_the_attendees_and_their_reporting_lines_are_drawn_readably(tmp_path: Path) -> None:
    people = tuple(PersonFigure(f"Person {n}", f"Title {n}", n in (5, 9), n,
                                None if n == 1 else (1 if n <= 4 else 2))
                   for n in range(1, 23))  # a 22-person map, two attending
    out = tmp_path / "deck.pptx"
    write_deck(content(stakeholders=people), out)
    slide = slide_by_title(out, "Who we work with")
    names = [s.text_frame.text for s in slide.shapes if s.has_text_frame
             and s.text_frame.text.startswith("Person ")]
    # The attendees and whom they report to, up to the top: not the whole map.
    assert sorted(names) == ["Person 1", "Person 2", "Person 5", "Person 9"]
    lines = [s for s in slide.shapes if s.shape_type == 9 or s.name.startswith("Connector")]
    assert len(lines) == 3
    sizes = {r.font.size.pt for s in slide.shapes if s.has_text_frame and s.name != "Footer"
             for p in s.text_frame.paragraphs for r in p.runs if r.font.size is not None}
    assert min(sizes) >= 12
    assert not [s for s in slide.shapes if s.shape_type == 13]  # no picture


def test_a_usable_template_is_used_and_its_slides_removed(tmp_path: Path) -> None:
    template = tmp_path / "ours.pptx"
    own = Presentation()
    own.slides.add_slide(own.slide_layouts[0]).shapes.title.text = "Old slide"
    own.save(str(template))
    out = tmp_path / "deck.pptx"
    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 100), "navy").save(logo)
    result = write_deck(content(DeckVariant.DIGITAL), out, template=template, logo=logo)
    assert result.warnings == ()
    assert titles(out) == expected_titles(content(DeckVariant.DIGITAL))
    written = Presentation(str(out))
    assert written.slide_width == own.slide_width  # the template's size
    for slide in list(written.slides)[1:]:  # the template's title placeholder, clear of the logo
        (logo_shape,) = [s for s in slide.shapes if s.name == "Logo"]
        title = slide.shapes.title
        assert title.left + title.width <= logo_shape.left
        assert title.top is not None and title.height is not None


def test_a_template_that_is_not_a_zip_falls_back(tmp_path: Path) -> None:
    template = tmp_path / "notes.pptx"
    template.write_text("hello")
    out = tmp_path / "deck.pptx"
    result = write_deck(content(DeckVariant.DIGITAL), out, template=template)
    (warning,) = result.warnings
    assert "not a PowerPoint file" in warning and "default design" in warning
    assert titles(out) == expected_titles(content(DeckVariant.DIGITAL))


def test_a_zip_that_is_not_a_presentation_falls_back(tmp_path: Path) -> None:
    template = tmp_path / "archive.pptx"
    with zipfile.ZipFile(template, "w") as archive:
        archive.writestr("readme.txt", "not a deck")
    result = write_deck(content(DeckVariant.DIGITAL), tmp_path / "deck.pptx",
                        template=template)
    (warning,) = result.warnings
    assert "could not be opened" in warning


def test_a_template_without_a_plain_layout_falls_back(tmp_path: Path) -> None:
    own = Presentation()
    for layout in list(own.slide_layouts):
        if layout.name in ("Title Only", "Blank"):
            own.slide_layouts.remove(layout)
    template = tmp_path / "busy.pptx"
    own.save(str(template))
    result = write_deck(content(DeckVariant.DIGITAL), tmp_path / "deck.pptx",
                        template=template)
    (warning,) = result.warnings
    assert "no title-only or blank layout" in warning


def test_a_zip_bomb_template_is_refused_before_opening(tmp_path: Path) -> None:
    template = tmp_path / "bomb.pptx"
    chunk = b"\0" * (8 * 1024 * 1024)
    with (zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as archive,
          archive.open("ppt/presentation.xml", "w") as member):
        for _ in range(32):  # 256 MB of zeros, compressed to well under 1 MB
            member.write(chunk)
    assert template.stat().st_size < 2 * 1024 * 1024
    out = tmp_path / "deck.pptx"
    result = write_deck(content(DeckVariant.DIGITAL), out, template=template)
    (warning,) = result.warnings
    assert "refused as unsafe" in warning and "200 MB" in warning
    assert titles(out) == expected_titles(content(DeckVariant.DIGITAL))


def test_a_highly_compressed_member_or_too_many_members_is_refused(tmp_path: Path) -> None:
    ratio = tmp_path / "ratio.pptx"
    with zipfile.ZipFile(ratio, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ppt/slides/slide1.xml", b"\0" * (4 * 1024 * 1024))
    many = tmp_path / "many.pptx"
    with zipfile.ZipFile(many, "w") as archive:
        for index in range(2001):
            archive.writestr(f"part{index}.xml", b"<a/>")
    for template, words in ((ratio, "compressed more than 100 to 1"), (many, "2,001 files")):
        result = write_deck(content(DeckVariant.DIGITAL), tmp_path / "deck.pptx",
                            template=template)
        (warning,) = result.warnings
        assert "refused as unsafe" in warning and words in warning


def test_cancelling_midway_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)

    with pytest.raises(DeckCancelled):
        write_deck(content(), out, progress=progress, cancelled=lambda: len(calls) >= 3)
    assert calls == [1, 2, 3]
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"the deck from last week")

    def progress(done: int, total: int) -> None:
        if done == 5:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        write_deck(content(), out, progress=progress)
    assert out.read_bytes() == b"the deck from last week"
    assert list(tmp_path.iterdir()) == [out]
    write_deck(content(), out)  # and a good write replaces it
    assert titles(out)[0] == "Acme Logistics"


def test_one_deck_is_written_quickly(tmp_path: Path) -> None:
    start = time.perf_counter()
    write_deck(content(), tmp_path / "deck.pptx")
    elapsed = time.perf_counter() - start
    print(f"one executive deck written in {elapsed:.2f} s")
    assert elapsed < 10


@pytest.mark.slow
def test_libreoffice_renders_one_page_per_slide(tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    out = tmp_path / "deck.pptx"
    result = write_deck(content(), out)
    profile = tmp_path / "profile"
    subprocess.run([office, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    info = subprocess.run(["pdfinfo", str(tmp_path / "deck.pdf")], check=True,
                          capture_output=True, text=True).stdout
    pages = next(int(line.split()[-1]) for line in info.splitlines()
                 if line.startswith("Pages:"))
    assert pages == result.slides


def assert_on_the_slides(path: Path) -> None:
    presentation = Presentation(str(path))
    width, height = presentation.slide_width, presentation.slide_height
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.shape_type == 9 or shape.name.startswith("Connector"):  # a line
                assert shape.width >= 0 and shape.height >= 0, shape.name
                continue
            assert shape.width > 0 and shape.height > 0, shape.name
            assert shape.left >= 0 and shape.top >= 0, shape.name
            assert shape.left + shape.width <= width, shape.name
            assert shape.top + shape.height <= height, shape.name
            if shape.has_text_frame and shape.text_frame.text:
                sizes = {r.font.size.pt for p in shape.text_frame.paragraphs
                         for r in p.runs if r.font.size is not None}
                assert sizes and min(sizes) >= 9, shape.text_frame.text


def test_everything_stays_on_the_slide_and_long_titles_are_cut(tmp_path: Path) -> None:
    long_title = "A very long slide title about outcomes " * 12
    outline = tuple(replace(p, title=long_title) if p.kind is SlideKind.ROADMAP else p
                    for p in default_outline(DeckVariant.EXECUTIVE))
    many_risks = tuple(RiskFigure(f"Risk {i} with a rather long description of it", "risk",
                                  5, 5) for i in range(15))
    deck = content(outline=outline, risks=many_risks, account_name="Acme " * 40,
                   priorities=tuple("A priority that goes on and on " * 5 for _ in range(3)))
    out = tmp_path / "deck.pptx"
    write_deck(deck, out)
    assert_on_the_slides(out)
    template = tmp_path / "four-by-three.pptx"
    Presentation().save(str(template))
    write_deck(deck, tmp_path / "narrow.pptx", template=template)
    assert_on_the_slides(tmp_path / "narrow.pptx")
    presentation = Presentation(str(out))
    roadmap = next(s for s in presentation.slides if long_title.strip() in notes(s))
    shown = roadmap.shapes.title.text
    assert shown.endswith("…") and long_title.strip() in notes(roadmap)
    risks = slide_by_title(out, "Risks and opportunities")
    assert "more in the notes" in slide_text(risks)
    assert "Risk 14 with" in notes(risks) or "Risk 0 with" in notes(risks)


def test_a_table_below_a_headline_keeps_clear_of_the_footer(tmp_path: Path) -> None:
    lines = tuple(ValueLineFigure(f"Outcome {i}", "Efficiency", Decimal(1000 * i), "high")
                  for i in range(1, 13))
    out = tmp_path / "deck.pptx"
    write_deck(content(value_lines=lines), out)
    slide = slide_by_title(out, "Business outcomes and return")
    (graphic,) = [s for s in slide.shapes if s.has_table]
    rows = len(graphic.table.rows)
    assert rows < 9  # less room under the headline
    assert graphic.top + rows * Emu(457200) <= Emu(int(6.55 * 914400))
    assert f"+{13 - rows} more in the notes" in slide_text(slide)
    assert "Outcome 12" in notes(slide)


def test_chart_labels_stay_text_in_the_workbook_behind_the_chart(tmp_path: Path) -> None:
    formula = '=HYPERLINK("http://example.invalid","Acme")'
    chart = ChartData("Adoption against peers", (formula, "http://example.invalid/x", "@SUM(1)"),
                      (Series("=1+1", (10.0, 20.0, 30.0)),
                       Series("Peer median", (15.0, 25.0, 35.0))))
    out = tmp_path / "deck.pptx"
    write_deck(content(adoption_chart=chart), out)
    slide = slide_by_title(out, "Adoption against your peers")
    (shape,) = [s for s in slide.shapes if s.has_chart]
    assert list(shape.chart.plots[0].categories) == [formula, "http://example.invalid/x",
                                                     "@SUM(1)"]
    assert shape.chart.series[0].name == "=1+1"
    workbook = shape.chart.part.chart_workbook.xlsx_part.blob
    with zipfile.ZipFile(io.BytesIO(workbook)) as sheets:
        sheet = sheets.read("xl/worksheets/sheet1.xml").decode()
        names = sheets.namelist()
    assert "<f>" not in sheet and "<hyperlink" not in sheet  # no formula, no link
    assert not any("externalLink" in name or "_rels/sheet1" in name for name in names)


def test_a_header_word_is_never_split_across_lines() -> None:
    from qbr_desktop.exports.deck_slides import INSET_X, TABLE_PT, column_widths, fits

    width = int(Inches(6.0))
    shares = (2.2, 1.2, 1.0, 0.6)
    widths = column_widths(("Outcome", "Category", "A year", "Confidence"), width, shares)
    assert abs(sum(widths) - width) < 10
    assert fits("Confidence", widths[3] - 2 * INSET_X, 10**9, TABLE_PT, bold=True)
    assert count_lines("Confidence", (widths[3] - 2 * INSET_X) / 12700 / (0.6 * TABLE_PT)) == 1
    assert widths[0] > widths[3]  # the others gave room, in proportion to their share
    # Headers that cannot all fit keep the plain shares.
    assert column_widths(("W" * 80, "X" * 80), 1000, (1, 1)) == [500, 500]


def test_the_customers_copy_keeps_cut_text_but_no_talking_points(tmp_path: Path) -> None:
    story = " ".join(f"word{i:04d}" for i in range(560))[:5000]
    out = tmp_path / "shared.pptx"
    write_deck(content(value_story=story), out, speaker_notes=False)
    presentation = Presentation(str(out))
    for slide in presentation.slides:
        if slide.has_notes_slide:
            assert "Ask:" not in notes(slide) and "•" not in notes(slide)
    assert story in notes(slide_by_title(out, "The value in your words"))
    assert not slide_by_title(out, "Agenda").has_notes_slide

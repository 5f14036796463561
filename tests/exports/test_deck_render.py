"""Every slide kind of every variant, as LibreOffice renders it (soffice → PDF, then
pdftotext -bbox-layout, pdftohtml -xml and pdftoppm), on our 16:9 design and on a CSM's
own templates at 4:3 and 16:9:

* no text below 12 pt except the footer;
* no word outside its slide, or outside every shape of its slide (text spilling out of a
  box into empty space);
* no figure broken across lines ("$711,36" over "0");
* on our design, no slide more than 70 % empty: at least 30 % of its quarter-inch cells
  carry ink. The figure for each slide kind is printed with the test's output.

The decks are rendered once for the module (one soffice run)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from deck_support import content, every_kind_shown
from pptx import Presentation
from pptx.util import Inches
from render_support import (
    FOOTER_BAND_PT,
    POINTS_PER_EMU,
    Page,
    convert,
    ink_coverage,
    read_pages,
)

from qbr_desktop.domain.deck import (
    DeckContent,
    DeckVariant,
    SlideKind,
    backup_slides,
    main_slides,
)
from qbr_desktop.domain.slide_kinds import arranged
from qbr_desktop.exports.deck_pptx import write_deck

MIN_PT = 12
MIN_INK = 0.30
TOLERANCE_PT = 3.0
FIGURE = re.compile(r"[$€£¥₹]?\d[\d,.]*\d%?|\d%")


@dataclass
class Rendered:
    name: str
    own_style: bool
    kinds: list[SlideKind | None]  # per page; None for the backup divider
    pages: list[Page]
    ink: list[float]
    shapes: list[list[tuple[float, float, float, float]]]  # per page, in points
    texts: list[str]  # per page, what the slides' text frames say (footer aside)


def _decks(folder: Path) -> list[tuple[str, DeckContent, Path | None]]:
    four_three = folder / "csm-4x3.pptx"
    Presentation().save(str(four_three))  # python-pptx's own template is 4:3
    wide = Presentation()
    wide.slide_width, wide.slide_height = Inches(13.333), Inches(7.5)
    wide_template = folder / "csm-16x9.pptx"
    wide.save(str(wide_template))
    decks: list[tuple[str, DeckContent, Path | None]] = []
    for variant in DeckVariant:
        full = content(variant, outline=every_kind_shown(variant))
        decks.append((f"{variant.value}-ours", full, None))
        decks.append((f"{variant.value}-4x3", full, four_three))
    folded = replace(content(DeckVariant.EXECUTIVE,
                             outline=every_kind_shown(DeckVariant.EXECUTIVE)), risks=())
    decks.append(("executive-topics", folded, None))
    decks.append(("executive-16x9", content(DeckVariant.EXECUTIVE), wide_template))
    return decks


def _shapes(path: Path) -> tuple[list[list[tuple[float, float, float, float]]], list[str]]:
    presentation = Presentation(str(path))
    bottom = presentation.slide_height * POINTS_PER_EMU - FOOTER_BAND_PT
    rects, texts = [], []
    for slide in presentation.slides:
        boxes, words = [], []
        for shape in slide.shapes:
            if shape.shape_type == 9 or shape.width is None:  # lines
                continue
            x, y = shape.left * POINTS_PER_EMU, shape.top * POINTS_PER_EMU
            w, h = shape.width * POINTS_PER_EMU, shape.height * POINTS_PER_EMU
            if shape.has_table:  # LibreOffice grows a row to fit its text
                h = max(h, bottom - y)
            boxes.append((x, y, x + w, y + h))
            if shape.has_text_frame and shape.name != "Footer":
                words.append(shape.text_frame.text)
        rects.append(boxes)
        texts.append("\n".join(words))
    return rects, texts


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[Rendered]:
    folder = tmp_path_factory.mktemp("render")
    decks = _decks(folder)
    paths = []
    for name, deck, template in decks:
        path = folder / f"{name}.pptx"
        write_deck(deck, path, template=template)
        paths.append(path)
    convert(paths, folder)
    results = []
    for (name, deck, template), path in zip(decks, paths, strict=True):
        shown = arranged(deck).outline
        backup = backup_slides(shown)
        kinds: list[SlideKind | None] = [s.kind for s in main_slides(shown)]
        kinds += ([None] if backup else []) + [s.kind for s in backup]
        pdf = path.with_suffix(".pdf")
        pages = read_pages(pdf)
        assert len(pages) == len(kinds), name
        shapes, texts = _shapes(path)
        ink = ink_coverage(pdf, folder) if template is None else []
        results.append(Rendered(name, template is not None, kinds, pages, ink, shapes, texts))
    return results


def _where(deck: Rendered, index: int) -> str:
    kind = deck.kinds[index]
    return f"{deck.name} page {index + 1} ({kind.value if kind else 'backup divider'})"


def test_every_kind_of_every_variant_is_rendered(rendered: list[Rendered]) -> None:
    for variant in DeckVariant:
        kinds = {k for deck in rendered if deck.name.startswith(variant.value)
                 for k in deck.kinds if k is not None}
        missing = set(SlideKind) - kinds - (
            {SlideKind.TOPICS} if variant is not DeckVariant.EXECUTIVE else set())
        assert not missing, (variant, missing)


def test_no_text_under_12_points_but_the_footer(rendered: list[Rendered]) -> None:
    small = [f"{_where(deck, n)}: {size:g} pt “{text}”"
             for deck in rendered for n, page in enumerate(deck.pages)
             for size, top, text in page.sizes
             if size < MIN_PT and top < page.height - FOOTER_BAND_PT]
    assert not small, "\n".join(small[:20])


def test_no_text_spills_off_its_slide_or_out_of_its_shapes(rendered: list[Rendered]) -> None:
    def inside(box: tuple[float, ...], rect: tuple[float, ...]) -> bool:
        return (box[0] >= rect[0] - TOLERANCE_PT and box[1] >= rect[1] - TOLERANCE_PT
                and box[2] <= rect[2] + TOLERANCE_PT and box[3] <= rect[3] + TOLERANCE_PT)

    spilled = []
    for deck in rendered:
        for n, page in enumerate(deck.pages):
            whole = (0.0, 0.0, page.width, page.height)
            for word in page.words:
                if not inside(word.box, whole) or not any(
                        inside(word.box, rect) for rect in deck.shapes[n]):
                    spilled.append(f"{_where(deck, n)}: “{word.text}” at "
                                   f"{tuple(round(v) for v in word.box)}")
    assert not spilled, "\n".join(spilled[:20])


def test_no_figure_is_broken_across_lines(rendered: list[Rendered]) -> None:
    broken = []
    for deck in rendered:
        for n, page in enumerate(deck.pages):
            words = {word for line in page.lines for word in line}
            for figure in set(FIGURE.findall(deck.texts[n])):
                if not any(figure in word for word in words):
                    broken.append(f"{_where(deck, n)}: {figure}")
    assert not broken, "\n".join(broken[:20])


def test_no_slide_is_more_than_70_percent_empty(rendered: list[Rendered],
                                                capsys: Any) -> None:
    by_kind: dict[str, list[tuple[str, float]]] = {}
    for deck in rendered:
        for n, share in enumerate(deck.ink):
            kind = deck.kinds[n]
            by_kind.setdefault(kind.value if kind else "backup divider", []).append(
                (deck.name, share))
    lines = ["ink coverage per slide kind (share of quarter-inch cells with ink; lowest "
             "deck first):"]
    for kind, shares in sorted(by_kind.items(), key=lambda item: min(s for _, s in item[1])):
        low = min(shares, key=lambda pair: pair[1])
        lines.append(f"  {kind:<32} {low[1]:>5.0%} (lowest: {low[0]}; "
                     + ", ".join(f"{s:.0%}" for _, s in shares) + ")")
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    empty = [f"{deck}: {kind} {share:.0%}" for kind, shares in by_kind.items()
             for deck, share in shares if share < MIN_INK]
    assert not empty, "more than 70% empty:\n" + "\n".join(empty)

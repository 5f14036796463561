"""One table of slide kinds, read by every renderer: each kind of domain.slide_kinds has a
drawer in the PPTX writer, a section in the handout, an entry (or an explicit None) in the
brief and a sketch in the thumbnails, and each renderer draws every kind of every variant.
A kind added to the table but not to a renderer fails here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from deck_support import content, every_kind_shown
from pptx import Presentation

from qbr_desktop.domain.deck import DeckVariant, SlideKind, backup_slides, main_slides
from qbr_desktop.domain.deck_plan import DeckPlan, OutlineEntry, apply_outline, plan_from_dict
from qbr_desktop.domain.slide_kinds import SPECS, TABLE, Place, Sketch, arrange, arranged
from qbr_desktop.exports.brief_pdf import BRIEF_SECTIONS
from qbr_desktop.exports.deck_pages import DRAWERS
from qbr_desktop.exports.deck_pptx import write_deck
from qbr_desktop.exports.handout_pdf import SECTIONS, _Builder, handout_flowables

ALL = set(SlideKind)


def test_the_table_declares_every_kind_once() -> None:
    assert [spec.kind for spec in TABLE] == list(SlideKind)
    for spec in TABLE:
        assert set(spec.titles) == set(DeckVariant) and all(spec.titles.values())
        assert set(spec.places) == set(DeckVariant)
        if spec.kind not in (SlideKind.TITLE, SlideKind.TOPICS):
            assert spec.left_out.endswith(")") or spec.left_out.endswith("."), spec.kind


def test_every_renderer_has_every_kind() -> None:
    assert set(DRAWERS) == ALL
    assert set(SECTIONS) == ALL and all(callable(getattr(_Builder, SECTIONS[k])) for k in ALL)
    assert set(BRIEF_SECTIONS) == ALL
    from qbr_desktop.gui.deck.thumbnails import SKETCHES

    assert set(SKETCHES) == set(Sketch) >= {spec.sketch for spec in TABLE}


def _every_kind(variant: DeckVariant) -> Any:
    """Content with every kind shown and something to say on each; TOPICS needs a slide
    folded into it, so the risks are left without items in a second deck."""
    return content(variant, outline=every_kind_shown(variant))


@pytest.mark.parametrize("variant", list(DeckVariant))
def test_the_pptx_writer_draws_every_kind(tmp_path: Path, variant: DeckVariant) -> None:
    full = arranged(_every_kind(variant))
    folded = arranged(replace(_every_kind(variant), risks=()))
    drawn: set[SlideKind] = set()
    for deck in (full, folded):
        out = tmp_path / "deck.pptx"
        result = write_deck(deck, out)
        slides = [*main_slides(deck.outline), *backup_slides(deck.outline)]
        presentation = Presentation(str(out))
        titles = [s.shapes.title.text for s in presentation.slides]
        assert result.slides == len(slides) + (1 if backup_slides(deck.outline) else 0)
        for slide in slides:
            expected = deck.account_name if slide.kind is SlideKind.TITLE else slide.title
            assert expected in titles, slide.kind
            drawn.add(slide.kind)
    assert drawn == ALL


@pytest.mark.parametrize("variant", list(DeckVariant))
def test_the_handout_and_brief_have_a_section_for_every_kind(variant: DeckVariant) -> None:
    deck = arranged(replace(_every_kind(variant), risks=()))
    written = [s.kind for s in deck.outline if s.shown and not s.omitted]
    assert set(written) == ALL - {SlideKind.RISKS}
    story = handout_flowables(deck, 500, 700)
    assert len(story) > 3 * len(written)
    from qbr_desktop.exports.brief_pdf import brief_flowables

    assert brief_flowables(deck, 500)


def test_the_thumbnails_sketch_every_kind(qapp: Any) -> None:
    from PySide6.QtGui import QImage

    from qbr_desktop.gui.deck.thumbnails import slide_thumbnail

    pictures = {}
    for number, slide in enumerate(every_kind_shown(DeckVariant.EXECUTIVE), start=1):
        image = slide_thumbnail(slide, number).toImage().convertToFormat(
            QImage.Format.Format_RGB32)
        body = image.copy(0, 32, image.width(), 60)
        pictures[slide.kind] = bytes(body.constBits())
    assert set(pictures) == ALL
    # Kinds with different sketches look different.
    by_sketch = {SPECS[kind].sketch: picture for kind, picture in pictures.items()}
    assert len(set(by_sketch.values())) == len(by_sketch)


def test_nothing_to_say_means_left_out_or_a_topic() -> None:
    bare = replace(content(DeckVariant.DIGITAL), roadmap=(), roadmap_goals=(), risks=(),
                   goals=(), value_lines=(), value_headline="", renewal=None)
    result = arrange(bare)
    omitted = {s.kind for s in result.outline if s.omitted}
    assert {SlideKind.ROADMAP, SlideKind.RISKS, SlideKind.GOALS, SlideKind.OUTCOMES,
            SlideKind.RENEWAL} <= omitted
    assert result.topics == tuple(SPECS[k].topic for k in (SlideKind.GOALS, SlideKind.ROADMAP,
                                                           SlideKind.RISKS))
    assert SlideKind.TOPICS not in omitted
    assert all(str(reason) for reason in result.left_out)


def test_a_long_deck_moves_slides_to_the_backup_and_a_short_one_brings_them_back() -> None:
    # Every kind ticked as a meeting slide: more than twelve.
    crowded = content(DeckVariant.DIGITAL, outline=tuple(
        replace(s, shown=True, backup=False) for s in every_kind_shown(DeckVariant.DIGITAL)
        if SPECS[s.kind].places[DeckVariant.DIGITAL] is not Place.BACKUP))
    result = arrange(crowded)
    assert len(main_slides(result.outline)) <= 12
    assert any("moved to the backup" in str(reason) for reason in result.left_out)
    # Growth with little to say: present backup slides come forward up to ten.
    sparse = replace(content(DeckVariant.STANDARD), goals=(), roadmap=(), roadmap_goals=(),
                     risks=(), renewal=None)
    outline = arrange(sparse).outline
    stakeholders = next(s for s in outline if s.kind is SlideKind.STAKEHOLDERS)
    assert not stakeholders.backup and len(main_slides(outline)) >= 10


def test_old_plans_load_with_the_new_kinds_in_place() -> None:
    version_1 = {"version": 1, "outline": [
        {"kind": "title", "shown": True}, {"kind": "executive summary", "shown": True},
        {"kind": "roadmap", "shown": False}, {"kind": "next QBR", "shown": True}],
        "roadmap": ["SSO, Q1"]}
    plan = plan_from_dict(version_1)
    kinds = [entry.kind for entry in plan.outline]
    assert kinds[:3] == [SlideKind.TITLE, SlideKind.AGENDA, SlideKind.SUMMARY]
    assert kinds.index(SlideKind.RENEWAL) < kinds.index(SlideKind.NEXT_QBR)
    assert OutlineEntry(SlideKind.ROADMAP, False) in plan.outline
    assert all(entry.shown for entry in plan.outline if entry.kind in
               (SlideKind.AGENDA, SlideKind.GOALS, SlideKind.USAGE, SlideKind.RENEWAL))
    outline = apply_outline(plan, DeckVariant.EXECUTIVE)
    assert {s.kind for s in outline} == ALL
    assert apply_outline(DeckPlan(), DeckVariant.EXECUTIVE)[0].kind is SlideKind.TITLE


def test_a_roadmap_item_names_its_goal_after_an_arrow() -> None:
    from qbr_desktop.domain.deck_plan import roadmap_link

    assert roadmap_link("Carrier portal (Q1) → Faster quote-to-cash") == (
        "Carrier portal (Q1)", "Faster quote-to-cash")
    assert roadmap_link("SSO -> Fewer tickets") == ("SSO", "Fewer tickets")
    assert roadmap_link("Plain item, Q2") == ("Plain item, Q2", "")
    assert roadmap_link("→ nothing before") == ("→ nothing before", "")

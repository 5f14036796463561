"""The stakeholder map picture, read back: pixels where the cards are, text in the SVG,
the 2× resolution, the size cap for huge maps, and files written whole or not at all."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from qbr_desktop.domain.contacts import ContactLevel
from qbr_desktop.domain.stakeholder_layout import (
    CARD_HEIGHT,
    CARD_WIDTH,
    org_chart,
    power_interest,
)
from qbr_desktop.domain.stakeholders import (
    DecisionRole,
    InfluenceLink,
    Stakeholder,
    StakeholderMap,
)
from qbr_desktop.exports.map_drawing import (
    SENTIMENT_COLOURS,
    contact_freshness,
    shown_name,
    tooltip,
)
from qbr_desktop.exports.map_image import (
    MARGIN,
    MAX_PNG_SIDE,
    TITLE_HEIGHT,
    MapExportError,
    export_map,
    map_png,
    map_svg,
    public_map,
)

TODAY = date(2026, 11, 23)
PEOPLE = (
    Stakeholder(1, "Dana <CFO> & Co", "Chief Financial Officer", ContactLevel.C_SUITE,
                DecisionRole.ECONOMIC_BUYER, 5, -2, last_contact=date(2026, 11, 20)),
    Stakeholder(2, "田中 美咲", "Director", ContactLevel.DIRECTOR, DecisionRole.CHAMPION, 4, 2,
                manager_id=1),
    Stakeholder(3, "نور الهدى", "Analyst", ContactLevel.USER, DecisionRole.USER, 1, 0,
                manager_id=2, departed=True),
)
MAP = StakeholderMap(7, PEOPLE, (InfluenceLink(2, 1, 3),))


def test_png_cards_are_where_the_layout_puts_them_with_their_sentiment_stripe(
        qapp: object) -> None:
    layout = org_chart(list(PEOPLE))
    image = QImage.fromData(map_png(MAP, layout, TODAY, "Acme"))
    left = min(x for x, _ in layout.positions.values())
    top = min(y for _, y in layout.positions.values())
    x, y = layout.positions[1]
    # 2× scale; the stripe is the card's first 8 points, the page starts MARGIN in.
    stripe = image.pixelColor(int((x - left + MARGIN + 4) * 2),
                              int((y - top + MARGIN / 2 + TITLE_HEIGHT + CARD_HEIGHT / 2) * 2))
    assert stripe.name() == QColor(SENTIMENT_COLOURS[-2]).name()
    assert image.width() >= int(2 * (3 * CARD_WIDTH))


def test_a_huge_map_is_scaled_to_stay_openable(qapp: object) -> None:
    people = [Stakeholder(n, f"P{n}", manager_id=None) for n in range(1, 201)]
    crowd = StakeholderMap(1, tuple(people))
    layout = org_chart(people)
    wide = {pid: (x * 12, y) for pid, (x, y) in layout.positions.items()}
    image = QImage.fromData(map_png(crowd, type(layout)(wide), TODAY, "Crowd"))
    assert max(image.width(), image.height()) <= MAX_PNG_SIDE


def test_svg_is_well_formed_and_escapes_what_people_type(qapp: object) -> None:
    data = map_svg(MAP, power_interest(list(PEOPLE)), TODAY, "A <b>&</b> map")
    root = ET.fromstring(data)
    text = " ".join(root.itertext())
    assert "Dana <CFO> & Co" in text
    assert "田中" in text and "美咲" in text and "نور الهدى" in text  # runs split by font
    assert "A <b>&</b> map" in text  # the title as typed, not as markup


def test_export_refuses_other_formats_and_empty_maps(tmp_path: Path, qapp: object) -> None:
    with pytest.raises(MapExportError, match="neither .png nor .svg"):
        export_map(MAP, org_chart(list(PEOPLE)), tmp_path / "m.pdf", TODAY, "t")
    with pytest.raises(MapExportError, match="Nobody is on this map"):
        export_map(StakeholderMap(1), org_chart([]), tmp_path / "m.png", TODAY, "t")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, qapp: object,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "map.png"
    out.write_bytes(b"old picture")

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise OSError("disk full")
    monkeypatch.setattr("qbr_desktop.exports.map_image.map_png", broken)
    with pytest.raises(OSError, match="disk full"):
        export_map(MAP, org_chart(list(PEOPLE)), out, TODAY, "t")
    assert out.read_bytes() == b"old picture"
    assert [p.name for p in tmp_path.iterdir()] == ["map.png"]


def test_anonymous_names_are_titles_or_level_and_role() -> None:
    assert shown_name(PEOPLE[0], anonymous=True) == "Chief Financial Officer"
    nameless = Stakeholder(9, "Secret", level=ContactLevel.VP, role=DecisionRole.BLOCKER)
    assert shown_name(nameless, anonymous=True) == "VP (Blocker)"
    assert "Secret" not in tooltip(nameless, TODAY, anonymous=True)


def test_the_contact_dot_fades_over_ninety_days() -> None:
    assert contact_freshness(PEOPLE[0], TODAY) > 0.9
    assert contact_freshness(PEOPLE[1], TODAY) == 0.15  # never contacted
    old = Stakeholder(5, "Old", last_contact=date(2026, 8, 1))
    assert contact_freshness(old, TODAY) == 0.15


def test_the_customers_picture_shows_people_and_lines_not_our_notes(qapp: object) -> None:
    shown = public_map(MAP)
    assert [p.name for p in shown.people] == ["Dana <CFO> & Co", "田中 美咲"]  # not who left
    assert shown.links == ()
    data = map_svg(MAP, org_chart(list(PEOPLE)), TODAY, "Acme", internal=False)
    text = " ".join(ET.fromstring(data).itertext())
    assert "Dana <CFO> & Co" in text and "Chief Financial Officer" in text
    for internal_word in ("Economic buyer", "Champion", "hostile", "influence", "ago",
                          "نور الهدى"):
        assert internal_word not in text

"""An East Asian typeface on every run of a deck, so PowerPoint and LibreOffice draw
Chinese with a CJK face instead of the Latin theme font's fallback (or boxes).

PowerPoint picks a run's face by script: `a:latin` for Latin letters, `a:ea` for Chinese,
Japanese and Korean. python-pptx sets neither, so a run inherits the theme's East Asian
font, which the default theme leaves empty. Each run, paragraph end, default run style and
chart text gets `a:ea typeface="Microsoft YaHei"` (Windows and Office for Mac ship it;
LibreOffice and fontconfig map it to Noto Sans CJK SC), and in a deck written in Chinese
the run's language too, so punctuation shared by both scripts is drawn the Chinese way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree

from qbr_desktop.i18n import ENGLISH

EAST_ASIAN_FACE = "Microsoft YaHei"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PROPERTIES = ("rPr", "endParaRPr", "defRPr")
# What follows a:ea in a run's properties (CT_TextCharacterProperties' sequence).
_AFTER_EA = {f"{{{_A}}}{name}" for name in ("cs", "sym", "hlinkClick", "hlinkMouseOver",
                                            "rtl", "extLst")}


def east_asian_fonts(presentation: Any, language: str = ENGLISH) -> None:
    """Set the East Asian face on every text property element of every slide, note and
    chart of `presentation`, and the language of each run when it is not English."""
    lang = language.replace("_", "-") if language != ENGLISH else None
    for root in _roots(presentation):
        for name in _PROPERTIES:
            for properties in root.iter(f"{{{_A}}}{name}"):
                set_east_asian(properties, lang)


def set_east_asian(properties: Any, lang: str | None = None) -> None:
    """One `a:rPr` (or `a:endParaRPr`, `a:defRPr`): its `a:ea`, in schema order."""
    if lang is not None:
        properties.set("lang", lang)
        properties.set("altLang", "en-US")
    ea = properties.find(f"{{{_A}}}ea")
    if ea is None:
        ea = etree.Element(f"{{{_A}}}ea")
        following = next((child for child in properties if child.tag in _AFTER_EA), None)
        if following is None:
            properties.append(ea)
        else:
            following.addprevious(ea)
    ea.set("typeface", EAST_ASIAN_FACE)


def _roots(presentation: Any) -> Iterable[Any]:
    for slide in presentation.slides:
        yield slide._element
        if slide.has_notes_slide:
            yield slide.notes_slide._element
        for shape in slide.shapes:
            if getattr(shape, "has_chart", False):
                yield shape.chart._chartSpace

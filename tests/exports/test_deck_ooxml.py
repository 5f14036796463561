"""Decks checked against the Office Open XML schemas and the Open XML SDK's semantic rules.

PowerPoint and Keynote are not available offline, so the strongest evidence that PowerPoint
opens a deck without offering to repair it is validation with openxml-audit: a pure-Python
port of the Open XML SDK 3.5 validator, carrying the SDK's schema data (PresentationML,
DrawingML, ChartML and the Office extensions) and its semantic checks (relationships that
resolve, unique shape ids, attribute ranges). Checked here: one demo deck per tier, decks of
hostile text in every variant, a deck on a CSM's template, and the chart workbooks the decks
embed. The only findings allowed are ones python-pptx itself writes into every bar chart,
proved below on a chart made with python-pptx alone.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openxml_audit import FileFormat, OpenXmlValidator, ValidationError
from PIL import Image
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches
from test_deck_pptx import HOSTILE, content

from qbr_desktop.domain.deck import (
    ActionFigure,
    ChartData,
    DeckContent,
    DeckVariant,
    PersonFigure,
    RiskFigure,
    Series,
    ValueLineFigure,
    default_outline,
)
from qbr_desktop.exports.deck_pptx import write_deck

TODAY = date(2026, 11, 23)
TIERS = ("Strategic", "Growth", "Core")

# python-pptx writes these two axis ids, copied from a PowerPoint-authored chart, into the
# <c:axId> and <c:crossAx> of every bar and column chart (pptx/chart/xmlwriter.py). ChartML
# types them CT_UnsignedInt, so the SDK rules call each one "less than minimum 0"; PowerPoint
# itself has written such signed ids and opens them, and python-pptx has shipped them in
# every chart since 2014. test_python_pptx_alone_writes_the_allowed_findings proves they
# come from python-pptx, not from our writer; nothing else is allowed.
PYTHON_PPTX_AXIS_IDS = ("-2068027336", "-2113994440")
_INHERENT = re.compile(
    r"/ppt/charts/chart\d+\.xml:/chartSpace\[1\]/chart\[1\]/plotArea\[1\]/"
    r"(barChart|catAx|valAx)\[1\]/(axId|crossAx)\[\d\]: Invalid value for attribute 'val': "
    rf"Value ({'|'.join(PYTHON_PPTX_AXIS_IDS)}) is less than minimum 0")

# Every kind of text a CRM export or a CSM can put in a field: markup, RTL scripts, CJK
# without spaces, emoji sequences, control characters, XML-legal oddities (DEL, NEL, line and
# paragraph separators, BOM), a lone surrogate, a spreadsheet formula and a CDATA end.
HOSTILE_TEXTS = (
    HOSTILE,
    "مجموعة الواحة للتجزئة · שלום עולם",
    "上海云帆软件有限公司" * 12,
    "👩‍👩‍👧‍👦 🏳️‍🌈 🇯🇵 e\u0301\u0301",
    "\t\x1b[31mred\x7f\x85\u2028\u2029\ufeff\x0c",
    '=HYPERLINK("http://example.invalid","x")',
    "]]><!-- \ud83d -->",
)


@pytest.fixture(scope="module")
def validator() -> OpenXmlValidator:
    """The SDK's rules for Office 2019, security checks (external links, active content) on,
    and every finding collected."""
    return OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=0,
                            security_validation=True)


def findings(validator: OpenXmlValidator, path: Path) -> list[ValidationError]:
    """Every error and warning in the file, and in each chart workbook it embeds."""
    found = list(validator.validate(path).errors)
    with zipfile.ZipFile(path) as archive:
        workbooks = [n for n in archive.namelist()
                     if n.startswith("ppt/embeddings/") and n.endswith(".xlsx")]
        for name in workbooks:
            embedded = path.with_name(f"{path.stem}-{Path(name).name}")
            embedded.write_bytes(archive.read(name))
            found += validator.validate(embedded).errors
    return found


def inherent(error: ValidationError) -> bool:
    return bool(_INHERENT.fullmatch(str(error).removeprefix("[schema] ")))


def assert_valid(validator: OpenXmlValidator, path: Path) -> None:
    unexpected = [str(e) for e in findings(validator, path) if not inherent(e)]
    assert not unexpected, f"{path.name}: {len(unexpected)} findings\n" + "\n".join(
        unexpected[:20])


def picture(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


def test_python_pptx_alone_writes_the_allowed_findings(validator: OpenXmlValidator,
                                                       tmp_path: Path) -> None:
    bare = tmp_path / "bare.pptx"
    Presentation().save(str(bare))
    assert findings(validator, bare) == []  # python-pptx's default template is clean
    charts = tmp_path / "charts.pptx"
    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    data = CategoryChartData()
    data.categories = ["A", "B"]
    data.add_series("S", (1.0, 2.0))
    for kind in (XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.COLUMN_STACKED,
                 XL_CHART_TYPE.LINE_MARKERS):
        slide.shapes.add_chart(kind, 0, 0, Inches(4), Inches(3), data)
    presentation.save(str(charts))
    found = findings(validator, charts)
    # Six per bar chart, none for the line chart. Should a python-pptx release stop writing
    # them, this fails: then drop the allowance.
    assert len(found) == 12 and all(inherent(e) for e in found), [str(e) for e in found]


def test_a_demo_deck_of_each_tier_is_valid(demo_copy: Any, qapp: Any,
                                           validator: OpenXmlValidator,
                                           tmp_path: Path) -> None:
    context, _summary = demo_copy(today=TODAY)
    accounts = context.accounts.list_accounts()
    for tier in TIERS:
        account = next(a for a in accounts if a.tier == tier)
        out = tmp_path / f"{tier}.pptx"
        write_deck(context.decks.content(context, account.id, today=TODAY), out)
        with zipfile.ZipFile(out) as archive:  # there is something to validate
            assert any(n.startswith("ppt/charts/") for n in archive.namelist()), tier
        assert_valid(validator, out)


def hostile_content(variant: DeckVariant) -> DeckContent:
    """Every text field hostile, a 5,000-character story, more rows than fit, and charts
    with gaps, infinities and NaN."""
    text = iter(HOSTILE_TEXTS * 8)
    story = " ".join(f"{HOSTILE_TEXTS[i % len(HOSTILE_TEXTS)][:20]}{i}" for i in range(400))
    story = story[:5000]
    assert len(story) == 5000
    long_title = " ".join(HOSTILE_TEXTS) * 3
    outline = tuple(replace(p, title=long_title) if i in (2, 4) else p
                    for i, p in enumerate(default_outline(variant)))
    chart = ChartData(HOSTILE, HOSTILE_TEXTS + ("",),
                      (Series(HOSTILE_TEXTS[1], (1.0, float("nan"), float("inf"), None, -2.5,
                                                 0.0, 1e12, 3.0)),
                       Series("", (2.0,))), "bar", '"$"#,##0', HOSTILE_TEXTS[4])
    return content(
        variant, outline=outline, account_name=next(text), csm_name=next(text),
        currency=HOSTILE_TEXTS[1], health_trend=next(text), value_story=story,
        value_headline=next(text), roi_text=next(text), payback_text=next(text),
        value_chart=chart, scenario_chart=replace(chart, kind="column_stacked"),
        adoption_chart=replace(chart, kind="line"), health_chart=replace(chart, kind="line"),
        adoption_notes=HOSTILE_TEXTS, priorities=HOSTILE_TEXTS, roadmap=HOSTILE_TEXTS,
        recommendations=HOSTILE_TEXTS,
        value_lines=tuple(ValueLineFigure(t, t, Decimal(-1234.5 if i % 2 else 10**12), t)
                          for i, t in enumerate(HOSTILE_TEXTS)),
        risks=tuple(RiskFigure(t, kind, 1 + i % 5, 5 - i % 5)
                    for i, t in enumerate(HOSTILE_TEXTS * 3)
                    for kind in ("risk", "opportunity")),
        actions=tuple(ActionFigure(t, "ours", t, None, t) for t in HOSTILE_TEXTS * 2),
        stakeholders=tuple(PersonFigure(t, t, i % 2 == 0)
                           for i, t in enumerate(HOSTILE_TEXTS)))


@pytest.mark.parametrize("variant", list(DeckVariant))
def test_a_deck_of_hostile_text_is_valid(validator: OpenXmlValidator, tmp_path: Path,
                                         variant: DeckVariant) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(picture(400, 100))
    out = tmp_path / "hostile.pptx"
    write_deck(hostile_content(variant), out, logo=logo, accent="not a colour")
    assert_valid(validator, out)
    mapped = tmp_path / "mapped.pptx"
    write_deck(replace(hostile_content(variant), stakeholder_map_png=picture(800, 500)),
               mapped)
    assert_valid(validator, mapped)


def test_a_deck_on_a_template_is_valid(validator: OpenXmlValidator, tmp_path: Path) -> None:
    """The template's own slides (with their notes) are removed; nothing dangles."""
    template = tmp_path / "ours.pptx"
    own = Presentation()
    for number in range(3):
        slide = own.slides.add_slide(own.slide_layouts[1])
        slide.shapes.title.text = f"Old slide {number}"
        slide.notes_slide.notes_text_frame.text = "Old notes"
    own.save(str(template))
    logo = tmp_path / "logo.png"
    logo.write_bytes(picture(200, 100))
    out = tmp_path / "deck.pptx"
    result = write_deck(hostile_content(DeckVariant.EXECUTIVE), out, template=template,
                        logo=logo)
    assert result.warnings == ()
    assert_valid(validator, out)

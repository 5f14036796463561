"""The one-page brief, read back with poppler and qpdf: text, one page, fonts, no injection."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

from tests_support import require_tool

from qbr_desktop.domain.deck import (
    ActionFigure,
    ChartData,
    DeckContent,
    DeckVariant,
    ExpansionFigure,
    PersonFigure,
    RiskFigure,
    Series,
    ValueLineFigure,
    default_outline,
)
from qbr_desktop.exports.brief_pdf import write_brief
from qbr_desktop.exports.pdf_fonts import (
    CID_CJK,
    CID_HANGUL,
    font_report,
    load_truetype_cjk,
    markup,
)

INJECTIONS = ('<img src="/etc/passwd">', '<a href="http://x">', "<font size=99>", "A<B", "R&D")
HEADLINE = "$621,036 a year · ROI 161% · payback 4.6 months"
CJK_NAME = "株式会社テスト"


def realistic_content(**changes: object) -> DeckContent:
    """A Strategic account's quarter with every kind of figure the deck shows."""
    injected = " ".join(INJECTIONS)
    values = {
        "account_name": f"Acme {CJK_NAME} & Söhne",
        "variant": DeckVariant.EXECUTIVE, "quarter": "2026 Q4",
        "prepared_on": date(2026, 11, 2), "csm_name": "Dana Воронова", "currency": "USD",
        "outline": default_outline(DeckVariant.EXECUTIVE), "meeting_date": date(2026, 11, 20),
        "next_qbr": date(2027, 2, 18), "health_score": 72.4,
        "health_trend": "up 6 points since last quarter",
        "health_chart": ChartData("Health score by quarter", ("Q1", "Q2", "Q3", "Q4"),
                                  (Series("Health", (61.0, 64.0, None, 72.4)),), kind="line"),
        "adoption_chart": ChartData("Adoption against peers", ("Active users", "采用"),
                                    (Series("Acme", (0.82, 0.4)),
                                     Series("Peer median", (0.6, 0.5))), number_format="0%"),
        "adoption_notes": ("Active users in the top quartile of peers", injected),
        "value_headline": HEADLINE, "total_value": Decimal("621036"), "roi_text": "161%",
        "payback_text": "4.6 months",
        "value_lines": (
            ValueLineFigure("Support hours saved", "efficiency", Decimal("240000"), "high"),
            ValueLineFigure("Churn avoided", "revenue", Decimal("300000"), "medium"),
            ValueLineFigure(injected, "cost", Decimal("81036"), "low"),
            ValueLineFigure("Licence overlap", "cost", Decimal("-5000"), "high")),
        "value_chart": ChartData("Value a year by category", ("Efficiency", "Revenue", "Cost"),
                                 (Series("Value", (240000.0, 300000.0, 76036.0)),),
                                 number_format='"$"#,##0', unit="USD"),
        "scenario_chart": ChartData("ROI by scenario", ("Conservative", "Expected", "Optimistic"),
                                    (Series("ROI", (0.9, 1.61, 2.3)),), kind="column_stacked",
                                    number_format="0%"),
        "value_story": "Support tickets fell by a third after the rollout.",
        "priorities": ("Roll out to the EMEA support team", injected),
        "roadmap": ("SSO for contractors (Q1)",), "recommendations": ("Train team leads",),
        "risks": (RiskFigure("Champion leaving", "risk", 3, 4),),
        "expansion": (ExpansionFigure("Finance module", Decimal("48000"), Decimal("150000"),
                                      "213%", "3.8 months"),),
        "stakeholders": (PersonFigure("Mei Chen", "VP Support", True),),
        "actions": tuple(ActionFigure(f"Action {i}: " + (injected if i == 1 else "ship it"),
                                      "ours" if i % 2 else "theirs", f"Owner{i}",
                                      date(2026, 12, i + 1), "open") for i in range(8)),
    }
    values.update(changes)
    return DeckContent(**values)  # type: ignore[arg-type]


def run(*command: str) -> str:
    require_tool(command[0])
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_text(path: Path) -> str:
    return " ".join(run("pdftotext", "-enc", "UTF-8", str(path), "-").split())


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(path)), re.M).group(1))  # type: ignore[union-attr]


def assert_valid_and_embedded(path: Path) -> None:
    """qpdf finds no error; every font pdffonts lists is embedded (bar the CID fallback)."""
    require_tool("qpdf")
    subprocess.run(["qpdf", "--check", str(path)], capture_output=True, check=True)
    rows = run("pdffonts", str(path)).splitlines()[2:]
    allowed = set() if font_report().cjk_embedded else {CID_CJK, CID_HANGUL}
    for row in rows:
        name, emb = row.split()[0], row[row.index(" ", 60):].split()[-5]
        assert emb == "yes" or name in allowed, row
    data = path.read_bytes()
    fonts = set(re.findall(rb"/BaseFont\s*/([\w+-]+)", data))
    assert b"Helvetica" not in fonts  # reportlab's default, never embedded
    assert b"/URI" not in data and b"/Link" not in data


def test_brief_has_the_quarter_on_one_page(tmp_path: Path) -> None:
    out = write_brief(realistic_content(), tmp_path / "brief.pdf")
    assert out == tmp_path / "brief.pdf"
    assert page_count(out) == 1
    text = pdf_text(out)
    for words in (HEADLINE, "72 / 100", "up 6 points since last quarter",
                  "Churn avoided", "$300,000", "Roll out to the EMEA support team", "Owner0",
                  "1 Dec 2026", "Thu 18 Feb 2027", "and 2 more in the handout",
                  "Dana Воронова", "Söhne"):
        assert words in text, words
    # The CSM's list of what is missing stays in the app: the brief goes to the customer.
    assert "No ROI model" not in text and "What is missing" not in text
    assert "Owner6" not in text  # six action items at most
    if font_report().cjk_embedded:
        assert CJK_NAME in text
    assert not list(tmp_path.glob("*.part"))  # no temp file left


def test_brief_prints_markup_literally_and_embeds_fonts(tmp_path: Path) -> None:
    out = write_brief(realistic_content(account_name="Acme <b>Bold</b> \x00\x07Co\ufffe"),
                      tmp_path / "brief.pdf")
    text = pdf_text(out)
    for injected in INJECTIONS:
        assert injected in text, injected
    assert "Acme <b>Bold</b> Co" in text
    assert b"/Subtype /Image" not in out.read_bytes()  # no <img> was followed
    assert_valid_and_embedded(out)


def test_a_long_story_keeps_the_brief_on_one_page(tmp_path: Path) -> None:
    story = ("We saved hours every week in support and finance. " * 100)[:5000]
    long = "An unusually long priority that keeps going and going " * 8
    out = write_brief(realistic_content(value_story=story, account_name="A" * 300,
                                        priorities=(long,) * 12),
                      tmp_path / "brief.pdf")
    assert page_count(out) == 1
    assert "…" in pdf_text(out)


def test_an_empty_brief_leaves_out_what_it_cannot_say(tmp_path: Path) -> None:
    empty = DeckContent("Empty Co", DeckVariant.DIGITAL, "2026 Q4", date(2026, 10, 1),
                        "", "EUR", default_outline(DeckVariant.DIGITAL))
    out = write_brief(empty, tmp_path / "brief.pdf")
    assert page_count(out) == 1
    assert "595" in run("pdfinfo", str(out))  # A4 for a euro account
    text = pdf_text(out)
    assert "Empty Co" in text and "1 Oct 2026" in text
    for heading in ("Health", "Top outcomes", "Priorities", "Action items", "Goals"):
        assert heading not in text, heading
    for placeholder in ("not available yet", "to be agreed", "No score", "To be scheduled"):
        assert placeholder not in text
    assert "What is missing" not in text and "ROI model" not in text
    assert_valid_and_embedded(out)


def test_fonts_are_reported_and_markup_escapes_before_tagging() -> None:
    report = font_report()
    assert report.main_file is not None and report.main_file.endswith("DejaVuSans.ttf")
    assert report.cjk_embedded == (report.cjk_file is not None)
    print(report.summary)  # visible with -s: which CJK font this machine used
    tagged = markup('<a href="x">株</a> R&D\x00')
    assert tagged.startswith("&lt;a href=\"x\"&gt;<font name=")
    assert tagged.endswith("</font>&lt;/a&gt; R&amp;D")
    noto = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    if noto.exists():  # CFF outlines: reportlab cannot embed them, so they are skipped
        assert load_truetype_cjk(str(noto)) is None

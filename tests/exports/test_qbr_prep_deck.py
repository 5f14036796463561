"""From a CRM export and a usage export only, through `qbr import` and `qbr export deck`, to a
Strategic account's deck with its usage slides filled and no placeholder, as LibreOffice
renders it.

The exports (tests/data/imports/qbr_prep, written by make_usage_samples.py) are shaped as
HubSpot and a customer-success tool set to German write them, not as QBR Desktop names
things. The slides' page images and a contact sheet of them are left in
test-artifacts/qbr-prep/ for a person to look at, with each page's ink coverage.
"""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from render_support import convert, ink_coverage
from tests_support import require_tool

from qbr_desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
PREP = ROOT / "tests" / "data" / "imports" / "qbr_prep"
ARTIFACTS = ROOT / "test-artifacts" / "qbr-prep"
ACCOUNT = "Lumière Bank S.A."
#: The slides a usage export fills in, by their Executive titles.
USAGE_SLIDES = ("Executive summary", "Usage and adoption over time",
                "Adoption against your peers", "Support summary", "Appendix: metric detail")
PLACEHOLDERS = ("not available yet", "to be agreed together", "to be confirmed",
                "still to be written", "No data", "no usage")


def qbr(*argv: str | Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(arg) for arg in argv], out=out, err=err)
    assert code == 0, err.getvalue()
    return out.getvalue()


def slide_texts(deck: Path) -> list[str]:
    texts = []
    for slide in Presentation(str(deck)).slides:
        frames = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        texts.append("\n".join([*frames, notes]))
    return texts


def test_a_crm_and_a_usage_export_make_a_strategic_deck_without_placeholders(
        tmp_path: Path) -> None:
    db = tmp_path / "portfolio.sqlite"
    imported = qbr("--db", db, "import", "accounts", PREP / "hubspot_companies.csv", "--apply")
    assert imported.splitlines()[-1] == "Imported: 6 new, 0 updated, 0 rejected."
    usage = qbr("--db", db, "import", "metrics", PREP / "gainsight_usage_de.csv", "--apply")
    assert "  periods              one column each        ← 21 monthly columns, 2025-01 to " \
           "2026-09" in usage.splitlines()
    assert ("Note: Months were rolled up to quarters. Active users: the last month's value; "
            "Licensed seats: the last month's value;") in usage
    assert "Logins: the sum of the months; Support tickets: the sum of the months; CSAT (1–5): " \
           "the average of the months" in usage
    assert ("Not found: 2 accounts in the file match none in the portfolio (by CRM id or "
            "name): “QA Testmandant (intern)” (8 rows), “Vandelay Industries” (8 rows).") in usage
    assert usage.splitlines()[-1] == "Imported: 280 new, 0 updated metric values; 16 rows " \
                                     "rejected."
    accounts = {a["name"]: a for a in json.loads(qbr("--db", db, "accounts", "list", "--json"))}
    assert accounts[ACCOUNT]["tier"] == "Strategic"

    deck = tmp_path / "lumiere.pptx"
    report = qbr("--db", db, "export", "deck", ACCOUNT, "--out", deck)
    for slide in ("Summary", "Usage trend", "Peer comparison", "Support summary", "Appendix"):
        assert f"slide {slide}: left out" not in report
    texts = slide_texts(deck)
    titles = [text.splitlines()[0] for text in texts]
    for title in USAGE_SLIDES:
        assert title in titles
    everything = "\n".join(texts)
    for placeholder in PLACEHOLDERS:
        assert placeholder not in everything
    charts = {shape.chart.plots[0].series[0].name: shape.chart
              for slide in Presentation(str(deck)).slides for shape in slide.shapes
              if shape.has_chart}
    usage_chart = charts["Active users"].plots[0]
    assert list(usage_chart.categories) == ["2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4",
                                            "2026 Q1", "2026 Q2", "2026 Q3"]
    # Active users is a level: each quarter shows its last month (March, June, ...).
    assert list(usage_chart.series[0].values) == [479, 520, 553, 581, 623, 653, 690]

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages = render_pages(deck, tmp_path)
    ink = ink_coverage(tmp_path / f"{deck.stem}.pdf", tmp_path / "ink")
    assert len(pages) == len(titles) and all(share > 0.05 for share in ink)
    (ARTIFACTS / "ink.txt").write_text("".join(
        f"{n:2d}  {share:6.1%}  {title}\n" for n, (share, title) in
        enumerate(zip(ink, titles, strict=True), start=1)), encoding="utf-8")
    sheet = contact_sheet(pages, titles, ARTIFACTS / "contact-sheet.png")
    assert sheet.stat().st_size > 10_000


def render_pages(deck: Path, folder: Path) -> list[Path]:
    """The deck as LibreOffice renders it: one PNG a slide, copied to the artifacts."""
    convert([deck], folder)
    (folder / "ink").mkdir()
    pdftoppm = require_tool("pdftoppm")
    subprocess.run([pdftoppm, "-r", "60", "-png", str(folder / f"{deck.stem}.pdf"),
                    str(ARTIFACTS / "slide")], check=True, capture_output=True)
    return sorted(ARTIFACTS.glob("slide-*.png"))


def contact_sheet(pages: list[Path], titles: list[str], target: Path) -> Path:
    """All slides on one image, three to a row, numbered and titled."""
    from PIL import Image, ImageDraw, ImageFont

    images = [Image.open(page).convert("RGB") for page in pages]
    width, height = images[0].size
    columns, gap, caption = 3, 16, 30
    import matplotlib  # its DejaVu Sans has the accents of the accounts' names

    font = ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" /
                                  "DejaVuSans.ttf"), 20)
    rows = -(-len(images) // columns)
    sheet = Image.new("RGB", (columns * (width + gap) + gap,
                              rows * (height + caption + gap) + gap), "#d9dde3")
    draw = ImageDraw.Draw(sheet)
    for n, (image, title) in enumerate(zip(images, titles, strict=True)):
        left = gap + (n % columns) * (width + gap)
        top = gap + (n // columns) * (height + caption + gap)
        draw.text((left, top + 3), f"{n + 1}. {title}", fill="#1f2933", font=font)
        sheet.paste(image, (left, top + caption))
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part.png")
    sheet.save(partial)
    partial.replace(target)
    return target


@pytest.fixture(autouse=True)
def _fresh_artifacts() -> None:
    """Slides of an earlier run never mix with this one's."""
    for old in ARTIFACTS.glob("slide-*.png"):
        old.unlink()

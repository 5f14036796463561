"""Reading a deck as LibreOffice renders it: the PDF's words with their boxes and font
sizes, and how much of each page carries ink."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

from tests_support import require_tool

POINTS_PER_EMU = 1 / 12700
FOOTER_BAND_PT = 0.55 * 72  # the footer sits in the slide's last half inch
GRID_PX = 5  # an ink cell at 20 dpi: about a quarter inch
INK_BELOW = 235  # a pixel with a channel below this is not background


@dataclass
class Word:
    text: str
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in points


@dataclass
class Page:
    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    lines: list[list[str]] = field(default_factory=list)
    sizes: list[tuple[int, float, str]] = field(default_factory=list)  # size, top, text


def convert(decks: list[Path], folder: Path) -> None:
    """All decks to PDF in one LibreOffice run (its start-up is most of the cost)."""
    office = require_tool("soffice")
    profile = folder / "lo-profile"
    subprocess.run([office, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, decks)],
                   check=True, capture_output=True, timeout=600)


def read_pages(pdf: Path) -> list[Page]:
    require_tool("pdftotext")
    require_tool("pdftohtml")
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                            capture_output=True, text=True).stdout
    namespace = "{http://www.w3.org/1999/xhtml}"
    root = ElementTree.fromstring(layout)
    pages = []
    for element in root.iter(f"{namespace}page"):
        page = Page(float(element.get("width", 0)), float(element.get("height", 0)))
        for line in element.iter(f"{namespace}line"):
            words = [w for w in line.iter(f"{namespace}word")]
            page.lines.append([w.text or "" for w in words])
            page.words += [Word(w.text or "", tuple(float(w.get(k, 0)) for k in (  # type: ignore[misc]
                "xMin", "yMin", "xMax", "yMax"))) for w in words]
        pages.append(page)
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-zoom", "1", "-stdout", str(pdf)],
                         check=True, capture_output=True, text=True).stdout
    # A font is declared once, on the first page that uses it.
    fonts = {m[0]: float(m[1]) for m in re.findall(r'<fontspec id="(\d+)" size="([\d.]+)"',
                                                   xml)}
    for number, chunk in enumerate(re.split(r"<page number=", xml)[1:]):
        for top, font, text in re.findall(
                r'<text top="([\d.-]+)"[^>]*font="(\d+)">(.*?)</text>', chunk):
            plain = re.sub(r"<[^>]+>", "", text).strip()
            if plain:
                pages[number].sizes.append((fonts[font], float(top), plain))
    return pages


def ink_coverage(pdf: Path, folder: Path) -> list[float]:
    """Per page, the share of quarter-inch cells with anything drawn in them."""
    from PIL import Image

    require_tool("pdftoppm")
    prefix = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(prefix)], check=True,
                   capture_output=True)
    shares = []
    for image_path in sorted(folder.glob(f"{pdf.stem}-*.png")):
        image = Image.open(image_path).convert("L")
        width, height = image.size
        pixels = image.load()
        assert pixels is not None
        cells = inked = 0
        for top in range(0, height - GRID_PX + 1, GRID_PX):
            for left in range(0, width - GRID_PX + 1, GRID_PX):
                cells += 1
                inked += any(pixels[x, y] < INK_BELOW for x in range(left, left + GRID_PX)
                             for y in range(top, top + GRID_PX))
        shares.append(inked / cells)
    return shares

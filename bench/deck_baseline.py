"""The baseline for the deck benchmark: the same slides, written by the plainest python-pptx calls.

`read_slides` reads the deck our writer produced (outside the timed part) and records what
is on each slide: the layout, the title, every other shape in z-order with its position and
text (runs with size, bold and colour; paragraph alignment), rectangles' fills, tables'
cells, pictures' bytes, charts' data, and the speaker notes. `write_baseline` replays those
records with nothing but the obvious python-pptx calls (add_slide, add_textbox, add_shape,
add_table, add_picture, add_chart with CategoryChartData, notes_text_frame.text) and saves.

So both decks hold the same content, and `write_deck` / `write_baseline` measures what our
writer adds (text fitting, sanitising, chart styling, layout decisions) rather than
python-pptx's own cost of writing those shapes. A chart keeps its title (it is text on the
slide) but no other styling: fonts, colours, legend, axes and labels stay python-pptx's
defaults. Text frame settings (insets, anchors, wrapping) and shape outlines are not copied.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_COLOR_TYPE, MSO_FILL
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE_TYPE
from pptx.util import Emu

SLIDE_SIZE = (12192000, 6858000)  # EMU, 13.333 in × 7.5 in, as write_deck sets it

Box = tuple[int, int, int, int]  # left, top, width, height in EMU


@dataclass(frozen=True)
class Run:
    text: str
    size: int | None  # EMU (python-pptx Length), None when inherited
    bold: bool | None
    rgb: str | None  # "RRGGBB"


@dataclass(frozen=True)
class Paragraph:
    alignment: Any  # PP_ALIGN or None
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class ShapeSpec:
    """One shape. kind: "text" (text box), "rect" (auto shape), "table", "picture", "chart",
    "line" (a connector; box holds its two ends)."""

    kind: str
    box: Box
    paragraphs: tuple[Paragraph, ...] = ()  # text and rect
    auto_shape: Any = None  # rect: MSO_SHAPE
    fill: str | None = None  # rect: solid fill
    column_widths: tuple[int, ...] = ()  # table
    cells: tuple[tuple[tuple[str, str | None, Run | None], ...], ...] = ()  # (text, fill, font)
    blob: bytes = b""  # picture
    chart_type: Any = None  # chart: XL_CHART_TYPE
    title: str = ""  # chart title
    categories: tuple[str, ...] = ()
    series: tuple[tuple[str, tuple[float | None, ...]], ...] = ()
    number_format: str = "General"

    def texts(self) -> list[str]:
        """The words this shape puts on the slide (for comparing two decks)."""
        if self.kind == "table":
            return [text for row in self.cells for text, _, _ in row]
        if self.kind == "chart":
            return [self.title]
        return ["\n".join("".join(r.text for r in p.runs) for p in self.paragraphs)]


@dataclass(frozen=True)
class SlideSpec:
    layout: int  # index in the default template's layouts
    title: str | None
    title_box: Box | None
    shapes: list[ShapeSpec] = field(default_factory=list)
    notes: str = ""

    def texts(self) -> list[tuple[str, list[str]]]:
        """(kind, words) of the title, each shape in z-order, and the notes."""
        return [("title", [self.title or ""]),
                *[(shape.kind, shape.texts()) for shape in self.shapes],
                ("notes", [self.notes])]


# Reading our deck (not timed) ----------------------------------------------------------------
def _box(shape: Any) -> Box:
    return int(shape.left), int(shape.top), int(shape.width), int(shape.height)


def _colour(font: Any) -> str | None:
    return str(font.color.rgb) if font.color.type == MSO_COLOR_TYPE.RGB else None


def _fill(fill: Any) -> str | None:
    return str(fill.fore_color.rgb) if fill.type == MSO_FILL.SOLID else None


def _run(run: Any) -> Run:
    size = run.font.size
    return Run(run.text, None if size is None else int(size), run.font.bold, _colour(run.font))


def _paragraphs(frame: Any) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(p.alignment, tuple(_run(r) for r in p.runs))
                 for p in frame.paragraphs)


def _table(shape: Any) -> ShapeSpec:
    table = shape.table
    cells = tuple(tuple(
        (cell.text, _fill(cell.fill),
         next((_run(r) for p in cell.text_frame.paragraphs for r in p.runs), None))
        for cell in row.cells) for row in table.rows)
    return ShapeSpec("table", _box(shape), column_widths=tuple(int(c.width)
                                                               for c in table.columns),
                     cells=cells)


def _chart(shape: Any) -> ShapeSpec:
    chart = shape.chart
    plot = chart.plots[0]
    codes = plot._element.xpath("./c:ser/c:val//c:formatCode")
    return ShapeSpec(
        "chart", _box(shape), chart_type=chart.chart_type,
        title=chart.chart_title.text_frame.text if chart.has_title else "",
        categories=tuple(str(c) for c in plot.categories),
        series=tuple((s.name, tuple(s.values)) for s in plot.series),
        number_format=codes[0].text if codes else "General")


def _shape(shape: Any) -> ShapeSpec:
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return _chart(shape)
    if getattr(shape, "has_table", False) and shape.has_table:
        return _table(shape)
    if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
        return ShapeSpec("picture", _box(shape), blob=shape.image.blob)
    if shape.shape_type == MSO_SHAPE_TYPE.TEXT_BOX:
        return ShapeSpec("text", _box(shape), paragraphs=_paragraphs(shape.text_frame))
    if shape.shape_type == MSO_SHAPE_TYPE.LINE or shape.name.startswith("Connector"):
        return ShapeSpec("line", (int(shape.begin_x), int(shape.begin_y), int(shape.end_x),
                                  int(shape.end_y)))
    if shape.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE:
        return ShapeSpec("rect", _box(shape), paragraphs=_paragraphs(shape.text_frame),
                         auto_shape=shape.auto_shape_type, fill=_fill(shape.fill))
    raise ValueError(f"the baseline cannot replay a {shape.shape_type} shape ({shape.name})")


def read_slides(deck_path: Path) -> list[SlideSpec]:
    """What is on each slide of the deck at `deck_path`, in a form `write_baseline` replays."""
    deck = Presentation(str(deck_path))
    if (deck.slide_width, deck.slide_height) != SLIDE_SIZE:
        raise ValueError(f"the deck is {deck.slide_width} × {deck.slide_height} EMU, "
                         f"not {SLIDE_SIZE[0]} × {SLIDE_SIZE[1]}")
    layouts = [layout.name for layout in Presentation().slide_layouts]
    specs = []
    for slide in deck.slides:
        name = slide.slide_layout.name
        if name not in layouts:
            raise ValueError(f"layout {name!r} is not in python-pptx's default template")
        title = slide.shapes.title
        shapes = [_shape(s) for s in slide.shapes if title is None or s.shape_id != title.shape_id]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        specs.append(SlideSpec(layouts.index(name),
                               None if title is None else title.text_frame.text,
                               None if title is None else _box(title), shapes, notes))
    return specs


# Writing the baseline (timed) ----------------------------------------------------------------
def _write_text(frame: Any, paragraphs: tuple[Paragraph, ...]) -> None:
    for index, spec in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        if spec.alignment is not None:
            paragraph.alignment = spec.alignment
        for run_spec in spec.runs:
            _set_font(paragraph.add_run(), run_spec, text=True)


def _set_font(run: Any, spec: Run, *, text: bool = False) -> None:
    if text:
        run.text = spec.text
    if spec.size is not None:
        run.font.size = Emu(spec.size)
    if spec.bold is not None:
        run.font.bold = spec.bold
    if spec.rgb is not None:
        run.font.color.rgb = RGBColor.from_string(spec.rgb)


def _add(slide: Any, spec: ShapeSpec) -> None:
    shapes = slide.shapes
    if spec.kind == "text":
        _write_text(shapes.add_textbox(*spec.box).text_frame, spec.paragraphs)
    elif spec.kind == "rect":
        shape = shapes.add_shape(spec.auto_shape, *spec.box)
        if spec.fill is not None:
            shape.fill.solid()
            shape.fill.fore_color.rgb = RGBColor.from_string(spec.fill)
        if any(p.runs for p in spec.paragraphs):
            _write_text(shape.text_frame, spec.paragraphs)
    elif spec.kind == "table":
        table = shapes.add_table(len(spec.cells), len(spec.column_widths), *spec.box).table
        for column, width in zip(table.columns, spec.column_widths, strict=True):
            column.width = Emu(width)
        for r, row in enumerate(spec.cells):
            for c, (text, fill, font) in enumerate(row):
                cell = table.cell(r, c)
                cell.text = text
                if fill is not None:
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = RGBColor.from_string(fill)
                if font is not None:
                    for paragraph in cell.text_frame.paragraphs:
                        for run in paragraph.runs:
                            _set_font(run, font)
    elif spec.kind == "picture":
        shapes.add_picture(io.BytesIO(spec.blob), *spec.box)
    elif spec.kind == "line":
        shapes.add_connector(MSO_CONNECTOR.STRAIGHT, *spec.box)
    elif spec.kind == "chart":
        data = CategoryChartData(number_format=spec.number_format)
        data.categories = spec.categories
        for name, values in spec.series:
            data.add_series(name, values)
        chart = shapes.add_chart(spec.chart_type, *spec.box, data).chart
        chart.has_title = bool(spec.title)
        if spec.title:
            chart.chart_title.text_frame.text = spec.title


def write_baseline(specs: list[SlideSpec], out: Path) -> None:
    """Write the slides described by `specs` to `out` with the plainest python-pptx calls."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = Emu(SLIDE_SIZE[0]), Emu(SLIDE_SIZE[1])
    for spec in specs:
        slide = presentation.slides.add_slide(presentation.slide_layouts[spec.layout])
        title = slide.shapes.title
        if title is not None and spec.title_box is not None:
            title.left, title.top, title.width, title.height = spec.title_box
            title.text_frame.text = spec.title or ""
        for shape in spec.shapes:
            _add(slide, shape)
        slide.notes_slide.notes_text_frame.text = spec.notes
    presentation.save(str(out))

"""Drawing on one QBR slide: text that fits its box, KPI cards, progress bars, native
charts and tables, on one type scale and one grid.

`deck_pptx.write_deck` opens the presentation and walks the outline; deck_pages draws what
each SlideKind shows. Every string that reaches the file passes through `clean` first.

Type scale (points): title slide 44, slide titles 30, KPI figures 40, headings 20, body 18,
small 14, captions and table cells 12, footers 10. Nothing but the footer is under 12 pt.
Grid: 12 columns between 0.5 in margins with 0.25 in gutters (Page.columns).

Text is sized by estimate (deck_text); text cut to fit is written whole into the notes.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt
from xlsxwriter import Workbook

from qbr_desktop.domain.customer_words import listed
from qbr_desktop.domain.deck import ChartData, DeckContent, KpiFigure
from qbr_desktop.domain.roi_story import format_amount
from qbr_desktop.exports.deck_text import (  # re-exported: the writers' one import
    ELLIPSIS,
    LINE_SPACING,
    Fitted,
    count_lines,
    fit,
    fits,
    lines_em,
    text_em,
)
from qbr_desktop.exports.deck_text import glyphs as _glyphs
from qbr_desktop.exports.visual_text import isolate
from qbr_desktop.i18n import Catalogue, catalogue

INK, MUTED, GOOD, BAD, PEER = "1F2933", "7B8794", "2E9E5B", "D64545", "9AA5B1"
PALETTE_AFTER_ACCENT = (PEER, GOOD, "D9A400", BAD)
# A header word must fit whole even in DejaVu Sans Bold, which viewers without the theme's
# font fall back to: wider than the average used for wrapping body text.
HEADER_GLYPH_EM = 0.72
BODY_PT, BODY_MIN_PT, TITLE_PT, TITLE_MIN_PT = 18, 12, 30, 20
DISPLAY_PT, KPI_PT, KPI_MIN_PT, HEADING_PT, SMALL_PT, CAPTION_PT, FOOTER_PT = (
    44, 40, 20, 20, 14, 12, 10)
TABLE_PT, MAX_TABLE_ROWS, ROW_MAX = 12, 8, Inches(0.5)
COLUMNS, GUTTER = 12, Inches(0.25)
CARD_FILL, TRACK = "F1F3F5", "E4E7EB"

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    """The text with XML-illegal characters removed; tabs and newlines stay.

    The one function every string goes through on its way into the deck: slide text,
    notes, chart titles, categories and series names, and the core properties.
    """
    return _ILLEGAL.sub("", str(text))


# Estimating text size: deck_text (re-exported here for the writers and their tests).
# The workbook behind each chart ------------------------------------------------------------
class _LiteralCells(CategoryWorkbookWriter):
    """Writes every label as plain text. python-pptx's own writer lets XlsxWriter turn a
    name starting with "=" into a live formula, and "http://…" into a link, in the workbook
    the customer opens with "Edit Data"."""

    @contextmanager
    def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, Any]]:
        workbook = Workbook(xlsx_file, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False})
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


class LiteralChartData(CategoryChartData):
    """CategoryChartData whose embedded workbook holds labels as text only."""

    @cached_property
    def _workbook_writer(self) -> CategoryWorkbookWriter:
        return _LiteralCells(self)


def column_widths(headers: Sequence[str], width: int, shares: Sequence[float]) -> list[int]:
    """Widths in EMU by `shares`, widened where a header's longest word would break
    ("Confidenc|e"), taking the room from columns that can spare it."""
    total = sum(shares)
    widths = [int(width * share / total) for share in shares]
    em = HEADER_GLYPH_EM * TABLE_PT * 12700
    needed = [int(max((_glyphs(word) for word in clean(h).split()), default=0) * em)
              + 2 * INSET_X + 1 for h in headers]
    if sum(needed) > width:
        return widths
    short = sum(max(n - w, 0) for n, w in zip(needed, widths, strict=True))
    spare = sum(max(w - n, 0) for n, w in zip(needed, widths, strict=True))
    if not short:
        return widths
    return [n if w < n else w - int((w - n) * short / spare)
            for n, w in zip(needed, widths, strict=True)]


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def money(amount: Decimal | None, currency: str) -> str:
    """The amount as the ROI tab and the deck's headline write it ("₹458,380"); "—" for none."""
    return "—" if amount is None else clean(format_amount(amount, currency))


__all__ = ["ELLIPSIS", "Fitted", "count_lines", "fit", "fits", "lines_em", "text_em"]


# Where things go on a slide --------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Frame:
    width: int
    height: int
    margin: int = Inches(0.5)
    body_top: int = Inches(1.45)

    @property
    def footer_top(self) -> int:
        return self.height - Inches(0.45)

    @property
    def body_bottom(self) -> int:
        return self.footer_top - Inches(0.1)

    @property
    def body_width(self) -> int:
        return self.width - 2 * self.margin

    @property
    def body_height(self) -> int:
        return self.body_bottom - self.body_top


INSET_X, INSET_Y = Inches(0.1), Inches(0.05)


@dataclass
class Page:
    """One slide being drawn, and the notes gathered while drawing it."""

    slide: Any
    frame: Frame
    accent: str
    own_style: bool  # a CSM template: keep its title look
    content: DeckContent
    extra_notes: list[str] = field(default_factory=list)
    frame_bottom: int | None = None  # a table ends above this (a band below it), if set

    # The deck's own words, in the account's language (the content's are already in it).
    @property
    def book(self) -> Catalogue:
        return catalogue(self.content.language)

    def gettext(self, template: str, **fields: Any) -> str:
        return self.book.gettext(template, **fields)

    def ngettext(self, singular: str, plural: str, count: int, **fields: Any) -> str:
        return self.book.ngettext(singular, plural, count, **fields)

    def title(self, text: str, *, logo_width: int = 0, top: int | None = None,
              height: int | None = None, largest: int = TITLE_PT,
              smallest: int = TITLE_MIN_PT, left: int | None = None,
              width: int | None = None, colour: str | None = INK) -> None:
        frame = self.frame
        shape = self.slide.shapes.title
        if shape is None or shape.width is None or not self.own_style or top is not None:
            if shape is None:
                shape = self.slide.shapes.add_textbox(0, 0, 1, 1)
                shape.name = "Title"
            shape.left = frame.margin if left is None else left
            shape.top = Inches(0.3) if top is None else top
            shape.width = (frame.body_width - (logo_width + Inches(0.2) if logo_width else 0)
                           if width is None else width)
            shape.height = Inches(0.95) if height is None else height
        elif logo_width and shape.left + shape.width > frame.width - frame.margin - logo_width:
            left, top_, height_ = shape.left, shape.top, shape.height  # inherited: set all
            shape.left, shape.top, shape.height = left, top_, height_
            shape.width = max(frame.width - frame.margin - logo_width - Inches(0.2) - left,
                              Inches(1))
        self.write(shape, text, largest, smallest, bold=True, colour=None if self.own_style
                    else colour, align=None if self.own_style else PP_ALIGN.LEFT,
                    anchor=MSO_ANCHOR.MIDDLE)
        if not self.own_style and top is None:
            self.rect(frame.margin, Inches(1.25), Inches(1.2), Inches(0.06), self.accent)

    def text(self, text: str, left: int, top: int, width: int, height: int, *,
             largest: int = BODY_PT, smallest: int = BODY_MIN_PT, bold: bool = False,
             colour: str | None = INK, bullets: bool = False,
             align: Any = PP_ALIGN.LEFT, anchor: Any = MSO_ANCHOR.TOP) -> Any:
        shape = self.slide.shapes.add_textbox(left, top, width, height)
        self.write(shape, text, largest, smallest, bold=bold, colour=colour, align=align,
                    anchor=anchor, bullets=bullets)
        return shape

    def bullets(self, items: Sequence[str], left: int, top: int, width: int,
                height: int, **kwargs: Any) -> None:
        self.text("\n".join(items), left, top, width, height, bullets=True, **kwargs)

    def write(self, shape: Any, text: str, largest: int, smallest: int, *, bold: bool,
               colour: str | None, align: Any, anchor: Any, bullets: bool = False) -> None:
        text = clean(text).replace("\r", "")
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = INSET_X
        frame.margin_top = frame.margin_bottom = INSET_Y
        shown = "\n".join("• " + line for line in text.split("\n")) if bullets else text
        gap = 6.0 if bullets else 0.0
        fitted = fit(shown, shape.width - 2 * INSET_X, shape.height - 2 * INSET_Y, largest,
                     smallest, bold=bold, gap_pt=gap)
        if fitted.cut:
            self.extra_notes.append(self.gettext("Full text (shortened on the slide):")
                                    + f"\n{text}")
        frame.text = ""
        for index, line in enumerate(fitted.text.split("\n")):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            if align is not None:
                paragraph.alignment = align
            if gap:
                paragraph.space_after = Pt(gap)
            run = paragraph.add_run()
            run.text = line
            font = run.font
            font.size = Pt(fitted.size)
            font.bold = bold
            if colour is not None:
                font.color.rgb = rgb(colour)

    def rect(self, left: int, top: int, width: int, height: int, fill: str,
             line: str | None = None) -> Any:
        shape = self.slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(fill)
        if line is None:
            shape.line.fill.background()
        else:
            shape.line.color.rgb = rgb(line)
        shape.shadow.inherit = False
        return shape

    def footer(self, number: int) -> None:
        content, frame = self.content, self.frame
        words = f"{isolate(content.account_name)} · {content.quarter} · {number}"
        shape = self.text(words, frame.margin, frame.footer_top, frame.body_width,
                          Inches(0.35), largest=FOOTER_PT, smallest=9, colour=MUTED,
                          anchor=MSO_ANCHOR.MIDDLE)
        shape.name = "Footer"

    # The grid ------------------------------------------------------------------------------
    def columns(self, first: int, span: int) -> tuple[int, int]:
        """(left, width) of `span` of the 12 grid columns starting at `first` (0-based)."""
        frame = self.frame
        column = (frame.body_width - GUTTER * (COLUMNS - 1)) / COLUMNS
        left = frame.margin + int(first * (column + GUTTER))
        return left, int(span * column + (span - 1) * GUTTER)

    def card(self, kpi: KpiFigure, left: int, top: int, width: int, height: int, *,
             fill: str = CARD_FILL) -> None:
        """A KPI card: the figure big in the accent colour, its label and a detail under it."""
        self.rect(left, top, width, height, fill)
        pad = Inches(0.15)
        inner = width - 2 * pad
        figure = int(height * 0.48)
        # A figure is never broken ("$711,36" / "0"): fit() shrinks it first.
        self.text(kpi.value, left + pad, top + pad, inner, figure, largest=KPI_PT,
                  smallest=KPI_MIN_PT, bold=True, colour=self.accent,
                  anchor=MSO_ANCHOR.BOTTOM)
        rest = height - figure - 2 * pad
        label_h = min(Inches(0.6), rest)
        self.text(kpi.label, left + pad, top + pad + figure, inner, label_h,
                  largest=SMALL_PT + 2, smallest=CAPTION_PT, bold=True, colour=INK)
        if kpi.detail and rest - label_h >= Inches(0.3):
            self.text(kpi.detail, left + pad, top + pad + figure + label_h, inner,
                      rest - label_h, largest=SMALL_PT, smallest=CAPTION_PT, colour=MUTED)

    def cards(self, kpis: Sequence[KpiFigure], top: int, height: int) -> None:
        """Up to four cards side by side across the grid."""
        shown = list(kpis)[:4]
        if not shown:
            return
        span = COLUMNS // len(shown)
        for index, kpi in enumerate(shown):
            left, width = self.columns(index * span, span)
            self.card(kpi, left, top, width, height)

    def progress(self, share: float | None, left: int, top: int, width: int,
                 height: int) -> None:
        """A bar from baseline (empty) to target (full); past the target it is full."""
        self.rect(left, top, width, height, TRACK)
        if share is not None and share > 0:
            self.rect(left, top, max(int(width * min(share, 1.0)), 1), height,
                      GOOD if share >= 1 else self.accent)

    def missing(self, sentence: str, top: int | None = None) -> None:
        frame = self.frame
        self.text(sentence, frame.margin, frame.body_top if top is None else top,
                  frame.body_width, Inches(1.2), largest=22, smallest=BODY_MIN_PT,
                  colour=MUTED)

    # Tables -------------------------------------------------------------------------------
    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], left: int,
              top: int, width: int, shares: Sequence[float]) -> None:
        """At most MAX_TABLE_ROWS rows on the slide; the rest, and any cell text cut to fit,
        go to the notes."""
        bottom = self.frame.body_bottom if self.frame_bottom is None else self.frame_bottom
        room = bottom - top  # a row of two 12 pt lines is at most 0.5 in
        limit = min(MAX_TABLE_ROWS, max(int(room // ROW_MAX) - 1, 1))
        if len(rows) > limit:  # leave a line for "+N more"
            limit = min(MAX_TABLE_ROWS, max(int((room - Inches(0.4)) // ROW_MAX) - 1, 1))
        shown, hidden = list(rows[:limit]), list(rows[limit:])
        # Few rows get taller ones, up to 0.6 in: the list reads better from the back.
        row_height = max(Inches(0.4), min(Inches(0.6), (room - Inches(0.1))
                                          // (len(shown) + 1)))
        graphic = self.slide.shapes.add_table(len(shown) + 1, len(headers), left, top, width,
                                              row_height * (len(shown) + 1))
        table = graphic.table
        widths = column_widths(headers, width, shares)
        for column, column_width in zip(table.columns, widths, strict=True):
            column.width = Emu(column_width)
        for row in table.rows:
            row.height = Emu(row_height)
        cut: list[str] = []
        for r, values in enumerate([list(headers), *[list(v) for v in shown]]):
            for c, value in enumerate(values):
                cell = table.cell(r, c)
                value = clean(value)
                fitted = fit(value, widths[c] - 2 * INSET_X,
                             Pt(2 * TABLE_PT * LINE_SPACING + 1), TABLE_PT, TABLE_PT,
                             bold=r == 0)
                if fitted.cut:
                    cut.append(value)
                cell.text = fitted.text
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb(self.accent if r == 0 else
                                               ("F7F8FA" if r % 2 else "EDF0F3"))
                for paragraph in cell.text_frame.paragraphs:
                    for run in paragraph.runs:
                        font = run.font
                        font.size = Pt(TABLE_PT)
                        font.bold = r == 0
                        font.color.rgb = rgb("FFFFFF" if r == 0 else INK)
        if hidden:
            self.text(self.gettext("+{count} more in the notes", count=len(hidden)), left,
                      bottom - Inches(0.4), width, Inches(0.4),
                      largest=12, smallest=12, colour=MUTED)
            self.extra_notes.append(self.gettext("More rows:") + "\n" + "\n".join(
                " · ".join(clean(v) for v in row) for row in hidden))
        if cut:
            self.extra_notes.append(self.gettext("Full cell text:") + "\n" + "\n".join(cut))

    # Charts -------------------------------------------------------------------------------
    def chart(self, data: ChartData, left: int, top: int, width: int, height: int, *,
              kind: str | None = None) -> Any:
        """A native chart; the caller has checked `has_points(data)`."""
        count = len(data.categories)
        chart_data = LiteralChartData(number_format=data.number_format)
        chart_data.categories = [clean(c) for c in data.categories]
        for index, series in enumerate(data.series):
            values = [_number(v) for v in series.values[:count]]
            values += [None] * (count - len(values))
            chart_data.add_series(clean(series.name) or f"Series {index + 1}", values,
                                  number_format=data.number_format)
        kind = kind or data.kind
        chart_type = {"line": XL_CHART_TYPE.LINE_MARKERS,
                      "column_stacked": XL_CHART_TYPE.COLUMN_STACKED}.get(
                          kind, XL_CHART_TYPE.COLUMN_CLUSTERED)
        chart = self.slide.shapes.add_chart(chart_type, left, top, width, height,
                                            chart_data).chart
        chart.font.size = Pt(CAPTION_PT)
        chart.has_title = bool(clean(data.title).strip())
        if chart.has_title:
            chart.chart_title.text_frame.text = clean(data.title)
            font = chart.chart_title.text_frame.paragraphs[0].runs[0].font
            font.size, font.bold = Pt(SMALL_PT), True
        chart.has_legend = len(data.series) > 1
        if chart.has_legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
            chart.legend.font.size = Pt(CAPTION_PT)
        axis = chart.value_axis
        axis.tick_labels.number_format = data.number_format
        axis.tick_labels.number_format_is_linked = False
        axis.tick_labels.font.size = Pt(CAPTION_PT)
        chart.category_axis.tick_labels.font.size = Pt(CAPTION_PT)
        if data.axis_min is not None:
            axis.minimum_scale = data.axis_min
        if data.axis_max is not None:
            axis.maximum_scale = data.axis_max
        axis.has_major_gridlines = True
        axis.major_gridlines.format.line.color.rgb = rgb(TRACK)
        if data.unit.strip():
            axis.has_title = True
            axis.axis_title.text_frame.text = clean(data.unit)
            axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(CAPTION_PT)
        plot = chart.plots[0]
        if count * len(data.series) <= 24:
            plot.has_data_labels = True
            labels = plot.data_labels
            labels.number_format = data.number_format
            labels.number_format_is_linked = False
            labels.font.size = Pt(CAPTION_PT)
            labels.position = {"line": XL_LABEL_POSITION.ABOVE,
                               "column_stacked": XL_LABEL_POSITION.CENTER}.get(
                                   kind, XL_LABEL_POSITION.OUTSIDE_END)
        palette = (self.accent.lstrip("#"), *PALETTE_AFTER_ACCENT)
        for index, series in enumerate(plot.series):
            colour = rgb(palette[index % len(palette)])
            if kind == "line":
                series.format.line.color.rgb = colour
                series.format.line.width = Pt(2.25)
                series.smooth = False
            else:
                series.format.fill.solid()
                series.format.fill.fore_color.rgb = colour
        return chart

    def picture(self, data: bytes, left: int, top: int, width: int, height: int) -> Any:
        picture = self.slide.shapes.add_picture(io.BytesIO(data), left, top, width=width)
        if picture.height > height:
            scale = height / picture.height
            picture.height = height
            picture.width = int(picture.width * scale)
            picture.left = left + (width - picture.width) // 2
        return picture


def _number(value: float | None) -> float | None:
    if value is None:
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def has_points(data: ChartData | None) -> bool:
    """Whether a chart would show anything: categories, and a value in some series."""
    if data is None or not data.categories or not data.series:
        return False
    return any(_number(v) is not None for s in data.series
               for v in s.values[:len(data.categories)])


def chart_summary(data: ChartData | None, book: Catalogue) -> str:
    """One talking point: each series' latest value, in the deck's language."""
    if data is None or not has_points(data):
        return ""
    parts = []
    for series in data.series:
        points = [(c, v) for c, v in zip(data.categories, series.values, strict=False)
                  if _number(v) is not None]
        if points:
            category, value = points[-1]
            parts.append(book.gettext("{series} {value} ({category})", series=series.name,
                                      value=_format(value, data.number_format),
                                      category=category))
    return book.gettext("{chart}: {values}.", chart=data.title,
                        values=listed(parts, book, "; ")) if parts else ""


def _format(value: float | None, number_format: str) -> str:
    number = _number(value) or 0.0
    if "%" in number_format:
        return f"{number * 100:.0f}%"
    prefix = "$" if "$" in number_format else ""
    decimals = len(number_format.split(".")[1].rstrip("%")) if "." in number_format else 0
    return f"{prefix}{number:,.{decimals}f}"

"""The handout: the deck as a printable document, one section per shown slide, in order.

Each section carries the slide's title and its figures from the same DeckContent the deck
renders, so the numbers match: value_headline, roi_text and payback_text are printed
verbatim. Charts are drawn with matplotlib from the ChartData the deck uses (a number
format with "%" shows values as Excel does, 0.25 as 25%). Pages carry the account ·
quarter footer and a page number. Paper follows pdf_fonts.page_size_for.
"""

from __future__ import annotations

import io
import math
import re
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qbr_desktop.atomic_files import replacing
from qbr_desktop.domain.deck import (
    ABSENT,
    NO_PRIORITIES,
    ChartData,
    DeckContent,
    SlideKind,
    SlidePlan,
)
from qbr_desktop.domain.roi_story import format_amount
from qbr_desktop.exports.brief_pdf import (
    MARGIN,
    action_row,
    bullets,
    day,
    footer,
    footer_text,
    health_words,
    para,
    roi_words,
    table,
)
from qbr_desktop.exports.charts import (
    ACCENT,
    GOOD,
    MUTED,
    WARN,
    chart_text,
    new_figure,
    png_bytes,
    style_axes,
)
from qbr_desktop.exports.pdf_fonts import clean, page_size_for, plain, register_fonts, styles
from qbr_desktop.exports.visual_text import isolate

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHART_SIZE = (6.4, 2.8)  # inches, drawn at 150 dpi
CHART_KINDS = ("bar", "line", "column_stacked")
# A table cell must fit on a page: text stored before the 200-character limits (or pasted
# into a title) is cut with … here rather than failing the whole handout.
CELL_LIMIT = 600


class ExportCancelled(Exception):
    """The person cancelled the export; no file was written."""


# Charts -----------------------------------------------------------------------------------
def number_formatter(number_format: str) -> Callable[[float], str]:
    """A Python formatter for an Excel-style format: '"$"#,##0', '0%', '0.0', '#,##0'."""
    prefix_match = re.match(r'^(?:"([^"]*)"|([$€£¥]))', number_format)
    prefix = (prefix_match.group(1) or prefix_match.group(2) or "") if prefix_match else ""
    percent = "%" in number_format
    decimals = len(number_format.split(".", 1)[1].rstrip('%" ')) if "." in number_format \
        else 0
    grouping = "," if "," in number_format else ""

    def fmt(value: float) -> str:
        shown = value * 100 if percent else value
        sign = "-" if shown < 0 else ""
        return f"{sign}{prefix}{abs(shown):{grouping}.{decimals}f}{'%' if percent else ''}"

    return fmt


def chart_png(chart: ChartData, *, dpi: int = 150) -> bytes:
    """The ChartData drawn with matplotlib: grouped bars, lines or stacked columns."""
    from matplotlib.ticker import FuncFormatter


    figure, axes = new_figure(*CHART_SIZE)
    labels = [chart_text(c) or " " for c in chart.categories]
    series = [s for s in chart.series if any(v is not None for v in s.values)]
    colours = [ACCENT, GOOD, WARN, MUTED, "#8e6bbf", "#d64545"]
    fmt = number_formatter(chart.number_format)
    ticks = FuncFormatter(lambda x, _pos: fmt(x))
    count = len(labels)
    if not series or not count:
        axes.text(0.5, 0.5, "No data to show yet", ha="center", va="center",
                  transform=axes.transAxes, color=MUTED)
        axes.set_xticks([])
        axes.set_yticks([])
    elif chart.kind == "line":
        for index, item in enumerate(series):
            values = [math.nan if v is None else float(v) for v in item.values[:count]]
            values += [math.nan] * (count - len(values))
            axes.plot(labels, values, marker="o", linewidth=2, label=chart_text(item.name),
                      color=colours[index % len(colours)])
        axes.yaxis.set_major_formatter(ticks)
    elif chart.kind == "column_stacked":
        bottoms = [0.0] * count
        for index, item in enumerate(series):
            values = [0.0 if v is None else float(v) for v in item.values[:count]]
            values += [0.0] * (count - len(values))
            axes.bar(range(count), values, bottom=bottoms, width=0.6, label=chart_text(item.name),
                     color=colours[index % len(colours)])
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        axes.set_xticks(range(count), labels, fontsize=8)
        axes.yaxis.set_major_formatter(ticks)
    else:  # "bar" (and anything unknown): horizontal grouped bars, labels easy to read
        height = 0.8 / len(series)
        for index, item in enumerate(series):
            values = [0.0 if v is None else float(v) for v in item.values[:count]]
            values += [0.0] * (count - len(values))
            positions = [row + (index - (len(series) - 1) / 2) * height for row in range(count)]
            axes.barh(positions, values, height=height * 0.9, label=chart_text(item.name),
                      color=colours[index % len(colours)])
        axes.set_yticks(range(count), labels, fontsize=8)
        axes.invert_yaxis()
        axes.xaxis.set_major_formatter(ticks)
        axes.grid(axis="x", color="#e4e7eb", linewidth=0.8)
    if len(series) > 1:
        axes.legend(fontsize=8, frameon=False, loc="best")
    if chart.unit:
        (axes.set_xlabel if chart.kind == "bar" else axes.set_ylabel)(
            chart_text(chart.unit), fontsize=8, color=MUTED)
    style_axes(axes, plain(chart.title))
    return png_bytes(figure, dpi)


def png_image(data: bytes, max_width: float, max_height: float) -> Any | None:
    """A reportlab Image of PNG bytes scaled to fit, or None when the bytes are no PNG."""
    from reportlab.platypus import Image

    if not data.startswith(PNG_SIGNATURE) or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    if not width or not height:
        return None
    scale = min(max_width / width, max_height / height)
    return Image(io.BytesIO(data), width=width * scale, height=height * scale)


# Sections ---------------------------------------------------------------------------------
class _Builder:
    def __init__(self, content: DeckContent, width: float, height: float) -> None:
        self.content, self.width, self.height = content, width, height
        self.sheet: dict[str, Any] = styles(10)

    def text(self, value: object, style: str = "body", **options: Any) -> Any:
        return para(value, self.sheet[style], **options)

    def listing(self, heading: str, items: tuple[str, ...], empty: str) -> list[Any]:
        out = [self.text(heading, "h3")]
        return out + (bullets(items, self.sheet["body"]) if items else [self.text(empty, "muted")])

    def chart(self, chart: ChartData | None) -> list[Any]:
        if chart is None:
            return []
        image = png_image(chart_png(chart), self.width, self.height * 0.4)
        return [image] if image is not None else []

    def section(self, slide: SlidePlan) -> list[Any]:
        from reportlab.platypus import CondPageBreak, PageBreak, Spacer

        make = getattr(self, "_" + slide.kind.name.lower())
        cover = slide.kind is SlideKind.TITLE
        head: list[Any] = [] if cover else [CondPageBreak(self.height * 0.25)]
        if slide.backup:
            head.append(self.text("Backup", "muted"))
        head.append(self.text(slide.title, "h1" if cover else "h2"))
        return [*head, *make(), PageBreak() if cover else Spacer(1, 8)]

    def _title(self) -> list[Any]:
        c = self.content
        lines = [c.account_name, f"{c.variant.words} · {c.quarter}",
                 f"Prepared {day(c.prepared_on)}" + (f" by {isolate(c.csm_name)}"
                                                     if c.csm_name else ""),
                 f"Meeting: {day(c.meeting_date, 'not scheduled yet')}"]
        return [self.text(line, "h2" if i == 0 else "body") for i, line in enumerate(lines)]

    def _summary(self) -> list[Any]:
        score, detail = health_words(self.content)
        out = [self.text("Health", "h3"), self.text(f"{score} · {detail}" if detail else score),
               *self.chart(self.content.health_chart),
               self.text("Return on investment", "h3"), self.text(roi_words(self.content))]
        return out + self.listing("Priorities", self.content.priorities, NO_PRIORITIES)

    def _outcomes(self) -> list[Any]:
        c = self.content
        out = [self.text(roi_words(c), "h3")]
        if c.roi_text:
            out.append(self.text(f"ROI: {c.roi_text}"))
        if c.payback_text:
            out.append(self.text(f"Payback: {c.payback_text}"))
        out += self.chart(c.value_chart) + self.chart(c.scenario_chart)
        return out + self._value_table()

    def _value_table(self) -> list[Any]:
        c = self.content
        if not c.value_lines:
            return [self.text(ABSENT[SlideKind.OUTCOMES], "muted")]
        rows = [[v.label, v.category, format_amount(v.annual_value, c.currency), v.confidence]
                for v in c.value_lines]
        w = self.width
        return [table(("Value", "Category", "A year", "Confidence"), rows,
                      (w * 0.5, w * 0.18, w * 0.16, w * 0.16),
                      self.sheet, limit=CELL_LIMIT)]

    def _value_story(self) -> list[Any]:
        story = self.content.value_story
        return [self.text(story, breaks=True) if story else
                self.text(ABSENT[SlideKind.VALUE_STORY], "muted")]

    def _adoption(self) -> list[Any]:
        c = self.content
        out = self.chart(c.adoption_chart)
        if not out:
            out = [self.text(ABSENT[SlideKind.ADOPTION], "muted")]
        return out + (bullets(c.adoption_notes, self.sheet["body"]) if c.adoption_notes else [])

    def _roadmap(self) -> list[Any]:
        return self.listing("Coming next", self.content.roadmap,
                            ABSENT[SlideKind.ROADMAP])

    def _recommendations(self) -> list[Any]:
        c = self.content
        if not (c.recommendations or c.priorities):
            return [self.text(ABSENT[SlideKind.RECOMMENDATIONS], "muted")]
        return ((self.listing("Recommendations", c.recommendations, "")
                 if c.recommendations else [])
                + self.listing("Priorities", c.priorities, NO_PRIORITIES))

    def _risks(self) -> list[Any]:
        if not self.content.risks:
            return [self.text(ABSENT[SlideKind.RISKS], "muted")]
        rows = [[r.title, r.kind, f"{r.likelihood} of 5", f"{r.impact} of 5"]
                for r in self.content.risks]
        w = self.width
        return [table(("Risk or opportunity", "Kind", "Likelihood", "Impact"), rows,
                      (w * 0.52, w * 0.16, w * 0.16, w * 0.16),
                      self.sheet, limit=CELL_LIMIT)]

    def _stakeholders(self) -> list[Any]:
        c = self.content
        picture = png_image(c.stakeholder_map_png, self.width, self.height * 0.45) \
            if c.stakeholder_map_png else None
        out: list[Any] = [picture] if picture is not None else []
        if not c.stakeholders:
            return out + [self.text(ABSENT[SlideKind.STAKEHOLDERS], "muted")]
        rows = [[p.name, p.title, "yes" if p.attending else "no"] for p in c.stakeholders]
        w = self.width
        return out + [table(("Name", "Title", "Attending"), rows,
                            (w * 0.38, w * 0.44, w * 0.18), self.sheet, limit=CELL_LIMIT)]

    def _actions(self) -> list[Any]:
        if not self.content.actions:
            return [self.text(ABSENT[SlideKind.ACTIONS], "muted")]
        rows = [[a.text, "us" if a.side == "ours" else "customer", *action_row(a)[1:]]
                for a in self.content.actions]
        w = self.width
        return [table(("Action", "Side", "Owner", "Due", "Status"), rows,
                      (w * 0.44, w * 0.12, w * 0.18, w * 0.13, w * 0.13),
                      self.sheet, limit=CELL_LIMIT)]

    def _next_qbr(self) -> list[Any]:
        return [self.text(f"Next QBR: {day(self.content.next_qbr, ABSENT[SlideKind.NEXT_QBR])}")]

    def _appendix(self) -> list[Any]:
        score, detail = health_words(self.content)
        return [self.text(f"Health: {score}" + (f" · {detail}" if detail else "")),
                *self._value_table()]

    def _expansion(self) -> list[Any]:
        c = self.content
        if not c.expansion:
            return [self.text(ABSENT[SlideKind.EXPANSION], "muted")]
        rows = [[e.title, format_amount(e.added_cost, c.currency),
                 format_amount(e.annual_value, c.currency), e.roi, e.payback]
                for e in c.expansion]
        w = self.width
        return [table(("Opportunity", "Added cost", "Value a year", "ROI", "Payback"), rows,
                      (w * 0.32, w * 0.16, w * 0.16, w * 0.18, w * 0.18),
                      self.sheet, limit=CELL_LIMIT)]


def handout_flowables(content: DeckContent, width: float, height: float, *,
                      progress: Progress | None = None,
                      cancelled: Cancelled | None = None) -> list[Any]:
    """Every shown slide's section in outline order; raises ExportCancelled when asked."""
    slides = [slide for slide in content.outline if slide.shown]
    builder = _Builder(content, width, height)
    story: list[Any] = []
    for done, slide in enumerate(slides):
        if cancelled is not None and cancelled():
            raise ExportCancelled("The handout export was cancelled")
        story += builder.section(slide)
        if progress is not None:
            progress(done + 1, len(slides) + 1)
    return story or [builder.text(content.account_name, "h1"),
                     builder.text("No slides are shown in this deck's outline", "muted")]


def write_handout(content: DeckContent, out: Path, *, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> Path:
    """Write the handout to `out` atomically; returns the path.

    progress(done, total) is called after each section and once the file is written;
    when cancelled() turns true the export raises ExportCancelled and leaves no file.
    """
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    out = Path(out)
    fonts = register_fonts()
    text = footer_text(content)

    def on_page(canvas: Any, doc: Any) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled("The handout export was cancelled")
        footer(canvas, doc, text, numbered=True)

    with replacing(out) as temporary:
        doc = BaseDocTemplate(
            str(temporary), pagesize=page_size_for(content.currency), leftMargin=MARGIN,
            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 18,
            title=plain(f"{content.account_name}: {content.quarter} handout"),
            author=plain(content.csm_name), subject=clean(content.variant.words),
            creator="QBR Desktop", initialFontName=fonts.main_font)
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
        story = handout_flowables(content, doc.width, doc.height, progress=progress,
                                  cancelled=cancelled)
        doc.build(story)
    if progress is not None:
        total = sum(1 for slide in content.outline if slide.shown) + 1
        progress(total, total)
    return out

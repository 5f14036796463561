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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from qbr_desktop.atomic_files import replacing
from qbr_desktop.domain.customer_words import listed
from qbr_desktop.domain.deck import (
    ChartData,
    DeckContent,
    KpiFigure,
    SlideKind,
    SlidePlan,
    card_lines,
    weekday_words,
    written,
)
from qbr_desktop.domain.roi_story import format_amount
from qbr_desktop.domain.slide_kinds import arranged
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
    words,
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
from qbr_desktop.i18n import ENGLISH, Catalogue, catalogue

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


def chart_png(chart: ChartData, *, dpi: int = 150, book: Catalogue | None = None) -> bytes:
    """The ChartData drawn with matplotlib: grouped bars, lines or stacked columns."""
    from matplotlib.ticker import FuncFormatter

    book = book if book is not None else catalogue(ENGLISH)

    figure, axes = new_figure(*CHART_SIZE, book.language)
    labels = [chart_text(c) or " " for c in chart.categories]
    series = [s for s in chart.series if any(v is not None for v in s.values)]
    colours = [ACCENT, GOOD, WARN, MUTED, "#8e6bbf", "#d64545"]
    fmt = number_formatter(chart.number_format)
    ticks = FuncFormatter(lambda x, _pos: fmt(x))
    count = len(labels)
    if not series or not count:
        axes.text(0.5, 0.5, book.gettext("No data to show yet"), ha="center", va="center",
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
        self.book = words(content)

    def gettext(self, template: str, **fields: Any) -> str:
        return self.book.gettext(template, **fields)

    def text(self, value: object, style: str = "body", **options: Any) -> Any:
        return para(value, self.sheet[style], **options)

    def listing(self, heading: str, items: Sequence[str]) -> list[Any]:
        if not items:
            return []
        return [self.text(heading, "h3"), *bullets(items, self.sheet["body"])]

    def chart(self, chart: ChartData | None) -> list[Any]:
        if chart is None:
            return []
        image = png_image(chart_png(chart, book=self.book), self.width, self.height * 0.4)
        return [image] if image is not None else []

    def cards(self, cards: Sequence[KpiFigure]) -> list[Any]:
        return bullets(card_lines(cards, self.book), self.sheet["body"])

    def section(self, slide: SlidePlan) -> list[Any]:
        from reportlab.platypus import CondPageBreak, PageBreak, Spacer

        make = getattr(self, SECTIONS[slide.kind])
        cover = slide.kind is SlideKind.TITLE
        head: list[Any] = [] if cover else [CondPageBreak(self.height * 0.25)]
        if slide.backup:
            head.append(self.text(self.gettext("Backup"), "muted"))
        head.append(self.text(slide.title, "h1" if cover else "h2"))
        return [*head, *make(), PageBreak() if cover else Spacer(1, 8)]

    def _title(self) -> list[Any]:
        c, book = self.content, self.book
        meeting = c.meeting_words or (weekday_words(c.meeting_date, book) if c.meeting_date
                                      else self.gettext("not scheduled yet"))
        prepared = day(c.prepared_on, book=book)
        lines = [c.account_name, f"{self.gettext(c.variant.words)} · {c.quarter}",
                 self.gettext("Prepared {date} by {name}", date=prepared,
                              name=isolate(c.csm_name)) if c.csm_name
                 else self.gettext("Prepared {date}", date=prepared),
                 self.gettext("Meeting: {when}", when=meeting)]
        return [self.text(line, "h2" if i == 0 else "body") for i, line in enumerate(lines)]

    def _agenda(self) -> list[Any]:
        return [self.text(f"{n}. {item}") for n, item in enumerate(self.content.agenda, 1)]

    def _summary(self) -> list[Any]:
        c = self.content
        return (self.cards(c.summary_cards) + self.chart(c.health_chart)
                + self.listing(self.gettext("Priorities"), c.priorities))

    def _goals(self) -> list[Any]:
        c = self.content
        rows = [[g.label, g.baseline, g.current, g.target,
                 "—" if g.progress is None else f"{g.progress * 100:.0f}%"] for g in c.goals]
        w = self.width
        return [table((self.gettext("Goal"), self.gettext("Baseline"), self.gettext("Now"),
                       self.gettext("Target"), self.gettext("Of the way")), rows,
                      (w * 0.4, w * 0.15, w * 0.15, w * 0.15, w * 0.15), self.sheet,
                      limit=CELL_LIMIT)]

    def _outcomes(self) -> list[Any]:
        c = self.content
        out = [self.text(roi_words(c), "h3")]
        out += self.chart(c.value_chart) + self.chart(c.scenario_chart)
        return out + self._value_table()

    def _value_table(self) -> list[Any]:
        c = self.content
        if not c.value_lines:
            return []
        rows = [[v.label, format_amount(v.annual_value, c.currency),
                 listed([v.basis, v.credit] if v.credit else [v.basis], self.book, "; "),
                 v.confidence]
                for v in c.value_lines]
        w = self.width
        return [table((self.gettext("Value"), self.gettext("A year"), self.gettext("Basis"),
                       self.gettext("Confidence")), rows,
                      (w * 0.4, w * 0.16, w * 0.28, w * 0.16),
                      self.sheet, limit=CELL_LIMIT)]

    def _value_story(self) -> list[Any]:
        return [self.text(self.content.value_story, breaks=True)]

    def _usage(self) -> list[Any]:
        c = self.content
        head = [self.text(c.usage_headline, "h3")] if c.usage_headline else []
        return (head + self.cards(c.usage_cards) + self.chart(c.usage_chart)
                + self.chart(c.breadth_chart))

    def _adoption(self) -> list[Any]:
        c = self.content
        return self.chart(c.adoption_chart) + (
            bullets(c.adoption_notes, self.sheet["body"]) if c.adoption_notes else [])

    def _support(self) -> list[Any]:
        c = self.content
        return self.cards(c.support_cards) + self.chart(c.support_chart) + self.chart(
            c.csat_chart)

    def _roadmap(self) -> list[Any]:
        c = self.content
        return bullets([item + (f" → {c.goal_of(n)}" if c.goal_of(n) else "")
                        for n, item in enumerate(c.roadmap)], self.sheet["body"])

    def _recommendations(self) -> list[Any]:
        c = self.content
        return (self.listing(self.gettext("Recommendations"), c.recommendations)
                + self.listing(self.gettext("Priorities"), c.priorities))

    def _risks(self) -> list[Any]:
        rows = [[r.title, self.gettext("risk") if r.kind == "risk"
                 else self.gettext("opportunity"),
                 self.gettext("{level} of 5", level=r.likelihood),
                 self.gettext("{level} of 5", level=r.impact)]
                for r in self.content.risks]
        w = self.width
        return [table((self.gettext("Risk or opportunity"), self.gettext("Kind"),
                       self.gettext("Likelihood"), self.gettext("Impact")), rows,
                      (w * 0.52, w * 0.16, w * 0.16, w * 0.16),
                      self.sheet, limit=CELL_LIMIT)]

    def _renewal(self) -> list[Any]:
        renewal = self.content.renewal
        assert renewal is not None
        return self.cards(renewal.cards) + self.listing(self.gettext("Before the renewal"),
                                                        renewal.points)

    def _stakeholders(self) -> list[Any]:
        c = self.content
        names = {p.key: p.name for p in c.stakeholders}
        rows = [[p.name, p.title, names.get(p.manager, "") if p.manager is not None else "",
                 self.gettext("yes") if p.attending else self.gettext("no")]
                for p in c.stakeholders]
        w = self.width
        return [table((self.gettext("Name"), self.gettext("Title"), self.gettext("Reports to"),
                       self.gettext("Attending")), rows,
                      (w * 0.28, w * 0.34, w * 0.24, w * 0.14), self.sheet,
                      limit=CELL_LIMIT)]

    def _topics(self) -> list[Any]:
        return [self.text(f"{n}. {item}") for n, item in enumerate(self.content.topics, 1)]

    def _actions(self) -> list[Any]:
        rows = [[a.text, self.gettext("us") if a.side == "ours" else self.gettext("customer"),
                 *action_row(a, self.book)[1:]] for a in self.content.actions]
        w = self.width
        out = [table((self.gettext("Action"), self.gettext("Side"), self.gettext("Owner"),
                      self.gettext("Due"), self.gettext("Status")), rows,
                     (w * 0.42, w * 0.12, w * 0.16, w * 0.17, w * 0.13),
                     self.sheet, limit=CELL_LIMIT)]
        if self.content.next_qbr is not None:
            out.append(self.text(self.gettext(
                "Next review: {date}", date=weekday_words(self.content.next_qbr, self.book)),
                "h3"))
        return out

    def _next_qbr(self) -> list[Any]:
        next_qbr = self.content.next_qbr
        return [self.text(self.gettext("Next QBR: {date}",
                                       date=weekday_words(next_qbr, self.book)))] \
            if next_qbr else []

    def _appendix(self) -> list[Any]:
        score, detail = health_words(self.content)
        health = (self.gettext("Health: {score} · {trend}", score=score, trend=detail)
                  if detail else self.gettext("Health: {score}", score=score))
        return [self.text(health), *self._value_table()]

    def _expansion(self) -> list[Any]:
        c = self.content
        rows = [[e.title, format_amount(e.added_cost, c.currency),
                 format_amount(e.annual_value, c.currency), e.roi, e.payback, e.basis]
                for e in c.expansion]
        w = self.width
        return [table((self.gettext("Opportunity"), self.gettext("Added cost"),
                       self.gettext("Value a year"), "ROI", self.gettext("Payback"),
                       self.gettext("Basis")), rows,
                      (w * 0.2, w * 0.13, w * 0.13, w * 0.1, w * 0.12, w * 0.32),
                      self.sheet, limit=CELL_LIMIT)]


# Each slide kind's section: a method of _Builder (tests/exports/test_slide_kinds.py checks
# that every kind of domain.slide_kinds has one).
SECTIONS: dict[SlideKind, str] = {kind: "_" + kind.name.lower() for kind in SlideKind}


def handout_flowables(content: DeckContent, width: float, height: float, *,
                      progress: Progress | None = None,
                      cancelled: Cancelled | None = None) -> list[Any]:
    """Every written slide's section in outline order; raises ExportCancelled when asked."""
    content = arranged(content)
    slides = [slide for slide in content.outline if written(slide)]
    builder = _Builder(content, width, height)
    story: list[Any] = []
    for done, slide in enumerate(slides):
        if cancelled is not None and cancelled():
            raise ExportCancelled("The handout export was cancelled")
        story += builder.section(slide)
        if progress is not None:
            progress(done + 1, len(slides) + 1)
    return story or [builder.text(content.account_name, "h1"),
                     builder.text(builder.gettext("No slides are shown in this deck's outline"),
                                  "muted")]


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
        footer(canvas, doc, text, numbered=True, book=words(content))

    with replacing(out) as temporary:
        doc = BaseDocTemplate(
            str(temporary), pagesize=page_size_for(content.currency), leftMargin=MARGIN,
            rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 18,
            title=plain(words(content).gettext("{account}: {quarter} handout",
                                               account=content.account_name,
                                               quarter=content.quarter)),
            author=plain(content.csm_name),
            subject=clean(words(content).gettext(content.variant.words)),
            creator="QBR Desktop", initialFontName=fonts.main_font)
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
        story = handout_flowables(content, doc.width, doc.height, progress=progress,
                                  cancelled=cancelled)
        doc.build(story)
    if progress is not None:
        total = sum(1 for slide in arranged(content).outline if written(slide)) + 1
        progress(total, total)
    return out

"""Charts of an account's metric history and of its peer benchmark, as PNG bytes.

matplotlib is imported inside the functions: the window starts without it and pays for
it only when the first chart is drawn. The Agg backend draws off-screen, so the same
images serve the window, the deck and the PDF.

matplotlib (3.11 and later) lays text out with libraqm, so Hebrew and Arabic are given to
it in logical order: it reorders and joins them itself. User text goes through
chart_text(), which leaves out emoji no installed chart font can draw.

Titles, axis labels and legends are written in the language of where the chart goes: each
chart takes a Catalogue (the window's language by default, as every chart here is shown in
the window), and a Chinese chart tries the Simplified Chinese faces first, so Han characters
take their Chinese forms rather than a Japanese face's.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from qbr_desktop.domain.benchmark import Benchmark
from qbr_desktop.domain.health import HealthScore
from qbr_desktop.domain.metrics import MetricHistory
from qbr_desktop.i18n import CHINESE, ENGLISH, N_, Catalogue, interface_catalogue

# Fonts tried in order for each glyph, so CJK, Arabic and emoji names still render. The
# emoji fonts are outline fonts (monochrome): matplotlib skips Noto Color Emoji's bitmaps.
# Windows and macOS name their Chinese faces Microsoft YaHei and PingFang SC.
FONT_FALLBACK = ["DejaVu Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", "Microsoft YaHei",
                 "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans Arabic", "Symbola",
                 "Segoe UI Emoji", "Segoe UI Symbol", "Noto Color Emoji", "sans-serif"]
# A Chinese chart's Han characters in Simplified Chinese forms first.
CHINESE_FIRST = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei"]
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
INK, MUTED, ACCENT, GOOD, WARN, BAD = "#1f2933", "#7b8794", "#2f6fde", "#2e9e5b", "#d9a400", \
    "#d64545"
NO_HEALTH_SCORES = N_("No health scores yet")
NO_USAGE = N_("No usage figures recorded yet")
NO_PEERS = N_("No peers to compare with yet")


def chart_book(book: Catalogue | None) -> Catalogue:
    """The chart's language: the one given, else the window's."""
    return book if book is not None else interface_catalogue()


def new_figure(width: float, height: float, language: str = ENGLISH) -> tuple[Any, Any]:
    """A figure and its axes, without pyplot: no global state, so workers can draw too.
    `language` orders the CJK faces (Simplified Chinese forms for a Chinese chart)."""
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    # A "$" in an account name must stay a dollar sign, not start TeX-style math.
    matplotlib.rcParams["text.parse_math"] = False
    matplotlib.rcParams["font.family"] = _families(font_manager, language)
    matplotlib.rcParams["axes.unicode_minus"] = False
    figure = Figure(figsize=(width, height))
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _families(font_manager: Any, language: str = ENGLISH) -> list[str]:
    # Only installed families: matplotlib logs a warning for every missing one it tries.
    installed = {font.name for font in font_manager.fontManager.ttflist}
    order = FONT_FALLBACK if language != CHINESE else [FONT_FALLBACK[0], *CHINESE_FIRST, *(
        name for name in FONT_FALLBACK[1:] if name not in CHINESE_FIRST)]
    return [name for name in order if name in installed] or ["sans-serif"]


@lru_cache(maxsize=1)
def _chart_codes() -> frozenset[int]:
    from matplotlib import font_manager

    codes: set[int] = set()
    for name in _families(font_manager):
        try:
            path = font_manager.findfont(font_manager.FontProperties(family=name),
                                         fallback_to_default=False)
            codes.update(font_manager.get_font(path).get_charmap())
        except (ValueError, OSError, RuntimeError):
            continue
    return frozenset(codes)


def chart_text(text: object) -> str:
    """User text for a chart: one line, in logical order, without control characters or
    emoji no chart font can draw."""
    from qbr_desktop.exports.visual_text import drawable_emoji

    codes = _chart_codes()
    line = _CONTROL.sub("", " ".join(str("" if text is None else text).split()))
    return drawable_emoji(line, lambda char: ord(char) in codes)


def png_bytes(figure: Any, dpi: int) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()


def style_axes(axes: Any, title: str) -> None:
    axes.set_title(chart_text(title), loc="left", fontsize=10, color=INK)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(colors=MUTED, labelsize=8)
    axes.grid(axis="y", color="#e4e7eb", linewidth=0.8)
    axes.set_axisbelow(True)


def empty_chart(axes: Any, title: str, message: str) -> None:
    """A chart with nothing to plot says so in words, under its title, and draws no axes:
    an empty 0–1 scale would read as a measurement."""
    axes.set_axis_off()
    axes.text(0.5, 0.5, chart_text(message), ha="center", va="center",
              transform=axes.transAxes, color=MUTED, fontsize=10, wrap=True)
    axes.set_title(chart_text(title), loc="left", fontsize=10, color=INK)


def health_history_chart(history: Sequence[HealthScore], *, width: float = 5.0,
                         height: float = 2.4, dpi: int = 110,
                         book: Catalogue | None = None) -> bytes:
    """Health total per quarter, with the green and red bands shaded."""
    book = chart_book(book)
    figure, axes = new_figure(width, height, book.language)
    title = book.gettext("Health score by quarter")
    points = [(str(s.quarter), s.total) for s in history if s.total is not None]
    if not points:
        empty_chart(axes, title, book.gettext(NO_HEALTH_SCORES))
        return png_bytes(figure, dpi)
    axes.axhspan(70, 100, color=GOOD, alpha=0.08)
    axes.axhspan(0, 50, color=BAD, alpha=0.06)
    labels, totals = zip(*points, strict=True)
    axes.plot(labels, totals, marker="o", color=ACCENT, linewidth=2)
    for label, total in points[-1:]:
        axes.annotate(f"{total:.0f}", (label, total), textcoords="offset points",
                      xytext=(0, 7), ha="center", fontsize=8, color=INK)
    axes.set_ylim(0, 100)
    style_axes(axes, title)
    return png_bytes(figure, dpi)


def metric_history_chart(history: MetricHistory, keys: Sequence[str], *, width: float = 5.0,
                         height: float = 2.4, dpi: int = 110,
                         book: Catalogue | None = None) -> bytes:
    """One line per metric key, quarters along the bottom; gaps where a value is missing."""
    book = chart_book(book)
    figure, axes = new_figure(width, height, book.language)
    title = book.gettext("Usage by quarter")
    labels = [str(q) for q in history.quarters]
    rows = [(definition, series) for definition, series in history.rows
            if definition.key in keys and any(v is not None for v in series)]
    if not rows:
        empty_chart(axes, title, book.gettext(NO_USAGE))
        return png_bytes(figure, dpi)
    for definition, series in rows:
        values = [float("nan") if v is None else v for v in series]
        axes.plot(labels, values, marker="o", linewidth=1.8,
                  label=chart_text(book.gettext(definition.label)))
    axes.legend(fontsize=8, frameon=False, loc="best")
    style_axes(axes, title)
    return png_bytes(figure, dpi)


def benchmark_chart(result: Benchmark, *, width: float = 5.0, height: float = 2.6,
                    dpi: int = 110, book: Catalogue | None = None) -> bytes:
    """Each metric's percentile in the cohort as a bar, the cohort median at 50."""
    book = chart_book(book)
    figure, axes = new_figure(width, height, book.language)
    cohort = result.cohort  # a portfolio-wide cohort's words are ours; criteria are data
    title = book.gettext("Percentile among {cohort}", cohort=cohort.words(book))
    rows = [(chart_text(book.gettext(m.label)), m.percentile) for m in result.metrics
            if m.percentile is not None]
    if not rows:
        empty_chart(axes, title, book.gettext(NO_PEERS))
        return png_bytes(figure, dpi)
    labels, percentiles = zip(*rows, strict=True)
    colours = [GOOD if p >= 75 else BAD if p <= 25 else ACCENT for p in percentiles]
    axes.barh(labels, percentiles, color=colours, height=0.6)
    axes.axvline(50, color=MUTED, linestyle="--", linewidth=1)
    axes.invert_yaxis()
    for index, value in enumerate(percentiles):
        axes.text(min(value + 2, 92), index, f"{value:.0f}", va="center", fontsize=8,
                  color=INK)
    axes.set_xlim(0, 100)
    style_axes(axes, title)
    axes.grid(axis="x", color="#e4e7eb", linewidth=0.8)
    return png_bytes(figure, dpi)

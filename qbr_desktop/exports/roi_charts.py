"""Charts of an ROI model's results, as PNG bytes: value by category, scenarios, cash flow.

Like charts.py these import matplotlib only when drawn, and draw without pyplot, so a
worker thread can render them while the window keeps taking keystrokes. Their words are in
the language of the catalogue given (the window's by default: the ROI tab shows them).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from qbr_desktop.domain.audience.deck import SCENARIO_WORDS
from qbr_desktop.domain.money import Money, format_compact
from qbr_desktop.domain.roi import Category
from qbr_desktop.domain.roi_scenarios import RoiResult, Scenario
from qbr_desktop.domain.roi_story import (
    NOT_AVAILABLE,
    format_amount,
    format_months,
    format_percent,
)
from qbr_desktop.exports.charts import (
    ACCENT,
    BAD,
    GOOD,
    INK,
    MUTED,
    chart_book,
    empty_chart,
    new_figure,
    png_bytes,
    style_axes,
)
from qbr_desktop.i18n import N_, Catalogue, Message, msg_in_context

NO_LINES_OR_COSTS = N_("No value lines or costs yet")
VALUE_TITLE = N_("Value a year by category")
SCENARIO_TITLE = N_("First-year ROI by scenario")
CASH_TITLE = N_("Cumulative cash over 36 months")
# The waterfall's captions under its bars: short, a category's first word.
CATEGORY_CAPTIONS = {Category.REVENUE: msg_in_context("value chart", "Revenue"),
                     Category.COST: msg_in_context("value chart", "Cost"),
                     Category.RISK: msg_in_context("value chart", "Risk"),
                     Category.QUALITY: msg_in_context("value chart", "Quality"),
                     Category.STRATEGIC: msg_in_context("value chart", "Strategic")}
FIRST_YEAR_COST = msg_in_context("value chart", "First-year\ncost")
NET = msg_in_context("value chart", "Net")


def _said(reason: Message | str, book: Catalogue) -> str:
    """A reason from the ROI model (a message, or text already in words)."""
    return reason.render(book) if isinstance(reason, Message) else reason
SCENARIO_COLOURS = {Scenario.CONSERVATIVE: MUTED, Scenario.EXPECTED: ACCENT,
                    Scenario.OPTIMISTIC: GOOD}


def _money_axis(axes: Any, currency: str, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter

    formatter = FuncFormatter(
        lambda x, _pos: format_compact(Money(Decimal(str(float(x))), currency)))
    (axes.yaxis if axis == "y" else axes.xaxis).set_major_formatter(formatter)


def value_by_category_chart(result: RoiResult, *, title: str = "", width: float = 5.0,
                            height: float = 2.6, dpi: int = 110,
                            book: Catalogue | None = None) -> bytes:
    """A waterfall: each category's value a year, less the first-year cost, to the net."""
    book = chart_book(book)
    title = title or book.gettext(VALUE_TITLE)
    figure, axes = new_figure(width, height, book.language)
    currency = result.model.currency
    by_category: dict[Category, Decimal] = {}
    for line in result.lines:
        if line.counted:
            category = line.line.category
            by_category[category] = by_category.get(category, Decimal(0)) + line.annual_value
    steps = [(CATEGORY_CAPTIONS[category].render(book), value)
             for category, value in by_category.items()]
    if result.investment:
        steps.append((FIRST_YEAR_COST.render(book), -result.investment))
    if not steps:
        empty_chart(axes, title, book.gettext(NO_LINES_OR_COSTS))
        return png_bytes(figure, dpi)
    running = Decimal(0)
    for index, (_caption, value) in enumerate(steps):
        bottom = running if value >= 0 else running + value
        axes.bar(index, float(abs(value)), bottom=float(bottom), width=0.6,
                 color=GOOD if value >= 0 else BAD)
        running += value
    net_index = len(steps)
    axes.bar(net_index, float(running), width=0.6, color=ACCENT)
    axes.annotate(format_amount(running, currency), (net_index, float(running)),
                  textcoords="offset points", xytext=(0, 4 if running >= 0 else -11),
                  ha="center", fontsize=8, color=INK)
    axes.set_xticks(range(net_index + 1), [label for label, _ in steps] + [NET.render(book)],
                    fontsize=7)
    axes.axhline(0, color=MUTED, linewidth=0.8)
    _money_axis(axes, currency)
    style_axes(axes, title)
    return png_bytes(figure, dpi)


def scenario_chart(results: Mapping[Scenario, RoiResult], *, title: str = "",
                   width: float = 5.0, height: float = 2.2, dpi: int = 110,
                   book: Catalogue | None = None) -> bytes:
    """First-year ROI in each scenario; a scenario without ROI says n/a and why."""
    book = chart_book(book)
    title = title or book.gettext(SCENARIO_TITLE)
    figure, axes = new_figure(width, height, book.language)
    if all(result.roi.value is None for result in results.values()):
        reasons = [result.roi.reason for result in results.values() if result.roi.reason]
        empty_chart(axes, title,
                    _said(reasons[0], book) if reasons else book.gettext("No ROI yet"))
        return png_bytes(figure, dpi)
    names = [book.gettext(SCENARIO_WORDS[scenario]) for scenario in results]
    reason = ""
    for index, (scenario, result) in enumerate(results.items()):
        roi = result.roi.value
        if roi is None:
            reason = result.roi.reason
            axes.text(index, 0, book.gettext(NOT_AVAILABLE), ha="center", va="bottom",
                      fontsize=8, color=MUTED)
            continue
        axes.bar(index, float(roi * 100), width=0.55, color=SCENARIO_COLOURS[scenario])
        axes.annotate(format_percent(roi), (index, float(roi * 100)),
                      textcoords="offset points", xytext=(0, 4 if roi >= 0 else -11),
                      ha="center", fontsize=8, color=INK)
    axes.set_xticks(range(len(names)), names, fontsize=8)
    axes.axhline(0, color=MUTED, linewidth=0.8)
    axes.yaxis.set_major_formatter("{x:,.0f}%")
    axes.margins(y=0.2)
    if reason:
        axes.set_xlabel(_said(reason, book), fontsize=7, color=MUTED, wrap=True)
    style_axes(axes, title)
    return png_bytes(figure, dpi)


def cumulative_cash_chart(result: RoiResult, *, title: str = "", width: float = 5.0,
                          height: float = 2.4, dpi: int = 110,
                          book: Catalogue | None = None) -> bytes:
    """The running cash position month by month over 36 months, with payback marked."""
    book = chart_book(book)
    title = title or book.gettext(CASH_TITLE)
    figure, axes = new_figure(width, height, book.language)
    if not any(line.counted for line in result.lines) and not result.investment:
        empty_chart(axes, title, book.gettext(NO_LINES_OR_COSTS))
        return png_bytes(figure, dpi)
    currency = result.model.currency
    cash = [float(value) for value in result.cumulative_cash]
    months = list(range(len(cash)))
    axes.plot(months, cash, color=ACCENT, linewidth=2)
    axes.fill_between(months, cash, 0, where=[c < 0 for c in cash], color=BAD, alpha=0.1,
                      interpolate=True)
    axes.fill_between(months, cash, 0, where=[c >= 0 for c in cash], color=GOOD, alpha=0.1,
                      interpolate=True)
    axes.axhline(0, color=MUTED, linewidth=0.8)
    payback = result.payback_months
    if payback.value is not None:
        month = float(payback.value)
        axes.axvline(month, color=GOOD, linestyle="--", linewidth=1)
        axes.plot([month], [0], marker="o", color=GOOD)
        axes.annotate(book.gettext("Paid back: {months}", months=format_months(payback, book)),
                      (month, 0), textcoords="offset points", xytext=(6, 6), fontsize=8,
                      color=INK)
        axes.set_xlabel(book.gettext("Months from signing"), fontsize=7, color=MUTED)
    else:
        axes.set_xlabel(book.gettext("Months from signing. {reason}",
                                     reason=_said(payback.reason, book)),
                        fontsize=7, color=MUTED, wrap=True)
    axes.set_xticks(range(0, len(cash), 6))
    axes.set_xlim(0, max(len(cash) - 1, 1))
    _money_axis(axes, currency)
    style_axes(axes, title)
    return png_bytes(figure, dpi)

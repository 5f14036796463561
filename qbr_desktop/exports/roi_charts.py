"""Charts of an ROI model's results, as PNG bytes: value by category, scenarios, cash flow.

Like charts.py these import matplotlib only when drawn, and draw without pyplot, so a
worker thread can render them while the window keeps taking keystrokes.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from qbr_desktop.domain.money import Money, format_compact
from qbr_desktop.domain.roi import Category
from qbr_desktop.domain.roi_scenarios import RoiResult, Scenario
from qbr_desktop.domain.roi_story import format_amount, format_months, format_percent
from qbr_desktop.exports.charts import (
    ACCENT,
    BAD,
    GOOD,
    INK,
    MUTED,
    empty_chart,
    new_figure,
    png_bytes,
    style_axes,
)

NO_LINES_OR_COSTS = "No value lines or costs yet"
SCENARIO_COLOURS = {Scenario.CONSERVATIVE: MUTED, Scenario.EXPECTED: ACCENT,
                    Scenario.OPTIMISTIC: GOOD}


def _money_axis(axes: Any, currency: str, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter

    formatter = FuncFormatter(
        lambda x, _pos: format_compact(Money(Decimal(str(float(x))), currency)))
    (axes.yaxis if axis == "y" else axes.xaxis).set_major_formatter(formatter)


def value_by_category_chart(result: RoiResult, *, title: str = "", width: float = 5.0,
                            height: float = 2.6, dpi: int = 110) -> bytes:
    """A waterfall: each category's value a year, less the first-year cost, to the net."""
    figure, axes = new_figure(width, height)
    currency = result.model.currency
    by_category: dict[Category, Decimal] = {}
    for line in result.lines:
        if line.counted:
            category = line.line.category
            by_category[category] = by_category.get(category, Decimal(0)) + line.annual_value
    steps = [(category.words.split()[0].capitalize(), value)
             for category, value in by_category.items()]
    if result.investment:
        steps.append(("First-year\ncost", -result.investment))
    if not steps:
        empty_chart(axes, title or "Value a year by category", NO_LINES_OR_COSTS)
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
    axes.set_xticks(range(net_index + 1), [label for label, _ in steps] + ["Net"],
                    fontsize=7)
    axes.axhline(0, color=MUTED, linewidth=0.8)
    _money_axis(axes, currency)
    style_axes(axes, title or "Value a year by category")
    return png_bytes(figure, dpi)


def scenario_chart(results: Mapping[Scenario, RoiResult], *, title: str = "",
                   width: float = 5.0, height: float = 2.2, dpi: int = 110) -> bytes:
    """First-year ROI in each scenario; a scenario without ROI says n/a and why."""
    figure, axes = new_figure(width, height)
    if all(result.roi.value is None for result in results.values()):
        reasons = [result.roi.reason for result in results.values() if result.roi.reason]
        empty_chart(axes, title or "First-year ROI by scenario",
                    reasons[0] if reasons else "No ROI yet")
        return png_bytes(figure, dpi)
    names = [scenario.value.capitalize() for scenario in results]
    reason = ""
    for index, (scenario, result) in enumerate(results.items()):
        roi = result.roi.value
        if roi is None:
            reason = result.roi.reason
            axes.text(index, 0, "n/a", ha="center", va="bottom", fontsize=8, color=MUTED)
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
        axes.set_xlabel(reason, fontsize=7, color=MUTED, wrap=True)
    style_axes(axes, title or "First-year ROI by scenario")
    return png_bytes(figure, dpi)


def cumulative_cash_chart(result: RoiResult, *, title: str = "", width: float = 5.0,
                          height: float = 2.4, dpi: int = 110) -> bytes:
    """The running cash position month by month over 36 months, with payback marked."""
    figure, axes = new_figure(width, height)
    if not any(line.counted for line in result.lines) and not result.investment:
        empty_chart(axes, title or "Cumulative cash over 36 months", NO_LINES_OR_COSTS)
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
        axes.annotate(f"Paid back: {format_months(payback)}", (month, 0),
                      textcoords="offset points", xytext=(6, 6), fontsize=8, color=INK)
        axes.set_xlabel("Months from signing", fontsize=7, color=MUTED)
    else:
        axes.set_xlabel(f"Months from signing. {payback.reason}", fontsize=7, color=MUTED,
                        wrap=True)
    axes.set_xticks(range(0, len(cash), 6))
    axes.set_xlim(0, max(len(cash) - 1, 1))
    _money_axis(axes, currency)
    style_axes(axes, title or "Cumulative cash over 36 months")
    return png_bytes(figure, dpi)

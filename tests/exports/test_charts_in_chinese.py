"""The window's charts in Chinese: the Health tab's and the ROI tab's titles, axis labels,
legends and captions in the catalogue's language, drawn with a Simplified Chinese face and no
missing glyph (no boxes), and in English when the catalogue is English."""

from __future__ import annotations

import re
import warnings
from typing import Any

import pytest

from qbr_desktop.domain.health import health_report
from qbr_desktop.domain.roi_scenarios import evaluate, scenarios
from qbr_desktop.exports import charts, roi_charts
from qbr_desktop.exports.charts import benchmark_chart, health_history_chart, metric_history_chart
from qbr_desktop.exports.roi_charts import (
    cumulative_cash_chart,
    scenario_chart,
    value_by_category_chart,
)
from qbr_desktop.i18n import CHINESE, ENGLISH, catalogue
from tests.exports.test_charts import drawn_figures, history, peer_benchmark
from tests.exports.test_roi_charts import FULL

CJK = re.compile("[\u4e00-\u9fff]")


def _words(figure: Any) -> list[str]:
    """Every word a person reads on the chart: title, axis labels, ticks, legend, notes."""
    texts = []
    for axes in figure.axes:
        texts += [axes.get_title(loc="left"), axes.get_xlabel(), axes.get_ylabel()]
        texts += [t.get_text() for t in (*axes.texts, *axes.get_xticklabels(),
                                         *axes.get_yticklabels())]
        legend = axes.get_legend()
        texts += [t.get_text() for t in legend.get_texts()] if legend else []
    return [text for text in texts if text]


def _draw_all(monkeypatch: pytest.MonkeyPatch, language: str) -> list[list[str]]:
    figures = drawn_figures(monkeypatch, charts)
    figures_roi = drawn_figures(monkeypatch, roi_charts)
    book = catalogue(language)
    result = evaluate(FULL)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        health_history_chart(health_report(history()).history, book=book)
        metric_history_chart(history(), ("active_users", "licensed_seats"), book=book)
        benchmark_chart(peer_benchmark(), book=book)
        value_by_category_chart(result, book=book)
        scenario_chart(scenarios(FULL), book=book)
        cumulative_cash_chart(result, book=book)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)
               and not any(ord(c) > 0xFFFF for c in str(w.message))]  # optional emoji fonts
    assert missing == []
    return [_words(figure) for figure in figures + figures_roi]


def test_the_charts_read_in_chinese(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = _draw_all(monkeypatch, CHINESE)
    assert len(drawn) == 6
    assert [words[0] for words in drawn] == [
        "各季度健康评分", "各季度使用情况", "同类客户（Retail · Growth · 1–2 年）中的百分位",
        "各类别年度价值", "各情景首年投资回报率", "36 个月累计现金流"]
    every = " ".join(" ".join(words) for words in drawn)
    assert "活跃用户" in every and "签约后月数" in every and "首年\n成本" in every
    assert "保守" in every and "已回收：2.2 个月" in every
    for english in ("Health score", "Usage by", "Percentile", "Months from", "Net", "Paid back",
                    "Conservative", "Revenue", "Active users", "First-year"):
        assert english not in every, english


def test_the_charts_stay_english_for_an_english_catalogue(
        qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    every = " ".join(" ".join(words) for words in _draw_all(monkeypatch, ENGLISH))
    assert "Health score by quarter" in every and "Cumulative cash over 36 months" in every
    assert "Months from signing" in every and "Net" in every
    assert not CJK.search(every.replace("订阅", "").replace("サポート自動化", ""))


def test_a_chinese_chart_tries_the_simplified_chinese_face_first() -> None:
    from matplotlib import font_manager

    chinese = charts._families(font_manager, CHINESE)
    english = charts._families(font_manager, ENGLISH)
    cjk = [name for name in chinese if "CJK" in name or "Hei" in name]
    assert cjk and cjk[0] in charts.CHINESE_FIRST
    assert sorted(chinese) == sorted(english) and chinese[0] == english[0]


def test_a_chinese_handout_chart_asks_for_the_simplified_chinese_face_first(qapp: Any) -> None:
    import matplotlib
    from matplotlib import font_manager

    from qbr_desktop.domain.deck import ChartData, Series
    from qbr_desktop.exports.handout_pdf import chart_png
    from qbr_desktop.i18n import catalogue

    chart = ChartData("活跃用户", ("第一季度", "第二季度"), (Series("用户", (1.0, 2.0)),))
    chart_png(chart, dpi=40, book=catalogue(CHINESE))
    assert matplotlib.rcParams["font.family"] == charts._families(font_manager, CHINESE)
    chart_png(chart, dpi=40, book=catalogue(ENGLISH))
    assert matplotlib.rcParams["font.family"] == charts._families(font_manager, ENGLISH)

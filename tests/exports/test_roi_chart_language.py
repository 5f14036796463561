"""The ROI charts a customer receives follow the account's language, not the window's: a
Chinese account's deck (native charts, read back with python-pptx) and handout carry the value
and scenario charts' words in Chinese while the window is English, and an English account's
keep English while the window is Chinese."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from qbr_desktop.exports import handout_pdf
from qbr_desktop.i18n import CHINESE, ENGLISH, interface_language, set_interface_language
from qbr_desktop.paths import resolve_target
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.deck_files import write_deck_file, write_pdf_file
from qbr_desktop.services.demo_file import build_demo_file
from tests.exports.test_charts import drawn_figures

CJK = re.compile("[\u4e00-\u9fff]")
CHINESE_WORDS = ("各类别年度价值", "年度价值", "各情景投资回报率", "保守", "预期", "乐观")
ENGLISH_WORDS = ("Value a year by category", "Value a year", "ROI by scenario",
                 "Conservative", "Expected", "Optimistic")


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    path = tmp_path_factory.mktemp("roi-charts") / "demo.sqlite"
    build_demo_file(path, accounts=3, seed=7, today=date(2026, 12, 7))
    context = AppContext.open(resolve_target(str(path)))
    yield context
    context.close()


def _valued_account(context: AppContext, language: str) -> int:
    for item in context.accounts.list_accounts():
        if context.decks.content(context, item.id).value_chart is not None:
            context.accounts.update(item.id, {"language": language})
            return int(item.id)
    raise AssertionError("the demo has no account with ROI value")


ROI_TITLES = {"各类别年度价值", "各情景投资回报率", "Value a year by category", "ROI by scenario"}


def _chart_words(path: Path) -> str:
    """Every word the deck's native ROI charts show: title, categories and series names."""
    words = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if not getattr(shape, "has_chart", False) or not shape.chart.has_title:
                continue
            chart = shape.chart
            title = chart.chart_title.text_frame.text
            if title not in ROI_TITLES:
                continue
            words.append(title)
            for plot in chart.plots:
                words += [str(category) for category in plot.categories]
                words += [series.name for series in plot.series]
    return "\n".join(words)


def _figure_words(figure: Any) -> list[str]:
    words = []
    for axes in figure.axes:
        words += [axes.get_title(loc="left"), axes.get_xlabel(), axes.get_ylabel()]
        words += [t.get_text() for t in (*axes.texts, *axes.get_xticklabels(),
                                         *axes.get_yticklabels())]
        legend = axes.get_legend()
        words += [t.get_text() for t in legend.get_texts()] if legend else []
    return [word for word in words if word]


def _files(context: AppContext, account_id: int, folder: Path,
           monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The deck's ROI chart words, and those of the handout's ROI charts (matplotlib figures,
    read before they become pictures)."""
    figures = drawn_figures(monkeypatch, handout_pdf)
    content = context.decks.content(context, account_id)
    deck = write_deck_file(content, folder / "deck.pptx", context.decks.plan(account_id),
                           None).path
    write_pdf_file("handout", content, folder / "handout.pdf")
    handout = [_figure_words(figure) for figure in figures]
    return _chart_words(deck), "\n".join(
        "\n".join(words) for words in handout if words and words[0] in ROI_TITLES)


@pytest.fixture
def window_language() -> Iterator[Any]:
    before = interface_language()
    yield set_interface_language
    set_interface_language(before)


def test_a_chinese_accounts_roi_charts_are_chinese_in_an_english_window(
        portfolio: AppContext, tmp_path: Path, window_language: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window_language(ENGLISH)
    account_id = _valued_account(portfolio, CHINESE)
    charts, handout = _files(portfolio, account_id, tmp_path, monkeypatch)
    assert "各类别年度价值" in charts and "各情景投资回报率" in charts and "保守" in charts
    assert not re.search(r"[A-Za-z]{3,}", re.sub(r"ROI|QBR|ARR", "", charts)), charts
    for english in ENGLISH_WORDS:
        assert english not in charts and english not in handout, english
    assert "各类别年度价值" in handout and "保守" in handout
    assert not re.search(r"[A-Za-z]{3,}", re.sub(r"ROI|QBR|ARR|[A-Z]{3}", "", handout)), handout


def test_an_english_accounts_roi_charts_stay_english_in_a_chinese_window(
        portfolio: AppContext, tmp_path: Path, window_language: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window_language(CHINESE)
    account_id = _valued_account(portfolio, ENGLISH)
    charts, handout = _files(portfolio, account_id, tmp_path, monkeypatch)
    assert "Value a year by category" in charts and "Conservative" in charts
    assert not CJK.search(charts), charts
    for chinese in CHINESE_WORDS:
        assert chinese not in charts, chinese
    assert "Value a year by category" in handout and "Conservative" in handout
    assert not CJK.search(handout), handout

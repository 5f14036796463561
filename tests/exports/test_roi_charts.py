"""ROI charts as PNG bytes: read back, with CJK/emoji/markup labels and for an empty model."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtGui import QImage

from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi import (
    Category,
    Confidence,
    CostKind,
    InvestmentItem,
    RoiModel,
    ValueLine,
)
from qbr_desktop.domain.roi_scenarios import evaluate, scenarios
from qbr_desktop.exports.roi_charts import (
    cumulative_cash_chart,
    scenario_chart,
    value_by_category_chart,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
QUARTER = Quarter(2026, 3)
SUBSCRIPTION = InvestmentItem("订阅 📦 <&>", CostKind.SUBSCRIPTION, Decimal("120000"), True)


def model(*lines: ValueLine, investments: tuple[InvestmentItem, ...] = (SUBSCRIPTION,),
          currency: str = "USD") -> RoiModel:
    return RoiModel(currency=currency, quarter=QUARTER, lines=lines, investments=investments)


def image_of(data: bytes) -> QImage:
    assert data.startswith(PNG_SIGNATURE)
    image = QImage.fromData(data, "PNG")
    assert not image.isNull() and image.width() > 200 and image.height() > 100
    return image


FULL = model(
    ValueLine("support", "サポート自動化 🤖 <&>", Category.COST,
              {"hours_saved": Decimal("1200"), "hourly_rate": Decimal("75")}),
    ValueLine("pipeline", "Pipeline & <deals>", Category.REVENUE,
              {"revenue": Decimal("400000"), "attribution_share": Decimal("0.2")},
              confidence=Confidence.LOW),
    ValueLine("outages", "Outages", Category.RISK,
              {"cost_per_incident": Decimal("5000"), "baseline_incidents": Decimal("8"),
               "incident_reduction": Decimal("-0.25")}),  # a cost increase
)


# Colour-emoji fonts are optional: a missing glyph is drawn as a box, with a warning.
@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@pytest.mark.parametrize("roi_model", [FULL, model(), model(investments=())],
                         ids=["full", "empty", "no-investment"])
def test_every_chart_renders_readable_png(roi_model: RoiModel) -> None:
    result = evaluate(roi_model)
    title = "価値 💹 for <Acme & Co> $5"
    image_of(value_by_category_chart(result, title=title))
    image_of(scenario_chart(scenarios(roi_model), title=title))
    image_of(cumulative_cash_chart(result, title=title))


def test_charts_use_the_models_currency_and_differ_by_content() -> None:
    euro = evaluate(model(*FULL.lines, currency="EUR"))
    dollars = evaluate(FULL)
    assert value_by_category_chart(euro) != value_by_category_chart(dollars)
    assert cumulative_cash_chart(dollars) != cumulative_cash_chart(evaluate(model()))


def test_an_empty_model_says_so_in_words_and_draws_no_axes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from typing import Any

    from qbr_desktop.exports import roi_charts

    figures: list[Any] = []
    real = roi_charts.png_bytes

    def keep(figure: Any, dpi: int) -> bytes:
        figures.append(figure)
        return real(figure, dpi)

    monkeypatch.setattr(roi_charts, "png_bytes", keep)
    nothing = model(investments=())
    image_of(value_by_category_chart(evaluate(nothing)))
    image_of(scenario_chart(scenarios(nothing)))
    image_of(cumulative_cash_chart(evaluate(nothing)))
    image_of(scenario_chart(scenarios(model(*FULL.lines, investments=()))))
    for figure in figures:
        [axes] = figure.axes
        words = " ".join(t.get_text() for t in axes.texts)
        assert not axes.axison, words
        assert words in ("No value lines or costs yet",) or words.startswith(
            "No investment is recorded")
    # With something to plot, the axes stay.
    figures.clear()
    cumulative_cash_chart(evaluate(model()))  # a cost and no value: it never pays back
    value_by_category_chart(evaluate(FULL))
    assert [f.axes[0].axison for f in figures] == [True, True]

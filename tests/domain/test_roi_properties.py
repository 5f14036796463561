"""Invariants of the ROI formulas, over generated models."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi import (
    Category,
    Confidence,
    CostKind,
    InvestmentItem,
    Multipliers,
    RoiModel,
    ValueLine,
    subscription_from_arr,
)
from qbr_desktop.domain.roi_document import model_from_dict, model_to_dict
from qbr_desktop.domain.roi_scenarios import Scenario, evaluate, scenarios

D = Decimal
Q3 = Quarter(2026, 3)


def amounts(low: str = "0", high: str = "1000000", places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.decimals(D(low), D(high), places=places, allow_nan=False, allow_infinity=False)


shares = amounts("0", "1", 3)
changes = amounts("-1", "1", 3)
counts = amounts("0", "100000", 1)
money = amounts()
rates = amounts("0", "500")
ftes = amounts("0", "50", 1)
factors = amounts("0", "3")
weights = amounts("0", "10")
measures = st.none() | amounts("-1000", "1000")
# Labels and notes: plain, CJK, emoji, markup characters and generated text.
words = st.sampled_from(["Support", "客户支持", "🚀 Launch", "<b>&amp;</b>", "a\nb"]) | st.text(
    st.characters(codec="utf-8"), min_size=1, max_size=12).filter(str.strip)


@st.composite
def value_lines(draw: st.DrawFn, index: int, signed: bool = True) -> ValueLine:
    category = draw(st.sampled_from(Category))
    if category is Category.REVENUE:
        inputs = {"revenue": draw(money), "attribution_share": draw(shares)}
    elif category is Category.COST:
        inputs = ({"hours_saved": draw(counts), "hourly_rate": draw(rates)} if draw(st.booleans())
                  else {"ftes_saved": draw(ftes), "cost_per_fte": draw(money)})
    elif category is Category.RISK:
        inputs = {"cost_per_incident": draw(money), "baseline_incidents": draw(counts),
                  "incident_reduction": draw(changes if signed else shares)}
    elif category is Category.QUALITY:
        inputs = {"cost_per_error": draw(money), "error_volume": draw(counts),
                  "error_reduction": draw(changes if signed else shares)}
    else:
        stated = draw(st.none() | amounts("-100000" if signed else "0"))
        inputs = {} if stated is None else {"stated_value": stated}
    multipliers = draw(st.none() | st.lists(factors, min_size=3, max_size=3).map(
        lambda f: Multipliers(*sorted(f))))
    return ValueLine(
        id=f"line-{index}", label=draw(words),
        category=category, inputs=inputs,
        period_days=draw(st.sampled_from([30, 91, 182, 365]) | st.integers(1, 3660)),
        confidence=draw(st.sampled_from(Confidence)), weight=draw(weights),
        baseline=draw(measures), target=draw(measures), outcome=draw(measures),
        description=draw(words), evidence=draw(st.just("") | words), multipliers=multipliers,
    )


@st.composite
def models(draw: st.DrawFn, signed: bool = True) -> RoiModel:
    count = draw(st.integers(0, 6))
    lines = tuple(draw(value_lines(i, signed)) for i in range(count))
    investments = tuple(
        InvestmentItem(draw(words), draw(st.sampled_from(CostKind)), draw(money),
                       draw(st.booleans()))
        for _ in range(draw(st.integers(0, 3)))
    )
    return RoiModel(draw(st.sampled_from(["USD", "EUR", "JPY", "GBP"])), Q3, lines, investments,
                    draw(amounts("0", "1", 3)))


HOURS = ValueLine("h", "Hours", Category.COST, {"hours_saved": D(1), "hourly_rate": D(75)})


@given(counts, counts, amounts("1"))
def test_roi_rises_with_value(hours_a: Decimal, hours_b: Decimal, cost: Decimal) -> None:
    def roi(hours: Decimal) -> Decimal:
        line = replace(HOURS, inputs={"hours_saved": hours, "hourly_rate": D(75)})
        value = evaluate(RoiModel("USD", Q3, (line,), (subscription_from_arr(cost),))).roi.value
        assert value is not None
        return value
    low, high = sorted((hours_a, hours_b))
    assert roi(low) <= roi(high)


@given(models(signed=False), amounts("0.01"), amounts("0.01"))
def test_roi_falls_with_cost(model: RoiModel, cost_a: Decimal, cost_b: Decimal) -> None:
    def roi(cost: Decimal) -> Decimal:
        value = evaluate(replace(model, investments=(subscription_from_arr(cost),))).roi.value
        assert value is not None
        return value
    low, high = sorted((cost_a, cost_b))
    assert roi(low) >= roi(high)


@given(models(), amounts("1"), amounts())
def test_payback_times_monthly_value_is_the_first_year_cost(
        model: RoiModel, recurring: Decimal, one_off: Decimal) -> None:
    model = replace(model, investments=(
        subscription_from_arr(recurring),
        InvestmentItem("Setup", CostKind.SERVICES, one_off, recurring=False)))
    r = evaluate(model)
    payback = r.payback_months.value
    if payback is None:
        # Never paid back in 36 months: the value is too small (or none at all).
        assert r.total_value * 3 < r.three_year.cost or r.total_value <= 0
        return
    if payback <= 12:
        monthly = r.total_value / 12
        assert abs(payback * monthly - r.investment) <= r.investment * D("1e-20") + D("1e-12")


@settings(max_examples=200)
@given(models())
def test_conservative_expected_optimistic_in_order(model: RoiModel) -> None:
    results = scenarios(model)
    low, mid, high = (results[s] for s in Scenario)
    assert low.total_value <= mid.total_value <= high.total_value
    if mid.roi.value is not None:
        assert low.roi.value is not None and high.roi.value is not None
        assert low.roi.value <= mid.roi.value <= high.roi.value
    assert low.three_year.npv <= mid.three_year.npv <= high.three_year.npv


@settings(max_examples=200)
@given(models())
def test_document_round_trip_is_identity(model: RoiModel) -> None:
    text = json.dumps(model_to_dict(model))
    assert model_from_dict(json.loads(text)) == model

"""Scenarios, the sensitivity tornado and expansion cases, against hand-computed figures."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi import (
    Category,
    Confidence,
    CostKind,
    Figure,
    InvestmentItem,
    Multipliers,
    RoiModel,
    ValueLine,
    subscription_from_arr,
)
from qbr_desktop.domain.roi_scenarios import (
    ExpansionCase,
    Scenario,
    evaluate_expansion,
    scenario_factor,
    scenarios,
    sensitivity,
)
from qbr_desktop.i18n import CHINESE, catalogue, english

D = Decimal
Q3 = Quarter(2026, 3)
HOURS = ValueLine("support", "Support automation", Category.COST,
                  {"hours_saved": D(1200), "hourly_rate": D(75)})  # $360,000 a year
REVENUE = ValueLine("upsell", "Upsell", Category.REVENUE,
                    {"revenue": D(100000), "attribution_share": D("0.5")},
                    period_days=365)  # $50,000 a year
COSTS = (subscription_from_arr(D(80000)),
         InvestmentItem("Onboarding", CostKind.SERVICES, D(20000), recurring=False))
MODEL = RoiModel("USD", Q3, (HOURS, REVENUE), COSTS)


@pytest.mark.parametrize(("confidence", "low", "high"), [
    (Confidence.HIGH, "0.9", "1.1"), (Confidence.MEDIUM, "0.75", "1.25"),
    (Confidence.LOW, "0.5", "1.5"),
])
def test_confidence_haircuts_set_the_scenario_factors(
        confidence: Confidence, low: str, high: str) -> None:
    line = replace(HOURS, confidence=confidence)
    assert scenario_factor(line, Scenario.CONSERVATIVE) == D(low)
    assert scenario_factor(line, Scenario.EXPECTED) == 1
    assert scenario_factor(line, Scenario.OPTIMISTIC) == D(high)


def test_scenarios_with_haircuts_and_own_multipliers() -> None:
    # Hours (medium): 360,000 × 0.75 / 1 / 1.25; upsell with its own 0.6 / 0.9 / 1.3:
    # conservative 270,000 + 30,000 = 300,000; expected 360,000 + 45,000 = 405,000;
    # optimistic 450,000 + 65,000 = 515,000. Cost stays 100,000.
    own = replace(REVENUE, multipliers=Multipliers(D("0.6"), D("0.9"), D("1.3")))
    results = scenarios(replace(MODEL, lines=(HOURS, own)))
    assert list(results) == [Scenario.CONSERVATIVE, Scenario.EXPECTED, Scenario.OPTIMISTIC]
    totals = [r.total_value for r in results.values()]
    assert totals == [300000, 405000, 515000]
    assert [r.roi for r in results.values()] == [
        Figure(D(2)), Figure(D("3.05")), Figure(D("4.15"))]


def test_a_cost_increase_is_worse_in_the_conservative_case() -> None:
    # −$10,000 a year at medium confidence: conservative −12,500, optimistic −7,500.
    worse = ValueLine("exp", "Manual export", Category.STRATEGIC, {"stated_value": D(-10000)},
                      period_days=365, description="Exports are done by hand")
    results = scenarios(replace(MODEL, lines=(worse,)))
    assert [r.total_value for r in results.values()] == [-12500, -10000, -7500]


def test_scenarios_refuse_an_invalid_model() -> None:
    with pytest.raises(ValidationFailed):
        scenarios(replace(MODEL, discount_rate=D(2)))


def test_sensitivity_ranks_inputs_by_swing() -> None:
    # Base: value 410,000, cost 100,000, ROI 3.1.
    bars = sensitivity(MODEL)
    assert [bar.path for bar in bars] == [
        "lines[0].hourly_rate", "lines[0].hours_saved",  # ±72,000 a year: 2.38 … 3.82
        "investments[0].amount",  # cost 84,000 … 116,000: 3.881 … 2.534
        "investments[1].amount",  # cost 96,000 … 104,000: 3.271 … 2.942
        "lines[1].attribution_share", "lines[1].revenue",  # ±10,000: 3.0 … 3.2
    ]
    hours = bars[1]
    assert (hours.roi_at_minus, hours.roi_at_plus, hours.swing) == (
        D("2.38"), D("3.82"), D("1.44"))
    assert english(hours.label) == "Support automation: hours saved"
    # The line's name is the CSM's own; the input's words and the cost are translated.
    assert hours.label.render(catalogue(CHINESE)) == "Support automation：节省工时"
    assert bars[2].label.render(catalogue(CHINESE)).endswith("：成本")
    subscription = bars[2]
    # (410,000 − 84,000) ÷ 84,000 and (410,000 − 116,000) ÷ 116,000
    assert abs(subscription.roi_at_minus - D("3.880952381")) < D("1e-9")
    assert abs(subscription.roi_at_plus - D("2.534482759")) < D("1e-9")
    assert bars[4].swing == bars[5].swing == D("0.2")


def test_sensitivity_keeps_shares_in_range_and_needs_a_cost() -> None:
    # A 100% attribution cannot go to 120%: only the lower end moves.
    full = replace(REVENUE, inputs={"revenue": D(100000), "attribution_share": D(1)})
    bar = next(b for b in sensitivity(replace(MODEL, lines=(full,)))
               if b.path == "lines[0].attribution_share")
    # Value 80,000 … 100,000 against 100,000: ROI −0.2 … 0.
    assert (bar.roi_at_minus, bar.roi_at_plus) == (D("-0.2"), D(0))
    assert sensitivity(replace(MODEL, investments=())) == ()
    with pytest.raises(ValueError, match="between 0 and 1"):
        sensitivity(MODEL, D(0))


def test_expansion_with_a_ramp() -> None:
    # $120,000 a year = $10,000 a month at full rate, reached over 3 months:
    # months 1–3 bring 3,333.33 + 6,666.67 + 10,000; first year 110,000.
    case = ExpansionCase(added_annual_cost=D(50000), projected_annual_value=D(120000),
                         one_off_cost=D(10000), ramp_months=3)
    r = evaluate_expansion(case)
    assert abs(r.first_year_value - 110000) < D("1e-18")
    assert r.first_year_cost == 60000
    # (110,000 − 60,000) ÷ 60,000
    assert abs(r.roi.value - D("0.8333333333")) < D("1e-9")  # type: ignore[operator]
    # 3 years: (350,000 − 160,000) ÷ 160,000 = 1.1875
    assert r.three_year_roi == Figure(D("1.1875"))
    # −60,000 + 20,000 after the ramp, then 10,000 a month: 0 after month 7.
    assert abs(r.payback_months.value - 7) < D("1e-18")  # type: ignore[operator]
    # −60,000 + 60,000/1.1 + 70,000/1.21 + 120,000/1.331 = 142,554.47
    assert abs(r.npv - D("142554.4703230654")) < D("1e-6")
    assert len(r.cumulative_cash) == 37


def test_expansion_without_a_ramp_and_without_cost() -> None:
    # $50,000 a year paid back by $10,000 a month: 5 months; ROI 70,000 ÷ 50,000 = 1.4.
    r = evaluate_expansion(ExpansionCase(D(50000), D(120000)))
    assert (r.payback_months, r.roi) == (Figure(D(5)), Figure(D("1.4")))
    free = evaluate_expansion(ExpansionCase(D(0), D(120000)))
    assert free.roi.value is None and free.payback_months.value is None


def test_expansion_refuses_bad_figures() -> None:
    with pytest.raises(ValidationFailed) as caught:
        evaluate_expansion(ExpansionCase(D(-1), D("NaN"), D(0), 40), D(2))
    assert caught.value.problems == {
        "added_annual_cost": "a cost cannot be negative (it is -1)",
        "projected_annual_value": "NaN is not a finite number",
        "ramp_months": "a ramp must be 0 to 36 months (it is 40)",
        "discount_rate": "a discount rate must be between 0% and 100%",
    }

"""ROI formulas against hand-computed figures: categories, investment, results, NPV and IRR."""

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
    RoiModel,
    ValueLine,
    irr,
    line_value,
    npv,
    periods_per_year,
    subscription_from_arr,
)
from qbr_desktop.domain.roi_scenarios import NO_INVESTMENT, evaluate
from qbr_desktop.i18n import english

D = Decimal
Q3 = Quarter(2026, 3)


def close(a: Decimal | None, b: str | Decimal, places: int = 9) -> bool:
    assert a is not None
    return abs(a - D(b)) < D(10) ** -places


def line(category: Category, days: int = 91, **inputs: str) -> ValueLine:
    return ValueLine("l1", "A line", category, {k: D(v) for k, v in inputs.items()},
                     period_days=days, description="described")


# --- each category's formula ---------------------------------------------------------------


def test_cost_reduction_by_hours() -> None:
    # 1,200 hours × $75 loaded rate = $90,000 over the quarter.
    assert line_value(line(Category.COST, hours_saved="1200", hourly_rate="75")) == 90000


def test_cost_reduction_by_ftes_divides_the_annual_cost_by_periods_per_year() -> None:
    # 1.5 FTEs × $95,000 a year = $142,500 a year; a quarter is a fourth: $35,625.
    quarter = line(Category.COST, ftes_saved="1.5", cost_per_fte="95000")
    assert line_value(quarter) == D("35625")
    # 73 days is a fifth of 365: $142,500 ÷ 5 = $28,500.
    assert line_value(line(Category.COST, 73, ftes_saved="1.5", cost_per_fte="95000")) == 28500


def test_revenue_impact() -> None:
    # $250,000 closed × 30% attributed = $75,000.
    value = line_value(line(Category.REVENUE, revenue="250000", attribution_share="0.3"))
    assert value == 75000


def test_risk_mitigation() -> None:
    # 8 incidents a quarter × 50% fewer = 4 avoided × $12,000 = $48,000.
    value = line_value(line(Category.RISK, cost_per_incident="12000", baseline_incidents="8",
                            incident_reduction="0.5"))
    assert value == 48000


def test_quality_improvement() -> None:
    # 3,000 errors × 25% fewer = 750 avoided × $40 = $30,000.
    value = line_value(line(Category.QUALITY, cost_per_error="40", error_volume="3000",
                            error_reduction="0.25"))
    assert value == 30000


def test_strategic_value_counts_only_when_stated() -> None:
    assert line_value(line(Category.STRATEGIC, stated_value="20000")) == 20000
    assert line_value(line(Category.STRATEGIC)) is None


@pytest.mark.parametrize(("days", "per_year"), [
    (28, "12"), (31, "12"), (89, "4"), (91, "4"), (92, "4"), (182, "2"), (365, "1"), (366, "1"),
    (73, "5"), (10, "36.5"),
])
def test_periods_per_year(days: int, per_year: str) -> None:
    assert periods_per_year(days) == D(per_year)


# --- a whole model --------------------------------------------------------------------------

HOURS = ValueLine("support", "Support automation", Category.COST,
                  {"hours_saved": D(1200), "hourly_rate": D(75)}, confidence=Confidence.HIGH)
SUBSCRIPTION = subscription_from_arr(D(80000))
ONBOARDING = InvestmentItem("Onboarding", CostKind.SERVICES, D(20000), recurring=False)
MODEL = RoiModel("USD", Q3, (HOURS,), (SUBSCRIPTION, ONBOARDING))


def test_first_year_roi_payback_and_risk_adjustment() -> None:
    r = evaluate(MODEL)
    # $90,000 a quarter × 4 = $360,000 a year.
    assert r.total_value == 360000
    # First-year cost: $20,000 one-off + $80,000 subscription = $100,000.
    assert (r.one_off_cost, r.recurring_cost, r.investment) == (20000, 80000, 100000)
    assert r.net_value == 260000
    # (360,000 − 100,000) ÷ 100,000 = 2.6; the reference's value ÷ investment = 3.6.
    assert r.roi == Figure(D("2.6"))
    assert r.value_to_cost == Figure(D("3.6"))
    # $30,000 a month pays back $100,000 in 3⅓ months.
    assert close(r.payback_months.value, "3.333333333")
    # High confidence keeps 90%: $324,000, ROI (324,000 − 100,000) ÷ 100,000 = 2.24.
    assert r.risk_adjusted_value == 324000
    assert r.risk_adjusted_roi == Figure(D("2.24"))


def test_three_year_view_npv_and_irr() -> None:
    r = evaluate(MODEL).three_year
    # Value 3 × 360,000; cost 20,000 + 3 × 80,000 = 260,000; ROI 820,000 ÷ 260,000.
    assert (r.value, r.cost, r.net_value) == (1080000, 260000, 820000)
    assert close(r.roi.value, "3.153846154")
    # CF0 = −100,000; CF1 = CF2 = 360,000 − 80,000 (next year's bill); CF3 = 360,000.
    assert r.yearly_flows == (-100000, 280000, 280000, 360000)
    # −100,000 + 280,000/1.1 + 280,000/1.21 + 360,000/1.331 = 656,423.74
    assert close(r.npv, "656423.7415477", 6)
    assert r.irr.value is not None and npv(r.irr.value, r.yearly_flows).copy_abs() < D("0.001")


def test_cumulative_cash_by_month_and_value_per_quarter() -> None:
    r = evaluate(MODEL)
    cash = r.cumulative_cash
    assert len(cash) == 37
    # Month 0: both bills paid; then +30,000 a month; the second year's bill at month 13.
    assert cash[0] == -100000 and cash[1] == -70000
    assert cash[12] == 260000 and cash[13] == 210000
    assert cash[36] == 820000  # the 3-year net value
    quarters = r.value_by_quarter
    assert [str(q.quarter) for q in quarters[:2]] == ["2026Q3", "2026Q4"]
    assert str(quarters[-1].quarter) == "2029Q2" and len(quarters) == 12
    assert {q.value for q in quarters} == {90000}
    assert {q.risk_adjusted_value for q in quarters} == {81000}
    assert [q.cost for q in quarters] == [100000, 0, 0, 0, 80000, 0, 0, 0, 80000, 0, 0, 0]
    assert quarters[0].cumulative_net == -10000  # −100,000 + 90,000


def test_investment_mixes() -> None:
    # Recurring only: cost $80,000 a year, nothing one-off.
    only_sub = evaluate(replace(MODEL, investments=(SUBSCRIPTION,)))
    assert (only_sub.investment, only_sub.three_year.cost) == (80000, 240000)
    # Internal costs count like any other: 80,000 + 20,000 + 10,000 a year = 110,000.
    internal = InvestmentItem("Admin time", CostKind.INTERNAL, D(10000), recurring=True)
    mixed = evaluate(replace(MODEL, investments=(SUBSCRIPTION, ONBOARDING, internal)))
    assert mixed.investment == 110000 and mixed.three_year.cost == 20000 + 3 * 90000
    # One-off only: $20,000 → ROI (360,000 − 20,000) ÷ 20,000 = 17.
    assert evaluate(replace(MODEL, investments=(ONBOARDING,))).roi == Figure(D(17))


def test_subscription_default_comes_from_arr() -> None:
    item = subscription_from_arr(D("168000"))
    assert (item.kind, item.amount, item.recurring) == (CostKind.SUBSCRIPTION, 168000, True)


def test_no_investment_gives_reasons_not_infinity() -> None:
    r = evaluate(replace(MODEL, investments=()))
    assert r.roi == Figure(None, NO_INVESTMENT)
    assert r.value_to_cost.value is None and r.risk_adjusted_roi.value is None
    assert r.payback_months == Figure(None, "There is no investment to pay back.")
    assert r.three_year.irr.value is None
    assert "never change sign" in r.three_year.irr.reason
    zero = evaluate(replace(MODEL, investments=(subscription_from_arr(D(0)),)))
    assert zero.roi == Figure(None, NO_INVESTMENT)


def test_payback_counts_renewal_bills() -> None:
    # $60,000 a year ($5,000 a month) against $50,000 a year plus $20,000 one-off:
    # −70,000 → −10,000 at month 12; renewal → −60,000; 12 × 5,000 later it is 0: month 24.
    slow = ValueLine("x", "Slow", Category.STRATEGIC, {"stated_value": D(60000)},
                     period_days=365, description="d")
    model = RoiModel("USD", Q3, (slow,), (subscription_from_arr(D(50000)),
                                          replace(ONBOARDING, amount=D(20000))))
    assert evaluate(model).payback_months == Figure(D(24))


def test_value_that_never_covers_cost() -> None:
    # A $5,000 cost increase against $10,000: ROI (−5,000 − 10,000) ÷ 10,000 = −1.5.
    worse = ValueLine("x", "Manual export", Category.STRATEGIC, {"stated_value": D(-5000)},
                      period_days=365, description="d")
    r = evaluate(RoiModel("USD", Q3, (worse,), (subscription_from_arr(D(10000)),)))
    assert r.roi == Figure(D("-1.5"))
    assert r.lines[0].is_cost_increase
    assert r.payback_months == Figure(None, "The value does not cover the cost within 36 months.")


def test_delivered_share_and_value_impact() -> None:
    # Baseline 100, target 300, now 250: (250 − 100) ÷ (300 − 100) = 75% of the target.
    # Value impact: (250 − 100) ÷ 91 days × weight 2 = 300 ÷ 91.
    measured = replace(HOURS, baseline=D(100), target=D(300), outcome=D(250), weight=D(2))
    result = evaluate(replace(MODEL, lines=(measured,))).lines[0]
    assert result.delivered == Figure(D("0.75"))
    assert close(result.value_impact.value, "3.296703297")  # 300 ÷ 91
    flat = evaluate(replace(MODEL, lines=(replace(measured, target=D(100)),))).lines[0]
    assert flat.delivered == Figure(
        None, "The target equals the baseline, so there is no gap to close.")
    assert evaluate(MODEL).lines[0].delivered.value is None
    assert evaluate(MODEL).lines[0].value_impact.value is None


def test_weighted_value_beside_the_plain_total() -> None:
    # 360,000 × 2 + 50,000 × 0.5 = 745,000 weighted; plain 410,000.
    revenue = ValueLine("rev", "Upsell", Category.REVENUE,
                        {"revenue": D(100000), "attribution_share": D("0.5")},
                        period_days=365, weight=D("0.5"))
    r = evaluate(replace(MODEL, lines=(replace(HOURS, weight=D(2)), revenue)))
    assert (r.total_value, r.weighted_value) == (410000, 745000)


def test_strategic_line_without_value_is_recorded_not_counted() -> None:
    story = ValueLine("brand", "Brand", Category.STRATEGIC, description="Named in their report")
    r = evaluate(replace(MODEL, lines=(HOURS, story)))
    assert r.total_value == 360000
    assert not r.lines[1].counted and r.lines[1].annual_value == 0
    assert tuple(map(english, r.lines[1].notes)) == (
        "no value stated, so this line is described but not counted",)


def test_zero_rate_and_zero_reduction_are_defined_and_noted() -> None:
    free = replace(HOURS, inputs={"hours_saved": D(1200), "hourly_rate": D(0)})
    r = evaluate(replace(MODEL, lines=(free,)))
    assert r.total_value == 0 and r.roi == Figure(D(-1))
    assert tuple(map(english, r.lines[0].notes)) == (
        "hourly rate is 0, so this line adds no value",)
    none = line(Category.QUALITY, cost_per_error="40", error_volume="3000", error_reduction="0")
    assert line_value(none) == 0
    whole = line(Category.QUALITY, cost_per_error="40", error_volume="3000", error_reduction="1")
    assert line_value(whole) == 120000  # a 100% reduction: every error's cost saved


def test_more_errors_than_before_is_a_cost_increase() -> None:
    # Errors up 10%: 3,000 × −0.1 × $40 = −$12,000.
    worse = line(Category.QUALITY, cost_per_error="40", error_volume="3000",
                 error_reduction="-0.1")
    r = evaluate(replace(MODEL, lines=(worse,))).lines[0]
    assert r.value == -12000 and r.is_cost_increase
    assert "this line is a cost increase, and it lowers the total" in map(english, r.notes)


def test_evaluate_refuses_an_invalid_model_with_every_problem() -> None:
    bad = replace(HOURS, period_days=0, inputs={"hours_saved": D(-1), "hourly_rate": D(75)})
    with pytest.raises(ValidationFailed) as caught:
        evaluate(replace(MODEL, lines=(bad,), currency="XYZ"))
    assert set(caught.value.problems) == {
        "currency", "lines[0].period_days", "lines[0].hours_saved"}


# --- NPV and IRR: textbook cases --------------------------------------------------------------


def flows(*values: float | str) -> tuple[Decimal, ...]:
    return tuple(D(str(v)) for v in values)


def test_npv_textbook_cases() -> None:
    # −100 + 60/1.1 + 60/1.21 = 4.1322
    assert close(npv(D("0.1"), flows(-100, 60, 60)), "4.132231405")
    # The common classroom case: −1,000, 500, 400, 300, 100 at 10% → 78.82.
    assert close(npv(D("0.1"), flows(-1000, 500, 400, 300, 100)), "78.819752749", 6)
    # Excel's NPV example (first flow a year out): −10,000, 3,000, 4,200, 6,800 → 1,188.44.
    assert close(npv(D("0.1"), flows(0, -10000, 3000, 4200, 6800)), "1188.443412335", 6)
    assert npv(D(0), flows(-100, 60, 60)) == 20
    with pytest.raises(ValueError, match="above -100%"):
        npv(D(-1), flows(-100, 60))


@pytest.mark.parametrize(("cash", "expected"), [
    ((-100, 110), "0.10"),  # 110 ÷ 100 − 1
    ((-100, 0, 121), "0.10"),  # √1.21 − 1
    ((-100, 60, 60), "0.1306623863"),  # 60x + 60x² = 100, x = 1 ÷ (1 + r)
    ((-1000, 500, 400, 300, 100), "0.1448884428"),  # the classroom 14.49%
    ((-70000, 12000, 15000, 18000, 21000, 26000), "0.0866309481"),  # Excel's IRR: 8.66%
    ((-70000, 12000, 15000, 18000, 21000), "-0.0212448483"),  # ... and −2.12%
    ((100, -110), "0.10"),  # a loan: money first, repayment later
])
def test_irr_textbook_cases(cash: tuple[int, ...], expected: str) -> None:
    assert close(irr(flows(*cash)).value, expected)


def test_irr_gives_reasons_when_there_is_no_single_rate() -> None:
    assert irr(flows(100, 50)) == Figure(
        None, "The cash flows never change sign, so there is no rate of return.")
    assert irr(flows(-100, -50)).value is None
    assert irr(flows(0, 0)).value is None
    # −100, 230, −132 has two rates (10% and 20%): refused rather than picking one.
    assert irr(flows(-100, 230, -132)) == Figure(
        None, "The cash flows change sign more than once, so the rate of return is not "
              "unique; use NPV instead.")
    assert irr(flows(-100, "0.5")) == Figure(None, "The rate of return is below -99%.")
    # Leading and trailing zeros do not count as sign changes.
    assert close(irr(flows(0, -100, 110, 0)).value, "0.10")

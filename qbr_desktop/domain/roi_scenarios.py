"""What an ROI model yields: results, scenarios, the sensitivity tornado, expansion cases.

* ROI = (first-year value − first-year cost) ÷ first-year cost, where first-year value is the
  sum of the lines' annual values and first-year cost = one-off costs + recurring (annual)
  costs. value_to_cost is the reference's "ROI achieved" (value ÷ investment). With no cost
  ROI is n/a with the reason, never infinite.
* Risk-adjusted: each line's annual value less the haircut for its confidence (HAIRCUTS).
* Scenarios scale each line by its own low / expected / high multipliers, or else by its
  haircut: conservative 1 − h, expected 1, optimistic 1 + h (high confidence ±10%, medium
  ±25%, low ±50%). For a line that is a cost increase the factors swap, so a conservative
  case is never kinder than the expected one.
* Sensitivity: every input and every cost moved by ±20% alone; the first-year ROI at each
  end; bars sorted by swing, widest first. Shares and reductions stay within their range.
* An expansion case ramps its value linearly to the full monthly amount over ramp_months.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi import (
    DEFAULT_DISCOUNT_RATE,
    HAIRCUTS,
    HORIZON_MONTHS,
    SPECS,
    Figure,
    Kind,
    RoiModel,
    ValueLine,
    cash_flow,
    in_decimal_context,
    irr,
    line_notes,
    line_value,
    npv,
    periods_per_year,
    value_of,
)
from qbr_desktop.domain.roi_document import number_problem, validate_model
from qbr_desktop.i18n import N_, Message, msg

ZERO = Decimal(0)
NO_INVESTMENT = N_("No investment is recorded, so a return cannot be computed: add the "
                   "subscription (the account's ARR), services or internal costs.")


def roi_figure(value: Decimal, cost: Decimal) -> Figure:
    """(value − cost) ÷ cost as a fraction; n/a with the reason when there is no cost."""
    if cost == 0:
        return Figure(None, NO_INVESTMENT)
    return Figure((value - cost) / cost)


@dataclass(frozen=True, slots=True)
class LineResult:
    line: ValueLine
    value: Decimal | None  # over the line's own period; None when not counted
    annual_value: Decimal  # 0 when not counted
    risk_adjusted_value: Decimal  # annual, after the confidence haircut

    @property
    def counted(self) -> bool:
        return self.value is not None

    @property
    def is_cost_increase(self) -> bool:
        return self.value is not None and self.value < 0

    @property
    def delivered(self) -> Figure:
        """(outcome − baseline) ÷ (target − baseline): the share of the target reached."""
        line = self.line
        if line.baseline is None or line.target is None or line.outcome is None:
            return Figure(None, N_("Set a baseline, a target and the current outcome to show "
                                   "progress toward the target."))
        if line.target == line.baseline:
            return Figure(None, N_("The target equals the baseline, so there is no gap to "
                                   "close."))
        return Figure((line.outcome - line.baseline) / (line.target - line.baseline))

    @property
    def value_impact(self) -> Figure:
        """The reference's (outcome − baseline) ÷ period days × business weight."""
        line = self.line
        if line.baseline is None or line.outcome is None:
            return Figure(None, N_("Set a baseline and the current outcome to weigh the "
                                   "impact."))
        return Figure((line.outcome - line.baseline) / line.period_days * line.weight)

    @property
    def notes(self) -> tuple[Message, ...]:
        return line_notes(self.line)


@dataclass(frozen=True, slots=True)
class QuarterValue:
    quarter: Quarter
    value: Decimal
    risk_adjusted_value: Decimal
    cost: Decimal  # billed as the quarter starts
    cumulative_net: Decimal  # running cash position at the quarter's end


@dataclass(frozen=True, slots=True)
class ThreeYearView:
    value: Decimal
    cost: Decimal
    net_value: Decimal
    roi: Figure
    npv: Decimal
    irr: Figure
    yearly_flows: tuple[Decimal, ...]  # CF0..CF3


@dataclass(frozen=True, slots=True)
class RoiResult:
    model: RoiModel
    lines: tuple[LineResult, ...]
    total_value: Decimal  # a year's value from all counted lines
    weighted_value: Decimal  # Σ annual value × business weight, beside the plain total
    one_off_cost: Decimal
    recurring_cost: Decimal  # a year's
    investment: Decimal  # first-year cost: one-off + a year of recurring
    net_value: Decimal
    roi: Figure
    value_to_cost: Figure
    risk_adjusted_value: Decimal
    risk_adjusted_roi: Figure
    payback_months: Figure
    three_year: ThreeYearView
    cumulative_cash: tuple[Decimal, ...]  # month 0..36
    value_by_quarter: tuple[QuarterValue, ...]  # 12 quarters from the model's quarter


@in_decimal_context
def evaluate(model: RoiModel, factors: Sequence[Decimal] | None = None, *,
             check: bool = True) -> RoiResult:
    """The results of a model; factors (one per line) scale line values for a scenario.

    Raises ValidationFailed (every problem, by field path) unless the model is valid.
    """
    if check:
        problems = validate_model(model)
        if problems:
            raise ValidationFailed(problems)
    results = []
    total = weighted = adjusted = ZERO
    for index, line in enumerate(model.lines):
        value = line_value(line)
        if value is None:
            results.append(LineResult(line, None, ZERO, ZERO))
            continue
        if factors is not None:
            value *= factors[index]
        annual = value * periods_per_year(line.period_days)
        risk_adjusted = annual * (1 - HAIRCUTS[line.confidence])
        results.append(LineResult(line, value, annual, risk_adjusted))
        total += annual
        weighted += annual * line.weight
        adjusted += risk_adjusted
    one_off = sum((i.amount for i in model.investments if not i.recurring), ZERO)
    recurring = sum((i.amount for i in model.investments if i.recurring), ZERO)
    investment = one_off + recurring
    monthly = total / 12
    flow = cash_flow((monthly,) * HORIZON_MONTHS, one_off, recurring)
    years = HORIZON_MONTHS // 12
    three_value, three_cost = total * years, one_off + recurring * years
    quarters = tuple(
        QuarterValue(model.quarter.shifted(k), total / 4, adjusted / 4,
                     (one_off + recurring if k == 0 else recurring if k % 4 == 0 else ZERO),
                     flow.cumulative[3 * (k + 1)])
        for k in range(HORIZON_MONTHS // 3)
    )
    return RoiResult(
        model=model, lines=tuple(results), total_value=total, weighted_value=weighted,
        one_off_cost=one_off, recurring_cost=recurring, investment=investment,
        net_value=total - investment, roi=roi_figure(total, investment),
        value_to_cost=(Figure(total / investment) if investment else Figure(None, NO_INVESTMENT)),
        risk_adjusted_value=adjusted, risk_adjusted_roi=roi_figure(adjusted, investment),
        payback_months=flow.payback_months,
        three_year=ThreeYearView(
            three_value, three_cost, three_value - three_cost,
            roi_figure(three_value, three_cost), npv(model.discount_rate, flow.yearly),
            irr(flow.yearly), flow.yearly),
        cumulative_cash=flow.cumulative, value_by_quarter=quarters,
    )


# --- scenarios ---------------------------------------------------------------------------------


class Scenario(StrEnum):
    CONSERVATIVE = "conservative"
    EXPECTED = "expected"
    OPTIMISTIC = "optimistic"


def scenario_factor(line: ValueLine, scenario: Scenario) -> Decimal:
    if line.multipliers is not None:
        low, expected, high = (line.multipliers.low, line.multipliers.expected,
                               line.multipliers.high)
    else:
        cut = HAIRCUTS[line.confidence]
        low, expected, high = 1 - cut, Decimal(1), 1 + cut
    value = line_value(line)
    if value is not None and value < 0:  # a cost increase: the cautious case is the larger one
        low, high = high, low
    return {Scenario.CONSERVATIVE: low, Scenario.EXPECTED: expected,
            Scenario.OPTIMISTIC: high}[scenario]


def scenarios(model: RoiModel) -> dict[Scenario, RoiResult]:
    """Conservative, expected and optimistic results, in that order."""
    problems = validate_model(model)
    if problems:
        raise ValidationFailed(problems)
    return {
        scenario: evaluate(model, [scenario_factor(line, scenario) for line in model.lines],
                           check=False)
        for scenario in Scenario
    }


# --- sensitivity -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SensitivityBar:
    path: str  # "lines[0].hours_saved" or "investments[1].amount"
    label: Message  # "Support automation: hours saved", the input's words translated
    roi_at_minus: Decimal  # first-year ROI with this input 20% lower
    roi_at_plus: Decimal  # ... and 20% higher

    @property
    def swing(self) -> Decimal:
        return abs(self.roi_at_plus - self.roi_at_minus)


def _moved(kind: Kind, value: Decimal, factor: Decimal) -> Decimal:
    moved = value * factor
    if kind is Kind.SHARE:
        return min(max(moved, ZERO), Decimal(1))
    if kind is Kind.CHANGE:
        return min(max(moved, Decimal(-1)), Decimal(1))
    return moved


@in_decimal_context
def sensitivity(model: RoiModel, step: Decimal = Decimal("0.2")) -> tuple[SensitivityBar, ...]:
    """Which inputs move first-year ROI most; empty when ROI is n/a (no investment)."""
    if not 0 < step < 1:
        raise ValueError("the sensitivity step must be between 0 and 1 (0.2 is ±20%)")
    base = evaluate(model)
    cost, total = base.investment, base.total_value
    if cost == 0:
        return ()
    bars = []
    for index, (line, result) in enumerate(zip(model.lines, base.lines, strict=True)):
        if not result.counted:
            continue
        per_year = periods_per_year(line.period_days)
        for name, value in line.inputs.items():
            kind = SPECS[line.category][name].kind
            ends = []
            for factor in (1 - step, 1 + step):
                inputs = {**line.inputs, name: _moved(kind, value, factor)}
                moved = value_of(line.category, inputs, line.period_days) or ZERO
                ends.append((total - result.annual_value + moved * per_year - cost) / cost)
            words = msg(SPECS[line.category][name].words)
            bars.append(SensitivityBar(f"lines[{index}].{name}",
                                       msg("{label}: {input}", label=line.label, input=words),
                                       ends[0], ends[1]))
    for index, item in enumerate(model.investments):
        ends = [(total - c) / c for c in (cost - item.amount * step, cost + item.amount * step)]
        bars.append(SensitivityBar(f"investments[{index}].amount",
                                   msg("{label}: cost", label=item.label), ends[0], ends[1]))
    return tuple(sorted(bars, key=lambda bar: (-bar.swing, bar.path)))


# --- expansion ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExpansionCase:
    added_annual_cost: Decimal
    projected_annual_value: Decimal  # at full run rate
    one_off_cost: Decimal = ZERO
    ramp_months: int = 0  # months until the full value is reached (linear)


@dataclass(frozen=True, slots=True)
class ExpansionResult:
    first_year_value: Decimal
    first_year_cost: Decimal
    roi: Figure  # first year
    three_year_roi: Figure
    payback_months: Figure
    npv: Decimal
    irr: Figure
    cumulative_cash: tuple[Decimal, ...]


def validate_expansion(case: ExpansionCase) -> dict[str, Message]:
    problems: dict[str, Message] = {}
    for name in ("added_annual_cost", "projected_annual_value", "one_off_cost"):
        value: Decimal = getattr(case, name)
        problem = number_problem(value)
        if problem is None and value < 0 and name != "projected_annual_value":
            problem = msg("a cost cannot be negative (it is {value})", value=str(value))
        if problem:
            problems[name] = problem
    if not 0 <= case.ramp_months <= HORIZON_MONTHS:
        problems["ramp_months"] = msg("a ramp must be 0 to {longest} months (it is {months})",
                                      longest=HORIZON_MONTHS, months=case.ramp_months)
    return problems


@in_decimal_context
def evaluate_expansion(case: ExpansionCase,
                       discount_rate: Decimal = DEFAULT_DISCOUNT_RATE) -> ExpansionResult:
    problems = validate_expansion(case)
    if number_problem(discount_rate) or not 0 <= discount_rate <= 1:
        problems["discount_rate"] = msg("a discount rate must be between 0% and 100%")
    if problems:
        raise ValidationFailed(problems)
    full = case.projected_annual_value / 12
    ramp = case.ramp_months
    monthly = tuple(full if month >= ramp else full * month / ramp
                    for month in range(1, HORIZON_MONTHS + 1))
    flow = cash_flow(monthly, case.one_off_cost, case.added_annual_cost)
    first_value = sum(monthly[:12], ZERO)
    first_cost = case.one_off_cost + case.added_annual_cost
    years = HORIZON_MONTHS // 12
    return ExpansionResult(
        first_year_value=first_value, first_year_cost=first_cost,
        roi=roi_figure(first_value, first_cost),
        three_year_roi=roi_figure(sum(monthly, ZERO),
                                  case.one_off_cost + case.added_annual_cost * years),
        payback_months=flow.payback_months, npv=npv(discount_rate, flow.yearly),
        irr=irr(flow.yearly), cumulative_cash=flow.cumulative,
    )


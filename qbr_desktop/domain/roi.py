"""The ROI and value model: value lines in five categories, the investment, and their checks.

A value line's worth over its own period, by category:

* revenue impact: revenue (pipeline or closed) × the share attributed to the product;
* cost reduction: hours saved × loaded hourly rate, or FTEs saved × annual cost per FTE
  ÷ periods per year;
* risk mitigation: cost per incident × baseline incidents × incident reduction
  (incidents avoided = baseline × reduction);
* quality improvement: cost per error × error volume × error reduction;
* strategic value: recorded and described; counted only when the CSM states a value.

A negative reduction (more incidents or errors than before) or a negative stated value is a
cost increase: allowed, counted, and shown as such. Counts and prices cannot be negative.

Periods are counted, not measured, when they have a calendar shape: 28–31 days is a month
(12 a year), 89–92 a quarter (4), 181–184 a half (2), 365–366 a year (1); any other length is
scaled by 365 ÷ days. So $90,000 in a 92-day quarter is $360,000 a year, not $357,065.

Beside the plain value, each line carries the reference's value impact,
(outcome − baseline) ÷ period days × business weight, in the line's own unit per day.

Cash flow over the 3-year view: recurring costs are annual and billed in advance (at month 0,
12 and 24), one-off costs at month 0; value arrives month by month. NPV discounts the yearly
sums (CF0 = what is paid at signing, CFn = year n's value less the bill for year n + 1) at the
end of each year. IRR is found by bisection on that NPV, in Decimal (see irr()).

Everything is Decimal at full precision; nothing is rounded to cents until it is shown.
Checks and the JSON document are in roi_document.py; evaluate() and the scenarios in
roi_scenarios.py; value stories in roi_story.py.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from enum import StrEnum
from typing import ParamSpec, TypeVar

from qbr_desktop.domain.periods import Quarter
from qbr_desktop.i18n import N_, Message, msg

# Beyond this a figure is a typo (or a unit mix-up), not a business outcome.
LARGEST = Decimal(10) ** 15
DEFAULT_DISCOUNT_RATE = Decimal("0.10")
DEFAULT_PERIOD_DAYS = 91
LONGEST_PERIOD_DAYS = 3660


class Category(StrEnum):
    REVENUE = "revenue_impact"
    COST = "cost_reduction"
    RISK = "risk_mitigation"
    QUALITY = "quality_improvement"
    STRATEGIC = "strategic_value"

    @property
    def words(self) -> str:
        return self.value.replace("_", " ")

    @property
    def label(self) -> str:
        """Its name as a form lists it ("Cost reduction"), marked for the catalogue."""
        return CATEGORY_LABELS[self]

    @property
    def short_label(self) -> str:
        """One word for a narrow column ("Cost"); the form says more."""
        return CATEGORY_SHORT_LABELS[self]


CATEGORY_LABELS: dict[Category, str] = {
    Category.REVENUE: N_("Revenue impact"), Category.COST: N_("Cost reduction"),
    Category.RISK: N_("Risk mitigation"), Category.QUALITY: N_("Quality improvement"),
    Category.STRATEGIC: N_("Strategic value"),
}
CATEGORY_SHORT_LABELS: dict[Category, str] = {
    Category.REVENUE: N_("Revenue"), Category.COST: N_("Cost"), Category.RISK: N_("Risk"),
    Category.QUALITY: N_("Quality"), Category.STRATEGIC: N_("Strategic"),
}


class Confidence(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


# The share of a line's value held back when its evidence is weaker: a measured outcome
# (high) loses 10%, an estimate the customer agreed (medium) 25%, a CSM's guess (low) half.
HAIRCUTS: dict[Confidence, Decimal] = {
    Confidence.HIGH: Decimal("0.10"),
    Confidence.MEDIUM: Decimal("0.25"),
    Confidence.LOW: Decimal("0.50"),
}


class Kind(StrEnum):
    MONEY = "money"  # a price or cost, never below zero
    SIGNED_MONEY = "signed money"  # a stated value; below zero is a cost increase
    COUNT = "count"  # hours, FTEs, incidents, errors: never below zero
    SHARE = "share"  # a fraction from 0 to 1
    CHANGE = "change"  # a reduction from -1 to 1; below zero is an increase


@dataclass(frozen=True, slots=True)
class InputSpec:
    name: str
    words: str  # what a CSM calls it (marked with N_, shown through the catalogue)
    kind: Kind

    @property
    def caption(self) -> str:
        """The words as a field's caption: "FTEs saved", "Hourly rate" (English template)."""
        return CAPTIONS[self.name]


INPUTS: dict[Category, tuple[InputSpec, ...]] = {
    Category.REVENUE: (
        InputSpec("revenue", N_("revenue"), Kind.MONEY),
        InputSpec("attribution_share", N_("attribution share"), Kind.SHARE),
    ),
    Category.COST: (
        InputSpec("hours_saved", N_("hours saved"), Kind.COUNT),
        InputSpec("hourly_rate", N_("hourly rate"), Kind.MONEY),
        InputSpec("ftes_saved", N_("FTEs saved"), Kind.COUNT),
        InputSpec("cost_per_fte", N_("cost per FTE"), Kind.MONEY),
    ),
    Category.RISK: (
        InputSpec("cost_per_incident", N_("cost per incident"), Kind.MONEY),
        InputSpec("baseline_incidents", N_("baseline incidents"), Kind.COUNT),
        InputSpec("incident_reduction", N_("incident reduction"), Kind.CHANGE),
    ),
    Category.QUALITY: (
        InputSpec("cost_per_error", N_("cost per error"), Kind.MONEY),
        InputSpec("error_volume", N_("error volume"), Kind.COUNT),
        InputSpec("error_reduction", N_("error reduction"), Kind.CHANGE),
    ),
    Category.STRATEGIC: (InputSpec("stated_value", N_("stated value"), Kind.SIGNED_MONEY),),
}
SPECS: dict[Category, dict[str, InputSpec]] = {
    category: {spec.name: spec for spec in specs} for category, specs in INPUTS.items()
}
# The inputs a category needs (cost reduction needs one of two pairs, checked on its own).
REQUIRED: dict[Category, tuple[str, ...]] = {
    Category.REVENUE: ("revenue", "attribution_share"),
    Category.COST: (),
    Category.RISK: ("cost_per_incident", "baseline_incidents", "incident_reduction"),
    Category.QUALITY: ("cost_per_error", "error_volume", "error_reduction"),
    Category.STRATEGIC: (),
}
# Each input's caption in a form (the words capitalised, as a catalogue entry of its own).
CAPTIONS: dict[str, str] = {
    "revenue": N_("Revenue"), "attribution_share": N_("Attribution share"),
    "hours_saved": N_("Hours saved"), "hourly_rate": N_("Hourly rate"),
    "ftes_saved": N_("FTEs saved"), "cost_per_fte": N_("Cost per FTE"),
    "cost_per_incident": N_("Cost per incident"), "baseline_incidents": N_("Baseline incidents"),
    "incident_reduction": N_("Incident reduction"), "cost_per_error": N_("Cost per error"),
    "error_volume": N_("Error volume"), "error_reduction": N_("Error reduction"),
    "stated_value": N_("Stated value"),
}
HOURS_PAIR = ("hours_saved", "hourly_rate")
FTE_PAIR = ("ftes_saved", "cost_per_fte")


@dataclass(frozen=True, slots=True)
class Multipliers:
    """The line's own low / expected / high factors for the scenarios (e.g. 0.7, 1, 1.2)."""

    low: Decimal
    expected: Decimal
    high: Decimal


@dataclass(frozen=True, slots=True)
class ValueLine:
    id: str  # stable within the model; stories bind to it ("{support.hours_saved}")
    label: str
    category: Category
    inputs: Mapping[str, Decimal] = field(default_factory=dict)
    period_days: int = DEFAULT_PERIOD_DAYS
    confidence: Confidence = Confidence.MEDIUM
    weight: Decimal = Decimal(1)  # the customer's business weight for this outcome
    baseline: Decimal | None = None
    target: Decimal | None = None
    outcome: Decimal | None = None
    description: str = ""
    evidence: str = ""
    multipliers: Multipliers | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "inputs", dict(self.inputs))
        for name, value in self.inputs.items():
            if not isinstance(value, Decimal):
                raise TypeError(f"{name}: value-line inputs are Decimal, never float")


class CostKind(StrEnum):
    SUBSCRIPTION = "subscription"
    SERVICES = "services"
    INTERNAL = "internal"


@dataclass(frozen=True, slots=True)
class InvestmentItem:
    label: str
    kind: CostKind
    amount: Decimal  # a year's cost when recurring; the whole cost when one-off
    recurring: bool

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal):
            raise TypeError("investment amounts are Decimal, never float")


# The default investment's label, written in the account's language when a model is made
# (what the CSM renames it to is kept as typed).
SUBSCRIPTION_LABEL = N_("Subscription")


def subscription_from_arr(arr: Decimal, label: str = SUBSCRIPTION_LABEL) -> InvestmentItem:
    """The default investment: the account's ARR as a recurring subscription, labelled
    `label` (English unless the caller words it in the account's language)."""
    return InvestmentItem(label, CostKind.SUBSCRIPTION, arr, recurring=True)


@dataclass(frozen=True, slots=True)
class RoiModel:
    currency: str
    quarter: Quarter  # the QBR's quarter: the first quarter of the 3-year view
    lines: tuple[ValueLine, ...] = ()
    investments: tuple[InvestmentItem, ...] = ()
    discount_rate: Decimal = DEFAULT_DISCOUNT_RATE


def periods_per_year(days: int) -> Decimal:
    if 28 <= days <= 31:
        return Decimal(12)
    if 89 <= days <= 92:
        return Decimal(4)
    if 181 <= days <= 184:
        return Decimal(2)
    if days in (365, 366):
        return Decimal(1)
    return Decimal(365) / Decimal(days)


def value_of(category: Category, inputs: Mapping[str, Decimal], period_days: int) -> Decimal | None:
    """The line's value over its period; None for a strategic line with no stated value."""
    x = inputs
    if category is Category.REVENUE:
        return x["revenue"] * x["attribution_share"]
    if category is Category.COST:
        if "hours_saved" in x:
            return x["hours_saved"] * x["hourly_rate"]
        return x["ftes_saved"] * x["cost_per_fte"] / periods_per_year(period_days)
    if category is Category.RISK:
        return x["cost_per_incident"] * x["baseline_incidents"] * x["incident_reduction"]
    if category is Category.QUALITY:
        return x["cost_per_error"] * x["error_volume"] * x["error_reduction"]
    return x.get("stated_value")


def line_value(line: ValueLine) -> Decimal | None:
    return value_of(line.category, line.inputs, line.period_days)


def line_notes(line: ValueLine) -> tuple[Message, ...]:
    """Plain remarks on a valid line whose figures give a surprising result."""
    notes = []
    specs = SPECS[line.category]
    for name, value in line.inputs.items():
        if value == 0 and specs[name].kind is not Kind.SIGNED_MONEY:
            notes.append(msg("{field} is 0, so this line adds no value",
                             field=msg(specs[name].words)))
    if line.category is Category.STRATEGIC and "stated_value" not in line.inputs:
        notes.append(msg("no value stated, so this line is described but not counted"))
    worth = line_value(line)
    if worth is not None and worth < 0:
        notes.append(msg("this line is a cost increase, and it lowers the total"))
    return tuple(notes)


# --- cash flow, payback, NPV and IRR ----------------------------------------------------------

# The arithmetic runs in its own context, so a caller's (or a thread's) changed precision
# cannot change a result: 28 significant digits, half-even, errors trapped.
CONTEXT = Context(prec=28, rounding=ROUND_HALF_EVEN)
_P = ParamSpec("_P")
_R = TypeVar("_R")


def in_decimal_context(function: Callable[_P, _R]) -> Callable[_P, _R]:
    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with localcontext(CONTEXT):
            return function(*args, **kwargs)
    return wrapper


HORIZON_MONTHS = 36
_IRR_FLOOR = Decimal("-0.99")
_IRR_CEILING = Decimal(10) ** 6
_IRR_TOLERANCE = Decimal("1e-10")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure, or None with the reason it cannot be given ("no investment recorded").

    The reason is an English catalogue entry (marked with N_): shown through ui_label() in
    the window, through the account language's catalogue in a customer's file."""

    value: Decimal | None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class CashFlow:
    cumulative: tuple[Decimal, ...]  # month 0 (signing) to month 36, for the chart
    yearly: tuple[Decimal, ...]  # CF0..CF3, for NPV and IRR
    payback_months: Figure


def cash_flow(monthly_values: tuple[Decimal, ...], one_off: Decimal,
              recurring: Decimal) -> CashFlow:
    """Costs in advance, value in arrears; payback is when the running total first reaches 0.

    The payback month is interpolated inside the month: value accrues evenly through it.
    """
    position = -(one_off + recurring)
    cumulative = [position]
    yearly = [position] + [Decimal(0)] * ((len(monthly_values) + 11) // 12)
    payback: Decimal | None = None
    for month, value in enumerate(monthly_values, 1):
        year = (month - 1) // 12 + 1
        if month > 1 and (month - 1) % 12 == 0:  # the next year's bill, paid as it starts
            position -= recurring
            yearly[year - 1] -= recurring
        before = position
        position += value
        yearly[year] += value
        if payback is None and before < 0 <= position:
            payback = month - 1 + (-before) / value
        cumulative.append(position)
    if payback is not None:
        figure = Figure(payback)
    elif one_off + recurring == 0:
        figure = Figure(None, N_("There is no investment to pay back."))
    elif len(monthly_values) == HORIZON_MONTHS:
        figure = Figure(None, N_("The value does not cover the cost within 36 months."))
    else:
        figure = Figure(None, N_("The value does not cover the cost within the months shown."))
    return CashFlow(tuple(cumulative), tuple(yearly), figure)


@in_decimal_context
def npv(rate: Decimal, flows: tuple[Decimal, ...]) -> Decimal:
    """Σ CFt ÷ (1 + rate)^t, t = 0 for the first flow (Horner's rule in 1 ÷ (1 + rate))."""
    if rate <= -1:
        raise ValueError("a discount rate must be above -100%")
    return _npv(rate, flows)


def _npv(rate: Decimal, flows: tuple[Decimal, ...]) -> Decimal:
    x = 1 / (1 + rate)
    total = Decimal(0)
    for flow in reversed(flows):
        total = total * x + flow
    return total


def _sign_changes(flows: tuple[Decimal, ...]) -> int:
    signs = [flow > 0 for flow in flows if flow != 0]
    return sum(1 for a, b in zip(signs, signs[1:], strict=False) if a != b)


@in_decimal_context
def irr(flows: tuple[Decimal, ...]) -> Figure:
    """The rate at which NPV is 0, by bisection in Decimal, to within 1e-10.

    Bisection rather than Newton: it cannot diverge or jump to a far root, needs no
    derivative, and 60-odd halvings of a Decimal bracket cost well under a millisecond.
    With one sign change in the flows NPV has exactly one root above -100%; with none
    there is no rate, and with several there may be more than one, so none is given.
    """
    changes = _sign_changes(flows)
    if changes == 0:
        return Figure(None, N_("The cash flows never change sign, so there is no rate of "
                                 "return."))
    if changes > 1:
        return Figure(None, N_("The cash flows change sign more than once, so the rate of "
                               "return is not unique; use NPV instead."))
    low, high = _IRR_FLOOR, Decimal(1)
    at_low = _npv(low, flows)
    if at_low == 0:
        return Figure(low)
    low_positive = at_low > 0
    # As the rate grows, NPV tends to the first non-zero flow: the root lies above -99%
    # only if that flow's sign differs from NPV's sign at -99%.
    if (next(flow for flow in flows if flow != 0) > 0) == low_positive:
        return Figure(None, N_("The rate of return is below -99%."))
    while (_npv(high, flows) > 0) == low_positive:
        if high >= _IRR_CEILING:
            return Figure(None, N_("The rate of return is above 100,000,000%."))
        high *= 10
    while high - low > _IRR_TOLERANCE:
        middle = (low + high) / 2
        if (_npv(middle, flows) > 0) == low_positive:
            low = middle
        else:
            high = middle
    return Figure((low + high) / 2)

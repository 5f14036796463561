"""Expansion whitespace: what more the account could buy, in ARR, with every assumption said.

* Price per seat = ARR ÷ licensed seats (none when no seats are licensed).
* Seats: the least-squares slope of active users over the last (up to) four quarters,
  carried four quarters ahead from the latest count; seats needed = the projection above
  the licensed seats, rounded up, never below zero.
* Modules not owned: price × licensed seats when priced per seat, the price when flat.
* Plans: a customer runs one plan, so the line is the step up to the next dearer plan
  not owned, valued as the difference from the most valuable plan owned. Without a
  known current plan an upgrade cannot be priced, and none is shown.
* Departments not using the product: headcount × the account's coverage rate (60% when
  unknown) × price per seat.
* Idle seats (licensed, not active) are already paid for: they are an adoption gap and
  are not added to the total.
* Catalogue prices in another currency are skipped: there are no exchange rates offline.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction

from qbr_desktop.domain.health import BAND_WORDS, Band, HealthReport, format_number
from qbr_desktop.domain.money import Money, format_money, to_cents
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.i18n import Message, msg, msg_in_context, msg_plural

READY = "ready"
NURTURE = "nurture"
NOT_NOW = "not now"
# Each level as the window shows it (the level itself is stored and stays English).
LEVEL_WORDS: dict[str, Message] = {READY: msg_in_context("expansion readiness", "ready"),
                                   NURTURE: msg_in_context("expansion readiness", "nurture"),
                                   NOT_NOW: msg_in_context("expansion readiness", "not now")}
TREND_QUARTERS = 4
HORIZON_QUARTERS = 4
DEFAULT_COVERAGE = Decimal("0.6")
READY_NPS = 30.0
READY_HEALTH_WITHOUT_NPS = 75.0
READY_COVERAGE = Decimal("0.8")


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    id: int
    name: str
    kind: str  # "module" or "plan"
    pricing: str  # "per_seat" or "flat"
    price: Decimal  # per year
    currency: str


@dataclass(frozen=True, slots=True)
class DepartmentInfo:
    name: str
    headcount: int
    uses_product: bool


@dataclass(frozen=True, slots=True)
class ExpansionInputs:
    arr: Decimal
    currency: str
    licensed_seats: int
    active_users_by_quarter: tuple[tuple[Quarter, float], ...]
    owned_entry_ids: frozenset[int]
    catalogue: tuple[CatalogueEntry, ...]
    departments: tuple[DepartmentInfo, ...]
    health: HealthReport | None
    nps: float | None


@dataclass(frozen=True, slots=True)
class ExpansionLine:
    kind: str  # "seats", "module", "plan" or "department"
    title: str
    amount: Decimal
    assumption: str
    # The title as a message, for a customer's file in the account's language.
    title_words: Message | None = None


@dataclass(frozen=True, slots=True)
class Readiness:
    level: str  # READY, NURTURE or NOT_NOW (stored: stays English)
    reasons: tuple[Message, ...]

    @property
    def level_words(self) -> Message:
        """The level as the window shows it."""
        return LEVEL_WORDS[self.level]


@dataclass(frozen=True, slots=True)
class ExpansionEstimate:
    unused_seats: int
    unused_seat_value: Decimal
    lines: tuple[ExpansionLine, ...]
    total: Decimal
    currency: str
    readiness: Readiness
    assumptions: tuple[Message, ...]
    skipped: tuple[Message, ...]


def _money(amount: Decimal, currency: str) -> str:
    # Whole amounts read better without ".00"; cents are shown only when there are some.
    return format_money(Money(amount, currency), cents=amount != amount.to_integral_value())


def _percent(rate: Decimal) -> str:
    return f"{format_number(float(rate * 100))}%"


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count:,} people"


def _latest_active(inputs: ExpansionInputs) -> float | None:
    points = [p for p in inputs.active_users_by_quarter if math.isfinite(p[1])]
    return max(points)[1] if points else None


def _coverage(inputs: ExpansionInputs) -> Decimal | None:
    active = _latest_active(inputs)
    if active is None or inputs.licensed_seats <= 0:
        return None
    return min(Decimal(1), max(Decimal(0), Decimal(active) / inputs.licensed_seats))


def _slope(points: list[tuple[Quarter, float]]) -> Fraction:
    """Least-squares users per quarter; quarters are spaced by the calendar, so gaps count.

    Worked out from the closed form (n·Σxy − Σx·Σy) / (n·Σx² − (Σx)²) on exact numbers:
    whole user counts stay integers, so only the final division makes a Fraction.
    """
    xs = [q.year * 4 + q.number for q, _ in points]
    ys: list[int | Fraction] = [int(v) if float(v).is_integer() else Fraction(v)
                                for _, v in points]
    n = len(xs)
    sum_x, sum_y = sum(xs), sum(ys)
    sum_xx = sum(x * x for x in xs)
    sum_xy = sum(x * y for x, y in zip(xs, ys, strict=True))
    return Fraction(n * sum_xy - sum_x * sum_y) / (n * sum_xx - sum_x * sum_x)


def _seat_line(inputs: ExpansionInputs, price: Decimal | None,
               assumptions: list[Message]) -> ExpansionLine | None:
    points = sorted(p for p in inputs.active_users_by_quarter if math.isfinite(p[1]))
    recent = points[-TREND_QUARTERS:]
    if len({q for q, _ in recent}) < 2:
        assumptions.append(msg("Fewer than two quarters of active users, so seat growth is "
                               "not projected."))
        return None
    slope = _slope(recent)
    span = f"over the last {len(recent)} quarters"
    pace = format_number(abs(float(slope)))
    if slope <= 0:
        assumptions.append(
            msg("Active users held steady over the last {count} quarters, so no extra seats "
                "are projected.", count=len(recent)) if slope == 0 else
            msg("Active users fell {pace} a quarter over the last {count} quarters, so no "
                "extra seats are projected.", pace=pace, count=len(recent)))
        return None
    projected = Fraction(recent[-1][1]) + slope * HORIZON_QUARTERS
    needed = max(0, math.ceil(projected - inputs.licensed_seats))
    users = format_number(float(projected), 0)
    if needed == 0:
        seats_text = f"{inputs.licensed_seats:,}"
        assumptions.append(msg(
            "Active users grew {pace} a quarter over the last {count} quarters; at that pace "
            "the {users} users expected in a year still fit in the {seats} licensed seats.",
            pace=pace, count=len(recent), users=users, seats=seats_text))
        return None
    if price is None:
        return None  # the missing price is reported once, in `skipped`
    return ExpansionLine(
        kind="seats",
        title=_plural(needed, "more seat"),
        title_words=msg_plural("{count:,} more seat", "{count:,} more seats", needed),
        amount=to_cents(price * needed),
        assumption=(
            f"Active users grew {pace} a quarter {span}; at that pace {needed:,} more "
            f"seat{' is' if needed == 1 else 's are'} needed within a year, at the current "
            f"{_money(price, inputs.currency)} a seat."
        ),
    )


def _value(entry: CatalogueEntry, seats: int) -> Decimal:
    return to_cents(entry.price * seats) if entry.pricing == "per_seat" else to_cents(entry.price)


def _pricing(entry: CatalogueEntry, seats: int, currency: str) -> str:
    if entry.pricing == "per_seat":
        return (f"{_money(entry.price, currency)} a seat a year for the "
                f"{_plural(seats, 'licensed seat')}")
    return f"a flat {_money(entry.price, currency)} a year"


def _usable(entry: CatalogueEntry, inputs: ExpansionInputs, skipped: list[Message]) -> bool:
    if entry.currency.strip().upper() != inputs.currency.strip().upper():
        skipped.append(msg("{name} is priced in {currency}; not converted offline.",
                           name=entry.name, currency=entry.currency))
        return False
    if entry.pricing not in ("per_seat", "flat"):
        skipped.append(msg("{name} has an unknown pricing basis ({pricing}).", name=entry.name,
                           pricing=entry.pricing))
        return False
    if entry.pricing == "per_seat" and inputs.licensed_seats <= 0:
        skipped.append(msg("{name} is priced per seat and no seats are licensed.",
                           name=entry.name))
        return False
    return True


def _module_lines(inputs: ExpansionInputs, skipped: list[Message]) -> list[ExpansionLine]:
    lines = []
    for entry in inputs.catalogue:
        if entry.kind != "module" or entry.id in inputs.owned_entry_ids:
            continue
        if not _usable(entry, inputs, skipped):
            continue
        amount = _value(entry, inputs.licensed_seats)
        if amount > 0:
            lines.append(ExpansionLine(
                "module", f"Add {entry.name}", amount,
                f"{entry.name} is not owned yet; priced at "
                f"{_pricing(entry, inputs.licensed_seats, inputs.currency)}.",
                msg("Add {module}", module=entry.name),
            ))
    return lines


def _plan_line(inputs: ExpansionInputs, skipped: list[Message]) -> ExpansionLine | None:
    seats, currency = inputs.licensed_seats, inputs.currency
    plans = [e for e in inputs.catalogue if e.kind == "plan"]
    owned = [e for e in plans if e.id in inputs.owned_entry_ids]
    others = [e for e in plans if e.id not in inputs.owned_entry_ids]
    candidates = [e for e in others if _usable(e, inputs, skipped)]
    current_options = [e for e in owned if e.currency.strip().upper() == currency.strip().upper()
                       and e.pricing in ("per_seat", "flat")]
    if not candidates:
        return None
    if not current_options:
        skipped.append(msg("No current plan is recorded in the catalogue in {currency}, so a "
                           "plan upgrade cannot be priced.", currency=currency))
        return None
    current = max(current_options, key=lambda e: (_value(e, seats), e.name, e.id))
    base = _value(current, seats)
    dearer = [e for e in candidates if _value(e, seats) > base]
    if not dearer:
        return None
    target = min(dearer, key=lambda e: (_value(e, seats), e.name, e.id))
    amount = _value(target, seats) - base
    return ExpansionLine(
        "plan", f"Upgrade to {target.name}", amount,
        f"Moving from {current.name} ({_money(base, currency)} a year) to {target.name} "
        f"({_pricing(target, seats, currency)}, {_money(_value(target, seats), currency)}) "
        f"adds the difference.",
        msg("Upgrade to {plan}", plan=target.name),
    )


def _department_lines(inputs: ExpansionInputs, price: Decimal | None,
                      coverage: Decimal | None) -> list[ExpansionLine]:
    if price is None:
        return []
    rate = DEFAULT_COVERAGE if coverage is None else coverage
    basis = (f"an assumed {_percent(rate)} coverage (the account's own is unknown)"
             if coverage is None else f"the account's current {_percent(rate)} coverage")
    lines = []
    for department in inputs.departments:
        if department.uses_product or department.headcount <= 0:
            continue
        users = int((department.headcount * rate).quantize(Decimal(1), ROUND_HALF_EVEN))
        if users == 0:
            continue
        lines.append(ExpansionLine(
            "department", f"Roll out to {department.name}", to_cents(price * users),
            f"{department.name} has {_people(department.headcount)} and does not use the "
            f"product yet; at {basis}, {users:,} of them would take seats at "
            f"{_money(price, inputs.currency)} a seat.",
            msg("Roll out to {department}", department=department.name),
        ))
    return lines


def _readiness(inputs: ExpansionInputs, coverage: Decimal | None) -> Readiness:
    current = inputs.health.current if inputs.health else None
    total = current.total if current else None
    band = current.band if current else None
    nps = inputs.nps if inputs.nps is not None and math.isfinite(inputs.nps) else None
    score = "" if total is None else format_number(total)
    colour: Message | str = BAND_WORDS[band] if band is not None else ""
    blockers: list[Message] = []
    if band is Band.RED:
        blockers.append(msg("Health is {score} ({band}); steady the account before asking for "
                            "more.", score=score, band=colour))
    if nps is not None and nps < 0:
        blockers.append(msg("NPS is {nps}: more detractors than promoters.",
                            nps=format_number(nps)))
    if blockers:
        return Readiness(NOT_NOW, tuple(blockers))
    passed: list[Message] = []
    missing: list[Message] = []
    if band is Band.GREEN:
        passed.append(msg("Health is {score} ({band}).", score=score, band=colour))
    elif total is None or band is None:
        missing.append(msg("There is no health score yet."))
    else:
        missing.append(msg("Health is {score} ({band}); green (70 or more) is needed.",
                           score=score, band=colour))
    if nps is not None and nps >= READY_NPS:
        passed.append(msg("NPS is {nps} (30 or more).", nps=format_number(nps)))
    elif nps is not None:
        missing.append(msg("NPS is {nps}; 30 or more is needed.", nps=format_number(nps)))
    elif total is not None and total >= READY_HEALTH_WITHOUT_NPS:
        passed.append(msg("NPS is not recorded, but health of {score} (75 or more) stands in "
                          "for it.", score=score))
    else:
        missing.append(msg("NPS is not recorded, and health below 75 cannot stand in for it."))
    if coverage is None:
        missing.append(msg("User coverage is unknown."))
    elif coverage >= READY_COVERAGE:
        passed.append(msg("{share} of licensed seats are in use ({least} or more).",
                          share=_percent(coverage), least=_percent(READY_COVERAGE)))
    else:
        missing.append(msg("{share} of licensed seats are in use; {least} or more is needed.",
                           share=_percent(coverage), least=_percent(READY_COVERAGE)))
    if missing:
        return Readiness(NURTURE, tuple(missing))
    return Readiness(READY, tuple(passed))


def estimate_expansion(inputs: ExpansionInputs) -> ExpansionEstimate:
    currency = inputs.currency
    assumptions: list[Message] = []
    skipped: list[Message] = []
    seats = inputs.licensed_seats
    price = to_cents(inputs.arr / seats) if seats > 0 else None
    if price is None:
        skipped.append(msg("No seats are licensed, so there is no price per seat to value "
                           "extra seats or departments."))
    else:
        assumptions.append(msg_plural(
            "Price per seat = ARR {arr} ÷ {count:,} licensed seat = {price} a year.",
            "Price per seat = ARR {arr} ÷ {count:,} licensed seats = {price} a year.", seats,
            arr=_money(inputs.arr, currency), price=_money(price, currency)))
    coverage = _coverage(inputs)
    active = _latest_active(inputs)
    unused = 0
    if active is not None and seats > 0:
        unused = max(0, seats - math.ceil(active))
    unused_value = to_cents(price * unused) if price is not None else to_cents(Decimal(0))
    if unused:
        assumptions.append(msg_plural(
            "{count:,} licensed seat is idle ({value} a year already paid): an adoption gap, "
            "not added to the total.",
            "{count:,} licensed seats are idle ({value} a year already paid): an adoption gap, "
            "not added to the total.", unused, value=_money(unused_value, currency)))
    lines: list[ExpansionLine] = []
    seat_line = _seat_line(inputs, price, assumptions)
    if seat_line:
        lines.append(seat_line)
    lines += _module_lines(inputs, skipped)
    plan_line = _plan_line(inputs, skipped)
    if plan_line:
        lines.append(plan_line)
    departments = _department_lines(inputs, price, coverage)
    if departments and coverage is None:
        assumptions.append(msg("User coverage is unknown, so untapped departments assume "
                               "{share} of their people become users.",
                               share=_percent(DEFAULT_COVERAGE)))
    lines += departments
    total = to_cents(sum((line.amount for line in lines), Decimal(0)))
    return ExpansionEstimate(
        unused_seats=unused,
        unused_seat_value=unused_value,
        lines=tuple(lines),
        total=total,
        currency=currency,
        readiness=_readiness(inputs, coverage),
        assumptions=tuple(assumptions),
        skipped=tuple(skipped),
    )

"""The risk and opportunity register: the likelihood × impact matrix and suggested items.

Likelihood and impact are whole numbers from 1 to 5. An item counts as "high" on an
axis from 3 upwards: 3 is the midpoint, and putting it on the high side means an item
the CSM is unsure about lands where it gets attention rather than where it is ignored.

    impact high │ Monitor closely   │ Priority action
    impact low  │ Watch and wait    │ Plan and prepare
                   likelihood low      likelihood high

Suggestions are drafts built from the health report, the renewal date and the
expansion estimate; the CSM accepts, edits or ignores them. They come in a fixed order
(health, renewal, dimensions, expansion) so the same inputs always give the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from qbr_desktop.domain.expansion import READY, ExpansionEstimate
from qbr_desktop.domain.health import Band, HealthReport, format_number
from qbr_desktop.domain.money import Money, format_money
from qbr_desktop.i18n import N_, Message, english, msg

SCALE = range(1, 6)
HIGH_FROM = 3
TITLE_MAX_LENGTH = 200
HEALTH_DROP = 10.0
DIMENSION_DROP = 10.0
RENEWAL_RISK_DAYS = 90
RENEWAL_OPPORTUNITY_DAYS = 180
LARGE_EXPANSION_SHARE = Decimal("0.2")


class RiskKind(StrEnum):
    RISK = "risk"
    OPPORTUNITY = "opportunity"


class RiskStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Quadrant(StrEnum):
    PRIORITY_ACTION = "priority_action"
    MONITOR_CLOSELY = "monitor_closely"
    PLAN_AND_PREPARE = "plan_and_prepare"
    WATCH_AND_WAIT = "watch_and_wait"

    @property
    def label(self) -> str:
        return QUADRANT_LABELS[self]


QUADRANT_LABELS: dict[Quadrant, str] = {
    Quadrant.PRIORITY_ACTION: N_("Priority action"),
    Quadrant.MONITOR_CLOSELY: N_("Monitor closely"),
    Quadrant.PLAN_AND_PREPARE: N_("Plan and prepare"),
    Quadrant.WATCH_AND_WAIT: N_("Watch and wait"),
}


@dataclass(frozen=True, slots=True)
class RiskItem:
    """One entry of the register. `detail` and untouched suggestions are the CSM's own
    notes: only the title of an item the CSM ticks for the deck reaches a customer."""

    id: int
    account_id: int
    kind: RiskKind
    title: str
    detail: str
    likelihood: int
    impact: int
    status: RiskStatus
    origin: str  # "manual" or "suggested"

    @property
    def quadrant(self) -> Quadrant:
        return quadrant(self.likelihood, self.impact)


def _on_scale(value: object) -> bool:
    # bool is an int, but True is not a likelihood anyone meant to type.
    return isinstance(value, int) and not isinstance(value, bool) and value in SCALE


def quadrant(likelihood: int, impact: int) -> Quadrant:
    for name, value in (("likelihood", likelihood), ("impact", impact)):
        if not _on_scale(value):
            raise ValueError(f"{name} must be a whole number from 1 to 5, not {value!r}")
    high_likelihood, high_impact = likelihood >= HIGH_FROM, impact >= HIGH_FROM
    if high_impact:
        return Quadrant.PRIORITY_ACTION if high_likelihood else Quadrant.MONITOR_CLOSELY
    return Quadrant.PLAN_AND_PREPARE if high_likelihood else Quadrant.WATCH_AND_WAIT


@dataclass(frozen=True, slots=True)
class RiskDraft:
    kind: RiskKind
    title: str
    detail: str
    likelihood: int
    impact: int

    @property
    def quadrant(self) -> Quadrant:
        return quadrant(self.likelihood, self.impact)


def validate_risk(draft: RiskDraft) -> list[tuple[str, Message]]:
    """Problems as (field, sentence) pairs, in form order; an empty list means it can be saved."""
    problems: list[tuple[str, Message]] = []
    if not isinstance(draft.kind, RiskKind):
        problems.append(("kind", msg("Choose whether this is a risk or an opportunity.")))
    title = draft.title.strip() if isinstance(draft.title, str) else ""
    if not title:
        problems.append(("title", msg("Give the item a title.")))
    elif len(title) > TITLE_MAX_LENGTH:
        problems.append(("title", msg("Keep the title to {limit} characters (it has "
                                      "{length:,}).", limit=TITLE_MAX_LENGTH,
                                      length=len(title))))
    for name, words in (("likelihood", N_("Likelihood must be a whole number from 1 to 5.")),
                        ("impact", N_("Impact must be a whole number from 1 to 5."))):
        if not _on_scale(getattr(draft, name)):
            problems.append((name, msg(words)))
    return problems


def _days(count: int) -> str:
    if count == 0:
        return "today"
    return f"in {count} day{'' if count == 1 else 's'}"


def _money(amount: Decimal, currency: str) -> str:
    return format_money(Money(amount, currency), cents=amount != amount.to_integral_value())


def suggest_items(report: HealthReport | None, renewal_date: date | None, today: date,
                  expansion: ExpansionEstimate | None, arr: Decimal) -> list[RiskDraft]:
    items: list[RiskDraft] = []
    current = report.current if report else None
    previous = report.previous if report else None
    total = current.total if current else None
    band = current.band if current else None
    if (report is not None and report.change is not None and previous is not None
            and report.change <= -HEALTH_DROP):
        items.append(RiskDraft(
            RiskKind.RISK,
            f"Health fell {format_number(-report.change)} points since {previous.quarter}",
            f"The health score went from {format_number(previous.total or 0)} to "
            f"{format_number(total or 0)}. "
            f"{' '.join(str(m.sentence) for m in report.movers)}".strip(),
            4, 4,
        ))
    if band is Band.RED and total is not None:
        items.append(RiskDraft(
            RiskKind.RISK, f"Health is red ({format_number(total)})",
            "A red score (below 50) often comes before churn; agree a recovery plan.", 4, 4,
        ))
    days = (renewal_date - today).days if renewal_date else None
    if days is not None and 0 <= days <= RENEWAL_RISK_DAYS and band is not Band.GREEN:
        if band is None:
            items.append(RiskDraft(
                RiskKind.RISK, f"Renewal {_days(days)} with no health score",
                "Without a score there is no early warning; record this quarter's metrics.",
                3, 5,
            ))
        else:
            items.append(RiskDraft(
                RiskKind.RISK, f"Renewal {_days(days)} with {band.value} health",
                f"The renewal on {renewal_date} comes while health is "
                f"{format_number(total or 0)}; confirm the sponsor's intent early.", 4, 5,
            ))
    if report is not None:
        for mover in report.movers:
            if mover.dimension is not None and mover.change <= -DIMENSION_DROP:
                items.append(RiskDraft(
                    RiskKind.RISK,
                    f"{mover.dimension.label} fell {format_number(-mover.change)} points"
                    + (f" since {previous.quarter}" if previous else ""),
                    str(mover.sentence), 3, 3,
                ))
    if expansion is not None and expansion.readiness.level == READY and expansion.total > 0:
        share = expansion.total / arr if arr > 0 else None
        large = share is None or share >= LARGE_EXPANSION_SHARE
        amount = _money(expansion.total, expansion.currency)
        items.append(RiskDraft(
            RiskKind.OPPORTUNITY, f"Expansion of {amount} a year is ready to discuss",
            " ".join((*(english(reason) for reason in expansion.readiness.reasons),
                      *(f"{line.title}: {_money(line.amount, expansion.currency)}."
                        for line in expansion.lines))),
            3, 4 if large else 3,
        ))
    if days is not None and 0 <= days <= RENEWAL_OPPORTUNITY_DAYS and band is Band.GREEN:
        items.append(RiskDraft(
            RiskKind.OPPORTUNITY, f"Renewal {_days(days)} on green health: discuss multi-year",
            f"Health is {format_number(total or 0)}; a longer term locks in a good year.", 3, 4,
        ))
    return items

"""The maturity stage a QBR programme's evidence supports, with the reason.

The facilitation reference's model has four stages: basic (a status report, feature
news), standard (usage metrics, a support review), strategic (business outcomes proved
with ROI) and transformational (an executive partnership that plans together). Each
stage is read from what the held reviews had behind them:

- standard: at least half of the reviews had a health score, built from the usage and
  support metrics, to present;
- strategic: standard, and at least half had an ROI model with value for their quarter;
- transformational: strategic, executives attended at least 80 % of the reviews whose
  attendance is recorded (the process target), and at least half ended with commitments
  on the customer's side, the sign of planning together.

A stage needs at least three reviews to judge; with fewer the programme is basic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from qbr_desktop.domain.programme.evidence import HeldReview
from qbr_desktop.domain.programme.metrics import MINIMUM_REVIEWS, SPEC_OF, Metric
from qbr_desktop.domain.programme.notes import Note
from qbr_desktop.i18n import N_

MOST = Decimal("0.5")


class Stage(StrEnum):
    BASIC = "basic"
    STANDARD = "standard"
    STRATEGIC = "strategic"
    TRANSFORMATIONAL = "transformational"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


# In the order of the stages; translated where shown (`ui_label`).
STAGE_LABELS: dict[Stage, str] = dict(zip(Stage, (
    N_("Basic"), N_("Standard"), N_("Strategic"), N_("Transformational")), strict=True))


@dataclass(frozen=True, slots=True)
class Maturity:
    stage: Stage
    reason: Note
    next_step: Note | None  # None at the top stage


def _at_least(count: int, of: int, share: Decimal) -> bool:
    return of > 0 and Decimal(count) / Decimal(of) >= share


def maturity(reviews: Sequence[HeldReview]) -> Maturity:
    count = len(reviews)
    if not count:
        return Maturity(Stage.BASIC, Note("maturity.no_reviews"),
                        Note("maturity.next.standard"))
    if count < MINIMUM_REVIEWS:
        return Maturity(Stage.BASIC, Note("maturity.too_few", {
            "count": count, "minimum": MINIMUM_REVIEWS}), Note("maturity.next.standard"))
    health = sum(r.health_shown for r in reviews)
    value = sum(r.value_shown for r in reviews)
    recorded = [r for r in reviews if r.executives_present is not None]
    executives = sum(bool(r.executives_present) for r in recorded)
    shared = sum(r.customer_actions > 0 for r in reviews)
    facts = {"count": count, "health": health, "value": value, "executives": executives,
             "recorded": len(recorded), "shared": shared}
    if not _at_least(health, count, MOST):
        return Maturity(Stage.BASIC, Note("maturity.basic", facts),
                        Note("maturity.next.standard"))
    if not _at_least(value, count, MOST):
        return Maturity(Stage.STANDARD, Note("maturity.standard", facts),
                        Note("maturity.next.strategic"))
    target = SPEC_OF[Metric.EXECUTIVES_PRESENT].target
    if not (_at_least(executives, len(recorded), target) and _at_least(shared, count, MOST)):
        return Maturity(Stage.STRATEGIC, Note("maturity.strategic", facts),
                        Note("maturity.next.transformational"))
    return Maturity(Stage.TRANSFORMATIONAL, Note("maturity.transformational", facts), None)

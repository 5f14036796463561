"""ROI models for the demo portfolio: accounts above the Core tier get four quarters of value.

Each account's value grows quarter by quarter (more hours saved, fewer incidents) from
figures scaled to its ARR, so the calculator, its history and its charts show a story
a CSM would tell: the customer gets more out of the product the longer they use it.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.tiers import DEFAULT_MODEL, SCHEMES, effective_tier
from qbr_desktop.services.roi import RoiService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow

HISTORY_QUARTERS = 4
BELOW_CORE_EXCLUDED = ("Core", "SMB", "Tech-Touch")
HOURLY_RATES = (Decimal(55), Decimal(65), Decimal(75), Decimal(90))


def add_demo_roi(sessions: sessionmaker[Session], today: date, seed: int) -> int:
    """Store ROI models for the last four quarters of every account above Core."""
    rng = random.Random(seed + 5)
    scheme = SCHEMES[DEFAULT_MODEL]
    with session_scope(sessions) as session:
        accounts = [(a.id, a.arr, effective_tier(a.arr, a.tier_override, scheme))
                    for a in session.scalars(select(AccountRow).order_by(AccountRow.id))]
    current = Quarter.containing(today)
    roi = RoiService(sessions, clock=lambda: datetime.combine(today, time(9), tzinfo=UTC))
    stored = 0
    for account_id, arr, tier in accounts:
        if tier in BELOW_CORE_EXCLUDED or arr <= 0:
            continue
        base = _base_figures(rng, arr)
        for age in range(HISTORY_QUARTERS - 1, -1, -1):
            growth = Decimal(1) + Decimal("0.12") * (HISTORY_QUARTERS - 1 - age)
            quarter = current.shifted(-age)
            roi.set_lines(account_id, _lines(base, growth), quarter,
                          [{"label": "Onboarding services", "kind": "services",
                            "amount": str(base["services"]), "recurring": False}])
            stored += 1
    return stored


def _base_figures(rng: random.Random, arr: Decimal) -> dict[str, Decimal]:
    # Value of roughly 2-4x the subscription at full use, split over the categories.
    scale = arr / Decimal(1000)
    return {
        "hours": (scale * Decimal(rng.randint(6, 10))).quantize(Decimal(1)),
        "rate": rng.choice(HOURLY_RATES),
        "revenue": (arr * Decimal(rng.randint(3, 6))).quantize(Decimal(1000)),
        "share": Decimal(rng.choice(("0.10", "0.15", "0.20"))),
        "incident_cost": Decimal(rng.choice((2500, 4000, 8000))),
        "incidents": Decimal(rng.randint(8, 20)),
        "services": (arr * Decimal("0.1")).quantize(Decimal(100)),
    }


# The goals the demo's roadmap items serve (demo_decks ties items to them).
GOAL_LABELS = ("Support tickets resolved without an agent", "Outages avoided")


def _lines(base: dict[str, Decimal], growth: Decimal) -> list[dict[str, str]]:
    reduction = min(Decimal("0.2") * growth, Decimal("0.6"))
    hours = (base["hours"] * growth).quantize(Decimal(1))
    # Outages avoided a year: from none before go-live toward 60 % of the old count.
    avoided = (base["incidents"] * reduction).quantize(Decimal("0.1"))
    avoided_target = (base["incidents"] * Decimal("0.6")).quantize(Decimal(1))
    return [
        {"id": "support-automation", "category": "cost_reduction",
         "label": GOAL_LABELS[0], "hours_saved": str(hours),
         "hourly_rate": str(base["rate"]), "period_days": "91", "confidence": "high",
         "baseline": "0", "target": str(base["hours"] * 2), "outcome": str(hours),
         "evidence": "Ticket system export, agent time per ticket"},
        {"id": "pipeline", "category": "revenue_impact",
         "label": "Pipeline from customer-facing portal",
         "revenue": str((base["revenue"] * growth).quantize(Decimal(1000))),
         "attribution_share": str(base["share"]), "period_days": "365",
         "confidence": "medium", "evidence": "CRM campaign attribution report"},
        {"id": "outages", "category": "risk_mitigation", "label": GOAL_LABELS[1],
         "baseline": "0", "target": str(avoided_target), "outcome": str(avoided),
         "cost_per_incident": str(base["incident_cost"]),
         "baseline_incidents": str(base["incidents"]), "incident_reduction": str(reduction),
         "period_days": "365", "confidence": "low",
         "evidence": "Incident log against the year before go-live"},
    ]

"""Deck plans for the demo portfolio: accounts above the Core tier get a roadmap and priorities.

A CSM fills in what the numbers cannot say: what the product will bring the customer in
the coming quarters, and what the two sides will work on next quarter. The demo writes
both, in the account's industry's terms where it has one, so a first deck export reads
like a real one. Recommendations stay empty: the deck service drafts them from the data.
Of the register's suggested items, the demo CSM ticks the falls in health or in one of its
dimensions for the customer's risks slide (something to discuss together) and leaves the
rest ("Health is red", renewal timing, expansion readiness) for internal use.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.deck_plan import DeckPlan
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.tiers import DEFAULT_MODEL, SCHEMES, effective_tier
from qbr_desktop.services.decks import DeckService
from qbr_desktop.services.demo_insights import SHAREABLE_HAND_WRITTEN
from qbr_desktop.services.demo_roi import GOAL_LABELS
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow, RiskItemRow

PLANNED_TIERS = ("Strategic", "Growth")
CUSTOM_ACCENTS = ("#0F766E", "#7C3AED", "#B45309", "#BE123C")
ACCENTED_ACCOUNTS = 2

# Roadmap items any customer may care about; the quarter is added when the plan is made.
GENERAL_ROADMAP = (
    "Single sign-on for contractors",
    "Spanish and Japanese user interface",
    "Audit log export to the customer's SIEM",
    "Role-based dashboards for team leads",
    "Bulk user provisioning through SCIM",
    "Mobile app with offline mode",
    "Data residency in the EU region",
    "Scheduled reports by email",
)
GENERAL_PRIORITIES = (
    "Bring active use above 80 % of licensed seats",
    "Name a second executive sponsor before the renewal",
    "Train the new team leads on the reporting module",
    "Agree the success metrics for the renewal year",
    "Move the remaining teams off spreadsheets",
    "Cut support tickets per user by a fifth",
)
# (roadmap items, priorities) in an industry's own terms.
INDUSTRY_PLANS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Logistics": (
        ("Carrier portal for subcontracted hauliers", "Route optimisation version 2",
         "Proof-of-delivery photos in the driver app"),
        ("Roll out to the second distribution hub", "Automate carrier invoice matching"),
    ),
    "Healthcare": (
        ("HIPAA audit trail for patient-facing teams", "Integration with the Epic scheduler",
         "Clinician view on shared tablets"),
        ("Complete the privacy review with the compliance office",
         "Onboard the outpatient clinics"),
    ),
    "Financial Services": (
        ("Four-eyes approval for sensitive changes", "SOC 2 Type II report for the auditors",
         "Regulatory reporting templates"),
        ("Pass the annual vendor risk assessment", "Extend to the wealth management desk"),
    ),
    "Retail": (
        ("Store manager dashboard on tablets", "Point-of-sale data connector",
         "Seasonal staffing forecasts"),
        ("Prepare the stores for the holiday peak", "Roll out to the online shop's team"),
    ),
    "Energy": (
        ("Field technician app with offline forms", "Asset register import from SAP",
         "Safety incident workflow"),
        ("Connect the field teams in the northern region",
         "Replace paper permits-to-work on two sites"),
    ),
    "Life Sciences": (
        ("Validated environment for GxP work", "Electronic signatures (21 CFR Part 11)",
         "Lab instrument data connector"),
        ("Finish the computer system validation", "Onboard the clinical operations team"),
    ),
    "Manufacturing": (
        ("Shop-floor kiosk mode", "Machine downtime alerts from the MES",
         "Supplier quality portal"),
        ("Extend to the second plant", "Tie downtime figures to the monthly review"),
    ),
    "Media": (
        ("Rights and licensing calendar", "Asset approval workflow for freelancers",
         "Audience analytics connector"),
        ("Move the editorial calendar into the platform", "Onboard the freelance pool"),
    ),
    "Software": (
        ("Public API version 3 with webhooks", "Jira and GitHub two-way sync",
         "Usage analytics for product managers"),
        ("Wire the platform into the release process", "Onboard the platform engineering team"),
    ),
    "Telecommunications": (
        ("Network incident timeline view", "Field engineer dispatch integration",
         "Customer churn signals in the dashboard"),
        ("Cut mean time to resolve network incidents", "Roll out to the enterprise sales team"),
    ),
    "Hospitality": (
        ("Property management system connector", "Housekeeping app for shift workers",
         "Guest feedback dashboard per hotel"),
        ("Onboard the resorts before the summer season", "Standardise the shift handover"),
    ),
    "Education": (
        ("Student information system sync", "Accessibility improvements (WCAG 2.2 AA)",
         "Term planning templates"),
        ("Train faculty before the new term", "Bring the second campus on board"),
    ),
    "Professional Services": (
        ("Time tracking integration", "Client portal with shared workspaces",
         "Utilisation reports by practice"),
        ("Standardise project kick-offs across practices", "Open the client portal to "
         "the top ten clients"),
    ),
}


def add_demo_deck_plans(sessions: sessionmaker[Session], today: date, seed: int) -> int:
    """Save a deck plan for every Strategic and Growth account; returns how many."""
    rng = random.Random(seed + 11)
    scheme = SCHEMES[DEFAULT_MODEL]
    with session_scope(sessions) as session:
        accounts = [(a.id, a.industry or "")
                    for a in session.scalars(select(AccountRow).order_by(AccountRow.id))
                    if effective_tier(a.arr, a.tier_override, scheme) in PLANNED_TIERS]
        discussed: dict[int, list[int]] = {}
        for risk in session.scalars(select(RiskItemRow).order_by(RiskItemRow.id)):
            if risk.origin == "manual" and risk.title in SHAREABLE_HAND_WRITTEN:
                discussed.setdefault(risk.account_id, []).append(risk.id)
    decks = DeckService(sessions, clock=lambda: datetime.combine(today, time(9), tzinfo=UTC))
    accented = set(rng.sample([account_id for account_id, _ in accounts],
                              min(ACCENTED_ACCOUNTS, len(accounts))))
    accents = iter(rng.sample(CUSTOM_ACCENTS, len(accented)))
    next_quarter = Quarter.containing(today).shifted(1)
    for account_id, industry in accounts:
        roadmap, priorities = _items(rng, industry, next_quarter)
        decks.save_plan(account_id, DeckPlan(
            roadmap=roadmap, priorities=priorities,
            accent=next(accents) if account_id in accented else "",
            shown_risks=tuple(discussed.get(account_id, ()))))
    return len(accounts)


def _items(rng: random.Random, industry: str,
           next_quarter: Quarter) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """3–5 roadmap items over the coming quarters, and 3 priorities for next quarter."""
    own_roadmap, own_priorities = INDUSTRY_PLANS.get(industry, ((), ()))
    count = rng.randint(3, 5)
    specific = rng.sample(own_roadmap, min(len(own_roadmap), rng.randint(1, 2)))
    picked = [*specific, *rng.sample(GENERAL_ROADMAP, count - len(specific))]
    # The industry's own items serve the demo's goals ("item → goal"); the rest stand alone.
    roadmap = tuple(f"{text}, Q{next_quarter.shifted(index * 3 // count).number}"
                    + (f" → {GOAL_LABELS[index]}" if index < len(specific) else "")
                    for index, text in enumerate(picked))
    own = rng.sample(own_priorities, min(len(own_priorities), 1))
    priorities = (*own, *rng.sample(GENERAL_PRIORITIES, 3 - len(own)))
    return roadmap, tuple(priorities)

"""The demo portfolio's product catalogue, customer departments and risk register."""

from __future__ import annotations

import random
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from qbr_desktop.domain.accounts import name_key
from qbr_desktop.domain.health import health_report
from qbr_desktop.domain.metrics import MetricHistory, MetricValue
from qbr_desktop.domain.risks import RiskDraft, RiskKind, suggest_items
from qbr_desktop.store.models import (
    AccountModuleRow,
    AccountRow,
    DepartmentRow,
    ProductModuleRow,
    RiskItemRow,
)

# (name, kind, pricing, yearly price in USD, description)
CATALOGUE = (
    ("Advanced Analytics", "module", "per_seat", "96", "Dashboards, cohorts and exports."),
    ("Workflow Automation", "module", "per_seat", "120", "Rules, approvals and triggers."),
    ("Data Residency (EU)", "module", "flat", "18000", "Data kept in EU regions."),
    ("Premium Support", "module", "flat", "12000", "Named engineer, 1-hour response."),
    ("Enterprise Plan", "plan", "per_seat", "180", "SSO, audit log, sandbox workspaces."),
)
DEPARTMENTS = ("Operations", "Finance", "Sales", "Customer Service", "Marketing", "HR",
               "Procurement", "IT", "Legal", "Product")

# Items a CSM would have written by hand, by scenario: (kind, title, detail, likelihood, impact)
HAND_WRITTEN = {
    "declining": (RiskKind.RISK, "Champion left; the new VP is talking to a competitor",
                  "Ask the executive sponsor for an introduction before the QBR.", 3, 5),
    "expansion-ready": (RiskKind.OPPORTUNITY, "Second region rolls out next year",
                        "Operations wants the same set-up for the APAC team.", 4, 4),
    "steady": (RiskKind.RISK, "Budget review in Q1 may freeze new spend",
               "Finance reviews every tool over $50k in January.", 2, 2),
    "improving": (RiskKind.OPPORTUNITY, "Finance team asked for the analytics demo",
                  "A 30-minute demo is pencilled in for after the QBR.", 3, 2),
}
# The ones fit to discuss with the customer, which the demo's deck plans tick for the slide.
SHAREABLE_HAND_WRITTEN = frozenset(title for scenario, (_kind, title, *_rest)
                                   in HAND_WRITTEN.items() if scenario != "declining")


def add_demo_catalogue(session: Session, now: datetime) -> list[ProductModuleRow]:
    rows = [ProductModuleRow(name=name, name_key=name_key(name), kind=kind, pricing=pricing,
                             price=Decimal(price), currency="USD", description=description,
                             created_at=now, updated_at=now)
            for name, kind, pricing, price, description in CATALOGUE]
    session.add_all(rows)
    session.flush()
    return rows


def add_demo_whitespace(session: Session, rng: random.Random, account: AccountRow,
                        catalogue: list[ProductModuleRow], scenario: str) -> None:
    """Departments (some not yet using the product) and the modules already bought."""
    chosen = rng.sample(DEPARTMENTS, rng.randint(3, 6))
    untapped = 2 if scenario == "expansion-ready" else rng.randint(0, 1)
    for index, department in enumerate(chosen):
        session.add(DepartmentRow(
            account_id=account.id, name=department,
            headcount=max(5, round(account.licensed_seats / len(chosen) * rng.uniform(0.6, 1.4))),
            uses_product=index >= untapped))
    owned = rng.sample(catalogue[:4], rng.randint(0, 2 if scenario == "expansion-ready" else 3))
    for module in owned:
        session.add(AccountModuleRow(account_id=account.id, module_id=module.id))


def add_demo_risks(session: Session, rng: random.Random, account: AccountRow,
                   history: list[MetricValue], scenario: str, today: date,
                   now: datetime) -> int:
    """The register's suggested items, plus one a CSM wrote by hand for some accounts."""
    report = health_report(MetricHistory.from_values(history))
    drafts: list[tuple[RiskDraft, str]] = [
        (draft, "suggested")
        for draft in suggest_items(report, account.renewal_date, today, None, account.arr)]
    if rng.random() < 0.6:
        kind, title, detail, likelihood, impact = HAND_WRITTEN[scenario]
        drafts.append((RiskDraft(kind, title, detail, likelihood, impact), "manual"))
    for draft, origin in drafts:
        session.add(RiskItemRow(
            account_id=account.id, kind=draft.kind.value, title=draft.title, detail=draft.detail,
            likelihood=draft.likelihood, impact=draft.impact, status="open", origin=origin,
            created_at=now, updated_at=now))
    return len(drafts)

"""A small hand-made portfolio for the insight tests, built through the services users use.

Importable from any test module (tests/ is on sys.path). Each account has a clear story:

* Acme Logistics — green (90.2) and growing, NPS 50, 95% of seats active: ready to expand
  (15 more seats at $1,200 = $18,000).
* Bluefin Health — was fine (81.1), fell to red (15.9): at risk.
* Cedar Bank — steady yellow (63.2) with an open risk in the register: at risk.
* Delta Dental — no metrics at all: no health score.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.risks import RiskDraft, RiskKind

TODAY = date(2026, 3, 10)
Q1, Q2, Q3, Q4 = (Quarter(2025, n) for n in (1, 2, 3, 4))


def quarter(period: Quarter, *, seats: int = 100, active: float, adopted: float = 30,
            available: float = 40, weekly_logins: float = 5.0, tickets: float = 0,
            csat: float = 5.0, nps: float = 50, sponsor: int = 1) -> list[MetricValue]:
    """One quarter of every metric; logins are given per active user per week."""
    values = {
        "active_users": active, "licensed_seats": seats, "features_adopted": adopted,
        "features_available": available, "logins": active * 13 * weekly_logins,
        "support_tickets": tickets, "csat": csat, "nps": nps,
        "exec_sponsor_engaged": sponsor,
    }
    return [MetricValue(period, key, float(value)) for key, value in values.items()]


def add_account(context: Any, name: str, *, arr: str = "120000", seats: int = 100,
                industry: str = "Retail", renewal: date | None = None,
                metrics: list[MetricValue] | None = None) -> int:
    account = context.accounts.create(AccountDraft(
        name=name, arr=Decimal(arr), licensed_seats=seats, industry=industry,
        renewal_date=renewal, csm_owner="Sam Rivera"))
    if metrics:
        context.accounts.record_metrics(account.id, metrics)
    return int(account.id)


@dataclass(frozen=True)
class SmallPortfolio:
    acme: int
    bluefin: int
    cedar: int
    delta: int
    cedar_risk: int

    @property
    def ids(self) -> dict[str, int]:
        return {"Acme Logistics": self.acme, "Bluefin Health": self.bluefin,
                "Cedar Bank": self.cedar, "Delta Dental": self.delta}


def build_small_portfolio(context: Any) -> SmallPortfolio:
    acme = add_account(context, "Acme Logistics", industry="Logistics", metrics=[
        *quarter(Q1, active=80), *quarter(Q2, active=85), *quarter(Q3, active=90),
        *quarter(Q4, active=95)])
    bluefin = add_account(context, "Bluefin Health", arr="40000", industry="Healthcare",
                          metrics=[
        *quarter(Q3, active=70, nps=20, csat=4.0),
        *quarter(Q4, active=20, adopted=5, weekly_logins=1.0, tickets=30, csat=2.0,
                 nps=-40, sponsor=0)])
    cedar = add_account(context, "Cedar Bank", arr="9000", industry="Banking", metrics=[
        *quarter(Q3, active=60, adopted=20, weekly_logins=2.5, csat=3.0, nps=0),
        *quarter(Q4, active=60, adopted=20, weekly_logins=2.5, csat=3.0, nps=0)])
    delta = add_account(context, "Delta Dental", arr="15000", industry="Healthcare")
    risk = context.risks.add(cedar, RiskDraft(
        RiskKind.RISK, "Budget freeze in Q1", "Finance reviews every tool.", 4, 4))
    return SmallPortfolio(acme, bluefin, cedar, delta, risk.id)

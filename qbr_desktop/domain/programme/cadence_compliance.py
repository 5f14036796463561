"""Cadence compliance: in a quarter, how many accounts due a review held one, tier by tier.

An account is due a review in a quarter when the last day its tier's rhythm allows
(domain/cadence.py's limit: the last review before the quarter, or the day it became a
customer when it has none, plus the tier's longest interval) falls on or before the
quarter's last day. An account with neither date is due. It complied when it held a
review inside the quarter. Reviews held by accounts that were not due yet are counted
apart: they are welcome, but they do not make up for another account's missed review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from qbr_desktop.domain.cadence import cadence_for
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.programme.notes import Note

CADENCE_TARGET = Decimal("0.90")


@dataclass(frozen=True, slots=True)
class AccountRhythm:
    account_id: int
    name: str
    tier: str
    held: tuple[date, ...]  # the days its reviews were held
    customer_since: date | None = None


@dataclass(frozen=True, slots=True)
class TierCompliance:
    tier: str
    due: tuple[int, ...]  # account ids due a review in the quarter
    complied: tuple[int, ...]  # of those, the ones that held one
    early: tuple[int, ...]  # held one without being due yet

    @property
    def rate(self) -> Decimal | None:
        return Decimal(len(self.complied)) / Decimal(len(self.due)) if self.due else None

    @property
    def missed(self) -> tuple[int, ...]:
        return tuple(a for a in self.due if a not in self.complied)

    @property
    def note(self) -> Note:
        if not self.due:
            return Note("cadence.none_due", {"tier": self.tier})
        return Note("cadence.held", {"held": len(self.complied), "due": len(self.due),
                                     "tier": self.tier, "rate": self.rate})


def last_day(quarter: Quarter) -> date:
    return quarter.shifted(1).first_day - timedelta(days=1)


def is_due(account: AccountRhythm, quarter: Quarter) -> bool:
    before = [day for day in account.held if day < quarter.first_day]
    start = max(before) if before else account.customer_since
    if start is None:
        return True
    if start > last_day(quarter):  # not a customer yet in that quarter
        return False
    return start + timedelta(days=cadence_for(account.tier).latest_days) <= last_day(quarter)


def held_in(account: AccountRhythm, quarter: Quarter) -> bool:
    return any(quarter.first_day <= day <= last_day(quarter) for day in account.held)


def compliance(accounts: Sequence[AccountRhythm], quarter: Quarter,
               tiers: Sequence[str] = ()) -> tuple[TierCompliance, ...]:
    """One line per tier, in the order of `tiers` (the scheme's), then any others."""
    order = list(dict.fromkeys([*tiers, *(a.tier for a in accounts)]))
    lines = []
    for tier in order:
        due, complied, early = [], [], []
        for account in (a for a in accounts if a.tier == tier):
            held = held_in(account, quarter)
            if is_due(account, quarter):
                due.append(account.account_id)
                if held:
                    complied.append(account.account_id)
            elif held:
                early.append(account.account_id)
        lines.append(TierCompliance(tier, tuple(due), tuple(complied), tuple(early)))
    return tuple(lines)


def overall_rate(lines: Sequence[TierCompliance]) -> Decimal | None:
    due = sum(len(line.due) for line in lines)
    return Decimal(sum(len(line.complied) for line in lines)) / Decimal(due) if due else None

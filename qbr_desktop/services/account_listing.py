"""The portfolio list before the services load: what the window paints first and what
`qbr accounts list` prints, from one query on the file (store/account_list.py).

Nothing here imports SQLAlchemy, Alembic or the insight machinery, and nothing here writes:
the full open (services/context.py) still checks, backs up and updates the file, and takes
over as soon as it is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from qbr_desktop.domain.accounts import AccountSummary
from qbr_desktop.domain.money import Money
from qbr_desktop.domain.tiers import DEFAULT_MODEL, SCHEMES, TierModel, TierScheme, effective_tier
from qbr_desktop.store.account_list import ListedAccount, read_account_listing
from qbr_desktop.store.location import read_only_alert

TIER_MODEL_KEY = "tiers.model"
TIER_MINIMUMS_KEY = "tiers.minimums.{model}"
DEMO_KEY = "portfolio.demo"
# Set by the demo builder's last step: a demo without it was cut short (see demo_file.py).
DEMO_COMPLETE_KEY = "portfolio.demo_complete"


def tier_scheme_from(setting: Callable[[str, Any], Any]) -> TierScheme:
    """The tier scheme the stored settings choose; `setting(key, default)` reads one."""
    try:
        model = TierModel(setting(TIER_MODEL_KEY, DEFAULT_MODEL.value))
    except ValueError:
        model = DEFAULT_MODEL
    scheme = SCHEMES[model]
    minimums = setting(TIER_MINIMUMS_KEY.format(model=model.value), {})
    if minimums:
        scheme = scheme.with_minimums({tier: Decimal(v) for tier, v in minimums.items()})
    return scheme


def summary_of(account: ListedAccount, scheme: TierScheme) -> AccountSummary:
    override = account.tier_override
    return AccountSummary(
        id=account.id, name=account.name, industry=account.industry, country=account.country,
        arr=Money(account.arr, account.currency), licensed_seats=account.licensed_seats,
        tier=effective_tier(account.arr, override, scheme),
        tier_is_override=bool(override and override in scheme.tiers),
        renewal_date=account.renewal_date, next_qbr_at=account.next_qbr_at,
        csm_owner=account.csm_owner, next_qbr_zone=account.next_qbr_zone)


@dataclass(frozen=True, slots=True)
class QuickPortfolio:
    """The list of a portfolio file, read before the services are loaded."""

    accounts: list[AccountSummary]
    tiers: tuple[str, ...]
    is_demo: bool
    #: The sentence the full open would give for a file that can only be read, or None.
    read_only_alert: str | None


def quick_portfolio(path: Path, now: datetime, *, first: int | None = None,
                    gates_passed: bool = False) -> QuickPortfolio | None:
    """The accounts of the SQLite file `path` with their next QBR after `now` (only the
    `first` few by name, if given); None when the file needs the full open first (see
    store/account_list.py) or is a demo whose building was cut short (the full open builds
    it again)."""
    path = path.expanduser().absolute()  # as the full open names it
    listing = read_account_listing(path, now, first=first, gates_passed=gates_passed)
    if listing is None:
        return None
    settings = listing.settings
    is_demo = bool(settings.get(DEMO_KEY, False))
    if is_demo and settings.get(DEMO_COMPLETE_KEY) is not True:
        return None
    scheme = tier_scheme_from(settings.get)
    alert = read_only_alert(path, listing.read_only) if listing.read_only else None
    return QuickPortfolio([summary_of(a, scheme) for a in listing.accounts], scheme.tiers,
                          is_demo, alert)

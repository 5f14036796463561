"""Portfolio-wide settings stored in the database, so the window and the CLI agree."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.tiers import SCHEMES, TierModel, TierScheme
from qbr_desktop.services.account_listing import (
    DEMO_KEY,
    TIER_MINIMUMS_KEY,
    TIER_MODEL_KEY,
    tier_scheme_from,
)
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.repositories import SettingRepository

__all__ = ["DEMO_KEY", "TIER_MINIMUMS_KEY", "TIER_MODEL_KEY", "PortfolioSettings",
           "portfolio_id", "read_tier_scheme"]
# A random id per database (migration 0010 creates it), so two portfolios' calendar UIDs
# never meet, even where both have a review 28. Copies and restored backups keep it.
PORTFOLIO_ID_KEY = "portfolio.id"


def read_tier_scheme(session: Session) -> TierScheme:
    return tier_scheme_from(SettingRepository(session).get)


def portfolio_id(session: Session) -> str:
    """The portfolio's id, created on the spot where it is missing (a hand-edited file).

    An unreadable stored value is replaced: it would make UIDs calendars refuse anyway.
    """
    settings = SettingRepository(session)
    try:
        return str(uuid.UUID(str(settings.get(PORTFOLIO_ID_KEY))))
    except ValueError:
        created = str(uuid.uuid4())
        settings.set(PORTFOLIO_ID_KEY, created)
        session.flush()  # a racing creator fails here, inside the caller's retry
        return created


class PortfolioSettings:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def tier_scheme(self) -> TierScheme:
        with session_scope(self._sessions) as session:
            return read_tier_scheme(session)

    def set_tier_model(self, model: TierModel) -> None:
        with session_scope(self._sessions) as session:
            SettingRepository(session).set(TIER_MODEL_KEY, model.value)

    def set_tier_minimums(self, model: TierModel, minimums: dict[str, Decimal]) -> TierScheme:
        scheme = SCHEMES[model].with_minimums(minimums)  # validates before anything is saved
        with session_scope(self._sessions) as session:
            SettingRepository(session).set(
                TIER_MINIMUMS_KEY.format(model=model.value),
                {band.tier: str(band.minimum) for band in scheme.bands},
            )
        return scheme

    def portfolio_id(self) -> str:
        with session_scope(self._sessions) as session:
            return portfolio_id(session)

    def is_demo(self) -> bool:
        with session_scope(self._sessions) as session:
            return bool(SettingRepository(session).get(DEMO_KEY, False))

    def mark_demo(self, demo: bool = True) -> None:
        with session_scope(self._sessions) as session:
            SettingRepository(session).set(DEMO_KEY, demo)

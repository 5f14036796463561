"""The application context: built once at start-up and handed to every part that needs it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.services.agendas import AgendaService
from qbr_desktop.services.catalogue import CatalogueService
from qbr_desktop.services.decks import DeckService
from qbr_desktop.services.departments import DepartmentService
from qbr_desktop.services.insights import InsightService
from qbr_desktop.services.plans import PlanService
from qbr_desktop.services.programme import ProgrammeService
from qbr_desktop.services.risks import RiskRegister
from qbr_desktop.services.roi import RoiService
from qbr_desktop.services.settings import PortfolioSettings
from qbr_desktop.services.stakeholders import StakeholderService
from qbr_desktop.store.database import Store, open_sqlite_store, open_url_store


def open_store(target: DatabaseTarget) -> Store:
    if target.path is not None:
        rebuilt = _rebuild_half_built_demo(target.path)
        store = open_sqlite_store(target.path)
        if rebuilt:
            store.notices.append(rebuilt)
        return store
    assert target.url is not None
    return open_url_store(target.url)


def _rebuild_half_built_demo(path: Path) -> str | None:
    """A demo portfolio cut short while being built is built again, whole, before opening.

    It holds nothing but generated data, and opened as it is it would show some accounts
    without their plans, maps or decks, with no way to build it again.
    """
    from qbr_desktop.services.demo_file import DemoState, build_demo_file, demo_state

    if demo_state(path) is not DemoState.HALF_BUILT:
        return None
    build_demo_file(path)
    return f"The demo portfolio in {path} was incomplete (its building was interrupted) and " \
           "has been built again."


@dataclass
class AppContext:
    target: DatabaseTarget
    store: Store
    accounts: AccountService
    settings: PortfolioSettings
    insights: InsightService
    risks: RiskRegister
    catalogue: CatalogueService
    departments: DepartmentService
    plans: PlanService
    roi: RoiService
    stakeholders: StakeholderService
    agendas: AgendaService
    decks: DeckService
    programme: ProgrammeService

    @classmethod
    def open(cls, target: DatabaseTarget) -> AppContext:
        return cls.for_store(target, open_store(target))

    @classmethod
    def for_store(cls, target: DatabaseTarget, store: Store) -> AppContext:
        insights = InsightService(store.sessions)
        return cls(target, store, AccountService(store.sessions),
                   PortfolioSettings(store.sessions), insights,
                   RiskRegister(store.sessions, insights), CatalogueService(store.sessions),
                   DepartmentService(store.sessions), PlanService(store.sessions),
                   RoiService(store.sessions, insights=insights),
                   StakeholderService(store.sessions), AgendaService(store.sessions),
                   DeckService(store.sessions), ProgrammeService(store.sessions))

    @property
    def is_demo(self) -> bool:
        return self.settings.is_demo()

    def close(self) -> None:
        self.store.close()

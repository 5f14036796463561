"""The application context: built once at start-up and handed to every part that needs it."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.services.settings import PortfolioSettings
from qbr_desktop.store.database import Store, open_sqlite_store, open_url_store

if TYPE_CHECKING:
    from qbr_desktop.services.agenda_language import AgendaLanguage
    from qbr_desktop.services.agendas import AgendaService
    from qbr_desktop.services.catalogue import CatalogueService
    from qbr_desktop.services.deck_reviews import DeckReviewService
    from qbr_desktop.services.decks import DeckService
    from qbr_desktop.services.departments import DepartmentService
    from qbr_desktop.services.insights import InsightService
    from qbr_desktop.services.plans import PlanService
    from qbr_desktop.services.programme import ProgrammeService
    from qbr_desktop.services.risks import RiskRegister
    from qbr_desktop.services.roi import RoiService
    from qbr_desktop.services.stakeholders import StakeholderService


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
    from qbr_desktop.services.demo_state import DemoState, demo_state

    if demo_state(path) is not DemoState.HALF_BUILT:
        return None
    from qbr_desktop.services.demo_file import build_demo_file

    build_demo_file(path)
    return f"The demo portfolio in {path} was incomplete (its building was interrupted) and " \
           "has been built again."


class AppContext:
    """The open portfolio and its services. The account list and the settings are made with
    the context; every other service is made (and its module loaded) when first used, so
    start-up pays only for what the first window shows."""

    def __init__(self, target: DatabaseTarget, store: Store) -> None:
        self.target, self.store = target, store
        self.accounts = AccountService(store.sessions)
        self.settings = PortfolioSettings(store.sessions)

    @classmethod
    def open(cls, target: DatabaseTarget) -> AppContext:
        return cls.for_store(target, open_store(target))

    @classmethod
    def for_store(cls, target: DatabaseTarget, store: Store) -> AppContext:
        return cls(target, store)

    @cached_property
    def insights(self) -> InsightService:
        from qbr_desktop.services.insights import InsightService

        return InsightService(self.store.sessions)

    @cached_property
    def risks(self) -> RiskRegister:
        from qbr_desktop.services.risks import RiskRegister

        return RiskRegister(self.store.sessions, self.insights)

    @cached_property
    def catalogue(self) -> CatalogueService:
        from qbr_desktop.services.catalogue import CatalogueService

        return CatalogueService(self.store.sessions)

    @cached_property
    def departments(self) -> DepartmentService:
        from qbr_desktop.services.departments import DepartmentService

        return DepartmentService(self.store.sessions)

    @cached_property
    def plans(self) -> PlanService:
        from qbr_desktop.services.plans import PlanService

        return PlanService(self.store.sessions)

    @cached_property
    def roi(self) -> RoiService:
        from qbr_desktop.services.roi import RoiService

        return RoiService(self.store.sessions, insights=self.insights)

    @cached_property
    def stakeholders(self) -> StakeholderService:
        from qbr_desktop.services.stakeholders import StakeholderService

        return StakeholderService(self.store.sessions)

    @cached_property
    def agendas(self) -> AgendaService:
        from qbr_desktop.services.agendas import AgendaService

        return AgendaService(self.store.sessions)

    @cached_property
    def agenda_language(self) -> AgendaLanguage:
        from qbr_desktop.services.agenda_language import AgendaLanguage

        return AgendaLanguage(self.store.sessions)

    @cached_property
    def decks(self) -> DeckService:
        from qbr_desktop.services.decks import DeckService

        return DeckService(self.store.sessions)

    @cached_property
    def programme(self) -> ProgrammeService:
        from qbr_desktop.services.programme import ProgrammeService

        return ProgrammeService(self.store.sessions)

    @cached_property
    def deck_reviews(self) -> DeckReviewService:
        from qbr_desktop.services.deck_reviews import DeckReviewService

        # On a team server the queue holds the decks handed to me; on a file also those
        # handed to no one.
        return DeckReviewService(self.store.sessions, team=self.store.path is None)

    @property
    def is_demo(self) -> bool:
        return self.settings.is_demo()

    def close(self) -> None:
        self.store.close()

"""Fixtures for the store tests: real SQLite files in a temporary folder, never mocks.

Data is built through the same service the window and the CLI use (AccountService).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from store_helpers import NOW, Portfolio

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactDraft, ContactLevel, ReviewDraft
from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store.database import Store, open_sqlite_store
from qbr_desktop.store.migrate import MIGRATIONS_DIR


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    folder = tmp_path / "portfolio"
    folder.mkdir()
    return folder / "qbr.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_sqlite_store(db_path, now=NOW)
    yield opened
    opened.close()


@pytest.fixture
def service(store: Store) -> AccountService:
    return AccountService(store.sessions, clock=lambda: NOW)


def _populate(service: AccountService) -> Portfolio:
    acme = service.create(AccountDraft(
        name="Acme Corp", industry="Software", country="US", arr=Decimal("120000.50"),
        licensed_seats=250, renewal_date=date(2027, 3, 31), csm_owner="Dana",
    ))
    kyoto = service.create(AccountDraft(
        name="京都セラミック株式会社", industry="Manufacturing", country="JP",
        arr=Decimal("24999.99"), currency="JPY", licensed_seats=40,
    ))
    service.add_contact(acme.id, ContactDraft("Ana Núñez", title="VP Operations",
                                              email="ana@acme.example",
                                              level=ContactLevel.VP))
    service.add_contact(kyoto.id, ContactDraft("山田 太郎", level=ContactLevel.DIRECTOR))
    service.add_review(acme.id, ReviewDraft(datetime(2027, 1, 14, 16, 0, tzinfo=NOW.tzinfo),
                                            "America/New_York"))
    service.record_metrics(acme.id, [
        MetricValue(Quarter(2026, 2), "active_users", 180.0),
        MetricValue(Quarter(2026, 3), "active_users", 204.0),
        MetricValue(Quarter(2026, 3), "csat", 4.4),
    ])
    return Portfolio(acme.id, kyoto.id)


@pytest.fixture
def populate() -> Callable[[AccountService], Portfolio]:
    """A function that fills a store with two accounts and their children."""
    return _populate


@pytest.fixture
def portfolio(service: AccountService) -> Portfolio:
    return _populate(service)


@pytest.fixture
def saved_database(db_path: Path, store: Store, service: AccountService,
                   portfolio: Portfolio) -> Path:
    """A populated database file, closed (so it is a single file) and ready to reopen."""
    store.close()
    return db_path


DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def schema_0001_file(db_path: Path) -> Path:
    """A private copy of the committed database saved at schema revision 0001."""
    shutil.copyfile(DATA / "schema-0001.sqlite", db_path)
    return db_path


@pytest.fixture
def migrations_0001(tmp_path: Path) -> Path:
    """A copy of the migration scripts that ends at revision 0001.

    Tests add their own revisions on top of it, so they keep working once later
    revisions exist.
    """
    target = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    for script in (target / "versions").glob("*.py"):
        if script.name not in {"__init__.py", "0001_initial.py"}:
            script.unlink()
    return target

"""The account list read with sqlite3 alone (what the window paints first and `qbr accounts
list` prints) is the services' list, and is read only where the full open has nothing to do."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from store_helpers import NOW

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ReviewDraft
from qbr_desktop.domain.tiers import TierModel
from qbr_desktop.services.account_listing import quick_portfolio
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.services.settings import PortfolioSettings
from qbr_desktop.store.backup import backups_folder_for, take_backup
from qbr_desktop.store.database import open_sqlite_store

LATER = NOW + timedelta(hours=1)  # the start-up backup taken at NOW is still today's


@pytest.fixture
def varied_database(db_path: Path) -> Path:
    """Overrides, changed tier minimums, reviews past and ahead in several zones, a closed
    file with today's backup."""
    store = open_sqlite_store(db_path, now=NOW)
    try:
        service = AccountService(store.sessions, clock=lambda: NOW)
        PortfolioSettings(store.sessions).set_tier_minimums(
            TierModel.THREE_TIER, {"Strategic": Decimal("90000"), "Growth": Decimal("20000"),
                                   "Core": Decimal(0)})
        names = ["Zeta Ltd", "acme GmbH", "Ümlaut AG", "京都セラミック", "Beta <&> Co"]
        for number, name in enumerate(names):
            account = service.create(AccountDraft(
                name=name, industry="Software", country="DE", arr=Decimal(number * 31_000) +
                Decimal("0.25"), currency=("EUR", "USD", "JPY")[number % 3],
                licensed_seats=number * 10, csm_owner="Dana" if number % 2 else "",
                renewal_date=date(2027, 1 + number, 1) if number % 2 else None,
                tier_override="Strategic" if number == 1 else None))
            for days, zone in ((-3, "UTC"), (10 + number, "Asia/Tokyo"),
                               (10 + number, "America/New_York"), (40, "Europe/Berlin")):
                if number != 4:  # one account without any review
                    service.add_review(account.id, ReviewDraft(
                        datetime(2026, 11, 23, 15, tzinfo=NOW.tzinfo) + timedelta(days=days),
                        zone))
    finally:
        store.close()
    open_sqlite_store(db_path, now=NOW).close()  # today's start-up backup
    return db_path


def services_list(path: Path) -> list:
    store = open_sqlite_store(path, now=LATER)
    try:
        return AccountService(store.sessions, clock=lambda: LATER).list_accounts()
    finally:
        store.close()


def test_the_quick_list_is_the_services_list(varied_database: Path) -> None:
    quick = quick_portfolio(varied_database, LATER)
    assert quick is not None
    assert quick.accounts == services_list(varied_database)
    assert [a.name for a in quick.accounts][:2] == ["acme GmbH", "Beta <&> Co"]
    assert quick.tiers == ("Strategic", "Growth", "Core")
    assert not quick.is_demo and quick.read_only_alert is None


def test_the_first_screenful_is_the_head_of_the_list(varied_database: Path) -> None:
    whole, first = (quick_portfolio(varied_database, LATER, first=count) for count in (None, 3))
    assert whole is not None and first is not None
    assert first.accounts == whole.accounts[:3]


def test_a_read_only_file_carries_the_open_s_own_alert(varied_database: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import qbr_desktop.store.location as location

    monkeypatch.setattr(location.os, "access",  # root ignores chmod
                        lambda path, mode: not (mode & os.W_OK and str(path).endswith("e")))
    store = open_sqlite_store(varied_database, now=LATER)
    store.close()
    quick = quick_portfolio(varied_database, LATER)
    assert quick is not None and quick.read_only_alert in store.alerts


def test_an_older_file_is_left_to_the_update(schema_0001_file: Path) -> None:
    take_backup(schema_0001_file, backups_folder_for(schema_0001_file), "startup", now=NOW)
    assert quick_portfolio(schema_0001_file, LATER) is None


def test_nothing_is_read_where_the_full_open_has_work(varied_database: Path,
                                                      tmp_path: Path) -> None:
    assert quick_portfolio(tmp_path / "missing.sqlite", LATER) is None
    assert quick_portfolio(varied_database, NOW + timedelta(days=1)) is None  # backup due
    (tmp_path / "junk.sqlite").write_bytes(b"not a database")
    assert quick_portfolio(tmp_path / "junk.sqlite", LATER) is None
    wal = varied_database.with_name(varied_database.name + "-wal")
    wal.write_bytes(b"\x00" * 32)  # left by a crash: the open checks the file first
    assert quick_portfolio(varied_database, LATER) is None
    wal.unlink()
    assert quick_portfolio(varied_database, LATER) is not None


def test_a_demo_cut_short_is_left_to_the_full_open(varied_database: Path) -> None:
    connection = sqlite3.connect(varied_database)
    connection.execute("INSERT INTO setting (key, value) VALUES ('portfolio.demo', 'true')")
    connection.commit()
    connection.close()
    assert quick_portfolio(varied_database, LATER) is None
    connection = sqlite3.connect(varied_database)
    connection.execute(
        "INSERT INTO setting (key, value) VALUES ('portfolio.demo_complete', 'true')")
    connection.commit()
    connection.close()
    quick = quick_portfolio(varied_database, LATER)
    assert quick is not None and quick.is_demo

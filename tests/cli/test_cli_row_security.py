"""The README's row-level security SQL, run once on a real server: each CSM sees their own
accounts (and unowned ones), a manager sees all, and the app needs no change."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.services.context import AppContext
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountInsightRow

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_sql(roles: dict[str, str]) -> str:
    """The README's block, with role names of this run's own (roles are server-wide)."""
    after = README.read_text(encoding="utf-8").split("<!-- rls-sql:", 1)[1]
    block = re.search(r"```sql\n(.*?)```", after, re.S)
    assert block is not None
    sql = block.group(1)
    for role, unique in roles.items():
        sql = re.sub(rf"\b{role}\b(?!@| whitfield| rivera|-secret)", unique, sql)
    return sql


@pytest.fixture
def secured(postgres: Any) -> Iterator[tuple[str, dict[str, str]]]:
    """A server database with the README's policies, and this run's role names."""
    suffix = uuid.uuid4().hex[:6]
    roles = {name: f"{name}_{suffix}" for name in ("qbr_csm", "qbr_managers", "dana", "sam")}
    url = postgres.migrated_database()
    owner = AppContext.open(DatabaseTarget(url=url))
    try:
        for name, who in (("Dana's", "Dana Whitfield"), ("Sam's", "Sam Rivera"),
                          ("Nobody's", "")):
            owner.accounts.create(AccountDraft(name=name, csm_owner=who, arr=Decimal(5000)))
        raw = owner.store.engine.raw_connection()
        try:
            raw.cursor().execute(readme_sql(roles))
            raw.commit()
        finally:
            raw.close()
    finally:
        owner.close()
    yield url, roles
    postgres.drop(url)
    with postgres.admin.connect() as connection:
        for role in ("dana", "sam", "qbr_managers", "qbr_csm"):
            connection.execute(text(f'DROP ROLE IF EXISTS "{roles[role]}"'))


def as_login(url: str, login: str) -> AppContext:
    # The test cluster trusts local connections: the README's passwords are not needed.
    return AppContext.open(DatabaseTarget(url=make_url(url).set(username=login)
                                          .render_as_string(hide_password=False)))


@pytest.mark.server_only
def test_each_csm_sees_their_own_accounts(secured: tuple[str, dict[str, str]]) -> None:
    url, roles = secured
    dana = as_login(url, roles["dana"])
    sam = as_login(url, roles["sam"])
    try:
        assert [a.name for a in dana.accounts.list_accounts()] == ["Dana's", "Nobody's"]
        assert [a.name for a in sam.accounts.list_accounts()] == ["Nobody's", "Sam's"]
        mine = AccountService(dana.store.sessions, user=lambda: "Dana Whitfield",
                              owner=lambda: "Dana Whitfield")
        made = mine.create(AccountDraft(name="Dana's second"))
        mine.record_metrics(made.id, [MetricValue(Quarter(2026, 3), "active_users", 10.0)])
        assert dana.insights.overview().pending == 0
        assert "Dana's second" not in [a.name for a in sam.accounts.list_accounts()]
    finally:
        dana.close()
        sam.close()


@pytest.mark.server_only
def test_a_change_by_one_csm_forgets_results_others_see(
        secured: tuple[str, dict[str, str]], postgres: Any) -> None:
    url, roles = secured
    sam = as_login(url, roles["sam"])
    dana = as_login(url, roles["dana"])
    try:
        assert sam.insights.overview().pending == 0  # Sam's results stored
        from qbr_desktop.services.catalogue import CatalogueItem

        dana.catalogue.replace([CatalogueItem(None, "Analytics", "module", "flat",
                                              Decimal("1000"), "USD")])
    finally:
        dana.close()
        sam.close()
    owner = AppContext.open(DatabaseTarget(url=url))
    try:
        with session_scope(owner.store.sessions, reading=True) as session:
            assert session.query(AccountInsightRow).count() == 0
    finally:
        owner.close()


@pytest.mark.server_only
def test_a_manager_sees_every_account(secured: tuple[str, dict[str, str]],
                                      postgres: Any) -> None:
    url, roles = secured
    with postgres.admin.connect() as connection:
        connection.execute(text(f'GRANT "{roles["qbr_managers"]}" TO "{roles["sam"]}"'))
    sam = as_login(url, roles["sam"])
    try:
        assert len(sam.accounts.list_accounts()) == 3
    finally:
        sam.close()

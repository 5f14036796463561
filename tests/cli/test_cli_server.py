"""`qbr` against a real PostgreSQL server: deliberate upgrades, clear refusals, no password
in any message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_support import raw_engine
from sqlalchemy import text
from sqlalchemy.engine import make_url
from tests_support import missing

from qbr_desktop import __version__
from qbr_desktop.store.migrate import head_revision
from qbr_desktop.store.server import server_engine

SECRET = "s3cr3t-Pa55"


def with_password(url: str) -> str:
    """The test server trusts every local connection: a password can be given and ignored,
    which lets every test check that it never shows."""
    return make_url(url).set(password=SECRET).render_as_string(hide_password=False)


@pytest.fixture
def empty(postgres: Any) -> str:
    return with_password(postgres.empty_database())


@pytest.fixture
def migrated(postgres: Any) -> str:
    return with_password(postgres.migrated_database())


def no_secret(*texts: str) -> None:
    for shown in texts:
        assert SECRET not in shown
        assert "Traceback" not in shown


def test_a_client_never_creates_the_schema_and_says_who_does(qbr: Any, empty: str) -> None:
    result = qbr("--db", empty, "accounts", "list")
    assert result.code == 1
    assert "no QBR Desktop tables yet" in result.err and "qbr server upgrade" in result.err
    assert len(result.err.strip().splitlines()) == 1
    no_secret(result.out, result.err)
    with raw_engine(empty).connect() as connection:
        assert connection.execute(text(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar() == 0


def test_upgrade_prints_backup_advice_first_then_upgrades_once(qbr: Any, empty: str) -> None:
    first = qbr("server", "upgrade", "--db", empty)
    assert first.code == 0, first.err
    lines = first.out.splitlines()
    assert lines[0].startswith("Before the upgrade, make a backup")
    assert any(line.strip().startswith("pg_dump ") for line in lines[:3])
    assert f"from schema empty to {head_revision()}" in lines[-1]
    again = qbr("server", "upgrade", "--db", empty)
    assert again.code == 0 and "already at schema" in again.out
    no_secret(first.out, first.err, again.out, again.err)
    assert qbr("--db", empty, "accounts", "add", "Acme", "--arr", "10k").code == 0


def test_two_upgrades_at_once_on_an_empty_server_both_succeed(empty: str) -> None:
    program = "import sys; from qbr_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    runs = [subprocess.Popen([sys.executable, "-c", program, "server", "upgrade", "--db",
                              empty], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for _ in range(2)]
    outcomes = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    for code, out, err in outcomes:
        assert code == 0, err
        no_secret(out, err)
    said = " ".join(out for _code, out, _err in outcomes)
    assert "from schema empty" in said and "already at schema" in said


def test_an_older_schema_is_left_to_the_administrator(qbr: Any, empty: str) -> None:
    from alembic import command

    from qbr_desktop.store.migrate import alembic_config
    from qbr_desktop.store.server import server_engine

    engine = server_engine(empty)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "0010")
    engine.dispose()
    refused = qbr("--db", empty, "accounts", "list")
    assert refused.code == 1
    assert "older schema (0010)" in refused.err and "qbr server upgrade" in refused.err
    assert "pg_dump" in refused.err
    upgraded = qbr("server", "upgrade", "--db", empty)
    assert f"from schema 0010 to {head_revision()}" in upgraded.out
    assert qbr("--db", empty, "accounts", "list").code == 0


def test_an_older_client_says_which_version_to_install(qbr: Any, migrated: str) -> None:
    with raw_engine(migrated).begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0999'"))
        connection.execute(text("UPDATE setting SET value = '\"9.4.1\"' "
                                "WHERE key = 'server.schema_release'"))
    result = qbr("--db", migrated, "accounts", "list")
    assert result.code == 1
    assert "Install QBR Desktop 9.4.1 or later" in result.err
    assert f"this is QBR Desktop {__version__}" in result.err
    no_secret(result.err)


def test_an_unreachable_server_is_one_plain_sentence(qbr: Any, postgres: Any) -> None:
    url = make_url(postgres.url_of("qbr")).set(port=1, password=SECRET)
    result = qbr("--db", url.render_as_string(hide_password=False), "accounts", "list")
    assert result.code == 1
    assert result.err.startswith("qbr: The team server ") and "cannot be reached" in result.err
    assert "unexpected error" not in result.err and "OperationalError" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "***" in result.err
    no_secret(result.err)


def test_check_on_a_server_checks_the_schema_and_says_what_it_leaves(
        qbr: Any, migrated: str) -> None:
    healthy = qbr("--db", migrated, "check")
    assert healthy.code == 0, healthy.err
    assert "integrity: ok" in healthy.out
    assert "not checked: the server's data pages" in healthy.out
    with raw_engine(migrated).begin() as connection:
        connection.execute(text(
            "DROP TRIGGER forget_insight_after_insert_metric_snapshot ON metric_snapshot"))
        connection.execute(text("ALTER TABLE account ADD COLUMN stray integer"))
    damaged = qbr("--db", migrated, "check")
    assert damaged.code == 1
    assert "1 of the 16 stored-insight triggers are missing" in damaged.out
    assert "difference(s) between the server's tables" in damaged.out
    no_secret(healthy.out, damaged.out, damaged.err)


def test_server_upgrade_refuses_a_file(qbr: Any, tmp_path: Any) -> None:
    result = qbr("server", "upgrade", "--db", tmp_path / "p.sqlite")
    assert result.code == 1 and "works on a PostgreSQL server" in result.err


def test_tls_is_required_and_the_certificate_checked(qbr: Any, migrated: str) -> None:
    ca = os.environ.get("QBR_TEST_POSTGRES_CA")
    if not ca:
        missing("no CA for the test server's TLS (QBR_TEST_POSTGRES_CA is not set; "
                "`.ci/postgres-cluster start` writes one as FOLDER/server.crt)")
    secure = f"{migrated}?sslmode=verify-full&sslrootcert={ca}"
    assert qbr("--db", secure, "accounts", "add", "Over TLS", "--arr", "1k").code == 0
    engine = server_engine(secure)
    try:
        with engine.connect() as connection:
            assert connection.execute(text(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar() is True
    finally:
        engine.dispose()
    wrong_ca = f"{migrated}?sslmode=verify-full&sslrootcert={Path(__file__)}"
    refused = qbr("--db", wrong_ca, "accounts", "list")
    assert refused.code == 1 and "cannot be reached" in refused.err
    no_secret(refused.err)

"""Metric rows stored for periods like 0Q1 or 9999Q4 never break an account.

Older releases and hand edits left such rows; every reader skips them, `qbr check` names
them, and `qbr check --repair` removes them after a backup.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from cli_support import Portfolio, open_portfolio, raw_engine
from sqlalchemy import text

Runner = Any
BAD_PERIODS = ("0Q1", "999Q2", "9999Q4", "2026q3")


def _first_account(db: Portfolio) -> tuple[int, str]:
    with raw_engine(db).connect() as connection:
        row = connection.execute(text(
            "SELECT a.id, a.name FROM account a JOIN metric_snapshot m ON m.account_id = a.id "
            "WHERE a.arr > 50000 ORDER BY a.id LIMIT 1")).one()
        return int(row[0]), str(row[1])


def _store_bad_rows(db: Portfolio, account_id: int) -> None:
    with raw_engine(db).begin() as connection:
        keys = list(connection.execute(text(
            "SELECT DISTINCT metric_key FROM metric_snapshot WHERE account_id = :id "
            "ORDER BY metric_key"), {"id": account_id}).scalars())
        for period in BAD_PERIODS:
            connection.execute(text(
                "INSERT INTO metric_snapshot (account_id, period, metric_key, value) "
                "VALUES (:id, :period, :key, 1)"),
                [{"id": account_id, "period": period, "key": key} for key in keys[:2]])


def _count(db: Portfolio, where: str) -> int:
    with raw_engine(db).connect() as connection:
        return int(connection.execute(
            text(f"SELECT count(*) FROM metric_snapshot WHERE {where}")).scalar_one())


@pytest.fixture
def spoiled(demo_db: Path) -> tuple[Path, int, str]:
    account_id, name = _first_account(demo_db)
    _store_bad_rows(demo_db, account_id)
    return demo_db, account_id, name


def test_every_reader_of_the_account_skips_the_bad_rows(
        qbr: Runner, spoiled: tuple[Path, int, str], tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    database, account_id, name = spoiled
    for command in (("health", name), ("benchmark", name),
                    ("export", "brief", name, "--out", tmp_path / "brief.pdf"),
                    ("export", "handout", name, "--out", tmp_path / "handout.pdf"),
                    ("export", "deck", name, "--out", tmp_path / "deck.pptx")):
        result = qbr("--db", database, *command)
        assert result.code == 0, (command, result.err)
        assert "not a quarter" not in result.err
    context = open_portfolio(database)
    try:
        with caplog.at_level(logging.WARNING, logger="qbr_desktop.store.periods"):
            history = context.accounts.metric_history(account_id)
        assert {str(q) for q in history.quarters}.isdisjoint(BAD_PERIODS)
        assert any("9999Q4" in message and name in message for message in caplog.messages)
        # The stray 9999Q4 does not become the account's latest quarter.
        benchmark = context.insights.benchmark(account_id)
        assert any(m.value is not None for m in benchmark.metrics), "an empty benchmark"
        assert context.insights.health(account_id).report.current is not None
    finally:
        context.close()


def test_check_names_the_account_and_period_and_repair_removes_them(
        qbr: Runner, spoiled: tuple[Path, int, str]) -> None:
    database, _account_id, name = spoiled
    good = _count(database, "1=1") - _count(database, "period IN ('0Q1', '999Q2', '9999Q4', "
                                                       "'2026q3')")
    result = qbr("--db", database, "check")
    assert result.code == 0, result.err
    lines = [line for line in result.out.splitlines() if line.startswith("unreadable:")]
    assert len(lines) == len(BAD_PERIODS)
    assert all(name in line and "--repair" in line for line in lines)
    assert any("“9999Q4”" in line for line in lines)

    repaired = qbr("--db", database, "check", "--repair")
    assert repaired.code == 0, repaired.err
    assert f"removed {2 * len(BAD_PERIODS)} metric value(s)" in repaired.out
    if isinstance(database, Path):  # a server's backups are its administrator's
        assert "before-repair" in repaired.out
    assert "unreadable:" not in repaired.out
    assert _count(database, "1=1") == good


@pytest.mark.parametrize("quarter", ["0Q1", "999Q2", "9999Q4", "1989Q4", "2101Q1"])
def test_a_quarter_outside_the_years_is_refused_in_a_sentence(
        qbr: Runner, demo_db: Path, quarter: str) -> None:
    _account_id, name = _first_account(demo_db)
    result = qbr("--db", demo_db, "roi", name, "--quarter", quarter)
    assert result.code == 2
    assert "is not a quarter" in result.err and "Traceback" not in result.err


def test_the_demo_refuses_a_day_outside_the_years(qbr: Runner, tmp_path: Path) -> None:
    result = qbr("demo", "--db", tmp_path / "demo.sqlite", "--today", "9999-01-01")
    assert result.code == 1
    assert result.err.startswith("qbr: ") and "2100" in result.err
    assert "Traceback" not in result.err

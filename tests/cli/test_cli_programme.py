"""`qbr review` and `qbr program` over a portfolio built through the services."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import Runner

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactDraft, ContactLevel, ReviewDraft, ReviewStatus
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.stakeholders import Attendance
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext

HELD_AT = datetime.now(UTC) - timedelta(days=12)


@pytest.fixture
def portfolio(tmp_path: Path) -> Path:
    path = tmp_path / "portfolio.sqlite"
    context = AppContext.open(DatabaseTarget(path=path))
    try:
        accounts = context.accounts
        account = accounts.create(AccountDraft(name="Acme Ärzte", arr=Decimal(120_000),
                                               csm_owner="Dana"))
        ceo = accounts.add_contact(account.id, ContactDraft("Cleo", level=ContactLevel.C_SUITE))
        review = accounts.add_review(account.id, ReviewDraft(HELD_AT, "UTC",
                                                             status=ReviewStatus.HELD))
        context.stakeholders.set_attendance(review, Attendance(ceo, attended=True))
        accounts.create(AccountDraft(name="Other Co", csm_owner="Mia"))
    finally:
        context.close()
    return path


def test_review_records_and_prints_the_card(qbr: Runner, portfolio: Path) -> None:
    result = qbr("--db", portfolio, "review", "acme ärzte", "--set", "preparation=green",
                 "--set", "engagement=yellow", "--set", "survey=9", "--by", "Dana")
    assert result.code == 0, result.err
    assert "Acme Ärzte: QBR held on" in result.out
    assert "Executive attendance" in result.out and "green" in result.out
    assert "they listened politely" in result.out
    assert "post-QBR survey" in result.out and "9" in result.out
    assert "Recorded by Dana on" in result.out
    data = qbr("--db", portfolio, "review", "Acme Ärzte", "--json").json()
    signals = {item["indicator"]: item["signal"] for item in data["indicators"]}
    assert signals["customer preparation"] == "green"
    assert signals["follow-up response"] == "red"  # 12 days without an answer
    assert data["survey_score"] == 9 and data["recorded_by"] == "Dana"
    answered = qbr("--db", portfolio, "review", "Acme Ärzte", "--set", "followup=today",
                   "--json").json()
    assert {i["indicator"]: i["signal"] for i in answered["indicators"]}[
        "follow-up response"] == "red"  # answered 12 days after: later than a week
    assert answered["survey_score"] == 9  # kept


@pytest.mark.parametrize(("setting", "words"), [
    ("survey=11", "survey"), ("preparation=amber", "amber"), ("mood=green", "mood"),
    ("followup=soon", "soon")])
def test_a_bad_setting_fails_in_one_line_and_stores_nothing(
        qbr: Runner, portfolio: Path, setting: str, words: str) -> None:
    result = qbr("--db", portfolio, "review", "Acme Ärzte", "--set", "survey=7",
                 "--set", setting)
    assert result.code == 1
    assert result.err.count("\n") == 1 and words in result.err
    assert qbr("--db", portfolio, "review", "Acme Ärzte", "--json").json()[
        "survey_score"] is None


def test_review_usage_errors(qbr: Runner, portfolio: Path) -> None:
    assert qbr("--db", portfolio, "review", "Acme Ärzte", "--set", "survey").code == 2
    result = qbr("--db", portfolio, "review", "Other Co")
    assert result.code == 1 and "no QBR yet" in result.err


def test_program_prints_every_metric_cadence_and_maturity(qbr: Runner,
                                                          portfolio: Path) -> None:
    quarter = Quarter.containing(HELD_AT.date())
    result = qbr("--db", portfolio, "program", "--quarter", str(quarter))
    assert result.code == 0, result.err
    assert f"QBR programme, {quarter} (all accounts)" in result.out
    for label in ("Executive attendance", "Post-QBR survey score", "Health 30 days after",
                  "New stakeholder engaged", "Expansion opportunity found"):
        assert label in result.out
    assert "Strategic accounts due a review held one" in result.out
    assert "Maturity: Basic" in result.out
    data = qbr("--db", portfolio, "program", "--quarter", str(quarter), "--owner", "Dana",
               "--json").json()
    assert data["owner"] == "Dana" and len(data["metrics"]) == 9
    executives = next(m for m in data["metrics"] if m["metric"] == "executives_present")
    current = executives["quarters"][0]
    assert current["quarter"] == str(quarter) and current["status"] == "not enough data"
    assert current["reviews"][0]["account"] == "Acme Ärzte"
    assert current["reviews"][0]["detail"] == "an executive attended"
    mia = qbr("--db", portfolio, "program", "--owner", "Mia", "--json").json()
    assert all(q["reviews"] == [] for m in mia["metrics"] for q in m["quarters"])


def test_program_writes_its_files(qbr: Runner, portfolio: Path, tmp_path: Path) -> None:
    for name in ("view.pdf", "view.csv", "view.xlsx"):
        result = qbr("--db", portfolio, "program", "--out", tmp_path / name)
        assert result.code == 0, result.err
        assert (tmp_path / name).stat().st_size > 0
        assert f"Wrote {tmp_path / name}" in result.out
    refused = qbr("--db", portfolio, "program", "--out", tmp_path / "view.docx")
    assert refused.code == 1 and ".pdf, .csv, .xlsx" in refused.err
    assert qbr("--db", portfolio, "program", "--quarter", "2026Q5").code == 2

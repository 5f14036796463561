"""`qbr demo` and `qbr accounts list/add`, run in-process through qbr_desktop.cli.main."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from cli_support import open_portfolio

Runner = Callable[..., Any]

JSON_KEYS = {
    "id", "name", "industry", "country", "arr", "currency", "licensed_seats", "tier",
    "tier_is_override", "renewal_date", "next_qbr_at", "next_qbr_zone", "csm_owner",
}


def read_accounts(path: Path) -> list[Any]:
    """The accounts in a file, read back through the service layer (not the CLI)."""
    context = open_portfolio(path)
    try:
        return [context.accounts.get(item.id) for item in context.accounts.list_accounts()]
    finally:
        context.close()


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, f"expected one line, got: {text!r}"
    assert "Traceback" not in text
    return lines[0]


# --- demo + list ---------------------------------------------------------------------------

def test_demo_then_list_json_has_every_account_with_documented_keys(
        qbr: Runner, demo_db: Path) -> None:
    result = qbr("--db", demo_db, "accounts", "list", "--json")
    assert result.code == 0, result.err
    items = result.json()
    assert isinstance(items, list)
    assert len(items) == 30
    assert len({item["id"] for item in items}) == 30
    assert len({item["name"] for item in items}) == 30
    for item in items:
        assert set(item) == JSON_KEYS
        assert isinstance(item["id"], int)
        assert isinstance(item["arr"], str)
        assert re.fullmatch(r"\d+\.\d{2}", item["arr"]), item["arr"]
        assert Decimal(item["arr"]) >= 0
        assert re.fullmatch(r"[A-Z]{3}", item["currency"])
        assert isinstance(item["licensed_seats"], int) and item["licensed_seats"] >= 5
        assert item["tier"] in {"Strategic", "Growth", "Core"}
        assert item["tier_is_override"] is False
        date.fromisoformat(item["renewal_date"])
        assert item["csm_owner"]


def test_demo_reports_what_it_built(qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    result = qbr("demo", "--db", path, "--accounts", "5", "--seed", "1")
    assert result.code == 0
    assert str(path) in result.out
    assert "5 accounts" in result.out
    assert result.err == ""


def test_demo_accepts_the_global_db_option_too(qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "global.sqlite"
    assert qbr("--db", path, "demo", "--accounts", "4").code == 0
    assert len(qbr("--db", path, "accounts", "list", "--json").json()) == 4


def test_list_text_shows_every_name_and_a_count(qbr: Runner, demo_db: Path) -> None:
    names = [item["name"] for item in qbr("--db", demo_db, "accounts", "list", "--json").json()]
    result = qbr("--db", demo_db, "accounts", "list")
    assert result.code == 0, result.err
    lines = result.out.rstrip("\n").split("\n")
    assert lines[-1] == "30 account(s)"
    assert len(lines) == 31
    listed = [line.split("\t")[0] for line in lines[:-1]]
    assert listed == names


def test_same_seed_and_day_give_identical_portfolios(qbr: Runner, tmp_path: Path) -> None:
    today = date.today().isoformat()  # reviews then lie ahead of the real clock
    outputs = []
    for name, seed in (("a", "5"), ("b", "5"), ("c", "6")):
        path = tmp_path / f"{name}.sqlite"
        assert qbr("demo", "--db", path, "--accounts", "20", "--seed", seed,
                   "--today", today).code == 0
        result = qbr("--db", path, "accounts", "list", "--json")
        assert result.code == 0
        outputs.append(result.out)
    first, same, other = outputs
    assert first == same  # ids, dates and amounts included
    assert any(item["next_qbr_at"] for item in json.loads(first))
    assert first != other


def test_demo_refuses_a_database_holding_real_accounts(qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    assert qbr("--db", path, "accounts", "add", "Globex").code == 0

    result = qbr("demo", "--db", path, "--accounts", "10")

    assert result.code == 1
    message = one_line(result.err)
    assert str(path) in message
    assert "1 account" in message
    names = [a["name"] for a in qbr("--db", path, "accounts", "list", "--json").json()]
    assert names == ["Globex"]


def test_demo_twice_is_refused(qbr: Runner, demo_db: Path) -> None:
    result = qbr("demo", "--db", demo_db)
    assert result.code == 1
    assert str(demo_db) in one_line(result.err)
    assert len(qbr("--db", demo_db, "accounts", "list", "--json").json()) == 30


@pytest.mark.parametrize("count", ["0", "-3", "many"])
def test_demo_rejects_a_bad_account_count(qbr: Runner, tmp_path: Path, count: str) -> None:
    result = qbr("demo", "--db", tmp_path / "x.sqlite", "--accounts", count)
    assert result.code == 2
    assert "--accounts" in result.err


# --- accounts add --------------------------------------------------------------------------

def test_add_stores_exact_values(qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    result = qbr("--db", path, "accounts", "add", "Initech", "--arr", "120k",
                 "--currency", "eur", "--renewal", "2027-03-31", "--owner", "Sam",
                 "--industry", "Software", "--country", "Germany", "--seats", "80")
    assert result.code == 0, result.err
    assert "Initech" in result.out

    [account] = read_accounts(path)
    draft = account.draft
    assert draft.name == "Initech"
    assert draft.arr == Decimal("120000")
    assert isinstance(draft.arr, Decimal)
    assert draft.currency == "EUR"
    assert draft.renewal_date == date(2027, 3, 31)
    assert draft.csm_owner == "Sam"
    assert draft.industry == "Software"
    assert draft.country == "Germany"
    assert draft.licensed_seats == 80
    assert draft.tier_override is None
    assert account.tier == "Strategic"  # 120k is above the 75k Strategic line

    [item] = qbr("--db", path, "accounts", "list", "--json").json()
    assert item["arr"] == "120000.00"
    assert item["currency"] == "EUR"
    assert item["renewal_date"] == "2027-03-31"
    assert item["next_qbr_at"] is None


def test_add_with_tier_override_is_marked_as_override(qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    assert qbr("--db", path, "accounts", "add", "Big Co", "--arr", "200000",
               "--tier", "Core").code == 0
    [item] = qbr("--db", path, "accounts", "list", "--json").json()
    assert item["tier"] == "Core"
    assert item["tier_is_override"] is True


def test_add_with_unknown_tier_fails_and_stores_nothing(qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    result = qbr("--db", path, "accounts", "add", "Big Co", "--tier", "Platinum")
    assert result.code == 1
    assert "Platinum" in one_line(result.err)
    assert read_accounts(path) == []


@pytest.mark.parametrize("duplicate", ["initech", "INITECH", "  Initech  "])
def test_duplicate_name_in_any_case_fails(qbr: Runner, tmp_path: Path, duplicate: str) -> None:
    path = tmp_path / "p.sqlite"
    assert qbr("--db", path, "accounts", "add", "Initech", "--arr", "1000").code == 0

    result = qbr("--db", path, "accounts", "add", duplicate, "--arr", "5000")

    assert result.code == 1
    message = one_line(result.err)
    assert "initech" in message.casefold()
    assert "already" in message
    [account] = read_accounts(path)
    assert account.draft.name == "Initech"
    assert account.draft.arr == Decimal("1000")


@pytest.mark.parametrize(("option", "value", "mentions"), [
    ("--arr", "-5", "negative"),
    ("--arr", "lots", "lots"),
    ("--renewal", "2027-02-30", "2027-02-30"),
    ("--renewal", "31/03/2027", "31/03/2027"),
])
def test_bad_option_values_are_usage_errors(qbr: Runner, tmp_path: Path, option: str,
                                            value: str, mentions: str) -> None:
    path = tmp_path / "p.sqlite"
    result = qbr("--db", path, "accounts", "add", "Initech", option, value)
    assert result.code == 2
    assert option in result.err
    assert mentions in result.err
    assert "Traceback" not in result.err
    assert not path.exists()  # parsing failed before anything was opened


@pytest.mark.parametrize("name", ["", "   "])
def test_empty_name_fails(qbr: Runner, tmp_path: Path, name: str) -> None:
    path = tmp_path / "p.sqlite"
    result = qbr("--db", path, "accounts", "add", name)
    assert result.code == 1
    assert "Name is required" in one_line(result.err)
    assert read_accounts(path) == []


def test_unsupported_currency_fails(qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    result = qbr("--db", path, "accounts", "add", "Initech", "--currency", "UDS")
    assert result.code == 1
    assert "UDS" in one_line(result.err)
    assert read_accounts(path) == []


NAMES = [
    "Smith <Holdings> & Sons",
    "Nordlys 🌌 Energi 👩🏽‍💻",
    "上海云帆软件有限公司",
    "مجموعة الواحة للتجزئة",
    "Ünïcödé – “quoted” 'names'",
    "x" * 1000,
]


def test_unusual_names_are_stored_and_listed_intact(qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    for name in NAMES:
        result = qbr("--db", path, "accounts", "add", name)
        assert result.code == 0, result.err

    listed = qbr("--db", path, "accounts", "list", "--json").json()
    assert sorted(item["name"] for item in listed) == sorted(NAMES)
    assert sorted(a.draft.name for a in read_accounts(path)) == sorted(NAMES)

    text = qbr("--db", path, "accounts", "list")
    assert text.code == 0
    for name in NAMES:
        assert f"{name}\t" in text.out
    assert text.out.rstrip("\n").endswith(f"{len(NAMES)} account(s)")


def test_a_name_over_the_limit_is_refused(qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    result = qbr("--db", path, "accounts", "add", "y" * 1001)
    assert result.code == 1
    assert "1,000" in one_line(result.err)
    assert read_accounts(path) == []


def test_a_name_with_a_control_character_is_refused(qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    result = qbr("--db", path, "accounts", "add", "Bad\x07Name")
    assert result.code == 1
    assert "control character" in one_line(result.err)
    assert read_accounts(path) == []


# --- which database ------------------------------------------------------------------------

def test_qbr_db_environment_variable_is_used_without_db(
        qbr: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_env = tmp_path / "env.sqlite"
    monkeypatch.setenv("QBR_DB", str(from_env))

    assert qbr("accounts", "add", "From Env").code == 0

    assert [a.draft.name for a in read_accounts(from_env)] == ["From Env"]


def test_db_option_wins_over_qbr_db(
        qbr: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_env, chosen = tmp_path / "env.sqlite", tmp_path / "chosen.sqlite"
    monkeypatch.setenv("QBR_DB", str(from_env))
    assert qbr("accounts", "add", "Env Account").code == 0

    assert qbr("--db", chosen, "accounts", "add", "Chosen Account").code == 0
    listed = qbr("--db", chosen, "accounts", "list", "--json").json()

    assert [item["name"] for item in listed] == ["Chosen Account"]
    assert [a.draft.name for a in read_accounts(from_env)] == ["Env Account"]


def test_without_db_or_env_the_per_user_folder_is_used(
        qbr: Runner, isolated_data_folder: Path) -> None:
    assert qbr("accounts", "add", "Default Place").code == 0
    assert (isolated_data_folder / "qbr.sqlite").is_file()
    assert [a.draft.name for a in read_accounts(isolated_data_folder / "qbr.sqlite")] == [
        "Default Place"]


# --- version and usage ---------------------------------------------------------------------

def test_version_prints_the_package_version(qbr: Runner) -> None:
    import qbr_desktop

    result = qbr("--version")
    assert result.code == 0
    assert result.out.strip() == f"qbr {qbr_desktop.__version__}"


@pytest.mark.parametrize("argv", [(), ("accounts",), ("frobnicate",), ("backup",)])
def test_incomplete_or_unknown_commands_are_usage_errors(qbr: Runner, argv: tuple[str, ...],
                                                          isolated_data_folder: Path) -> None:
    result = qbr(*argv)
    assert result.code == 2
    assert "usage:" in result.err
    assert not (isolated_data_folder / "qbr.sqlite").exists()


def test_main_writes_version_and_usage_to_the_streams_it_is_given(
        capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from qbr_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["--version"], out=out, err=err) == 0
    assert main(["accounts", "add"], out=out, err=err) == 2
    leaked = capsys.readouterr()
    assert "qbr " in out.getvalue()
    assert "usage:" in err.getvalue()
    assert leaked.out == "" and leaked.err == ""


def test_list_shows_the_next_qbr_on_the_day_it_is_held(qbr: Runner, tmp_path: Path) -> None:
    from datetime import date, timedelta

    db = tmp_path / "tokyo.sqlite"
    assert qbr("--db", db, "accounts", "add", "Kaisha KK", "--arr", "40k").code == 0
    day = date.today() + timedelta(days=20)
    assert qbr("--db", db, "schedule", "Kaisha KK", "--date", day.isoformat(),
               "--time", "00:30", "--tz", "Asia/Tokyo").code == 0
    listed = qbr("--db", db, "accounts", "list").out
    assert f"next QBR {day.isoformat()}" in listed  # the UTC date is the day before
    item = json.loads(qbr("--db", db, "accounts", "list", "--json").out)[0]
    assert item["next_qbr_zone"] == "Asia/Tokyo"


def test_an_accounts_customer_language_is_set_on_add_and_changed_by_edit(
        qbr: Runner, tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    assert qbr("--db", path, "accounts", "add", "Initech").code == 0
    assert qbr("--db", path, "accounts", "add", "上海 <&> 贸易", "--language", "zh_CN").code == 0
    assert {a.draft.name: a.draft.language for a in read_accounts(path)} == {
        "Initech": "en", "上海 <&> 贸易": "zh_CN"}

    assert qbr("--db", path, "accounts", "edit", "Initech", "--language", "zh_CN").code == 0
    refused = qbr("--db", path, "accounts", "edit", "Initech", "--language", "klingon")

    assert refused.code == 1
    assert "klingon" in one_line(refused.err)
    assert {a.draft.language for a in read_accounts(path)} == {"zh_CN"}

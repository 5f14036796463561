"""`qbr import`: dry runs, --apply, the report, --json, --map, --rejects and exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_support import Portfolio
from sqlalchemy.exc import IntegrityError

from qbr_desktop.services.importing import ImportService

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "imports"


@pytest.fixture
def db(fresh_db: Portfolio) -> Portfolio:
    return fresh_db


def account_names(qbr: Any, db: Path) -> list[str]:
    result = qbr("--db", db, "accounts", "list", "--json")
    assert result.code == 0, result.err
    return sorted(item["name"] for item in result.json())


def test_a_dry_run_reports_row_by_row_and_saves_nothing(qbr: Any, db: Path) -> None:
    result = qbr("--db", db, "import", "accounts", SAMPLES / "salesforce_accounts.csv")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == ("salesforce_accounts.csv: CSV, Windows-1252, semicolon-separated, "
                        "7 rows below the header")
    assert "Columns (guessed from the headers; change with --map FIELD=HEADER):" in lines
    assert any(line.split() == ["arr", "ARR", "←", "Annual", "Recurring", "Revenue"]
               for line in lines)
    assert "  not imported: Type" in lines
    assert "Row 2      New        Müller Maschinenbau GmbH" in lines
    assert lines[-1] == ("Dry run: 7 new, 0 updated, 0 rejected. Nothing was saved; "
                         "add --apply to import.")
    assert result.err == ""
    assert account_names(qbr, db) == []


def test_apply_then_reimport_is_idempotent(qbr: Any, db: Path) -> None:
    first = qbr("--db", db, "import", "accounts", SAMPLES / "salesforce_accounts.csv", "--apply")
    assert first.code == 0, first.err
    assert first.out.splitlines()[-1] == "Imported: 7 new, 0 updated, 0 rejected."
    assert len(account_names(qbr, db)) == 7
    again = qbr("import", "accounts", SAMPLES / "salesforce_accounts.csv", "--apply", "--db", db)
    assert again.code == 0, again.err
    day = date.today()
    assert (f"(remembered from the last import of this layout: the columns chosen for "
            f"“salesforce_accounts.csv” on {day.day} {day:%b} {day.year}; change with --map "
            "FIELD=HEADER):") in again.out
    assert again.out.splitlines()[-1] == "Imported: 0 new, 0 updated, 7 unchanged, 0 rejected."
    assert "Row " not in again.out  # unchanged rows are not listed
    assert len(account_names(qbr, db)) == 7


def test_rejected_rows_exit_zero_with_reasons_and_a_rejects_file(qbr: Any, db: Path,
                                                                 tmp_path: Path) -> None:
    qbr("--db", db, "import", "accounts", SAMPLES / "salesforce_accounts.csv", "--apply")
    rejects = tmp_path / "out" / "rejects.csv"
    rejects.parent.mkdir()
    result = qbr("--db", db, "import", "contacts", SAMPLES / "hubspot_contacts.csv", "--apply",
                 "--rejects", rejects)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    row8 = lines.index("Row 8      Rejected   Priya Raman")
    assert lines[row8 + 1].strip() == ("Company Name: no account is named “Globex Corporation” "
                                       "(import or add the account first)")
    assert f"Rejected rows written to {rejects}." in lines
    assert lines[-1] == "Imported: 6 new, 0 updated, 2 rejected."
    written = rejects.read_text(encoding="utf-8-sig").splitlines()
    assert written[0].startswith("Row,Reasons,Record ID,First Name")
    assert [line.split(",")[0] for line in written[1:]] == ["8", "9"]
    assert ",'+1 415 555 0100," in written[1]  # a leading + is neutralised for spreadsheets


def test_json_output(qbr: Any, db: Path) -> None:
    qbr("--db", db, "import", "accounts", SAMPLES / "salesforce_accounts.csv", "--apply")
    result = qbr("--db", db, "import", "metrics", SAMPLES / "usage_tracker.xlsx", "--json",
                 "--sheet", "Quarterly usage")
    assert result.code == 0, result.err
    report = result.json()
    assert set(report) == {"file", "kind", "applied", "format", "encoding", "delimiter", "sheet",
                           "mapping", "mapping_source", "day_first", "needs_date_order",
                           "notices", "counts", "summary", "rows", "rejects_file",
                           "remembered_from", "period_columns", "unmatched_accounts"}
    assert (report["remembered_from"], report["period_columns"],
            report["unmatched_accounts"]) == (None, [], [])
    assert (report["kind"], report["applied"], report["format"], report["sheet"]) == (
        "metrics", False, "Excel workbook", "Quarterly usage")
    assert report["mapping"]["active_users"] == "Active Users"
    assert report["mapping_source"] == "guessed"
    assert report["counts"] == {"rows": 20, "created": 115, "updated": 0, "unchanged": 0,
                                "rejected": 0, "unit": "metric values"}
    first = report["rows"][0]
    assert first == {"row": 2, "action": "create", "label": "Müller Maschinenbau GmbH 2025Q3",
                     "changes": ["6 new"], "reasons": [], "warnings": [], "problems": []}


def test_json_rows_carry_problems(qbr: Any, db: Path) -> None:
    result = qbr("--db", db, "import", "accounts", SAMPLES / "accounts_formulas.csv", "--json")
    rows = {row["row"]: row for row in result.json()["rows"]}
    assert rows[5]["action"] == "reject"
    assert rows[5]["problems"] == [
        {"column": "Account Name", "message": "starts with “-”; kept as text, never run as a "
                                              "formula", "severity": "warning"},
        {"column": "ARR", "message": "“=1+1” is not an amount of money (formulas are never "
                                     "evaluated)", "severity": "error"}]


@pytest.mark.parametrize(("name", "message"), [
    ("fake.xlsx", "qbr: fake.xlsx is not an Excel workbook (not a zip archive)\n"),
    ("empty.csv", "qbr: empty.csv is empty\n"),
    ("accounts_unclosed_quote.csv", "qbr: accounts_unclosed_quote.csv, row 2: a quotation mark "
                                    "opened in this row is never closed, so the rest of the file "
                                    "would become one cell\n"),
])
def test_unreadable_files_exit_one_with_one_line(qbr: Any, db: Path, name: str,
                                                 message: str) -> None:
    result = qbr("--db", db, "import", "accounts", SAMPLES / name, "--apply")
    assert (result.code, result.out, result.err) == (1, "", message)
    if isinstance(db, Path):  # the file was refused before the database was even opened
        assert not db.exists()


def test_a_missing_file(qbr: Any, db: Path, tmp_path: Path) -> None:
    result = qbr("--db", db, "import", "accounts", tmp_path / "nope.csv")
    assert result.code == 1 and result.err == f"qbr: {tmp_path / 'nope.csv'} does not exist\n"


@pytest.mark.parametrize("argv", [
    ["import", "deals", "x.csv"],
    ["import", "accounts"],
    ["import", "accounts", "x.csv", "--map", "name"],
    ["import", "accounts", "x.csv", "--map", "colour=Colour"],
    ["import", "accounts", "x.csv", "--day-first", "--month-first"],
])
def test_usage_errors_exit_two(qbr: Any, argv: list[str]) -> None:
    result = qbr(*argv)
    assert result.code == 2 and "usage: qbr import" in result.err


def test_map_overrides_and_an_incomplete_mapping(qbr: Any, db: Path) -> None:
    path = SAMPLES / "contacts_duplicate_headers.csv"
    qbr("--db", db, "accounts", "add", "Acme Logistics")
    guessed = qbr("--db", db, "import", "contacts", path, "--json").json()
    assert guessed["mapping"] == {"name": "Name", "account": "Company"}
    chosen = qbr("--db", db, "import", "contacts", path, "--json", "--apply",
                 "--map", "email=email (column d)").json()
    assert chosen["mapping"]["email"] == "Email (column D)"
    assert chosen["counts"]["created"] == 1
    missing = qbr("--db", db, "import", "contacts", path, "--map", "name=", "--map", "account=")
    assert missing.code == 1
    assert missing.err.startswith("qbr: Choose the column that holds the contact's name")
    assert "Use --map FIELD=HEADER; the columns of contacts_duplicate_headers.csv are “Name”, " \
           "“Email”, “Company”, “Email (column D)”." in missing.err
    unknown = qbr("--db", db, "import", "contacts", path, "--map", "email=Mail")
    assert unknown.code == 1 and "has no column “Mail”" in unknown.err
    wrong_kind = qbr("--db", db, "import", "contacts", path, "--map", "arr=Name")
    assert wrong_kind.code == 1 and "a contacts import has no field “arr”" in wrong_kind.err


def test_date_order_flags(qbr: Any, db: Path) -> None:
    path = SAMPLES / "accounts_ambiguous_dates.csv"
    unsure = qbr("--db", db, "import", "accounts", path)
    assert unsure.code == 0
    assert ("Some dates read both ways (day first or month first): run again with --day-first "
            "or --month-first.") in unsure.out
    assert "could be 5 June 2027 or 6 May 2027" in unsure.out
    day_first = qbr("--db", db, "import", "accounts", path, "--day-first", "--apply")
    assert day_first.out.splitlines()[-1] == "Imported: 3 new, 0 updated, 0 rejected."
    listed = qbr("--db", db, "accounts", "list", "--json").json()
    assert {a["name"]: a["renewal_date"] for a in listed}["Acme Logistics"] == "2027-06-05"
    month_first = qbr("--db", db, "import", "accounts", path, "--month-first", "--json").json()
    assert month_first["day_first"] is False and month_first["counts"]["updated"] == 2


def test_an_unknown_sheet(qbr: Any, db: Path) -> None:
    result = qbr("--db", db, "import", "metrics", SAMPLES / "usage_tracker.xlsx", "--sheet", "X")
    assert result.code == 1
    assert result.err == ("qbr: usage_tracker.xlsx has no sheet called “X” (it has “Quarterly "
                          "usage”, “Notes”)\n")


def test_a_failed_apply_exits_one_and_saves_nothing(qbr: Any, db: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def collide(self: ImportService, session: Any, *_args: Any) -> None:
        raise IntegrityError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(ImportService, "_remember", collide)
    result = qbr("--db", db, "import", "accounts", SAMPLES / "salesforce_accounts.csv", "--apply")
    assert result.code == 1
    assert result.err.startswith("qbr: The import was not saved, and nothing in the portfolio "
                                 "changed")
    assert account_names(qbr, db) == []


def test_help_lists_the_command_and_its_fields(qbr: Any) -> None:
    assert "import" in qbr("--help").out
    helped = qbr("import", "--help")
    assert helped.code == 0
    assert "--day-first" in helped.out and "metrics   account, account_external_id" in helped.out


def test_a_wide_usage_export_in_german_needs_no_map_and_map_still_overrides(
        qbr: Any, db: Path) -> None:
    prep = SAMPLES / "qbr_prep"
    assert qbr("--db", db, "import", "accounts", prep / "hubspot_companies.csv",
               "--apply").code == 0
    usage = prep / "gainsight_usage_de.csv"
    guessed = qbr("--db", db, "import", "metrics", usage, "--json").json()
    assert guessed["mapping"] == {"account": "Kunde", "account_external_id": "Kunden-ID",
                                  "metric": "Kennzahl"}
    assert len(guessed["period_columns"]) == 21
    assert guessed["unmatched_accounts"] == [{"account": "QA Testmandant (intern)", "rows": 8},
                                             {"account": "Vandelay Industries", "rows": 8}]
    # The CSM does not trust the tool's ids: accounts are found by name alone.
    by_name = qbr("--db", db, "import", "metrics", usage, "--map", "account_external_id=",
                  "--apply")
    assert by_name.code == 0, by_name.err
    assert "account_external_id" not in by_name.out
    assert by_name.out.splitlines()[-1] == ("Imported: 280 new, 0 updated metric values; "
                                           "16 rows rejected.")
    again = qbr("--db", db, "import", "metrics", usage, "--json").json()
    assert again["mapping_source"] == "remembered"
    assert again["remembered_from"]["file"] == "gainsight_usage_de.csv"
    assert again["mapping"] == {"account": "Kunde", "metric": "Kennzahl"}
    assert again["counts"]["unchanged"] == 280

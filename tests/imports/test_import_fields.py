"""Which column holds what: guessing from headers, fingerprints, what is still missing."""

from __future__ import annotations

import pytest

from qbr_desktop.imports.fields import (
    FIELDS,
    ImportKind,
    guess_mapping,
    layout_fingerprint,
    metric_key_for,
    missing_fields,
    normalise_header,
)

SALESFORCE = ["Account ID", "Account Name", "Type", "Industry", "Billing Country",
              "Annual Recurring Revenue", "Account Currency", "Licensed Seats",
              "Contract End Date", "Customer Since", "Account Owner", "Employees", "Description"]
HUBSPOT = ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Job Title",
           "Company Name", "Lifecycle Stage", "Seniority"]


def test_salesforce_accounts_report() -> None:
    assert guess_mapping(ImportKind.ACCOUNTS, SALESFORCE) == {
        "external_id": "Account ID", "name": "Account Name", "arr": "Annual Recurring Revenue",
        "currency": "Account Currency", "renewal_date": "Contract End Date",
        "customer_since": "Customer Since", "licensed_seats": "Licensed Seats",
        "industry": "Industry", "country": "Billing Country", "employee_band": "Employees",
        "csm_owner": "Account Owner", "notes": "Description",
    }


def test_hubspot_contacts_export() -> None:
    assert guess_mapping(ImportKind.CONTACTS, HUBSPOT) == {
        "external_id": "Record ID", "first_name": "First Name", "last_name": "Last Name",
        "email": "Email", "phone": "Phone Number", "title": "Job Title",
        "account": "Company Name", "level": "Seniority",
    }


@pytest.mark.parametrize(("header", "field"), [
    ("Company", "name"), ("Organization", "name"), ("客户名称", "name"), ("ARR", "arr"),
    ("Amount", "arr"), ("ARR (USD)", "arr"), ("Id", "external_id"),
    ("Renewal Date", "renewal_date"), ("CONTRACT_END_DATE", "renewal_date"),
    ("续约日期", "renewal_date"), ("account-name", "name"),
])
def test_account_synonyms(header: str, field: str) -> None:
    assert guess_mapping(ImportKind.ACCOUNTS, [header]) == {field: header}


@pytest.mark.parametrize(("header", "field"), [
    ("Title", "title"), ("Job Title", "title"), ("Phone", "phone"), ("Department", "department"),
    ("Level", "level"), ("E-mail", "email"), ("Organization", "account"),
    ("Account ID", "account_external_id"),
])
def test_contact_synonyms(header: str, field: str) -> None:
    assert guess_mapping(ImportKind.CONTACTS, [header]) == {field: header}


def test_metrics_long_and_wide() -> None:
    assert guess_mapping(ImportKind.METRICS, ["Account", "Quarter", "Metric", "Value"]) == {
        "account": "Account", "period": "Quarter", "metric": "Metric", "value": "Value"}
    wide = guess_mapping(ImportKind.METRICS, ["Customer", "Date", "Active Users",
                                              "Licensed Seats", "NPS", "CSAT", "Comment"])
    assert wide == {"account": "Customer", "period": "Date", "active_users": "Active Users",
                    "licensed_seats": "Licensed Seats", "nps": "NPS", "csat": "CSAT"}


def test_a_currency_column_is_not_taken_for_the_amount() -> None:
    mapping = guess_mapping(ImportKind.ACCOUNTS, ["Name", "ARR Currency", "ARR (converted)"])
    assert mapping == {"name": "Name", "currency": "ARR Currency", "arr": "ARR (converted)"}


def test_each_header_feeds_one_field_and_duplicates_are_never_guessed() -> None:
    mapping = guess_mapping(ImportKind.CONTACTS, ["Name", "Email", "Email (column C)"],
                            ambiguous={"Email", "Email (column C)"})
    assert mapping == {"name": "Name"}


def test_fingerprint_ignores_spelling_but_not_kind_or_order() -> None:
    one = layout_fingerprint(ImportKind.ACCOUNTS, ["Account Name", "ARR"])
    assert one == layout_fingerprint(ImportKind.ACCOUNTS, [" account_name ", "arr"])
    assert len(one) == 64
    assert one != layout_fingerprint(ImportKind.CONTACTS, ["Account Name", "ARR"])
    assert one != layout_fingerprint(ImportKind.ACCOUNTS, ["ARR", "Account Name"])


def test_normalised_headers() -> None:
    assert normalise_header("  Job_Title / Role ") == "job title role"
    assert normalise_header("ＡＲＲ") == "arr"


@pytest.mark.parametrize(("text", "key"), [
    ("Active Users", "active_users"), ("active_users", "active_users"), ("MAU", "active_users"),
    ("Net Promoter Score", "nps"), ("Happiness", None)])
def test_metric_names(text: str, key: str | None) -> None:
    assert metric_key_for(text) == key


def test_what_is_missing() -> None:
    assert missing_fields(ImportKind.ACCOUNTS, {}) == [
        "Choose the column that holds the account name."]
    assert missing_fields(ImportKind.ACCOUNTS, {"name": "Company"}) == []
    assert len(missing_fields(ImportKind.CONTACTS, {})) == 2
    assert missing_fields(ImportKind.CONTACTS, {"last_name": "Surname", "account": "Company"}) == []
    assert missing_fields(ImportKind.METRICS, {"account": "A", "period": "Q", "metric": "M"}) == [
        "For one metric per row, choose both the Metric and the Value column."]
    assert missing_fields(ImportKind.METRICS, {"account": "A", "period": "Q", "nps": "NPS"}) == []
    assert "Choose the Metric and Value columns" in missing_fields(
        ImportKind.METRICS, {"account": "A", "period": "Q"})[0]


def test_every_field_key_is_unique_per_kind() -> None:
    for fields in FIELDS.values():
        keys = [f.key for f in fields]
        assert len(keys) == len(set(keys))

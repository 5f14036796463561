"""What each kind of import can fill in, and which file column probably holds it.

A mapping is {field key: header}. It is guessed from header names (synonyms as Salesforce,
HubSpot, product-analytics tools and hand-made trackers write them: in English here, and
in German, French, Spanish, Portuguese, Dutch, Chinese and Japanese in header_words),
remembered per file layout by a fingerprint of the kind and the normalised headers, and can
always be changed by the person importing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from qbr_desktop.domain.metrics import METRICS
from qbr_desktop.i18n import N_, Message, msg_in_context
from qbr_desktop.imports import header_words as words


class ImportKind(StrEnum):
    ACCOUNTS = "accounts"
    CONTACTS = "contacts"
    METRICS = "metrics"


def kind_name(kind: ImportKind) -> Message:
    """What an import of this kind is called inside a sentence ("a contacts import")."""
    if kind is ImportKind.ACCOUNTS:
        return msg_in_context("import kind", "accounts")
    if kind is ImportKind.CONTACTS:
        return msg_in_context("import kind", "contacts")
    return msg_in_context("import kind", "metrics")


class FieldType(StrEnum):
    TEXT = "text"
    MONEY = "money"
    CURRENCY = "currency"
    WHOLE = "whole number"
    NUMBER = "number"
    DATE = "date"
    PERIOD = "quarter"
    EMPLOYEES = "employees"
    LEVEL = "level"
    METRIC_NAME = "metric name"
    LANGUAGE = "language"


@dataclass(frozen=True, slots=True)
class TargetField:
    key: str
    label: str
    type: FieldType = FieldType.TEXT
    synonyms: tuple[str, ...] = ()


_ACCOUNT_NAMES = ("account name", "account", "company name", "company", "organization",
                  "organisation", "organization name", "customer name", "customer", "client")
_ACCOUNT_IDS = ("account id", "company id", "associated company id", "account external id")
_SEATS = ("licensed seats", "seats", "licenses", "licences", "number of licenses",
          "license count", "seats purchased", "purchased seats", "paid seats", "seat count",
          "contracted seats")


def _field(table: dict[str, words.Words], key: str, label: str,
           type: FieldType = FieldType.TEXT, synonyms: tuple[str, ...] = ()) -> TargetField:
    """A field whose English synonyms are followed by every language's (header_words)."""
    return TargetField(key, label, type, synonyms + words.words_for(table, key))


_A, _C, _M = words.ACCOUNTS, words.CONTACTS, words.METRICS
ACCOUNT_FIELDS: tuple[TargetField, ...] = (
    _field(_A, "external_id", N_("CRM id"), synonyms=(
        "account id", "record id", "id", "salesforce id", "crm id", "external id",
        "company id", "account number")),
    _field(_A, "name", N_("Account name"), synonyms=("name",) + _ACCOUNT_NAMES),
    _field(_A, "arr", N_("ARR"), FieldType.MONEY, (
        "annual recurring revenue", "arr", "amount", "recurring revenue", "arr amount")),
    _field(_A, "currency", N_("Currency"), FieldType.CURRENCY, (
        "currency", "currency code", "account currency", "arr currency")),
    _field(_A, "renewal_date", N_("Renewal date"), FieldType.DATE, (
        "renewal date", "contract end date", "renewal", "contract end", "next renewal date",
        "contract renewal date")),
    _field(_A, "customer_since", N_("Customer since"), FieldType.DATE, (
        "customer since", "contract start date", "customer start date", "first contract date",
        "start date", "became a customer date", "customer since date")),
    _field(_A, "licensed_seats", N_("Licensed seats"), FieldType.WHOLE, _SEATS),
    _field(_A, "industry", N_("Industry"), synonyms=("industry", "sector", "vertical")),
    _field(_A, "country", N_("Country"), synonyms=(
        "country", "billing country", "country region", "hq country")),
    _field(_A, "employee_band", N_("Employees"), FieldType.EMPLOYEES, (
        "employees", "employee band", "number of employees", "company size", "headcount")),
    _field(_A, "csm_owner", N_("CSM owner"), synonyms=(
        "csm owner", "csm", "customer success manager", "account owner", "owner",
        "company owner")),
    _field(_A, "tier_override", N_("Tier"), synonyms=("tier", "tier override", "customer tier")),
    _field(_A, "language", N_("Language"), FieldType.LANGUAGE, (
        "language", "preferred language", "customer language", "account language",
        "language preference", "communication language", "locale")),
    _field(_A, "notes", N_("Notes"), synonyms=("notes", "description", "comments")),
)

CONTACT_FIELDS: tuple[TargetField, ...] = (
    _field(_C, "external_id", N_("CRM id"), synonyms=(
        "record id", "contact id", "id", "hubspot id", "salesforce id", "crm id",
        "external id")),
    _field(_C, "name", N_("Name"), synonyms=("name", "full name", "contact name", "contact")),
    _field(_C, "first_name", N_("First name"), synonyms=("first name", "firstname", "given name")),
    _field(_C, "last_name", N_("Last name"), synonyms=("last name", "lastname", "surname",
                                                   "family name")),
    _field(_C, "account", N_("Account name"), synonyms=_ACCOUNT_NAMES + ("associated company",)),
    _field(_C, "account_external_id", N_("Account CRM id"), synonyms=_ACCOUNT_IDS),
    _field(_C, "email", N_("Email"), synonyms=("email", "e mail", "email address", "work email")),
    _field(_C, "title", N_("Title"), synonyms=("title", "job title", "position", "role")),
    _field(_C, "phone", N_("Phone"), synonyms=(
        "phone", "phone number", "mobile", "mobile phone", "mobile phone number", "work phone",
        "telephone")),
    _field(_C, "department", N_("Department"), synonyms=(
        "department", "dept", "team", "business unit")),
    _field(_C, "level", N_("Level"), FieldType.LEVEL, (
        "level", "seniority", "management level", "job level")),
)

_METRIC_SYNONYMS: dict[str, tuple[str, ...]] = {
    "active_users": ("active users", "monthly active users", "mau", "active visitors",
                     "unique active users"),
    "licensed_seats": _SEATS,
    "features_adopted": ("features adopted", "adopted features", "features used"),
    "features_available": ("features available", "available features"),
    "logins": ("logins", "log ins", "sign ins", "sessions", "login count"),
    "support_tickets": ("support tickets", "tickets", "support cases", "cases",
                        "tickets created", "support requests"),
    "csat": ("csat", "customer satisfaction", "csat score", "satisfaction score"),
    "nps": ("nps", "net promoter score", "nps score"),
}

METRIC_FIELDS: tuple[TargetField, ...] = (
    _field(_M, "account", N_("Account name"), synonyms=_ACCOUNT_NAMES),
    _field(_M, "account_external_id", N_("Account CRM id"), synonyms=_ACCOUNT_IDS + ("id",)),
    _field(_M, "period", N_("Quarter or date"), FieldType.PERIOD, (
        "period", "quarter", "fiscal quarter", "date", "snapshot date", "as of", "month")),
    _field(_M, "metric", N_("Metric (one per row)"), FieldType.METRIC_NAME, (
        "metric", "metric name", "kpi", "measure", "event", "event name")),
    _field(_M, "value", N_("Value (one per row)"), FieldType.NUMBER, (
        "value", "metric value")),
) + tuple(
    _field(_M, m.key, m.label, FieldType.NUMBER, (m.key, m.label) + _METRIC_SYNONYMS.get(m.key, ()))
    for m in METRICS
)

FIELDS: dict[ImportKind, tuple[TargetField, ...]] = {
    ImportKind.ACCOUNTS: ACCOUNT_FIELDS,
    ImportKind.CONTACTS: CONTACT_FIELDS,
    ImportKind.METRICS: METRIC_FIELDS,
}
METRIC_KEYS = frozenset(m.key for m in METRICS)
_NON_WORD = re.compile(r"[\W_]+")


def fields_by_key(kind: ImportKind) -> dict[str, TargetField]:
    return {f.key: f for f in FIELDS[kind]}


def normalise_header(text: str) -> str:
    """'Job_Title ', 'JOB-TITLE' and 'Job Title' compare equal."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", folded).strip()


def layout_fingerprint(kind: ImportKind, headers: Iterable[str]) -> str:
    """sha256 of the kind and the normalised header list: one file layout, however named."""
    joined = "\x1f".join([kind.value, *(normalise_header(h) for h in headers)])
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


_METRIC_NAMES = {
    normalise_header(name): key
    for key in METRIC_KEYS
    for name in (key, *next(f.synonyms for f in METRIC_FIELDS if f.key == key))
}


def metric_key_for(text: str) -> str | None:
    """'Active Users', 'active_users', 'MAU' → 'active_users'."""
    return _METRIC_NAMES.get(normalise_header(text))


def guess_mapping(kind: ImportKind, headers: Iterable[str],
                  ambiguous: Iterable[str] = ()) -> dict[str, str]:
    """Exact synonym matches first, then headers that contain a synonym as whole words
    ('ARR (USD)'); longer synonyms win. Duplicated headers are never guessed."""
    skip = set(ambiguous)
    candidates = [(h, normalise_header(h)) for h in headers if h not in skip]
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for target in FIELDS[kind]:
        for synonym in target.synonyms:
            wanted = normalise_header(synonym)
            header = next((h for h, n in candidates if n == wanted and h not in used), None)
            if header is not None:
                mapping[target.key] = header
                used.add(header)
                break
    scored: list[tuple[int, str, str]] = []
    for target in FIELDS[kind]:
        if target.key in mapping:
            continue
        for header, normal in candidates:
            if header in used or (normal.endswith(" currency") and target.key != "currency"):
                continue
            padded = f" {normal} "
            for synonym in target.synonyms:
                wanted = normalise_header(synonym)
                if len(wanted) >= 3 and f" {wanted} " in padded:
                    scored.append((len(wanted), target.key, header))
    for _length, key, header in sorted(scored, key=lambda s: -s[0]):
        if key not in mapping and header not in used:
            mapping[key] = header
            used.add(header)
    return mapping


def choose_column(mapping: Mapping[str, str], field: str, header: str | None) -> dict[str, str]:
    """The mapping with `field` read from `header` (None or "": not imported). One column
    feeds one field: a field that had the column loses it."""
    chosen = {key: column for key, column in mapping.items() if key != field}
    if header:
        chosen = {key: column for key, column in chosen.items() if column != header}
        chosen[field] = header
    return chosen


def missing_fields(kind: ImportKind, mapping: Mapping[str, str], *,
                   period_columns: int = 0, unnamed_period_columns: int = 0) -> list[str]:
    """Sentences naming each column the import still needs; empty when it can go ahead.
    They are English catalogue templates: `msg(sentence)` shows one in the interface language.
    `period_columns`: how many columns of a metrics file are periods ("Jan 2026"), and
    of those, how many do not name their metric (the row's Metric column must)."""
    mapped = {k for k, v in mapping.items() if v}
    missing: list[str] = []
    if kind is ImportKind.ACCOUNTS and "name" not in mapped:
        missing.append(N_("Choose the column that holds the account name."))
    if kind is ImportKind.CONTACTS and not mapped & {"name", "first_name", "last_name"}:
        missing.append(N_("Choose the column that holds the contact's name (or first and "
                          "last name)."))
    if kind in (ImportKind.CONTACTS, ImportKind.METRICS) and not mapped & {
            "account", "account_external_id"}:
        missing.append(N_("Choose the column that names the account (its name or CRM id)."))
    if kind is ImportKind.METRICS:
        if period_columns:
            if unnamed_period_columns and "metric" not in mapped:
                missing.append(N_("Choose the Metric column: the period columns (such as "
                                  "“Jan 2026”) do not say which metric they hold."))
            return missing
        if "period" not in mapped:
            missing.append(N_("Choose the column that holds the quarter or date."))
        long_format = mapped & {"metric", "value"}
        if len(long_format) == 1:
            missing.append(N_("For one metric per row, choose both the Metric and the Value "
                              "column."))
        elif not long_format and not mapped & METRIC_KEYS:
            missing.append(N_("Choose the Metric and Value columns, or at least one column "
                              "per metric (such as Active users)."))
    return missing

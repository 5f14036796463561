"""Planning a contacts import: find the account, match the person, validate, diff.

A row matches a stored contact by CRM id (anywhere: the CRM may have moved them to another
account), else by email (case-insensitive) within the account, else by name within it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from qbr_desktop.domain.accounts import NAME_MAX_LENGTH, control_characters, name_key
from qbr_desktop.domain.contacts import ContactLevel, is_plausible_email
from qbr_desktop.i18n import Message, msg
from qbr_desktop.imports.cells import (
    CellReader,
    ImportOptions,
    Problem,
    Severity,
    level_from_title,
)
from qbr_desktop.imports.fields import ImportKind, fields_by_key
from qbr_desktop.imports.plan import AccountLookup, Action, ImportPlan, PlannedRow, Sink
from qbr_desktop.imports.table import SourceTable
from qbr_desktop.imports.values import shown

_FIELDS = fields_by_key(ImportKind.CONTACTS)
#: The stored column lengths (ContactRow) for each text field.
LIMITS = {"name": NAME_MAX_LENGTH, "title": 200, "email": 320, "phone": 64, "department": 200,
          "external_id": 200}
CONTACT_COLUMNS = ("name", "title", "email", "phone", "level", "department")


@dataclass(frozen=True, slots=True)
class StoredContact:
    id: int
    account_id: int
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    level: str = ContactLevel.USER.value
    department: str = ""
    external_id: str | None = None


class _ContactPlanner:
    def __init__(self, table: SourceTable, mapping: Mapping[str, str], options: ImportOptions,
                 accounts: AccountLookup, stored: Sequence[StoredContact],
                 sink: Sink | None) -> None:
        self.reader = CellReader(table, mapping, _FIELDS, options)
        self.accounts = accounts
        self.by_external = {c.external_id: c for c in stored if c.external_id}
        self.by_email = {(c.account_id, c.email.casefold()): c for c in stored if c.email}
        self.by_name = {(c.account_id, name_key(c.name)): c for c in stored}
        self.claimed: dict[tuple[Any, ...], int] = {}
        self.plan = ImportPlan(ImportKind.CONTACTS, dict(self.reader.headers),
                               notices=table.notices, sink=sink)

    def header(self, key: str) -> str | None:
        return self.reader.header(key)

    def _account_header(self) -> str | None:
        return self.header("account_external_id") or self.header("account")

    def _check_text(self, values: dict[str, Any], problems: list[Problem]) -> None:
        for key, limit in LIMITS.items():
            text = values.get(key)
            if text is None:
                continue
            header = self.header(key) or self.header("first_name") or self.header("last_name")
            if len(text) > limit:
                problems.append(Problem(header, msg(
                    "{field} is {length:,} characters; the limit is {limit:,}",
                    field=msg(_FIELDS[key].label), length=len(text), limit=limit)))
            elif bad := control_characters(text, allow_newlines=key != "name"):
                problems.append(Problem(header, msg(
                    "{field} contains an invisible control character ({code})",
                    field=msg(_FIELDS[key].label), code=f"U+{ord(bad[0]):04X}")))
        email = values.get("email")
        if email and not is_plausible_email(email):
            problems.append(Problem(self.header("email"),
                                    msg("“{value}” is not an email address",
                                        value=shown(email))))

    def _match(self, values: dict[str, Any], account_id: int | None,
               problems: list[Problem]) -> StoredContact | None:
        external = values.get("external_id")
        if external and external in self.by_external:
            return self.by_external[external]
        if account_id is None:
            return None
        email, name = values.get("email"), values.get("name")
        found = (self.by_email.get((account_id, email.casefold())) if email else None) or (
            self.by_name.get((account_id, name_key(name))) if name else None)
        if found and external and found.external_id:
            problems.append(Problem(self.header("external_id"),
                                    msg("“{name}” already has CRM id {stored}, not {given}",
                                        name=shown(found.name),
                                        stored=shown(found.external_id or ""),
                                        given=shown(external))))
            return None
        return found

    def _claim(self, number: int, keys: list[tuple[Any, ...]], problems: list[Problem]) -> None:
        for key in keys:
            if key in self.claimed:
                problems.append(Problem(None, msg("repeats the contact of row {row}; only the "
                                                  "first row for a person is imported",
                                                  row=self.claimed[key])))
                return
        for key in keys:
            self.claimed[key] = number

    def add(self, number: int, values: dict[str, Any], problems: list[Problem]) -> None:
        if "name" not in values:
            joined = " ".join(values[k] for k in ("first_name", "last_name") if k in values)
            if joined:
                values["name"] = joined
        named = (values.get("account_external_id"), values.get("account"))
        found = self.accounts.match(*named)
        account_id = found.account_id
        if found.reason:
            problems.append(Problem(self._account_header(), found.reason))
            if named[0] or named[1]:
                text = shown(named[1] or named[0] or "")
                self.plan.unmatched[text] = self.plan.unmatched.get(text, 0) + 1
        elif found.note:
            problems.append(Problem(self._account_header(), found.note, Severity.WARNING))
        stored = self._match(values, account_id, problems)
        name = values.get("name") or (stored.name if stored else "")
        where = self.accounts.names.get(account_id, "") if account_id is not None else ""
        label: str | Message = (f"{name} ({where})" if where else name) if name else (
            msg("(no name) ({account})", account=where) if where else msg("(no name)"))
        if not name:
            problems.append(Problem(self.header("name") or self.header("first_name"),
                                    msg("the contact's name is empty")))
        self._check_text(values, problems)
        keys: list[tuple[Any, ...]] = [("id", stored.id)] if stored else []
        if values.get("external_id"):
            keys.append(("external", values["external_id"]))
        if values.get("email") and account_id is not None:
            keys.append(("email", account_id, values["email"].casefold()))
        elif name and account_id is not None:
            keys.append(("name", account_id, name_key(name)))
        self._claim(number, keys, problems)
        if account_id is None or any(p.severity is Severity.ERROR for p in problems):
            self.plan.count(PlannedRow(number, Action.REJECT, label, problems))
            return
        self.plan.account_ids.add(account_id)
        record: dict[str, Any] = {k: values[k] for k in CONTACT_COLUMNS if k in values}
        if "level" in record:
            record["level"] = ContactLevel(record["level"]).value
        record["account_id"] = account_id
        if values.get("external_id"):
            record["external_id"] = values["external_id"]
        if stored is None:
            base = {"name": name, "title": "", "email": "", "phone": "", "department": ""}
            record = {**base, **record}
            record.setdefault("level", level_from_title(record["title"]).value)
            self.plan.insert(record)
            self.plan.count(PlannedRow(number, Action.CREATE, label, problems))
            return
        changed = {k: v for k, v in record.items() if getattr(stored, k) != v}
        if not changed:
            self.plan.count(PlannedRow(number, Action.UNCHANGED, label, problems))
            return
        self.plan.update({"id": stored.id, **changed})
        labels = tuple("Account" if k == "account_id" else _FIELDS[k].label for k in changed)
        self.plan.count(PlannedRow(number, Action.UPDATE, label, problems, labels))


def plan_contacts(table: SourceTable, mapping: Mapping[str, str], options: ImportOptions,
                  accounts: AccountLookup, stored: Sequence[StoredContact], *,
                  sink: Sink | None = None) -> ImportPlan:
    """The plan; with a `sink`, rows for the store are handed to it in batches as planned."""
    planner = _ContactPlanner(table, mapping, options, accounts, stored, sink)
    for row in table.rows:
        values, problems = planner.reader.read(row)
        planner.add(row.number, values, problems)
    planner.plan.needs_date_order = planner.reader.ambiguous_dates
    return planner.plan

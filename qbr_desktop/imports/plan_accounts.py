"""Planning an accounts import: match each row to a stored account, validate, diff.

A row matches a stored account by CRM id, else by name (compared as name_key does). Cells
left empty keep the stored value; a new account gets the defaults a typed one would.
Every resulting account passes validate_account, exactly as one typed into the form.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from qbr_desktop.domain.accounts import (
    EARLIEST_DATE,
    LATEST_DATE,
    SHORT_TEXT_MAX_LENGTH,
    AccountDraft,
    name_key,
    validate_account,
)
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.i18n import msg
from qbr_desktop.imports.cells import (
    MONEY_CURRENCY,
    CellReader,
    ImportOptions,
    Problem,
    Severity,
)
from qbr_desktop.imports.fields import ImportKind, fields_by_key
from qbr_desktop.imports.plan import Action, ImportPlan, PlannedRow, Sink
from qbr_desktop.imports.table import SourceTable
from qbr_desktop.imports.values import shown

DRAFT_FIELDS = tuple(f.name for f in fields(AccountDraft))
_FIELDS = fields_by_key(ImportKind.ACCOUNTS)


@dataclass(frozen=True, slots=True)
class StoredAccount:
    id: int
    draft: AccountDraft
    external_id: str | None = None
    customer_since: date | None = None


class _AccountPlanner:
    def __init__(self, table: SourceTable, mapping: Mapping[str, str], options: ImportOptions,
                 stored: Sequence[StoredAccount], tiers: tuple[str, ...],
                 sink: Sink | None) -> None:
        self.reader = CellReader(table, mapping, _FIELDS, options)
        self.tiers = tiers
        self.by_external = {a.external_id: a for a in stored if a.external_id}
        self.by_name = {name_key(a.draft.name): a for a in stored}
        self.claimed: dict[tuple[str, Any], int] = {}  # (what, key) → first row number
        self.plan = ImportPlan(ImportKind.ACCOUNTS, dict(self.reader.headers),
                               notices=table.notices, sink=sink)

    def header(self, key: str) -> str | None:
        return self.reader.header(key)

    def _match(self, values: dict[str, Any], problems: list[Problem]) -> StoredAccount | None:
        external, name = values.get("external_id"), values.get("name")
        if external and external in self.by_external:
            return self.by_external[external]
        if not name:
            return None
        candidate = self.by_name.get(name_key(name))
        if candidate and external and candidate.external_id:
            problems.append(Problem(self.header("external_id"),
                                    msg("“{name}” already has CRM id {stored}, not {given}",
                                        name=shown(candidate.draft.name),
                                        stored=candidate.external_id, given=external)))
            return None
        return candidate

    def _claim(self, number: int, keys: list[tuple[str, Any]], problems: list[Problem]) -> None:
        for key in keys:
            first = self.claimed.get(key)
            if first is not None:
                problems.append(Problem(None, msg("repeats the account of row {row}; only the "
                                                  "first row for an account is imported",
                                                  row=first)))
                return
        for key in keys:
            self.claimed[key] = number

    def _check_extras(self, values: dict[str, Any], problems: list[Problem]) -> None:
        external = values.get("external_id")
        if external is not None and len(external) > SHORT_TEXT_MAX_LENGTH:
            problems.append(Problem(self.header("external_id"),
                                    msg("the CRM id is {length:,} characters; the limit is "
                                        "{limit}", length=len(external),
                                        limit=SHORT_TEXT_MAX_LENGTH)))
        since = values.get("customer_since")
        if since is not None and not EARLIEST_DATE <= since <= LATEST_DATE:
            problems.append(Problem(self.header("customer_since"),
                                    msg("{date} is outside {earliest}–{latest}",
                                        date=since.isoformat(), earliest=str(EARLIEST_DATE.year),
                                        latest=str(LATEST_DATE.year))))

    def _draft(self, values: dict[str, Any], base: StoredAccount | None,
               problems: list[Problem]) -> AccountDraft | None:
        changes = {k: values[k] for k in DRAFT_FIELDS if k in values}
        symbol_currency = values.get(MONEY_CURRENCY + "arr")
        if symbol_currency:
            stated = changes.setdefault("currency", symbol_currency)
            if stated != symbol_currency:
                problems.append(Problem(self.header("arr"),
                                        msg("the amount is in {currency} but the currency "
                                            "column says {stated}", currency=symbol_currency,
                                            stated=stated)))
        draft = (base.draft if base else AccountDraft(name=values.get("name", ""))).with_changes(
            changes)
        try:
            return validate_account(draft, tiers=self.tiers)
        except ValidationFailed as exc:
            for key, message in exc.problems.items():
                problems.append(Problem(self.header(key), message))
            return None

    def add(self, number: int, values: dict[str, Any], problems: list[Problem]) -> None:
        stored = self._match(values, problems)
        name = values.get("name") or (stored.draft.name if stored else "")
        label = name or msg("(no name, CRM id {id})", id=values.get("external_id", "—"))
        external = values.get("external_id")
        keys: list[tuple[str, Any]] = [("id", stored.id)] if stored else []
        if name:
            keys.append(("name", name_key(name)))
        if external:
            keys.append(("external", external))
        self._claim(number, keys, problems)
        self._check_extras(values, problems)
        clean = self._draft(values, stored, problems)
        if clean is not None and stored is not None:
            holder = self.by_name.get(name_key(clean.name))
            if holder is not None and holder.id != stored.id:
                problems.append(Problem(self.header("name"),
                                        msg("another account is already called “{name}”",
                                            name=shown(holder.draft.name))))
        if clean is None or any(p.severity is Severity.ERROR for p in problems):
            self.plan.count(PlannedRow(number, Action.REJECT, label, problems))
            return
        record = {k: getattr(clean, k) for k in DRAFT_FIELDS}
        for extra in ("external_id", "customer_since"):
            if extra in values:
                record[extra] = values[extra]
        if stored is None:
            self.plan.insert({**record, "name_key": name_key(clean.name)})
            self.plan.count(PlannedRow(number, Action.CREATE, clean.name, problems))
            return
        before = {k: getattr(stored.draft, k) for k in DRAFT_FIELDS}
        before.update(external_id=stored.external_id, customer_since=stored.customer_since)
        changed = {k: v for k, v in record.items() if before[k] != v}
        if not changed:
            self.plan.count(PlannedRow(number, Action.UNCHANGED, clean.name, problems))
            return
        if "name" in changed:
            changed["name_key"] = name_key(clean.name)
        self.plan.update({"id": stored.id, **changed})
        labels = tuple(_FIELDS[k].label for k in changed if k in _FIELDS)
        self.plan.count(PlannedRow(number, Action.UPDATE, clean.name, problems, labels))


def plan_accounts(table: SourceTable, mapping: Mapping[str, str], options: ImportOptions,
                  stored: Sequence[StoredAccount], tiers: tuple[str, ...], *,
                  sink: Sink | None = None) -> ImportPlan:
    """The plan; with a `sink`, rows for the store are handed to it in batches as planned."""
    planner = _AccountPlanner(table, mapping, options, stored, tiers, sink)
    for row in table.rows:
        values, problems = planner.reader.read(row)
        planner.add(row.number, values, problems)
    planner.plan.needs_date_order = planner.reader.ambiguous_dates
    return planner.plan

"""What an import would do, row by row: the result of planning, before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from qbr_desktop.domain.accounts import name_key
from qbr_desktop.imports.cells import Problem, Severity
from qbr_desktop.imports.fields import ImportKind


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REJECT = "reject"


ACTION_LABELS = {Action.CREATE: "New", Action.UPDATE: "Update", Action.UNCHANGED: "Unchanged",
                 Action.REJECT: "Rejected"}


@dataclass(slots=True)
class PlannedRow:
    number: int  # as the person sees it in the file: the header is row 1
    action: Action
    label: str  # "Acme Logistics", "Ana Ruiz (Acme Logistics)", "Acme Logistics 2026Q1"
    problems: list[Problem] = field(default_factory=list)
    #: Labels of the fields an update changes; for metrics, "3 new, 2 updated" style detail.
    changes: tuple[str, ...] = ()

    @property
    def reasons(self) -> list[str]:
        return [p.describe() for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[str]:
        return [p.describe() for p in self.problems if p.severity is Severity.WARNING]


@dataclass
class ImportPlan:
    kind: ImportKind
    mapping: dict[str, str]
    rows: list[PlannedRow]
    #: Rows for the store, keyed by its column names; updates carry the row's "id".
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    #: Some dates could be read day-first or month-first: the person must choose.
    needs_date_order: bool = False
    notices: tuple[str, ...] = ()
    applied: bool = False

    @property
    def counts_values(self) -> bool:
        """Metric imports count values (a row can hold several); the others count rows."""
        return self.kind is ImportKind.METRICS

    @property
    def has_changes(self) -> bool:
        return bool(self.inserts or self.updates)

    def summary(self) -> str:
        """'12 new, 3 updated, 2 rejected' (with 'unchanged' when there are any)."""
        parts = [f"{self.created:,} new", f"{self.updated:,} updated"]
        if self.unchanged:
            parts.append(f"{self.unchanged:,} unchanged")
        text = ", ".join(parts)
        if self.counts_values:
            text += " metric values"
            rows = "row" if self.rejected == 1 else "rows"
            return f"{text}; {self.rejected:,} {rows} rejected"
        return f"{text}, {self.rejected:,} rejected"

    def count(self, row: PlannedRow) -> None:
        """Tally a row planned for accounts or contacts."""
        if row.action is Action.CREATE:
            self.created += 1
        elif row.action is Action.UPDATE:
            self.updated += 1
        elif row.action is Action.UNCHANGED:
            self.unchanged += 1
        else:
            self.rejected += 1
        self.rows.append(row)


@dataclass(frozen=True)
class AccountLookup:
    """The stored accounts as contact and metric rows name them: by CRM id or by name."""

    by_external_id: dict[str, int]
    by_name_key: dict[str, int]
    names: dict[int, str]

    def resolve(self, external_id: str | None, name: str | None
                ) -> tuple[int | None, str | None]:
        """(account id, None) or (None, the reason no account was found)."""
        if external_id and external_id in self.by_external_id:
            return self.by_external_id[external_id], None
        if name:
            found = self.by_name_key.get(name_key(name))
            if found is not None:
                return found, None
        if external_id and name:
            return None, f"no account has CRM id “{external_id}” or is named “{name}”"
        if external_id:
            return None, f"no account has CRM id “{external_id}”"
        if name:
            return None, f"no account is named “{name}” (import or add the account first)"
        return None, "the account is empty"

"""What an import would do, row by row: the result of planning, before anything is written."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any, NamedTuple, overload

from qbr_desktop.domain.accounts import name_key
from qbr_desktop.i18n import N_, Message, msg, msg_plural
from qbr_desktop.imports.account_match import AccountIndex, AccountMatch
from qbr_desktop.imports.cells import Problem, Severity
from qbr_desktop.imports.fields import ImportKind
from qbr_desktop.imports.table import listed
from qbr_desktop.imports.values import shown


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REJECT = "reject"


#: What a row's outcome is called where it is shown (through `ui_label()`).
ACTION_LABELS = {Action.CREATE: N_("New"), Action.UPDATE: N_("Update"),
                 Action.UNCHANGED: N_("Unchanged"), Action.REJECT: N_("Rejected")}


class ValueCounts(NamedTuple):
    """How a metric row's values compare with the stored ones ('2 new, 1 updated'), and the
    quarter they went into when a row's values went into several. (A tuple: rows repeat a
    handful of these, and PlannedRows hashes them for every row.)"""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    quarter: str = ""

    def message(self) -> Message:
        unchanged = msg_plural("{count} unchanged", "{count} unchanged", self.unchanged)
        parts = [text for count, text in (
            (self.created, msg_plural("{count} new", "{count} new", self.created)),
            (self.updated, msg_plural("{count} updated", "{count} updated", self.updated)),
            (self.unchanged, unchanged)) if count] or [unchanged]
        counts = parts[0] if len(parts) == 1 else listed(parts)
        return msg("{quarter}: {changes}", quarter=self.quarter, changes=counts) \
            if self.quarter else counts


#: One entry of a row's changes: a changed field's label (marked with `N_()`) or, for
#: metrics, how its values compare with the stored ones.
Change = str | ValueCounts


def change_text(change: Change) -> Message:
    """A row's change as a sentence, for `ui_text()` (or `english()` where --json keeps it)."""
    return change.message() if isinstance(change, ValueCounts) else msg(change)


@dataclass(slots=True)
class PlannedRow:
    number: int  # as the person sees it in the file: the header is row 1
    action: Action
    #: "Acme Logistics", "Ana Ruiz (Acme Logistics)", "Acme Logistics 2026Q1"; a message where
    #: it has words of its own ("Acme Logistics · Logins", "(no name)").
    label: str | Message
    problems: list[Problem] = field(default_factory=list)
    #: Labels of the fields an update changes; for metrics, how many values are new, updated
    #: and unchanged ("3 new, 2 updated" where shown; see `change_text`).
    changes: tuple[Change, ...] = ()

    @property
    def reasons(self) -> list[str]:
        return [p.describe() for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[str]:
        return [p.describe() for p in self.problems if p.severity is Severity.WARNING]


_ACTIONS = tuple(Action)
LABEL_CHARS = 120
_ACTION_CODES = {action: code for code, action in enumerate(_ACTIONS)}
_NO_CHANGES: tuple[Change, ...] = ()


class PlannedRows(Sequence[PlannedRow]):
    """Every row's outcome, compactly: a million rows cost a few dozen bytes each, and a
    PlannedRow is made only when one is looked at."""

    __slots__ = ("_numbers", "_actions", "_labels", "_problems", "_changes", "_change_sets",
                 "_change_index")

    def __init__(self, rows: Iterable[PlannedRow] = ()) -> None:
        self._numbers = array("q")
        self._actions = bytearray()
        self._labels: list[str | Message] = []
        self._problems: dict[int, list[Problem]] = {}
        # Rows repeat a handful of change descriptions ("2 new", "ARR"): each is kept once.
        self._changes = array("I")
        self._change_sets: list[tuple[Change, ...]] = [_NO_CHANGES]
        self._change_index: dict[tuple[Change, ...], int] = {_NO_CHANGES: 0}
        for row in rows:
            self.append(row)

    def append(self, row: PlannedRow) -> None:
        if row.problems:
            self._problems[len(self._labels)] = row.problems
        changes = self._change_index.get(row.changes)
        if changes is None:
            changes = self._change_index[row.changes] = len(self._change_sets)
            self._change_sets.append(row.changes)
        self._changes.append(changes)
        self._numbers.append(row.number)
        self._actions.append(_ACTION_CODES[row.action])
        label = row.label  # one line in any report
        self._labels.append(label if isinstance(label, Message) else shown(label, LABEL_CHARS))

    def __len__(self) -> int:
        return len(self._labels)

    def _row(self, index: int) -> PlannedRow:
        problems = self._problems.get(index)
        return PlannedRow(self._numbers[index], _ACTIONS[self._actions[index]],
                          self._labels[index], [] if problems is None else problems,
                          self._change_sets[self._changes[index]])

    @overload
    def __getitem__(self, index: int) -> PlannedRow: ...

    @overload
    def __getitem__(self, index: slice) -> list[PlannedRow]: ...

    def __getitem__(self, index: int | slice) -> PlannedRow | list[PlannedRow]:
        if isinstance(index, slice):
            return [self._row(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("planned row index out of range")
        return self._row(index)

    def __iter__(self) -> Iterator[PlannedRow]:
        return (self._row(i) for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PlannedRows | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


Sink = Callable[["ImportPlan"], None]
#: Rows planned for the store are handed to the writer in batches of this many, so an import
#: never holds all of them at once.
WRITE_BATCH = 5_000


@dataclass
class ImportPlan:
    kind: ImportKind
    mapping: dict[str, str]
    rows: PlannedRows = field(default_factory=PlannedRows)
    #: Rows for the store, keyed by its column names; updates carry the row's "id". With a
    #: `sink`, these hold only the rows not yet handed to it.
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    #: Some dates could be read day-first or month-first: the person must choose.
    needs_date_order: bool = False
    notices: tuple[Message | str, ...] = ()
    #: The accounts the file names that match none in the portfolio, as the file writes
    #: them, with how many rows each (contacts and metrics).
    unmatched: dict[str, int] = field(default_factory=dict)
    #: A metrics file's columns that are periods ("Jan 2026"), and what they hold.
    period_columns: tuple[str, ...] = ()
    periods: Message | str = ""
    #: What the rows to import cover: the accounts named by contacts and metric rows, and
    #: the metrics and quarters of metric values (for "what the file holds").
    account_ids: set[int] = field(default_factory=set)
    metric_keys: set[str] = field(default_factory=set)
    quarters: set[str] = field(default_factory=set)
    applied: bool = False
    #: Called with the plan whenever WRITE_BATCH rows are waiting (it empties the lists).
    sink: Callable[[ImportPlan], None] | None = field(default=None, repr=False,
                                                       compare=False)

    def insert(self, record: dict[str, Any]) -> None:
        self.inserts.append(record)
        if self.sink is not None and len(self.inserts) >= WRITE_BATCH:
            self.sink(self)

    def update(self, record: dict[str, Any]) -> None:
        self.updates.append(record)
        if self.sink is not None and len(self.updates) >= WRITE_BATCH:
            self.sink(self)

    def flush(self) -> None:
        """Hand what is still waiting to the sink."""
        if self.sink is not None and (self.inserts or self.updates):
            self.sink(self)

    @property
    def counts_values(self) -> bool:
        """Metric imports count values (a row can hold several); the others count rows."""
        return self.kind is ImportKind.METRICS

    @property
    def has_changes(self) -> bool:
        return bool(self.created or self.updated)

    def summary(self) -> Message:
        """'12 new, 3 updated, 2 rejected' (with 'unchanged' when there are any)."""
        if self.counts_values:
            rejected = msg_plural("{count:,} row rejected", "{count:,} rows rejected",
                                  self.rejected)
            if self.unchanged:
                return msg("{created:,} new, {updated:,} updated, {unchanged:,} unchanged metric "
                           "values; {rejected}", created=self.created, updated=self.updated,
                           unchanged=self.unchanged, rejected=rejected)
            return msg("{created:,} new, {updated:,} updated metric values; {rejected}",
                       created=self.created, updated=self.updated, rejected=rejected)
        if self.unchanged:
            return msg("{created:,} new, {updated:,} updated, {unchanged:,} unchanged, "
                       "{rejected:,} rejected", created=self.created, updated=self.updated,
                       unchanged=self.unchanged, rejected=self.rejected)
        return msg("{created:,} new, {updated:,} updated, {rejected:,} rejected",
                   created=self.created, updated=self.updated, rejected=self.rejected)

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
    """The stored accounts as contact and metric rows name them: by CRM id or by name
    (see account_match for the looser ways, used when these find nothing)."""

    by_external_id: dict[str, int]
    by_name_key: dict[str, int]
    names: dict[int, str]

    @cached_property
    def _index(self) -> AccountIndex:
        return AccountIndex(self.by_external_id, self.names)

    def resolve(self, external_id: str | None, name: str | None
                ) -> tuple[int | None, Message | str | None]:
        """(account id, None) or (None, the reason no account was found)."""
        found = self.match(external_id, name)
        return found.account_id, found.reason

    def match(self, external_id: str | None, name: str | None) -> AccountMatch:
        if external_id and external_id in self.by_external_id:
            return AccountMatch(self.by_external_id[external_id])
        if name:
            found = self.by_name_key.get(name_key(name))
            if found is not None:
                return AccountMatch(found)
        loose = ((self._index.by_salesforce_id(external_id) if external_id else None)
                 or (self._index.by_loose_name(name) if name else None))
        if loose is not None:
            return loose
        if external_id and name:
            return AccountMatch(None, msg("no account has CRM id “{id}” or is named “{name}”",
                                          id=shown(external_id), name=shown(name)))
        if external_id:
            return AccountMatch(None, msg("no account has CRM id “{id}”",
                                          id=shown(external_id)))
        if name:
            return AccountMatch(None, msg("no account is named “{name}” (import or add the "
                                          "account first)", name=shown(name)))
        return AccountMatch(None, msg("the account is empty"))


def unmatched_report(unmatched: Mapping[str, int], limit: int = 20) -> Message | str:
    """'3 accounts in the file match none in the portfolio: “Globex” (12 rows), …'."""
    if not unmatched:
        return ""
    ranked = sorted(unmatched.items(), key=lambda item: (-item[1], item[0]))
    names: list[Message | str] = [
        msg_plural("“{name}” ({count:,} row)", "“{name}” ({count:,} rows)", rows, name=name)
        for name, rows in ranked[:limit]]
    accounts: Message | str = names[0] if len(names) == 1 else listed(names)
    more = len(ranked) - limit
    if more > 0:
        accounts = msg("{list} and {count:,} more", list=accounts, count=more)
    return msg_plural("{count:,} account in the file matches none in the portfolio (by CRM id "
                      "or name): {accounts}.", "{count:,} accounts in the file match none in "
                      "the portfolio (by CRM id or name): {accounts}.", len(ranked),
                      accounts=accounts)

"""Import use-cases: read a file, choose its columns, preview the plan, apply it atomically.

`preview` plans against the stored data and writes nothing. `apply` plans again inside one
transaction (so it acts on what is stored at that moment), writes with bulk statements and
remembers the column mapping for the file's layout; any failure rolls everything back.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.accounts import name_key
from qbr_desktop.domain.customer_words import day_message
from qbr_desktop.i18n import N_, Message, msg
from qbr_desktop.imports.cells import ImportOptions
from qbr_desktop.imports.errors import ApplyFailed, MappingIncomplete
from qbr_desktop.imports.fields import (
    ImportKind,
    fields_by_key,
    guess_mapping,
    kind_name,
    layout_fingerprint,
    missing_fields,
    normalise_header,
)
from qbr_desktop.imports.metric_decisions import decide_metrics
from qbr_desktop.imports.period_columns import PeriodColumn, find_period_columns, layout_headers
from qbr_desktop.imports.plan import AccountLookup, ImportPlan, Sink
from qbr_desktop.imports.plan_accounts import StoredAccount, plan_accounts
from qbr_desktop.imports.plan_contacts import StoredContact, plan_contacts
from qbr_desktop.imports.plan_metrics import MetricKey, read_metric_rows
from qbr_desktop.imports.reading import read_table
from qbr_desktop.imports.rejects import RejectsOutput, write_rejects
from qbr_desktop.imports.table import SourceTable, bulk_allocation
from qbr_desktop.imports.values import shown
from qbr_desktop.services.accounts import draft_of
from qbr_desktop.services.agenda_language import follow_languages, language_switches
from qbr_desktop.services.edit_checks import login_name
from qbr_desktop.services.settings import read_tier_scheme
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import (
    AccountRow,
    ContactRow,
    ImportLayoutRow,
    MetricSnapshotRow,
)
from qbr_desktop.store.repositories import link_owners

Clock = Callable[[], datetime]
_MODELS: dict[ImportKind, Any] = {
    ImportKind.ACCOUNTS: AccountRow, ImportKind.CONTACTS: ContactRow,
    ImportKind.METRICS: MetricSnapshotRow,
}
#: Columns every insert carries, so one executemany serves all rows of a kind.
_INSERT_DEFAULTS: dict[ImportKind, dict[str, Any]] = {
    ImportKind.ACCOUNTS: {"external_id": None, "customer_since": None},
    ImportKind.CONTACTS: {"external_id": None},
    ImportKind.METRICS: {},
}
_IN_CHUNK = 500  # bound parameters per IN (...) query
DEFAULT_OPTIONS = ImportOptions()
#: Where a remembered mapping keeps the name of the file it was chosen for.
_FILE_KEY = "_file"


def _utc_now() -> datetime:
    return datetime.now(UTC)


_log = logging.getLogger(__name__)
#: What the database said, and what it means to the person importing.
_DATABASE_REASONS = (
    ("locked", N_("the portfolio is busy in another window or program; try again in a moment")),
    ("busy", N_("the portfolio is busy in another window or program; try again in a moment")),
    ("full", N_("the disk is full")),
    ("readonly", N_("the portfolio file is read-only")),
    ("read-only", N_("the portfolio file is read-only")),
    ("disk i/o", N_("the disk could not be written")),
    ("unique", N_("a row would have been stored twice")),
)


_REFUSED = N_("the database refused the change")


def not_saved(exc: SQLAlchemyError) -> Message:
    """ApplyFailed's sentence: nothing was saved, and why."""
    return msg("The import was not saved, and nothing in the portfolio changed ({reason})",
               reason=database_reason(exc))


def database_reason(exc: SQLAlchemyError) -> Message:
    said = str(getattr(exc, "orig", None) or exc).casefold()
    return msg(next((reason for clue, reason in _DATABASE_REASONS if clue in said), _REFUSED))


def _discard(plan: ImportPlan) -> None:
    """A dry run's sink: what would be written is counted, never kept."""
    plan.inserts.clear()
    plan.updates.clear()


@dataclass(frozen=True, slots=True)
class RememberedLayout:
    """Where a remembered mapping comes from: the file it was last used for, and when."""

    file_name: str | None
    saved_at: datetime

    def describe(self) -> Message:
        """'the columns chosen for “usage-2026-05.csv” on 3 Jun 2026'."""
        when = day_message(self.saved_at.astimezone().date())
        if self.file_name:
            return msg("the columns chosen for “{file}” on {day}",
                       file=shown(self.file_name, 60), day=when)
        return msg("the columns chosen for this layout on {day}", day=when)


@dataclass(frozen=True, slots=True)
class MappingChoice:
    mapping: dict[str, str]
    #: True when it is the mapping last used for this file layout; False when guessed.
    remembered: bool
    #: For a remembered mapping: which one it is.
    source: RememberedLayout | None = None


def _update_by_id(session: Session, table: Any, updates: list[dict[str, Any]],
                  now: datetime) -> None:
    """One executemany per set of changed fields (rows may change different ones), each
    raising the row's version as any save does, so an open window sees the import."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for change in updates:
        fields = tuple(sorted(key for key in change if key != "id"))
        groups.setdefault(fields, []).append(change)
    for fields, rows in groups.items():
        statement = update(table).where(table.c.id == bindparam("row_id")).values(
            updated_at=now, version=table.c.version + 1,
            **{name: bindparam(f"new_{name}") for name in fields})
        session.execute(statement, [{"row_id": row["id"], **{
            f"new_{name}": row[name] for name in fields}} for row in rows])


class ImportService:
    """Thread-safe entry points: each call opens its own session."""

    def __init__(self, sessions: sessionmaker[Session], clock: Clock = _utc_now) -> None:
        self._sessions = sessions
        self._clock = clock

    # Reading and choosing columns ----------------------------------------------------------
    @staticmethod
    def read(path: Path, *, sheet: str | None = None) -> SourceTable:
        """The file as a table; raises UnreadableFile with a sentence saying why not."""
        return read_table(path, sheet=sheet)

    def remembered_mapping(self, kind: ImportKind, table: SourceTable) -> dict[str, str] | None:
        found = self.remembered_layout(kind, table)
        return None if found is None else found[0]

    def remembered_layout(self, kind: ImportKind, table: SourceTable
                          ) -> tuple[dict[str, str], RememberedLayout] | None:
        """The mapping last used for this file's layout, and where it comes from."""
        with session_scope(self._sessions, reading=True) as session:
            row = session.get(ImportLayoutRow, layout_fingerprint(kind, layout_of(kind, table)))
            if row is None or row.kind != kind.value:
                return None
            try:
                stored = json.loads(row.mapping)
            except ValueError:
                return None
            saved_at = row.updated_at
        if not isinstance(stored, dict):
            return None
        known = fields_by_key(kind)
        # The fingerprint matched, so every header is there, perhaps spelled differently.
        current = {normalise_header(h): h for h in table.headers}
        mapping = {key: current[normalise_header(header)] for key, header in stored.items()
                   if key in known and isinstance(header, str)
                   and normalise_header(header) in current}
        file_name = stored.get(_FILE_KEY)
        return mapping, RememberedLayout(file_name if isinstance(file_name, str) else None,
                                         saved_at)

    def starting_mapping(self, kind: ImportKind, table: SourceTable) -> MappingChoice:
        """The mapping last used for this layout, else one guessed from the headers."""
        remembered = self.remembered_layout(kind, table)
        if remembered is not None:
            return MappingChoice(remembered[0], remembered=True, source=remembered[1])
        return self.guessed_mapping(kind, table)

    @staticmethod
    def guessed_mapping(kind: ImportKind, table: SourceTable) -> MappingChoice:
        """The mapping the headers suggest, whatever was remembered (period columns such
        as "Jan 2026" are never a field's column)."""
        skip = set(table.ambiguous_headers)
        if kind is ImportKind.METRICS:
            skip.update(c.header for c in find_period_columns(table.headers)[0])
        return MappingChoice(guess_mapping(kind, table.headers, skip), remembered=False)

    # Planning and applying -----------------------------------------------------------------
    def preview(self, kind: ImportKind, table: SourceTable, mapping: Mapping[str, str],
                options: ImportOptions = DEFAULT_OPTIONS, *,
                rejects: Path | None = None) -> ImportPlan:
        """What applying would do now; writes nothing to the portfolio (`rejects`: the rows
        it would reject, as CSV)."""
        output = RejectsOutput(rejects)
        with output.prepared():
            with session_scope(self._sessions) as session:
                plan = self._plan(session, kind, table, mapping, options, _discard)
                _discard(plan)
            output.fill(table, plan)
        return plan

    def apply(self, kind: ImportKind, table: SourceTable, mapping: Mapping[str, str],
              options: ImportOptions = DEFAULT_OPTIONS, *,
              rejects: Path | None = None) -> ImportPlan:
        """Plan and write in one transaction; on any failure nothing is saved. The rejected
        rows go to `rejects` (CSV), written before the commit: if they cannot be, nothing is
        imported."""
        output = RejectsOutput(rejects, importing=True)
        try:
            with bulk_allocation(), output.prepared():
                with session_scope(self._sessions) as session:
                    plan = self.write_in(session, kind, table, mapping, options)
                    output.fill(table, plan)
                output.committed = True
        except SQLAlchemyError as exc:
            _log.warning("import not saved: %s", str(exc).splitlines()[0])
            raise ApplyFailed(not_saved(exc)) from exc
        return replace(plan, applied=True, sink=None)  # its session is closed

    def write_in(self, session: Session, kind: ImportKind, table: SourceTable,
                 mapping: Mapping[str, str], options: ImportOptions = DEFAULT_OPTIONS, *,
                 remember: bool = True) -> ImportPlan:
        """Plan and write within the caller's unit of work (which commits or rolls back),
        and remember the mapping for the file's layout."""
        plan = self._plan(session, kind, table, mapping, options,
                          lambda batch: self._write(session, batch))
        self._write(session, plan)
        if remember:
            self._remember(session, kind, table, plan.mapping)
        return plan

    # Internals -------------------------------------------------------------------------
    @staticmethod
    def _checked_mapping(kind: ImportKind, table: SourceTable,
                         mapping: Mapping[str, str]) -> dict[str, str]:
        known = fields_by_key(kind)
        clean = {key: header for key, header in mapping.items() if header}
        problems: list[Message | str] = [
            msg("There is no column “{column}” in {file}.", column=shown(header), file=table.name)
            for header in clean.values() if header not in table.headers]
        problems += [msg("“{field}” is not something a {kind} import can fill in.",
                         field=shown(key), kind=kind_name(kind))
                     for key in clean if key not in known]
        used: dict[str, str] = {}
        for key, header in clean.items():
            if header in used:
                problems.append(msg("The column “{column}” is chosen for both {first} and "
                                    "{second}.", column=shown(header),
                                    first=msg(known[used[header]].label),
                                    second=msg(known[key].label)))
            used[header] = key
        columns: tuple[PeriodColumn, ...] = ()
        if kind is ImportKind.METRICS:
            columns = find_period_columns(table.headers, skip=clean.values())[0]
        problems += map(msg, missing_fields(kind, clean, period_columns=len(columns),
                                            unnamed_period_columns=sum(1 for c in columns
                                                                       if c.metric is None)))
        if problems:
            raise MappingIncomplete(problems)
        return clean

    def _plan(self, session: Session, kind: ImportKind, table: SourceTable,
              mapping: Mapping[str, str], options: ImportOptions, sink: Sink) -> ImportPlan:
        """The plan; rows for the store go to `sink` in batches as they are planned, so a
        big file is never held as a whole."""
        with bulk_allocation():
            return self._plan_kind(session, kind, table, mapping, options, sink)

    def _plan_kind(self, session: Session, kind: ImportKind, table: SourceTable,
                   mapping: Mapping[str, str], options: ImportOptions,
                   sink: Sink) -> ImportPlan:
        clean = self._checked_mapping(kind, table, mapping)
        if kind is ImportKind.ACCOUNTS:
            tiers = read_tier_scheme(session).tiers
            return plan_accounts(table, clean, options, self._stored_accounts(session), tiers,
                                 sink=sink)
        lookup = self._account_lookup(session)
        if kind is ImportKind.CONTACTS:
            return plan_contacts(table, clean, options, lookup, self._stored_contacts(session),
                                 sink=sink)
        read = read_metric_rows(table, clean, options, lookup)
        return decide_metrics(read, self._stored_metric_values(session, read.account_ids),
                              sink=sink)

    @staticmethod
    def _stored_accounts(session: Session) -> list[StoredAccount]:
        return [StoredAccount(row.id, draft_of(row), row.external_id, row.customer_since)
                for row in session.scalars(select(AccountRow))]

    @staticmethod
    def _account_lookup(session: Session) -> AccountLookup:
        rows = session.execute(select(AccountRow.id, AccountRow.name, AccountRow.name_key,
                                      AccountRow.external_id)).all()
        return AccountLookup(
            by_external_id={r.external_id: r.id for r in rows if r.external_id},
            by_name_key={r.name_key: r.id for r in rows},
            names={r.id: r.name for r in rows},
        )

    @staticmethod
    def _stored_contacts(session: Session) -> list[StoredContact]:
        columns = (ContactRow.id, ContactRow.account_id, ContactRow.name, ContactRow.title,
                   ContactRow.email, ContactRow.phone, ContactRow.level, ContactRow.department,
                   ContactRow.external_id)
        return [StoredContact(*row) for row in session.execute(select(*columns))]

    @staticmethod
    def _stored_metric_values(session: Session, account_ids: Iterable[int]
                              ) -> dict[MetricKey, tuple[int, float]]:
        ids = sorted(account_ids)
        stored: dict[MetricKey, tuple[int, float]] = {}
        table = MetricSnapshotRow
        for start in range(0, len(ids), _IN_CHUNK):
            query = select(table.id, table.account_id, table.period, table.metric_key,
                           table.value).where(table.account_id.in_(ids[start:start + _IN_CHUNK]))
            for row_id, account_id, period, key, value in session.execute(query):
                stored[(account_id, period, key)] = (row_id, value)
        return stored

    def _write(self, session: Session, plan: ImportPlan) -> None:
        """Bulk statements (one executemany each), never a flush per row; the rows written
        leave the plan."""
        try:
            self._write_rows(session, plan)
        finally:
            plan.inserts.clear()
            plan.updates.clear()

    def _write_rows(self, session: Session, plan: ImportPlan) -> None:
        model = _MODELS[plan.kind]
        table = model.__table__
        now = self._clock()
        if plan.kind is ImportKind.METRICS:
            if plan.updates:
                statement = update(table).where(table.c.id == bindparam("row_id")).values(
                    value=bindparam("new_value"))
                session.execute(statement, [{"row_id": u["id"], "new_value": u["value"]}
                                            for u in plan.updates])
            if plan.inserts:
                session.execute(insert(table), plan.inserts)
            return
        if plan.updates:
            # What nobody edited of a planned review follows an account's new language.
            switches = (language_switches(session, plan.updates)
                        if plan.kind is ImportKind.ACCOUNTS else [])
            _update_by_id(session, table, plan.updates, now)
            follow_languages(session, switches, now, login_name())
        if plan.inserts:
            defaults = _INSERT_DEFAULTS[plan.kind]
            session.execute(insert(table), [
                {**defaults, **row, "created_at": now, "updated_at": now}
                for row in plan.inserts])
        if plan.kind is ImportKind.ACCOUNTS:
            link_owners(session, name_key)

    def _remember(self, session: Session, kind: ImportKind, table: SourceTable,
                  mapping: Mapping[str, str]) -> None:
        fingerprint = layout_fingerprint(kind, layout_of(kind, table))
        # The file's name rides along under a key no field has: a reader that predates
        # it skips it like any unknown field.
        document = {**dict(mapping), _FILE_KEY: table.name}
        encoded = json.dumps(document, ensure_ascii=False, sort_keys=True)
        row = session.get(ImportLayoutRow, fingerprint)
        if row is None:
            session.add(ImportLayoutRow(fingerprint=fingerprint, kind=kind.value,
                                        mapping=encoded, updated_at=self._clock()))
        else:
            row.kind, row.mapping, row.updated_at = kind.value, encoded, self._clock()
        session.flush()


def layout_of(kind: ImportKind, table: SourceTable) -> list[str]:
    """The headers a layout is remembered by: a metrics file's period columns count as one
    ("a period"), so next month's export keeps the mapping chosen for this one."""
    if kind is ImportKind.METRICS:
        columns = find_period_columns(table.headers)[0]
        if columns:
            return layout_headers(table.headers, columns)
    return list(table.raw_headers)

__all__ = ["ImportService", "MappingChoice", "RememberedLayout", "layout_of", "write_rejects"]

"""Prepare QBR data: several exports at once (accounts, contacts, usage), what each holds,
what the account's deck would still lack, and one transaction to import them all.

The preview imports every file, accounts first, inside a transaction that is rolled back:
contacts and usage see the accounts the same drop creates, and the deck is arranged by the
deck service itself on what the portfolio would hold (an AppContext whose sessions join
that transaction), so "still missing" is the deck check's own list, never a second guess.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.accounts import name_key
from qbr_desktop.i18n import Message, msg, msg_plural, ui_text
from qbr_desktop.imports.cells import ImportOptions
from qbr_desktop.imports.errors import ApplyFailed, ImportFailed
from qbr_desktop.imports.fields import ImportKind, choose_column
from qbr_desktop.imports.file_kinds import KIND_WORDS, describe_holdings, guess_kind
from qbr_desktop.imports.plan import ImportPlan
from qbr_desktop.imports.table import SourceTable, bulk_allocation
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.importing import (
    DEFAULT_OPTIONS,
    ImportService,
    MappingChoice,
    database_reason,
)
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow

#: Accounts first, so contacts and usage find the accounts the same drop brings.
ORDER = (ImportKind.ACCOUNTS, ImportKind.CONTACTS, ImportKind.METRICS)
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PreparedFile:
    """A dropped file: what it holds (None until known) and the columns chosen for it."""

    path: Path
    table: SourceTable
    kind: ImportKind | None
    mapping: dict[str, str]
    #: How the columns were first chosen (remembered, and from which file, or guessed).
    choice: MappingChoice | None = None

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def changed(self) -> bool:
        """True when the CSM changed the columns from those first chosen."""
        return self.choice is not None and self.mapping != self.choice.mapping

    def describe_choice(self) -> Message:
        """'Columns remembered: the columns chosen for “x.csv” on 3 Jun 2026.' and the like."""
        if self.choice is None:
            return msg("Choose what this file holds.")
        if not self.choice.remembered:
            return (msg("Columns guessed from the headers (changed here).") if self.changed
                    else msg("Columns guessed from the headers."))
        source = (self.choice.source.describe() if self.choice.source is not None
                  else msg("the columns chosen last time for this layout"))
        if self.changed:
            return msg("Columns remembered: {source} (changed here).", source=source)
        return msg("Columns remembered: {source}.", source=source)


@dataclass(frozen=True)
class FileOutcome:
    file: PreparedFile
    plan: ImportPlan | None
    #: Why the file cannot be imported as it is ("" when it can).
    problem: Message | str = ""
    #: What it would bring: "6 accounts (6 new, 0 updated): ARR, Renewal date…".
    holds: Message | str = ""


@dataclass(frozen=True)
class PreparedData:
    files: tuple[FileOutcome, ...]
    #: The accounts the portfolio would hold, for choosing whose deck to check.
    accounts: tuple[str, ...] = ()
    #: The account whose deck was checked, its slides, and what it would still lack.
    account: str | None = None
    slides: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def problems(self) -> list[str]:
        return [ui_text(msg("{file}: {problem}", file=o.file.name, problem=o.problem))
                for o in self.files if o.problem]

    @property
    def ready(self) -> bool:
        """Every file can be imported and at least one would change something."""
        return bool(self.files) and not self.problems and any(
            o.plan is not None and o.plan.has_changes for o in self.files)


Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


class PrepareService:
    """Thread-safe entry points: each call opens its own sessions."""

    def __init__(self, context: AppContext, clock: Clock = _utc_now) -> None:
        self._context = context
        self._sessions = context.store.sessions
        self.imports = ImportService(self._sessions, clock)

    # Files -------------------------------------------------------------------------------
    def open(self, path: Path, *, sheet: str | None = None) -> PreparedFile:
        """Read a dropped file and tell what it holds; raises ImportFailed with a sentence."""
        table = self.imports.read(Path(path), sheet=sheet)
        kind = next((k for k in ORDER if self.imports.remembered_layout(k, table)), None)
        if kind is None:
            kind = guess_kind(table.headers, table.ambiguous_headers)
        return self.as_kind(PreparedFile(Path(path), table, None, {}), kind)

    def as_kind(self, file: PreparedFile, kind: ImportKind | None) -> PreparedFile:
        """The file read as another kind, with that kind's remembered or guessed columns."""
        if kind is None:
            return replace(file, kind=None, mapping={}, choice=None)
        choice = self.imports.starting_mapping(kind, file.table)
        return replace(file, kind=kind, mapping=dict(choice.mapping), choice=choice)

    def guessed(self, file: PreparedFile) -> PreparedFile:
        """The columns the headers suggest, instead of the remembered ones."""
        if file.kind is None:
            return file
        choice = self.imports.guessed_mapping(file.kind, file.table)
        return replace(file, mapping=dict(choice.mapping), choice=choice)

    @staticmethod
    def with_column(file: PreparedFile, field: str, header: str | None) -> PreparedFile:
        return replace(file, mapping=choose_column(file.mapping, field, header))

    # Preview and import ------------------------------------------------------------------
    def preview(self, files: Sequence[PreparedFile], account: str | None = None,
                options: ImportOptions = DEFAULT_OPTIONS) -> PreparedData:
        """What importing the files would do, and the deck of `account` (by name; by default
        the first account the files name) afterwards. Nothing is kept."""
        if not files:
            return PreparedData(())
        with bulk_allocation(), session_scope(self._sessions) as session:
            outcomes = self._write_all(session, files, options, trial=True)
            names = tuple(session.scalars(select(AccountRow.name).order_by(AccountRow.name)))
            chosen = self._account_to_check(session, outcomes, account)
            slides: tuple[str, ...] = ()
            missing: tuple[str, ...] = ()
            if chosen is not None:
                slides, missing = self._deck_after(session, chosen[0])
            session.rollback()  # a preview: nothing of it is kept
        ordered = {id(o.file): o for o in outcomes}
        return PreparedData(tuple(ordered[id(f)] for f in files), names,
                            chosen[1] if chosen else None, slides, missing)

    def apply(self, files: Sequence[PreparedFile],
              options: ImportOptions = DEFAULT_OPTIONS) -> tuple[ImportPlan, ...]:
        """Import every file in one transaction: all of them, or (on any failure) none."""
        unknown = [f.name for f in files if f.kind is None]
        if unknown:
            raise ImportFailed(msg_plural(
                "Choose what {files} holds (accounts, contacts or usage); nothing was imported.",
                "Choose what {files} hold (accounts, contacts or usage); nothing was imported.",
                len(unknown), files=", ".join(unknown)))
        try:
            with bulk_allocation(), session_scope(self._sessions) as session:
                outcomes = self._write_all(session, files, options, trial=False)
        except SQLAlchemyError as exc:
            _log.warning("prepared import not saved: %s", str(exc).splitlines()[0])
            raise ApplyFailed(msg("The files were not imported, and nothing in the portfolio "
                                  "changed ({reason})", reason=database_reason(exc))) from exc
        plans = {id(o.file): o.plan for o in outcomes}
        return tuple(replace(plan, applied=True, sink=None) for f in files
                     if (plan := plans[id(f)]) is not None)

    # Internals -------------------------------------------------------------------------
    def _write_all(self, session: Session, files: Iterable[PreparedFile],
                   options: ImportOptions, *, trial: bool) -> list[FileOutcome]:
        """Plan and write each file, accounts first. In a trial a file that cannot be
        imported is noted and skipped; otherwise it stops everything."""
        outcomes = []
        for file in sorted(files, key=lambda f: ORDER.index(f.kind) if f.kind else len(ORDER)):
            if file.kind is None:
                outcomes.append(FileOutcome(file, None, msg(
                    "choose what the file holds (accounts, contacts or usage)")))
                continue
            try:
                with session.begin_nested():
                    plan = self.imports.write_in(session, file.kind, file.table, file.mapping,
                                                 options, remember=not trial)
            except ImportFailed as exc:
                if not trial:
                    raise _named(file, exc) from exc
                outcomes.append(FileOutcome(file, None, exc.message))
                continue
            outcomes.append(FileOutcome(file, plan, "", describe_holdings(plan)))
        return outcomes

    @staticmethod
    def _account_to_check(session: Session, outcomes: Sequence[FileOutcome],
                          wanted: str | None) -> tuple[int, str] | None:
        """(id, name) of the account whose deck to check: the one asked for, else the
        first account the accounts file names, else the first the others name."""
        if wanted:
            row = session.execute(select(AccountRow.id, AccountRow.name).where(
                AccountRow.name_key == name_key(wanted))).first()
            if row is not None:
                return row[0], row[1]
        for outcome in outcomes:
            plan = outcome.plan
            if plan is None:
                continue
            if plan.kind is ImportKind.ACCOUNTS:
                label = next((r.label for r in plan.rows  # the name of an account kept
                              if r.action.value != "reject" and isinstance(r.label, str)), None)
                if label is not None:
                    return PrepareService._account_to_check(session, (), label)
            elif plan.account_ids:
                first = min(plan.account_ids)
                return first, session.get_one(AccountRow, first).name
        return None

    def _deck_after(self, session: Session, account_id: int) -> tuple[tuple[str, ...],
                                                                       tuple[str, ...]]:
        """The deck the account would get: its slides' titles and what it leaves out."""
        joined = sessionmaker(bind=session.connection(), join_transaction_mode="create_savepoint",
                              expire_on_commit=False)
        what_if = AppContext.for_store(self._context.target,
                                       replace(self._context.store, sessions=joined))
        prepared = what_if.decks.prepare(what_if, account_id)
        slides = tuple(slide.title for slide in prepared.content.outline
                       if slide.shown and not slide.omitted)
        # Shown in the window's language by the preparing dialog.
        return slides, tuple(ui_text(reason) for reason in prepared.briefing.omitted)


def _named(file: PreparedFile, exc: ImportFailed) -> ImportFailed:
    """The failure, naming the file; nothing of any file was imported."""
    kind = msg(KIND_WORDS[file.kind]) if file.kind else msg("unknown")
    return ApplyFailed(msg("{file} ({kind}): {problem} Nothing was imported from any of the "
                           "files.", file=file.name, kind=kind, problem=exc.message))


__all__ = ["ORDER", "FileOutcome", "PrepareService", "PreparedData", "PreparedFile"]

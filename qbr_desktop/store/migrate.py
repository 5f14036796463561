"""Schema versions: where a database stands, and bringing it to this program's head."""

from __future__ import annotations

import ast
import functools
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qbr_desktop.store.errors import StoreError
from qbr_desktop.store.sqlite_uri import sqlite_uri

if TYPE_CHECKING:  # reading revisions needs neither: the window's first list reads them
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(script_location: Path = MIGRATIONS_DIR) -> Config:
    # Alembic is imported only when a migration runs: it costs a noticeable part of
    # start-up, and a database already at the head revision never needs it.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def revision_graph(script_location: Path = MIGRATIONS_DIR) -> dict[str, tuple[str, ...]]:
    """{revision: its down revisions}, read from the version scripts without running them."""
    if script_location == MIGRATIONS_DIR:  # the program's own scripts never change under it
        return dict(_program_revisions())
    return _read_revision_graph(script_location)


@functools.cache
def _program_revisions() -> dict[str, tuple[str, ...]]:
    return _read_revision_graph(MIGRATIONS_DIR)


def _read_revision_graph(script_location: Path) -> dict[str, tuple[str, ...]]:
    graph: dict[str, tuple[str, ...]] = {}
    for script in sorted((script_location / "versions").glob("*.py")):
        names: dict[str, Any] = {}
        for node in ast.parse(script.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                    node.targets[0], ast.Name):
                try:
                    names[node.targets[0].id] = ast.literal_eval(node.value)
                except ValueError:
                    continue
        revision, down = names.get("revision"), names.get("down_revision")
        if isinstance(revision, str):
            downs = (down,) if isinstance(down, str) else tuple(down or ())
            graph[revision] = downs
    return graph


def known_revisions(script_location: Path = MIGRATIONS_DIR) -> set[str]:
    return set(revision_graph(script_location))


def head_revision(script_location: Path = MIGRATIONS_DIR) -> str:
    graph = revision_graph(script_location)
    below = {down for downs in graph.values() for down in downs}
    heads = sorted(set(graph) - below)
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads; expected one")
    return heads[0]


def stored_revision_readonly(path: Path, flags: str = "mode=ro") -> str | None:
    """The schema revision recorded in a SQLite file, read without changing the file.

    Returns None for a database with no schema yet. Raises sqlite3.DatabaseError for a
    file that is not a readable SQLite database, or whose tables have no recorded version
    (migrating it would fail on "table account already exists").
    """
    connection = sqlite3.connect(sqlite_uri(path, flags), uri=True)
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            # A file with tables but no version table is not one of ours.
            other = connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' LIMIT 1"
            ).fetchone()
            if other:
                raise sqlite3.DatabaseError(
                    f"it holds tables ({other[0]}) but is not a QBR Desktop database"
                )
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None and connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name NOT IN "
                "('alembic_version', 'sqlite_sequence') LIMIT 1").fetchone():
            raise sqlite3.DatabaseError(
                "it holds QBR Desktop tables but no record of their version, so it cannot "
                "be updated safely")
        return row[0] if row else None
    finally:
        connection.close()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _set_foreign_keys(connection: Connection, *, on: bool) -> None:
    # On the driver connection, outside any transaction: SQLite ignores this PRAGMA
    # inside one, and SQLAlchemy would begin one before executing it.
    driver: Any = connection.connection.driver_connection
    driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def upgrade_to_head(engine: Engine, script_location: Path = MIGRATIONS_DIR) -> None:
    """Apply every pending migration in one transaction: all of them, or none.

    On SQLite, foreign keys are switched off for the migration (SQLite's documented
    procedure for altering tables): Alembic's batch mode rebuilds a table by dropping
    it, and with foreign keys on, dropping ``account`` would cascade-delete every
    contact, review and metric. The keys are checked before the commit instead.
    """
    from alembic import command

    from qbr_desktop.store.engine import WRITE_INTENT

    config = alembic_config(script_location)
    sqlite = engine.dialect.name == "sqlite"
    # With the write lock from the start: two programs opening an old file at once take
    # turns, and the second finds the schema already at the head.
    with engine.connect().execution_options(**{WRITE_INTENT: True}) as connection:
        if sqlite:
            _set_foreign_keys(connection, on=False)
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite and (broken := connection.exec_driver_sql(
                        "PRAGMA foreign_key_check").first()):
                    raise StoreError(
                        f"the update left rows in {broken[0]} that point to missing rows "
                        f"in {broken[2]}"
                    )
        finally:
            if sqlite:
                _set_foreign_keys(connection, on=True)

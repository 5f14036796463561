"""A portfolio on a shared PostgreSQL server: opening it, checking it, upgrading it.

A server's schema is shared by the whole team, so a client never changes it on its own: it
opens a schema at this version's head, and otherwise says who must do what. Upgrades are
`qbr server upgrade`, run by whoever administers the server, under an advisory lock so that
two upgrades never run at once (PostgreSQL's catalogue refuses two concurrent CREATE TABLE
of one name with a duplicate-key error, which no person could read).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError

from qbr_desktop import __version__
from qbr_desktop.i18n import N_
from qbr_desktop.store.engine import create_store_engine, unreachable_reason
from qbr_desktop.store.errors import (
    MigrationFailedError,
    ServerSchemaError,
    ServerUnreachableError,
    StoreError,
    shown,
)
from qbr_desktop.store.migrate import (
    MIGRATIONS_DIR,
    current_revision,
    head_revision,
    known_revisions,
    upgrade_to_head,
)
from qbr_desktop.store.models import SettingRow

log = logging.getLogger(__name__)

# The session-level advisory lock `qbr server upgrade` holds (any constant of our own,
# distinct from the writers' lock in engine.py).
UPGRADE_LOCK_KEY = 0x5142_5244_0002
# The setting that tells older clients which release the schema needs.
SCHEMA_RELEASE_KEY = "server.schema_release"
CONNECT_TIMEOUT_SECONDS = 10


def load_driver() -> None:
    """Import psycopg, also where Python's ssl module is left out (the frozen build).

    psycopg imports ssl only to let Python set OpenSSL's locking callbacks, which OpenSSL
    1.1 and later no longer need; its TLS is libpq's, with the OpenSSL psycopg_binary
    brings. Bundling Python's ssl would add its own OpenSSL (about 6 MB) for nothing, so
    an empty stand-in serves that one import and is removed again, leaving any other
    `import ssl` to fail as before.
    """
    import sys
    import types

    if "psycopg" in sys.modules:
        return
    try:
        import ssl  # noqa: F401
    except ImportError:
        sys.modules["ssl"] = types.ModuleType("ssl")
        try:
            import psycopg  # noqa: F401
        finally:
            del sys.modules["ssl"]


def server_engine(url: str) -> Engine:
    """An engine for a server URL; a URL nobody can parse is refused without echoing it."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError("The database URL is not a valid SQLAlchemy URL (for example "
                         "postgresql+psycopg://user@host/qbr).") from exc
    options: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        load_driver()
        # An unreachable host fails in seconds, not after the system's TCP timeout.
        options["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
    try:
        return create_store_engine(url, pool_pre_ping=True, **options)
    except NoSuchModuleError as exc:
        raise StoreError(f"{shown(url)}: this version cannot talk to "
                         f"{parsed.get_backend_name()} databases; use PostgreSQL.") from exc


def schema_release(engine: Engine) -> str | None:
    """The release that last upgraded the server's schema, as `qbr server upgrade` noted."""
    import json

    try:
        with engine.connect() as connection:
            value = connection.execute(select(SettingRow.value).where(
                SettingRow.key == SCHEMA_RELEASE_KEY)).scalar()
    except SQLAlchemyError:
        return None
    return json.loads(value) if value else None


def check_server_schema(engine: Engine, url: str,
                        script_location: Path = MIGRATIONS_DIR) -> str:
    """The server's revision when it is this version's head; otherwise a ServerSchemaError."""
    revision = current_revision(engine)
    head = head_revision(script_location)
    if revision == head:
        return revision
    if revision is None:
        raise ServerSchemaError(url, (
            f"The database {shown(url)} has no QBR Desktop tables yet. Whoever administers "
            "the server creates them with `qbr server upgrade` (see “Team server” in the "
            "README); nothing was changed."))
    if revision not in known_revisions(script_location):
        release = schema_release(engine)
        needed = f"QBR Desktop {release} or later" if release else "a newer QBR Desktop"
        raise ServerSchemaError(url, (
            f"The team server {shown(url)} was updated for a newer version (schema "
            f"{revision}); this is QBR Desktop {__version__}. Install {needed} to use it; "
            "nothing was changed."))
    raise ServerSchemaError(url, (
        f"The team server {shown(url)} holds an older schema ({revision}) than this "
        f"version needs ({head}). Whoever administers the server runs `qbr server upgrade` "
        "(after a backup with pg_dump); nothing was changed."))


def connect_error(url: str, error: BaseException) -> StoreError:
    """The StoreError for a failure while first talking to the server."""
    reason = unreachable_reason(error)
    if reason is not None:
        return ServerUnreachableError(url, reason)
    return StoreError(f"The team server {shown(url)} answered with an error "
                      f"({type(error).__name__}); nothing was changed.")


def backup_advice(url: str) -> str:
    parsed = make_url(url)
    host = f" -h {parsed.host}" if parsed.host else ""
    port = f" -p {parsed.port}" if parsed.port else ""
    user = f" -U {parsed.username}" if parsed.username else ""
    name = parsed.database or "qbr"
    return ("Before the upgrade, make a backup you can restore, for example:\n"
            f"    pg_dump{host}{port}{user} -Fc -f {name}-before-upgrade.dump {name}\n"
            f"(restore it with pg_restore --clean -d {name} {name}-before-upgrade.dump).")


@dataclass(frozen=True)
class UpgradeOutcome:
    before: str | None
    after: str


def upgrade_server(url: str, *, script_location: Path = MIGRATIONS_DIR,
                   waiting: Callable[[], None] | None = None) -> UpgradeOutcome:
    """Bring the server's schema to this version's head, one upgrade at a time.

    A second upgrade started meanwhile waits for the lock (`waiting` is called once if it
    must wait) and then finds the schema already at the head.
    """
    engine = server_engine(url)
    try:
        with engine.connect() as connection:
            got = connection.execute(text("SELECT pg_try_advisory_lock(:key)"),
                                     {"key": UPGRADE_LOCK_KEY}).scalar()
            connection.commit()
            if not got:
                if waiting:
                    waiting()
                connection.execute(text("SELECT pg_advisory_lock(:key)"),
                                   {"key": UPGRADE_LOCK_KEY})
                connection.commit()
            try:
                before = current_revision(engine)
                if before is not None and before not in known_revisions(script_location):
                    raise ServerSchemaError(url, (
                        f"The team server {shown(url)} is at schema {before}, newer than "
                        f"this QBR Desktop {__version__} knows; it was left as it was."))
                if before != head_revision(script_location):
                    upgrade_to_head(engine, script_location)
                    _note_release(engine)
                return UpgradeOutcome(before, head_revision(script_location))
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"),
                                   {"key": UPGRADE_LOCK_KEY})
                connection.commit()
    except StoreError:
        raise
    except DBAPIError as exc:
        if unreachable_reason(exc) is not None:
            raise connect_error(url, exc) from exc
        raise MigrationFailedError(url, str(exc.orig).splitlines()[0], None) from exc
    finally:
        engine.dispose()


def _note_release(engine: Engine) -> None:
    from qbr_desktop.store.engine import make_session_factory, session_scope
    from qbr_desktop.store.repositories import SettingRepository

    with session_scope(make_session_factory(engine)) as session:
        SettingRepository(session).set(SCHEMA_RELEASE_KEY, __version__)
    log.info("Server schema upgraded by release %s", __version__)


def database_integrity(engine: Engine) -> str:
    """`qbr check`'s integrity line: SQLite's integrity_check of a file, else the server's
    checks (server_integrity)."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            rows = connection.execute(text("PRAGMA integrity_check")).fetchall()
        return "; ".join(str(row[0]) for row in rows[:5])
    return server_integrity(engine)


def server_integrity(engine: Engine) -> str:
    """What `qbr check` can verify on a server, as one line ("ok" or the problems).

    Checked: the schema matches this version's tables and columns, the insight triggers
    are in place, and no foreign key is left unvalidated. Not checked: the server's own
    data pages (that is `amcheck`, for the server's administrator).
    """
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from qbr_desktop.store.models import Base

    problems = []
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
        if differences:
            problems.append(f"{len(differences)} difference(s) between the server's tables "
                            "and this version's")
        triggers = connection.execute(text(
            "SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal "
            "AND tgname LIKE 'forget_insight%'")).scalar_one()
        if triggers < EXPECTED_TRIGGERS:
            problems.append(f"{EXPECTED_TRIGGERS - triggers} of the {EXPECTED_TRIGGERS} "
                            "stored-insight triggers are missing")
        unvalidated = connection.execute(text(
            "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT convalidated"
        )).scalar_one()
        if unvalidated:
            problems.append(f"{unvalidated} foreign key(s) not validated")
    return "; ".join(problems) or "ok"


# The stored-insight triggers migration 0011 installs.
EXPECTED_TRIGGERS = 16
SERVER_CHECKED = N_("the tables and columns match this version's, the stored-insight "
                    "triggers are in place, every foreign key is validated")
SERVER_NOT_CHECKED = N_("the server's data pages and indexes (its administrator's job, with "
                        "PostgreSQL's amcheck)")

"""Engine and session setup; the only module with dialect-specific statements.

Writers wait for each other instead of failing: a unit of work that may write begins with
``BEGIN IMMEDIATE`` on SQLite, so it takes the write lock before it reads anything. A
deferred ``BEGIN`` that reads and then writes cannot wait: SQLite refuses its upgrade at
once (SQLITE_BUSY, or SQLITE_BUSY_SNAPSHOT when someone committed since it read), and the
busy timeout never applies. Reading units of work keep the deferred ``BEGIN``: in WAL mode
they neither wait for writers nor hold them up.

On PostgreSQL the same rules hold by other means, so that the services behave alike on
both: a writing unit first takes a transaction-level advisory lock (writers take turns,
waiting at most as long as on SQLite), and a reading unit is REPEATABLE READ, one snapshot
for all its queries as a SQLite read transaction has.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.store.errors import (
    DiskFullError,
    PortfolioBusyError,
    ReadOnlyDatabaseError,
    ServerUnreachableError,
    StoreError,
)

# A writer waits this long for another one to finish, then session_scope tries once more.
BUSY_TIMEOUT_MS = 15_000
BUSY_ATTEMPTS = 2
PAGE_CACHE_KIB = 16_000
# The execution option that makes SQLite begin a transaction with the write lock.
WRITE_INTENT = "qbr_write_intent"

_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_FULL = 5, 6, 8, 13
# PostgreSQL's serialization failure, deadlock, lock not available: the server's "busy".
_SERVER_BUSY_STATES = {"40001", "40P01", "55P03"}
# The advisory lock every writing unit of work holds on a server (any constant of our own).
WRITER_LOCK_KEY = 0x5142_5244_0001


def sqlite_url(path: str) -> str:
    return f"sqlite+pysqlite:///{path}"


def read_only_sqlite_url(path: str, *, immutable: bool = False) -> str:
    """A URL that opens the file without ever writing to it (nor creating a -wal or -shm).

    `immutable` also skips locking and the -shm: only for a file nobody can change, as in
    a read-only folder with no -wal beside it.
    """
    from urllib.parse import quote

    flags = "mode=ro&immutable=1" if immutable else "mode=ro"
    return f"sqlite+pysqlite:///file:{quote(path)}?{flags}&uri=true"


def _prepare_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # Take over transaction control from the stdlib driver: it would otherwise commit
    # before every DDL statement, making a failed migration leave a half-changed schema.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # PRAGMAs are per connection, and foreign_keys is ignored inside a transaction,
        # so they are set here, before SQLAlchemy begins anything.
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # 16 MB of page cache instead of SQLite's 2 MB: a 10,000-account portfolio
        # overview reads ~8 MB of pages and ran 20% faster; small portfolios never fill it.
        cursor.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
    finally:
        cursor.close()


def _prepare_read_only_connection(dbapi_connection: Any, _record: Any) -> None:
    # No journal-mode change here: switching to WAL is a write, and the file keeps
    # whatever mode it has.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only=ON")
        cursor.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
    finally:
        cursor.close()


def _begin_read_only_transaction(connection: Any) -> None:
    # BEGIN IMMEDIATE would ask a read-only file for the write lock.
    connection.exec_driver_sql("BEGIN")


def _begin_sqlite_transaction(connection: Any) -> None:
    if connection.get_execution_options().get(WRITE_INTENT):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def _begin_server_transaction(connection: Any) -> None:
    # Round trips are what a server costs: the isolation level rides on psycopg's own
    # BEGIN, and a writer's wait limit and lock are one statement.
    from psycopg import IsolationLevel

    driver = connection.connection.driver_connection
    if connection.get_execution_options().get(WRITE_INTENT):
        driver.isolation_level = IsolationLevel.READ_COMMITTED
        # set_config(..., true) ends with the transaction; a writer still waiting after
        # this long gets "lock not available", which session_scope reports as busy.
        connection.exec_driver_sql(
            f"SELECT set_config('lock_timeout', '{BUSY_TIMEOUT_MS}', true), "
            f"pg_advisory_xact_lock({WRITER_LOCK_KEY})")
    else:
        driver.isolation_level = IsolationLevel.REPEATABLE_READ


def _without_nul(value: Any) -> Any:
    return value.replace("\x00", "") if isinstance(value, str) and "\x00" in value else value


def _drop_nul_characters(_connection: Any, _cursor: Any, statement: str, parameters: Any,
                         _context: Any, executemany: bool) -> tuple[str, Any]:
    """PostgreSQL's text cannot hold U+0000, which SQLite stores: it is left out, as every
    export leaves it out, instead of the whole save failing."""
    def clean(group: Any) -> Any:
        if isinstance(group, dict):
            return {key: _without_nul(value) for key, value in group.items()}
        if isinstance(group, (list, tuple)):
            return type(group)(_without_nul(value) for value in group)
        return group

    if executemany and isinstance(parameters, (list, tuple)):
        return statement, [clean(group) for group in parameters]
    return statement, clean(parameters)


def create_store_engine(url: str, *, read_only: str | None = None, **options: Any) -> Engine:
    """An engine for `url`; `read_only` says why the file may only be read (never written)."""
    engine = create_engine(url, **options)
    if read_only:
        _read_only_reasons[id(engine)] = read_only
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _prepare_read_only_connection if read_only
                     else _prepare_sqlite_connection)
        event.listen(engine, "begin", _begin_read_only_transaction if read_only
                     else _begin_sqlite_transaction)
    elif engine.dialect.name == "postgresql":
        # An executemany INSERT (imports, the demo) goes out as multi-row INSERT ... VALUES
        # statements of 1,000 rows, as SQLAlchemy already does when rows are RETURNING:
        # psycopg's own executemany sends one INSERT per row, and the server runs the
        # statement-level insight triggers (revision 0011) once per statement, so 100,000
        # metric rows took 72 s instead of seconds. Same transaction, same rows.
        engine.dialect.use_insertmanyvalues_wo_returning = True
        event.listen(engine, "begin", _begin_server_transaction)
        event.listen(engine, "before_cursor_execute", _drop_nul_characters, retval=True)
    return engine


_read_only_reasons: dict[int, str] = {}


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(engine, expire_on_commit=False)
    if engine.dialect.name == "postgresql":
        event.listen(factory, "after_flush", _note_write)
        event.listen(factory, "do_orm_execute", _note_statement)
    return factory


_WROTE = "qbr_wrote"


def _note_write(session: Session, _context: Any) -> None:
    session.info[_WROTE] = True


def _note_statement(state: Any) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_WROTE] = True


def _count_edit(session: Session) -> None:
    """On a server, a unit of work that wrote raises the ``edits`` counter, which open
    windows poll to show their colleagues' changes (store/changes.py)."""
    session.flush()
    if session.info.pop(_WROTE, False):
        session.execute(text("UPDATE change_counter SET value = value + 1 "
                             "WHERE name = 'edits'"))


def is_busy(error: BaseException) -> bool:
    """True when the database refused because another connection holds it."""
    original = getattr(error, "orig", error)
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    return state in _SERVER_BUSY_STATES


def _database_name(engine: object) -> str:
    if not isinstance(engine, Engine):
        return "The portfolio"
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        name = url.database
        return name.removeprefix("file:").split("?")[0] if name.startswith("file:") else name
    return url.render_as_string(hide_password=True)


def busy_error(factory: sessionmaker[Session] | Engine) -> PortfolioBusyError:
    engine = factory if isinstance(factory, Engine) else factory.kw.get("bind")
    return PortfolioBusyError(_database_name(engine))


def unreachable_reason(error: BaseException) -> str | None:
    """The sentence part saying why the server did not answer, or None for another error."""
    if not isinstance(error, DBAPIError):
        return None
    original = error.orig
    if not type(original).__module__.startswith("psycopg"):
        return None  # SQLite's errors are the file's, never a lost connection
    state = getattr(original, "sqlstate", None) or ""
    # psycopg gives a failed connection attempt no SQLSTATE at all.
    if error.connection_invalidated or state.startswith("08") or (
            not state and isinstance(error, OperationalError)):
        # The driver's first line is the useful one ("connection refused", "timeout
        # expired", a name that does not resolve); it never carries the password.
        detail = str(original).strip().splitlines()
        first = detail[0].removeprefix("connection failed: ") if detail else "no answer"
        _place, fatal, said = first.partition("FATAL:")
        return f"{REFUSED_BY_SERVER}{said.strip()[:200]}" if fatal else first[:200]
    if state in ("28P01", "28000", "3D000"):
        return f"{REFUSED_BY_SERVER}{str(original).strip().splitlines()[0][:200]}"
    return None


# How unreachable_reason starts when the server answered but would not let us in.
REFUSED_BY_SERVER = "the server said: "


def refusal(factory: sessionmaker[Session], error: OperationalError) -> StoreError | None:
    """The sentence for a write the database turned away, or None for another failure."""
    if is_busy(error):
        return busy_error(factory)
    engine = factory.kw.get("bind")
    if (reason := unreachable_reason(error)) is not None and isinstance(engine, Engine):
        return ServerUnreachableError(_database_name(engine), reason)
    code = getattr(error.orig, "sqlite_errorcode", None)
    if code is None:
        return None
    if code & 0xFF == _SQLITE_READONLY:
        reason = _read_only_reasons.get(id(engine), "the file or its folder is read-only")
        return ReadOnlyDatabaseError(_database_name(engine), reason)
    if code & 0xFF == _SQLITE_FULL:
        return DiskFullError(_database_name(engine))
    return None


_writing = threading.local()


def _writing_engines() -> set[int]:
    engines: set[int] | None = getattr(_writing, "engines", None)
    if engines is None:
        engines = _writing.engines = set()
    return engines


def _open_writer(factory: sessionmaker[Session]) -> Session:
    """A session that holds the write lock, waiting (and trying once more) while busy."""
    for attempt in range(1, BUSY_ATTEMPTS + 1):
        session = factory()
        try:
            session.connection(execution_options={WRITE_INTENT: True})
            return session
        except OperationalError as exc:
            session.close()
            if not is_busy(exc):
                if (refused := refusal(factory, exc)) is not None:
                    raise refused from exc
                raise
            if attempt == BUSY_ATTEMPTS:
                raise busy_error(factory) from exc
        # Spread the retries of several waiting writers apart.
        time.sleep(random.uniform(0.05, 0.25) * attempt)
    raise AssertionError("unreachable")


@contextmanager
def session_scope(factory: sessionmaker[Session], *, reading: bool = False) -> Iterator[Session]:
    """A unit of work: commit when the block ends normally, roll back when it raises.

    Unless `reading`, the unit holds the write lock from its start (see the module's
    docstring). A unit nested in a writing one of the same thread reads only: waiting for
    the lock its own thread holds would never end. A database still busy after the wait
    raises PortfolioBusyError, with nothing changed.
    """
    engine_key = id(factory.kw.get("bind"))
    held = _writing_engines()
    writing = not reading and engine_key not in held
    session = _open_writer(factory) if writing else factory()
    if writing:
        held.add(engine_key)
    try:
        yield session
        if writing and session.bind is not None and session.bind.dialect.name == "postgresql":
            _count_edit(session)
        session.commit()
    except OperationalError as exc:
        session.rollback()
        if (refused := refusal(factory, exc)) is not None:
            raise refused from exc
        raise
    except BaseException:
        session.rollback()
        raise
    finally:
        if writing:
            held.discard(engine_key)
        session.close()

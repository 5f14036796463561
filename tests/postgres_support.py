"""A real PostgreSQL server for the tests: one fresh database per test.

The server comes from QBR_TEST_POSTGRES_URL (`.ci/postgres-cluster start` prints one; CI
starts it). Without it, tests that need it skip with the reason, or fail where nothing may
skip (QBR_TEST_POSTGRES_URL unset under QBR_REQUIRE_ALL_TOOLS=1).

Each test's database is a copy of a template migrated once per run (CREATE DATABASE ...
TEMPLATE): a copy costs a few milliseconds where migrating costs a second.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from tests_support import missing

URL_ENV = "QBR_TEST_POSTGRES_URL"


def server_url() -> str:
    """The maintenance URL of the test server (its `postgres` database)."""
    url = os.environ.get(URL_ENV)
    if not url:
        missing(f"no PostgreSQL server for the tests ({URL_ENV} is not set; "
                "`.ci/postgres-cluster start DIR PORT` starts one)")
    return url


class PostgresForTests:
    """Creates and drops the databases of one test run on one server."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin: Engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.prefix = f"qbr_test_{uuid.uuid4().hex[:8]}"
        self._numbers = itertools.count(1)
        self._templates: dict[str, str] = {}
        self._created: list[str] = []

    def url_of(self, database: str) -> str:
        return self.url.set(database=database).render_as_string(hide_password=False)

    def empty_database(self) -> str:
        """The URL of a new database with nothing in it."""
        name = f"{self.prefix}_{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}"')
        self._created.append(name)
        return self.url_of(name)

    def template(self, key: str, build: object) -> str:
        """The name of a template database made once by `build(url)`."""
        if key not in self._templates:
            url = self.empty_database()
            build(url)  # type: ignore[operator]
            self._templates[key] = make_url(url).database or ""
        return self._templates[key]

    def copy_of(self, template: str) -> str:
        """The URL of a new database holding what the template holds."""
        name = f"{self.prefix}_{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self._created.append(name)
        return self.url_of(name)

    def replace_with_copy(self, url: str, template: str) -> None:
        """Make the database at `url` (no one connected) a copy of the template; its name,
        and so its URL, stays."""
        name = make_url(url).database
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

    def migrated_database(self) -> str:
        """The URL of a new database at this version's schema head, with no data."""
        from qbr_desktop.store.server import upgrade_server

        return self.copy_of(self.template("head", upgrade_server))

    def drop(self, url: str) -> None:
        name = make_url(url).database
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self._created:
            self._created.remove(name)

    def close(self) -> None:
        for name in reversed(self._created):
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.dispose()

    def _execute(self, sql: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(sql))


def running_server() -> Iterator[PostgresForTests]:
    server = PostgresForTests(server_url())
    try:
        yield server
    finally:
        server.close()

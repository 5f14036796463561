"""Demo portfolios built once per test run; each test gets a copy of its own.

A demo build costs 1-3 s on SQLite and 6-9 s on the server, and most demo tests only read
the finished portfolio. Each (accounts, seed, today) is built once: into a closed SQLite
file, and into a template database on the server. A test's copy is its `database_target`
filled with that demo (a file copy; CREATE DATABASE ... TEMPLATE), so the test may change
it freely. The build writes nothing but the database (services/demo.py and the builders it
calls), so the copy is the whole demo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.demo import DemoSummary, build_demo_portfolio


@dataclass(frozen=True, slots=True)
class DemoKey:
    accounts: int
    seed: int
    today: date

    @property
    def name(self) -> str:
        return f"demo-{self.accounts}-{self.seed}-{self.today.isoformat()}"


def build_into(target: DatabaseTarget, key: DemoKey, data_folder: Path) -> DemoSummary:
    """Build the demo into `target` and close every connection to it."""
    with pytest.MonkeyPatch.context() as patch:
        # Not the data folder of the test that happens to ask first.
        patch.setenv("QBR_DATA_DIR", str(data_folder))
        context = AppContext.open(target)
        try:
            return build_demo_portfolio(context, accounts=key.accounts, seed=key.seed,
                                        today=key.today)
        finally:
            context.close()


class DemoTemplates:
    """The demo portfolios of one test run, each built once per backend with its summary."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._files: dict[DemoKey, tuple[Path, DemoSummary]] = {}
        self._server: dict[DemoKey, tuple[str, DemoSummary]] = {}

    def sqlite_file(self, key: DemoKey) -> tuple[Path, DemoSummary]:
        """A closed SQLite file holding the demo: nothing left in a -wal beside it."""
        if key not in self._files:
            folder = self.folder / key.name
            folder.mkdir()
            path = folder / "portfolio.sqlite"
            summary = build_into(DatabaseTarget(path=path), key, folder / "user-data")
            leftovers = [p.name for p in folder.iterdir() if p.name.startswith(path.name + "-")]
            assert not leftovers, f"the closed demo left {leftovers} beside it"
            self._files[key] = (path, summary)
        return self._files[key]

    def server_template(self, server: object, key: DemoKey) -> tuple[str, DemoSummary]:
        """The name of a template database on the test server holding the demo."""
        if key not in self._server:
            from qbr_desktop.store.server import upgrade_server

            built: list[DemoSummary] = []

            def build(url: str) -> None:
                upgrade_server(url)
                built.append(build_into(DatabaseTarget(url=url), key,
                                        self.folder / f"{key.name}-server-data"))

            name = server.template(key.name, build)  # type: ignore[attr-defined]
            self._server[key] = (name, built[0])
        return self._server[key]


def fill_with_demo(request: pytest.FixtureRequest, templates: DemoTemplates,
                   target: DatabaseTarget, key: DemoKey) -> DemoSummary:
    """Make the test's (still unopened) database a copy of the demo for `key`."""
    if target.path is not None:
        source, summary = templates.sqlite_file(key)
        target.path.parent.mkdir(parents=True, exist_ok=True)
        assert not target.path.exists(), f"{target.path} is already in use"
        target.path.write_bytes(source.read_bytes())
        return summary
    assert target.url is not None
    server = request.getfixturevalue("postgres")
    template, summary = templates.server_template(server, key)
    server.replace_with_copy(target.url, template)
    return summary

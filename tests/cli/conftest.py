"""Running `qbr` in-process: exit code, stdout and stderr of one command."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cli_support import Portfolio, open_portfolio

from qbr_desktop import i18n
from qbr_desktop.cli import main
from qbr_desktop.paths import DatabaseTarget


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


Runner = Callable[..., Outcome]


@pytest.fixture
def qbr(capsys: pytest.CaptureFixture[str]) -> Runner:
    """Call `qbr` with these arguments; argparse's own output (usage, --version) is included."""

    def run(*argv: str | Path) -> Outcome:
        capsys.readouterr()
        out, err = io.StringIO(), io.StringIO()
        code = main([str(arg) for arg in argv], out=out, err=err)
        captured = capsys.readouterr()
        return Outcome(code, out.getvalue() + captured.out, err.getvalue() + captured.err)

    return run


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Path]:
    """A new SQLite portfolio file; the interface language goes back to English after."""
    path = tmp_path / "portfolio" / "portfolio.sqlite"
    path.parent.mkdir()
    open_portfolio(path).close()
    yield path
    i18n.set_interface_language(i18n.ENGLISH)


@pytest.fixture
def fresh_db(database_target: DatabaseTarget) -> Portfolio:
    """A new, empty portfolio: a file that does not exist yet, then a server database."""
    return database_target.path or database_target.url or ""


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One 30-account demo portfolio (seed 3) per run, built by `qbr demo` itself."""
    path = tmp_path_factory.mktemp("demo-template") / "portfolio.sqlite"
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QBR_DATA_DIR", str(path.parent / "user-data"))
        code = main(["demo", "--db", str(path), "--accounts", "30", "--seed", "3"],
                    out=out, err=err)
    assert code == 0, err.getvalue()
    return path


def _server_demo(url: str) -> None:
    from qbr_desktop.store.server import upgrade_server

    upgrade_server(url)
    out, err = io.StringIO(), io.StringIO()
    code = main(["demo", "--db", url, "--accounts", "30", "--seed", "3"], out=out, err=err)
    assert code == 0, err.getvalue()


@pytest.fixture
def demo_db(tmp_path: Path, request: pytest.FixtureRequest,
            database_target: DatabaseTarget) -> Portfolio:
    """A copy of the demo portfolio of this test's own: tests may change it freely.
    (`qbr demo` writes nothing but the database file, so the copy is the whole portfolio.)
    On the server, a database copied from one built the same way."""
    if database_target.url is not None:
        server = request.getfixturevalue("postgres")
        server.drop(database_target.url)
        url: str = server.copy_of(server.template("demo", _server_demo))
        request.addfinalizer(lambda: server.drop(url))
        return url
    demo_template = request.getfixturevalue("demo_template")
    path = tmp_path / "demo" / "portfolio.sqlite"
    path.parent.mkdir()
    shutil.copyfile(demo_template, path)
    return path

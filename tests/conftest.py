"""Shared fixtures: every test runs offscreen, with its own data folder and settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from tests_support import require_tool  # noqa: F401  (re-exported for test modules)

# Property tests: the same examples on every run (a red CI run must be reproducible), and
# no failure because a busy machine generated them slowly; the examples still run.
try:
    from hypothesis import HealthCheck, settings
except ImportError:  # the app's own environment has no test extras
    pass
else:
    settings.register_profile("qbr", derandomize=True, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.load_profile("qbr")

# The offscreen platform's default screen is 800x800; tests check layouts and remembered
# geometry at laptop and desktop sizes, so they get a 1920x1080 screen.
_SCREENS = Path(__file__).with_name("offscreen-screens.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREENS}"


@pytest.fixture(autouse=True)
def isolated_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real per-user folder or the developer's QBR_DB."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("QBR_DATA_DIR", str(folder))
    monkeypatch.delenv("QBR_DB", raising=False)
    monkeypatch.delenv("QBR_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    # The CLI follows the locale (qbr_desktop/cli/language.py): English unless a test asks.
    monkeypatch.setenv("QBR_LANGUAGE", "en")
    return folder


@pytest.fixture(scope="session")
def postgres() -> Iterator[object]:
    """The test run's PostgreSQL server (skips, or fails in CI, when there is none)."""
    from postgres_support import running_server

    yield from running_server()


BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests on a `context` (or `database_target`) run once per backend.

    Marked sqlite_only: SQLite only; server_only: the server only. The GUI suite runs on
    SQLite, and its server_smoke tests on the server too.
    """
    if "database_target" not in metafunc.fixturenames:
        return
    in_gui = "gui" in metafunc.definition.path.relative_to(Path(__file__).parent).parts[:1]
    if metafunc.definition.get_closest_marker("server_only"):
        backends: tuple[str, ...] = ("postgresql",)
    elif metafunc.definition.get_closest_marker("sqlite_only") or (
            in_gui and not metafunc.definition.get_closest_marker("server_smoke")):
        backends = ("sqlite",)
    else:
        backends = BACKENDS
    metafunc.parametrize("database_target", backends, indirect=True)


@pytest.fixture
def database_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[object]:
    """A fresh portfolio: a SQLite file, then a database on the PostgreSQL server."""
    from qbr_desktop.paths import DatabaseTarget

    if request.param == "sqlite":
        yield DatabaseTarget(path=tmp_path / "portfolio.sqlite")
        return
    server = request.getfixturevalue("postgres")
    url = server.migrated_database()
    yield DatabaseTarget(url=url)
    server.drop(url)


@pytest.fixture
def context(database_target: object) -> Iterator[object]:
    """An AppContext on a fresh, migrated portfolio (each backend in turn)."""
    from qbr_desktop.services.context import AppContext

    ctx = AppContext.open(database_target)  # type: ignore[arg-type]
    yield ctx
    ctx.close()


@pytest.fixture
def colleague_context(context: object) -> Iterator[object]:
    """A second application on the same portfolio, as a colleague's would be."""
    from qbr_desktop.services.context import AppContext

    other = AppContext.open(context.target)  # type: ignore[attr-defined]
    yield other
    other.close()


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The demo portfolios this run has built, once each (tests/demo_support.py)."""
    from demo_support import DemoTemplates

    return DemoTemplates(tmp_path_factory.mktemp("demo-templates"))


@pytest.fixture
def demo_copy(request: pytest.FixtureRequest, database_target: object,
              demo_templates: object) -> Iterator[object]:
    """`demo_copy(accounts=…, seed=…, today=…)`: (AppContext, DemoSummary) on this test's
    own copy of that demo portfolio, built once per run (each backend in turn).

    The copy is the test's `database_target`; `context` would open it before the copy is
    there, so a test takes one or the other.
    """
    from demo_support import DemoKey, fill_with_demo

    from qbr_desktop.services.context import AppContext
    from qbr_desktop.services.demo import DEFAULT_ACCOUNTS, DEFAULT_SEED, DemoSummary

    if "context" in request.fixturenames:
        pytest.fail(f"{request.node.nodeid} asks for both `context` and `demo_copy`: the "
                    "context would be an empty portfolio, not the demo; use the context "
                    "demo_copy returns", pytrace=False)
    opened: list[AppContext] = []

    def copy(*, accounts: int = DEFAULT_ACCOUNTS, seed: int = DEFAULT_SEED,
             today: date) -> tuple[AppContext, DemoSummary]:
        if opened:
            pytest.fail("demo_copy fills the test's one database: one demo per test",
                        pytrace=False)
        summary = fill_with_demo(request, demo_templates,  # type: ignore[arg-type]
                                 database_target,  # type: ignore[arg-type]
                                 DemoKey(accounts, seed, today))
        opened.append(AppContext.open(database_target))  # type: ignore[arg-type]
        return opened[0], summary

    yield copy
    for context in opened:
        context.close()

"""The wheel ships every subpackage, the migrations as files, resources/ and ui/.

pyproject.toml lists packages and package data by hand (resources/ and ui/ live outside
qbr_desktop/), so a new subpackage or resource type is easy to forget. The wheel is built
from a copy of the sources, so setuptools' build/ and egg-info never touch the checkout.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from tests_support import is_translators_source

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "README.md", "qbr_desktop", "resources", "ui")
CACHES = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


def _require_build_tools() -> None:
    """Building without isolation needs pyproject's build requirements in this venv."""
    problems = []
    if importlib.util.find_spec("wheel") is None:
        problems.append("the `wheel` package is not installed")
    setuptools = importlib.metadata.version("setuptools")
    if int(setuptools.split(".")[0]) < 69:
        problems.append(f"setuptools {setuptools} is older than pyproject's >=69")
    if not problems:
        return
    message = "; ".join(problems) + " (pip install 'setuptools>=69' wheel)"
    if os.environ.get("QBR_REQUIRE_ALL_TOOLS") == "1":
        pytest.fail(f"{message}, and QBR_REQUIRE_ALL_TOOLS=1 forbids skipping")
    pytest.skip(message)


def _source_files(folder: Path) -> list[Path]:
    return [path.relative_to(folder) for path in folder.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
            and not is_translators_source(path)]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    _require_build_tools()
    base = tmp_path_factory.mktemp("wheel")
    tree = base / "src"
    tree.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=CACHES)
        else:
            shutil.copy2(source, tree / name)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-cache-dir", "-w", str(base / "out"), str(tree)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (wheel,) = (base / "out").glob("qbr_desktop-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_every_subpackage_and_module_is_in_the_wheel(wheel_names: set[str]) -> None:
    package = ROOT / "qbr_desktop"
    modules = [f"qbr_desktop/{path.as_posix()}" for path in _source_files(package)
               if path.suffix == ".py"]
    packages = [name for name in modules if name.endswith("/__init__.py")]

    assert len(packages) > 5
    assert [name for name in modules if name not in wheel_names] == []


def test_migrations_ship_as_files(wheel_names: set[str]) -> None:
    migrations = ROOT / "qbr_desktop" / "store" / "migrations"
    expected = {"env.py", "script.py.mako", "versions/0001_initial.py"} | {
        path.as_posix() for path in _source_files(migrations)}

    missing = sorted(name for name in expected
                     if f"qbr_desktop/store/migrations/{name}" not in wheel_names)
    assert missing == []


def test_resources_and_forms_ship_inside_the_package(wheel_names: set[str]) -> None:
    resources = [f"qbr_desktop/resources/{path.as_posix()}"
                 for path in _source_files(ROOT / "resources")]
    forms = [f"qbr_desktop/ui/{path.as_posix()}" for path in _source_files(ROOT / "ui")
             if path.suffix in (".ui", ".py")]

    assert "qbr_desktop/resources/__init__.py" in resources
    assert "qbr_desktop/resources/locale/zh_CN/LC_MESSAGES/qbr.mo" in resources
    assert "qbr_desktop/resources/i18n/qbr_zh_CN.qm" in resources
    assert [name for name in resources + forms if name not in wheel_names] == []

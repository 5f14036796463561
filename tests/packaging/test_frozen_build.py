"""The PyInstaller one-folder build: it builds, starts, passes its self-test, stays lean.

The build takes minutes, so it runs once per module, into a temporary folder (never the
developer's dist/ or build/work/). Run with `-s` to see the bundle size and build time.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from qbr_desktop import __version__, selftest
from qbr_desktop.store.migrate import head_revision

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build" / "qbr-desktop.spec"
NAME = "qbr-desktop"
FOREIGN_BINDINGS = ("PyQt5", "PyQt6", "PySide2")
UNWANTED_QT = ("libQt6Quick", "libQt6Qml", "libQt6WebEngine", "libQt6Pdf",
               "Qt6Quick", "Qt6Qml", "Qt6WebEngine", "Qt6Pdf")  # .so on Linux, .dll on Windows
# Not the goal (see the spec), a tripwire: QML or WebEngine creeping back in adds 100+ MB.
SIZE_CEILING_MB = 260


def _require_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    message = "PyInstaller is not installed (pip install -e '.[dist]')"
    if os.environ.get("QBR_REQUIRE_ALL_TOOLS") == "1":
        pytest.fail(f"{message}, and QBR_REQUIRE_ALL_TOOLS=1 forbids skipping")
    print(f"skipping the frozen build: {message}")
    pytest.skip(message)


def _files(folder: Path) -> Iterator[Path]:
    return (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    _require_pyinstaller()
    base = tmp_path_factory.mktemp("frozen")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(base / "dist"),
         "--workpath", str(base / "work"), str(SPEC)],
        cwd=base, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stderr[-5000:]
    folder = base / "dist" / NAME
    size = sum(path.stat().st_size for path in _files(folder)) / 2**20
    print(f"\nfrozen build: {size:.0f} MB in {folder}, built in "
          f"{time.monotonic() - started:.0f} s")
    return folder


def _run(bundle: Path, home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    executable = bundle / (f"{NAME}.exe" if sys.platform == "win32" else NAME)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("QBR_", "XDG_", "MPL", "QT_"))}
    env.update(HOME=str(home), USERPROFILE=str(home), QT_QPA_PLATFORM="offscreen",
               QBR_DATA_DIR=str(home / "data"))
    return subprocess.run([str(executable), *arguments], capture_output=True, text=True,
                          timeout=300, env=env, cwd=home)


def test_version_is_the_package_version(bundle: Path, tmp_path: Path) -> None:
    result = _run(bundle, tmp_path, "--version")

    assert result.returncode == 0, result.stderr
    assert __version__ in result.stdout


def test_self_test_passes_without_writing_into_the_bundle(bundle: Path, tmp_path: Path) -> None:
    before = sorted(_files(bundle))

    result = _run(bundle, tmp_path, "--self-test")

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"ok   database migrated to {head_revision()}"
    assert [line for line in lines if line.startswith("ok   ")] == lines[:-1]
    assert len(lines) == len(selftest.CHECKS) + 1
    assert lines[-1] == "self-test passed"
    assert sorted(_files(bundle)) == before  # no caches or data beside the program


def test_bundle_holds_the_migrations_and_resources_as_files(bundle: Path) -> None:
    internal = bundle / "_internal"
    migrations = internal / "qbr_desktop" / "store" / "migrations"
    for name in ("env.py", "script.py.mako", "versions/0001_initial.py"):
        assert (migrations / name).is_file(), name
    for source in (ROOT / "resources").rglob("*"):
        if source.is_file() and "__pycache__" not in source.parts:
            shipped = internal / "qbr_desktop" / "resources" / source.relative_to(
                ROOT / "resources")
            assert shipped.is_file(), shipped


def test_bundle_has_one_qt_binding_and_no_unused_qt(bundle: Path) -> None:
    names = [path.relative_to(bundle).as_posix() for path in bundle.rglob("*")]

    assert not [n for n in names if any(part in FOREIGN_BINDINGS for part in n.split("/"))]
    assert not [n for n in names if n.rsplit("/", 1)[-1].startswith(UNWANTED_QT)]
    assert not [n for n in names if "/Qt/qml/" in f"/{n}/"]
    platforms = {n.rsplit("/", 1)[-1] for n in names if "/plugins/platforms/" in n}
    assert any("qoffscreen" in name for name in platforms), platforms
    if sys.platform.startswith("linux"):
        assert any("qxcb" in name for name in platforms), platforms


def test_bundle_stays_under_the_size_ceiling(bundle: Path) -> None:
    size = sum(path.stat().st_size for path in _files(bundle)) / 2**20
    print(f"\nbundle size: {size:.0f} MB")
    assert size < SIZE_CEILING_MB

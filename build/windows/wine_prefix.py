"""A Wine prefix that runs the Windows build on Linux, and the way to run programs in it.

Wine (Debian's wine64 8.0) runs the Windows Python, PyInstaller and the built program, but
lacks three things that every Windows 10 or 11 machine has. They are supplied here, in the
prefix only (C:\\windows\\system32 of the prefix), never in the bundle:

1. ICU. Qt6Core.dll imports icuuc.dll, the ICU that Windows 10 (1703 and later) ships in
   System32, with ICU's C functions under their plain names (ucnv_open, ...). Wine has no
   ICU. The prefix gets icuuc77.dll and icudt77.dll, the unmodified ICU 77 DLLs from
   PyPI's pyicu-wheels (pinned in wine-prefix.lock), and an icuuc.dll built here that only
   forwards each plain name to ICU 77's versioned one (ucnv_open -> icuuc77.ucnv_open_77).
2. crealf, cimagf, cimag in the C runtime. Wine 8.0's ucrtbase.dll lists them but stops
   the process when they are called ("unimplemented function ucrtbase.dll.crealf");
   numpy calls them while it is imported. The prefix gets a ucrtbase.dll that forwards
   every function to Wine's own ucrtbase (copied beside it as wineucrt.dll) and
   implements those accessors itself (complex_parts.s: a register move each).
3. propsys.dll's VariantToString, which Python 3.13's _wmi module calls (platform.uname()
   asks WMI for the Windows version; SQLAlchemy calls platform.machine() when imported).
   Loading _wmi.pyd is refused in the prefix (WINEDLLOVERRIDES "_wmi.pyd=d"), and Python's
   platform module falls back, as it is written to, to the `ver` command.

4. Only outline fonts. Wine also lists the Linux host's fonts (through fontconfig), and a
   host may have fonts made of bitmaps alone, such as Noto Color Emoji (CBDT). Windows has
   none: its emoji font, Segoe UI Emoji, has outlines. For such a font Qt's GDI font engine
   reads the name out of GetOutlineTextMetrics without checking that the call succeeded
   (it cannot, for a font without outlines), so drawing an emoji crashes at random on
   whatever memory is there. Wine is given a fontconfig configuration (FONTCONFIG_FILE)
   whose one folder holds links to the host's outline fonts, and nothing else.

A crash never waits for a click: Wine's crash dialog is turned off (WineDbg
ShowCrashDialog=0), so a crashing program ends, and Wine's debugger prints its backtrace.

The prefix's user is "Zoë Ångström": every run has a profile folder with a space and
letters outside ASCII (C:\\users\\Zoë Ångström\\AppData\\Local\\QBR Desktop).

Programs are always run with pipes for their standard streams: under Wine 8.0 a Windows
Python whose stdout is a Linux regular file stops at start ("init_sys_streams: can't
initialize sys standard streams ... Invalid handle").
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path, PureWindowsPath
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
USER = "Zoë Ångström"
ICU_VERSION = "77"
# Implemented in complex_parts.s; every other C runtime function goes to Wine's own.
OWN_CRT_FUNCTIONS = frozenset({"crealf", "cimagf", "cimag", "creall", "cimagl"})
# While the prefix is made: no .NET or Gecko install prompts, no Linux menu entries.
SETUP_OVERRIDES = "mscoree,mshtml=;winemenubuilder.exe=d"
# Then: the forwarding C runtime above (native), and _wmi.pyd refused (see 3. above).
OVERRIDES = f"ucrtbase=n;_wmi.pyd=d;{SETUP_OVERRIDES}"
WINE_NAMES = ("wine64", "/usr/lib/wine/wine64", "wine")
BUILTIN_FOLDERS = ("/usr/lib/x86_64-linux-gnu/wine/x86_64-windows",
                   "/usr/lib/wine/x86_64-windows", "/usr/lib64/wine/x86_64-windows",
                   "/opt/wine-stable/lib64/wine/x86_64-windows")
MINGW_TOOLS = ("x86_64-w64-mingw32-as", "x86_64-w64-mingw32-ld", "x86_64-w64-mingw32-objdump")
FONT_TOOLS = ("fc-list",)
APT_PACKAGES = "wine64 binutils-mingw-w64-x86-64 fontconfig"
#: Beside drive_c: the host's outline fonts (links) and fontconfig's file and cache for Wine.
HOST_FONTS, FONTS_CONF, FONT_CACHE = "host-fonts", "fonts.conf", "fontconfig-cache"


class PrefixError(RuntimeError):
    """The prefix cannot be made or a program in it failed: the message says which."""


def find_wine() -> str | None:
    for name in WINE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing_tools() -> list[str]:
    """What this machine lacks to build or run the Windows program (empty when nothing)."""
    lacking = [] if find_wine() else ["wine64"]
    lacking += [tool for tool in (*MINGW_TOOLS, *FONT_TOOLS) if not shutil.which(tool)]
    return lacking


def windows_path(path: Path) -> str:
    """The path as Windows programs in the prefix see it (Wine maps / to drive Z:)."""
    return "Z:" + str(Path(path).resolve()).replace("/", "\\")


def prefix_path(prefix: Path, path: str) -> Path:
    """A C:\\ path inside the prefix, as a Linux path."""
    windows = PureWindowsPath(path)
    if windows.drive.upper() != "C:":
        raise ValueError(f"{path} is not on drive C:")
    return prefix / "drive_c" / Path(*windows.parts[1:])


def local_app_data(prefix: Path) -> Path:
    """%LOCALAPPDATA% of the prefix's user."""
    return prefix_path(prefix, f"C:\\users\\{USER}\\AppData\\Local")


def environment(prefix: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a program in the prefix: the build's own variables (QBR_*,
    QT_*, PYTHON*) are left out so that the Windows program sees only what it is given."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("QBR_", "QT_", "PYTHON", "WINE", "MPL"))}
    env.update(WINEPREFIX=str(Path(prefix).resolve()), WINEARCH="win64", WINEDEBUG="-all",
               WINEDLLOVERRIDES=OVERRIDES, USER=USER, LOGNAME=USER,
               FONTCONFIG_FILE=str(Path(prefix).resolve() / FONTS_CONF))
    env.update(extra or {})
    return env


def run(prefix: Path, arguments: Sequence[str], *, timeout: float,
        env: Mapping[str, str] | None = None, cwd: Path | None = None,
        nice: bool = True, launcher: Sequence[str] = ()) -> subprocess.CompletedProcess[str]:
    """Run a Windows program in the prefix, output captured (pipes: see the module note).
    `launcher` goes before wine, e.g. xvfb-run and its options for a virtual screen."""
    wine = find_wine()
    if wine is None:
        raise PrefixError(f"wine64 is not installed (apt-get install {APT_PACKAGES})")
    command = [*(["nice", "-n", "10"] if nice else []), *launcher, wine, *arguments]
    try:
        return subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=timeout,
                              env=environment(prefix, env), cwd=cwd)
    except subprocess.TimeoutExpired:
        stop_programs(prefix)  # the Windows program outlives wine's launcher otherwise
        raise


def stop_programs(prefix: Path) -> None:
    """End every program running in the prefix (wineserver -k)."""
    wine = find_wine()
    server = shutil.which("wineserver") or (
        str(Path(wine).resolve().parent / "wineserver") if wine else None)
    if server and Path(server).exists():
        subprocess.run([server, "-k"], env=environment(prefix), capture_output=True,
                       timeout=60, check=False)


def _checked(prefix: Path, arguments: Sequence[str], timeout: float = 300) -> None:
    result = run(prefix, arguments, timeout=timeout,
                 env={"WINEDLLOVERRIDES": SETUP_OVERRIDES})
    if result.returncode != 0:
        raise PrefixError(f"wine {' '.join(arguments)} failed ({result.returncode}): "
                          f"{(result.stderr or result.stdout)[-2000:]}")


def _exports(dll: Path) -> list[str]:
    """The names a DLL exports, read with MinGW's objdump."""
    listing = subprocess.run(["x86_64-w64-mingw32-objdump", "-p", str(dll)], check=True,
                             capture_output=True, text=True).stdout
    table = listing.split("[Ordinal/Name Pointer] Table", 1)[1]
    return re.findall(r"^\t\[\s*\d+\] (\S+)$", table.split("\n\n", 1)[0], re.M)


def _link_dll(work: Path, name: str, exports: Sequence[str], code: Path | None) -> Path:
    """A DLL named `name` with these .def export lines, linked with MinGW's ld."""
    work.mkdir(parents=True, exist_ok=True)
    definition = work / f"{name}.def"
    definition.write_text(f'LIBRARY "{name}.dll"\nEXPORTS\n'
                          + "".join(f"  {line}\n" for line in exports), encoding="ascii")
    source = code or work / "empty.s"
    if code is None:
        source.write_text("\t.text\n", encoding="ascii")
    objects = work / f"{name}.o"
    subprocess.run(["x86_64-w64-mingw32-as", "-o", str(objects), str(source)], check=True)
    dll = work / f"{name}.dll"
    subprocess.run(["x86_64-w64-mingw32-ld", "-shared", "--entry=0", "-o", str(dll),
                    str(objects), str(definition)], check=True)
    return dll


def builtin_ucrtbase() -> Path:
    for folder in BUILTIN_FOLDERS:
        candidate = Path(folder) / "ucrtbase.dll"
        if candidate.is_file():
            return candidate
    raise PrefixError(f"Wine's ucrtbase.dll is in none of {', '.join(BUILTIN_FOLDERS)}")


def install_c_runtime_accessors(system32: Path, work: Path) -> None:
    """ucrtbase.dll forwarding to Wine's own (as wineucrt.dll) plus complex_parts.s."""
    wine_crt = builtin_ucrtbase()
    names = _exports(wine_crt)
    lines = [name if name in OWN_CRT_FUNCTIONS else f"{name} = wineucrt.{name}"
             for name in names]
    dll = _link_dll(work, "ucrtbase", lines, HERE / "complex_parts.s")
    shutil.copyfile(wine_crt, system32 / "wineucrt.dll")
    shutil.copyfile(dll, system32 / "ucrtbase.dll")


def install_icu(system32: Path, work: Path, icu_wheel: Path) -> list[str]:
    """ICU 77 from the wheel, and icuuc.dll forwarding plain names to it. Returns the
    files placed in system32."""
    wanted = {f"icuuc{ICU_VERSION}.dll", f"icudt{ICU_VERSION}.dll"}
    with zipfile.ZipFile(icu_wheel) as wheel:
        members = [m for m in wheel.namelist() if m.rsplit("/", 1)[-1] in wanted]
        if len(members) != len(wanted):
            raise PrefixError(f"{icu_wheel.name} lacks {', '.join(sorted(wanted))}")
        for member in members:
            (system32 / member.rsplit("/", 1)[-1]).write_bytes(wheel.read(member))
    suffix = f"_{ICU_VERSION}"
    lines = [f"{name.removesuffix(suffix)} = icuuc{ICU_VERSION}.{name}"
             for name in _exports(system32 / f"icuuc{ICU_VERSION}.dll")
             if name.endswith(suffix)]
    shutil.copyfile(_link_dll(work, "icuuc", lines, None), system32 / "icuuc.dll")
    return sorted(wanted | {"icuuc.dll"})


def host_outline_fonts() -> list[Path]:
    """The host's font files that fontconfig says have outlines (see 4. in the note)."""
    listing = subprocess.run(["fc-list", ":outline=true", "file"], check=True,
                             capture_output=True, text=True,
                             env={k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"})
    return sorted({Path(line.strip().removesuffix(":")) for line in listing.stdout.splitlines()
                   if line.strip()})


def fonts_configuration(folder: Path, cache: Path) -> str:
    """fontconfig's file for Wine: `folder` is its only font folder."""
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
            f"<fontconfig>\n  <dir>{escape(str(folder))}</dir>\n"
            f"  <cachedir>{escape(str(cache))}</cachedir>\n</fontconfig>\n")


def install_host_fonts(prefix: Path) -> int:
    """Wine's view of the host's fonts: its outline fonts only. Returns how many."""
    folder = prefix / HOST_FONTS
    folder.mkdir(parents=True)
    fonts = host_outline_fonts()
    for index, font in enumerate(fonts):  # numbered: two folders may hold one file name
        (folder / f"{index:04d}-{font.name}").symlink_to(font)
    (prefix / FONTS_CONF).write_text(fonts_configuration(folder, prefix / FONT_CACHE),
                                     encoding="utf-8")
    # fontconfig's cache for the folder, made now: Wine reads it and does not make it.
    subprocess.run(["fc-list"], check=True, capture_output=True,
                   env={**os.environ, "FONTCONFIG_FILE": str(prefix / FONTS_CONF)})
    return len(fonts)


def create_prefix(prefix: Path, work: Path, icu_wheel: Path) -> None:
    """A new prefix at `prefix` (an old one is removed) set up as the module note says."""
    if missing := missing_tools():
        raise PrefixError(f"missing {', '.join(missing)} (apt-get install {APT_PACKAGES})")
    if prefix.exists():
        shutil.rmtree(prefix)
    prefix.mkdir(parents=True)
    install_host_fonts(prefix)  # before Wine first starts: it keeps a list of the fonts
    _checked(prefix, ["wineboot", "--init"])
    # A crash ends the program (with a backtrace) instead of waiting on a dialog.
    _checked(prefix, ["reg", "add", "HKCU\\Software\\Wine\\WineDbg", "/v", "ShowCrashDialog",
                      "/t", "REG_DWORD", "/d", "0", "/f"])
    # Qt 6 supports Windows 10 and later; Wine 8.0 may present itself as Windows 7.
    _checked(prefix, ["reg", "add", "HKCU\\Software\\Wine", "/v", "Version", "/d", "win10",
                      "/f"])
    system32 = prefix / "drive_c" / "windows" / "system32"
    install_icu(system32, work, icu_wheel)
    install_c_runtime_accessors(system32, work)
    if not local_app_data(prefix).is_dir():
        raise PrefixError(f"the prefix has no profile folder for {USER}")


def forget_settings(prefix: Path, organization: str) -> None:
    """Remove the program's settings (Windows keeps QSettings in the registry)."""
    run(prefix, ["reg", "delete", f"HKCU\\Software\\{organization}", "/f"], timeout=120)

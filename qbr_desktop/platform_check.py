"""Say exactly which system libraries Qt's X11 plugin lacks, instead of Qt's abort.

Run as ``python -m qbr_desktop.platform_check`` (``make run`` does) or called by the
GUI entry point before a QApplication exists.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

# (library name as ctypes.util.find_library takes it, Debian/Ubuntu package)
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("xcb-cursor", "libxcb-cursor0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-xkb", "libxcb-xkb1"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
    ("xcb-shape", "libxcb-shape0"),
    ("xcb-randr", "libxcb-randr0"),
    ("xcb-xinerama", "libxcb-xinerama0"),
    ("EGL", "libegl1"),
    ("fontconfig", "libfontconfig1"),
    # The standalone build takes the D-Bus client from the system, as every desktop has it.
    ("dbus-1", "libdbus-1-3"),
)
# The file each package installs, as Qt's xcb plugin loads it.
SONAMES = {
    "xcb-cursor": "libxcb-cursor.so.0", "xcb-icccm": "libxcb-icccm.so.4",
    "xcb-keysyms": "libxcb-keysyms.so.1", "xcb-image": "libxcb-image.so.0",
    "xcb-render-util": "libxcb-render-util.so.0", "xcb-xkb": "libxcb-xkb.so.1",
    "xkbcommon-x11": "libxkbcommon-x11.so.0", "xcb-shape": "libxcb-shape.so.0",
    "xcb-randr": "libxcb-randr.so.0", "xcb-xinerama": "libxcb-xinerama.so.0",
    "EGL": "libEGL.so.1", "fontconfig": "libfontconfig.so.1", "dbus-1": "libdbus-1.so.3",
}


def find_system_library(name: str) -> str | None:
    """The library's path or soname when the system has it, else None.

    Loading the soname is what Qt does next anyway and takes microseconds;
    ctypes.util.find_library runs `ldconfig -p` each time, so it is only the fallback
    for a library installed under an unusual name.
    """
    import ctypes

    soname = SONAMES.get(name)
    if soname is not None:
        try:
            ctypes.CDLL(soname)
            return soname
        except OSError:
            pass
    import ctypes.util

    return ctypes.util.find_library(name)


def uses_x11(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    if not platform.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "")
    if requested:
        return requested.split(":")[0] == "xcb"
    # Qt prefers Wayland when a Wayland session is running, else X11.
    return not environ.get("WAYLAND_DISPLAY")


def missing_packages(find_library: Callable[[str], str | None] = find_system_library,
                     ) -> list[str]:
    return [package for library, package in XCB_LIBRARIES if not find_library(library)]


def platform_problem(environ: Mapping[str, str] | None = None,
                     find_library: Callable[[str], str | None] = find_system_library,
                     platform: str = sys.platform) -> str | None:
    """A message naming what is missing for a window to open, or None when all is there."""
    environ = os.environ if environ is None else environ
    if not uses_x11(environ, platform):
        return None
    if not environ.get("DISPLAY"):
        return ("No display found (DISPLAY is not set). Run QBR Desktop from a desktop "
                "session, or use `xvfb-run make run` on a machine without a screen.")
    missing = missing_packages(find_library)
    if not missing:
        return None
    return ("Qt's X11 support needs system libraries that are not installed: "
            f"{', '.join(missing)}.\nInstall them with:\n"
            f"  sudo apt-get install {' '.join(missing)}")


def main() -> int:
    problem = platform_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

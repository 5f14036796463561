"""Say exactly which system libraries Qt's X11 plugin lacks, instead of Qt's abort.

Run as ``python -m qbr_desktop.platform_check`` (``make run`` does) or called by the
GUI entry point before a QApplication exists.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

# (shared library name for ctypes.util.find_library, Debian/Ubuntu package)
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
)


def uses_x11(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    if not platform.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "")
    if requested:
        return requested.split(":")[0] == "xcb"
    # Qt prefers Wayland when a Wayland session is running, else X11.
    return not environ.get("WAYLAND_DISPLAY")


def missing_packages(find_library: Callable[[str], str | None] = ctypes.util.find_library,
                     ) -> list[str]:
    return [package for library, package in XCB_LIBRARIES if not find_library(library)]


def platform_problem(environ: Mapping[str, str] | None = None,
                     find_library: Callable[[str], str | None] = ctypes.util.find_library,
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

"""The X11 pre-flight check names missing packages instead of letting Qt abort."""

from __future__ import annotations

from qbr_desktop.platform_check import platform_problem


def test_names_each_missing_package_and_the_install_command() -> None:
    present = {"xcb-icccm", "xcb-keysyms", "xcb-image", "xcb-render-util", "xcb-xkb",
               "xkbcommon-x11", "xcb-shape", "xcb-randr", "xcb-xinerama", "EGL", "fontconfig",
               "dbus-1"}
    message = platform_problem({"DISPLAY": ":0"}, lambda name: name if name in present else None,
                               "linux")
    assert message is not None
    assert "libxcb-cursor0" in message
    assert "sudo apt-get install libxcb-cursor0" in message
    assert "libxcb-icccm4" not in message


def test_nothing_to_say_when_all_is_there_or_not_x11() -> None:
    def found(name: str) -> str:
        return name

    assert platform_problem({"DISPLAY": ":0"}, found, "linux") is None
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}, lambda _n: None, "linux") is None
    assert platform_problem({"WAYLAND_DISPLAY": "wayland-0"}, lambda _n: None, "linux") is None
    assert platform_problem({}, lambda _n: None, "win32") is None


def test_no_display_is_explained() -> None:
    message = platform_problem({}, lambda name: name, "linux")
    assert message is not None and "xvfb-run" in message


def test_the_libraries_of_this_machine_are_found_by_their_sonames() -> None:
    from qbr_desktop.platform_check import XCB_LIBRARIES, find_system_library

    # CI installs every package; each must be found without the ldconfig fallback.
    assert [name for name, _package in XCB_LIBRARIES if find_system_library(name) is None] == []
    assert find_system_library("no-such-library-anywhere") is None

"""The CLI's language, chosen the way the window chooses its own: the language saved in the
window's settings (Settings › Language), where that can be read without Qt; otherwise the
QBR_LANGUAGE variable, then the locale variables (LC_ALL, LC_MESSAGES, LANG).

Qt keeps the window's settings in an INI file on Linux and the BSDs
($XDG_CONFIG_HOME/QBR Desktop/QBR Desktop.conf, key `language` under `[interface]`), which
the standard library reads; on Windows (the registry) and macOS (a plist) the CLI follows
the variables only, as reading those would mean loading Qt for every command.
"""

from __future__ import annotations

import configparser
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from qbr_desktop import APP_NAME, ORGANIZATION
from qbr_desktop.i18n import set_interface_language

LANGUAGE_VARIABLE = "QBR_LANGUAGE"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # the POSIX order of precedence


def settings_file(environment: Mapping[str, str]) -> Path | None:
    """Where Qt keeps the window's settings as INI, or None where it does not."""
    if sys.platform in ("win32", "darwin"):
        return None
    config = environment.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / ORGANIZATION / f"{APP_NAME}.conf"


def saved_language(environment: Mapping[str, str]) -> str:
    """The window's saved language ("" when it follows the system or nothing is saved)."""
    file = settings_file(environment)
    if file is None or not file.is_file():
        return ""
    parser = configparser.RawConfigParser(interpolation=None)
    try:
        parser.read(file, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return ""  # an unreadable settings file leaves the choice to the variables
    return parser.get("interface", "language", fallback="").strip().strip('"')


def requested_language(environment: Mapping[str, str] | None = None) -> str:
    environment = os.environ if environment is None else environment
    if saved := saved_language(environment):
        return saved
    for name in (LANGUAGE_VARIABLE, *LOCALE_VARIABLES):
        if value := environment.get(name, "").strip():
            return value
    return ""


def choose_cli_language(environment: Mapping[str, str] | None = None) -> str:
    """Set the process's interface language for the CLI; returns the one in use."""
    return set_interface_language(requested_language(environment))

"""Helpers shared by test modules (importable because tests/ is on sys.path)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import NoReturn

import pytest


def require_tool(name: str) -> str:
    """The tool's path; skips (or fails in CI, where nothing may skip) when it is missing."""
    path = shutil.which(name)
    if path:
        return path
    missing(f"{name} is not installed")


def require_perl_modules(*modules: str, debian_package: str) -> str:
    """Perl's path once it loads every module; skips (or fails in CI) otherwise."""
    perl = require_tool("perl")
    loaded = subprocess.run([perl, *(f"-M{module}" for module in modules), "-e", "1"],
                            capture_output=True, text=True, check=False)
    if loaded.returncode == 0:
        return perl
    missing(f"Perl's {', '.join(modules)} is not installed (Debian package "
            f"{debian_package})")


def missing(message: str) -> NoReturn:
    """Skip for what this machine lacks; fail in CI, where nothing may skip."""
    if os.environ.get("QBR_REQUIRE_ALL_TOOLS") == "1":
        pytest.fail(f"{message}, and QBR_REQUIRE_ALL_TOOLS=1 forbids skipping")
    pytest.skip(message)


def is_translators_source(path: Path) -> bool:
    """Catalogue sources and the glossary: neither the wheel nor the frozen build ships them,
    the program loads only the compiled .qm and .mo."""
    return path.suffix in (".ts", ".po", ".pot") or path.name == "GLOSSARY.md"

"""Helpers shared by test modules (importable because tests/ is on sys.path)."""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest


def require_tool(name: str) -> str:
    """The tool's path; skips (or fails in CI, where nothing may skip) when it is missing."""
    path = shutil.which(name)
    if path:
        return path
    missing(f"{name} is not installed")


def missing(message: str) -> NoReturn:
    """Skip for what this machine lacks; fail in CI, where nothing may skip."""
    if os.environ.get("QBR_REQUIRE_ALL_TOOLS") == "1":
        pytest.fail(f"{message}, and QBR_REQUIRE_ALL_TOOLS=1 forbids skipping")
    pytest.skip(message)

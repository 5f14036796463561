"""One way to find bundled files, the same from a checkout, a wheel and the frozen build.

The files live beside the packages qbr_desktop.resources and qbr_desktop.ui, which are
always plain folders (the wheel installs unzipped; PyInstaller collects them as data
beside the package), so the package's own location is enough. importlib.resources
would find the same folders, but it costs 5 ms of imports before the first paint.
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path


@cache
def _package_folder(package: str) -> Path:
    location = importlib.import_module(package).__file__
    assert location is not None, f"{package} is not a regular package"
    return Path(location).parent


def resource(*parts: str) -> Path:
    """A file under resources/ (shipped as the package qbr_desktop.resources)."""
    return _package_folder("qbr_desktop.resources").joinpath(*parts)


def ui_form(name: str) -> Path:
    """A Qt Designer form under ui/ (shipped as the package qbr_desktop.ui)."""
    return _package_folder("qbr_desktop.ui").joinpath(name)


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")

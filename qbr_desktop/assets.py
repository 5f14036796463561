"""One way to find bundled files, the same from a checkout, a wheel and the frozen build."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file under resources/ (shipped as the package qbr_desktop.resources)."""
    return resources.files("qbr_desktop.resources").joinpath(*parts)


def ui_form(name: str) -> Traversable:
    """A Qt Designer form under ui/ (shipped as the package qbr_desktop.ui)."""
    return resources.files("qbr_desktop.ui").joinpath(name)


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")

"""Compiled Designer forms stay in step with their ui/*.ui sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMS = {
    "account_form.ui": ROOT / "qbr_desktop" / "gui" / "accounts" / "ui_account_form.py",
}


def _code_lines(text: str) -> list[str]:
    # The header names the uic version; only the generated code has to agree.
    return [line for line in text.splitlines() if not line.startswith("#")]


@pytest.mark.parametrize("form", sorted(FORMS))
def test_compiled_form_matches_its_source(form: str, tmp_path: Path) -> None:
    uic = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent))
    assert uic, "pyside6-uic comes with PySide6-Essentials"
    output = tmp_path / "generated.py"
    subprocess.run([uic, str(ROOT / "ui" / form), "-o", str(output)], check=True, timeout=60)
    assert _code_lines(output.read_text(encoding="utf-8")) == _code_lines(
        FORMS[form].read_text(encoding="utf-8")
    ), f"run: pyside6-uic ui/{form} -o {FORMS[form].relative_to(ROOT)}"


def test_every_form_is_listed() -> None:
    assert sorted(p.name for p in (ROOT / "ui").glob("*.ui")) == sorted(FORMS)

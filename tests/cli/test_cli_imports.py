"""What `qbr` loads: parsing its arguments loads no service, database layer or export
library, so `qbr --version`, `--help` and every command's usage errors answer at once, and
`qbr accounts list` reads a file that needs no work without SQLAlchemy."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from qbr_desktop.cli import TIER_MODELS
from qbr_desktop.cli.deck import DECK_VARIANTS
from qbr_desktop.cli.imports import IMPORT_KINDS
from qbr_desktop.domain.deck import DeckVariant
from qbr_desktop.domain.tiers import TierModel
from qbr_desktop.imports.fields import ImportKind

HEAVY = ("sqlalchemy", "alembic", "PySide6", "matplotlib", "pptx", "reportlab", "openpyxl",
         "qbr_desktop.services.context", "qbr_desktop.store.database")


def loaded_after(code: str) -> list[str]:
    """The heavy modules a fresh interpreter has loaded after running `code`."""
    script = textwrap.dedent(code) + textwrap.dedent(f"""
        import sys
        print("loaded:" + ",".join(m for m in {HEAVY!r} if m in sys.modules))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, env=dict(os.environ))
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = result.stdout.rsplit("loaded:", 1)[1].strip()
    return [name for name in loaded.split(",") if name]


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["export", "deck", "--help"],
                                  ["accounts", "frobnicate"]])
def test_parsing_the_arguments_loads_nothing_heavy(argv: list[str]) -> None:
    assert loaded_after(f"""
        from qbr_desktop.cli import main
        main({argv!r})
    """) == []


@pytest.mark.parametrize("argv", [["--help"], ["import", "--help"], ["accounts", "list", "-x"]])
def test_help_in_chinese_loads_nothing_heavy_either(argv: list[str], monkeypatch: Any) -> None:
    monkeypatch.setenv("QBR_LANGUAGE", "zh_CN")
    assert loaded_after(f"""
        import sys
        from qbr_desktop.cli import main
        main({argv!r})
        assert not [m for m in sys.modules if m.startswith("qbr_desktop.services")]
    """) == []


def test_listing_a_file_that_needs_no_work_loads_no_database_layer(tmp_path: Path) -> None:
    from qbr_desktop.cli import main

    database = tmp_path / "portfolio.sqlite"
    assert main(["--db", str(database), "accounts", "add", "Acme"]) == 0
    assert main(["--db", str(database), "accounts", "list"]) == 0  # takes today's backup
    assert loaded_after(f"""
        from qbr_desktop.cli import main
        assert main(["--db", {str(database)!r}, "accounts", "list", "--json"]) == 0
    """) == []


def test_the_choices_written_out_for_parsing_are_the_domain_s() -> None:
    assert tuple(model.value for model in TierModel) == TIER_MODELS
    assert tuple(variant.value for variant in DeckVariant) == DECK_VARIANTS
    assert tuple(kind.value for kind in ImportKind) == IMPORT_KINDS

"""Running `qbr` in-process: exit code, stdout and stderr of one command."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from qbr_desktop.cli import main


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


Runner = Callable[..., Outcome]


@pytest.fixture
def qbr(capsys: pytest.CaptureFixture[str]) -> Runner:
    """Call `qbr` with these arguments; argparse's own output (usage, --version) is included."""

    def run(*argv: str | Path) -> Outcome:
        capsys.readouterr()
        out, err = io.StringIO(), io.StringIO()
        code = main([str(arg) for arg in argv], out=out, err=err)
        captured = capsys.readouterr()
        return Outcome(code, out.getvalue() + captured.out, err.getvalue() + captured.err)

    return run


@pytest.fixture
def demo_db(tmp_path: Path, qbr: Runner) -> Path:
    """A 30-account demo portfolio (seed 3) in its own file."""
    path = tmp_path / "demo" / "portfolio.sqlite"
    result = qbr("demo", "--db", path, "--accounts", "30", "--seed", "3")
    assert result.code == 0, result.err
    return path

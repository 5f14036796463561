"""The committed sample files are exactly what make_samples.py writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "imports"


@pytest.mark.parametrize(("script", "folder", "at_least"), [
    ("make_samples.py", SAMPLES, 14), ("make_usage_samples.py", SAMPLES / "qbr_prep", 4)])
def test_samples_are_reproducible(tmp_path: Path, script: str, folder: Path,
                                  at_least: int) -> None:
    spec = importlib.util.spec_from_file_location(script[:-3], SAMPLES / script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.write_samples(tmp_path)
    assert len(written) >= at_least
    for path in written:
        committed = folder / path.name
        assert committed.read_bytes() == path.read_bytes(), (
            f"{path.name} differs: run tests/data/imports/{script}")

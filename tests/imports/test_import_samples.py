"""The committed sample files are exactly what make_samples.py writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "imports"


def test_samples_are_reproducible(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.write_samples(tmp_path)
    assert len(written) >= 14
    for path in written:
        committed = SAMPLES / path.name
        assert committed.read_bytes() == path.read_bytes(), (
            f"{path.name} differs: run tests/data/imports/make_samples.py")

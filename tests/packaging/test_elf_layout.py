"""build/elf_layout.py: the compacted libraries are smaller and still load and compute.

They are the wheels' own libraries, as the frozen build ships them (Linux only).
"""

from __future__ import annotations

import ctypes
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="ELF shared libraries: Linux only")


def _compact_elf():  # noqa: ANN202  (a module beside the spec, not a package)
    sys.path.insert(0, str(ROOT / "build"))
    try:
        import elf_layout
    finally:
        sys.path.remove(str(ROOT / "build"))
    return elf_layout.compact_elf


def _wheel_libraries(package: str, folder: str, prefix: str) -> Path:
    module = __import__(package)
    libs = Path(module.__file__).resolve().parents[1] / folder
    found = sorted(libs.glob(f"{prefix}*"))
    if not found:
        pytest.skip(f"no {prefix} in {libs}")
    return found[0]


def _compacted_copy(library: Path, folder: Path) -> tuple[int, Path]:
    """The wheel's .libs folder copied, with `library` compacted in it."""
    copy = folder / library.parent.name
    shutil.copytree(library.parent, copy)
    compact = _compact_elf()(library.read_bytes())
    assert compact is not None
    (copy / library.name).write_bytes(compact)
    return len(compact), copy / library.name


def test_pillows_libxau_loses_patchelfs_gap_and_still_loads(tmp_path: Path) -> None:
    library = _wheel_libraries("PIL", "pillow.libs", "libXau")
    size, compact = _compacted_copy(library, tmp_path)

    assert size < library.stat().st_size / 10  # 2 MB of gap, 20 KB of library
    loaded = ctypes.CDLL(str(compact))
    assert loaded.XauFileName  # a symbol resolves through the moved dynamic tables


def test_openblas_without_its_stale_tables_still_computes(tmp_path: Path) -> None:
    library = _wheel_libraries("numpy", "numpy.libs", "libscipy_openblas")
    size, compact = _compacted_copy(library, tmp_path)

    assert size < library.stat().st_size - 2**20
    openblas = ctypes.CDLL(str(compact))  # with libgfortran beside it, by its run path
    ddot = openblas.scipy_cblas_ddot64_
    ddot.restype = ctypes.c_double
    ddot.argtypes = [ctypes.c_int64, ctypes.POINTER(ctypes.c_double), ctypes.c_int64,
                     ctypes.POINTER(ctypes.c_double), ctypes.c_int64]
    vector = (ctypes.c_double * 3)(1.0, 2.0, 3.0)
    assert ddot(3, vector, 1, vector, 1) == 14.0


def test_a_file_that_is_not_elf_is_left_alone() -> None:
    assert _compact_elf()(b"MZ\x90\x00 a Windows DLL") is None

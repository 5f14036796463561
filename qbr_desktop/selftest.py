"""`qbr-desktop --self-test`: prove that an installed or frozen build has all its parts.

Each check exercises one dependency the way the program uses it (migrations read from disk,
native PPTX charts, reportlab markup, matplotlib's Agg backend, bundled resources, Qt's
platform plugins) and prints one line. Heavy libraries are imported inside the checks, so
importing this module costs nothing.
"""

from __future__ import annotations

import io
import sys
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from qbr_desktop.atomic_files import replacing

SELF_TEST_NAME = "Self-test 株式会社 <R&D>"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
RESOURCE_MARKERS = ("style.qss", "__init__.py")  # the first one found proves the folder
NATIVE_PLATFORM = {"linux": "xcb", "win32": "windows", "darwin": "cocoa"}
# Running __main__ starts the program; Alembic runs migration scripts itself.
NOT_IMPORTED = ("qbr_desktop.__main__", "qbr_desktop.store.migrations")

Check = Callable[[Path], str]


def _write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Let `write` fill a temp file beside `target`, then move it into place."""
    with replacing(target) as partial:
        write(partial)
    return target


def check_database(work: Path) -> str:
    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.services.accounts import AccountService
    from qbr_desktop.store.database import open_sqlite_store
    from qbr_desktop.store.migrate import current_revision

    with tempfile.TemporaryDirectory(prefix="db-", dir=work) as folder:
        store = open_sqlite_store(Path(folder) / "self-test.sqlite")
        try:
            revision = current_revision(store.engine)
            service = AccountService(store.sessions)
            created = service.create(AccountDraft(name=SELF_TEST_NAME, arr=Decimal("1000")))
            loaded = service.get(created.id)
        finally:
            store.close()
    if (loaded.draft.name, loaded.draft.arr) != (SELF_TEST_NAME, Decimal("1000")):
        raise AssertionError(f"read back {loaded.draft.name!r} / {loaded.draft.arr}")
    return f"database migrated to {revision}"


def check_pptx(work: Path) -> str:
    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = SELF_TEST_NAME
    data = CategoryChartData()
    data.categories = ["Q1", "Q2", "Q3"]
    data.add_series("ARR", (1.0, 2.0, 3.0))
    slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(6),
                           Inches(4), data)
    path = _write_atomically(work / "self-test.pptx", lambda part: deck.save(str(part)))

    shapes = Presentation(str(path)).slides[0].shapes
    charts = [shape.chart for shape in shapes if shape.has_chart]
    if len(charts) != 1 or list(charts[0].plots[0].categories) != ["Q1", "Q2", "Q3"]:
        raise AssertionError("the chart did not survive a save and reload")
    if shapes.title.text != SELF_TEST_NAME:
        raise AssertionError(f"title read back as {shapes.title.text!r}")
    return "pptx with a native chart written and read back"


def check_pdf(work: Path) -> str:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [Paragraph(escape(SELF_TEST_NAME), styles["Title"]),
             Paragraph(escape("A<B & <img src='x'/>"), styles["Normal"])]

    def write(part: Path) -> None:
        SimpleDocTemplate(str(part), pagesize=A4, title="QBR Desktop self-test").build(story)

    content = _write_atomically(work / "self-test.pdf", write).read_bytes()
    if not content.startswith(b"%PDF") or b"%%EOF" not in content[-64:]:
        raise AssertionError("the file is not a complete PDF")
    return f"pdf written ({len(content)} bytes)"


def check_chart_png(work: Path) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(3, 2), dpi=80)
    try:
        axes.bar(["Q1", "Q2", "Q3"], [1, 2, 3])
        path = _write_atomically(work / "self-test.png",
                                 lambda part: figure.savefig(part, format="png"))
        svg = io.BytesIO()
        figure.savefig(svg, format="svg")
    finally:
        plt.close(figure)
    if path.read_bytes()[:8] != PNG_SIGNATURE:
        raise AssertionError("the file is not a PNG")
    if b"<svg" not in svg.getvalue()[:1000]:
        raise AssertionError("the SVG backend wrote no SVG")
    return (f"matplotlib {matplotlib.__version__} rendered PNG and SVG "
            f"with {matplotlib.get_backend()}")


def check_resources(_work: Path) -> str:
    from importlib.resources import files

    folder = files("qbr_desktop.resources")
    found = next((name for name in RESOURCE_MARKERS if folder.joinpath(name).is_file()), None)
    if found is None:
        raise AssertionError(f"{folder} holds none of {', '.join(RESOURCE_MARKERS)}")
    from qbr_desktop.services.playbook_library import load_built_in

    playbooks = load_built_in()  # raises, naming file and line, if one is broken
    return f"resources found ({found}); playbooks: {', '.join(p.name for p in playbooks)}"


def check_qt(_work: Path) -> str:
    from PySide6 import QtSvg, QtWidgets  # noqa: F401  (both must be importable)
    from PySide6.QtCore import QLibraryInfo, qVersion

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    present = [p.name for p in plugins.iterdir()] if plugins.is_dir() else []
    wanted = ["offscreen", NATIVE_PLATFORM.get(sys.platform, "offscreen")]
    missing = [name for name in wanted if not any(f"q{name}." in f for f in present)]
    if missing:
        raise AssertionError(f"no Qt platform plugin for {', '.join(missing)} in {plugins}")
    return f"Qt {qVersion()} with platform plugins {' and '.join(wanted)}"


def check_modules(_work: Path) -> str:
    """Every module imports: a frozen build lacking a hidden import fails here, not later."""
    import importlib
    import pkgutil

    import qbr_desktop

    names = [info.name for info in pkgutil.walk_packages(qbr_desktop.__path__, "qbr_desktop.")
             if not info.name.startswith(NOT_IMPORTED)]
    for name in names:
        importlib.import_module(name)
    if len(names) < 10:
        raise AssertionError(f"found only {len(names)} modules of qbr_desktop")
    return f"{len(names)} qbr_desktop modules import"


def check_server_driver(_work: Path) -> str:
    """The team server's driver loads, with its C implementation and a TLS-capable libpq.

    No server is needed: libpq refuses sslmode=require before connecting when it was built
    without TLS, so a refused connection to a closed local port proves TLS is there.
    """
    from qbr_desktop.store.server import load_driver

    load_driver()
    import psycopg

    try:
        psycopg.connect("host=127.0.0.1 port=1 dbname=x user=x sslmode=require "
                        "connect_timeout=3").close()
    except psycopg.OperationalError as exc:
        if "not compiled in" in str(exc):
            raise AssertionError(f"libpq cannot use TLS: {exc}") from exc
    if psycopg.pq.__impl__ == "python":
        raise AssertionError("psycopg found no libpq of its own (psycopg_binary missing)")
    return (f"PostgreSQL driver psycopg {psycopg.__version__} ({psycopg.pq.__impl__}, "
            f"libpq {psycopg.pq.version()}) with TLS")


CHECKS: tuple[Check, ...] = (check_database, check_pptx, check_pdf, check_chart_png,
                             check_resources, check_qt, check_modules, check_server_driver)


def run_self_test(out_dir: Path | None = None) -> int:
    """Run every check, print one line each; 0 when all pass, 1 otherwise.

    Files are written to `out_dir` (kept for inspection) or to a temporary folder.
    """
    with tempfile.TemporaryDirectory(prefix="qbr-self-test-") as scratch:
        work = Path(scratch) if out_dir is None else out_dir
        work.mkdir(parents=True, exist_ok=True)
        failures: list[str] = []
        for check in CHECKS:
            label = check.__name__.removeprefix("check_")
            try:
                print(f"ok   {check(work)}", flush=True)
            except Exception as exc:  # noqa: BLE001  (a self-test reports every failure)
                detail = [line.strip() for line in str(exc).splitlines() if line.strip()]
                failures.append(f"{label}: {type(exc).__name__}: {detail[0] if detail else ''}")
                print(f"FAIL {label}: {type(exc).__name__}: {exc}", flush=True)
    if failures:
        print(f"self-test FAILED: {failures[0]}", flush=True)
        return 1
    print("self-test passed", flush=True)
    return 0

"""Start-up: which portfolio opens, one window per file, damaged files, light imports."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from opening_support import wait_for_open

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.gui.application import PortfolioWindows, startup_target
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext


class Dialogs:
    """Stands in for the message boxes; records what the CSM would have read."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.told: list[str] = []
        self.asked: list[str] = []

    def ask(self, _parent, _title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer

    def tell(self, _parent, _title: str, text: str) -> None:
        self.told.append(text)


def opened(app_windows: PortfolioWindows, target: DatabaseTarget, **options) -> bool:
    """Open `target` and wait for the background open to end: whether it is on screen."""
    return wait_for_open(app_windows, lambda: app_windows.open(target, **options))


@pytest.fixture
def windows(qtbot, qsettings):
    opened: list[PortfolioWindows] = []

    def make(dialogs: Dialogs) -> PortfolioWindows:
        instance = PortfolioWindows(dialogs.ask, dialogs.tell, settings=qsettings)
        opened.append(instance)
        return instance

    yield make
    for instance in opened:
        if instance.window is not None:
            instance.window.close()
        instance.close()


def test_first_launch_opens_the_demo_and_marks_it(windows, isolated_data_folder: Path) -> None:
    target = startup_target(None)
    assert target.path == isolated_data_folder / "demo.sqlite"
    app_windows = windows(Dialogs())
    assert opened(app_windows, target, demo_if_empty=True)
    assert "DEMO" in app_windows.window.windowTitle()
    assert app_windows.window.list_panel.model.rowCount() >= 10


def test_an_existing_portfolio_opens_instead_of_the_demo(isolated_data_folder: Path) -> None:
    own = isolated_data_folder / "qbr.sqlite"
    AppContext.open(DatabaseTarget(path=own)).close()
    assert startup_target(None).path == own
    assert startup_target("/tmp/elsewhere.sqlite").path == Path("/tmp/elsewhere.sqlite")


def test_a_second_window_on_the_same_file_is_refused_politely(windows, tmp_path: Path) -> None:
    target = DatabaseTarget(path=tmp_path / "shared.sqlite")
    first, second_dialogs = windows(Dialogs()), Dialogs()
    assert opened(first, target)
    second = windows(second_dialogs)
    assert not opened(second, target)
    assert "already open" in second_dialogs.told[0]
    assert str(os.getpid()) in second_dialogs.told[0]


def test_a_damaged_file_offers_the_newest_backup_and_keeps_the_bad_file(
        windows, tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    context = AppContext.open(DatabaseTarget(path=path))
    context.accounts.create(AccountDraft("Kept Account"))
    context.close()
    AppContext.open(DatabaseTarget(path=path)).close()  # start-up backup with the account
    path.write_bytes(os.urandom(8192))
    dialogs = Dialogs(answer=True)
    app_windows = windows(dialogs)
    assert opened(app_windows, DatabaseTarget(path=path))
    assert "damaged" in dialogs.asked[0] and str(path) in dialogs.asked[0]
    names = [a.name for a in app_windows.context.accounts.list_accounts()]
    assert names == ["Kept Account"]
    assert list(tmp_path.glob("damaged.sqlite.damaged-*")), "the bad file must be kept"


def test_declining_the_restore_leaves_everything_as_it_was(windows, tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite"
    AppContext.open(DatabaseTarget(path=path)).close()
    garbage = os.urandom(4096)
    path.write_bytes(garbage)
    dialogs = Dialogs(answer=False)
    assert not opened(windows(dialogs), DatabaseTarget(path=path))
    assert path.read_bytes() == garbage


def test_a_read_only_folder_is_explained(windows, tmp_path: Path, monkeypatch) -> None:
    import qbr_desktop.store.location as location

    folder = tmp_path / "locked"
    folder.mkdir()
    monkeypatch.setattr(location.os, "access", lambda *_a, **_k: False)  # root ignores chmod
    dialogs = Dialogs()
    assert not opened(windows(dialogs), DatabaseTarget(path=folder / "x.sqlite"))
    assert "read-only" in dialogs.told[0]


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, env=dict(os.environ))


def test_importing_the_gui_does_not_load_export_libraries() -> None:
    result = run_python("""
        import sys
        import qbr_desktop.app, qbr_desktop.gui.application, qbr_desktop.gui.main_window
        heavy = [m for m in ("matplotlib", "pptx", "reportlab", "pandas") if m in sys.modules]
        print(",".join(heavy) or "light")
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "light"


def test_many_windows_shut_down_cleanly() -> None:
    # A PySide6 reference-count bug once aborted the interpreter at exit after the
    # account list had been sorted many times; the process must end with status 0.
    result = run_python("""
        from PySide6.QtWidgets import QApplication
        from qbr_desktop.gui.accounts.list_panel import AccountListPanel
        app = QApplication([])
        panels = [AccountListPanel() for _ in range(80)]
        for panel in panels:
            panel.show()
            panel.table.sortByColumn(2, panel.table.horizontalHeader().sortIndicatorOrder())
        app.processEvents()
    """)
    assert result.returncode == 0, result.stderr[-2000:]


def test_the_start_up_window_is_painted_before_the_database_layer_loads() -> None:
    result = run_python("""
        import sys
        from PySide6.QtWidgets import QApplication
        import qbr_desktop.app, qbr_desktop.gui.application
        from qbr_desktop.gui.main_window import MainWindow
        app = QApplication([])
        shell = MainWindow()
        shell.show()
        app.processEvents()
        loaded = [m for m in ("sqlalchemy", "alembic", "qbr_desktop.services.context")
                  if m in sys.modules]
        print(",".join(loaded) or "light", shell.centralWidget().text())
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "light Opening your portfolio…"


def test_the_start_up_window_becomes_the_portfolio_window(isolated_data_folder: Path) -> None:
    shown = isolated_data_folder / "shown.png"
    result = subprocess.run(
        [sys.executable, "-m", "qbr_desktop", "--screenshot", str(shown)],
        capture_output=True, text=True, timeout=120, env=dict(os.environ))

    assert result.returncode == 0, result.stderr[-2000:]
    from PySide6.QtGui import QImage

    assert not QImage(str(shown)).isNull()
    assert (isolated_data_folder / "demo.sqlite").exists()


def test_the_window_is_usable_before_any_export_library_or_alembic_loads(
        tmp_path: Path) -> None:
    """Up to its list painted and a click on a row answered (the start-up probe's "usable",
    after which it closes the window), the program loads neither Alembic (the file is at
    this version) nor an export library."""
    path = tmp_path / "portfolio.sqlite"
    context = AppContext.open(DatabaseTarget(path=path))
    for name in ("Acme", "Globex", "Initech"):
        context.accounts.create(AccountDraft(name))
    context.close()
    AppContext.open(DatabaseTarget(path=path)).close()  # today's start-up backup
    result = run_python(f"""
        import os, sys
        os.environ["QBR_STARTUP_PROBE"] = "quit"
        from qbr_desktop.app import main
        code = main(["--db", {str(path)!r}])
        heavy = [m for m in ("alembic", "matplotlib", "pptx", "reportlab") if m in sys.modules]
        print("loaded:" + ",".join(heavy), code)
    """)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "qbr-startup painted=" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == "loaded: 0"

"""Killing the program right after an edit was shown as saved loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext

CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from qbr_desktop.domain.accounts import AccountDraft
    from qbr_desktop.gui.main_window import MainWindow
    from qbr_desktop.paths import DatabaseTarget
    from qbr_desktop.services.context import AppContext

    app = QApplication([])
    context = AppContext.open(DatabaseTarget(path=Path(sys.argv[1])))
    context.accounts.create(AccountDraft("Before"))
    window = MainWindow(context)
    window.show()
    app.processEvents()
    for round in range(3):
        window.page.form.nameEdit.setText(f"After edit {round}")
        window.page.form.nameEdit.editingFinished.emit()
        window.page.form.notesEdit.setPlainText(f"notes {round}")
        window.page.flush_pending()
        app.processEvents()
    print(window.statusBar().currentMessage(), flush=True)
    time.sleep(120)  # killed long before this ends
""")


def test_kill_after_saved_keeps_the_edit(tmp_path: Path) -> None:
    database = tmp_path / "killed.sqlite"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(database)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=dict(os.environ))
    try:
        assert child.stdout is not None
        status = child.stdout.readline()
        assert status.startswith("Saved at"), child.stderr.read() if child.stderr else ""
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert Path(str(database) + "-wal").exists()  # killed with a live write-ahead log
    context = AppContext.open(DatabaseTarget(path=database))
    try:
        (account,) = context.accounts.list_accounts()
        assert account.name == "After edit 2"
        assert context.accounts.get(account.id).draft.notes == "notes 2"
    finally:
        context.close()

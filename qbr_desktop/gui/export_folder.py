"""Where a save dialog opens: the folder last saved to, else Documents, else home."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths


def export_folder(setting: str) -> Path:
    """The folder remembered under `setting` if it is still there; else the CSM's Documents
    folder, made if a fresh account has none yet; else the home folder."""
    remembered = str(QSettings().value(setting, "", type=str) or "")
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents:
        try:
            Path(documents).mkdir(parents=True, exist_ok=True)
        except OSError:
            return Path.home()
        return Path(documents)
    return Path.home()


def remember_folder(setting: str, folder: Path) -> None:
    QSettings().setValue(setting, str(folder))

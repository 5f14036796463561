"""The portfolios opened lately, most recent first: start-up reopens the first one that is
still there, and File › Open Recent lists them. Kept in QSettings, so they follow the CSM's
account on this computer rather than any one portfolio file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from qbr_desktop.gui.translation import translate

RECENT_KEY = "portfolios/recent"
MAX_RECENT = 8


class RecentPortfolios:
    def __init__(self, settings: QSettings) -> None:
        self.settings = settings
        # Files start-up passed over because they were gone, in the order met.
        self.dropped: list[Path] = []

    def paths(self) -> list[Path]:
        value = self.settings.value(RECENT_KEY)
        # QSettings gives a list, a lone string for a one-item list in INI files, or None.
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(item) for item in items if isinstance(item, str) and item][:MAX_RECENT]

    def add(self, path: Path) -> None:
        """`path` becomes the most recent (once, however often it is opened)."""
        path = _absolute(path)
        self._store([path, *(p for p in self.paths() if p != path)])

    def remove(self, path: Path) -> None:
        path = _absolute(path)
        self._store([p for p in self.paths() if p != path])

    def clear(self, keep: Path | None = None) -> None:
        """Forget them all but `keep` (the portfolio on screen, which start-up reopens)."""
        self._store([_absolute(keep)] if keep is not None else [])

    def last_existing(self) -> Path | None:
        """The most recent portfolio still on disk; the ones passed over because they are
        gone are dropped from the list and noted in `dropped`."""
        for path in self.paths():
            if path.is_file():
                return path
            self.remove(path)
            self.dropped.append(path)
        return None

    def _store(self, paths: list[Path]) -> None:
        self.settings.setValue(RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])
        self.settings.sync()


def _absolute(path: Path) -> Path:
    return Path(path).expanduser().absolute()


def dropped_notice(path: Path) -> str:
    return (translate("recent_portfolios",
                      "The portfolio {path} opened last time is no longer there, so it was taken "
                      "off File › Open Recent.").format(path=path))

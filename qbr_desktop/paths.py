"""Which database to open: command line, environment, or the per-user data folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from qbr_desktop.store.location import DATABASE_FILENAME, DEMO_FILENAME

DB_ENV = "QBR_DB"
URL_ENV = "QBR_DATABASE_URL"
DATA_DIR_ENV = "QBR_DATA_DIR"  # moves the whole per-user folder (tests, portable installs)
APP_FOLDER = "QBR Desktop"


@dataclass(frozen=True, slots=True)
class DatabaseTarget:
    """A SQLite file or a SQLAlchemy URL; `is_default` when nobody chose one."""

    path: Path | None = None
    url: str | None = None
    is_default: bool = False

    def describe(self) -> str:
        """The file's path, or the server's URL without its password."""
        from qbr_desktop.store.errors import shown

        return str(self.path) if self.path else shown(self.url or "")


def user_data_folder(environ: Mapping[str, str] | None = None) -> Path:
    """The per-user folder for databases and backups (never beside the executable)."""
    environ = os.environ if environ is None else environ
    if override := environ.get(DATA_DIR_ENV):
        return Path(override).expanduser()
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(base or Path.home() / ".local" / "share") / APP_FOLDER


def is_server_url(text: str) -> bool:
    """True for a SQLAlchemy URL such as postgresql+psycopg://host/db (not a file name)."""
    scheme, separator, _rest = text.partition("://")
    return bool(separator) and scheme.replace("+", "").replace("_", "").isalnum()


def resolve_target(cli_db: str | None, environ: Mapping[str, str] | None = None) -> DatabaseTarget:
    environ = os.environ if environ is None else environ
    if cli_db:
        if is_server_url(cli_db):
            return DatabaseTarget(url=cli_db)
        return DatabaseTarget(path=Path(cli_db).expanduser())
    if env_path := environ.get(DB_ENV):
        return DatabaseTarget(path=Path(env_path).expanduser())
    if url := environ.get(URL_ENV):
        return DatabaseTarget(url=url)
    return DatabaseTarget(path=user_data_folder(environ) / DATABASE_FILENAME, is_default=True)


def demo_target(environ: Mapping[str, str] | None = None) -> DatabaseTarget:
    return DatabaseTarget(path=user_data_folder(environ) / DEMO_FILENAME)

"""Small helpers the store tests share (imported by the test modules beside it)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Portfolio:
    """Ids of the accounts `populate` created."""

    acme_id: int
    kyoto_id: int


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def file_state(path: Path) -> tuple[str, int]:
    """Content hash and modification time: what 'left unchanged' means for a file."""
    return file_digest(path), os.stat(path).st_mtime_ns


def query(path: Path, sql: str, *params: object) -> list[tuple]:
    """Run one statement on a plain sqlite3 connection and close it again."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def count_rows(path: Path, table: str) -> int:
    return int(query(path, f"SELECT count(*) FROM {table}")[0][0])


def integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def page_size(path: Path) -> int:
    header = path.read_bytes()[:100]
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size

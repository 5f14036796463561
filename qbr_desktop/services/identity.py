"""Who is working: the name a save is recorded under.

Set with `qbr whoami --name … --email …` or on the window's first run; until then the
operating system's login name stands in. Kept in the per-user data folder (identity.json),
never in a shared database, so one person is the same on every portfolio.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qbr_desktop.atomic_files import write_bytes
from qbr_desktop.paths import user_data_folder

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

IDENTITY_FILE = "identity.json"


@dataclass(frozen=True, slots=True)
class Identity:
    name: str
    email: str = ""

    @property
    def label(self) -> str:
        return self.name or self.email or "Someone"


def identity_path() -> Path:
    return user_data_folder() / IDENTITY_FILE


def stored_identity() -> Identity | None:
    """The name and email this person gave, or None before they gave any."""
    try:
        data = json.loads(identity_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not str(data.get("name", "")).strip():
        return None
    return Identity(str(data["name"]).strip(), str(data.get("email", "")).strip())


def current_identity() -> Identity:
    """The person working now: as they gave it, else their login name."""
    if (stored := stored_identity()) is not None:
        return stored
    try:
        login = getpass.getuser()
    except (OSError, KeyError):
        login = ""
    return Identity(login)


def save_identity(identity: Identity) -> None:
    folder = identity_path().parent
    folder.mkdir(parents=True, exist_ok=True)
    write_bytes(identity_path(), json.dumps(
        {"name": identity.name.strip(), "email": identity.email.strip()},
        ensure_ascii=False).encode("utf-8"))


def register_member(sessions: sessionmaker[Session], identity: Identity) -> int:
    """The team member (csm row) this person is, added or given their email: a server's
    list of who works on it. Returns its id."""
    from qbr_desktop.domain.accounts import name_key
    from qbr_desktop.store.engine import session_scope
    from qbr_desktop.store.repositories import CsmRepository

    with session_scope(sessions) as session:
        member = CsmRepository(session).find_or_add(identity.name, name_key(identity.name),
                                                    identity.email)
        if identity.email and not member.email:
            member.email = identity.email
        return member.id


def is_mine(owner: str, identity: Identity) -> bool:
    """Whether an account's owner text names this person."""
    from qbr_desktop.domain.accounts import name_key

    return bool(owner.strip()) and name_key(owner) == name_key(identity.name)

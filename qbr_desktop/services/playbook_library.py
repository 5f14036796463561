"""The playbooks a CSM can choose from: the built-in ones and any in a user folder.

Built-in playbooks ship under resources/playbooks/ and are found through
`qbr_desktop.assets`, so a checkout, a wheel and the frozen build behave alike. A
broken built-in is a bug in the product and raises `PlaybookError`.

User playbooks are the ``*.toml`` files directly inside a folder the caller names.
A user file that cannot be read or parsed is skipped and reported in `messages` (and, in
the interface language, `problems`) with its file name and line; the rest of the library
keeps working. Names are compared ignoring case and surrounding spaces: a user playbook
named like a built-in is reported and skipped (the built-in wins, so "Strategic" always
means the shipped plan and a stray file cannot quietly change every account's timeline),
and of two user files with the same name the first in file-name order wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qbr_desktop.assets import resource
from qbr_desktop.domain.cadence import UnknownTier
from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.playbooks import (
    MessageLines,
    NameList,
    Playbook,
    PlaybookError,
    parse_playbook,
)
from qbr_desktop.domain.tiers import tier_label
from qbr_desktop.i18n import Message, msg, ui_text

if TYPE_CHECKING:  # the import costs start-up time; only the type checker needs it
    from importlib.resources.abc import Traversable

# Tiers of both models onto the three built-in playbooks (by playbook name):
# the five-segment model's extra segments take the plan of the nearest three-tier tier.
DEFAULT_PLAYBOOK_FOR_TIER = {
    "Strategic": "Strategic",
    "Enterprise": "Strategic",
    "Growth": "Growth",
    "Mid-Market": "Growth",
    "Core": "Core",
    "SMB": "Core",
    "Tech-Touch": "Core",
}
BUILT_IN_FOLDER = "playbooks"
# The shipped playbooks' names (a test keeps them equal to resources/playbooks): each is
# named for its tier, and shown as that tier is named.
BUILT_IN_NAMES = ("Strategic", "Growth", "Core")


def playbook_label(name: str) -> Message | str:
    """A playbook's name to show: a shipped one's in the reader's language, the name of a
    CSM's own playbook as typed (a CSM's playbook cannot take a shipped one's name)."""
    return tier_label(name) if name in BUILT_IN_NAMES else name


class PlaybookNotFound(DomainError):
    def __init__(self, name: str, known: Sequence[str],
                 unreadable: Sequence[Message] = ()) -> None:
        self.name = name
        # The one the CSM meant may be in a file that could not be read: say which and why.
        # The names are the ones to type (a shipped playbook's English name included).
        why = MessageLines(unreadable, "\n  ")
        fields = {"name": name, "known": NameList(known)}
        super().__init__(msg("there is no playbook named “{name}” (available: {known}); "
                             "skipped because they could not be read:\n  {why}", why=why,
                             **fields)
                         if unreadable else
                         msg("there is no playbook named “{name}” (available: {known})",
                             **fields))


@dataclass(frozen=True, slots=True)
class LoadedPlaybook:
    playbook: Playbook
    built_in: bool
    path: Path | None = None  # the user file; None for a built-in


class PlaybookLibrary:
    """Built-in and user playbooks by name; build it with `load`."""

    def __init__(self, entries: Iterable[LoadedPlaybook],
                 problems: Iterable[Message] = ()) -> None:
        self._entries = {_name_key(e.playbook.name): e for e in entries}
        self.messages: tuple[Message, ...] = tuple(problems)

    @property
    def problems(self) -> tuple[str, ...]:
        """The user files skipped and why, in the window's or the CLI's language."""
        return tuple(ui_text(message) for message in self.messages)

    @classmethod
    def load(cls, user_folder: Path | None = None) -> PlaybookLibrary:
        entries = [LoadedPlaybook(p, built_in=True) for p in load_built_in()]
        problems: list[Message] = []
        if user_folder is not None:
            taken: dict[str, str | None] = {_name_key(e.playbook.name): None for e in entries}
            for path, playbook in _read_user_folder(user_folder, problems):
                key = _name_key(playbook.name)
                if key in taken:
                    problems.append(_name_taken(path.name, playbook.name, taken[key]))
                    continue
                taken[key] = path.name
                entries.append(LoadedPlaybook(playbook, built_in=False, path=path))
        return cls(entries, problems)

    @property
    def playbooks(self) -> tuple[Playbook, ...]:
        """Built-ins first, in their shipped order, then user playbooks by file name."""
        return tuple(entry.playbook for entry in self._entries.values())

    @property
    def entries(self) -> tuple[LoadedPlaybook, ...]:
        return tuple(self._entries.values())

    def names(self) -> tuple[str, ...]:
        return tuple(playbook.name for playbook in self.playbooks)

    def get(self, name: str) -> Playbook:
        entry = self._entries.get(_name_key(name))
        if entry is None:
            raise PlaybookNotFound(name, self.names(), self.messages)
        return entry.playbook

    def for_tier(self, tier: str) -> Playbook:
        """The built-in playbook an account of `tier` gets unless the CSM picks another."""
        if tier not in DEFAULT_PLAYBOOK_FOR_TIER:
            raise UnknownTier(tier)
        return self.get(DEFAULT_PLAYBOOK_FOR_TIER[tier])


def load_built_in() -> tuple[Playbook, ...]:
    """The shipped playbooks, longest preparation first."""
    files = [f for f in resource(BUILT_IN_FOLDER).iterdir() if f.name.endswith(".toml")]
    playbooks = [_parse_resource(f) for f in sorted(files, key=lambda f: f.name)]
    return tuple(sorted(playbooks, key=lambda p: -p.preparation_days))


def _parse_resource(file: Traversable) -> Playbook:
    return parse_playbook(file.read_text(encoding="utf-8"), file.name)


def _name_taken(file: str, name: str, other_file: str | None) -> Message:
    if other_file is None:
        return msg("{file}: skipped, because its name “{name}” is already used by the built-in "
                   "playbook", file=file, name=name)
    return msg("{file}: skipped, because its name “{name}” is already used by {other_file}",
               file=file, name=name, other_file=other_file)


def _read_user_folder(folder: Path, problems: list[Message]) -> list[tuple[Path, Playbook]]:
    if not folder.is_dir():
        return []  # no folder yet simply means no user playbooks
    found: list[tuple[Path, Playbook]] = []
    for path in sorted(folder.glob("*.toml"), key=lambda p: p.name):
        try:
            text = path.read_text(encoding="utf-8-sig")  # Notepad may add a BOM
        except UnicodeDecodeError:
            problems.append(msg("{file}: skipped, because it is not UTF-8 text", file=path.name))
            continue
        except OSError as error:
            problems.append(msg("{file}: skipped, because it cannot be read ({reason})",
                                file=path.name, reason=error.strerror or str(error)))
            continue
        try:
            found.append((path, parse_playbook(text, path.name)))
        except PlaybookError as error:
            problems.extend(problem.describe() for problem in error.problems)
    return found


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()

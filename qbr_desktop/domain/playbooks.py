"""Preparation playbooks: the tasks of a QBR cycle, read from TOML a CSM can edit.

A playbook file has these top-level fields (the schema is also `PLAYBOOK_FIELDS`):

* ``name`` (text, required): how the playbook is listed; unique in the library.
* ``tier`` (text, required): the tier it is written for, one of the tier names of
  either tier model (Strategic, Growth, Core, Enterprise, Mid-Market, SMB, Tech-Touch).
* ``description`` (text, required).
* ``preparation_days`` (whole number, required): working days of preparation before
  the meeting. No task may be due earlier than that many working days before it.
* ``follow_up_days`` (whole number, optional, default 10): working days of follow-up
  after the meeting. No task may be due later than that.
* ``[[tasks]]`` (one table per task, at least one), each with (`TASK_FIELDS`):
  ``key`` (required; lowercase letters, digits, "-" and "_"; stable, because saved
  progress refers to it), ``phase`` (required, a `Phase` value), ``offset`` (required
  whole number: working days relative to the meeting, negative before it, 0 on the day,
  positive after), ``title`` (required), ``description`` (required), ``owner``
  (required, an `OwnerRole` value), ``outputs`` (list of texts, optional), ``feature``
  (optional, a `Feature` value: the part of the app that does the work) and ``after``
  (optional list of the keys of tasks that must be finished first).

Rules across fields: keys are unique; ``after`` names existing tasks, without circles;
a task is not due before a task it depends on; offsets stay inside the cycle; follow-up
tasks fall on or after the meeting and the other phases on or before it.

Every problem found in a file is reported at once in one `PlaybookError`, each message
naming the file and the line, so a CSM can fix a file in one pass.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from qbr_desktop.domain.errors import DomainError
from qbr_desktop.domain.tiers import SCHEMES
from qbr_desktop.domain.toml_reasons import toml_reason
from qbr_desktop.i18n import (
    ENGLISH,
    LANGUAGE_NAMES,
    N_,
    Catalogue,
    Message,
    msg,
    msg_in_context,
    ui_text,
)


class Phase(StrEnum):
    DATA_GATHERING = "data gathering"
    CONTENT_AND_STAKEHOLDERS = "content & stakeholders"
    REFINEMENT_AND_LOGISTICS = "refinement & logistics"
    FOLLOW_UP = "follow-up"


class OwnerRole(StrEnum):
    CSM = "CSM"
    CS_MANAGER = "CS manager"
    ACCOUNT_EXECUTIVE = "account executive"
    EXECUTIVE_SPONSOR = "executive sponsor"


# What a task's phase and owner are called where shown (the stored values stay English).
PHASE_LABELS: dict[Phase, str] = {
    Phase.DATA_GATHERING: N_("Data gathering"),
    Phase.CONTENT_AND_STAKEHOLDERS: N_("Content & stakeholders"),
    Phase.REFINEMENT_AND_LOGISTICS: N_("Refinement & logistics"),
    Phase.FOLLOW_UP: N_("Follow-up")}
OWNER_ROLE_LABELS: dict[OwnerRole, str] = {
    OwnerRole.CSM: N_("CSM"), OwnerRole.CS_MANAGER: N_("CS manager"),
    OwnerRole.ACCOUNT_EXECUTIVE: N_("Account executive"),
    OwnerRole.EXECUTIVE_SPONSOR: N_("Executive sponsor")}


class Feature(StrEnum):
    """The page of the app where a task's work is done."""

    HEALTH = "health"
    BENCHMARK = "benchmark"
    EXPANSION = "expansion"
    ROI = "roi"
    STAKEHOLDERS = "stakeholders"
    AGENDA = "agenda"
    DECK = "deck"
    TIMELINE = "timeline"


DEFAULT_FOLLOW_UP_DAYS = 10  # "weeks 1-2 after the QBR"
# A cycle longer than a quarter would start before the previous quarterly review.
MAX_PREPARATION_DAYS = 65
KNOWN_TIERS = tuple(dict.fromkeys(t for scheme in SCHEMES.values() for t in scheme.tiers))
KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
# The languages a task may also be worded in: every customer language but English.
TRANSLATED = tuple(code for code in LANGUAGE_NAMES if code != ENGLISH)


@dataclass(frozen=True, slots=True)
class PrepTask:
    key: str
    phase: Phase
    offset: int  # working days from the meeting: negative before, positive after
    title: str
    description: str
    owner: OwnerRole
    outputs: tuple[str, ...] = ()
    feature: Feature | None = None
    after: tuple[str, ...] = ()
    # (language, title, description) for the languages the file also gives the task in.
    translations: tuple[tuple[str, str, str], ...] = ()

    @property
    def before_meeting(self) -> bool:
        return self.offset < 0

    def in_language(self, language: str) -> PrepTask:
        """The task worded in `language` when the file gives it, else as written."""
        for code, title, description in self.translations:
            if code == language:
                return replace(self, title=title, description=description or self.description)
        return self


@dataclass(frozen=True, slots=True)
class Playbook:
    name: str
    tier: str
    description: str
    preparation_days: int
    tasks: tuple[PrepTask, ...]
    follow_up_days: int = DEFAULT_FOLLOW_UP_DAYS
    source: str = ""

    def in_language(self, language: str) -> Playbook:
        """The playbook with each task in `language` where the file words it so."""
        return replace(self, tasks=tuple(task.in_language(language) for task in self.tasks))

    def task(self, key: str) -> PrepTask:
        for task in self.tasks:
            if task.key == key:
                return task
        raise KeyError(key)


@dataclass(frozen=True, slots=True)
class PlaybookProblem:
    source: str
    line: int | None
    message: Message

    def describe(self) -> Message:
        """"file, line n: what is wrong", to render in the reader's language."""
        if self.line:
            return msg("{file}, line {line}: {problem}", file=self.source, line=self.line,
                       problem=self.message)
        return msg("{file}: {problem}", file=self.source, problem=self.message)

    def __str__(self) -> str:
        return ui_text(self.describe())


@dataclass(frozen=True)
class MessageLines(Message):
    """Messages one after another, each rendered in the language asked for and joined by
    `joiner` (a new line by default)."""

    def __init__(self, lines: Sequence[Message], joiner: str = "\n") -> None:
        super().__init__(joiner, {str(number): line for number, line in enumerate(lines)})

    def render(self, catalogue: Catalogue | None = None) -> str:
        return self.template.join(line.render(catalogue) for line in self.fields.values())


@dataclass(frozen=True)
class NameList(Message):
    """Names as typed in a file (fields, values, playbooks), joined by the list separator of
    the language asked for ("a, b" in English, "a、b" in Chinese)."""

    def __init__(self, names: Sequence[str]) -> None:
        super().__init__("", {str(number): name for number, name in enumerate(names)})

    def render(self, catalogue: Catalogue | None = None) -> str:
        separator = msg_in_context("list separator", ", ").render(catalogue)
        return separator.join(self.fields.values())


class PlaybookError(DomainError):
    """A playbook file that cannot be used; `problems` lists everything found in it."""

    def __init__(self, problems: Sequence[PlaybookProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__(MessageLines([problem.describe() for problem in self.problems]))


# --- the schema --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ValueKind:
    label: Message  # as a message names it: "… which is not a whole number"
    matches: Callable[[object], bool]


TEXT = ValueKind(msg_in_context("value kind", "text"), lambda v: isinstance(v, str))
# bool is an int subclass in Python, but `offset = true` is a mistake, not a number.
WHOLE_NUMBER = ValueKind(msg_in_context("value kind", "whole number"),
                         lambda v: isinstance(v, int) and not isinstance(v, bool))
TEXT_LIST = ValueKind(msg_in_context("value kind", "list of texts"),
                      lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v))
TABLE_LIST = ValueKind(msg_in_context("value kind", "list of [[tasks]] tables"),
                       lambda v: isinstance(v, list) and all(isinstance(i, dict) for i in v))


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    kind: ValueKind
    required: bool
    choices: tuple[str, ...] = ()
    # "unknown owner role “intern”"
    choice_label: Message = msg_in_context("playbook field", "value")
    may_be_empty: bool = False


PLAYBOOK_FIELDS = (
    FieldSpec("name", TEXT, True),
    FieldSpec("tier", TEXT, True, KNOWN_TIERS, msg_in_context("playbook field", "tier")),
    FieldSpec("description", TEXT, True, may_be_empty=True),
    FieldSpec("preparation_days", WHOLE_NUMBER, True),
    FieldSpec("follow_up_days", WHOLE_NUMBER, False),
    FieldSpec("tasks", TABLE_LIST, True),
)
TASK_FIELDS = (
    FieldSpec("key", TEXT, True),
    FieldSpec("phase", TEXT, True, tuple(Phase), msg_in_context("playbook field", "phase")),
    FieldSpec("offset", WHOLE_NUMBER, True),
    FieldSpec("title", TEXT, True),
    FieldSpec("description", TEXT, True, may_be_empty=True),
    FieldSpec("owner", TEXT, True, tuple(OwnerRole),
              msg_in_context("playbook field", "owner role")),
    FieldSpec("outputs", TEXT_LIST, False),
    FieldSpec("feature", TEXT, False, tuple(Feature), msg_in_context("playbook field", "feature")),
    FieldSpec("after", TEXT_LIST, False),
    # A task's words in another language the customer's files are written in
    # ("title_zh_CN", "description_zh_CN"): used for accounts in that language.
    *(FieldSpec(f"{name}_{code}", TEXT, False, may_be_empty=name == "description")
      for code in TRANSLATED for name in ("title", "description")),
)


# --- finding lines -----------------------------------------------------------------

_TABLE_HEADER = re.compile(r"\s*\[")
_TASK_HEADER = re.compile(r"\s*\[\[\s*tasks\s*\]\]")
_SYNTAX_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_SYNTAX_AT_END = re.compile(r"\s*\(at end of document\)$")


class _SourceLines:
    """Line numbers for values, which tomllib does not report: found by scanning the text.

    A task is located by its n-th ``[[tasks]]`` header and a field by its ``name =``
    line inside that table. Lines are split on "\\n" only, as TOML counts them.
    """

    def __init__(self, text: str) -> None:
        self._lines = text.split("\n")
        self._headers = [n for n, line in enumerate(self._lines, 1) if _TABLE_HEADER.match(line)]
        self._tasks = [n for n, line in enumerate(self._lines, 1) if _TASK_HEADER.match(line)]

    def _find(self, name: str, start: int, end: int) -> int | None:
        pattern = re.compile(rf"\s*(?:{re.escape(name)}|\"{re.escape(name)}\")\s*=")
        for number in range(start, min(end, len(self._lines) + 1)):
            if pattern.match(self._lines[number - 1]):
                return number
        return None

    def top_field(self, name: str) -> int | None:
        """The `name = …` line before the first table, else a `[name]` or `[[name]]` header."""
        end = self._headers[0] if self._headers else len(self._lines) + 1
        header = re.compile(rf"\s*\[\[?\s*{re.escape(name)}\s*\]")
        return self._find(name, 1, end) or next(
            (n for n in self._headers if header.match(self._lines[n - 1])), None)

    def task(self, index: int) -> int | None:
        return self._tasks[index] if index < len(self._tasks) else self.top_field("tasks")

    def task_field(self, index: int, name: str) -> int | None:
        header = self.task(index)
        if index >= len(self._tasks) or header is None:
            return header
        end = next((n for n in self._headers if n > header), len(self._lines) + 1)
        return self._find(name, header + 1, end) or header


# --- parsing -----------------------------------------------------------------------


def parse_playbook(text: str, source: str) -> Playbook:
    """The playbook in `text`; `source` (a file name) is how messages name it."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message, line = str(error), None
        reason = toml_reason(_SYNTAX_AT_END.sub("", _SYNTAX_POSITION.sub("", message)))
        problem = msg("not valid TOML: {reason}", reason=reason)
        if position := _SYNTAX_POSITION.search(message):
            line = int(position.group(1))
            problem = msg("not valid TOML: {reason} (column {column})", reason=reason,
                          column=int(position.group(2)))
        elif _SYNTAX_AT_END.search(message):
            line = text.count("\n") + 1
            problem = msg("not valid TOML: {reason} (at the end of the file)", reason=reason)
        raise PlaybookError([PlaybookProblem(source, line, problem)]) from error
    return _Parser(source, text).playbook(data)


def _shortened(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Parser:
    def __init__(self, source: str, text: str) -> None:
        self._source = source
        self._lines = _SourceLines(text)
        self._problems: list[PlaybookProblem] = []

    def _problem(self, line: int | None, message: Message) -> None:
        self._problems.append(PlaybookProblem(self._source, line, message))

    def _fields(self, table: dict[str, Any], specs: Sequence[FieldSpec], subject: Message,
                line_of: Callable[[str], int | None], fallback: int | None) -> dict[str, Any]:
        """The values that meet the schema; every value that does not becomes a problem."""
        known = {spec.name for spec in specs}
        for name in [name for name in table if name not in known]:  # in file order
            self._problem(line_of(name), msg(
                "{subject} has an unknown field “{name}” (known fields: {fields})",
                subject=subject, name=name, fields=NameList([s.name for s in specs])))
        valid: dict[str, Any] = {}
        for spec in specs:
            if spec.name not in table:
                if spec.required:
                    self._problem(fallback, msg("{subject} is missing “{name}”",
                                                subject=subject, name=spec.name))
                continue
            value = table[spec.name]
            line = line_of(spec.name)
            if not spec.kind.matches(value):
                self._problem(line, msg("{subject} has “{name}” = {value}, which is not a {kind}",
                                        subject=subject, name=spec.name,
                                        value=_shortened(value), kind=spec.kind.label))
            elif spec.kind is TEXT and not value.strip() and not spec.may_be_empty:
                self._problem(line, msg("{subject} has an empty “{name}”", subject=subject,
                                        name=spec.name))
            elif spec.choices and value not in spec.choices:
                self._problem(line, msg("{subject} has unknown {kind} “{value}” (expected one "
                                        "of: {choices})", subject=subject,
                                        kind=spec.choice_label, value=value,
                                        choices=NameList(spec.choices)))
            else:
                valid[spec.name] = value
        return valid

    def playbook(self, data: dict[str, Any]) -> Playbook:
        lines = self._lines
        top = self._fields(data, PLAYBOOK_FIELDS, msg("the playbook"), lines.top_field, None)
        preparation = top.get("preparation_days")
        if preparation is not None and not 1 <= preparation <= MAX_PREPARATION_DAYS:
            self._problem(lines.top_field("preparation_days"), msg(
                "“preparation_days” must be between 1 and {limit} working days, not {days}",
                limit=MAX_PREPARATION_DAYS, days=preparation))
            preparation = None
        follow_up = top.get("follow_up_days", DEFAULT_FOLLOW_UP_DAYS)
        if follow_up < 0:
            self._problem(lines.top_field("follow_up_days"),
                          msg("“follow_up_days” cannot be negative ({days})", days=follow_up))
            follow_up = None
        raw_tasks = top.get("tasks")
        if raw_tasks == []:
            self._problem(lines.top_field("tasks"), msg("the playbook has no tasks"))
        tasks = self._tasks(raw_tasks or [], preparation, follow_up)
        if self._problems:
            raise PlaybookError(self._problems)
        return Playbook(top["name"].strip(), top["tier"], top["description"].strip(),
                        preparation or 0, tasks, follow_up or 0, self._source)

    def _tasks(self, tables: list[dict[str, Any]], preparation: int | None,
               follow_up: int | None) -> tuple[PrepTask, ...]:
        tasks: list[tuple[int, PrepTask]] = []  # (index in the file, task)
        first_index: dict[str, int] = {}
        for index, table in enumerate(tables):
            task = self._task(index, table, preparation, follow_up)
            if task is None:
                continue
            if task.key in first_index:
                self._problem(self._lines.task_field(index, "key"), msg(
                    "task key “{key}” is already used by task {number} (line {line})",
                    key=task.key, number=first_index[task.key] + 1,
                    line=self._lines.task(first_index[task.key])))
                continue
            first_index[task.key] = index
            tasks.append((index, task))
        written = {t["key"] for t in tables if isinstance(t.get("key"), str)}
        self._check_dependencies(tasks, first_index, written)
        return tuple(task for _, task in tasks)

    def _task(self, index: int, table: dict[str, Any], preparation: int | None,
              follow_up: int | None) -> PrepTask | None:
        lines = self._lines
        key = table.get("key")
        subject = (msg("task “{key}”", key=key) if isinstance(key, str) and key
                   else msg("task {number}", number=index + 1))
        found = len(self._problems)
        values = self._fields(table, TASK_FIELDS, subject,
                              lambda name: lines.task_field(index, name), lines.task(index))
        if "key" in values and not KEY_PATTERN.fullmatch(values["key"]):
            self._problem(lines.task_field(index, "key"), msg(
                "{subject} has a key with characters other than lowercase letters, digits, "
                "“-” and “_”", subject=subject))
        offset, phase = values.get("offset"), values.get("phase")
        offset_line = lines.task_field(index, "offset")
        if offset is not None and preparation is not None and offset < -preparation:
            self._problem(offset_line, msg(
                "{subject} is due {days} working days before the meeting, earlier than the "
                "{preparation}-day preparation cycle starts", subject=subject, days=-offset,
                preparation=preparation))
        if offset is not None and follow_up is not None and offset > follow_up:
            self._problem(offset_line, msg(
                "{subject} is due {days} working days after the meeting, later than the "
                "{follow_up}-day follow-up ends", subject=subject, days=offset,
                follow_up=follow_up))
        if offset is not None and phase == Phase.FOLLOW_UP and offset < 0:
            self._problem(offset_line, msg(
                "{subject} is a follow-up task due before the meeting (offset {offset})",
                subject=subject, offset=offset))
        if offset is not None and phase not in (None, Phase.FOLLOW_UP) and offset > 0:
            self._problem(offset_line, msg(
                "{subject} is a “{phase}” task due after the meeting (offset {offset}); use the "
                "follow-up phase", subject=subject, phase=phase, offset=offset))
        if len(self._problems) > found:
            return None
        return PrepTask(values["key"], Phase(values["phase"]), values["offset"],
                        values["title"].strip(), values["description"].strip(),
                        OwnerRole(values["owner"]), tuple(values.get("outputs", ())),
                        Feature(values["feature"]) if "feature" in values else None,
                        tuple(dict.fromkeys(values.get("after", ()))),
                        tuple((code, values[f"title_{code}"].strip(),
                               values.get(f"description_{code}", "").strip())
                              for code in TRANSLATED if f"title_{code}" in values))

    def _check_dependencies(self, tasks: list[tuple[int, PrepTask]],
                            index_of: dict[str, int], written: set[str]) -> None:
        by_key = {task.key: task for _, task in tasks}
        for index, task in tasks:
            for needed in task.after:
                # A task that failed its own checks is reported already: not again here.
                if needed not in written:
                    self._problem(self._lines.task_field(index, "after"), msg(
                        "task “{key}” depends on “{needed}”, which is not a task in this "
                        "playbook", key=task.key, needed=needed))
        graph = {key: [k for k in task.after if k in by_key] for key, task in by_key.items()}
        in_circle: set[tuple[str, str]] = set()
        for circle in _circles(graph):
            in_circle.update(zip(circle, circle[1:], strict=False))
            self._problem(self._lines.task_field(index_of[circle[0]], "after"), msg(
                "tasks depend on each other in a circle: {circle}", circle=" → ".join(circle)))
        for index, task in tasks:
            for needed in graph[task.key]:
                earlier = by_key[needed]
                if (task.key, needed) not in in_circle and task.offset < earlier.offset:
                    self._problem(self._lines.task_field(index, "offset"), msg(
                        "task “{key}” (offset {offset}) is due before “{needed}” (offset "
                        "{needed_offset}), which it depends on", key=task.key,
                        offset=task.offset, needed=needed, needed_offset=earlier.offset))


def _circles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each circle of dependencies once, as [a, b, …, a], starting at the first-listed task."""
    order = {key: n for n, key in enumerate(graph)}
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    done: set[str] = set()

    def visit(key: str, path: list[str]) -> None:
        for needed in graph[key]:
            if needed in path:
                circle = path[path.index(needed):]
                start = min(range(len(circle)), key=lambda i: order[circle[i]])
                circle = circle[start:] + circle[:start]
                if frozenset(circle) not in seen:
                    seen.add(frozenset(circle))
                    found.append([*circle, circle[0]])
            elif needed not in done:
                visit(needed, [*path, needed])
        done.add(key)

    for key in graph:
        if key not in done:
            visit(key, [key])
    return found

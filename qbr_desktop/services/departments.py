"""The customer's departments, and which use the product yet: the untapped ones are whitespace."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.accounts import name_key, sort_key
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.expansion import DepartmentInfo
from qbr_desktop.i18n import Message, msg, ui_text
from qbr_desktop.imports.values import ValueProblem, clean_text, parse_whole
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import account_gone
from qbr_desktop.store.insight_repositories import DepartmentRepository
from qbr_desktop.store.models import AccountRow, DepartmentRow

#: The column's own limit, so the check and the schema cannot drift apart.
NAME_MAX: int = DepartmentRow.__table__.c.name.type.length  # type: ignore[attr-defined]
#: More people than any one department has; a bigger number is a typo (or a pasted ARR).
HEADCOUNT_MAX = 10_000_000

_ROW_NUMBER = re.compile(r"row (\d+)")


@dataclass(frozen=True, slots=True)
class DepartmentItem:
    """One department as the editor shows it; headcount None means not known."""

    name: str
    headcount: int | None = None
    uses_product: bool = False


def clean_name(text: str) -> str:
    """A name on one line: control characters dropped, line breaks and tabs become spaces."""
    return " ".join(clean_text(text).replace("\t", " ").splitlines())


def headcount_from_text(text: str) -> int | None:
    """What a person typed in a headcount cell ('1,200', '' for unknown) as a number.

    Raises ValueError with a sentence naming the text when it is not a whole number.
    """
    if not text.strip():
        return None
    try:
        return parse_whole(text)
    except ValueProblem as exc:
        raise ValueError(msg("“{text}” is not a whole number of people",
                             text=text.strip())) from exc


def validate_departments(items: Sequence[DepartmentItem]) -> dict[str, Message]:
    """Problems keyed "row N: field", so an editor can point at the cell."""
    problems: dict[str, Message] = {}
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        where, name = f"row {number}", clean_name(item.name)
        if not name:
            problems[f"{where}: name"] = msg("Row {number} needs a department name",
                                             number=number)
        elif len(name) > NAME_MAX:
            problems[f"{where}: name"] = msg(
                "Row {number}: the name is {length:,} characters; the limit is {limit:,}",
                number=number, length=len(name), limit=NAME_MAX)
        elif (key := name_key(name)) in seen:
            problems[f"{where}: name"] = msg("Row {number} repeats “{name}” from row {first}",
                                             number=number, name=name, first=seen[key])
        else:
            seen[key] = number
        headcount = item.headcount
        if headcount is None:
            continue
        # bool is an int to Python, but True people is a mistake, not a headcount
        if isinstance(headcount, bool) or not isinstance(headcount, int):
            problems[f"{where}: headcount"] = msg(
                "Row {number}: the headcount must be a whole number of people", number=number)
        elif headcount < 0:
            problems[f"{where}: headcount"] = msg(
                "Row {number}: a headcount cannot be negative", number=number)
        elif headcount > HEADCOUNT_MAX:
            problems[f"{where}: headcount"] = msg(
                "Row {number}: {headcount:,} people is more than {limit:,}; check the number",
                number=number, headcount=headcount, limit=HEADCOUNT_MAX)
    return problems


def read_entered(rows: Iterable[tuple[str, str, bool]]
                 ) -> tuple[list[DepartmentItem], dict[str, str]]:
    """Rows as typed into an editor (name, headcount text, uses product): items and problems.

    Problems cover unreadable headcounts as well as validate_departments, in row order, so
    an editor can show them all at once.
    """
    items: list[DepartmentItem] = []
    unreadable: dict[str, Message] = {}
    for number, (name, headcount_text, uses_product) in enumerate(rows, start=1):
        try:
            headcount = headcount_from_text(headcount_text)
        except ValueError as exc:
            unreadable[f"row {number}: headcount"] = msg("Row {number}: {problem}",
                                                         number=number, problem=exc.args[0])
            headcount = None
        items.append(DepartmentItem(name, headcount, uses_product))
    problems = {**validate_departments(items), **unreadable}
    # The editor shows them as they stand, in the interface language.
    return items, {key: ui_text(problem) for key, problem in
                   sorted(problems.items(), key=lambda pair: _row_order(pair[0]))}


def _row_order(key: str) -> tuple[int, int]:
    """Rows top to bottom and, within a row, the table's columns left to right."""
    found = _ROW_NUMBER.match(key)
    return (int(found.group(1)) if found else 0, 0 if key.endswith("name") else 1)


class DepartmentService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def items(self, account_id: int) -> list[DepartmentItem]:
        """The account's departments in the alphabetical order a person expects."""
        with session_scope(self._sessions) as session:
            _require_account(session, account_id)
            rows = DepartmentRepository(session).for_account(account_id)
            items = [DepartmentItem(r.name, r.headcount, bool(r.uses_product)) for r in rows]
        return sorted(items, key=lambda item: (sort_key(item.name), item.name))

    def replace(self, account_id: int, items: Sequence[DepartmentItem]) -> None:
        """Save the account's whole edited list at once: all of it, or nothing.

        The column cannot hold "unknown", so an unknown headcount is stored as 0, which
        the expansion estimate treats the same way (no people to roll out to).
        """
        if problems := validate_departments(items):
            raise ValidationFailed(problems)
        departments = [DepartmentInfo(clean_name(item.name), item.headcount or 0,
                                      item.uses_product) for item in items]
        with session_scope(self._sessions) as session:
            _require_account(session, account_id)
            DepartmentRepository(session).replace_for_account(account_id, departments)


def _require_account(session: Session, account_id: int) -> None:
    if session.get(AccountRow, account_id) is None:
        raise account_gone(account_id)

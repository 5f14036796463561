"""Unsaved ROI work, per account and quarter, and the one sentence that describes it.

A draft is what the form held when the CSM left an account (or quarter) whose changes could
not be saved: the document as typed, the story, and the last sound figures *of that
account*, so coming back shows exactly what was left, never another account's numbers.
No Qt here: the panel keeps the drafts, this module words them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from qbr_desktop.domain.roi import DEFAULT_PERIOD_DAYS, SPECS, Category, Confidence
from qbr_desktop.domain.roi_scenarios import RoiResult, Scenario
from qbr_desktop.domain.roi_story import ValueStory
from qbr_desktop.gui.translation import QT_TRANSLATE_NOOP, translate
from qbr_desktop.i18n import ui_label

UNSAVED = QT_TRANSLATE_NOOP("drafts", "Unsaved ROI changes for {drafts}")
UNSAVED_MORE = QT_TRANSLATE_NOOP("drafts", "Unsaved ROI changes for {drafts} and {count} more")
ONE_DRAFT = QT_TRANSLATE_NOOP("drafts", "{account} ({fields})")
ONE_DRAFT_IN = QT_TRANSLATE_NOOP("drafts", "{account}, {quarter} ({fields})")
ONE_FIELD = QT_TRANSLATE_NOOP("drafts", "1 field")
MANY_FIELDS = QT_TRANSLATE_NOOP("drafts", "{count} fields")
WITH_INVALID = QT_TRANSLATE_NOOP("drafts", "{fields}, {invalid} not valid: {names}")
KEPT_NOTE = QT_TRANSLATE_NOOP("drafts", "{unsaved} — kept until you save or discard them there.")
NOT_SAVED = QT_TRANSLATE_NOOP("drafts",
                              "Not saved. {unsaved}: open the account to fix the marked fields.")
DISCARD_QUESTION = QT_TRANSLATE_NOOP("drafts",
                                     "{unsaved}. Discard them and go back to what is stored?")
NAME_LENGTH = 80  # longer account names are cut, as in the delete prompt

# What the form calls a line's own fields, for "not valid: …".
FIELD_WORDS = {
    "label": "name", "category": "category", "confidence": "confidence",
    "period_days": "period", "weight": QT_TRANSLATE_NOOP("drafts", "business weight"),
    "baseline": "baseline",
    "target": "target", "outcome": "outcome", "description": "description",
    "evidence": "evidence",
    "multipliers.low": QT_TRANSLATE_NOOP("drafts", "conservative multiplier"),
    "multipliers.expected": QT_TRANSLATE_NOOP("drafts", "expected multiplier"),
    "multipliers.high": QT_TRANSLATE_NOOP("drafts", "optimistic multiplier"),
    "multipliers": "multipliers", "discount_rate": QT_TRANSLATE_NOOP("drafts", "discount rate"),
    "investments.label": QT_TRANSLATE_NOOP("drafts", "cost name"),
    "investments.amount": QT_TRANSLATE_NOOP("drafts", "cost amount"),
    "investments.kind": QT_TRANSLATE_NOOP("drafts", "cost kind"),
}
INPUT_WORDS = {name: spec.words for specs in SPECS.values() for name, spec in specs.items()}
_INDEXED = re.compile(r"^(lines|investments)\[\d+\]\.?")
_NEW_LINE_ID = re.compile(r"^line-(\d+)$")


def new_line(used_ids: Iterable[object], count: int) -> dict[str, Any]:
    """A fresh value line for the form: a cost line named after its place."""
    used = set(used_ids)
    number = count + 1
    while f"line-{number}" in used:
        number += 1
    return {"id": f"line-{number}",
            "label": translate("drafts", "Value line {number}").format(number=number),
            "category": Category.COST.value, "confidence": Confidence.MEDIUM.value,
            "period_days": DEFAULT_PERIOD_DAYS, "weight": "1"}


@dataclass
class Draft:
    """One account's unsaved ROI work for one quarter, with what it is measured against."""

    account_name: str
    quarter: str
    document: dict[str, Any]
    stored_document: dict[str, Any]
    story: ValueStory
    stored_story: ValueStory
    story_follows_numbers: bool
    problems: dict[str, str] = field(default_factory=dict)
    # The last sound figures of this draft (the figures leave out changes with problems).
    result: RoiResult | None = None
    scenarios: Mapping[Scenario, RoiResult] = field(default_factory=dict)

    def changed_fields(self) -> int:
        story_changed = (not self.story_follows_numbers and self.story != self.stored_story)
        return changed_fields(self.stored_document, self.document) + int(story_changed)

    def worth_keeping(self) -> bool:
        """Whether leaving it would lose anything the CSM typed."""
        return bool(self.problems) or self.changed_fields() > 0


def _same(a: object, b: object) -> bool:
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    try:
        return Decimal(str(a)) == Decimal(str(b))
    except InvalidOperation:
        return str(a) == str(b)


def _line_leaves(line: Mapping[str, Any]) -> dict[str, object]:
    leaves: dict[str, object] = {}
    for name, value in line.items():
        if name == "multipliers":
            factors = value if isinstance(value, Mapping) else {}
            for key in ("low", "expected", "high"):
                leaves[f"multipliers.{key}"] = factors.get(key)
        elif name != "id":
            leaves[name] = value
    return leaves


def changed_fields(stored: Mapping[str, Any], draft: Mapping[str, Any]) -> int:
    """How many fields the draft changed: a new line's fields count where they differ from a
    fresh line's, a removed line or cost counts once."""
    count = 0 if _same(stored.get("discount_rate"), draft.get("discount_rate")) else 1
    before = {str(line.get("id")): line for line in stored.get("lines", [])}
    after = {str(line.get("id")): line for line in draft.get("lines", [])}
    count += sum(1 for line_id in before if line_id not in after)
    for line_id, line in after.items():
        base = before.get(line_id)
        if base is None:
            number = _NEW_LINE_ID.match(line_id)
            base = new_line((), int(number.group(1)) - 1 if number else 0)
        old, new = _line_leaves(base), _line_leaves(line)
        count += sum(1 for name in old.keys() | new.keys()
                     if not _same(old.get(name), new.get(name)))
    costs_before, costs_after = stored.get("investments", []), draft.get("investments", [])
    count += abs(len(costs_before) - len(costs_after))
    for old_cost, new_cost in zip(costs_before, costs_after, strict=False):
        count += sum(1 for name in old_cost.keys() | new_cost.keys()
                     if not _same(old_cost.get(name), new_cost.get(name)))
    return count


def field_words(path: str) -> str:
    """'lines[0].hourly_rate' → 'hourly rate': what the CSM sees as the field's caption."""
    indexed = _INDEXED.match(path)
    rest = path[indexed.end():] if indexed else path
    if indexed and indexed.group(1) == "investments":
        rest = f"investments.{rest}"
    words = INPUT_WORDS.get(rest)
    return ((ui_label(words) if words else "") or translate("drafts", FIELD_WORDS.get(rest, ""))
            or rest.replace("_", " ") or translate("drafts", "line"))


def _account(name: str) -> str:
    return name if len(name) <= NAME_LENGTH else name[:NAME_LENGTH - 1] + "…"


def describe_one(draft: Draft, current_quarter: str) -> str:
    changed = draft.changed_fields()
    fields = translate("drafts", ONE_FIELD) if changed == 1 else translate("drafts",
                                                                           MANY_FIELDS).format(count=changed)
    if draft.problems:
        names = list(dict.fromkeys(field_words(path) for path in draft.problems))
        invalid = "one" if len(draft.problems) == 1 else str(len(draft.problems))
        fields = translate("drafts", WITH_INVALID).format(fields=fields, invalid=invalid,
                                                          names=", ".join(names))
    if draft.quarter == current_quarter:
        return translate("drafts", ONE_DRAFT).format(account=_account(draft.account_name),
                                                     fields=fields)
    return translate("drafts", ONE_DRAFT_IN).format(account=_account(draft.account_name),
                                                    quarter=draft.quarter,
                               fields=fields)


def describe(drafts: Sequence[Draft], current_quarter: str,
             limit: int | None = None) -> str | None:
    """'Unsaved ROI changes for Globex Corp (3 fields, one not valid: hourly rate)', or None
    when nothing is unsaved. With a limit, drafts past it are only counted ("and 4 more")."""
    parts = [describe_one(draft, current_quarter) for draft in drafts]
    if not parts:
        return None
    if limit is not None and len(parts) > limit + 1:
        return translate("drafts", UNSAVED_MORE).format(drafts=", ".join(parts[:limit]),
                                   count=len(parts) - limit)
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + translate(
        "drafts", " and ") + parts[-1]
    return translate("drafts", UNSAVED).format(drafts=listed)

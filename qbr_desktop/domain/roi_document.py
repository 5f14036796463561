"""The ROI model's checks and its JSON document.

validate_model() returns every problem keyed by field path ("lines[2].hours_saved"), the same
paths the document uses, so a form can show each message beside its field. The document is
what the service layer stores per account and quarter:

    {"version": 1, "currency": "USD", "quarter": "2026Q3", "discount_rate": "0.10",
     "lines": [{"id": "support", "label": "...", "category": "cost_reduction",
                "hours_saved": "1200", "hourly_rate": "75", "period_days": 91, ...}],
     "investments": [{"label": "Subscription", "kind": "subscription",
                      "amount": "100000", "recurring": true}]}

Numbers are written as strings (whole numbers may also be JSON integers); a JSON number
with a fraction is refused, since a float may already have lost digits. A line's inputs sit
beside its other fields, so their paths read "lines[2].hours_saved".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.money import CURRENCIES
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi import (
    DEFAULT_DISCOUNT_RATE,
    DEFAULT_PERIOD_DAYS,
    FTE_PAIR,
    HOURS_PAIR,
    LARGEST,
    LONGEST_PERIOD_DAYS,
    REQUIRED,
    SPECS,
    Category,
    Confidence,
    CostKind,
    InputSpec,
    InvestmentItem,
    Kind,
    Multipliers,
    RoiModel,
    ValueLine,
)
from qbr_desktop.i18n import N_, Message, msg

VERSION = 1
_LINE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
# A label names a line on a slide and in a table cell; a description or evidence is a few
# sentences. Longer text is a paste gone wrong, and no export could lay it out.
LABEL_LIMIT = 200
TEXT_LIMIT = 2_000
_LINE_FIELDS = ("id", "label", "category", "period_days", "confidence", "weight", "baseline",
                "target", "outcome", "description", "evidence", "multipliers")
_INVESTMENT_FIELDS = ("label", "kind", "amount", "recurring")
_TOP_FIELDS = ("version", "currency", "quarter", "discount_rate", "lines", "investments")



def number_problem(value: Decimal) -> Message | None:
    """Why a number cannot be used at all (not finite, absurdly large), or None."""
    if not value.is_finite():
        return msg("{value} is not a finite number", value=str(value))
    if value.copy_abs() > LARGEST:  # copy_abs: no context, so no overflow on 1E+999999999
        # Grouped digits up to a trillion trillion; beyond that, 1E+30 rather than a wall of 0s.
        shown = f"{value:,f}" if value.adjusted() < 24 else f"{value:E}"
        return msg("{value} is beyond the largest number accepted (1,000,000,000,000,000)",
                   value=shown)
    return None


def _pct(value: Decimal) -> str:
    text = f"{value * 100:f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


def _input_problem(spec: InputSpec, value: Decimal) -> Message | None:
    problem = number_problem(value)
    if problem:
        return problem
    field = msg(spec.words)
    if spec.kind is Kind.COUNT and value < 0:
        return msg("{field} cannot be negative (it is {value}); enter what was saved, or "
                   "record a cost increase as a negative reduction or stated value",
                   field=field, value=str(value))
    if spec.kind is Kind.MONEY and value < 0:
        return msg("{field} cannot be negative (it is {value})", field=field, value=str(value))
    if spec.kind is Kind.SHARE and not 0 <= value <= 1:
        return msg("an {field} must be between 0% and 100% (it is {value})", field=field,
                   value=_pct(value))
    if spec.kind is Kind.CHANGE and value > 1:
        # The limit as a value: "100% is" reads as a %-format to the catalogue's checks.
        return msg("an {field} above {limit} is not possible (it is {value})", field=field,
                   limit="100%", value=_pct(value))
    if spec.kind is Kind.CHANGE and value < -1:
        return msg("an {field} below -100% (more than double) is outside what the model "
                   "accepts (it is {value})", field=field, value=_pct(value))
    return None


def _check_inputs(line: ValueLine, at: str, problems: dict[str, Message]) -> None:
    specs = SPECS[line.category]
    for name, value in line.inputs.items():
        spec = specs.get(name)
        if spec is None:
            expected = ", ".join(specs)
            problems[f"{at}.{name}"] = msg(
                "not an input of a {category} line (expected: {expected})",
                category=msg(CATEGORY_WORDS[line.category]), expected=expected)
            continue
        problem = _input_problem(spec, value)
        if problem:
            problems[f"{at}.{name}"] = problem
    for name in REQUIRED[line.category]:
        if name not in line.inputs:
            problems[f"{at}.{name}"] = msg(
                "{field} is required for a {category} line", field=msg(specs[name].words),
                category=msg(CATEGORY_WORDS[line.category]))
    if line.category is Category.COST:
        hours = [n in line.inputs for n in HOURS_PAIR]
        ftes = [n in line.inputs for n in FTE_PAIR]
        if any(hours) and any(ftes):
            problems[f"{at}.ftes_saved"] = msg("use hours saved or FTEs saved on one line, "
                                               "not both")
        elif not any(hours) and not any(ftes):
            problems[f"{at}.hours_saved"] = msg(
                "enter hours saved and an hourly rate, or FTEs saved and a cost per FTE")
        else:
            for name in HOURS_PAIR if any(hours) else FTE_PAIR:
                if name not in line.inputs:
                    other = (HOURS_PAIR if any(hours) else FTE_PAIR)[0]
                    problems[f"{at}.{name}"] = msg(
                        "{field} is needed with {other}", field=msg(specs[name].words),
                        other=msg(specs[other].words))


def _check_line(line: ValueLine, at: str, problems: dict[str, Message]) -> None:
    if not _LINE_ID.match(line.id):
        problems[f"{at}.id"] = msg(
            "“{id}” is not a line id (lower-case letters, digits, - and _, up to 40)",
            id=line.id)
    if not line.label.strip():
        problems[f"{at}.label"] = msg("give the line a name")
    elif len(line.label) > LABEL_LIMIT:
        problems[f"{at}.label"] = _too_long(N_("the name"), line.label, LABEL_LIMIT)
    for name, what in (("description", N_("the description")),
                       ("evidence", N_("the evidence"))):
        text: str = getattr(line, name)
        if len(text) > TEXT_LIMIT:
            problems[f"{at}.{name}"] = _too_long(what, text, TEXT_LIMIT)
    if not 1 <= line.period_days <= LONGEST_PERIOD_DAYS:
        problems[f"{at}.period_days"] = msg(
            "a period must be 1 to {longest:,} days (it is {days})",
            longest=LONGEST_PERIOD_DAYS, days=line.period_days)
    if line.category is Category.STRATEGIC and not line.description.strip():
        problems[f"{at}.description"] = msg(
            "describe the strategic value (what changed for the customer)")
    _check_inputs(line, at, problems)
    for name in ("weight", "baseline", "target", "outcome"):
        value = getattr(line, name)
        problem = None if value is None else number_problem(value)
        if problem:
            problems[f"{at}.{name}"] = problem
    if line.weight.is_finite() and line.weight < 0:
        problems[f"{at}.weight"] = msg("a business weight cannot be negative (it is {value})",
                                       value=str(line.weight))
    m = line.multipliers
    if m is not None:
        factors = (m.low, m.expected, m.high)
        bad = next((p for p in map(number_problem, factors) if p), None)
        if bad:
            problems[f"{at}.multipliers"] = bad
        elif min(factors) < 0:
            problems[f"{at}.multipliers"] = msg("scenario multipliers cannot be negative")
        elif not m.low <= m.expected <= m.high:
            problems[f"{at}.multipliers"] = msg(
                "low ≤ expected ≤ high is required (they are {low}, {expected}, {high})",
                low=str(m.low), expected=str(m.expected), high=str(m.high))


def _too_long(what: str, text: str, limit: int) -> Message:
    """`what` names the field, marked with N_ ("the name")."""
    return msg("{field} is {length:,} characters; keep it to {limit:,}", field=msg(what),
               length=len(text), limit=limit)


# A category as a problem names it ("a cost reduction line").
CATEGORY_WORDS: dict[Category, str] = {
    Category.REVENUE: N_("revenue impact"), Category.COST: N_("cost reduction"),
    Category.RISK: N_("risk mitigation"), Category.QUALITY: N_("quality improvement"),
    Category.STRATEGIC: N_("strategic value"),
}


def validate_model(model: RoiModel) -> dict[str, Message]:
    """Every problem in the model, keyed by field path ("lines[2].hours_saved"); {} when fine."""
    return _check_parts(model.currency, model.discount_rate, enumerate(model.lines),
                        enumerate(model.investments))


def _check_parts(currency: str | None, rate: Decimal | None,
                 lines: Iterable[tuple[int, ValueLine]],
                 investments: Iterable[tuple[int, InvestmentItem]]) -> dict[str, Message]:
    """The checks on whatever parts could be read (None and missing parts are skipped)."""
    problems: dict[str, Message] = {}
    if currency is not None and currency not in CURRENCIES:
        problems["currency"] = msg("“{currency}” is not a currency we know (e.g. USD, EUR)",
                                   currency=currency)
    rate_problem = None if rate is None else number_problem(rate)
    if rate_problem:
        problems["discount_rate"] = rate_problem
    elif rate is not None and not 0 <= rate <= 1:
        problems["discount_rate"] = msg(
            "a discount rate must be between 0% and 100% (it is {value})", value=_pct(rate))
    seen: set[str] = set()
    for index, line in lines:
        at = f"lines[{index}]"
        _check_line(line, at, problems)
        if line.id in seen:
            problems.setdefault(f"{at}.id", msg("“{id}” is already used by another line",
                                                id=line.id))
        seen.add(line.id)
    for index, item in investments:
        at = f"investments[{index}]"
        if not item.label.strip():
            problems[f"{at}.label"] = msg("give the cost a name")
        elif len(item.label) > LABEL_LIMIT:
            problems[f"{at}.label"] = _too_long(N_("the name"), item.label, LABEL_LIMIT)
        problem = number_problem(item.amount)
        if problem:
            problems[f"{at}.amount"] = problem
        elif item.amount < 0:
            problems[f"{at}.amount"] = msg(
                "a cost cannot be negative (it is {value}); enter a discount as a smaller cost",
                value=str(item.amount))
    return problems



# --- the document -----------------------------------------------------------------------------


def _number(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def model_to_dict(model: RoiModel) -> dict[str, Any]:
    """The model as plain JSON-able data; model_from_dict(model_to_dict(m)) == m."""
    lines = []
    for line in model.lines:
        m = line.multipliers
        entry: dict[str, Any] = {
            "id": line.id, "label": line.label, "category": line.category.value,
            "period_days": line.period_days, "confidence": line.confidence.value,
            "weight": str(line.weight), "baseline": _number(line.baseline),
            "target": _number(line.target), "outcome": _number(line.outcome),
            "description": line.description, "evidence": line.evidence,
            "multipliers": None if m is None else {
                "low": str(m.low), "expected": str(m.expected), "high": str(m.high)},
        }
        entry.update((name, str(value)) for name, value in line.inputs.items())
        lines.append(entry)
    return {
        "version": VERSION,
        "currency": model.currency,
        "quarter": str(model.quarter),
        "discount_rate": str(model.discount_rate),
        "lines": lines,
        "investments": [
            {"label": item.label, "kind": item.kind.value, "amount": str(item.amount),
             "recurring": item.recurring}
            for item in model.investments
        ],
    }


class _Reader:
    """Reads fields out of JSON data, noting every problem under its path instead of raising."""

    def __init__(self) -> None:
        self.problems: dict[str, Message | str] = {}

    def fail(self, path: str, message: Message | str) -> None:
        self.problems.setdefault(path, message)

    def decimal(self, raw: object, path: str) -> Decimal | None:
        if isinstance(raw, bool) or raw is None:
            self.fail(path, msg("{value} is not a number", value=_show(raw)))
            return None
        if isinstance(raw, int):
            return Decimal(raw)
        if isinstance(raw, float):
            self.fail(path, msg("{value} is a JSON number with a fraction; write it as text "
                                "(\"{value}\") so no digits are lost", value=repr(raw)))
            return None
        if not isinstance(raw, str):
            self.fail(path, msg("{value} is not a number", value=_show(raw)))
            return None
        try:
            value = Decimal(raw.strip())
        except InvalidOperation:
            self.fail(path, msg("{value} is not a number", value=_show(raw)))
            return None
        if not value.is_finite():
            self.fail(path, msg("{value} is not a finite number", value=_show(raw)))
            return None
        return value

    def optional_decimal(self, data: dict[str, Any], key: str, path: str) -> Decimal | None:
        raw = data.get(key)
        return None if raw is None else self.decimal(raw, f"{path}.{key}")

    def text(self, data: dict[str, Any], key: str, path: str, default: str | None = None) -> str:
        raw = data.get(key)
        raw = default if raw is None else raw
        if isinstance(raw, str):
            return raw
        self.fail(f"{path}.{key}" if path else key,
                  msg("missing") if raw is None else msg("{value} is not text",
                                                         value=_show(raw)))
        return ""

    def choice(self, data: dict[str, Any], key: str, path: str,
               kind: type[Category] | type[Confidence] | type[CostKind],
               default: str | None = None) -> Any:
        raw = self.text(data, key, path, default)
        try:
            return kind(raw)
        except ValueError:
            if raw:
                allowed = ", ".join(member.value for member in kind)
                self.fail(f"{path}.{key}", msg("{value} is not one of {allowed}",
                                               value=_show(raw), allowed=allowed))
            return None

    def obj(self, raw: object, path: str, fields: tuple[str, ...],
            what: Message) -> dict[str, Any]:
        if not isinstance(raw, dict):
            self.fail(path, msg("expected {what} (an object), found {value}", what=what,
                                value=_show(raw)))
            return {}
        for key in raw:
            if key not in fields:
                self.fail(f"{path}.{key}" if path else str(key),
                          msg("not a field of {what}", what=what))
        return raw

    def items(self, data: dict[str, Any], key: str) -> list[Any]:
        raw = data.get(key, [])
        if isinstance(raw, list):
            return raw
        self.fail(key, msg("expected a list, found {value}", value=_show(raw)))
        return []


def _show(raw: object) -> Message | str:
    if isinstance(raw, str):
        return f"“{raw}”"
    if raw is None:
        return msg("nothing")
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return type(raw).__name__ if isinstance(raw, dict | list) else repr(raw)


def _read_line(r: _Reader, raw: object, path: str) -> ValueLine | None:
    if not isinstance(raw, dict):
        r.fail(path, msg("expected a value line (an object), found {value}",
                         value=_show(raw)))
        return None
    data: dict[str, Any] = raw
    category = r.choice(data, "category", path, Category)
    if category is not None:
        r.obj(data, path, _LINE_FIELDS + tuple(SPECS[category]),
              msg("a {category} line", category=msg(CATEGORY_WORDS[category])))
    inputs = {}
    for name in SPECS[category] if category is not None else ():
        if name in data:
            value = r.decimal(data[name], f"{path}.{name}")
            if value is not None:
                inputs[name] = value
    days = data.get("period_days", DEFAULT_PERIOD_DAYS)
    if isinstance(days, str) and days.strip().isdigit():
        days = int(days)
    if isinstance(days, bool) or not isinstance(days, int):
        r.fail(f"{path}.period_days", msg("{value} is not a whole number of days",
                                          value=_show(days)))
        days = DEFAULT_PERIOD_DAYS
    weight = r.optional_decimal(data, "weight", path)
    multipliers = None
    if data.get("multipliers") is not None:
        m_path = f"{path}.multipliers"
        m = r.obj(data["multipliers"], m_path, ("low", "expected", "high"),
                  msg("multipliers"))
        factors: list[Decimal | None] = []
        for key in ("low", "expected", "high") if m else ():
            if m.get(key) is None:  # a form with one of the three left empty
                r.fail(f"{m_path}.{key}", msg("give all three multipliers, or none to use the "
                                              "range that goes with the line's confidence"))
                factors.append(None)
            else:
                factors.append(r.decimal(m.get(key), f"{m_path}.{key}"))
        if m and None not in factors:
            multipliers = Multipliers(*factors)  # type: ignore[arg-type]
    line = ValueLine(
        id=r.text(data, "id", path), label=r.text(data, "label", path),
        category=category or Category.STRATEGIC, inputs=inputs, period_days=days,
        confidence=r.choice(data, "confidence", path, Confidence, "medium") or Confidence.MEDIUM,
        weight=Decimal(1) if weight is None else weight,
        baseline=r.optional_decimal(data, "baseline", path),
        target=r.optional_decimal(data, "target", path),
        outcome=r.optional_decimal(data, "outcome", path),
        description=r.text(data, "description", path, ""),
        evidence=r.text(data, "evidence", path, ""),
        multipliers=multipliers,
    )
    return line if category is not None else None


def _read_investment(r: _Reader, raw: object, path: str) -> InvestmentItem | None:
    data = r.obj(raw, path, _INVESTMENT_FIELDS, msg("an investment"))
    if not data:
        return None
    amount = r.decimal(data.get("amount"), f"{path}.amount") if "amount" in data else None
    if "amount" not in data:
        r.fail(f"{path}.amount", msg("missing"))
    recurring = data.get("recurring")
    if not isinstance(recurring, bool):
        r.fail(f"{path}.recurring",
               msg("expected true (a yearly cost) or false (one-off), found {value}",
                   value=_show(recurring)))
    kind = r.choice(data, "kind", path, CostKind)
    label = r.text(data, "label", path)
    if amount is None or kind is None or not isinstance(recurring, bool):
        return None
    return InvestmentItem(label, kind, amount, recurring)


def parse_document(data: object) -> tuple[RoiModel | None, dict[str, Message | str]]:
    """The model and {} when the document is sound; otherwise None and every problem found."""
    r = _Reader()
    document = msg("an ROI document")
    if not isinstance(data, dict):
        return None, {"document": msg("expected {what} (an object), found {value}",
                                      what=document, value=_show(data))}
    version = data.get("version")
    if version != VERSION or isinstance(version, bool):
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            message = msg("{version} is newer than this app understands ({known}); update "
                          "the app", version=version, known=VERSION)
        else:
            message = msg("missing") if version is None else msg(
                "{value} is not a version", value=_show(version))
        return None, {"version": message}
    r.obj(data, "", _TOP_FIELDS, document)
    currency = r.text(data, "currency", "")
    quarter = None
    quarter_text = r.text(data, "quarter", "")
    try:
        quarter = Quarter.parse(quarter_text) if quarter_text else None
    except ValueError as exc:
        r.fail("quarter", str(exc))
    rate = (r.decimal(data["discount_rate"], "discount_rate") if "discount_rate" in data
            else DEFAULT_DISCOUNT_RATE)
    lines = [_read_line(r, raw, f"lines[{i}]") for i, raw in enumerate(r.items(data, "lines"))]
    investments = [_read_investment(r, raw, f"investments[{i}]")
                   for i, raw in enumerate(r.items(data, "investments"))]
    checked = _check_parts(
        None if "currency" in r.problems else currency, rate,
        [(i, line) for i, line in enumerate(lines) if line is not None],
        [(i, item) for i, item in enumerate(investments) if item is not None])
    for path, message in checked.items():
        r.fail(path, message)
    if r.problems or quarter is None or rate is None:
        return None, r.problems
    model = RoiModel(
        currency=currency, quarter=quarter, discount_rate=rate,
        lines=tuple(line for line in lines if line is not None),
        investments=tuple(item for item in investments if item is not None),
    )
    return model, {}


def model_from_dict(data: object) -> RoiModel:
    """The model a document describes; ValidationFailed lists every problem by field path."""
    model, problems = parse_document(data)
    if model is None:
        raise ValidationFailed(problems)
    return model

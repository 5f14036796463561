"""The ROI document: a lossless round trip, and a precise message for every bad input."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.domain.roi import (
    Category,
    Confidence,
    CostKind,
    InvestmentItem,
    Multipliers,
    RoiModel,
    ValueLine,
    subscription_from_arr,
)
from qbr_desktop.domain.roi_document import (
    model_from_dict,
    model_to_dict,
    parse_document,
    validate_model,
)
from qbr_desktop.i18n import Message, english

D = Decimal

MODEL = RoiModel(
    currency="JPY",
    quarter=Quarter(2026, 3),
    discount_rate=D("0.085"),
    lines=(
        ValueLine("support", "客户支持自动化 🚀", Category.COST,
                  {"hours_saved": D("1200.5"), "hourly_rate": D("7500")},
                  confidence=Confidence.HIGH, baseline=D(0), target=D(1500),
                  outcome=D("1200.5"), evidence="Zendesk <export> & “Q3” notes\nline two"),
        ValueLine("brand", "Brand <&>", Category.STRATEGIC, description="写进了年报 ✨",
                  weight=D("0.5"), multipliers=Multipliers(D("0.5"), D(1), D("1.5"))),
        ValueLine("errors", "Errors", Category.QUALITY,
                  {"cost_per_error": D("40.25"), "error_volume": D(3000),
                   "error_reduction": D("-0.1")}, period_days=30),
    ),
    investments=(subscription_from_arr(D(12000000)),
                 InvestmentItem("導入支援", CostKind.SERVICES, D("1E+6"), recurring=False)),
)


def test_round_trip_through_json_is_identity() -> None:
    data = model_to_dict(MODEL)
    for ensure_ascii in (True, False):
        text = json.dumps(data, ensure_ascii=ensure_ascii)
        assert model_from_dict(json.loads(text)) == MODEL


def test_document_shape_is_versioned_with_numbers_as_text() -> None:
    data = model_to_dict(MODEL)
    assert data["version"] == 1 and data["quarter"] == "2026Q3"
    assert data["discount_rate"] == "0.085"
    first = data["lines"][0]
    assert first["hours_saved"] == "1200.5" and first["hourly_rate"] == "7500"
    assert first["category"] == "cost_reduction" and first["confidence"] == "high"
    assert data["lines"][1]["multipliers"] == {"low": "0.5", "expected": "1", "high": "1.5"}
    assert data["investments"][1] == {"label": "導入支援", "kind": "services",
                                      "amount": "1E+6", "recurring": False}


def minimal(**line: Any) -> dict[str, Any]:
    entry = {"id": "a", "label": "A", "category": "cost_reduction",
             "hours_saved": "1200", "hourly_rate": "75", **line}
    return {"version": 1, "currency": "USD", "quarter": "2026Q3", "lines": [entry],
            "investments": [{"label": "S", "kind": "subscription", "amount": 80000,
                             "recurring": True}]}


def test_optional_fields_take_their_defaults_and_whole_numbers_may_be_integers() -> None:
    model = model_from_dict(minimal(hours_saved=1200))
    line = model.lines[0]
    assert model.discount_rate == D("0.10")
    assert (line.period_days, line.confidence, line.weight) == (91, Confidence.MEDIUM, 1)
    assert line.inputs == {"hours_saved": 1200, "hourly_rate": 75}
    assert model.investments[0].amount == 80000


def problems(**line: Any) -> dict[str, str]:
    model, found = parse_document(minimal(**line))
    assert model is None
    return in_english(found)


def in_english(found: Mapping[str, Message | str]) -> dict[str, str]:
    """The problems as `--json` and the log keep them."""
    return {path: english(text) for path, text in found.items()}


def parsed(data: object) -> tuple[RoiModel | None, dict[str, str]]:
    model, found = parse_document(data)
    return model, in_english(found)


@pytest.mark.parametrize(("line", "path", "message"), [
    ({"hours_saved": "abc"}, "hours_saved", "“abc” is not a number"),
    ({"hours_saved": ""}, "hours_saved", "“” is not a number"),
    ({"hours_saved": "NaN"}, "hours_saved", "“NaN” is not a finite number"),
    ({"hours_saved": "inf"}, "hours_saved", "“inf” is not a finite number"),
    ({"hours_saved": "-Infinity"}, "hours_saved", "“-Infinity” is not a finite number"),
    ({"hours_saved": "1e30"}, "hours_saved",
     "1E+30 is beyond the largest number accepted (1,000,000,000,000,000)"),
    ({"hours_saved": "2e20"}, "hours_saved",
     "200,000,000,000,000,000,000 is beyond the largest number accepted "
     "(1,000,000,000,000,000)"),
    ({"hours_saved": "1e999999999"}, "hours_saved",
     "1E+999999999 is beyond the largest number accepted (1,000,000,000,000,000)"),
    ({"hours_saved": "-5"}, "hours_saved",
     "hours saved cannot be negative (it is -5); enter what was saved, or record a cost "
     "increase as a negative reduction or stated value"),
    ({"hours_saved": 1.5}, "hours_saved",
     "1.5 is a JSON number with a fraction; write it as text (\"1.5\") so no digits are lost"),
    ({"hours_saved": True}, "hours_saved", "true is not a number"),
    ({"hours_saved": None}, "hours_saved", "nothing is not a number"),
    ({"hourly_rate": "-75"}, "hourly_rate", "hourly rate cannot be negative (it is -75)"),
    ({"period_days": 0}, "period_days", "a period must be 1 to 3,660 days (it is 0)"),
    ({"period_days": "ninety"}, "period_days", "“ninety” is not a whole number of days"),
    ({"period_days": 4000}, "period_days", "a period must be 1 to 3,660 days (it is 4000)"),
    ({"confidence": "sure"}, "confidence", "“sure” is not one of low, medium, high"),
    ({"weight": "-1"}, "weight", "a business weight cannot be negative (it is -1)"),
    ({"label": "  "}, "label", "give the line a name"),
    ({"label": 7}, "label", "7 is not text"),
    ({"id": "Bad Id"}, "id",
     "“Bad Id” is not a line id (lower-case letters, digits, - and _, up to 40)"),
    ({"hours": "1"}, "hours", "not a field of a cost reduction line"),
    ({"hourly_rate": None}, "hourly_rate", "nothing is not a number"),
    ({"ftes_saved": "1", "cost_per_fte": "90000"}, "ftes_saved",
     "use hours saved or FTEs saved on one line, not both"),
    ({"category": "magic"}, "category",
     "“magic” is not one of revenue_impact, cost_reduction, risk_mitigation, "
     "quality_improvement, strategic_value"),
    ({"multipliers": {"low": "1.2", "expected": "1", "high": "0.8"}}, "multipliers",
     "low ≤ expected ≤ high is required (they are 1.2, 1, 0.8)"),
    ({"multipliers": {"low": "-1", "expected": "1", "high": "2"}}, "multipliers",
     "scenario multipliers cannot be negative"),
    ({"multipliers": {"low": "x", "expected": "1", "high": "2"}}, "multipliers.low",
     "“x” is not a number"),
    ({"multipliers": [1, 2, 3]}, "multipliers", "expected multipliers (an object), found list"),
])
def test_each_bad_line_field_gets_its_own_message(
        line: dict[str, Any], path: str, message: str) -> None:
    assert problems(**line) == {f"lines[0].{path}": message}


def test_the_largest_number_accepted_is_a_thousand_trillion() -> None:
    assert model_from_dict(minimal(hours_saved="1000000000000000")).lines[0].inputs[
        "hours_saved"] == D(10) ** 15
    assert "beyond the largest" in problems(hours_saved="1000000000000000.01")[
        "lines[0].hours_saved"]


@pytest.mark.parametrize(("category", "inputs", "path", "message"), [
    ("cost_reduction", {"hours_saved": "1"}, "hourly_rate",
     "hourly rate is needed with hours saved"),
    ("cost_reduction", {}, "hours_saved",
     "enter hours saved and an hourly rate, or FTEs saved and a cost per FTE"),
    ("revenue_impact", {"revenue": "100", "attribution_share": "1.5"}, "attribution_share",
     "an attribution share must be between 0% and 100% (it is 150%)"),
    ("revenue_impact", {"revenue": "100"}, "attribution_share",
     "attribution share is required for a revenue impact line"),
    ("risk_mitigation", {"cost_per_incident": "100", "baseline_incidents": "3",
                         "incident_reduction": "1.2"}, "incident_reduction",
     "an incident reduction above 100% is not possible (it is 120%)"),
    ("quality_improvement", {"cost_per_error": "1", "error_volume": "1",
                             "error_reduction": "-1.5"}, "error_reduction",
     "an error reduction below -100% (more than double) is outside what the model accepts "
     "(it is -150%)"),
    ("strategic_value", {}, "description",
     "describe the strategic value (what changed for the customer)"),
])
def test_category_rules(category: str, inputs: dict[str, str], path: str, message: str) -> None:
    data = minimal()
    data["lines"][0] = {"id": "a", "label": "A", "category": category, **inputs}
    assert parsed(data) == (None, {f"lines[0].{path}": message})


@pytest.mark.parametrize(("reduction", "accepted"), [("0", True), ("1", True), ("-1", True),
                                                     ("1.01", False)])
def test_zero_and_full_reductions_are_accepted(reduction: str, accepted: bool) -> None:
    data = minimal()
    data["lines"][0] = {"id": "a", "label": "A", "category": "quality_improvement",
                        "cost_per_error": "40", "error_volume": "10",
                        "error_reduction": reduction}
    assert (parse_document(data)[0] is not None) is accepted


def test_a_negative_stated_value_is_accepted() -> None:
    data = minimal()
    data["lines"][0] = {"id": "a", "label": "A", "category": "strategic_value",
                        "stated_value": "-5000", "description": "Manual exports"}
    assert model_from_dict(data).lines[0].inputs["stated_value"] == -5000


def test_every_problem_is_reported_at_once() -> None:
    data = minimal(hours_saved="abc")
    data["lines"].append({"id": "a", "label": "B", "category": "cost_reduction",
                          "hours_saved": "-1", "hourly_rate": "75", "period_days": 0})
    data["lines"].append({"id": "c", "label": "C", "category": "cost_reduction",
                          "hours_saved": "abc", "hourly_rate": "75"})
    data["currency"] = "UDS"
    data["discount_rate"] = "1.5"
    data["investments"].append({"label": "X", "kind": "gift", "amount": "-5",
                                "recurring": "yes"})
    data["investments"].append({"label": "", "kind": "services", "amount": "-5",
                                "recurring": False})
    with pytest.raises(ValidationFailed) as caught:
        model_from_dict(data)
    assert caught.value.problems == {
        "lines[0].hours_saved": "“abc” is not a number",
        "lines[1].hours_saved": "hours saved cannot be negative (it is -1); enter what was "
                                "saved, or record a cost increase as a negative reduction or "
                                "stated value",
        "lines[1].period_days": "a period must be 1 to 3,660 days (it is 0)",
        "lines[1].id": "“a” is already used by another line",
        "lines[2].hours_saved": "“abc” is not a number",
        "currency": "“UDS” is not a currency we know (e.g. USD, EUR)",
        "discount_rate": "a discount rate must be between 0% and 100% (it is 150%)",
        "investments[1].recurring": "expected true (a yearly cost) or false (one-off), "
                                    "found “yes”",
        "investments[1].kind": "“gift” is not one of subscription, services, internal",
        "investments[2].label": "give the cost a name",
        "investments[2].amount": "a cost cannot be negative (it is -5); enter a discount as a "
                                 "smaller cost",
    }
    assert "lines[2].hours_saved: “abc” is not a number" in str(caught.value)


@pytest.mark.parametrize(("data", "expected"), [
    ([], {"document": "expected an ROI document (an object), found list"}),
    ({}, {"version": "missing"}),
    ({"version": "1"}, {"version": "“1” is not a version"}),
    ({"version": True}, {"version": "true is not a version"}),
    ({"version": 2}, {"version": "2 is newer than this app understands (1); update the app"}),
    ({"version": 1, "currency": "USD", "quarter": "Q3 2026", "lines": {}, "bogus": 1},
     {"bogus": "not a field of an ROI document",
      "quarter": "“Q3 2026” is not a quarter (expected e.g. 2026Q3)",
      "lines": "expected a list, found dict"}),
    ({"version": 1, "lines": ["oops"]},
     {"currency": "missing", "quarter": "missing",
      "lines[0]": "expected a value line (an object), found “oops”"}),
    ({"version": 1, "currency": "USD", "quarter": "2026Q3",
      "investments": [{"label": "S", "kind": "services", "recurring": False}]},
     {"investments[0].amount": "missing"}),
])
def test_document_level_problems(data: object, expected: dict[str, str]) -> None:
    assert parsed(data) == (None, expected)


def test_validate_model_checks_models_built_in_code() -> None:
    assert validate_model(MODEL) == {}
    bad_line = replace(MODEL.lines[0], inputs={"hours_saved": D("NaN"), "hourly_rate": D(1)})
    bad = replace(MODEL, lines=(bad_line,), discount_rate=D("-0.1"))
    assert in_english(validate_model(bad)) == {
        "discount_rate": "a discount rate must be between 0% and 100% (it is -10%)",
        "lines[0].hours_saved": "NaN is not a finite number",
    }
    with pytest.raises(TypeError, match="never float"):
        ValueLine("a", "A", Category.COST, {"hours_saved": 1.5})  # type: ignore[dict-item]

"""RoiService on a real file: starting models, saving, validation, history, undoable delete."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.services.roi import RoiService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import RoiModelRow

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SUPPORT = {"id": "support", "category": "cost_reduction", "label": "Support <desk> & 自動化 🚀",
           "hours_saved": "1200", "hourly_rate": "75", "period_days": "91",
           "confidence": "high"}


@pytest.fixture
def roi(context: Any) -> RoiService:
    return RoiService(context.store.sessions, clock=lambda: NOW)


def account(context: Any, arr: str = "120000") -> int:
    return int(context.accounts.create(AccountDraft(name="Acme", arr=Decimal(arr))).id)


def test_a_quarter_without_a_model_starts_from_the_subscription(context: Any,
                                                                 roi: RoiService) -> None:
    report = roi.report(account(context))
    assert not report.stored
    assert report.model.quarter == Quarter(2026, 4)
    assert report.result.investment == Decimal("120000")
    assert report.result.total_value == 0
    assert report.result.roi.value == Decimal(-1)


def test_lines_are_saved_and_evaluated_by_hand_computed_figures(context: Any,
                                                                roi: RoiService) -> None:
    acme = account(context)
    report = roi.set_lines(acme, [SUPPORT])
    # 1,200 hours x $75 = $90,000 a quarter; a 91-day period counts as a quarter: x4.
    assert report.stored and report.result.total_value == Decimal("360000")
    # (360,000 - 120,000) / 120,000 = 200 %.
    assert report.result.roi.value == Decimal(2)
    assert report.model.lines[0].label == "Support <desk> & 自動化 🚀"
    assert "1,200 hours" in report.story_text and "$90,000" in report.story_text


def test_bad_input_names_every_field_and_nothing_is_written(context: Any,
                                                            roi: RoiService) -> None:
    acme = account(context)
    roi.set_lines(acme, [SUPPORT])
    with pytest.raises(ValidationFailed) as failure:
        roi.set_lines(acme, [{**SUPPORT, "id": "two", "hours_saved": "-4",
                              "hourly_rate": "NaN"}])
    assert set(failure.value.problems) >= {"lines[1].hours_saved", "lines[1].hourly_rate"}
    assert [line.id for line in roi.report(acme).model.lines] == ["support"]


def test_history_lists_each_stored_quarter(context: Any, roi: RoiService) -> None:
    acme = account(context)
    roi.set_lines(acme, [SUPPORT], Quarter(2026, 2))
    roi.set_lines(acme, [{**SUPPORT, "hours_saved": "1500"}], Quarter(2026, 3))
    history = roi.history(acme)
    assert [quarter for quarter, _result in history] == [Quarter(2026, 2), Quarter(2026, 3)]
    assert [result.total_value for _q, result in history] == [Decimal(360000),
                                                              Decimal(450000)]


def test_an_imported_document_is_checked_like_a_typed_one(context: Any,
                                                          roi: RoiService) -> None:
    acme = account(context)
    document = json.loads(json.dumps({"version": 1, "currency": "USD", "quarter": "2026Q4",
                                      "discount_rate": "0.1", "lines": [
                                          {**SUPPORT, "weight": "1"}], "investments": []}))
    model = roi.save_document(acme, document)
    assert model.lines[0].inputs["hours_saved"] == Decimal(1200)
    with pytest.raises(ValidationFailed) as failure:
        roi.save_document(acme, {**document, "version": 9})
    assert "newer than this app" in failure.value.problems["version"]


def test_deleting_the_account_and_undoing_keeps_its_models(context: Any,
                                                          roi: RoiService) -> None:
    acme = account(context)
    roi.set_lines(acme, [SUPPORT])
    deleted = context.accounts.delete(acme)
    with session_scope(context.store.sessions) as session:
        assert session.query(RoiModelRow).count() == 0
    restored = context.accounts.restore(deleted)
    assert roi.report(restored.id).result.total_value == Decimal("360000")

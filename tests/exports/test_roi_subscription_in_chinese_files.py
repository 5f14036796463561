"""A Chinese account's new ROI model starts from a subscription labelled 订阅, and its
customer files word the return in Chinese: the investment's label itself is internal (see
domain/audience/fields.py), so neither the deck nor the brief carries it in any language."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.services.deck_files import email_draft
from tests.exports.test_customer_files_in_chinese import _deck_text, _pdf_text

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def test_a_chinese_accounts_model_and_files_carry_no_english_subscription(
        context: Any, tmp_path: Path) -> None:
    account = context.accounts.create(AccountDraft(name="华东物流 <&>", arr=Decimal("120000"),
                                                   language="zh_CN"))
    context.plans.schedule(account.id, date(2027, 1, 12), time_zone="Asia/Shanghai")
    assert [i.label for i in context.roi.report(account.id).model.investments] == ["订阅"]
    context.roi.set_lines(account.id, [{"id": "support", "label": "支持自动化",
                                        "category": "cost_reduction", "hours_saved": "1200",
                                        "hourly_rate": "75"}])
    stored = context.roi.report(account.id)
    assert stored.stored and [i.label for i in stored.model.investments] == ["订阅"]
    email_draft(context, account.id, tmp_path, now=NOW)
    deck, _runs = _deck_text(next(tmp_path.glob("*.pptx")))
    brief = _pdf_text(next(tmp_path.glob("*.pdf")))
    for text in (deck, brief):
        assert "Subscription" not in text
        assert "投资回报率" in text  # the return on the investment, in Chinese

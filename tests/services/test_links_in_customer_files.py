"""A link in an account name stored before names were checked (or edited by hand) never
reaches a customer's file as a live link."""

from __future__ import annotations

import email
import email.policy
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from qbr_desktop.domain.accounts import AccountDraft, has_link
from qbr_desktop.domain.audience.followup import FollowupFacts, Recap, customer_followup
from qbr_desktop.services.deck_files import email_draft
from qbr_desktop.services.plan_calendar import CalendarCopy, CalendarService
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import AccountRow

LINKED = "Acme http://evil.example/login"


@pytest.fixture(autouse=True)
def _application(qapp: object) -> None:
    """The deck's map picture is drawn with Qt."""


@pytest.fixture
def account_id(context: Any) -> int:
    account = context.accounts.create(AccountDraft(name="Acme", arr=Decimal(40_000)))
    with session_scope(context.store.sessions) as session:
        session.execute(update(AccountRow).where(AccountRow.id == account.id)
                        .values(name=LINKED))
    context.plans.schedule(account.id, date.today() + timedelta(days=21))
    return int(account.id)


def test_deck_email_and_invite_break_the_link(context: Any, account_id: int,
                                              tmp_path: Path) -> None:
    assert not has_link(context.decks.content(context, account_id).account_name)
    draft = email_draft(context, account_id, tmp_path)
    parsed = email.message_from_bytes(draft.message.as_bytes(), policy=email.policy.default)
    body = parsed.get_body(("plain",))
    assert body is not None
    for text in (str(parsed["Subject"]), body.get_content()):
        assert "http://" not in text and "evil" in text
    plan = context.plans.next_plan(account_id)
    invite = CalendarService(context.store.sessions).calendar(
        plan, audience=CalendarCopy.ATTENDEES, tasks=None)[0].decode()
    assert "http://" not in invite.replace("\r\n ", "") and "http[:]//" in invite


def test_the_follow_up_breaks_the_link() -> None:
    content = customer_followup(FollowupFacts(
        account_name=LINKED, meeting_date=date(2026, 11, 20), today=date(2026, 11, 23),
        csm_name="Dana", recipients=(), sections=(), timer_ran=False, recap=Recap(),
        actions=(), next_review=None))
    assert content.account_name == "Acme http[:]//evil.example/login"

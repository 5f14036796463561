"""`qbr export email` (the draft that shares the deck) keeps every confirmed attendee on its
To line, whatever their names: the .eml is read back by Python's email package and by
Perl's Email::MIME, as tests/exports/test_mail_addresses.py does for the follow-up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from cli_support import open_portfolio
from mail_support import (
    address_lists,
    check_header_lines,
    check_perl_reading,
    check_python_reading,
    read_with_perl,
)

from qbr_desktop.domain.contacts import ContactDraft
from qbr_desktop.domain.stakeholders import Attendance

# Lists that lost a recipient to the email package's folding, and the longest one.
CHOSEN = ("6-from-42", "20-from-63", "60-from-20")
LISTS = [(list_id, people) for list_id, people in address_lists() if list_id in CHOSEN]


@pytest.fixture(autouse=True)
def _application(qapp: object) -> None:
    """The deck's map picture starts a bare QGuiApplication when none runs; the widget
    tests in this process need the full QApplication, so it exists first."""


def _only_these_attend(db: Path, people: list[tuple[str, str]]) -> str:
    """The first account with a planned review, with `people` as its only confirmed
    attendees; its name."""
    context = open_portfolio(db)
    try:
        account = next(a for a in context.accounts.list_accounts()
                       if context.plans.next_plan(a.id) is not None)
        plan = context.plans.next_plan(account.id)
        assert plan is not None
        for entry in context.stakeholders.attendance(plan.review_id):
            context.stakeholders.set_attendance(
                plan.review_id, replace(entry, confirmed=False, attended=False))
        for name, mail in people:
            person = context.accounts.add_contact(account.id, ContactDraft(name, email=mail))
            context.stakeholders.set_attendance(plan.review_id,
                                                Attendance(person, confirmed=True))
        return account.name
    finally:
        context.close()


@pytest.mark.parametrize(("list_id", "people"), LISTS, ids=[i for i, _ in LISTS])
def test_every_attendee_is_on_the_to_line(qbr: Any, demo_db: Path, tmp_path: Path,
                                          list_id: str, people: list[tuple[str, str]]) -> None:
    account = _only_these_attend(demo_db, people)
    out = tmp_path / "qbr.eml"
    result = qbr("--db", demo_db, "export", "email", account, "--out", out)
    assert result.code == 0, result.err
    assert f"to {len(people)} confirmed attendee(s)" in result.out
    data = out.read_bytes()
    check_header_lines(data, people)
    check_python_reading(data, people)
    check_perl_reading(read_with_perl([out])[str(out)], people)

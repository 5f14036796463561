"""The audience boundary holds: nothing private reaches a file a customer receives.

A demo portfolio gets a marker in every private free-text field of every row (notes,
priorities and concerns about people, risk details, untouched register titles, meeting notes,
prompts, prep tasks, file paths in the deck plan, ROI evidence, ...), every person a role in
the decision, and then every customer artefact of every tier and variant is written the way
the app writes it and read back byte by byte: the slides of the presenter's deck, the deck as
shared (notes and chart workbooks included), the brief, the handout, the share email with its
attachments, the follow-up email. One marker, or one word of the internal vocabulary
(a role, a band, a rank, the tier), anywhere fails the test and names the field.

The fields are found from the store's own metadata, so a new text column is planted as
soon as it exists; test_every_stored_field_is_classified makes sure it is classified.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from audience_support import (
    NOT_FREE_TEXT,
    Planted,
    email_texts,
    ics_text,
    leaks,
    pdf_text,
    plant_markers,
    private_text_fields,
    zip_texts,
)
from sqlalchemy import select, update
from tests_support import require_tool

from qbr_desktop.domain.audience.fields import STORED_FIELDS, FieldUse
from qbr_desktop.domain.audience.followup import Recap
from qbr_desktop.domain.deck import DeckVariant
from qbr_desktop.domain.deck_plan import DeckPlan
from qbr_desktop.domain.risks import RiskDraft, RiskKind
from qbr_desktop.domain.roi import SPECS
from qbr_desktop.domain.roi_document import model_to_dict
from qbr_desktop.domain.stakeholders import DecisionRole
from qbr_desktop.paths import DatabaseTarget
from qbr_desktop.services.context import AppContext
from qbr_desktop.services.deck_files import email_draft, write_deck_file, write_pdf_file
from qbr_desktop.services.demo import build_demo_portfolio
from qbr_desktop.services.followup import FollowupError, followed_up_review, followup_draft
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.models import Base, ContactRow

TIERS = ("Strategic", "Growth", "Core")
SHARED_RISK = "Data migration deadline for the EU region"
SUMMARY = "Thank you for a frank and useful hour."
DECISION = "Pilot the new workflow in the EU first"


@dataclass
class Portfolio:
    context: AppContext
    planted: Planted
    accounts: dict[str, int]  # tier -> account id
    followed_up: dict[str, int]  # tier -> review the follow-up is about


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Iterator[Portfolio]:
    folder = tmp_path_factory.mktemp("canary")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QBR_DATA_DIR", str(folder / "user-data"))
        context = AppContext.open(DatabaseTarget(path=folder / "portfolio.sqlite"))
        build_demo_portfolio(context, accounts=18, seed=7)
        accounts = {}
        now = datetime.now(UTC)

        def held_review(account_id: int) -> bool:
            try:
                followed_up_review(context, account_id, now)
            except FollowupError:
                return False
            return True

        for tier in TIERS:
            # One with a review coming (deck, invite) and one held (follow-up), if any has.
            ready = [a.id for a in context.accounts.list_accounts()
                     if a.tier == tier and context.plans.next_plan(a.id)]
            accounts[tier] = next((a for a in ready if held_review(a)), ready[0])
        with session_scope(context.store.sessions) as session:
            planted = plant_markers(session)
            # Everyone gets a role in the decision: those words must not reach a customer.
            roles = list(DecisionRole)
            for index, row_id in enumerate(session.scalars(select(ContactRow.id))):
                session.execute(update(ContactRow).where(ContactRow.id == row_id)
                                .values(role=roles[index % len(roles)].value))
        followed_up = {}
        for tier, account_id in accounts.items():
            shared = context.risks.add(account_id, RiskDraft(RiskKind.RISK, SHARED_RISK,
                                                             "", 3, 4))
            plan = context.decks.plan(account_id)
            context.decks.save_plan(account_id, replace(plan, shown_risks=(shared.id,),
                                                        hidden_risks=()))
            try:
                review = followed_up_review(context, account_id, datetime.now(UTC))
            except FollowupError:
                continue
            context.agendas.save_recap(review, Recap(SUMMARY, (DECISION,)))
            followed_up[tier] = review
        yield Portfolio(context, planted, accounts, followed_up)
        context.close()


def _check(where: str, text: str, planted: Planted) -> list[str]:
    return [f"{where}: {leak}" for leak in leaks(text, planted)]


# Which test reads each customer artefact back.
CHECKED_BY = {
    "deck slides": "test_no_deck_carries_a_private_field",
    "deck as shared": "test_no_deck_carries_a_private_field",
    "brief": "test_no_pdf_carries_a_private_field",
    "handout": "test_no_pdf_carries_a_private_field",
    "share email": "test_the_share_email_carries_no_private_field",
    "follow-up email": "test_the_follow_up_email_carries_no_private_field",
    "calendar invite for attendees": "test_the_attendees_calendar_carries_no_private_field",
}


def test_every_customer_artefact_is_read_back_here() -> None:
    from qbr_desktop.domain.audience import ARTEFACTS, Audience

    customer = {name for name, audience in ARTEFACTS.items() if audience is Audience.CUSTOMER}
    assert customer == set(CHECKED_BY), "a customer artefact needs its canary check"
    assert all(name in globals() for name in CHECKED_BY.values())


def test_every_stored_field_is_classified() -> None:
    columns = {f"{table.name}.{column.name}" for table in Base.metadata.sorted_tables
               for column in table.columns}
    unclassified = sorted(columns - STORED_FIELDS.keys())
    assert not unclassified, ("classify these in qbr_desktop/domain/audience/fields.py: "
                              + ", ".join(unclassified))
    stale = sorted(key for key in STORED_FIELDS if ":" not in key and key not in columns)
    assert not stale, f"no longer stored: {stale}"
    assert not set(NOT_FREE_TEXT) - columns


def test_every_key_of_the_stored_documents_is_classified() -> None:
    from qbr_desktop.domain.deck_plan import plan_to_dict
    from qbr_desktop.domain.roi_document import model_from_dict

    plan_keys = {f"deck_plan.document:{key}" for key in plan_to_dict(DeckPlan())}
    sample = {"version": 1, "currency": "USD", "quarter": "2026Q3", "discount_rate": "0.10",
              "lines": [{"id": "support", "label": "Support", "category": "cost_reduction",
                         "hours_saved": "1200", "hourly_rate": "75", "period_days": 91}],
              "investments": [{"label": "Subscription", "kind": "subscription",
                               "amount": "100000", "recurring": True}]}
    model = model_from_dict(sample)
    document = model_to_dict(model)
    inputs = {name for specs in SPECS.values() for name in specs}
    roi_keys = {f"roi_model.document:{key}" for key in document}
    roi_keys |= {f"roi_model.document:lines[].{'inputs' if key in inputs else key}"
                 for key in document["lines"][0]}
    roi_keys |= {f"roi_model.document:investments[].{key}" for key in document["investments"][0]}
    unclassified = sorted((plan_keys | roi_keys) - STORED_FIELDS.keys())
    assert not unclassified, f"classify these document keys: {unclassified}"


def test_every_private_text_field_gets_a_marker(portfolio: Portfolio) -> None:
    planted_fields = set(portfolio.planted.by_marker.values())
    for field, _table, _column in private_text_fields():
        assert field in planted_fields
    assert {"contact.notes", "contact.concerns", "risk_item.detail", "risk_item.title",
            "agenda_section.notes", "prep_task.title", "account.notes"} <= planted_fields
    assert STORED_FIELDS["risk_item.title"] is FieldUse.CHOSEN


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("variant", list(DeckVariant))
def test_no_deck_carries_a_private_field(portfolio: Portfolio, tier: str,
                                         variant: DeckVariant, tmp_path: Path) -> None:
    context, planted = portfolio.context, portfolio.planted
    account_id = portfolio.accounts[tier]
    prepared = context.decks.prepare(context, account_id, variant=variant)
    plan = context.decks.plan(account_id)
    presenter = write_deck_file(prepared.content, tmp_path / "presenter.pptx", plan, None,
                                briefing=prepared.briefing).path
    shared = write_deck_file(prepared.content, tmp_path / "shared.pptx", plan, None).path
    found: list[str] = []
    seen = ""
    # The presenter's notes are the CSM's; everything else in that file is on the screen.
    for part, text in zip_texts(presenter.read_bytes(), skip=("ppt/notesSlides/",)):
        found += _check(f"presenter deck {part}", text, planted)
        seen += text
    for part, text in zip_texts(shared.read_bytes()):
        found += _check(f"shared deck {part}", text, planted)
    assert not found, "\n".join(found)
    # What the customer should see is there: the boundary is not merely silent.
    assert prepared.content.account_name in seen
    assert SHARED_RISK.split(" for ")[0] in seen  # the ticked risk, whole or cut to fit


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("kind", ["brief", "handout"])
def test_no_pdf_carries_a_private_field(portfolio: Portfolio, tier: str, kind: str,
                                        tmp_path: Path) -> None:
    require_tool("pdftotext")
    context = portfolio.context
    content = context.decks.content(context, portfolio.accounts[tier])
    out = write_pdf_file(kind, content, tmp_path / f"{kind}.pdf")
    text = pdf_text(out.read_bytes())
    assert not _check(kind, text, portfolio.planted)
    assert "".join(content.account_name.split()) in "".join(text.split())
    if kind == "handout":
        assert SHARED_RISK in " ".join(text.split())


@pytest.mark.parametrize("tier", TIERS)
def test_the_share_email_carries_no_private_field(portfolio: Portfolio, tier: str) -> None:
    require_tool("pdftotext")
    context = portfolio.context
    with tempfile.TemporaryDirectory() as folder:
        draft = email_draft(context, portfolio.accounts[tier], Path(folder))
        data = draft.message.as_bytes()
    found: list[str] = []
    attachments = 0
    for where, text in email_texts(data):
        found += _check(f"share email {where}", text, portfolio.planted)
        attachments += where.startswith("attached") and where.endswith("presentation.xml")
    assert not found, "\n".join(found)
    assert attachments == 1  # the deck was opened and read, not skipped


@pytest.mark.parametrize("tier", TIERS)
def test_the_follow_up_email_carries_no_private_field(portfolio: Portfolio,
                                                      tier: str) -> None:
    if tier not in portfolio.followed_up:
        pytest.skip(f"the demo's {tier} account has held no review yet")
    context = portfolio.context
    draft = followup_draft(context, portfolio.accounts[tier])
    found: list[str] = []
    body = ""
    for where, text in email_texts(draft.message.as_bytes()):
        found += _check(f"follow-up {where}", text, portfolio.planted)
        body += text
    assert not found, "\n".join(found)
    assert SUMMARY in body and DECISION in body


@pytest.mark.parametrize("tier", TIERS)
def test_the_attendees_calendar_carries_no_private_field(portfolio: Portfolio, tier: str,
                                                         tmp_path: Path) -> None:
    from qbr_desktop.services.plan_calendar import CalendarCopy, CalendarService

    context = portfolio.context
    plan = context.plans.next_plan(portfolio.accounts[tier])
    assert plan is not None
    service = CalendarService(context.store.sessions)
    written = service.export(plan, tmp_path / "invite.ics", audience=CalendarCopy.ATTENDEES,
                             tasks=None)
    text = ics_text(written.path.read_bytes())
    assert not _check("attendees' calendar", text, portfolio.planted)
    assert tier not in text and "VTODO" not in text
    assert plan.account_name.replace(",", "") in text.replace(",", "")
    mine = ics_text(service.export(plan, tmp_path / "mine.ics").path.read_bytes())
    assert tier in mine  # the CSM's own copy says what only the CSM may read
    if plan.tasks:
        assert _check("the CSM's calendar", mine, portfolio.planted)  # its tasks, planted


def test_people_cross_the_boundary_without_their_role(portfolio: Portfolio) -> None:
    from dataclasses import fields

    from qbr_desktop.domain.audience.deck import customer_map
    from qbr_desktop.domain.deck import PersonFigure
    from qbr_desktop.domain.stakeholders import Stakeholder

    # key numbers the deck's people; manager is a reporting line (contact.manager_id).
    assert {f.name for f in fields(PersonFigure)} == {"name", "title", "attending", "key",
                                                      "manager"}
    context = portfolio.context
    for account_id in portfolio.accounts.values():
        shown = customer_map(context.stakeholders.map(account_id))
        assert shown.people and shown.links == ()
        blank = Stakeholder(0, "")
        for person in shown.people:
            assert (person.role, person.sentiment, person.influence, person.strength,
                    person.notes, person.priorities, person.concerns, person.owner_name,
                    person.owner, person.last_contact, person.pre_aligned) == (
                blank.role, blank.sentiment, blank.influence, blank.strength, "", "", "",
                "", blank.owner, None, False)


def test_the_demo_has_a_held_review_to_follow_up(portfolio: Portfolio) -> None:
    assert len(portfolio.followed_up) >= 2


def test_a_marker_in_a_customer_field_is_caught(portfolio: Portfolio, tmp_path: Path) -> None:
    """The check itself: a private field pushed into a customer file is found and named."""
    require_tool("pdftotext")
    context, planted = portfolio.context, portfolio.planted
    marker = next(m for m, field in planted.by_marker.items() if field == "contact.notes")
    content = context.decks.content(context, portfolio.accounts["Growth"])
    leaky = replace(content, roadmap=(*content.roadmap, f"Note to self: {marker}"),
                    recommendations=("Win over the detractor in finance",))
    assert not _check("content", " ".join(content.roadmap), planted)
    out = write_pdf_file("handout", leaky, tmp_path / "handout.pdf")
    found = _check("handout", pdf_text(out.read_bytes()), planted)
    assert any("contact.notes" in leak for leak in found), found
    assert any("detractor" in leak for leak in found), found

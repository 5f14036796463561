"""Two people on one portfolio (two app contexts on one file or one server database): a
save or an undo over someone else's newer change is refused with who and when; notes are
merged; nothing is lost in silence."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.services.context import AppContext
from qbr_desktop.store.errors import EditConflictError


@pytest.fixture
def dana(context: Any) -> AccountService:
    return AccountService(context.store.sessions, user=lambda: "Dana Whitfield")


@pytest.fixture
def sam(colleague_context: AppContext) -> AccountService:
    return AccountService(colleague_context.store.sessions, user=lambda: "Sam Rivera")


def test_a_save_over_a_newer_change_names_the_field_who_and_when(
        dana: AccountService, sam: AccountService) -> None:
    opened = dana.create(AccountDraft(name="Acme", arr=Decimal("1000")))
    seen_by_sam = sam.get(opened.id)
    dana.update(opened.id, {"arr": Decimal("2000")}, expected={"arr": Decimal("1000")})
    with pytest.raises(EditConflictError) as refused:
        sam.update(opened.id, {"arr": Decimal("3000")},
                   expected={"arr": seen_by_sam.draft.arr})
    sentence = str(refused.value)
    assert "Dana Whitfield changed the ARR at " in sentence
    assert "not saved" in sentence and "Reload" in sentence and "keep yours" in sentence
    assert refused.value.current.draft.arr == Decimal("2000")  # type: ignore[attr-defined]
    assert dana.get(opened.id).draft.arr == Decimal("2000")
    kept = sam.update(opened.id, {"arr": Decimal("3000")})  # "keep mine"
    assert kept.draft.arr == Decimal("3000") and kept.updated_by == "Sam Rivera"


def test_changes_to_different_fields_both_land(dana: AccountService,
                                               sam: AccountService) -> None:
    opened = dana.create(AccountDraft(name="Acme", industry="Retail"))
    seen = sam.get(opened.id).draft
    dana.update(opened.id, {"industry": "Banking"}, expected={"industry": seen.industry})
    sam.update(opened.id, {"country": "DE"}, expected={"country": seen.country})
    stored = dana.get(opened.id)
    assert (stored.draft.industry, stored.draft.country) == ("Banking", "DE")
    assert stored.version == 3  # created, then two saves


def test_notes_keep_both_sides(dana: AccountService, sam: AccountService) -> None:
    base = "Renewal talks start in March."
    opened = dana.create(AccountDraft(name="Acme", notes=base))
    dana.update(opened.id, {"notes": base + "\nCFO prefers a 3-year term."},
                expected={"notes": base})
    merged = sam.update(opened.id, {"notes": base + "\nAsk about the EMEA rollout 🚀"},
                        expected={"notes": base}).draft.notes
    assert merged == (base + "\nCFO prefers a 3-year term.\nAsk about the EMEA rollout 🚀")
    rewritten = dana.update(opened.id, {"notes": "完全に書き直した"},
                            expected={"notes": base}).draft.notes
    assert "CFO prefers a 3-year term." in rewritten and "EMEA rollout" in rewritten
    assert rewritten.endswith("完全に書き直した") and "Sam Rivera" in rewritten


def test_an_undo_over_a_colleagues_later_edit_is_refused(dana: AccountService,
                                                         sam: AccountService) -> None:
    opened = dana.create(AccountDraft(name="Acme", csm_owner="Dana"))
    dana.update(opened.id, {"csm_owner": "Dana W."}, expected={"csm_owner": "Dana"})
    sam.update(opened.id, {"csm_owner": "Sam"}, expected={"csm_owner": "Dana W."})
    with pytest.raises(EditConflictError, match="Sam Rivera changed the CSM owner"):
        # Dana's undo: back to what was before, only over what Dana's edit saved.
        dana.update(opened.id, {"csm_owner": "Dana"}, expected={"csm_owner": "Dana W."})
    assert sam.get(opened.id).draft.csm_owner == "Sam"


def test_a_person_edited_by_two_keeps_both_and_refuses_an_unseen_overwrite(
        context: Any, colleague_context: AppContext) -> None:
    from dataclasses import replace

    from qbr_desktop.domain.stakeholders import Stakeholder
    from qbr_desktop.services.stakeholders import StakeholderService

    account = context.accounts.create(AccountDraft(name="Acme"))
    dana = StakeholderService(context.store.sessions, user=lambda: "Dana Whitfield")
    sam = StakeholderService(colleague_context.store.sessions, user=lambda: "Sam Rivera")
    person = dana.add_person(account.id, Stakeholder(0, "Ana Núñez", title="COO",
                                                     notes="Met in Lisbon."))
    seen_by_sam = person
    dana.update_person(replace(person, influence=5, notes="Met in Lisbon.\nLikes data."),
                       seen=person)
    # Sam changes other fields and the notes: Dana's influence stays, both notes stay.
    sam.update_person(replace(seen_by_sam, title="Chief Operating Officer",
                              notes="Met in Lisbon.\nBudget owner."), seen=seen_by_sam)
    [stored] = dana.map(account.id).people
    assert (stored.influence, stored.title) == (5, "Chief Operating Officer")
    assert stored.notes == "Met in Lisbon.\nLikes data.\nBudget owner."
    with pytest.raises(EditConflictError, match="Dana Whitfield changed the influence of "
                                                "Ana Núñez"):
        sam.update_person(replace(seen_by_sam, influence=1), seen=seen_by_sam)
    assert dana.map(account.id).people[0].influence == 5

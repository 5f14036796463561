"""The prep scorecard's items, each passing and warning with its reason."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from qbr_desktop.domain.scorecard import PrepFacts, scorecard

GOOD = PrepFacts(forward_share=Decimal(38) / Decimal(53), forward_target=Decimal("0.60"),
                 slide_count=11, earlier_actions_open=0, earlier_actions=4,
                 sponsor_names=("Vera Sponsor",), sponsor_invited=True,
                 value_total=Decimal("621036"), value_text="$621,036")


def reasons(facts: PrepFacts) -> dict[str, tuple[bool, str]]:
    return {item.name: (item.passed, str(item.reason)) for item in scorecard(facts)}


def test_a_well_prepared_qbr_passes_every_item() -> None:
    assert reasons(GOOD) == {
        "Agenda looks forward": (True, "72% forward, 28% back (aim for 60/40)"),
        "Deck length": (True, "11 slides"),
        "Last QBR's actions reviewed": (True, "Every earlier action item is done or dropped"),
        "Executive sponsor invited": (True, "Vera Sponsor invited"),
        "Value quantified": (True, "$621,036 in the ROI model"),
    }


def test_each_item_warns_with_its_reason() -> None:
    bad = replace(GOOD, forward_share=Decimal("0.5"), forward_target=Decimal("0.70"),
                  slide_count=14, earlier_actions_open=3, sponsor_invited=False,
                  value_total=Decimal(0))
    assert reasons(bad) == {
        "Agenda looks forward": (False, "50% forward, 50% back (aim for 70/30)"),
        "Deck length": (False, "14 slides: aim for 10–12, detail in backup"),
        "Last QBR's actions reviewed": (
            False, "3 of 4 earlier action items are still open: update them before the meeting"),
        "Executive sponsor invited": (
            False, "Vera Sponsor not invited yet (Stakeholders › Attendance)"),
        "Value quantified": (False, "The ROI model claims no value yet"),
    }


def test_missing_inputs_are_named() -> None:
    empty = replace(GOOD, forward_share=None, slide_count=9, earlier_actions=0,
                    earlier_actions_open=0, sponsor_names=(), value_total=None)
    found = reasons(empty)
    assert found["Agenda looks forward"] == (
        False, "No agenda section is marked forward- or backward-looking")
    assert found["Deck length"][0] is False
    assert found["Last QBR's actions reviewed"] == (
        True, "No action items from earlier QBRs to review")
    assert found["Executive sponsor invited"] == (
        False, "No executive sponsor on the stakeholder map")
    assert found["Value quantified"] == (
        False, "No ROI model saved for this quarter (ROI & value tab)")

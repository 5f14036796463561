"""The audience boundary: what of an account may leave the company.

Every exported artefact has an audience. *Customer* artefacts leave the company: the deck's
slides (the presenter's deck is projected in the room), the deck as shared by email, the
brief, the handout, the share email, the follow-up email and the calendar invite sent to
attendees. *Internal* artefacts stay with the CSM: the presenter's speaker notes, the CSM's
own calendar with its preparation tasks, the stakeholder map export, the CLI's output.

The modules of this package are the one place where stored data becomes what a customer may
read: `deck` for the deck and its documents, `followup` for the email after the meeting.
`deck_briefing` is the CSM's own view of the same deck and feeds no customer file.
Their inputs hold everything the services know, private judgement included; their outputs
hold customer-safe content only, and the writers of customer files receive nothing else.
What is internal by nature (notes, sentiment, roles in the decision, coverage findings,
meeting notes, health bands and sub-scores, tier names, peer ranks, our planned-versus-actual
minutes) crosses only when the CSM explicitly puts it in a customer field (a ticked risk, a
summary they wrote for the email).

`fields.STORED_FIELDS` classifies every stored column; a new column is internal until it is
classified, and a test fails until it is.
"""

from enum import StrEnum


class Audience(StrEnum):
    CUSTOMER = "customer"  # may leave the company
    INTERNAL = "internal"  # the CSM's and the team's own


# Every file or message the app writes, and who receives it.
ARTEFACTS: dict[str, Audience] = {
    "deck slides": Audience.CUSTOMER,  # projected in the room, whoever keeps the file
    "deck speaker notes (presenter)": Audience.INTERNAL,
    "deck as shared": Audience.CUSTOMER,  # notes and all, attached to the share email
    "brief": Audience.CUSTOMER,
    "handout": Audience.CUSTOMER,
    "share email": Audience.CUSTOMER,
    "follow-up email": Audience.CUSTOMER,
    "calendar invite for attendees": Audience.CUSTOMER,
    "calendar for the CSM": Audience.INTERNAL,
    "stakeholder map export": Audience.INTERNAL,
    "command-line output": Audience.INTERNAL,
}

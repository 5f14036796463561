"""The calendar invite's customer content (see the package's notes on the audience boundary).

The attendees' calendar file says when the review is, how long, in which zone, and with
whom; never the tier, the playbook, how far the preparation is, or the preparation tasks,
which only the CSM's own calendar carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from qbr_desktop.domain.accounts import without_links
from qbr_desktop.i18n import ENGLISH, N_, catalogue

TITLE = N_("QBR: {account}")
DESCRIPTION = N_("Quarterly business review with {account}.")


@dataclass(frozen=True, slots=True)
class AttendeeInvite:
    """All an attendees' calendar file may say."""

    account_name: str
    start: datetime
    duration: timedelta
    time_zone: str
    language: str = ENGLISH  # the account's: the invite's words are in it

    @property
    def title(self) -> str:
        return catalogue(self.language).gettext(TITLE, account=self.account_name)

    @property
    def description(self) -> str:
        return catalogue(self.language).gettext(DESCRIPTION, account=self.account_name)


def attendee_invite(account_name: str, start: datetime, minutes: int,
                    time_zone: str, language: str = ENGLISH) -> AttendeeInvite:
    return AttendeeInvite(without_links(account_name), start, timedelta(minutes=minutes),
                          time_zone, language)

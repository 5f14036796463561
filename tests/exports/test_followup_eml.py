"""The follow-up email draft, built from plain data and read back as email clients read it."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from qbr_desktop.domain.actions import ActionItem, ActionSide, ActionStatus
from qbr_desktop.domain.audience.followup import (
    FollowupFacts,
    Recap,
    SectionFacts,
    customer_followup,
)
from qbr_desktop.exports.followup_eml import (
    FollowupExportError,
    followup_message,
    write_followup,
)

SUMMARY = 'Saved 1,200 hours <b>& more</b> "quoted" \'single\'\n第二行 田中 🚀\nنور الهدى'
PRIVATE_NOTE = "the VP joined from the airport"
SECTIONS = (
    SectionFacts("Opening", 5, True, "", 372.0),
    SectionFacts("Value review", 15, True, PRIVATE_NOTE, 900.0),
    SectionFacts("Close", 2, False, "Not reached", 0.0),
)
ACTIONS = (
    ActionItem(1, "Send the renewal quote", ActionSide.OURS, "Dana Whitfield",
               date(2026, 11, 30)),
    ActionItem(2, "Introduce us to the new CIO <soon>", ActionSide.THEIRS, "田中 美咲 🚀",
               date(2026, 12, 4), ActionStatus.IN_PROGRESS),
    ActionItem(3, "Share the roadmap deck", ActionSide.OURS, "", None, ActionStatus.DONE),
    ActionItem(4, "An idea we let go", ActionSide.THEIRS, "Nobody", None, ActionStatus.DROPPED),
)
RECIPIENTS = (("Jordan Lee", "jordan@acme.example"), ("田中 美咲 🚀", "misaki@acme.example"),
              ("نور الهدى", ""), ("Bad Address", "not-an-address"),
              ("Jordan again", "JORDAN@acme.example"))
NOW = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)


def _facts(**changes: object) -> FollowupFacts:
    arguments: dict[str, object] = {
        "account_name": "Société Acme <R&D>", "meeting_date": date(2026, 11, 20),
        "today": date(2026, 11, 23), "csm_name": "Dana Whitfield",
        "recipients": RECIPIENTS, "sections": SECTIONS, "timer_ran": True,
        "recap": Recap(SUMMARY, ("Move the rollout to March", "Pilot <EU> first & fast")),
        "actions": ACTIONS, "next_review": date(2027, 2, 22)}
    arguments.update(changes)
    return FollowupFacts(**arguments)  # type: ignore[arg-type]


def _message(**changes: object) -> EmailMessage:
    return followup_message(customer_followup(_facts(**changes)), now=NOW)


def _read_back(tmp_path: Path, message: EmailMessage) -> tuple[bytes, EmailMessage]:
    path = write_followup(message, tmp_path / "followup.eml")
    data = path.read_bytes()
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return data, parsed


def _parts(parsed: EmailMessage) -> tuple[str, str]:
    plain, html = parsed.get_body(("plain",)), parsed.get_body(("html",))
    assert plain is not None and html is not None
    # The parts travel with CRLF line ends (as read back from the file): compared as text.
    return (plain.get_content().replace("\r\n", "\n"),
            html.get_content().replace("\r\n", "\n"))


def test_headers_decode_with_names_and_subject_in_any_script(tmp_path: Path) -> None:
    data, parsed = _read_back(tmp_path, _message())
    header_block = data.split(b"\r\n\r\n", 1)[0]
    assert header_block.isascii()  # non-ASCII names and subject travel encoded
    assert b"=?utf-8?" in header_block
    assert parsed["Subject"] == "Follow-up: Société Acme <R&D> QBR, 2026-11-20"
    addresses = parsed["To"].addresses
    assert [(a.display_name, a.addr_spec) for a in addresses] == [
        ("Jordan Lee", "jordan@acme.example"), ("田中 美咲 🚀", "misaki@acme.example")]
    assert parsed["X-Unsent"] == "1"
    assert parsed["MIME-Version"] == "1.0"
    assert parsed["Date"].datetime == NOW
    assert parsed.get_content_type() == "multipart/alternative"
    kinds = [part.get_content_type() for part in parsed.iter_parts()]
    assert kinds == ["text/plain", "text/html"]
    assert all(part["MIME-Version"] is None for part in parsed.iter_parts())


def test_every_line_ends_in_crlf(tmp_path: Path) -> None:
    data, _ = _read_back(tmp_path, _message())
    assert data.count(b"\n") == data.count(b"\r\n") > 50
    assert b"\r\r" not in data


def test_html_part_escapes_what_the_csm_typed_and_keeps_every_script(tmp_path: Path) -> None:
    _, parsed = _read_back(tmp_path, _message())
    plain, html = _parts(parsed)
    assert "&lt;b&gt;&amp; more&lt;/b&gt; &quot;quoted&quot; &#x27;single&#x27;" in html
    assert "<b>" not in html
    assert "Société Acme &lt;R&amp;D&gt;" in html
    assert "Introduce us to the new CIO &lt;soon&gt;" in html
    assert "Pilot &lt;EU&gt; first &amp; fast" in html
    for text in ("第二行 田中 🚀", "نور الهدى"):
        assert text in html and text in plain
    assert '<p dir="auto">' in html  # right-to-left text reads the right way round
    assert "Saved 1,200 hours <b>& more</b>" in plain  # the plain part is the text as typed


def test_the_meetings_notes_and_timings_stay_with_the_csm(tmp_path: Path) -> None:
    data, parsed = _read_back(tmp_path, _message())
    plain, html = _parts(parsed)
    for text in (plain, html):
        assert PRIVATE_NOTE not in text and "Not reached" not in text
        assert "planned 5" not in text and "took" not in text and " min" not in text
    assert PRIVATE_NOTE.encode() not in data


def test_decisions_topics_and_summary_come_first_then_the_actions(tmp_path: Path) -> None:
    _, parsed = _read_back(tmp_path, _message())
    plain, html = _parts(parsed)
    assert plain.startswith("Hello everyone,\n\nThank you for your time at the Société Acme "
                            "<R&D> quarterly business review on 2026-11-20.")
    covered = plain.split("WHAT WE COVERED\n\n")[1].split("\n\n")[0]
    assert covered == "  - Opening\n  - Value review"  # "Close" was not reached
    decisions = plain.split("DECISIONS\n\n")[1].split("\n\n")[0]
    assert decisions == "  - Move the rollout to March\n  - Pilot <EU> first & fast"
    assert (plain.index("Saved 1,200 hours") < plain.index("WHAT WE COVERED")
            < plain.index("DECISIONS") < plain.index("ACTION ITEMS"))
    assert html.index("<h2>Decisions</h2>") < html.index("<h2>Action items</h2>")


def test_without_the_timer_every_topic_is_listed_and_no_empty_headings(tmp_path: Path) -> None:
    _, parsed = _read_back(tmp_path, _message(timer_ran=False, recap=Recap()))
    plain, html = _parts(parsed)
    covered = plain.split("WHAT WE COVERED\n\n")[1].split("\n\n")[0]
    assert covered == "  - Opening\n  - Value review\n  - Close"
    assert "DECISIONS" not in plain and "Decisions" not in html


def test_signed_with_the_csms_name(tmp_path: Path) -> None:
    _, parsed = _read_back(tmp_path, _message())
    plain, html = _parts(parsed)
    assert plain.rstrip().endswith("Best regards,\nDana Whitfield")
    assert "Dana Whitfield</span>" in html
    _, unsigned = _read_back(tmp_path, _message(csm_name="  "))
    plain, _ = _parts(unsigned)
    assert plain.rstrip().endswith("Best regards,")


def test_action_items_are_grouped_by_side_without_the_dropped_ones(tmp_path: Path) -> None:
    _, parsed = _read_back(tmp_path, _message())
    plain, html = _parts(parsed)
    ours = plain.split("Our commitments:\n")[1].split("\n\n")[0]
    theirs = plain.split("Société Acme <R&D>'s commitments:\n")[1].split("\n\n")[0]
    assert ours == ("  - Send the renewal quote (owner: Dana Whitfield; due 2026-11-30)\n"
                    "  - Share the roadmap deck (owner to be agreed; no due date; already done)")
    assert theirs == ("  - Introduce us to the new CIO <soon> (owner: 田中 美咲 🚀; "
                      "due 2026-12-04)")
    assert "let go" not in plain and "let go" not in html
    assert html.index("Our commitments") < html.index("Send the renewal quote") < html.index(
        "Société Acme &lt;R&amp;D&gt;&#x27;s commitments") < html.index("Introduce us")
    assert ("Next steps: we will check in on each open item by its due date, and our next "
            "review is planned for 2027-02-22.") in plain


def test_an_item_past_its_due_date_is_marked_overdue(tmp_path: Path) -> None:
    _, parsed = _read_back(tmp_path, _message(today=date(2026, 12, 1)))
    plain, _ = _parts(parsed)
    assert "Send the renewal quote (owner: Dana Whitfield; due 2026-11-30; overdue)" in plain
    assert "new CIO <soon> (owner: 田中 美咲 🚀; due 2026-12-04)" in plain


def test_no_actions_no_next_date_and_a_single_recipient(tmp_path: Path) -> None:
    message = _message(actions=(), next_review=None,
                       recipients=(("Jordan Lee", "jordan@acme.example"),))
    _, parsed = _read_back(tmp_path, message)
    plain, _ = _parts(parsed)
    assert plain.startswith("Hello Jordan Lee,\n")
    assert "No action items were recorded." in plain
    assert ("Next steps: nothing is left open from this meeting, and we will propose a date "
            "for our next review.") in plain


def test_nobody_to_address_leaves_the_to_line_for_the_csm(tmp_path: Path) -> None:
    _, parsed = _read_back(tmp_path, _message(recipients=(("Nour", ""),)))
    assert parsed["To"] is None
    assert parsed["X-Unsent"] == "1"


def test_line_breaks_in_names_cannot_add_headers(tmp_path: Path) -> None:
    message = _message(account_name="Acme\r\nBcc: spy@evil.example",
                       recipients=(("Jordan\nBcc: spy@evil.example", "jordan@acme.example"),))
    data, parsed = _read_back(tmp_path, message)
    assert parsed["Bcc"] is None
    assert parsed["Subject"] == "Follow-up: Acme Bcc: spy@evil.example QBR, 2026-11-20"
    assert parsed["To"].addresses[0].addr_spec == "jordan@acme.example"
    assert b"\r\nBcc:" not in data


@pytest.mark.parametrize("name", ["followup.txt", "followup", "followup.eml.txt"])
def test_refuses_a_name_not_ending_in_eml(tmp_path: Path, name: str) -> None:
    with pytest.raises(FollowupExportError, match="does not end in .eml"):
        write_followup(_message(), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_upper_case_extension_is_accepted_and_no_temp_file_is_left(tmp_path: Path) -> None:
    path = write_followup(_message(), tmp_path / "FOLLOWUP.EML")
    assert [p.name for p in tmp_path.iterdir()] == ["FOLLOWUP.EML"]
    assert path.read_bytes().startswith(b"To: ")

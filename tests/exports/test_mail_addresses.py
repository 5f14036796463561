"""No recipient of the follow-up draft is lost or renamed on the way to the .eml file.

Each To list (1 to 60 people whose names have commas, quotes, every script, emoji, control
characters and line breaks) goes through followup_message and write_followup as in the app
(bytes, SMTP policy), and the file is read back by Python's email package and by Perl's
Email::MIME (tests/mail_support.py says why two readers and what each must find).
"""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from mail_support import (
    NAMES,
    address_lists,
    check_header_lines,
    check_perl_reading,
    check_python_reading,
    read_with_perl,
)

from qbr_desktop.domain.audience.followup import FollowupContent
from qbr_desktop.exports.followup_eml import followup_message, write_followup

LISTS = address_lists()
IDS = [list_id for list_id, _ in LISTS]
NOW = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)


def _draft(people: list[tuple[str, str]]) -> EmailMessage:
    content = FollowupContent("Acme", date(2026, 11, 20), "Dana", tuple(people), ("Opening",),
                              "", (), (), None)
    return followup_message(content, now=NOW)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("drafts")
    return {list_id: write_followup(_draft(people), folder / f"{list_id}.eml")
            for list_id, people in LISTS}


@pytest.fixture(scope="module")
def perl_read(written: dict[str, Path]) -> dict[str, dict[str, object]]:
    return read_with_perl(list(written.values()))


def test_the_lists_cover_every_name_and_size() -> None:
    assert len(NAMES) >= 60 and len(set(NAMES)) == len(NAMES)
    assert {len(people) for _, people in LISTS} == {1, 2, 6, 20, 60}
    for name in NAMES:
        assert sum(name in [n for n, _ in people] for _, people in LISTS) >= 5


@pytest.mark.parametrize(("list_id", "people"), LISTS, ids=IDS)
def test_python_reads_every_address_and_name(written: dict[str, Path], list_id: str,
                                             people: list[tuple[str, str]]) -> None:
    check_python_reading(written[list_id].read_bytes(), people)


@pytest.mark.parametrize(("list_id", "people"), LISTS, ids=IDS)
def test_perl_reads_every_address_and_name(written: dict[str, Path],
                                           perl_read: dict[str, dict[str, object]],
                                           list_id: str, people: list[tuple[str, str]]) -> None:
    check_perl_reading(perl_read[str(written[list_id])], people)


@pytest.mark.parametrize(("list_id", "people"), LISTS, ids=IDS)
def test_header_lines_fit_end_in_crlf_and_each_address_starts_one(
        written: dict[str, Path], list_id: str, people: list[tuple[str, str]]) -> None:
    check_header_lines(written[list_id].read_bytes(), people)


def test_a_line_break_in_a_name_cannot_add_a_header(tmp_path: Path) -> None:
    people = [("Jordan\r\nBcc: spy@evil.example", "jordan@acme.example"),
              ("Misaki\nCc: spy@evil.example", "misaki@acme.example"),
              ("Nour\rX-Evil: 1", "nour@acme.example"),
              ("Zoë\r\n\r\nbody starts here", "zoe@acme.example")]
    plain = write_followup(_draft([("Jordan", "jordan@acme.example")]), tmp_path / "a.eml")
    path = write_followup(_draft(people), tmp_path / "b.eml")
    data = path.read_bytes()
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    expected_fields = email.message_from_bytes(plain.read_bytes(),
                                               policy=email.policy.default).keys()
    assert parsed.keys() == expected_fields
    assert [a.addr_spec for a in parsed["To"].addresses] == [mail for _, mail in people]
    for field in (b"Bcc:", b"Cc:", b"X-Evil:", b"body starts"):
        assert b"\r\n" + field not in data
    check_perl_reading(read_with_perl([path])[str(path)], people)

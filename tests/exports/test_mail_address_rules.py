"""exports.mail_addresses on its own: which addresses are usable, how names are cleaned, and
that the pre-folded header is kept as written by both policies the app uses."""

from __future__ import annotations

import email
import email.policy
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mail_support import check_python_reading, expected_name, read_with_perl

from qbr_desktop.exports.mail_addresses import (
    MAX_ADDR_SPEC,
    address_field,
    display_name,
    recipients_from,
    set_address_header,
    usable_address,
)


def _address(name: str, mail: str) -> Address:
    address = usable_address(name, mail)
    assert address is not None
    return address


def test_a_usable_address_has_an_idna_domain_and_a_clean_name() -> None:
    address = _address(" Zoë\r\n Martin\x00 ", " zoe@Bücher.example ")
    assert address.addr_spec == "zoe@xn--bcher-kva.example"
    assert address.display_name == "Zoë Martin"


@pytest.mark.parametrize("mail", [
    "", "not-an-address", "jürgen@acme.example", "a\x7fb@acme.example", "a,b@acme.example",
    "a@b@acme.example", "a@-bad-.example\udcff", "x" * (MAX_ADDR_SPEC - 12) + "@acme.example"])
def test_addresses_that_cannot_be_sent_to_are_refused(mail: str) -> None:
    assert usable_address("Someone", mail) is None


def test_the_longest_address_still_fits_a_line_in_any_place() -> None:
    def longest(letter: str) -> str:
        return letter * (MAX_ADDR_SPEC - len("@acme.example")) + "@acme.example"

    people = [("", longest("a")), ("Jordan Lee", "jordan@acme.example"),
              ("Zoë " * 30, longest("b")), ("Doe, Jane", longest("c")), ("", longest("d"))]
    addresses = recipients_from(people).addresses
    assert len(addresses) == len(people) and len(longest("a")) == MAX_ADDR_SPEC
    message = EmailMessage(policy=email.policy.default)
    set_address_header(message, "To", addresses)
    data = message.as_bytes(policy=email.policy.SMTP)
    assert max(len(line) for line in data.split(b"\r\n")) == 78
    check_python_reading(data, people)


def test_recipients_keep_the_first_of_each_address_and_list_the_unusable() -> None:
    recipients = recipients_from([
        ("Jordan Lee", "jordan@acme.example"), ("Nobody", ""),
        ("Jordan again", "JORDAN@Acme.example"), ("Misaki", "misaki@acme.example"),
        ("Bad", "not-an-address")])
    assert [(a.display_name, a.addr_spec) for a in recipients.addresses] == [
        ("Jordan Lee", "jordan@acme.example"), ("Misaki", "misaki@acme.example")]
    assert recipients.unusable == ("Nobody", "Bad")


def test_a_name_loses_line_breaks_control_characters_and_lone_surrogates() -> None:
    assert display_name("  a\tb\r\nc\x00d\x1b[0m\x7f  ") == "a b cd[0m"
    assert display_name("\x01\x02 \x03") == ""
    assert display_name("Zoë \ud800 Martin") == "Zoë \ufffd\ufffd\ufffd Martin"
    assert display_name("👨‍👩‍👧 e\u0301 \u200f") == "👨‍👩‍👧 e\u0301 \u200f"


@pytest.mark.parametrize("field", ["From", "Bcc", "Subject", "to"])
def test_only_to_and_cc_are_written(field: str) -> None:
    with pytest.raises(ValueError, match="not an address field"):
        address_field(field, [_address("Jordan", "jordan@acme.example")])


def test_an_empty_list_removes_the_field_and_a_new_one_replaces_it() -> None:
    message = EmailMessage(policy=email.policy.default)
    message["To"] = "old@acme.example"
    set_address_header(message, "To", [_address("Zoë", "zoe@acme.example")])
    assert message.get_all("To") is not None and len(message.get_all("To")) == 1
    assert [a.addr_spec for a in message["To"].addresses] == ["zoe@acme.example"]
    set_address_header(message, "To", [])
    assert message["To"] is None
    with pytest.raises(ValueError, match="at least one"):
        address_field("To", [])


@pytest.mark.parametrize("policy", [email.policy.default, email.policy.SMTP],
                         ids=["default", "SMTP"])
def test_both_policies_keep_the_lines_as_written(policy: email.policy.EmailPolicy) -> None:
    """EmailPolicy._fold refolds a source value only when a line is too long; this header
    never has one, so its folds are ours and only the line ends change."""
    addresses = [_address(f"Zoë {n}, Ünal", f"p{n}@acme.example") for n in range(12)]
    value = address_field("To", addresses)
    assert policy.fold("To", value) == "To: " + value.replace("\r\n", policy.linesep) \
        + policy.linesep
    message = EmailMessage(policy=email.policy.default)
    set_address_header(message, "To", addresses)
    assert message.as_string(policy=policy).startswith(
        "To: " + value.replace("\r\n", policy.linesep) + policy.linesep)


def test_to_and_cc_together_keep_every_address(tmp_path: Path) -> None:
    to = [("Doe, Jane", "jane@acme.example"), ("田中 美咲", "misaki@acme.example")]
    cc = [("Zoë", "zoe@acme.example"), ("Ali \u200fعلي\u200f", "ali@acme.example"),
          ("Ünal Öztürk", "unal@acme.example")]
    message = EmailMessage(policy=email.policy.default)
    set_address_header(message, "To", recipients_from(to).addresses)
    set_address_header(message, "Cc", recipients_from(cc).addresses)
    message.set_content("Hello")
    path = tmp_path / "to-and-cc.eml"
    path.write_bytes(message.as_bytes(policy=email.policy.SMTP))
    parsed = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert [(a.display_name, a.addr_spec) for a in parsed["To"].addresses] == to
    assert [(a.display_name, a.addr_spec) for a in parsed["Cc"].addresses] == cc
    fields = read_with_perl([path])[str(path)]
    assert fields["To"] == [[name, mail, True] for name, mail in to]
    assert fields["Cc"] == [[name, mail, True] for name, mail in cc]


@given(st.lists(st.text(min_size=0, max_size=120), min_size=1, max_size=8))
def test_any_names_give_a_header_python_reads_back(names: list[str]) -> None:
    people = [(name, f"p{index}@acme.example") for index, name in enumerate(names)]
    message = EmailMessage(policy=email.policy.default)
    set_address_header(message, "To", recipients_from(people).addresses)
    data = message.as_bytes(policy=email.policy.SMTP)
    assert max(len(line) for line in data.split(b"\r\n")) <= 78
    check_python_reading(data, people)
    assert [expected_name(name) for name in names] == [
        a.display_name for a in recipients_from(people).addresses]

"""Address headers (To and Cc) for the email drafts, written so that no recipient is lost.

Python 3.11's `email` folds address lists wrongly (python/cpython#100884): with a
non-ASCII display name, the comma between two addresses can land inside an RFC 2047
encoded word when the header is folded, and a reader then sees one recipient fewer. So
the header is written here already folded and is stored with `set_raw`:

- every address starts its own physical line, so a separator is never next to a fold;
- a display name is cut into pieces that are never split: ASCII words as atoms, or as
  one quoted-string (backslash escapes) when one of them needs quoting; other words as
  base64 encoded words, which end on a character boundary. Lines are folded only between
  pieces (see _phrase_pieces for what each reader makes of that);
- no physical line passes 78 octets. `EmailPolicy._fold` (refold_source "long", as in
  policy.default and policy.SMTP) leaves a source value whose lines all fit as it is,
  only changing the line ends; a longer line would make it refold the whole header with
  the faulty folder, so an address too long to fit on a line is not accepted at all.

Names lose line breaks, runs of white space and control characters first, so a name
cannot add a header line; the finished value is checked once more before it is stored.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage

from qbr_desktop.domain.contacts import is_plausible_email

MAX_LINE = 78  # RFC 5322's SHOULD, and the policies' max_line_length
ADDRESS_FIELDS = ("To", "Cc")  # names of one length, so MAX_ADDR_SPEC holds for both
# The longest addr-spec that fits on any line of the layout: "To: a@b," on the first line.
MAX_ADDR_SPEC = MAX_LINE - len("To: ") - len(",")

_ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+")
_ENCODED_WORD_START = "=?"
_EW_PREFIX, _EW_SUFFIX = "=?utf-8?b?", "?="
# Every piece of a phrase fits the first line after "To: ", so no piece needs splitting.
_PIECE_MAX = MAX_LINE - len("To: ")
# 45 octets are 60 base64 characters: with prefix and suffix a 72-character encoded word,
# within RFC 2047's 75 and _PIECE_MAX.
_EW_OCTETS = (_PIECE_MAX - len(_EW_PREFIX) - len(_EW_SUFFIX)) // 4 * 3
_ZWJ = "\u200d"


def one_line(text: str) -> str:
    """Header-safe text: line breaks and runs of white space become one space."""
    return re.sub(r"\s+", " ", text).strip()


def display_name(name: str) -> str:
    """The name as it goes on an address line: one line, without control characters.

    A lone surrogate (from a badly decoded import) would make the write fail, so it
    becomes U+FFFD.
    """
    kept = "".join(c for c in one_line(name) if unicodedata.category(c) != "Cc")
    return one_line(kept.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))


def usable_address(name: str, email: str) -> Address | None:
    """The person as an address, or None when the address cannot be sent to."""
    email = email.strip()
    if not is_plausible_email(email):
        return None
    local, _, domain = email.rpartition("@")
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    if not _printable_ascii(local):
        return None  # an internationalised mailbox needs SMTPUTF8, which .eml readers vary on
    try:
        address = Address(display_name=display_name(name), addr_spec=f"{local}@{domain}")
    except (ValueError, IndexError):
        return None
    if not _printable_ascii(address.addr_spec) or len(address.addr_spec) > MAX_ADDR_SPEC:
        return None  # it could not be written without the faulty refold (module notes)
    return address


@dataclass(frozen=True, slots=True)
class Recipients:
    addresses: tuple[Address, ...]  # usable, in the given order, each address once
    unusable: tuple[str, ...]  # the names (as given) whose address cannot be sent to


def recipients_from(people: Iterable[tuple[str, str]]) -> Recipients:
    """(name, email) pairs as addresses; the same address twice (any case) counts once."""
    addresses: list[Address] = []
    unusable: list[str] = []
    seen: set[str] = set()
    for name, email in people:
        address = usable_address(name, email)
        if address is None:
            unusable.append(name)
        elif address.addr_spec.casefold() not in seen:
            seen.add(address.addr_spec.casefold())
            addresses.append(address)
    return Recipients(tuple(addresses), tuple(unusable))


def set_address_header(message: EmailMessage, field: str,
                       addresses: Sequence[Address]) -> None:
    """Replace `field` with the addresses, pre-folded; no addresses removes the field."""
    del message[field]
    if addresses:
        message.set_raw(field, address_field(field, addresses))


def address_field(field: str, addresses: Sequence[Address]) -> str:
    """The field's value in source form: one address a line, lines joined by CRLF."""
    if field not in ADDRESS_FIELDS:
        raise ValueError(f"{field!r} is not an address field")
    if not addresses:
        raise ValueError("an address field needs at least one address")
    lines = _Lines(f"{field}: ")
    for index, address in enumerate(addresses):
        if index:
            lines.new_line()
        _put_address(lines, address, "," if index < len(addresses) - 1 else "")
    value = "\r\n".join(lines.lines).removeprefix(f"{field}: ")
    _check(field, value)
    return value


class _Lines:
    """Physical lines being filled: pieces are separated by one space and never split."""

    def __init__(self, start: str) -> None:
        self.lines = [start]
        self.fresh = True  # nothing put on the last line yet

    def room(self) -> int:
        return MAX_LINE - len(self.lines[-1]) - (0 if self.fresh else 1)

    def new_line(self) -> None:
        if not self.fresh:
            self.lines.append(" ")
            self.fresh = True

    def put(self, piece: str) -> None:
        if len(piece) > self.room():
            self.new_line()
        self.lines[-1] += piece if self.fresh else f" {piece}"
        self.fresh = False


def _put_address(lines: _Lines, address: Address, separator: str) -> None:
    spec = address.addr_spec
    name = display_name(address.display_name)
    if not name:
        lines.put(f"{spec}{separator}")
        return
    for piece in _phrase_pieces(name):
        lines.put(piece)
    lines.put(f"<{spec}>{separator}")


def _phrase_pieces(name: str) -> list[str]:
    """The display name as an RFC 5322 phrase, in pieces joined by one space or a fold.

    Runs of ASCII words are atoms, or one quoted-string when a word needs quoting (a fold
    inside the quotes unfolds to the space that was there). Runs of other words become
    encoded words. Python 3.11's parser reads the white space between two encoded words
    as a space (python/cpython#128110) while RFC 2047 readers ignore it, and both keep it
    next to an atom or a quoted-string; so the only names read differently are those
    with a run too long for one encoded word."""
    pieces: list[str] = []
    for plain, words in _runs(name):
        if not plain:
            pieces += _encoded_words(" ".join(words))
        elif all(_is_atom(word) for word in words):
            pieces += words
        else:
            quoted = [word.replace("\\", "\\\\").replace('"', '\\"') for word in words]
            quoted[0] = f'"{quoted[0]}'
            quoted[-1] = f'{quoted[-1]}"'  # the same piece when there is one word
            pieces += quoted
    return pieces


def _runs(name: str) -> list[tuple[bool, list[str]]]:
    """The name's words in runs: (True, words) that can be written as they are, quoted if
    need be, and (False, words) that go into encoded words."""
    runs: list[tuple[bool, list[str]]] = []
    for word in name.split(" "):
        plain = _is_plain(word)
        if runs and runs[-1][0] == plain:
            runs[-1][1].append(word)
        else:
            runs.append((plain, [word]))
    return runs


def _is_atom(word: str) -> bool:
    return bool(_ATEXT.fullmatch(word))


def _is_plain(word: str) -> bool:
    """Printable ASCII that fits a line even quoted and escaped, and that no reader could
    take for an encoded word (Python decodes "=?…?=" even inside quotes)."""
    escaped = len(word) + word.count("\\") + word.count('"') + 2
    return (_printable_ascii(word) and _ENCODED_WORD_START not in word
            and escaped <= _PIECE_MAX)


def _encoded_words(text: str) -> list[str]:
    """Base64 encoded words that each fit a line and end on a character boundary, where
    possible on one between what a reader shows as separate characters, for readers
    that show each encoded word on its own."""
    words = []
    while text:
        end = _fitting_end(text, _EW_OCTETS)
        payload = base64.b64encode(text[:end].encode("utf-8")).decode("ascii")
        words.append(f"{_EW_PREFIX}{payload}{_EW_SUFFIX}")
        text = text[end:]
    return words


def _fitting_end(text: str, capacity: int) -> int:
    """The furthest end whose octets fit `capacity`, preferring a cluster boundary."""
    end, size, best = 0, 0, 0
    while end < len(text):
        size += len(text[end].encode("utf-8"))
        if size > capacity:
            break
        end += 1
        if end == len(text) or _cluster_boundary(text, end):
            best = end
    return best or end


def _cluster_boundary(text: str, index: int) -> bool:
    """A rough grapheme test: no break before a mark, joiner, variation selector,
    skin-tone modifier or tag, nor after a joiner."""
    after, before = text[index], text[index - 1]
    if before == _ZWJ or after == _ZWJ:
        return False
    if unicodedata.category(after) in ("Mn", "Mc", "Me"):
        return False
    code = ord(after)
    return not (0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF
                or 0xE0020 <= code <= 0xE007F)


def _printable_ascii(text: str) -> bool:
    return all("!" <= c <= "~" for c in text)


def _check(field: str, value: str) -> None:
    """The last guard against a malformed or injected header: every line is printable
    ASCII, fits, and only the first does not start with a space."""
    lines = value.split("\r\n")
    if len(lines[0]) + len(field) + 2 > MAX_LINE or any(
            len(line) > MAX_LINE or not line.startswith(" ") for line in lines[1:]):
        raise ValueError(f"the {field} header does not fit its lines")
    if not all(_printable_ascii(line.replace(" ", "")) for line in lines):
        raise ValueError(f"the {field} header would carry a character it must not")

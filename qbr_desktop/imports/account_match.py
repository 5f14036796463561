"""Finding the account a contact or usage row names, the way other tools write it.

By CRM id first. Salesforce writes the same record's id in 15 characters (reports, the
web address) or 18 (the API, most integrations): a usage export carrying the one finds an
account imported with the other. Then by name as the portfolio compares names (name_key).
Then, only when exactly one account fits, by a looser name: accents, punctuation and the
legal form dropped, so "Muller Maschinenbau" finds "Müller Maschinenbau GmbH". A loose
match is reported on the row, so the CSM can see it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from qbr_desktop.i18n import Message, msg
from qbr_desktop.imports.values import shown

#: Legal forms as company names end (or begin) with them, compared after loose folding.
LEGAL_FORMS = frozenset({
    "ab", "ag", "aps", "as", "asa", "bv", "co", "corp", "corporation", "cv", "eg", "gmbh",
    "inc", "incorporated", "kg", "kgaa", "limited", "llc", "llp", "lp", "ltd", "ltda", "nv",
    "oy", "oyj", "plc", "pty", "sa", "sarl", "sas", "se", "sl", "spa", "srl", "ua", "ug",
    "company", "the", "kk", "gk", "pte", "pvt", "sro", "kft", "zrt", "doo", "ohg", "bhd",
    "sdn", "株式会社", "有限会社", "合同会社", "有限公司", "股份有限公司", "集团",
})
_NOT_WORD = re.compile(r"[\W_]+")
#: "S.A.", "A/S", "U.A.", "S.L.": legal forms whose letters a dot or slash separates.
_SPLIT_FORM = re.compile(r"\b([a-z])[./]\s?([a-z])\b\.?", re.IGNORECASE)
_SALESFORCE_ID = re.compile(r"[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?")


def loose_name_key(name: str) -> str:
    """'Müller Maschinenbau GmbH', 'MULLER MASCHINENBAU' and 'Müller-Maschinenbau' agree."""
    text = _SPLIT_FORM.sub(r"\1\2", unicodedata.normalize("NFKC", name))
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("&", " ")
    words = [w for w in _NOT_WORD.sub(" ", plain).split() if w not in LEGAL_FORMS]
    return " ".join(words)


def salesforce_prefix(external_id: str) -> str | None:
    """The 15-character form of a Salesforce id (of either length), else None."""
    return external_id[:15] if _SALESFORCE_ID.fullmatch(external_id) else None


@dataclass(frozen=True, slots=True)
class AccountMatch:
    account_id: int | None
    #: Why no account was found (the row is rejected), or None.
    reason: Message | str | None = None
    #: How a loose match was made (a warning on the row), or None.
    note: Message | str | None = None


class AccountIndex:
    """The looser ways to find a stored account, built once per import."""

    def __init__(self, by_external_id: dict[str, int], names: dict[int, str]) -> None:
        self.names = names
        prefixes: dict[str, set[int]] = {}
        for external_id, account_id in by_external_id.items():
            if (prefix := salesforce_prefix(external_id)) is not None:
                prefixes.setdefault(prefix, set()).add(account_id)
        self._prefixes = {p: ids.pop() for p, ids in prefixes.items() if len(ids) == 1}
        loose: dict[str, set[int]] = {}
        for account_id, name in names.items():
            key = loose_name_key(name)
            if key:
                loose.setdefault(key, set()).add(account_id)
        self._loose = {k: ids.pop() for k, ids in loose.items() if len(ids) == 1}

    def by_salesforce_id(self, external_id: str) -> AccountMatch | None:
        prefix = salesforce_prefix(external_id)
        found = self._prefixes.get(prefix) if prefix is not None else None
        if found is None:
            return None
        return AccountMatch(found, note=msg(
            "CRM id “{id}” found as the {length}-character form of the id of {account}",
            id=shown(external_id), length="18" if len(external_id) == 15 else "15",
            account=self.names[found]))

    def by_loose_name(self, name: str) -> AccountMatch | None:
        found = self._loose.get(loose_name_key(name))
        if found is None:
            return None
        return AccountMatch(found, note=msg(
            "“{name}” matched to the account “{account}” by a similar name", name=shown(name),
            account=shown(self.names[found])))


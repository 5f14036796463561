"""`qbr whoami` and `qbr accounts list --mine`."""

from __future__ import annotations

from typing import Any

from cli_support import Portfolio, raw_engine
from sqlalchemy import text


def test_whoami_then_my_accounts(qbr: Any, fresh_db: Portfolio) -> None:
    before = qbr("whoami")
    assert before.code == 0 and "your login name" in before.out
    assert qbr("--db", fresh_db, "accounts", "add", "Theirs", "--owner", "Dana").code == 0
    assert qbr("whoami", "--name", "Noor Al-Huda", "--email", "noor@example.com",
               "--db", fresh_db).code == 0
    assert qbr("whoami").out.strip() == "Noor Al-Huda <noor@example.com>"
    assert qbr("--db", fresh_db, "accounts", "add", "Mine").code == 0  # no --owner: mine
    mine = qbr("--db", fresh_db, "accounts", "list", "--mine", "--json").json()
    assert [(a["name"], a["csm_owner"]) for a in mine] == [("Mine", "Noor Al-Huda")]
    assert len(qbr("--db", fresh_db, "accounts", "list", "--json").json()) == 2
    if isinstance(fresh_db, str):  # a team server lists its CSMs
        with raw_engine(fresh_db).connect() as connection:
            assert connection.execute(text(
                "SELECT email FROM csm WHERE name = 'Noor Al-Huda'")).scalar() == \
                "noor@example.com"


def test_a_bad_email_is_refused(qbr: Any) -> None:
    result = qbr("whoami", "--name", "Noor", "--email", "not an address")
    assert result.code == 1 and result.err.startswith("qbr: --email: ")

"""Who owns what: the free-text owners became team members (csm rows), kept in step."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.migrate import alembic_config, upgrade_to_head
from qbr_desktop.store.models import AccountRow, CsmRow


def owners(context: Any) -> dict[str, str | None]:
    with session_scope(context.store.sessions, reading=True) as session:
        return {name: member for name, member in session.execute(
            select(AccountRow.name, CsmRow.name).outerjoin(
                CsmRow, CsmRow.id == AccountRow.owner_id))}


def test_the_free_text_owners_become_team_members(context: Any) -> None:
    from alembic import command

    for name, owner in (("A", "Dana Whitfield"), ("B", "dana whitfield"), ("C", "Sam"),
                        ("D", "")):
        context.accounts.create(AccountDraft(name=name, csm_owner=owner))
    engine = context.store.engine
    with engine.begin() as connection:  # back to before revision 0013, then forward again
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0012")
    upgrade_to_head(engine)
    found = owners(context)
    assert found == {"A": "Dana Whitfield", "B": "Dana Whitfield", "C": "Sam", "D": None}
    with session_scope(context.store.sessions, reading=True) as session:
        assert sorted(session.scalars(select(CsmRow.name))) == ["Dana Whitfield", "Sam"]


def test_changing_the_owner_points_to_the_member(context: Any) -> None:
    made = context.accounts.create(AccountDraft(name="Acme", csm_owner="Dana"))
    context.accounts.update(made.id, {"csm_owner": "Noor"})
    context.accounts.update(made.id, {"csm_owner": "NOOR"})  # the same person
    context.accounts.create(AccountDraft(name="Other", csm_owner="noor"))
    assert owners(context) == {"Acme": "Noor", "Other": "Noor"}
    context.accounts.update(made.id, {"csm_owner": ""})
    assert owners(context)["Acme"] is None

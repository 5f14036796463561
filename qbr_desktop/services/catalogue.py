"""The product catalogue the CSM maintains, and which entries each account already owns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from qbr_desktop.domain.accounts import name_key
from qbr_desktop.domain.errors import ValidationFailed
from qbr_desktop.domain.money import CURRENCIES
from qbr_desktop.i18n import Message, msg
from qbr_desktop.store.engine import session_scope
from qbr_desktop.store.errors import NotFoundError, account_gone
from qbr_desktop.store.insight_repositories import CatalogueRepository
from qbr_desktop.store.models import AccountModuleRow, AccountRow, ProductModuleRow

KINDS = {"module": "Add-on module", "plan": "Plan"}
PRICING = {"per_seat": "per seat a year", "flat": "a year, flat"}
NAME_MAX = 200


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    """One entry as the catalogue editor shows it; id None for an entry not saved yet."""

    id: int | None
    name: str
    kind: str = "module"
    pricing: str = "per_seat"
    price: Decimal = Decimal(0)
    currency: str = "USD"
    description: str = ""


def validate_catalogue(items: Sequence[CatalogueItem]) -> dict[str, Message]:
    """Problems keyed "row N: field", so an editor can point at the cell."""
    problems: dict[str, Message] = {}
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        name = item.name.strip()
        where = f"row {number}"
        if not name:
            problems[f"{where}: name"] = msg("Row {number} needs a name", number=number)
        elif len(name) > NAME_MAX:
            problems[f"{where}: name"] = msg(
                "Row {number}: names are limited to {limit} characters", number=number,
                limit=NAME_MAX)
        elif (key := name_key(name)) in seen:
            problems[f"{where}: name"] = msg("Row {number} repeats “{name}” from row {first}",
                                             number=number, name=name, first=seen[key])
        else:
            seen[key] = number
        if item.kind not in KINDS:
            problems[f"{where}: kind"] = msg("Row {number}: kind must be module or plan",
                                             number=number)
        if item.pricing not in PRICING:
            problems[f"{where}: pricing"] = msg(
                "Row {number}: pricing must be per seat or flat", number=number)
        if item.price < 0:
            problems[f"{where}: price"] = msg("Row {number}: a price cannot be negative",
                                              number=number)
        elif item.price != item.price.quantize(Decimal("0.01")):
            problems[f"{where}: price"] = msg("Row {number}: prices are kept to the cent",
                                              number=number)
        if item.currency not in CURRENCIES:
            problems[f"{where}: currency"] = msg(
                "Row {number}: “{currency}” is not a supported currency code", number=number,
                currency=item.currency)
    return problems


class CatalogueService:
    def __init__(self, sessions: sessionmaker[Session],
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._sessions = sessions
        self._clock = clock

    def items(self) -> list[CatalogueItem]:
        with session_scope(self._sessions) as session:
            return [CatalogueItem(r.id, r.name, r.kind, r.pricing, r.price, r.currency,
                                  r.description) for r in CatalogueRepository(session).all()]

    def replace(self, items: Sequence[CatalogueItem]) -> None:
        """Save the whole edited catalogue at once: all of it, or nothing."""
        if problems := validate_catalogue(items):
            raise ValidationFailed(problems)
        now = self._clock()
        with session_scope(self._sessions) as session:
            existing = {row.id: row for row in CatalogueRepository(session).all()}
            kept = {item.id for item in items if item.id is not None}
            for gone in set(existing) - kept:
                session.delete(existing[gone])
            session.flush()  # frees the names of deleted entries for renamed ones
            for item in items:
                row = existing.get(item.id) if item.id is not None else None
                if row is None:
                    row = ProductModuleRow(created_at=now)
                    session.add(row)
                row.name, row.name_key = item.name.strip(), name_key(item.name)
                row.kind, row.pricing, row.price = item.kind, item.pricing, item.price
                row.currency, row.description = item.currency, item.description.strip()
                row.updated_at = now

    def owned(self, account_id: int) -> frozenset[int]:
        with session_scope(self._sessions) as session:
            return CatalogueRepository(session).owned(account_id)

    def set_owned(self, account_id: int, entry_ids: Iterable[int]) -> None:
        wanted = set(entry_ids)
        with session_scope(self._sessions) as session:
            if session.get(AccountRow, account_id) is None:
                raise account_gone(account_id)
            known = set(session.scalars(select(ProductModuleRow.id)))
            if unknown := wanted - known:
                raise NotFoundError(msg("No catalogue entry with id {entry_id}",
                                        entry_id=min(unknown)))
            session.execute(delete(AccountModuleRow).where(
                AccountModuleRow.account_id == account_id))
            session.add_all(AccountModuleRow(account_id=account_id, module_id=entry_id)
                            for entry_id in sorted(wanted))

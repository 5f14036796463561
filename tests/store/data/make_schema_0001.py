"""Regenerate ``schema-0001.sqlite``: a small portfolio saved at schema revision 0001.

Why it exists: the migration tests open this file with today's code to prove that a
database saved by the first release still upgrades and reads back (OpenLP keeps
``songs-1.9.7.sqlite`` for the same reason). It is a frozen artefact of a released
schema, committed to git (``.gitignore`` has an exception for ``tests/store/data``).

When to run it: only if the file is lost or must be rebuilt, and only from a checkout
whose models are still at revision 0001. The script migrates to exactly ``0001``,
checks that the models agree with that schema (and refuses otherwise), fills it through
the real ``AccountService``, and writes a verified single-file copy (journal_mode
DELETE, no ``-wal``) beside itself:

    .venv/bin/python tests/store/data/make_schema_0001.py

Contents: two accounts ("Acme Corp" and the Japanese "京都セラミック株式会社"), each with a
contact (one Arabic name), one review for Acme, and three quarters of metrics for Acme.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from qbr_desktop.domain.accounts import AccountDraft
from qbr_desktop.domain.contacts import ContactDraft, ContactLevel, ReviewDraft, ReviewFormat
from qbr_desktop.domain.metrics import MetricValue
from qbr_desktop.domain.periods import Quarter
from qbr_desktop.services.accounts import AccountService
from qbr_desktop.store.backup import copy_database
from qbr_desktop.store.engine import create_store_engine, make_session_factory, sqlite_url
from qbr_desktop.store.migrate import alembic_config, stored_revision_readonly
from qbr_desktop.store.models import Base

REVISION = "0001"
OUTPUT = Path(__file__).resolve().with_name(f"schema-{REVISION}.sqlite")
SAVED_AT = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def build(output: Path = OUTPUT) -> Path:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "qbr.sqlite"
        engine = create_store_engine(sqlite_url(str(path)))
        try:
            config = alembic_config()
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, REVISION)
            with engine.connect() as connection:
                differences = compare_metadata(MigrationContext.configure(connection),
                                               Base.metadata)
            if differences:
                raise SystemExit(
                    f"The models no longer match schema {REVISION} ({differences[:3]}...); "
                    f"rebuild this file from a checkout at revision {REVISION}."
                )
            fill(AccountService(make_session_factory(engine), clock=lambda: SAVED_AT))
        finally:
            engine.dispose()
        copy_database(path, output)  # verified, journal_mode=DELETE: one self-contained file
    if stored_revision_readonly(output) != REVISION:
        raise SystemExit(f"{output} is not at revision {REVISION}")
    return output


def fill(service: AccountService) -> None:
    acme = service.create(AccountDraft(
        name="Acme Corp", industry="Software", country="US", employee_band="201–1,000",
        arr=Decimal("120000.50"), currency="USD", licensed_seats=250,
        renewal_date=date(2027, 3, 31), csm_owner="Dana Whitfield", tier_override=None,
        notes="Expansion candidate.\nExec sponsor changed in Q3.",
    ))
    kyoto = service.create(AccountDraft(
        name="京都セラミック株式会社", industry="Manufacturing", country="JP",
        arr=Decimal("2500000"), currency="JPY", licensed_seats=40, tier_override="Core",
    ))
    service.add_contact(acme.id, ContactDraft(
        "Ana Núñez", title="VP Operations", email="ana@acme.example", level=ContactLevel.VP))
    service.add_contact(kyoto.id, ContactDraft(
        "ليلى الحسن", title="Director of IT", level=ContactLevel.DIRECTOR))
    service.add_review(acme.id, ReviewDraft(
        datetime(2027, 1, 14, 16, 0, tzinfo=UTC), "America/New_York", ReviewFormat.IN_PERSON))
    service.record_metrics(acme.id, [
        MetricValue(Quarter(2026, 1), "active_users", 150.0),
        MetricValue(Quarter(2026, 2), "active_users", 180.0),
        MetricValue(Quarter(2026, 3), "active_users", 204.0),
        MetricValue(Quarter(2026, 3), "csat", 4.4),
    ])


if __name__ == "__main__":
    written = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
    print(f"wrote {written} ({written.stat().st_size:,} bytes) at revision {REVISION}")

"""Alembic environment: runs on the connection the program hands it.

The program (``qbr_desktop.store.migrate``) opens a connection with a transaction
already begun, so every migration of one upgrade commits or rolls back together.
Developers can also run ``alembic`` by pointing ``sqlalchemy.url`` at a scratch file.
"""

from __future__ import annotations

from alembic import context

from qbr_desktop.store.engine import create_store_engine
from qbr_desktop.store.models import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # the alembic command line, for developers
    engine = create_store_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata,
                          render_as_batch=True, transactional_ddl=True)
        context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=True, transactional_ddl=True)
    with context.begin_transaction():
        context.run_migrations()

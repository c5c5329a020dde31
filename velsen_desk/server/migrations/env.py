"""Alembic environment: runs on the connection ``server.migrate`` hands over (never a URL from a
file, so no password is ever written to an alembic.ini)."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from velsen_desk.server.schema import SERVER_METADATA

config = context.config
target_metadata = SERVER_METADATA


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("velsen-desk runs its migrations with a connection (velsen_desk.server.migrate)")
_run(connection)

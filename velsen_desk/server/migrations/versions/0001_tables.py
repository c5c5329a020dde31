"""The tables: the project's curated tables and the server's own.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import warnings

from alembic import op
from sqlalchemy.exc import SAWarning

from velsen_desk.server.schema import SERVER_METADATA

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Made from the metadata (no hand-written DDL). documents, programmes and municipalities cite
    # each other: SQLAlchemy adds those foreign keys after the tables, and says so in a warning.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)
        SERVER_METADATA.create_all(op.get_bind())


def downgrade() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)
        SERVER_METADATA.drop_all(op.get_bind())

"""The master's tables: the project's own tables (``storage.tables``) plus the server-only ones.

The curated tables are copied from ``Base.metadata`` rather than declared again, so the master
holds exactly what the SQLite build holds. Two things differ on PostgreSQL and are changed on the
copy only (the SQLite build's DDL, and so its bytes, stay as they are):

- foreign keys are ``DEFERRABLE INITIALLY DEFERRED``: records cite documents defined later in
  the data (the build defers them too, with ``PRAGMA defer_foreign_keys``);
- cost amounts are ``BIGINT``: the schema allows up to 10^13 euros, more than PostgreSQL's
  32-bit ``INTEGER`` (SQLite's INTEGER is 64 bits).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

from velsen_desk.core.money import CostStatus
from velsen_desk.core.progress import NEEDS_EXPLANATION, ProgressStatus
from velsen_desk.storage.tables import Base

SERVER_METADATA = MetaData()

for _table in Base.metadata.tables.values():
    _copy = _table.to_metadata(SERVER_METADATA)
    for _constraint in _copy.constraints:
        if isinstance(_constraint, ForeignKeyConstraint):
            _constraint.deferrable = True
            _constraint.initially = "DEFERRED"
    for _column in _copy.columns:
        if _column.name.endswith("_amount") and isinstance(_column.type, Integer):
            _column.type = BigInteger()

# The curated tables (foreign keys are deferred, so any order): what ``server load`` replaces and ``export`` reads.
CURATED_TABLES: tuple[str, ...] = tuple(sorted(name for name in Base.metadata.tables if name != "meta"))

# The texts a party's spend may carry with "n.v.t." and "n.n.b." (compared trimmed, without case).
NVT_TEXTS = ("n.v.t.", "nvt", "n.v.t")
NNB_TEXTS = ("n.n.b.", "nnb", "n.n.b")
_BLANKS = "E' \\t\\r\\n'"

ROLE_GRIFFIE = "griffie"
ROLE_PARTIJ = "partij"


def _in(values: object) -> str:
    return ", ".join(f"'{v}'" for v in sorted(str(v) for v in values))  # type: ignore[attr-defined]


organisations = Table(
    "organisations", SERVER_METADATA,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    # One name however capitalised or spaced: the policy compares without case, so "Velison Wonen"
    # and "VELISON  WONEN" must not become two organisations.
    Index("organisations_name_normalised", text("lower(regexp_replace(btrim(name), '\\s+', ' ', 'g'))"),
          unique=True),
)

# A database login role and the organisation it acts for.
members = Table(
    "members", SERVER_METADATA,
    Column("login", Text, primary_key=True),
    Column("organisation_id", ForeignKey("organisations.id"), nullable=False, index=True),
    Column("role", String(10), nullable=False),
    CheckConstraint(f"role IN ('{ROLE_GRIFFIE}', '{ROLE_PARTIJ}')", name="members_role_known"),
)

# The data file each curated record came from, so an export writes the same folder layout.
record_files = Table(
    "record_files", SERVER_METADATA,
    Column("record_id", Text, primary_key=True),
    Column("collection", Text, nullable=False),
    Column("file_name", Text, nullable=False),
)

# Progress submitted by parties: one row per action and peildatum, changed in place with a
# version that the server raises on every update (see security.py), so a stale edit is detected.
party_statuses = Table(
    "party_statuses", SERVER_METADATA,
    Column("id", Integer, primary_key=True),
    Column("action_id", ForeignKey("actions.id", deferrable=True, initially="DEFERRED"), nullable=False, index=True),
    Column("peildatum", Date, nullable=False),
    Column("status", String(10), nullable=False),
    Column("explanation", Text),
    Column("spent_status", String(8), nullable=False),
    Column("spent_amount", BigInteger),
    Column("spent_qualifier", String(10)),
    Column("spent_text", Text, nullable=False),
    Column("version", Integer, nullable=False, server_default=text("1")),
    Column("changed_by", Text, nullable=False, server_default=func.current_user()),
    Column("changed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    UniqueConstraint("action_id", "peildatum", name="party_statuses_one_per_peildatum"),
    CheckConstraint(f"status IN ({_in(ProgressStatus)})", name="party_statuses_status_known"),
    # A blank explanation is none: the export's model refuses it, and so would every reader.
    CheckConstraint(f"status NOT IN ({_in(NEEDS_EXPLANATION)}) OR coalesce(btrim(explanation, {_BLANKS}), '') <> ''",
                    name="party_statuses_explained"),
    CheckConstraint(f"spent_status IN ({_in(CostStatus)})", name="party_statuses_spent_known"),
    # "€ 0", "n.v.t." and "n.n.b." stay apart: an amount only with status amount, always with one.
    CheckConstraint("(spent_status = 'amount') = (spent_amount IS NOT NULL)", name="party_statuses_spent_amount"),
    # The text shown must say what the status says: "n.v.t." never reads as an amount, nor an amount as n.n.b.
    CheckConstraint(f"spent_status <> 'nvt' OR lower(btrim(spent_text)) IN ({_in(NVT_TEXTS)})",
                    name="party_statuses_spent_text_nvt"),
    CheckConstraint(f"spent_status <> 'nnb' OR lower(btrim(spent_text)) IN ({_in(NNB_TEXTS)})",
                    name="party_statuses_spent_text_nnb"),
    CheckConstraint("spent_status <> 'amount' OR (spent_text ~ '[0-9]' AND spent_text !~* 'n\\.?[vn]\\.?[tb]')",
                    name="party_statuses_spent_text_amount"),
)

# Append-only: filled by a SECURITY DEFINER trigger; nobody but the owner may change it.
audit_log = Table(
    "audit_log", SERVER_METADATA,
    Column("id", BigInteger, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("who", Text, nullable=False),
    Column("table_name", Text, nullable=False),
    Column("key", Text),
    Column("operation", String(8), nullable=False),
    Column("old_value", JSONB),
    Column("new_value", JSONB),
)

SERVER_TABLES: tuple[str, ...] = ("organisations", "members", "record_files", "party_statuses", "audit_log")

"""Roles, row-level security and the audit trigger, as SQL run by the migration ``0002``.

The database enforces who may write what, so raw SQL from a party's login is refused as the
window's form is. Two group roles (cluster-wide, created once): ``velsen_griffie`` changes the
curated data (programmes, budgets, people …) and every status; ``velsen_partij`` reads the data
and adds or changes statuses of the actions its organisation is trekker of. Every write lands in
``audit_log`` through a SECURITY DEFINER trigger; nobody but the owner may change that table.

Inside a SECURITY DEFINER function ``current_user`` is the owner, so the audit trigger records
``session_user``: the login role that connected (parties connect as themselves).
"""

from __future__ import annotations

from velsen_desk.server.schema import CURATED_TABLES

GRIFFIE_GROUP = "velsen_griffie"
PARTIJ_GROUP = "velsen_partij"
# Every table the audit trigger watches: the curated data and the server's own, not the log itself.
AUDITED_TABLES: tuple[str, ...] = (*CURATED_TABLES, "organisations", "members", "record_files", "party_statuses")

_CREATE_GROUPS = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{GRIFFIE_GROUP}') THEN
        CREATE ROLE {GRIFFIE_GROUP} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{PARTIJ_GROUP}') THEN
        CREATE ROLE {PARTIJ_GROUP} NOLOGIN;
    END IF;
END
$$
"""

_ORGANISATION_OF = """
CREATE FUNCTION velsen_organisation_of(login text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT o.name FROM members m JOIN organisations o ON o.id = m.organisation_id WHERE m.login = $1
$$
"""

_ROLE_OF = """
CREATE FUNCTION velsen_role_of(login text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT m.role FROM members m WHERE m.login = $1
$$
"""

# The server, not the client, stamps who and when and raises the version.
_STAMP = """
CREATE FUNCTION velsen_stamp_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_by := current_user;
    NEW.changed_at := now();
    IF TG_OP = 'UPDATE' THEN
        NEW.version := OLD.version + 1;
    ELSE
        NEW.version := 1;
    END IF;
    RETURN NEW;
END
$$
"""

_AUDIT = """
CREATE FUNCTION velsen_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
    any_row jsonb := coalesce(new_row, old_row);
BEGIN
    INSERT INTO audit_log (who, table_name, key, operation, old_value, new_value)
    VALUES (session_user, TG_TABLE_NAME,
            coalesce(any_row->>'id', any_row->>'login', any_row->>'record_id', any_row->>'key'),
            TG_OP, old_row, new_row);
    RETURN NULL;
END
$$
"""

# A party's own action: its trekker is the party's organisation (compared without case).
_OWN_ACTION = ("EXISTS (SELECT 1 FROM actions a WHERE a.id = action_id "
               "AND lower(a.trekker) = lower(velsen_organisation_of(current_user)))")


def upgrade_statements() -> list[str]:
    """The statements of migration 0002, in order."""
    statements = [
        _CREATE_GROUPS,
        _ORGANISATION_OF,
        _ROLE_OF,
        _STAMP,
        _AUDIT,
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {GRIFFIE_GROUP}, {PARTIJ_GROUP}",
        "REVOKE ALL ON FUNCTION velsen_organisation_of(text), velsen_role_of(text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION velsen_organisation_of(text), velsen_role_of(text) "
        f"TO {GRIFFIE_GROUP}, {PARTIJ_GROUP}",
        "REVOKE ALL ON FUNCTION velsen_audit() FROM PUBLIC",
        f"GRANT SELECT ON alembic_version TO {GRIFFIE_GROUP}, {PARTIJ_GROUP}",
    ]
    for table in CURATED_TABLES:
        statements += [
            f'GRANT SELECT ON "{table}" TO {GRIFFIE_GROUP}, {PARTIJ_GROUP}',
            f'GRANT INSERT, UPDATE, DELETE ON "{table}" TO {GRIFFIE_GROUP}',
        ]
    statements += [
        f"GRANT SELECT ON organisations, members TO {GRIFFIE_GROUP}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON record_files TO {GRIFFIE_GROUP}",
        f"GRANT SELECT ON record_files TO {PARTIJ_GROUP}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON party_statuses TO {GRIFFIE_GROUP}",
        f"GRANT SELECT, INSERT, UPDATE ON party_statuses TO {PARTIJ_GROUP}",
        f"GRANT USAGE ON SEQUENCE party_statuses_id_seq TO {GRIFFIE_GROUP}, {PARTIJ_GROUP}",
        "REVOKE ALL ON audit_log FROM PUBLIC",
        f"GRANT SELECT ON audit_log TO {GRIFFIE_GROUP}",
        "ALTER TABLE party_statuses ENABLE ROW LEVEL SECURITY",
        "ALTER TABLE party_statuses FORCE ROW LEVEL SECURITY",
        f"CREATE POLICY party_own_actions ON party_statuses TO {PARTIJ_GROUP} "
        f"USING ({_OWN_ACTION}) WITH CHECK ({_OWN_ACTION})",
        f"CREATE POLICY griffie_all ON party_statuses TO {GRIFFIE_GROUP} USING (true) WITH CHECK (true)",
        # FORCE applies the policies to the owner too: it loads and exports everything.
        "DO $$ BEGIN EXECUTE format('CREATE POLICY owner_all ON party_statuses TO %I USING (true) "
        "WITH CHECK (true)', current_user); END $$",
        "CREATE TRIGGER party_statuses_stamp BEFORE INSERT OR UPDATE ON party_statuses "
        "FOR EACH ROW EXECUTE FUNCTION velsen_stamp_status()",
    ]
    statements += [
        f'CREATE TRIGGER "{table}_audit" AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
        "FOR EACH ROW EXECUTE FUNCTION velsen_audit()"
        for table in AUDITED_TABLES
    ]
    return statements


def downgrade_statements() -> list[str]:
    """Undo 0002 in this database; the group roles stay (other databases of the cluster use them)."""
    statements = [f'DROP TRIGGER IF EXISTS "{table}_audit" ON "{table}"' for table in AUDITED_TABLES]
    return [
        *statements,
        "DROP TRIGGER IF EXISTS party_statuses_stamp ON party_statuses",
        "DROP POLICY IF EXISTS party_own_actions ON party_statuses",
        "DROP POLICY IF EXISTS griffie_all ON party_statuses",
        "DROP POLICY IF EXISTS owner_all ON party_statuses",
        "ALTER TABLE party_statuses NO FORCE ROW LEVEL SECURITY",
        "ALTER TABLE party_statuses DISABLE ROW LEVEL SECURITY",
        "DROP FUNCTION IF EXISTS velsen_audit()",
        "DROP FUNCTION IF EXISTS velsen_stamp_status()",
        "DROP FUNCTION IF EXISTS velsen_role_of(text)",
        "DROP FUNCTION IF EXISTS velsen_organisation_of(text)",
    ]

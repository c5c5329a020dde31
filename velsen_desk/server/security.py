"""Roles, row-level security and the audit trigger, as SQL run by the migration ``0002``.

The database enforces who may write what, so raw SQL from a party's login is refused as the
window's form is. Two group roles (cluster-wide, created once): ``velsen_griffie`` changes the
curated data (programmes, budgets, people …) and every status; ``velsen_partij`` reads the data
and adds or changes statuses of the actions its organisation is trekker of. Every write lands in
``audit_log`` through a SECURITY DEFINER trigger; nobody but the owner may change that table.

Inside a SECURITY DEFINER function ``current_user`` is the owner, so the audit trigger records
``session_user``: the login role that connected (parties connect as themselves).

Every function names its tables with their schema (``public.members``) and sets ``search_path =
pg_catalog, public, pg_temp``: with ``pg_temp`` left out PostgreSQL searches it *first* for
relations, so a party's ``CREATE TEMP TABLE members`` would answer a SECURITY DEFINER lookup run as
the owner (``server init`` also revokes TEMP from PUBLIC, see ``migrate.upgrade``). The member
lookups answer only for the login that asks, so a party cannot map other logins.
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

# pg_temp last: otherwise it is searched first, and a caller's temp tables would shadow ours.
_SEARCH_PATH = "SET search_path = pg_catalog, public, pg_temp"

# The caller's own organisation and role only: a party may not SELECT members, so it may not map
# other logins through these either. session_user, because current_user is the owner in here; the
# policy passes current_user, so after SET ROLE (current_user ≠ session_user) the answer is NULL.
_ORGANISATION_OF = f"""
CREATE FUNCTION public.velsen_organisation_of(login text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER {_SEARCH_PATH} AS $$
    SELECT o.name FROM public.members m JOIN public.organisations o ON o.id = m.organisation_id
    WHERE m.login = $1 AND $1 = session_user
$$
"""

_ROLE_OF = f"""
CREATE FUNCTION public.velsen_role_of(login text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER {_SEARCH_PATH} AS $$
    SELECT m.role FROM public.members m WHERE m.login = $1 AND $1 = session_user
$$
"""

# The server, not the client, stamps who and when and raises the version.
_STAMP = f"""
CREATE FUNCTION public.velsen_stamp_status() RETURNS trigger LANGUAGE plpgsql {_SEARCH_PATH} AS $$
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

_AUDIT = f"""
CREATE FUNCTION public.velsen_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {_SEARCH_PATH} AS $$
DECLARE
    old_row jsonb := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
    new_row jsonb := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
    any_row jsonb := coalesce(new_row, old_row);
BEGIN
    INSERT INTO public.audit_log (who, table_name, key, operation, old_value, new_value)
    VALUES (session_user, TG_TABLE_NAME,
            coalesce(any_row->>'id', any_row->>'login', any_row->>'record_id', any_row->>'key'),
            TG_OP, old_row, new_row);
    RETURN NULL;
END
$$
"""

# Rules the API checks too, here so that raw SQL meets them: the griffie's own progress reports
# and the parties' may not share a plan and peildatum (the exported folder would not validate, and
# publish --from would fail for everyone); a peildatum more than a year ahead is a typo, and would
# become the action's "last status". As check_violation, so clients treat it as a CHECK.
PEILDATUM_TAKEN = "party_statuses_peildatum_free"
PEILDATUM_AHEAD = "party_statuses_peildatum_not_ahead"
_CHECK_STATUS = f"""
CREATE FUNCTION public.velsen_check_status() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {_SEARCH_PATH} AS $$
BEGIN
    IF NEW.peildatum > current_date + interval '1 year' THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = '{PEILDATUM_AHEAD}',
            MESSAGE = format('peildatum %s ligt meer dan een jaar vooruit', NEW.peildatum);
    END IF;
    IF EXISTS (SELECT 1 FROM public.progress_reports r JOIN public.actions a ON a.plan_id = r.plan_id
               WHERE a.id = NEW.action_id AND r.date = NEW.peildatum) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = '{PEILDATUM_TAKEN}',
            MESSAGE = format('de griffie heeft voor dit actieplan al een voortgangsrapportage op %s', NEW.peildatum);
    END IF;
    RETURN NEW;
END
$$
"""

# The same rule from the griffie's side: a progress report on a day the parties already reported
# on for that plan (``load`` says so in Dutch first; this refuses the griffie's raw SQL).
REPORT_DAY_TAKEN = "progress_reports_day_free"
_CHECK_REPORT = f"""
CREATE FUNCTION public.velsen_check_report() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {_SEARCH_PATH} AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.party_statuses s JOIN public.actions a ON a.id = s.action_id
               WHERE a.plan_id = NEW.plan_id AND s.peildatum = NEW.date) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = '{REPORT_DAY_TAKEN}',
            MESSAGE = format('de partijen hebben voor dit actieplan al voortgang op %s', NEW.date);
    END IF;
    RETURN NEW;
END
$$
"""

# A party's own action: its trekker is the party's organisation (compared without case).
_OWN_ACTION = ("EXISTS (SELECT 1 FROM public.actions a WHERE a.id = action_id "
               "AND lower(a.trekker) = lower(public.velsen_organisation_of(current_user)))")


def upgrade_statements() -> list[str]:
    """The statements of migration 0002, in order."""
    statements = [
        _CREATE_GROUPS,
        _ORGANISATION_OF,
        _ROLE_OF,
        _STAMP,
        _AUDIT,
        _CHECK_STATUS,
        _CHECK_REPORT,
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {GRIFFIE_GROUP}, {PARTIJ_GROUP}",
        "REVOKE ALL ON FUNCTION velsen_organisation_of(text), velsen_role_of(text) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION velsen_organisation_of(text), velsen_role_of(text) "
        f"TO {GRIFFIE_GROUP}, {PARTIJ_GROUP}",
        "REVOKE ALL ON FUNCTION velsen_audit(), velsen_check_status(), velsen_check_report() FROM PUBLIC",
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
        "CREATE TRIGGER party_statuses_check BEFORE INSERT OR UPDATE OF action_id, peildatum ON party_statuses "
        "FOR EACH ROW EXECUTE FUNCTION velsen_check_status()",
        "CREATE TRIGGER progress_reports_check BEFORE INSERT OR UPDATE OF plan_id, date ON progress_reports "
        "FOR EACH ROW EXECUTE FUNCTION velsen_check_report()",
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
        "DROP TRIGGER IF EXISTS party_statuses_check ON party_statuses",
        "DROP TRIGGER IF EXISTS progress_reports_check ON progress_reports",
        "DROP POLICY IF EXISTS party_own_actions ON party_statuses",
        "DROP POLICY IF EXISTS griffie_all ON party_statuses",
        "DROP POLICY IF EXISTS owner_all ON party_statuses",
        "ALTER TABLE party_statuses NO FORCE ROW LEVEL SECURITY",
        "ALTER TABLE party_statuses DISABLE ROW LEVEL SECURITY",
        "DROP FUNCTION IF EXISTS velsen_audit()",
        "DROP FUNCTION IF EXISTS velsen_stamp_status()",
        "DROP FUNCTION IF EXISTS velsen_check_status()",
        "DROP FUNCTION IF EXISTS velsen_check_report()",
        "DROP FUNCTION IF EXISTS velsen_role_of(text)",
        "DROP FUNCTION IF EXISTS velsen_organisation_of(text)",
    ]

"""Audit of the master's promises with raw SQL as a party and as the griffie (issue 14).

Each ``xfail(strict=True)`` test shows a hole that is still open: it fails today and will turn
the suite red (XPASS) once the hole is closed, so the marker must then be removed. The other
tests are attacks that the database already refuses; they stay as regression guards.
"""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest

PEILDATUM = dt.date(2026, 6, 30)
A01, A12 = "velsen-2022.avn.a01", "velsen-2022.avn.a12"  # a01 Velison Wonen, a12 Welzijn Velsen
INSERT_STATUS = ("INSERT INTO party_statuses (action_id, peildatum, status, explanation, spent_status, spent_text) "
                 "VALUES (%s, %s, %s, %s, 'nvt', 'n.v.t.')")


def _raw(server, user, password):
    return psycopg.connect(host=server.cluster.host, port=server.cluster.port, dbname=server.database,
                           user=user, password=password, autocommit=True)


def _statuses_of(server, action_id):
    return server.admin.execute("SELECT status FROM party_statuses WHERE action_id = %s", (action_id,)).fetchall()


def test_temp_tables_cannot_shadow_members_to_escape_row_level_security(server):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        raw.execute("CREATE TEMP TABLE organisations (id int, name text)")
        raw.execute("CREATE TEMP TABLE members (login text, organisation_id int, role text)")
        raw.execute("INSERT INTO pg_temp.organisations VALUES (1, 'Welzijn Velsen')")
        raw.execute("INSERT INTO pg_temp.members VALUES (current_user, 1, 'partij')")
        try:
            raw.execute(INSERT_STATUS, (A12, PEILDATUM, "rood", "Gestopt door Velison."))
        except psycopg.errors.InsufficientPrivilege:
            pass
    assert _statuses_of(server, A12) == []  # Welzijn's action got no status from Velison


def test_a_temp_table_cannot_swallow_the_audit_trail(server):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        raw.execute("CREATE TEMP TABLE audit_log (who text, table_name text, key text, operation text, "
                    "old_value jsonb, new_value jsonb)")
        raw.execute(INSERT_STATUS, (A01, PEILDATUM, "groen", None))
    logged = server.admin.execute("SELECT count(*) FROM public.audit_log WHERE who = %s", (user,)).fetchone()
    assert logged == (1,)


def test_a_party_cannot_look_up_other_logins(server):
    other, _ = server.grant("Welzijn Velsen")
    griffier, _ = server.grant("Griffie Velsen", "griffie")
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("SELECT count(*) FROM members").fetchone()  # the table itself is closed …
        seen = raw.execute("SELECT velsen_organisation_of(%s), velsen_role_of(%s)", (other, griffier)).fetchone()
    assert seen == (None, None)  # … so the lookup should not open it


@pytest.mark.parametrize("explanation", ["", "   "])
def test_red_needs_a_real_explanation_in_the_database(server, explanation):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw, pytest.raises(psycopg.errors.CheckViolation):
        raw.execute(INSERT_STATUS, (A01, PEILDATUM, "rood", explanation))


def test_the_spend_text_cannot_contradict_the_spend_status(server):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw, pytest.raises(psycopg.errors.CheckViolation):
        raw.execute("INSERT INTO party_statuses (action_id, peildatum, status, spent_status, spent_text) "
                    "VALUES (%s, %s, 'groen', 'nvt', '€ 250.000')", (A01, PEILDATUM))


# --- attacks the database already refuses (regression guards) -------------------------------------------------


@pytest.mark.parametrize("statement", [
    "INSERT INTO audit_log (who, table_name, operation) VALUES ('griffier', 'actions', 'DELETE')",
    "UPDATE audit_log SET who = 'x'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
    "TRUNCATE party_statuses",
    "ALTER TABLE party_statuses DISABLE TRIGGER ALL",
    "ALTER TABLE party_statuses NO FORCE ROW LEVEL SECURITY",
    "DROP POLICY party_own_actions ON party_statuses",
    "CREATE TABLE public.shadow (x int)",
    "CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE sql AS 'SELECT ''Velison Wonen'''",
    "SET ROLE velsen_griffie",
    "SET session_replication_role = replica",
    "UPDATE actions SET trekker = 'Velison Wonen' WHERE id = 'velsen-2022.avn.a12'",
    "INSERT INTO members (login, organisation_id, role) VALUES (current_user, 1, 'griffie')",
    "UPDATE members SET role = 'griffie'",
    "GRANT velsen_griffie TO CURRENT_USER",
])
def test_a_party_is_refused(server, statement):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw, pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw.execute(statement)


@pytest.mark.parametrize("statement", [
    "INSERT INTO audit_log (who, table_name, operation) VALUES ('x', 'actions', 'DELETE')",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
    "ALTER TABLE party_statuses DISABLE TRIGGER party_statuses_audit",
    "CREATE TABLE public.shadow (x int)",
])
def test_the_griffie_is_refused(server, statement):
    user, password = server.grant("Griffie Velsen", "griffie")
    with _raw(server, user, password) as raw, pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw.execute(statement)


def test_the_griffie_reads_the_audit_and_a_party_does_not(server):
    griffier, griffie_password = server.grant("Griffie Velsen", "griffie")
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        raw.execute(INSERT_STATUS, (A01, PEILDATUM, "groen", None))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("SELECT * FROM audit_log")
    with _raw(server, griffier, griffie_password) as raw:
        who = raw.execute("SELECT who FROM audit_log WHERE table_name = 'party_statuses'").fetchall()
    assert who == [(user,)]


def test_set_role_to_the_party_group_gains_nothing(server):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        raw.execute("SET ROLE velsen_partij")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute(INSERT_STATUS, (A01, PEILDATUM, "groen", None))


def test_forged_stamps_are_overwritten_on_update(server):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        raw.execute(INSERT_STATUS, (A01, PEILDATUM, "groen", None))
        raw.execute("UPDATE party_statuses SET changed_by = 'griffier', changed_at = '2000-01-01', version = 99")
    row = server.admin.execute("SELECT changed_by, version, changed_at > '2020-01-01' FROM party_statuses").fetchone()
    assert row == (user, 2, True)


def test_injection_through_the_lookup_function_is_data(server):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        assert raw.execute("SELECT velsen_organisation_of(%s)", ("x' OR '1'='1",)).fetchone() == (None,)
        raw.execute("SET search_path = pg_temp, public")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute(INSERT_STATUS, (A12, PEILDATUM, "groen", None))

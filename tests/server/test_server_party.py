"""The party API against a real PostgreSQL: own actions only, versions, conflicts, refusals, audit."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from tests.server.pg_cluster import free_port
from velsen_desk.core.money import CostStatus, CostValue
from velsen_desk.server.errors import ServerError, ServerUnreachable, WrongPassword
from velsen_desk.server.party import ConcurrentEdit, NotYourAction, PeildatumTaken, connect

PEILDATUM = dt.date(2026, 6, 30)
A01, A02, A12 = "velsen-2022.avn.a01", "velsen-2022.avn.a02", "velsen-2022.avn.a12"  # a01/a02 Velison, a12 Welzijn
NVT = CostValue(CostStatus.NOT_APPLICABLE, None, "n.v.t.")
ZERO = CostValue(CostStatus.AMOUNT, 0, "€ 0")


def _raw(server, user, password):
    return psycopg.connect(host=server.cluster.host, port=server.cluster.port, dbname=server.database,
                           user=user, password=password, autocommit=True)


def test_a_party_sees_only_its_own_actions_and_its_organisation(server):
    user, password = server.grant("Velison Wonen")
    with connect(server.url, user, password) as session:
        assert session.organisation == "Velison Wonen"
        actions = session.my_actions()
    assert [a.action_id for a in actions] == [A01, A02]
    assert all(a.status is None and a.version is None and a.spent is None for a in actions)


def test_tls_is_used_when_the_server_offers_it_and_the_session_says_so(server):
    if not server.cluster.offers_tls:
        pytest.skip("openssl niet gevonden: de testserver biedt geen TLS")
    user, password = server.grant("Velison Wonen")
    with connect(server.url, user, password) as session:
        assert session.encrypted is True  # sslmode=prefer took the TLS the server offers
    with connect(server.url + "?sslmode=disable", user, password) as session:
        assert session.encrypted is False  # and says so when there is none


def test_submit_creates_then_raises_the_version_and_keeps_euro_zero_apart_from_nvt(server):
    user, password = server.grant("Velison Wonen")
    with connect(server.url, user, password) as session:
        assert session.submit(A01, PEILDATUM, "groen", None, ZERO, None) == 1
        assert session.submit(A01, PEILDATUM, "oranje", "Vergunning loopt vertraging op.", NVT, 1) == 2
        first = session.my_actions()[0]
    assert (first.peildatum, first.status, first.version) == (PEILDATUM, "oranje", 2)
    assert first.spent == NVT and first.explanation == "Vergunning loopt vertraging op."
    row = server.admin.execute("SELECT changed_by, spent_status, spent_amount FROM party_statuses").fetchone()
    assert row == (user, "nvt", None)


def test_two_clients_updating_the_same_status_one_conflict_nothing_lost(server):
    first_user, first_password = server.grant("Velison Wonen")
    second_user, second_password = server.grant("Velison Wonen")
    with connect(server.url, first_user, first_password) as first, \
            connect(server.url, second_user, second_password) as second:
        first.submit(A01, PEILDATUM, "groen", None, ZERO, None)
        seen_by_both = first.my_actions()[0].version
        assert second.my_actions()[0].version == seen_by_both == 1
        assert first.submit(A01, PEILDATUM, "rood", "Bouw stilgelegd.", ZERO, seen_by_both) == 2
        with pytest.raises(ConcurrentEdit) as raised:
            second.submit(A01, PEILDATUM, "afgerond", None, CostValue(CostStatus.AMOUNT, 1000, "€ 1.000"),
                          seen_by_both)
    conflict = raised.value
    assert (conflict.mine.status, conflict.mine.spent_text, conflict.mine.version) == ("afgerond", "€ 1.000", 1)
    theirs = conflict.theirs
    assert (theirs.status, theirs.explanation, theirs.version) == ("rood", "Bouw stilgelegd.", 2)
    assert conflict.theirs.changed_by == first_user
    assert "afgerond" in conflict.message and "rood" in conflict.message and "niet opgeslagen" in conflict.message
    # The first submission stands untouched; the second was not written over it.
    assert server.admin.execute("SELECT status, version FROM party_statuses").fetchall() == [("rood", 2)]


def test_two_first_submissions_of_the_same_status_one_conflict(server):
    user, password = server.grant("Velison Wonen")
    with connect(server.url, user, password) as first, connect(server.url, user, password) as second:
        first.submit(A02, PEILDATUM, "groen", None, NVT, None)
        with pytest.raises(ConcurrentEdit):
            second.submit(A02, PEILDATUM, "grijs", None, NVT, None)  # it read "no status yet"
    assert server.admin.execute("SELECT status FROM party_statuses").fetchall() == [("groen",)]


def test_another_partys_action_through_the_api_is_refused_in_dutch(server):
    user, password = server.grant("Velison Wonen")
    with connect(server.url, user, password) as session, pytest.raises(NotYourAction) as raised:
        session.submit(A12, PEILDATUM, "groen", None, NVT, None)
    assert raised.value.message.startswith("U mag alleen de voortgang van acties van Velison Wonen wijzigen")
    assert server.admin.execute("SELECT count(*) FROM party_statuses").fetchone() == (0,)


def test_another_partys_action_with_raw_sql_as_that_role_is_refused(server):
    welzijn, welzijn_password = server.grant("Welzijn Velsen")
    with connect(server.url, welzijn, welzijn_password) as session:
        session.submit(A12, PEILDATUM, "groen", None, NVT, None)
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("INSERT INTO party_statuses (action_id, peildatum, status, spent_status, spent_text) "
                        "VALUES (%s, %s, 'rood', 'nvt', 'n.v.t.')", (A12, dt.date(2026, 7, 1)))
        # Another party's row is invisible: an update touches nothing, a read finds nothing.
        assert raw.execute("UPDATE party_statuses SET status = 'rood' WHERE action_id = %s", (A12,)).rowcount == 0
        assert raw.execute("SELECT count(*) FROM party_statuses").fetchone() == (0,)
        # Moving one's own row onto another party's action is refused as well.
        raw.execute("INSERT INTO party_statuses (action_id, peildatum, status, spent_status, spent_text) "
                    "VALUES (%s, %s, 'groen', 'nvt', 'n.v.t.')", (A01, PEILDATUM))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("UPDATE party_statuses SET action_id = %s WHERE action_id = %s", (A12, A01))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # curated data: the griffie's only
            raw.execute("UPDATE actions SET title = 'x' WHERE id = %s", (A01,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("DELETE FROM party_statuses")
    kept = server.admin.execute("SELECT status FROM party_statuses WHERE action_id = %s", (A12,)).fetchone()
    assert kept == ("groen",)


def test_a_party_cannot_forge_who_or_the_version(server):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        raw.execute("INSERT INTO party_statuses (action_id, peildatum, status, spent_status, spent_text, version, "
                    "changed_by) VALUES (%s, %s, 'groen', 'nvt', 'n.v.t.', 41, 'griffier')", (A01, PEILDATUM))
        raw.execute("UPDATE party_statuses SET version = 1, status = 'grijs'")
    assert server.admin.execute("SELECT changed_by, version FROM party_statuses").fetchone() == (user, 2)


def test_the_database_refuses_an_unexplained_red_and_an_amount_without_status(server):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        with pytest.raises(psycopg.errors.CheckViolation):
            raw.execute("INSERT INTO party_statuses (action_id, peildatum, status, spent_status, spent_text) "
                        "VALUES (%s, %s, 'rood', 'nvt', 'n.v.t.')", (A01, PEILDATUM))
        with pytest.raises(psycopg.errors.CheckViolation):
            raw.execute("INSERT INTO party_statuses (action_id, peildatum, status, spent_status, spent_amount, "
                        "spent_text) VALUES (%s, %s, 'groen', 'nnb', 0, 'n.n.b.')", (A01, PEILDATUM))
    with connect(server.url, user, password) as session, pytest.raises(ServerError, match="toelichting"):
        session.submit(A01, PEILDATUM, "rood", "  ", NVT, None)


def test_every_write_is_audited_and_the_log_cannot_be_altered_by_party_or_griffie(server):
    user, password = server.grant("Velison Wonen")
    griffier, griffier_password = server.grant("Griffie Velsen", role="griffie")
    with connect(server.url, user, password) as session:
        session.submit(A01, PEILDATUM, "groen", None, ZERO, None)
        session.submit(A01, PEILDATUM, "afgerond", None, ZERO, 1)
    rows = server.admin.execute(
        "SELECT who, operation, old_value->>'status', new_value->>'status' FROM audit_log "
        "WHERE table_name = 'party_statuses' ORDER BY id").fetchall()
    assert rows == [(user, "INSERT", None, "groen"), (user, "UPDATE", "groen", "afgerond")]
    for login, secret in ((user, password), (griffier, griffier_password)):
        with _raw(server, login, secret) as raw:
            for statement in ("UPDATE audit_log SET who = 'niemand'", "DELETE FROM audit_log",
                              "TRUNCATE audit_log", "INSERT INTO audit_log (who, table_name, operation) "
                              "VALUES ('x', 'y', 'z')"):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    raw.execute(statement)
    with _raw(server, griffier, griffier_password) as raw:  # the griffie reads it, and changes a budget
        assert raw.execute("SELECT count(*) FROM audit_log").fetchone()[0] >= 2
        raw.execute("UPDATE budgets SET name = name || ' (herzien)' WHERE id = "
                    "(SELECT id FROM budgets ORDER BY id LIMIT 1)")
    assert server.admin.execute("SELECT who, operation FROM audit_log WHERE table_name = 'budgets' "
                                "AND operation <> 'INSERT'").fetchall() == [(griffier, "UPDATE")]


def test_a_peildatum_the_griffie_already_reported_is_refused(server):
    server.admin.execute(
        "INSERT INTO progress_reports (id, plan_id, title, date, reported_by, example, stated_by) VALUES "
        "('vr.test', 'velsen-2022.avn', 'Rapportage', %s, 'griffie', false, 'opgave van de griffie')", (PEILDATUM,))
    user, password = server.grant("Velison Wonen")
    with connect(server.url, user, password) as session, pytest.raises(PeildatumTaken):
        session.submit(A01, PEILDATUM, "groen", None, NVT, None)


def test_wrong_password_is_named_and_never_echoed(server):
    user, password = server.grant("Velison Wonen")
    with pytest.raises(WrongPassword) as raised:
        connect(server.url, user, password + "x")
    assert user in raised.value.message and password not in str(raised.value)
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


def test_an_unreachable_server_is_named(server):
    with pytest.raises(ServerUnreachable) as raised:
        connect(f"postgresql://127.0.0.1:{free_port()}/velsen", "iemand", "geheim-wachtwoord")
    assert "niet bereikbaar" in raised.value.message and "geheim-wachtwoord" not in raised.value.message


def test_a_login_without_organisation_is_told_to_ask_the_griffie(server):
    server.admin.execute("CREATE ROLE zonder_org LOGIN PASSWORD 'pw-zonder' IN ROLE velsen_partij")
    try:
        with pytest.raises(ServerError, match="hoort bij geen organisatie"):
            connect(server.url, "zonder_org", "pw-zonder")
    finally:
        server.admin.execute("DROP ROLE zonder_org")


def test_a_url_with_a_password_in_it_is_refused_without_repeating_it():
    with pytest.raises(ServerError) as raised:
        connect("postgresql://griffie:supergeheim@127.0.0.1:5432/velsen", "griffie", "supergeheim")
    assert "supergeheim" not in raised.value.message


def test_grant_never_takes_over_a_role_made_for_something_else(server):
    from velsen_desk.server.accounts import grant

    with pytest.raises(ServerError, match="niet voor Velsen Desk"):
        grant(server.admin, "postgres", "nieuw-wachtwoord", "Velison Wonen", "partij")
    assert server.admin.execute("SELECT count(*) FROM members WHERE login = 'postgres'").fetchone() == (0,)


def test_a_status_the_griffie_entered_is_exported_as_the_griffies_statement(server, tmp_path):
    from velsen_desk.server.admin import AdminConnection

    griffier, password = server.grant("Griffie Velsen", role="griffie")
    with connect(server.url, griffier, password) as session:
        session.submit("velsen-2022.avn.a19", PEILDATUM, "grijs", None, NVT, None)  # trekker "Gemeente"
    with AdminConnection.open(server.url, "postgres", server.password) as admin:
        dataset, _files = admin.read()
    (report,) = dataset.progress_reports
    assert report.stated_by == "opgave van Griffie Velsen" and report.date == PEILDATUM

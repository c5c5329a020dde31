"""The fixes of the attack on the master (issue 14): what the attack tests do not pin down themselves.

The attack tests (test_attack_rls.py, test_attack_cli.py) show each hole closed; these check the
second layer of each fix (init's TEMP revoke, the API's own checks, the export's message) and that
the fixes refuse only what they should.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid

import psycopg
import pytest

from velsen_desk.cli.main import main
from velsen_desk.core.money import CostStatus, CostValue
from velsen_desk.server.connection import parse_address
from velsen_desk.server.errors import ServerError
from velsen_desk.server.party import connect, latest_peildatum

PEILDATUM = dt.date(2026, 6, 30)
A01 = "velsen-2022.avn.a01"  # trekker Velison Wonen
NVT = CostValue(CostStatus.NOT_APPLICABLE, None, "n.v.t.")


@pytest.fixture(autouse=True)
def _as_superuser(isolated_home, monkeypatch, pg_cluster):
    monkeypatch.setenv("PGPASSWORD", pg_cluster.password)
    return isolated_home


def _raw(server, user, password):
    return psycopg.connect(host=server.cluster.host, port=server.cluster.port, dbname=server.database,
                           user=user, password=password, autocommit=True)


def _insert(raw, status, explanation, spent_status, spent_amount, spent_text, peildatum=PEILDATUM):
    raw.execute("INSERT INTO party_statuses (action_id, peildatum, status, explanation, spent_status, spent_amount, "
                "spent_text) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                (A01, peildatum, status, explanation, spent_status, spent_amount, spent_text))


# --- temp tables ------------------------------------------------------------------------------------------------


def test_init_takes_temp_tables_away_from_every_login(server, capsys):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:  # a database copied from a template has the default ACL …
        raw.execute("CREATE TEMP TABLE kladblok (x int)")
    assert main(["server", "init", "--url", server.url, "--as", "postgres"]) == 0  # … until init runs on it
    with _raw(server, user, password) as raw, pytest.raises(psycopg.errors.InsufficientPrivilege):
        raw.execute("CREATE TEMP TABLE kladblok (x int)")


def test_the_member_lookup_answers_for_the_login_itself_only(server):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        assert raw.execute("SELECT velsen_organisation_of(current_user), velsen_role_of(current_user)").fetchone() \
            == ("Velison Wonen", "partij")
        raw.execute("SET ROLE velsen_partij")  # current_user is then no login with an organisation
        assert raw.execute("SELECT velsen_organisation_of(current_user)").fetchone() == (None,)


# --- explanation and spend ----------------------------------------------------------------------------------------


def test_a_real_explanation_and_the_plain_spend_texts_are_accepted(server):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        _insert(raw, "rood", " Vergunning geweigerd. ", "amount", 0, "€ 0")
        _insert(raw, "groen", None, "nnb", None, "N.n.b.", PEILDATUM - dt.timedelta(days=1))
        _insert(raw, "grijs", None, "amount", 12_500, "€ 12.500", PEILDATUM - dt.timedelta(days=2))
    assert server.admin.execute("SELECT count(*) FROM party_statuses").fetchone() == (3,)


@pytest.mark.parametrize(("spent_status", "amount", "text"), [
    ("nnb", None, "€ 5.000"), ("amount", 5000, "n.n.b."), ("amount", 0, "n.v.t."), ("amount", 0, "nul")])
def test_the_database_ties_every_spend_text_to_its_status(server, spent_status, amount, text):
    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw, pytest.raises(psycopg.errors.CheckViolation):
        _insert(raw, "groen", None, spent_status, amount, text)


@pytest.mark.parametrize("spent", [CostValue(CostStatus.NOT_APPLICABLE, None, "€ 250.000"),
                                   CostValue(CostStatus.TO_BE_DETERMINED, None, "n.v.t."),
                                   CostValue(CostStatus.AMOUNT, 0, "n.n.b.")])
def test_submit_refuses_a_spend_text_that_contradicts_its_status_in_dutch(server, spent):
    user, password = server.grant("Velison Wonen")
    with connect(server.url, user, password) as session, pytest.raises(ServerError) as raised:
        session.submit(A01, PEILDATUM, "groen", None, spent, None)
    assert spent.text in raised.value.message
    assert server.admin.execute("SELECT count(*) FROM party_statuses").fetchone() == (0,)


def test_an_invalid_row_already_on_the_server_is_named_by_the_export(server, capsys, tmp_path):
    # A row written before the CHECK existed (or by the owner by hand): the export names it, exit 1.
    server.admin.execute("ALTER TABLE party_statuses DROP CONSTRAINT party_statuses_explained")
    _insert(server.admin, "rood", "", "nvt", None, "n.v.t.")
    assert main(["server", "export", "--url", server.url, "--as", "postgres", "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert A01 in err and "2026-06-30" in err and "party_statuses" in err and "onverwachts" not in err
    assert not (tmp_path / "out").exists()


# --- peildatum --------------------------------------------------------------------------------------------------


def test_a_peildatum_up_to_a_year_ahead_is_accepted_and_later_refused_by_the_api(server):
    user, password = server.grant("Velison Wonen")
    with connect(server.url, user, password) as session:
        assert session.submit(A01, latest_peildatum(), "groen", None, NVT, None) == 1
        with pytest.raises(ServerError) as raised:
            session.submit(A01, latest_peildatum() + dt.timedelta(days=1), "groen", None, NVT, None)
    assert "jaar vooruit" in raised.value.message


def test_latest_peildatum_on_a_leap_day():
    assert latest_peildatum(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


# --- grant --------------------------------------------------------------------------------------------------------


def _grant_cli(server, monkeypatch, login: str, organisation: str, role: str = "partij") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO("Een-Wachtwoord-1\n"))
    return main(["server", "grant", "--url", server.url, "--as", "postgres", "--user", login,
                 "--organisation", organisation, "--role", role, "--password-stdin"])


def test_grant_to_a_trekker_says_how_many_actions_and_warns_for_none(server, monkeypatch, capsys):
    assert _grant_cli(server, monkeypatch, f"p_{uuid.uuid4().hex[:8]}", "Velison Wonen") == 0
    out = capsys.readouterr()
    assert "Velison Wonen is trekker van 2 acties." in out.out and "Let op" not in out.err
    assert _grant_cli(server, monkeypatch, f"p_{uuid.uuid4().hex[:8]}", "Velisson Wonen") == 0
    out = capsys.readouterr()
    assert "Let op: Velisson Wonen is van geen enkele actie de trekker" in out.err
    assert "Welzijn Velsen" in out.err and "Woningbedrijf Velsen/Velison Wonen" in out.err  # the known trekkers


def test_grant_takes_an_organisation_spelled_with_other_case_and_spaces_as_the_known_one(server, monkeypatch, capsys):
    assert _grant_cli(server, monkeypatch, f"a_{uuid.uuid4().hex[:8]}", "Velison Wonen") == 0
    assert _grant_cli(server, monkeypatch, f"b_{uuid.uuid4().hex[:8]}", "  velison   WONEN ") == 0
    assert "partij voor Velison Wonen." in capsys.readouterr().out.splitlines()[-2]
    assert server.admin.execute("SELECT name FROM organisations").fetchall() == [("Velison Wonen",)]


def test_the_database_refuses_a_second_spelling_of_an_organisation(server):
    server.admin.execute("INSERT INTO organisations (name) VALUES ('De Plataan')")
    with pytest.raises(psycopg.errors.UniqueViolation):
        server.admin.execute("INSERT INTO organisations (name) VALUES ('de  plataan ')")


# --- addresses ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["postgresql://h/velsen?PASSWORD=Geheim-99",
                                 "postgresql://h/velsen?sslmode=require&passfile=/tmp/Geheim-99"])
def test_a_secret_in_any_query_parameter_is_refused_without_repeating_it(url):
    with pytest.raises(ServerError) as raised:
        parse_address(url)
    assert "Geheim-99" not in raised.value.message


def test_an_ordinary_query_parameter_is_still_accepted():
    assert parse_address("postgresql://h:5433/velsen?sslmode=require").sslmode == "require"


# --- who is named in the export -----------------------------------------------------------------------------------


def test_a_griffie_login_of_a_trekker_organisation_is_exported_as_the_griffie(server, tmp_path):
    import yaml

    user, password = server.grant("Velison Wonen")
    griffier, griffie_password = server.grant("Gemeente Velsen", "griffie")  # also the trekker of many actions
    with _raw(server, user, password) as raw:
        _insert(raw, "groen", None, "nvt", None, "n.v.t.")
    with _raw(server, griffier, griffie_password) as raw:
        raw.execute("UPDATE party_statuses SET status = 'rood', explanation = 'Gestopt.'")
    assert main(["server", "export", "--url", server.url, "--as", "postgres", "-o", str(tmp_path / "out")]) == 0
    data = yaml.safe_load((tmp_path / "out" / "voortgang-partijen.yaml").read_text(encoding="utf-8"))
    [report] = data["progress_reports"]
    assert report["stated_by"] == "opgave van griffie (Gemeente Velsen)"


# --- the griffie's side of the peildatum rule -------------------------------------------------------------------


def test_the_griffie_cannot_add_a_report_on_a_day_the_parties_reported(server):
    user, password = server.grant("Velison Wonen")
    griffier, griffie_password = server.grant("Griffie Velsen", "griffie")
    with _raw(server, user, password) as raw:
        _insert(raw, "groen", None, "nvt", None, "n.v.t.", dt.date(2024, 7, 1))
    with _raw(server, griffier, griffie_password) as raw, pytest.raises(psycopg.errors.CheckViolation):
        raw.execute("INSERT INTO progress_reports (id, plan_id, title, date, reported_by, example, stated_by) VALUES "
                    "('vr.test', 'velsen-2022.avn', 'Rapportage', '2024-07-01', 'griffie', false, 'opgave')")


def test_load_of_a_report_on_a_day_the_parties_reported_is_refused_in_dutch(server, capsys, tmp_path):
    from velsen_desk.core.paths import bundled_data_dir

    user, password = server.grant("Velison Wonen")
    with _raw(server, user, password) as raw:
        _insert(raw, "groen", None, "nvt", None, "n.v.t.", dt.date(2024, 7, 1))  # the example's first report day
    folder = tmp_path / "data"
    folder.mkdir()
    for path in [*bundled_data_dir().glob("*.yaml"), bundled_data_dir().parent.parent / "examples" /
                 "voortgang-voorbeeld.yaml"]:
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    before = server.admin.execute("SELECT count(*) FROM audit_log").fetchone()
    assert main(["server", "load", "--url", server.url, "--as", "postgres", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "al voortgang van de partijen" in err and "onverwachts" not in err
    assert server.admin.execute("SELECT count(*) FROM audit_log").fetchone() == before

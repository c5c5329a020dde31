"""``velsen-desk server …`` and ``publish --from`` against a real PostgreSQL."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import uuid
from pathlib import Path

import psycopg
import pytest
from pytest_postgresql.janitor import DatabaseJanitor

from tests.server.pg_cluster import missing_server_outcome
from velsen_desk.cli.main import main
from velsen_desk.core.money import CostStatus, CostValue
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.server.party import connect

PEILDATUM = dt.date(2026, 6, 30)
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voortgang-voorbeeld.yaml"


@pytest.fixture(autouse=True)
def _as_superuser(server_env):
    return server_env


@pytest.fixture
def server_env(isolated_home, monkeypatch, pg_cluster):
    monkeypatch.setenv("PGPASSWORD", pg_cluster.password)
    return isolated_home


def _data_version(database: Path) -> str:
    with sqlite3.connect(database) as conn:
        return str(conn.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()[0])


def test_without_postgresql_the_tests_skip_locally_and_fail_in_ci():
    assert missing_server_outcome({}) == "skip"
    assert missing_server_outcome({"CI": ""}) == "skip"
    assert missing_server_outcome({"CI": "false"}) == "skip"
    assert missing_server_outcome({"CI": "true"}) == "fail"
    assert missing_server_outcome({"CI": "1"}) == "fail"


@pytest.fixture
def empty_database(pg_cluster):
    name = f"leeg_{uuid.uuid4().hex[:8]}"
    with DatabaseJanitor(user=pg_cluster.user, host=pg_cluster.host, port=pg_cluster.port, dbname=name,
                         password=pg_cluster.password):
        yield pg_cluster.url(name)


@pytest.mark.filterwarnings("ignore:Cannot correctly sort tables")
def test_init_twice_is_a_no_op_and_the_schema_matches_the_models(empty_database, capsys, pg_cluster):
    assert main(["server", "init", "--url", empty_database, "--as", "postgres"]) == 0
    assert "Database ingericht: schemaversie 0002" in capsys.readouterr().out
    assert main(["server", "init", "--url", empty_database, "--as", "postgres"]) == 0
    assert "al bijgewerkt (schemaversie 0002)" in capsys.readouterr().out

    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    from velsen_desk.server.connection import parse_address, sqlalchemy_url
    from velsen_desk.server.schema import SERVER_METADATA

    engine = create_engine(sqlalchemy_url(parse_address(empty_database), "postgres", pg_cluster.password))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SERVER_METADATA)
    engine.dispose()
    assert differences == []  # a model change needs a migration


def test_a_database_without_init_is_refused_in_dutch(empty_database, capsys, tmp_path):
    assert main(["server", "export", "--url", empty_database, "--as", "postgres", "-o", str(tmp_path / "x")]) == 1
    assert "nog niet ingericht" in capsys.readouterr().err


def test_grant_reads_the_password_from_stdin_and_never_prints_it(server, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Zeer-geheim-1\n"))
    login = f"u_{uuid.uuid4().hex[:8]}"
    assert main(["server", "grant", "--url", server.url, "--as", "postgres", "--user", login,
                 "--organisation", "Welzijn Velsen", "--role", "partij", "--password-stdin"]) == 0
    out = capsys.readouterr()
    assert f"Gebruiker {login} aangemaakt: partij voor Welzijn Velsen" in out.out
    assert "Zeer-geheim-1" not in out.out + out.err
    with connect(server.url, login, "Zeer-geheim-1") as session:
        assert session.organisation == "Welzijn Velsen"
    stored = server.admin.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (login,)).fetchone()
    assert stored[0].startswith("SCRAM-SHA-256$")  # only the verifier ever reached the server


def test_a_party_loading_data_through_the_cli_is_refused(server, capsys, monkeypatch):
    user, password = server.grant("Velison Wonen")
    monkeypatch.setenv("PGPASSWORD", password)
    assert main(["server", "load", "--url", server.url, "--as", user, str(bundled_data_dir()), str(EXAMPLE)]) == 1
    assert "alleen de griffie" in capsys.readouterr().err
    assert server.admin.execute("SELECT count(*) FROM progress_reports").fetchone() == (0,)


def test_load_refuses_invalid_data_like_validate_and_changes_nothing(server, capsys, tmp_path):
    bad = tmp_path / "data"
    bad.mkdir()
    for path in bundled_data_dir().glob("*.yaml"):
        (bad / path.name).write_text(path.read_text(encoding="utf-8").replace(
            "trekker: Velison Wonen", "trekker: [Velison Wonen", 1), encoding="utf-8")
    assert main(["server", "load", "--url", server.url, "--as", "postgres", str(bad)]) == 1
    assert "Er is niets geladen." in capsys.readouterr().err
    assert server.admin.execute("SELECT count(*) FROM audit_log WHERE operation <> 'INSERT'").fetchone() == (0,)


def test_load_export_and_publish_from_give_the_build_db_data_version(server, capsys, tmp_path):
    assert main(["server", "load", "--url", server.url, "--as", "postgres", str(bundled_data_dir()),
                 str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Geladen in één transactie" in out and "voortgang nog geen status → afgerond" in out  # the diff
    user, password = server.grant("Velison Wonen")
    with connect(server.url, user, password) as session:
        session.submit("velsen-2022.avn.a01", PEILDATUM, "oranje", "Vergunning loopt.",
                       CostValue(CostStatus.AMOUNT, 0, "€ 0"), None)
        session.submit("velsen-2022.avn.a02", PEILDATUM, "groen", None,
                       CostValue(CostStatus.TO_BE_DETERMINED, None, "n.n.b."), None)

    folder = tmp_path / "export"
    assert main(["server", "export", "--url", server.url, "--as", "postgres", "-o", str(folder)]) == 0
    capsys.readouterr()
    assert main(["validate", str(folder)]) == 0  # the parties' progress passes validate ("opgave van …")
    text = (folder / "voortgang-partijen.yaml").read_text(encoding="utf-8")
    assert "stated_by: opgave van Velison Wonen" in text and "text: n.n.b." in text and "amount: 0" in text
    assert main(["build-db", "-o", str(tmp_path / "uit-export.sqlite"), str(folder)]) == 0

    share = tmp_path / "share"
    share.mkdir()
    assert main(["publish", "--from", server.url, "--as", "postgres", "--share", str(share)]) == 0
    assert "Gepubliceerd vanaf de server" in capsys.readouterr().out
    import json

    manifest = json.loads(next(share.glob("*.json")).read_text(encoding="utf-8"))
    assert manifest["data_version"] == _data_version(tmp_path / "uit-export.sqlite")
    published = share / manifest["file"]
    assert _data_version(published) == manifest["data_version"]

    # Loading the export back changes nothing: the statuses are not doubled into curated reports.
    assert main(["server", "load", "--url", server.url, "--as", "postgres", str(folder)]) == 0
    assert "Geladen in één transactie: 0 rijen" in capsys.readouterr().out
    assert server.admin.execute("SELECT count(*) FROM party_statuses").fetchone() == (2,)


def test_export_of_the_bundled_data_keeps_its_data_version(server, tmp_path, capsys):
    from velsen_desk.curation.loader import load_dataset

    assert main(["server", "export", "--url", server.url, "--as", "postgres", "-o", str(tmp_path / "x")]) == 0
    assert load_dataset([tmp_path / "x"]).version() == load_dataset([bundled_data_dir()]).version()


def test_load_reads_a_workbook_as_import_xlsx_does(server, tmp_path, capsys):
    book = tmp_path / "gegevens.xlsx"
    assert main(["export-xlsx", "-o", str(book)]) == 0
    assert main(["server", "load", "--url", server.url, "--as", "postgres", str(book)]) == 0
    assert "Geladen in één transactie: 0 rijen" in capsys.readouterr().out


def test_a_wrong_password_is_named_and_appears_nowhere(server, capsys, monkeypatch, server_env):
    user, password = server.grant("Velison Wonen")
    wrong = password + "-fout"
    monkeypatch.setenv("PGPASSWORD", wrong)
    assert main(["--verbose", "server", "export", "--url", server.url, "--as", user, "-o",
                 str(server_env / "x")]) == 1
    out = capsys.readouterr()
    assert f"weigert gebruiker ‘{user}’ met dit wachtwoord" in out.err
    everything = out.out + out.err
    for path in server_env.rglob("*"):
        if path.is_file():
            everything += path.read_text(encoding="utf-8", errors="replace")
    assert wrong not in everything and password not in everything


def test_an_unreachable_server_through_the_cli(capsys):
    from tests.server.pg_cluster import free_port

    assert main(["server", "init", "--url", f"postgresql://127.0.0.1:{free_port()}/velsen", "--as", "x"]) == 1
    assert "niet bereikbaar" in capsys.readouterr().err


def test_a_password_in_the_url_is_refused(capsys):
    assert main(["server", "init", "--url", "postgresql://griffie:Geheim-99@127.0.0.1/velsen"]) == 1
    err = capsys.readouterr().err
    assert "Zet geen wachtwoord in het serveradres" in err and "Geheim-99" not in err


def test_publish_needs_a_database_or_a_server(capsys, tmp_path):
    assert main(["publish", "--share", str(tmp_path)]) == 2
    assert "één van de twee" in capsys.readouterr().err


def _reconnect(server) -> psycopg.Connection:
    return psycopg.connect(host=server.cluster.host, port=server.cluster.port, dbname=server.database,
                           user="postgres", password=server.password, autocommit=True)


def _wait_until_blocked(server, user: str) -> None:
    """Until a backend of ``user`` waits for a lock (polled; no time limit is asserted)."""
    import time

    with _reconnect(server) as watcher:
        for _ in range(6000):
            row = watcher.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s "
                                  "AND wait_event_type = 'Lock'", (user,)).fetchone()
            if row[0]:
                return
            time.sleep(0.01)
    raise AssertionError(f"{user} never waited for the lock")


def _kill_while_blocked(server, user: str, work):
    """Run ``work`` in a thread; once it has written and waits on the audit log (locked here), stop
    the server with ``pg_ctl stop -m immediate`` (no clean shutdown), start it again, and return
    what ``work`` raised."""
    import threading

    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            work()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(exc)

    locker = _reconnect(server)
    locker.autocommit = False
    locker.execute("LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE")  # the audit trigger will wait here
    thread = threading.Thread(target=run)
    thread.start()
    _wait_until_blocked(server, user)
    server.cluster.stop("immediate")
    thread.join()
    locker.close()
    server.cluster.start()
    return outcome[0]


def test_server_killed_in_the_middle_of_a_submission_leaves_nothing(server):
    from velsen_desk.server.errors import ConnectionLost

    user, password = server.grant("Velison Wonen")
    session = connect(server.url, user, password)
    raised = _kill_while_blocked(server, user, lambda: session.submit(
        "velsen-2022.avn.a01", PEILDATUM, "groen", None, CostValue(CostStatus.AMOUNT, 0, "€ 0"), None))
    assert isinstance(raised, ConnectionLost)
    assert "Er is niets opgeslagen" in raised.message and "formulier" in raised.message
    with _reconnect(server) as admin:
        assert admin.execute("SELECT count(*) FROM party_statuses").fetchone() == (0,)
    # The same session carries on once the server is back.
    assert session.submit("velsen-2022.avn.a01", PEILDATUM, "groen", None,
                          CostValue(CostStatus.AMOUNT, 0, "€ 0"), None) == 1
    session.close()


def test_server_killed_in_the_middle_of_a_load_leaves_nothing(server, tmp_path):
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.server.admin import AdminConnection
    from velsen_desk.server.errors import ConnectionLost

    dataset = load_dataset([bundled_data_dir(), EXAMPLE])
    admin = AdminConnection.open(server.url, "postgres", server.password)
    before = admin.read()[0].version()
    raised = _kill_while_blocked(server, "postgres", lambda: admin.load(dataset))
    assert isinstance(raised, ConnectionLost) and "er is niets geladen" in raised.message
    with AdminConnection.open(server.url, "postgres", server.password) as again:
        assert again.read()[0].version() == before
        assert again.connection.execute("SELECT count(*) FROM progress_reports").fetchone() == (0,)


class _MemoryKeyring:
    """A keyring backend that keeps entries in a dict (the platform's store is never touched)."""

    def __init__(self) -> None:
        import keyring.backend

        class Backend(keyring.backend.KeyringBackend):
            priority = 1  # type: ignore[assignment]
            store: dict[tuple[str, str], str] = {}

            def get_password(self, service, username):
                return self.store.get((service, username))

            def set_password(self, service, username, password):
                self.store[(service, username)] = password

            def delete_password(self, service, username):
                self.store.pop((service, username), None)

        self.backend = Backend()
        self.store = Backend.store
        self.store.clear()


@pytest.fixture
def memory_keyring(monkeypatch):
    import keyring

    memory = _MemoryKeyring()
    keyring.set_keyring(memory.backend)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    return memory.store


def test_the_password_comes_from_the_keyring_and_a_typed_one_is_kept_there(server, memory_keyring, monkeypatch,
                                                                           capsys):
    asked = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or server.password)
    assert main(["server", "init", "--url", server.url, "--as", "postgres"]) == 0
    assert len(asked) == 1 and "Wachtwoord van postgres" in asked[0]
    assert list(memory_keyring.values()) == [server.password]  # kept in the keyring, nowhere else
    assert main(["server", "init", "--url", server.url, "--as", "postgres"]) == 0
    assert len(asked) == 1  # the second time it came from the keyring


def test_a_stored_password_that_no_longer_works_is_forgotten(server, memory_keyring, monkeypatch, capsys):
    from velsen_desk.server.connection import parse_address

    memory_keyring[("velsen-desk", f"postgres@{parse_address(server.url)}")] = "oud-wachtwoord"
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal: nothing can be asked
    assert main(["server", "init", "--url", server.url, "--as", "postgres"]) == 1
    assert "weigert gebruiker ‘postgres’" in capsys.readouterr().err
    assert memory_keyring == {}


def test_without_keyring_variable_or_terminal_the_cli_says_what_is_missing(server, memory_keyring, monkeypatch,
                                                                          capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["server", "init", "--url", server.url, "--as", "postgres"]) == 2
    assert "Geen wachtwoord" in capsys.readouterr().err


def test_the_cli_warns_when_the_connection_is_not_encrypted(server, capsys):
    assert main(["server", "init", "--url", server.url + "?sslmode=disable", "--as", "postgres"]) == 0
    assert "niet versleuteld" in capsys.readouterr().err
    if server.cluster.offers_tls:
        assert main(["server", "init", "--url", server.url, "--as", "postgres"]) == 0
        assert "niet versleuteld" not in capsys.readouterr().err

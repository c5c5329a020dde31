"""A real PostgreSQL for the server tests: one throwaway cluster per session (tests/server/pg_cluster.py),
a template database with the schema and the bundled data, and per test a fresh copy of it through
pytest-postgresql's ``factories.postgresql`` (its DatabaseJanitor clones the template).

Without PostgreSQL the tests skip on a developer's machine and fail in CI (``CI`` set).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from pytest_postgresql import factories
from pytest_postgresql.executors import NoopExecutor
from pytest_postgresql.janitor import DatabaseJanitor

from tests.server.pg_cluster import Cluster, find_bindir, missing_server_outcome, remove_cluster, start_cluster

TEST_DBNAME = "velsen"


@pytest.fixture(autouse=True)
def _root_logger_as_found() -> Iterator[None]:
    """A ``--verbose`` run adds a terminal handler on the captured stderr; later tests must not
    log into that closed stream."""
    import logging

    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture(autouse=True)
def _no_real_keyring() -> Iterator[None]:
    """Never the developer's own keyring: a test stores and finds nothing there."""
    import keyring
    from keyring.backends import null

    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    bindir = find_bindir()
    if bindir is None:
        message = "PostgreSQL niet gevonden (pg_config of /usr/lib/postgresql/*/bin); installeer het pakket postgresql"
        if missing_server_outcome(os.environ) == "fail":
            pytest.fail(message + " (CI: dit mag niet overgeslagen worden)")
        pytest.skip(message)
    cluster = start_cluster(bindir)
    try:
        yield cluster
    finally:
        remove_cluster(cluster)


def _load_template(host: str, port: int, user: str, dbname: str, password: str) -> None:
    """``server init`` and the bundled data, once, into the template every test copies."""
    from velsen_desk.core.paths import bundled_data_dir
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.server.admin import AdminConnection

    address = f"postgresql://{host}:{port}/{dbname}"
    with AdminConnection.open(address, user, password) as admin:
        admin.init()
        admin.load(load_dataset([bundled_data_dir()]))


@pytest.fixture(scope="session")
def pg_server(pg_cluster: Cluster) -> Iterator[NoopExecutor]:
    executor = NoopExecutor(host=pg_cluster.host, port=pg_cluster.port, user=pg_cluster.user,
                            options="", dbname=TEST_DBNAME, password=pg_cluster.password)
    janitor = DatabaseJanitor(user=executor.user, host=executor.host, port=executor.port,
                              dbname=executor.template_dbname, password=executor.password, as_template=True)
    with janitor:
        _load_template(executor.host, executor.port, executor.user, executor.template_dbname, pg_cluster.password)
        yield executor


postgresql = factories.postgresql("pg_server")


@dataclass
class Server:
    """The per-test database: its URL, the superuser's password, and a way to add logins."""

    cluster: Cluster
    database: str
    admin: psycopg.Connection

    @property
    def url(self) -> str:
        return self.cluster.url(self.database)

    @property
    def password(self) -> str:
        return self.cluster.password

    def grant(self, organisation: str, role: str = "partij") -> tuple[str, str]:
        """A new login (unique in the cluster) for ``organisation``; returns (user, password)."""
        from velsen_desk.server.accounts import grant

        user = f"u_{uuid.uuid4().hex[:10]}"
        password = uuid.uuid4().hex
        grant(self.admin, user, password, organisation, role)
        return user, password


@pytest.fixture
def server(pg_cluster: Cluster, postgresql: psycopg.Connection) -> Server:
    postgresql.autocommit = True
    # A database cloned from a template keeps the template's sequence pages as they were, values
    # already "logged ahead" included; after a crash (the kill tests) recovery then set the
    # sequences back below ids already used. setval() writes the position to the WAL here.
    for sequence in ("audit_log_id_seq", "party_statuses_id_seq", "organisations_id_seq"):
        postgresql.execute(f"SELECT setval('{sequence}', nextval('{sequence}'))")
    return Server(pg_cluster, postgresql.info.dbname, postgresql)

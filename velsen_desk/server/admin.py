"""The griffie's and IT's connection to the master: init, load, export, grant (the CLI's ``server``)."""

from __future__ import annotations

from pathlib import Path

import psycopg
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError as SAOperationalError
from sqlalchemy.exc import ProgrammingError as SAProgrammingError

from velsen_desk.core.i18n import _
from velsen_desk.curation.loader import DataSet
from velsen_desk.server import accounts, export, load, migrate
from velsen_desk.server.connection import (
    ServerAddress,
    connect,
    connection_problem,
    is_encrypted,
    parse_address,
    sqlalchemy_url,
)
from velsen_desk.server.errors import ConnectionLost, ServerError


class AdminConnection:
    def __init__(self, address: ServerAddress, user: str, password: str, connection: psycopg.Connection) -> None:
        self.address = address
        self._user = user
        self._password = password
        self.connection = connection

    @classmethod
    def open(cls, url: str, user: str, password: str) -> AdminConnection:
        address = parse_address(url)
        return cls(address, user, password, connect(address, user, password))

    def __enter__(self) -> AdminConnection:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    @property
    def encrypted(self) -> bool:
        return is_encrypted(self.connection)

    def _revision(self) -> str | None:
        with self.connection.transaction(), self.connection.cursor() as cursor:
            if cursor.execute("SELECT to_regclass('alembic_version')").fetchone() == (None,):
                return None
            row = cursor.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None

    def init(self) -> migrate.UpgradeResult:
        """Run the migrations (a no-op when the schema is current)."""
        engine = create_engine(sqlalchemy_url(self.address, self._user, self._password), pool_pre_ping=False)
        try:
            return migrate.upgrade(engine)
        except SAOperationalError as exc:
            raise connection_problem(exc.orig or exc, self.address, self._user, self._password) from None
        except SAProgrammingError as exc:
            state = getattr(exc.orig, "sqlstate", None)
            if state == "42501":
                raise ServerError(_("Deze gebruiker mag de database niet inrichten (eigenaar of beheerder nodig). "
                                    "Er is niets gewijzigd.")) from None
            raise ServerError(_("Inrichten mislukt; er is niets gewijzigd ({detail}).").format(
                detail=str(exc.orig).splitlines()[0] if exc.orig else type(exc).__name__)) from None
        finally:
            engine.dispose()

    def require_current(self) -> None:
        migrate.require_current(self._revision())

    def require_writer(self) -> None:
        """Refuse at once, before any work, a user who may not change the curated data."""
        with self.connection.transaction(), self.connection.cursor() as cursor:
            row = cursor.execute("SELECT has_table_privilege(current_user, 'actions', 'INSERT')").fetchone()
        if not row or not row[0]:
            raise ServerError(_("Deze gebruiker mag de gegevens op de server niet wijzigen (alleen de griffie). "
                                "Er is niets geladen."))

    def load(self, dataset: DataSet, files: dict[str, str] | None = None) -> load.LoadSummary:
        self.require_current()
        try:
            return load.load(self.connection, dataset, files)
        except psycopg.OperationalError:
            raise ConnectionLost(_("De verbinding met de server {server} is verbroken tijdens het laden. De server "
                                   "heeft de hele lading teruggedraaid; er is niets geladen.").format(
                                       server=self.address)) from None

    def read(self) -> tuple[DataSet, dict[str, str]]:
        self.require_current()
        try:
            return export.read_dataset(self.connection)
        except psycopg.OperationalError:
            raise ConnectionLost(_("De verbinding met de server {server} is verbroken tijdens het lezen.").format(
                server=self.address)) from None
        except psycopg.errors.InsufficientPrivilege:
            raise ServerError(_("Deze gebruiker mag niet alle gegevens van de server lezen (griffie nodig).")) from None

    def export(self, folder: Path, sources: Path | None = None) -> tuple[DataSet, list[str]]:
        dataset, files = self.read()
        updates = export.folder_updates(dataset, files, folder, sources)
        export.write_folder(folder, updates)
        return dataset, [u.name for u in updates]

    def grant(self, login: str, password: str, organisation: str, role: str) -> bool:
        self.require_current()
        return accounts.grant(self.connection, login, password, organisation, role)

    def membership(self, login: str) -> accounts.Membership:
        return accounts.membership(self.connection, login)

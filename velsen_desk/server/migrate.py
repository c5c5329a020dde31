"""Running the Alembic migrations (``server init``) and checking the schema state."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from velsen_desk.core.i18n import _
from velsen_desk.server.errors import MigrationState

_SCRIPTS = Path(__file__).parent / "migrations"
_REVOKE_TEMP = ("DO $$ BEGIN EXECUTE 'REVOKE TEMPORARY ON DATABASE ' || quote_ident(current_database()) "
                "|| ' FROM PUBLIC'; END $$")


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None
    after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def upgrade(engine: Engine) -> UpgradeResult:
    """Bring the database to the newest schema; a no-op when it is there already."""
    with engine.begin() as connection:
        before = current_revision(connection)
        _check_known(before)
        command.upgrade(_config(connection), "head")
        # On every init, not in a migration: a database's ACL is not copied from a template or by a
        # plain restore. Without TEMP no login can shadow our tables with temp tables of the same name.
        connection.exec_driver_sql(_REVOKE_TEMP)
        after = current_revision(connection)
    assert after is not None
    return UpgradeResult(before, after)


def _check_known(revision: str | None) -> None:
    if revision is None:
        return
    known = {script.revision for script in ScriptDirectory.from_config(_config()).walk_revisions()}
    if revision not in known:
        raise MigrationState(_(
            "De database heeft schemaversie {revision}, die dit programma niet kent (een nieuwere versie van "
            "Velsen Desk?). Er is niets gewijzigd.").format(revision=revision))


def require_current(revision: str | None) -> None:
    """Refuse to work on a database that ``server init`` has not (fully) brought up to date."""
    head = head_revision()
    if revision is None:
        raise MigrationState(_("Deze database is nog niet ingericht. Voer eerst ‘velsen-desk server init’ uit."))
    if revision != head:
        _check_known(revision)
        raise MigrationState(_("Deze database heeft schemaversie {revision}; dit programma verwacht {head}. Voer "
                               "‘velsen-desk server init’ uit om hem bij te werken.").format(
                                   revision=revision, head=head))

"""Connecting to the master: the address, TLS, and the errors a connection attempt gives.

The URL names host, port and database (``postgresql://host:5432/velsen``); the user and password
come separately, so neither is ever part of a string that is logged or shown. TLS is used when
the server offers it (``sslmode=prefer`` unless the URL says otherwise), and the session reports
whether it is encrypted (``pg_stat_ssl``), for the status bar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import psycopg
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from velsen_desk.core.i18n import _
from velsen_desk.server.errors import ServerError, ServerUnreachable, WrongPassword, scrub

CONNECT_TIMEOUT_SECONDS = 10
# SQLSTATEs of a refused login: invalid_password, invalid_authorization_specification.
_LOGIN_REFUSED = {"28P01", "28000"}
_UNKNOWN_DATABASE = "3D000"
# libpq would take a password from these query parameters; refused like user:password@.
_SECRET_PARAMETERS = {"password", "passfile"}


@dataclass(frozen=True)
class ServerAddress:
    host: str
    port: int
    database: str
    url_user: str | None  # a user named in the URL, used when none is given apart
    sslmode: str

    def __str__(self) -> str:
        return f"{self.host}:{self.port}/{self.database}"


def parse_address(url: str) -> ServerAddress:
    """``postgresql://[user@]host[:port]/database[?sslmode=…]``; a password in it is refused."""
    try:
        parsed: URL = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is no number, an unclosed "[" …
        raise ServerError(_("‘{url}’ is geen geldig serveradres; schrijf postgresql://server:5432/database.").format(
            url=_without_password(url))) from None
    if not parsed.drivername.startswith("postgresql"):
        raise ServerError(_("‘{url}’ is geen PostgreSQL-adres; schrijf postgresql://server:5432/database.").format(
            url=_without_password(url)))
    if parsed.password is not None or any(key.lower() in _SECRET_PARAMETERS for key in parsed.query):
        raise ServerError(_("Zet geen wachtwoord in het serveradres: het zou in logs en de geschiedenis van de "
                            "terminal belanden. Het programma vraagt erom."))
    if not parsed.database:
        raise ServerError(_("Het serveradres noemt geen database: schrijf postgresql://server:5432/database."))
    sslmode = str(parsed.query.get("sslmode", "prefer"))
    return ServerAddress(parsed.host or "localhost", parsed.port or 5432, parsed.database, parsed.username, sslmode)


def _without_password(url: str) -> str:
    try:
        parsed = make_url(url)
        query = {k: v for k, v in parsed.query.items() if k.lower() not in _SECRET_PARAMETERS}
        return parsed.set(query=query).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        # Unparseable: show it without whatever could be a secret (user info, query).
        return re.sub(r"//.*@", "//", url.split("?", 1)[0])


def sqlalchemy_url(address: ServerAddress, user: str, password: str) -> URL:
    return URL.create("postgresql+psycopg", username=user, password=password, host=address.host,
                      port=address.port, database=address.database,
                      query={"sslmode": address.sslmode, "connect_timeout": str(CONNECT_TIMEOUT_SECONDS)})


def connect_args(address: ServerAddress, user: str, password: str) -> dict[str, str | int]:
    return {"host": address.host, "port": address.port, "dbname": address.database, "user": user,
            "password": password, "sslmode": address.sslmode, "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "application_name": "velsen-desk"}


def connect(address: ServerAddress, user: str, password: str) -> psycopg.Connection:
    """A psycopg connection, or a typed error whose message names no secret.

    In autocommit mode: every change runs in an explicit ``connection.transaction()`` block, and a
    stray read never leaves a transaction open that would turn the next block into a savepoint."""
    try:
        return psycopg.connect(**connect_args(address, user, password), autocommit=True)  # type: ignore[arg-type]
    except psycopg.OperationalError as exc:
        raise connection_problem(exc, address, user, password) from None


def connection_problem(exc: Exception, address: ServerAddress, user: str, password: str | None) -> Exception:
    """The typed error for a failed connection attempt (raise it ``from None``: the driver's own
    exception is not chained, so no traceback can carry what it held)."""
    state = getattr(exc, "sqlstate", None)
    text = str(exc)
    if state in _LOGIN_REFUSED or "password authentication failed" in text or "no password supplied" in text:
        return WrongPassword(_("De server {server} weigert gebruiker ‘{user}’ met dit wachtwoord. Controleer de "
                               "gebruikersnaam en het wachtwoord.").format(server=address, user=user))
    if state == _UNKNOWN_DATABASE or "does not exist" in text and "database" in text:
        return ServerError(_("De server {server} kent de database ‘{database}’ niet.").format(
            server=address, database=address.database))
    if "SSL" in text and address.sslmode in ("require", "verify-ca", "verify-full"):
        return ServerUnreachable(_("De server {server} biedt geen versleutelde verbinding (TLS), en het adres vraagt "
                                   "erom (sslmode={mode}).").format(server=address, mode=address.sslmode))
    detail = scrub(text.strip().splitlines()[-1] if text.strip() else "", password)
    return ServerUnreachable(_("De server {server} is niet bereikbaar ({detail}). Controleer het adres en de "
                               "netwerkverbinding.").format(server=address, detail=detail or _("geen antwoord")))


def is_encrypted(connection: psycopg.Connection) -> bool:
    """True when this session runs over TLS, as the server itself reports it."""
    with connection.cursor() as cursor:
        row = cursor.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    return bool(row and row[0])

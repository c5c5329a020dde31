"""``server grant``: a database login role for a person, and the organisation it acts for.

The password reaches the server only as a SCRAM-SHA-256 verifier, computed here: PostgreSQL
stores exactly that, and a logged ``CREATE ROLE … PASSWORD`` statement then holds no password.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

import psycopg
from psycopg import sql

from velsen_desk.core.i18n import _
from velsen_desk.server.errors import ServerError
from velsen_desk.server.schema import ROLE_GRIFFIE, ROLE_PARTIJ
from velsen_desk.server.security import GRIFFIE_GROUP, PARTIJ_GROUP

_SCRAM_ITERATIONS = 4096  # PostgreSQL's default (scram_iterations)
_LOGIN_NAME = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")
ROLES = (ROLE_GRIFFIE, ROLE_PARTIJ)


def scram_verifier(password: str) -> str:
    """The ``SCRAM-SHA-256$…`` string PostgreSQL stores for ``password`` (RFC 5802/7677)."""
    salt = os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, _SCRAM_ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${_SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def check_login_name(name: str) -> None:
    if not _LOGIN_NAME.match(name):
        raise ServerError(_("‘{name}’ kan geen gebruikersnaam zijn: gebruik kleine letters, cijfers, punt, streepje "
                            "of liggend streepje (hoogstens 63 tekens), beginnend met een letter.").format(name=name))


def grant(connection: psycopg.Connection, login: str, password: str, organisation: str, role: str) -> bool:
    """Create (or update) the login role ``login`` in one transaction. True when it is new."""
    check_login_name(login)
    if role not in ROLES:
        raise ServerError(_("Onbekende rol ‘{role}’: kies griffie of partij.").format(role=role))
    if not organisation.strip():
        raise ServerError(_("Noem de organisatie waarvoor deze gebruiker werkt (--organisation)."))
    if not password:
        raise ServerError(_("Een leeg wachtwoord is niet toegestaan."))
    group = GRIFFIE_GROUP if role == ROLE_GRIFFIE else PARTIJ_GROUP
    other = PARTIJ_GROUP if role == ROLE_GRIFFIE else GRIFFIE_GROUP
    verifier = scram_verifier(password)
    try:
        with connection.transaction(), connection.cursor() as cursor:
            exists = cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone() is not None
            if exists and cursor.execute("SELECT 1 FROM members WHERE login = %s", (login,)).fetchone() is None:
                # Never take over a role made for something else (the owner, a superuser, another app).
                raise ServerError(_("Er bestaat op de server al een gebruiker ‘{login}’ die niet voor Velsen Desk is "
                                    "aangemaakt; kies een andere naam. Er is niets gewijzigd.").format(login=login))
            verb = "ALTER" if exists else "CREATE"
            cursor.execute(sql.SQL(verb + " ROLE {} WITH LOGIN PASSWORD {}").format(  # noqa: S608 - fixed words
                sql.Identifier(login), sql.Literal(verifier)))
            cursor.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(login)))
            if exists:
                cursor.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), sql.Identifier(login)))
            row = _organisation_id(cursor, normalised_organisation(organisation))
            cursor.execute("INSERT INTO members (login, organisation_id, role) VALUES (%s, %s, %s) "
                           "ON CONFLICT (login) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, "
                           "role = EXCLUDED.role", (login, row[0], role))
    except psycopg.errors.InsufficientPrivilege:
        raise ServerError(_("Deze gebruiker mag geen gebruikers aanmaken op de server (CREATEROLE nodig).")) from None
    return not exists


def normalised_organisation(name: str) -> str:
    """``name`` with its spaces collapsed: "Velison  Wonen " is "Velison Wonen"."""
    return " ".join(name.split())


def _organisation_id(cursor: psycopg.Cursor[tuple[object, ...]], name: str) -> tuple[object, ...]:
    """The organisation of that name however it is capitalised or spaced (the database has a unique
    index on the same normal form), added when new under the spelling given."""
    row = cursor.execute("SELECT id FROM organisations WHERE lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) "
                         "= lower(%s)", (name,)).fetchone()
    if row is None:
        row = cursor.execute("INSERT INTO organisations (name) VALUES (%s) RETURNING id", (name,)).fetchone()
    assert row is not None
    return row


@dataclass(frozen=True)
class Membership:
    """What a granted login acts for: the organisation as stored, and how many actions it is trekker of
    (compared as the row-level policy compares); ``trekkers`` are all the trekkers the data knows."""

    organisation: str
    actions: int
    trekkers: tuple[str, ...]


def membership(connection: psycopg.Connection, login: str) -> Membership:
    with connection.transaction(), connection.cursor() as cursor:
        row = cursor.execute("SELECT o.name, (SELECT count(*) FROM actions a WHERE lower(a.trekker) = lower(o.name)) "
                             "FROM members m JOIN organisations o ON o.id = m.organisation_id WHERE m.login = %s",
                             (login,)).fetchone()
        trekkers = tuple(str(r[0]) for r in cursor.execute(
            "SELECT DISTINCT trekker FROM actions WHERE trekker IS NOT NULL ORDER BY 1").fetchall())
    if row is None:
        raise ServerError(_("Gebruiker ‘{login}’ hoort bij geen organisatie.").format(login=login))
    return Membership(str(row[0]), int(str(row[1])), trekkers)

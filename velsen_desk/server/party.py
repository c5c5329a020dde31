"""The API a party's client uses: connect, list its own actions, submit a status.

The "Voortgang invullen" form calls exactly this. Every rule that matters is enforced by the
database (row-level security, the version stamp, check constraints); this module turns the
server's answers into typed errors with a Dutch message:

- ``connect`` raises :class:`WrongPassword`, :class:`ServerUnreachable` or :class:`ServerError`;
- ``submit`` runs one transaction and raises :class:`ConcurrentEdit` (both versions),
  :class:`NotYourAction` (row-level security refused it) or :class:`ConnectionLost` (the server
  rolled the whole submission back; the form keeps what was typed).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import psycopg
from psycopg import errors as pg_errors

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.i18n import _
from velsen_desk.core.money import CostStatus, CostValue
from velsen_desk.core.progress import ProgressStatus, needs_explanation, status_label
from velsen_desk.server.connection import ServerAddress, is_encrypted, parse_address
from velsen_desk.server.connection import connect as open_connection
from velsen_desk.server.errors import (
    ConcurrentEdit,
    ConnectionLost,
    NotYourAction,
    ServerError,
    ServerProblem,
    StatusVersion,
    scrub,
)
from velsen_desk.server.migrate import head_revision
from velsen_desk.server.schema import NNB_TEXTS, NVT_TEXTS
from velsen_desk.server.security import PEILDATUM_TAKEN

__all__ = [
    "ConcurrentEdit",
    "ConnectionLost",
    "NotYourAction",
    "PartyAction",
    "PartySession",
    "PeildatumTaken",
    "ServerError",
    "ServerProblem",
    "connect",
]


class PeildatumTaken(ServerProblem):
    """The griffie already recorded a report of this plan on this peildatum."""


@dataclass(frozen=True)
class PartyAction:
    """One action of the party's organisation, with its last submitted status (if any)."""

    action_id: str
    number: int
    title: str
    plan: str
    trekker: str
    peildatum: dt.date | None
    status: ProgressStatus | None
    explanation: str | None
    spent: CostValue | None
    version: int | None  # pass it back to ``submit`` for the same peildatum


_MY_ACTIONS = """
SELECT a.id, a.number, a.title, a.plan_id, a.trekker,
       s.peildatum, s.status, s.explanation, s.spent_status, s.spent_amount, s.spent_qualifier, s.spent_text,
       s.version
FROM actions a
LEFT JOIN LATERAL (
    SELECT * FROM party_statuses p WHERE p.action_id = a.id ORDER BY p.peildatum DESC LIMIT 1
) s ON true
WHERE lower(a.trekker) = lower(%s)
ORDER BY a.plan_id, a.number, a.id
"""

_CURRENT = """
SELECT status, explanation, spent_text, version, changed_by, changed_at FROM party_statuses
WHERE action_id = %s AND peildatum = %s FOR UPDATE
"""


class PartySession:
    """A party user's connection to the master. Not thread-safe: one per worker."""

    def __init__(self, address: ServerAddress, user: str, password: str, connection: psycopg.Connection,
                 organisation: str, encrypted: bool) -> None:
        self._address = address
        self._user = user
        self._password = password  # kept in memory only, to reconnect after a lost connection
        self._connection = connection
        self.organisation = organisation
        self.encrypted = encrypted

    @property
    def user(self) -> str:
        return self._user

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> PartySession:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _live(self) -> psycopg.Connection:
        if self._connection.closed or self._connection.broken:
            self._connection = open_connection(self._address, self._user, self._password)
        return self._connection

    def my_actions(self) -> list[PartyAction]:
        try:
            connection = self._live()
            with connection.transaction(), connection.cursor() as cursor:
                rows = cursor.execute(_MY_ACTIONS, (self.organisation,)).fetchall()
        except psycopg.OperationalError:
            raise ConnectionLost(_("De verbinding met de server {server} is verbroken. Probeer het zo opnieuw.").format(
                server=self._address)) from None
        return [_party_action(row) for row in rows]

    def submit(self, action_id: str, peildatum: dt.date, status: ProgressStatus | str, explanation: str | None,
               spent: CostValue, expected_version: int | None) -> int:
        """Store the status of ``action_id`` on ``peildatum``; returns the new version.

        ``expected_version``: the version this status had when the user read it (``PartyAction.version``
        when its peildatum is this one), or None for a peildatum without a status yet.
        """
        status = _status(status)
        explanation = explanation.strip() if explanation and explanation.strip() else None
        if needs_explanation(status) and explanation is None:
            raise ServerError(_("Bij status {status} hoort een toelichting.").format(status=status_label(status)))
        _check_spent(spent)
        _check_peildatum(peildatum)
        mine = StatusVersion(status.value, explanation, spent.text, expected_version, self._user)
        try:
            connection = self._live()
            with connection.transaction(), connection.cursor() as cursor:
                self._refuse_taken_peildatum(cursor, action_id, peildatum)
                current = cursor.execute(_CURRENT, (action_id, peildatum)).fetchone()
                values = (status.value, explanation, spent.status.value, spent.amount, spent.qualifier, spent.text)
                if current is None:
                    if expected_version is not None:  # it was there when read: removed since
                        raise ServerError(_("Deze voortgang staat niet meer op de server; vernieuw de lijst."))
                    row = cursor.execute(
                        "INSERT INTO party_statuses (action_id, peildatum, status, explanation, spent_status, "
                        "spent_amount, spent_qualifier, spent_text) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
                        "RETURNING version", (action_id, peildatum, *values)).fetchone()
                else:
                    theirs = StatusVersion(*current)
                    if expected_version != current[3]:
                        raise ConcurrentEdit(mine, theirs)
                    row = cursor.execute(
                        "UPDATE party_statuses SET status = %s, explanation = %s, spent_status = %s, "
                        "spent_amount = %s, spent_qualifier = %s, spent_text = %s "
                        "WHERE action_id = %s AND peildatum = %s AND version = %s RETURNING version",
                        (*values, action_id, peildatum, expected_version)).fetchone()
                if row is None:  # the row is visible but the policy refused the change
                    raise self._not_yours(action_id)
                return int(row[0])
        except pg_errors.UniqueViolation:
            # Someone inserted the same (action, peildatum) between our read and our insert.
            raise ConcurrentEdit(mine, self._theirs(action_id, peildatum)) from None
        except pg_errors.InsufficientPrivilege:
            raise self._not_yours(action_id) from None
        except pg_errors.CheckViolation as exc:
            if exc.diag.constraint_name == PEILDATUM_TAKEN:  # the griffie reported this day since our check
                raise PeildatumTaken(_("Voor dit actieplan staat op {date} al een voortgangsrapportage in de gegevens "
                                       "van de griffie. Kies een andere peildatum.").format(
                                           date=format_long_date(peildatum))) from None
            raise ServerError(_("De server weigert deze voortgang: {detail}.").format(
                detail=scrub(str(exc).splitlines()[0], self._password))) from None
        except psycopg.OperationalError:
            raise ConnectionLost(_(
                "De verbinding met de server {server} is verbroken tijdens het opslaan. Er is niets opgeslagen; "
                "uw tekst staat nog in het formulier. Probeer het opnieuw als de verbinding terug is."
            ).format(server=self._address)) from None

    def _refuse_taken_peildatum(self, cursor: psycopg.Cursor[tuple[object, ...]], action_id: str,
                                peildatum: dt.date) -> None:
        taken = cursor.execute(
            "SELECT r.title FROM progress_reports r JOIN actions a ON a.plan_id = r.plan_id "
            "WHERE a.id = %s AND r.date = %s", (action_id, peildatum)).fetchone()
        if taken is not None:
            raise PeildatumTaken(_(
                "Voor dit actieplan staat op {date} al een voortgangsrapportage (‘{title}’) in de gegevens van de "
                "griffie. Kies een andere peildatum.").format(date=format_long_date(peildatum), title=taken[0]))

    def _theirs(self, action_id: str, peildatum: dt.date) -> StatusVersion:
        with self._connection.cursor() as cursor:
            row = cursor.execute(_CURRENT.replace(" FOR UPDATE", ""), (action_id, peildatum)).fetchone()
        if row is None:
            return StatusVersion("?", None, "?", None)
        return StatusVersion(*row)

    def _not_yours(self, action_id: str) -> NotYourAction:
        return NotYourAction(_(
            "U mag alleen de voortgang van acties van {organisation} wijzigen; actie ‘{action}’ hoort daar niet bij."
        ).format(organisation=self.organisation, action=action_id))


def _status(status: ProgressStatus | str) -> ProgressStatus:
    try:
        return ProgressStatus(status)
    except ValueError:
        raise ServerError(_("‘{status}’ is geen status; kies uit {choices}.").format(
            status=status, choices=", ".join(s.value for s in ProgressStatus))) from None


def _check_spent(spent: CostValue) -> None:
    # "€ 0", "n.v.t." and "n.n.b." stay apart: an amount only with status amount, and always then.
    if (spent.status is CostStatus.AMOUNT) != (spent.amount is not None) or not spent.text.strip():
        raise ServerError(_("De uitgave is onvolledig: een bedrag (ook € 0), n.v.t. of n.n.b., met de tekst zoals "
                            "opgegeven."))
    if spent.amount is not None and spent.amount < 0:
        raise ServerError(_("Een uitgegeven bedrag kan niet negatief zijn."))
    # The text must say what the status says (the database checks the same): "n.v.t." is no amount.
    text = spent.text.strip().lower()
    if spent.status is CostStatus.NOT_APPLICABLE and text not in NVT_TEXTS:
        raise ServerError(_("Bij uitgave n.v.t. hoort de tekst ‘n.v.t.’, niet ‘{text}’.").format(text=spent.text))
    if spent.status is CostStatus.TO_BE_DETERMINED and text not in NNB_TEXTS:
        raise ServerError(_("Bij uitgave n.n.b. hoort de tekst ‘n.n.b.’, niet ‘{text}’.").format(text=spent.text))
    if spent.status is CostStatus.AMOUNT and (not any(c.isdigit() for c in text)
                                              or re.search(r"n\.?[vn]\.?[tb]", text)):
        raise ServerError(_("De tekst ‘{text}’ bij een uitgegeven bedrag noemt geen bedrag.").format(text=spent.text))


def latest_peildatum(today: dt.date | None = None) -> dt.date:
    """The last peildatum the server accepts: a year from today (the database checks the same)."""
    today = today or dt.date.today()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year + 1, day=28)


def _check_peildatum(peildatum: dt.date) -> None:
    if peildatum > latest_peildatum():
        raise ServerError(_("De peildatum {date} ligt meer dan een jaar vooruit; controleer het jaartal.").format(
            date=format_long_date(peildatum)))


def _party_action(row: tuple[object, ...]) -> PartyAction:
    (action_id, number, title, plan, trekker, peildatum, status, explanation,
     spent_status, spent_amount, spent_qualifier, spent_text, version) = row
    spent = (CostValue(CostStatus(str(spent_status)), spent_amount if isinstance(spent_amount, int) else None,
                       str(spent_text), str(spent_qualifier) if spent_qualifier is not None else None)
             if spent_status is not None else None)
    return PartyAction(
        action_id=str(action_id), number=int(str(number)), title=str(title), plan=str(plan), trekker=str(trekker),
        peildatum=peildatum if isinstance(peildatum, dt.date) else None,
        status=ProgressStatus(str(status)) if status is not None else None,
        explanation=str(explanation) if explanation is not None else None,
        spent=spent, version=int(str(version)) if version is not None else None)


def connect(url: str, user: str, password: str) -> PartySession:
    """Log in as a party (or griffie) user. The schema must be current and the user a member."""
    address = parse_address(url)
    connection = open_connection(address, user, password)
    try:
        with connection.transaction(), connection.cursor() as cursor:
            revision = None
            if cursor.execute("SELECT to_regclass('alembic_version')").fetchone() != (None,):
                revision = cursor.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None or revision[0] != head_revision():
                raise ServerError(_("De database op {server} is niet (volledig) ingericht voor Velsen Desk; vraag de "
                                    "griffie ‘velsen-desk server init’ uit te voeren.").format(server=address))
        with connection.transaction(), connection.cursor() as cursor:
            row = cursor.execute("SELECT velsen_organisation_of(current_user)").fetchone()
        if row is None or row[0] is None:
            raise ServerError(_("Gebruiker ‘{user}’ hoort bij geen organisatie op {server}; vraag de griffie om "
                                "toegang (velsen-desk server grant).").format(user=user, server=address))
        encrypted = is_encrypted(connection)
    except BaseException:
        connection.close()
        raise
    return PartySession(address, user, password, connection, str(row[0]), encrypted)

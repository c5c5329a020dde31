"""What can go wrong talking to the master, each as a typed error with a Dutch ``message``.

Messages name the server by host, port and database only: never the password, never a URL with
one in it (:func:`scrub` removes it from any text a driver hands back).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from velsen_desk.core.i18n import _


class ServerProblem(Exception):  # noqa: N818 - the names the window code uses
    """Base: ``message`` is a full Dutch sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongPassword(ServerProblem):
    pass


class ServerUnreachable(ServerProblem):
    pass


class ServerError(ServerProblem):
    """The server answered, but not as expected (unknown database, refused statement …)."""


class MigrationState(ServerError):  # noqa: N818
    """The database has no (or an older or newer) schema than this program knows."""


class ConnectionLost(ServerProblem):
    """The connection broke during a change; the server rolled the whole change back."""


class NotYourAction(ServerProblem):
    """Row-level security refused the write: the action is another organisation's."""


@dataclass(frozen=True)
class StatusVersion:
    """One side of a conflict: a status as submitted, or as it now stands on the server."""

    status: str
    explanation: str | None
    spent_text: str
    version: int | None
    changed_by: str | None = None
    changed_at: dt.datetime | None = None  # when the server stored it (for the conflict message)


class ConcurrentEdit(ServerProblem):
    """Someone else changed the status since it was read: both versions, nothing overwritten."""

    def __init__(self, mine: StatusVersion, theirs: StatusVersion) -> None:
        super().__init__(_(
            "Iemand anders heeft deze voortgang intussen gewijzigd; uw versie is niet opgeslagen. "
            "Uw versie: {mine}. Versie {version} op de server (van {who}): {theirs}. "
            "Bekijk de versie op de server en verstuur de uwe opnieuw als die moet gelden."
        ).format(mine=_describe(mine), theirs=_describe(theirs), version=theirs.version,
                 who=theirs.changed_by or _("onbekend")))
        self.mine = mine
        self.theirs = theirs


def _describe(version: StatusVersion) -> str:
    explanation = version.explanation or _("geen toelichting")
    return _("status {status}, uitgegeven {spent}, toelichting: {explanation}").format(
        status=version.status, spent=version.spent_text, explanation=explanation)


def scrub(text: str, *secrets: str | None) -> str:
    """``text`` without any of ``secrets`` (a password, a URL that may hold one)."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text

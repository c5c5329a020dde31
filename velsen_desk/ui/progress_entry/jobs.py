"""The server work of "Voortgang invullen", run on the feature's one worker thread; touches no widget.

A :class:`~velsen_desk.server.party.PartySession` is one connection and not thread-safe: the
feature's pool runs one of these functions at a time, so the session is never used by two
threads at once. Results are frozen dataclasses; the session itself is handed to the GUI thread
only to be passed back into the next job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from velsen_desk.core.money import CostValue
from velsen_desk.core.progress import ProgressStatus
from velsen_desk.core.task_state import Cancelled, TaskState
from velsen_desk.server import party
from velsen_desk.server.connection import parse_address
from velsen_desk.server.errors import WrongPassword
from velsen_desk.server.party import PartyAction, PartySession
from velsen_desk.server.passwords import forget_password, remember_password


def _tr(text: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text)


@dataclass(frozen=True)
class Login:
    """What the connect dialog hands the worker. ``password`` lives only in memory (and in the
    keyring when ``remember``); ``repr`` hides it so no log line or traceback can show it."""

    url: str
    user: str
    password: str
    remember: bool

    def __repr__(self) -> str:
        return f"Login(url={self.url!r}, user={self.user!r}, password='***', remember={self.remember})"


@dataclass(frozen=True)
class Connected:
    session: PartySession
    server: str  # host:port/database, never with a password
    actions: tuple[PartyAction, ...]
    remembered: bool  # the password is now in the keyring

    @property
    def user(self) -> str:
        return self.session.user

    @property
    def organisation(self) -> str:
        return self.session.organisation

    @property
    def encrypted(self) -> bool:
        return self.session.encrypted


class SessionSlot:
    """Where a connect job leaves its session as soon as it exists, so a cancel that arrives after
    the login succeeded can still close it (the cancelled callback never sees the result)."""

    def __init__(self) -> None:
        self.session: PartySession | None = None

    def discard(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None


@dataclass(frozen=True)
class Submission:
    """One status as the form holds it; ``expected_version`` as ``PartySession.submit`` wants it."""

    action_id: str
    peildatum: dt.date
    status: ProgressStatus
    explanation: str | None
    spent: CostValue
    expected_version: int | None


@dataclass(frozen=True)
class Submitted:
    submission: Submission
    version: int
    actions: tuple[PartyAction, ...]  # the list as it now stands, with the new status


def connect_and_list(login: Login, slot: SessionSlot, state: TaskState) -> Connected:
    state.set_progress(10, _tr("Verbinden met de server…"))
    address = parse_address(login.url)
    try:
        session = party.connect(login.url, login.user, login.password)
    except WrongPassword:
        forget_password(address, login.user)  # a stored password that no longer works is not tried again
        raise
    slot.session = session
    state.raise_if_cancelled()
    state.set_progress(60, _tr("Uw acties ophalen…"))
    actions = tuple(session.my_actions())
    state.raise_if_cancelled()
    remembered = False
    if login.remember:
        remembered = remember_password(address, login.user, login.password)
    else:
        forget_password(address, login.user)  # unticked: the user no longer wants it kept
    state.set_progress(100, "")
    return Connected(session, str(address), actions, remembered)


def submit_and_list(session: PartySession, submission: Submission, state: TaskState) -> Submitted:
    """One transaction on the server; then the list again, so the window shows what is stored."""
    state.set_progress(10, _tr("Versturen…"))
    version = session.submit(submission.action_id, submission.peildatum, submission.status, submission.explanation,
                             submission.spent, submission.expected_version)
    state.set_progress(70, _tr("Lijst bijwerken…"))
    return Submitted(submission, version, tuple(session.my_actions()))


def list_actions(session: PartySession, state: TaskState) -> tuple[PartyAction, ...]:
    state.set_progress(10, _tr("Uw acties ophalen…"))
    actions = tuple(session.my_actions())
    if state.is_cancelled():
        raise Cancelled
    return actions


def close_session(session: PartySession, _state: TaskState) -> None:
    session.close()

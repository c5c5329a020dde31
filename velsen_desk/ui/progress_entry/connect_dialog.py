"""Connecting to the master: server address, user name, password, and "Wachtwoord onthouden".

The address and user name are kept in the window's settings; the password never is. It goes to
the platform keyring only when the user ticks the box and a usable keyring exists (not keyring's
"fail" or "null" backend); otherwise the box is disabled with the reason, and the password is
asked each time. The login runs off the GUI thread with a busy bar and can be cancelled.
"""

from __future__ import annotations

import itertools
import logging
from functools import partial

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.task_state import TaskState
from velsen_desk.server.connection import parse_address
from velsen_desk.server.errors import ServerProblem, WrongPassword
from velsen_desk.server.passwords import stored_password
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.progress_entry.jobs import Connected, Login, SessionSlot, connect_and_list
from velsen_desk.ui.widgets.style import plain_label

log = logging.getLogger(__name__)

SERVER_KEY = "progress_entry/server"
USER_KEY = "progress_entry/user"
REMEMBER_KEY = "progress_entry/remember_password"  # the choice only, never the password


def keyring_usable() -> bool:
    """Whether a real keyring backend is there (not keyring's "fail" or "null" stand-ins)."""
    try:
        import keyring
        from keyring.backends import fail, null

        return not isinstance(keyring.get_keyring(), fail.Keyring | null.Keyring)
    except Exception as exc:  # a broken backend counts as none: the password is asked each time
        log.info("keyring not usable: %s", type(exc).__name__)
        return False


class ConnectDialog(QDialog):
    # ---- Signals
    sig_connected = Signal(object)
    """The login succeeded: a :class:`Connected` (its session is now the entry dialog's)."""

    def __init__(self, runner: OperationRunner, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progress_entry_connect")
        self.setWindowTitle(self.tr("Voortgang invullen: verbinden"))
        self._runner = runner
        self._settings = settings
        self._state: TaskState | None = None
        self._attempts = itertools.count(1)
        self._attempt: int | None = None  # the login the dialog waits for; older ones are dropped

        intro = plain_label(QLabel(self.tr(
            "Meld u aan bij de centrale database van de griffie om de voortgang van de acties van uw "
            "organisatie in te vullen. U ziet alleen de acties waarvan uw organisatie trekker is."), self))
        intro.setWordWrap(True)
        self.server_edit = QLineEdit(str(settings.value(SERVER_KEY, "") or ""), self)
        self.server_edit.setPlaceholderText("postgresql://server:5432/velsen")
        self.server_edit.setMinimumWidth(360)
        self.server_edit.setAccessibleName(self.tr("Serveradres"))
        self.user_edit = QLineEdit(str(settings.value(USER_KEY, "") or ""), self)
        self.user_edit.setAccessibleName(self.tr("Gebruikersnaam"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Wachtwoord"))
        self.remember_box = QCheckBox(self.tr("Wachtwoord &onthouden"), self)
        # Said on screen, not only in a tooltip: a greyed-out box gave no hint why (newcomer audit).
        self.remember_note = plain_label(QLabel(self.tr("Niet mogelijk: deze computer heeft geen bruikbare "
                                                        "sleutelhanger."), self))
        self.remember_note.setWordWrap(True)
        if keyring_usable():
            self.remember_note.hide()
            self.remember_box.setToolTip(self.tr("Bewaar het wachtwoord in de sleutelhanger van het systeem, "
                                                 "nooit in de instellingen van Velsen Desk"))
            self.remember_box.setChecked(str(settings.value(REMEMBER_KEY, "false")).lower() == "true")
            self._fill_stored_password()
        else:
            self.remember_box.setEnabled(False)
            self.remember_box.setToolTip(self.tr(
                "Deze computer heeft geen bruikbare sleutelhanger (keyring) om het wachtwoord veilig te bewaren; "
                "Velsen Desk vraagt het daarom elke keer en bewaart het nergens."))

        form = QFormLayout()
        for text, field in ((self.tr("&Server:"), self.server_edit), (self.tr("&Gebruiker:"), self.user_edit),
                            (self.tr("&Wachtwoord:"), self.password_edit)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.remember_box)
        form.addRow("", self.remember_note)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message = plain_label(QLabel(self))
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = QDialogButtonBox(self)
        self.connect_button = QPushButton(self.tr("&Verbinden"), self)
        self.connect_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Annuleren"), self)
        buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.connect_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._on_cancel)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password_edit if self.server_edit.text() and self.user_edit.text() else self.server_edit).setFocus()

    # ---- Public API

    @property
    def connecting(self) -> bool:
        return self._state is not None

    def start(self) -> bool:
        """Log in off the GUI thread; False when the fields are not filled in."""
        url, user, password = self.server_edit.text().strip(), self.user_edit.text().strip(), self.password_edit.text()
        if not url or not user or not password:
            self._show(self.tr("Vul het serveradres, uw gebruikersnaam en uw wachtwoord in."))
            return False
        try:
            parse_address(url)  # a URL with a password or without a database is refused before anything is sent
        except ServerProblem as exc:
            self._show(exc.message)
            return False
        self._show(self.tr("Verbinden met {0}…").format(url), error=False)
        self._set_busy(True)
        attempt, slot = next(self._attempts), SessionSlot()
        self._attempt = attempt
        login = Login(url, user, password, self.remember_box.isChecked())
        # No key: a cancelled attempt still finishes and is told, so a session it opened gets closed.
        op = Operation(partial(connect_and_list, login, slot), success=partial(self._on_connected, attempt),
                       failure=partial(self._on_failed, attempt, slot), expected=(ServerProblem,))
        op.with_progress(self.tr("Verbinden…")).on_cancelled(partial(self._on_cancelled, slot))
        self._state = self._runner.start(op)
        return True

    def cancel(self) -> None:
        """Stop waiting for the login at once; whatever it brings later is closed and dropped."""
        if self._state is None:
            return
        self._state.cancel()
        self._state = None
        self._attempt = None
        self._set_busy(False)
        self._show(self.tr("Verbinden afgebroken."), error=False)

    # ---- Qt

    def reject(self) -> None:
        self.cancel()
        super().reject()

    # ---- Private

    def _fill_stored_password(self) -> None:
        url, user = self.server_edit.text().strip(), self.user_edit.text().strip()
        if not url or not user:
            return
        try:
            password = stored_password(parse_address(url), user)
        except ServerProblem:
            return
        if password:
            self.password_edit.setText(password)
            self.remember_box.setChecked(True)

    def _on_cancel(self) -> None:
        if self.connecting:
            self.cancel()
        else:
            self.reject()

    def _on_connected(self, attempt: int, connected: Connected) -> None:
        if attempt != self._attempt:  # cancelled while the login went through
            connected.session.close()
            return
        self._state = self._attempt = None
        self._set_busy(False)
        self._settings.setValue(SERVER_KEY, self.server_edit.text().strip())
        self._settings.setValue(USER_KEY, self.user_edit.text().strip())
        self._settings.setValue(REMEMBER_KEY, connected.remembered)
        self._settings.sync()
        self.password_edit.clear()
        self.sig_connected.emit(connected)
        self.accept()

    def _on_failed(self, attempt: int, slot: SessionSlot, error: Exception) -> None:
        slot.discard()
        if attempt != self._attempt:
            return
        self._state = self._attempt = None
        self._set_busy(False)
        if isinstance(error, ServerProblem):
            self._show(error.message)
            if isinstance(error, WrongPassword):
                self.password_edit.selectAll()
                self.password_edit.setFocus()
        else:  # a bug: its details are in the log (without the password, see Login.__repr__)
            self._show(self.tr("Verbinden lukte niet door een onverwachte fout; de details staan in het logbestand."))

    @staticmethod
    def _on_cancelled(slot: SessionSlot) -> None:
        slot.discard()  # the dialog said "afgebroken" when the user pressed Stoppen

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.connect_button.setEnabled(not busy)
        for field in (self.server_edit, self.user_edit, self.password_edit, self.remember_box):
            field.setEnabled(not busy and (field is not self.remember_box or keyring_usable()))
        self.cancel_button.setText(self.tr("Stoppen") if busy else self.tr("Annuleren"))

    def _show(self, message: str, *, error: bool = True) -> None:
        self.message.setText(message)
        self.message.setStyleSheet("color: #b71c1c;" if error else "")
        self.message.setVisible(bool(message))

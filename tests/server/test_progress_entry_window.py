"""Bestand → Voortgang invullen… against a real PostgreSQL: the window side of the party API.

The dialogs run offscreen on a bare main window (the menu hook itself is tested in
tests/test_ui_progress_entry.py); every login, list and submission goes to the throwaway server.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import psycopg
import pytest
from PySide6.QtWidgets import QMainWindow

from velsen_desk.core.money import CostStatus, CostValue
from velsen_desk.server.party import connect
from velsen_desk.ui.progress_entry.conflict import ConflictDialog
from velsen_desk.ui.progress_entry.connect_dialog import REMEMBER_KEY, SERVER_KEY, USER_KEY, ConnectDialog
from velsen_desk.ui.progress_entry.entry_dialog import ProgressEntryDialog
from velsen_desk.ui.progress_entry.feature import ProgressEntryFeature
from velsen_desk.ui.progress_entry.form import AMOUNT, NOT_APPLICABLE, ZERO
from velsen_desk.ui.progress_entry.model import EXPLANATION, PEILDATUM, SPENT, STATUS

TODAY = dt.date(2026, 6, 30)
A01, A02 = "velsen-2022.avn.a01", "velsen-2022.avn.a02"  # Velison Wonen's two actions
NVT = CostValue(CostStatus.NOT_APPLICABLE, None, "n.v.t.")


@pytest.fixture
def feature(qtbot, settings):
    window = QMainWindow()
    qtbot.addWidget(window)
    feature = ProgressEntryFeature(window, settings, TODAY)
    yield feature
    feature.wait(10000)


def _fill(dialog: ConnectDialog, url: str, user: str, password: str) -> None:
    dialog.server_edit.setText(url)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)


def _connect(qtbot, feature: ProgressEntryFeature, url: str, user: str, password: str) -> ProgressEntryDialog:
    dialog = feature.open()
    assert isinstance(dialog, ConnectDialog)
    _fill(dialog, url, user, password)
    with qtbot.waitSignal(dialog.sig_connected, timeout=20000):
        assert dialog.start()
    assert feature.entry_dialog is not None
    return feature.entry_dialog


def _cell(entry: ProgressEntryDialog, action_id: str, column: int) -> str:
    row = entry.model.row_of(action_id)
    assert row is not None
    return str(entry.model.index(row, column).data())


def _submit(qtbot, entry: ProgressEntryDialog) -> None:
    with qtbot.waitSignal(entry.runner.sig_busy_changed, timeout=20000, check_params_cb=lambda busy, _l: not busy):
        assert entry.submit()


def _files_holding(root: Path, secret: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_only_the_partys_own_actions_are_listed_with_the_connection_in_the_header(qtbot, qtmodeltester, feature,
                                                                                   server):
    user, password = server.grant("Velison Wonen")
    entry = _connect(qtbot, feature, server.url, user, password)
    assert [entry.model.action(r).action_id for r in range(entry.model.rowCount())] == [A01, A02]
    qtmodeltester.check(entry.model)
    qtmodeltester.check(entry.proxy)
    host = f"{server.cluster.host}:{server.cluster.port}/{server.database}"
    # TLS when the test server offers it (sslmode=prefer), and the header says which, never more.
    said = "versleuteld (TLS)" if getattr(server.cluster, "offers_tls", False) else "niet versleuteld"
    assert entry.header.text() == f"Verbonden met {host} als {user} (Velison Wonen), {said}"
    assert _cell(entry, A01, STATUS) == "geen rapportage" and _cell(entry, A01, SPENT) == "—"
    assert entry.form.action is not None and entry.form.action.action_id == A01  # the first is selected


def test_without_tls_the_header_says_not_encrypted(qtbot, feature, server):
    user, password = server.grant("Velison Wonen")
    entry = _connect(qtbot, feature, server.url + "?sslmode=disable", user, password)
    assert entry.header.text().endswith("(Velison Wonen), niet versleuteld")
    assert "niet versleuteld" in feature.parent().statusBar().currentMessage()


def test_submit_stores_the_status_and_the_list_shows_it(qtbot, feature, server):
    user, password = server.grant("Velison Wonen")
    entry = _connect(qtbot, feature, server.url, user, password)
    assert entry.select_action(A02)
    form = entry.form
    form.status_combo.setCurrentIndex(form.status_combo.findData("oranje"))
    form.explanation_edit.setPlainText("Vergunning loopt vertraging op.")
    form.spent_group.button(ZERO).setChecked(True)
    _submit(qtbot, entry)
    assert "Opgeslagen: actie 2, oranje op 30 juni 2026 (versie 1)" in entry.status_bar.currentMessage()
    assert _cell(entry, A02, STATUS) == "oranje"
    assert _cell(entry, A02, PEILDATUM) == "30 juni 2026"
    assert _cell(entry, A02, EXPLANATION) == "Vergunning loopt vertraging op."
    assert _cell(entry, A02, SPENT) == "€ 0"
    assert server.admin.execute("SELECT action_id, status, spent_status, spent_amount, spent_text, changed_by "
                                "FROM party_statuses").fetchall() == [(A02, "oranje", "amount", 0, "€ 0", user)]
    # The same peildatum again is a change of version 1 (the form sends the version it read), n.v.t. kept apart.
    form.status_combo.setCurrentIndex(form.status_combo.findData("groen"))
    form.spent_group.button(NOT_APPLICABLE).setChecked(True)
    _submit(qtbot, entry)
    assert _cell(entry, A02, STATUS) == "groen" and _cell(entry, A02, SPENT) == "n.v.t."
    assert server.admin.execute("SELECT status, spent_status, spent_amount, version FROM party_statuses"
                                ).fetchall() == [("groen", "nvt", None, 2)]


def test_an_incomplete_form_is_refused_in_dutch_before_anything_is_sent(qtbot, feature, server):
    user, password = server.grant("Velison Wonen")
    entry = _connect(qtbot, feature, server.url, user, password)
    form = entry.form
    form.status_combo.setCurrentIndex(form.status_combo.findData("rood"))
    form.spent_group.button(AMOUNT).setChecked(True)
    form.amount_edit.setText("veel")
    assert not entry.submit()
    assert form.problem.text() == "Bij status rood hoort een toelichting: schrijf waarom."
    form.explanation_edit.setPlainText("Aannemer failliet.")
    assert not entry.submit()
    assert form.problem.text().startswith("‘veel’ is geen bedrag")
    assert server.admin.execute("SELECT count(*) FROM party_statuses").fetchone() == (0,)


def _conflict(qtbot, feature, server):
    """The window's user fills in A01 for TODAY while a colleague stores another status first."""
    user, password = server.grant("Velison Wonen")
    colleague, colleague_password = server.grant("Velison Wonen")
    entry = _connect(qtbot, feature, server.url, user, password)
    with connect(server.url, colleague, colleague_password) as other:
        other.submit(A01, TODAY, "rood", "Bouw stilgelegd.", NVT, None)
    form = entry.form
    form.status_combo.setCurrentIndex(form.status_combo.findData("afgerond"))
    form.explanation_edit.setPlainText("Opgeleverd in juni.")
    form.spent_group.button(AMOUNT).setChecked(True)
    form.amount_edit.setText("1.250.000")
    _submit(qtbot, entry)
    dialog = entry.conflict_dialog
    assert isinstance(dialog, ConflictDialog) and dialog.isVisible()
    return entry, dialog, colleague


def test_a_conflict_shows_both_versions_with_who_and_when_and_overwrites_nothing(qtbot, feature, server):
    entry, dialog, colleague = _conflict(qtbot, feature, server)
    text = dialog.text()
    for expected in ("Uw versie (niet opgeslagen)", "afgerond", "Opgeleverd in juni.", "€ 1.250.000",
                     "Op de server (versie 1)", "rood", "Bouw stilgelegd.", "n.v.t.", colleague):
        assert expected in text, expected
    stored_at = server.admin.execute("SELECT changed_at FROM party_statuses").fetchone()[0].astimezone()
    assert dialog.theirs_when.text().endswith(stored_at.strftime("%H:%M"))
    assert server.admin.execute("SELECT status, version FROM party_statuses").fetchall() == [("rood", 1)]
    # Back to the form: the typed text is all still there.
    dialog.back_button.click()
    assert entry.form.explanation_edit.toPlainText() == "Opgeleverd in juni."
    assert entry.form.amount_edit.text() == "1.250.000"


def test_after_a_conflict_the_user_may_put_their_version_on_top(qtbot, feature, server):
    entry, dialog, _colleague = _conflict(qtbot, feature, server)
    with qtbot.waitSignal(entry.runner.sig_busy_changed, timeout=20000, check_params_cb=lambda busy, _l: not busy):
        dialog.resubmit_button.click()
    assert server.admin.execute("SELECT status, spent_amount, version FROM party_statuses").fetchall() == [
        ("afgerond", 1_250_000, 2)]
    assert _cell(entry, A01, STATUS) == "afgerond"


def test_after_a_conflict_the_user_may_keep_the_version_on_the_server(qtbot, feature, server):
    entry, dialog, _colleague = _conflict(qtbot, feature, server)
    with qtbot.waitSignal(entry.runner.sig_busy_changed, timeout=20000, check_params_cb=lambda busy, _l: not busy):
        dialog.keep_theirs_button.click()
    assert server.admin.execute("SELECT status, version FROM party_statuses").fetchall() == [("rood", 1)]
    assert _cell(entry, A01, STATUS) == "rood"
    assert entry.form.explanation_edit.toPlainText() == "" and entry.form.status() is None


def test_a_connection_killed_mid_submit_keeps_the_typed_text_and_says_nothing_was_saved(qtbot, feature, server):
    user, password = server.grant("Velison Wonen")
    with connect(server.url, user, password) as earlier:
        earlier.submit(A01, TODAY, "groen", None, NVT, None)
    entry = _connect(qtbot, feature, server.url, user, password)
    form = entry.form
    form.status_combo.setCurrentIndex(form.status_combo.findData("rood"))
    form.explanation_edit.setPlainText("Tekst die niet verloren mag gaan.")
    form.spent_group.button(NOT_APPLICABLE).setChecked(True)
    # Hold the row, so the submission waits inside its transaction; then kill its server process there.
    holder = psycopg.connect(host=server.cluster.host, port=server.cluster.port, dbname=server.database,
                             user="postgres", password=server.password)
    try:
        holder.execute("SELECT * FROM party_statuses FOR UPDATE")
        assert entry.submit()

        def waiting_pid() -> int | None:
            row = server.admin.execute("SELECT pid FROM pg_stat_activity WHERE usename = %s AND wait_event_type = "
                                       "'Lock'", (user,)).fetchone()
            return row[0] if row else None

        qtbot.waitUntil(lambda: waiting_pid() is not None, timeout=20000)
        server.admin.execute("SELECT pg_terminate_backend(%s)", (waiting_pid(),))
        qtbot.waitUntil(lambda: entry.message_box is not None and entry.message_box.isVisible(), timeout=20000)
    finally:
        holder.rollback()
        holder.close()
    message = entry.message_box.text()
    assert "verbroken tijdens het opslaan" in message and "niets opgeslagen" in message
    assert form.explanation_edit.toPlainText() == "Tekst die niet verloren mag gaan."
    assert form.status() is not None and form.status().value == "rood"
    assert form.submit_button.isEnabled()
    assert server.admin.execute("SELECT status, version FROM party_statuses").fetchall() == [("groen", 1)]
    # Trying again reconnects and stores it.
    _submit(qtbot, entry)
    assert server.admin.execute("SELECT status, version FROM party_statuses").fetchall() == [("rood", 2)]


def test_a_wrong_password_is_said_in_dutch_and_written_nowhere(qtbot, feature, server, settings, tmp_path,
                                                                isolated_home, caplog):
    user, _password = server.grant("Velison Wonen")
    wrong = "verkeerd-wachtwoord-9f3c"
    caplog.set_level(logging.DEBUG)
    dialog = feature.open()
    assert isinstance(dialog, ConnectDialog)
    _fill(dialog, server.url, user, wrong)
    with qtbot.waitSignal(feature.runner.sig_busy_changed, timeout=20000, check_params_cb=lambda busy, _l: not busy):
        assert dialog.start()
    assert dialog.message.isVisible()
    assert f"weigert gebruiker ‘{user}’ met dit wachtwoord" in dialog.message.text()
    assert feature.entry_dialog is None
    assert dialog.password_edit.hasFocus() or dialog.password_edit.selectedText() == wrong
    settings.sync()
    assert wrong not in caplog.text
    assert _files_holding(tmp_path, wrong) == []


def test_the_password_is_never_in_the_settings_file(qtbot, feature, server, settings, tmp_path, isolated_home):
    user, password = server.grant("Velison Wonen")
    dialog = feature.open()
    assert not dialog.remember_box.isEnabled()  # the tests' null keyring: nothing to keep it in
    assert "sleutelhanger" in dialog.remember_box.toolTip()
    _connect(qtbot, feature, server.url, user, password)
    settings.sync()
    text = (tmp_path / "settings.ini").read_text()
    assert server.url in text and user in text
    assert settings.value(SERVER_KEY) == server.url and settings.value(USER_KEY) == user
    assert str(settings.value(REMEMBER_KEY)).lower() == "false"
    assert _files_holding(tmp_path, password) == []
    # The next time the address and user are filled in; the password is asked again.
    again = ConnectDialog(feature.runner, settings)
    qtbot.addWidget(again)
    assert (again.server_edit.text(), again.user_edit.text(), again.password_edit.text()) == (server.url, user, "")


class MemoryKeyring:
    """A keyring backend in memory: stands in for the platform's (Secret Service, Keychain, …)."""

    priority = 1

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    import keyring
    from keyring.backend import KeyringBackend

    backend = type("TestKeyring", (MemoryKeyring, KeyringBackend), {})()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_remember_password_keeps_it_in_the_keyring_only(qtbot, feature, server, settings, tmp_path, isolated_home,
                                                        memory_keyring):
    user, password = server.grant("Velison Wonen")
    dialog = feature.open()
    assert dialog.remember_box.isEnabled()
    dialog.remember_box.setChecked(True)
    _connect(qtbot, feature, server.url, user, password)
    assert list(memory_keyring.store.values()) == [password]
    assert _files_holding(tmp_path, password) == []
    # The next time it is filled in from the keyring (masked), so the user only presses Verbinden.
    again = ConnectDialog(feature.runner, settings)
    qtbot.addWidget(again)
    assert again.password_edit.text() == password and again.remember_box.isChecked()
    assert again.password_edit.echoMode() is again.password_edit.EchoMode.Password
    # Unticking it removes the kept password at the next login.
    again.remember_box.setChecked(False)
    with qtbot.waitSignal(again.sig_connected, timeout=20000) as connected:
        assert again.start()
    connected.args[0].session.close()
    assert memory_keyring.store == {}


def test_a_stored_status_of_ones_own_is_not_called_someone_elses(qtbot, feature, server):
    user, password = server.grant("Velison Wonen")
    entry = _connect(qtbot, feature, server.url, user, password)
    with connect(server.url, user, password) as earlier:  # the same user, elsewhere, on an older peildatum
        earlier.submit(A01, dt.date(2026, 3, 31), "groen", None, NVT, None)
    form = entry.form
    form.peildatum_edit.setDate(form.peildatum_edit.date().addMonths(-3).addDays(1))  # 31 March 2026
    assert form.peildatum() == dt.date(2026, 3, 31)
    form.status_combo.setCurrentIndex(form.status_combo.findData("grijs"))
    form.spent_group.button(NOT_APPLICABLE).setChecked(True)
    _submit(qtbot, entry)
    dialog = entry.conflict_dialog
    assert dialog is not None and dialog.windowTitle() == "Er staat al een versie op de server"
    assert "al een opgave van u op de server" in dialog.text() and "Iemand anders" not in dialog.text()
    assert server.admin.execute("SELECT status FROM party_statuses").fetchall() == [("groen",)]


def test_a_conflict_names_the_action_sent_even_when_the_user_moved_on(qtbot, feature, server):
    user, password = server.grant("Velison Wonen")
    colleague, colleague_password = server.grant("Velison Wonen")
    entry = _connect(qtbot, feature, server.url, user, password)
    with connect(server.url, colleague, colleague_password) as other:
        other.submit(A01, TODAY, "rood", "Bouw stilgelegd.", NVT, None)
    form = entry.form
    form.status_combo.setCurrentIndex(form.status_combo.findData("groen"))
    form.spent_group.button(ZERO).setChecked(True)
    sent_title = form.action.title
    with qtbot.waitSignal(entry.runner.sig_busy_changed, timeout=20000, check_params_cb=lambda busy, _l: not busy):
        assert entry.submit()
        # The answer comes through the event loop, so this happens before it arrives.
        assert entry.select_action(A02)
        form.explanation_edit.setPlainText("Voor actie 2, nog niet verstuurd.")
    dialog = entry.conflict_dialog
    assert dialog is not None and f"‘{sent_title}’" in dialog.text()
    with qtbot.waitSignal(entry.runner.sig_busy_changed, timeout=20000, check_params_cb=lambda busy, _l: not busy):
        dialog.keep_theirs_button.click()
    assert entry.form.action.action_id == A02
    assert form.explanation_edit.toPlainText() == "Voor actie 2, nog niet verstuurd."
    assert entry.unsent() == ["2"]  # action 1's dropped version is not counted as unsent
    assert server.admin.execute("SELECT action_id, status FROM party_statuses").fetchall() == [(A01, "rood")]

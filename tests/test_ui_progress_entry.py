"""Voortgang invullen without a server: the menu hook, the form's choices and the list's sorting.
The behaviour against a real PostgreSQL is in tests/server/test_progress_entry_window.py."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.conftest import open_window
from velsen_desk.core.money import CostStatus, CostValue
from velsen_desk.core.progress import ProgressStatus
from velsen_desk.server.party import PartyAction
from velsen_desk.ui.progress_entry.connect_dialog import SERVER_KEY, USER_KEY, ConnectDialog
from velsen_desk.ui.progress_entry.form import (
    AMOUNT,
    NOT_APPLICABLE,
    TO_BE_DETERMINED,
    ZERO,
    FormError,
    StatusForm,
    spent_choice,
)
from velsen_desk.ui.progress_entry.model import SPENT, STATUS, PartyActionsModel, sorted_model

TODAY = dt.date(2026, 6, 30)


def _action(number: int, status: ProgressStatus | None = None, spent: CostValue | None = None,
            version: int | None = None, peildatum: dt.date | None = None) -> PartyAction:
    return PartyAction(f"velsen-2022.avn.a{number:02d}", number, f"Actie {number}", "velsen-2022.avn",
                       "Velison Wonen", peildatum, status, None, spent, version)


def test_the_menu_item_opens_the_connect_dialog_with_the_remembered_address(qtbot, built_db, settings):
    settings.setValue(SERVER_KEY, "postgresql://db.velsen.nl:5432/velsen")
    settings.setValue(USER_KEY, "velison")
    win = open_window(qtbot, built_db, settings)
    file_menu = win.menuBar().actions()[0].menu()
    assert win.progress_entry.action in file_menu.actions()
    assert win.progress_entry.action.text() == "&Voortgang invullen…"
    win.progress_entry.action.trigger()
    dialog = win.progress_entry.connect_dialog
    assert isinstance(dialog, ConnectDialog) and dialog.isVisible()
    assert dialog.server_edit.text() == "postgresql://db.velsen.nl:5432/velsen"
    assert dialog.user_edit.text() == "velison" and dialog.password_edit.text() == ""
    assert dialog.password_edit.echoMode() is dialog.password_edit.EchoMode.Password
    dialog.reject()


def test_a_password_in_the_address_is_refused_before_anything_is_sent(qtbot, settings):
    dialog = ConnectDialog(_no_runner(), settings)
    qtbot.addWidget(dialog)
    dialog.server_edit.setText("postgresql://velison:geheim@db:5432/velsen")
    dialog.user_edit.setText("velison")
    dialog.password_edit.setText("geheim")
    assert not dialog.start()
    assert "Zet geen wachtwoord in het serveradres" in dialog.message.text()
    assert "geheim" not in dialog.message.text()


def _no_runner():
    from velsen_desk.ui.operations import OperationRunner

    return OperationRunner(None)


@pytest.fixture
def form(qtbot):
    form = StatusForm(TODAY)
    qtbot.addWidget(form)
    form.show_action(_action(1))
    form.status_combo.setCurrentIndex(form.status_combo.findData("groen"))
    return form


def test_euro_zero_nvt_and_nnb_stay_four_different_things(form):
    expected = {
        ZERO: CostValue(CostStatus.AMOUNT, 0, "€ 0"),
        NOT_APPLICABLE: CostValue(CostStatus.NOT_APPLICABLE, None, "n.v.t."),
        TO_BE_DETERMINED: CostValue(CostStatus.TO_BE_DETERMINED, None, "n.n.b."),
    }
    for choice, value in expected.items():
        form.spent_group.button(choice).setChecked(True)
        assert form.submission().spent == value
        assert spent_choice(value) == (choice, "")
    form.spent_group.button(AMOUNT).setChecked(True)
    form.amount_edit.setText("€ 12.500")
    assert form.submission().spent == CostValue(CostStatus.AMOUNT, 12500, "€ 12.500")
    assert spent_choice(CostValue(CostStatus.AMOUNT, 12500, "€ 12.500")) == (AMOUNT, "12.500")


def test_nothing_is_chosen_for_the_user(form):
    form.show_action(_action(2))
    assert form.status() is None and form.spent_group.checkedId() == -1
    with pytest.raises(FormError, match="Kies een status"):
        form.submission()
    form.status_combo.setCurrentIndex(form.status_combo.findData("grijs"))
    with pytest.raises(FormError, match="gerealiseerde uitgave"):
        form.submission()


def test_the_version_read_goes_with_its_own_peildatum_only(form):
    form.show_action(_action(3, ProgressStatus.GROEN, CostValue(CostStatus.NOT_APPLICABLE, None, "n.v.t."), 4, TODAY))
    form.status_combo.setCurrentIndex(form.status_combo.findData("groen"))
    form.spent_group.button(NOT_APPLICABLE).setChecked(True)
    assert form.submission().expected_version == 4
    form.peildatum_edit.setDate(form.peildatum_edit.date().addDays(1))
    assert form.submission().expected_version is None


def test_copy_last_report_fills_the_form_from_the_latest_status(form):
    last = CostValue(CostStatus.AMOUNT, 0, "€ 0")
    form.show_action(_action(4, ProgressStatus.ORANJE, last, 1, dt.date(2026, 3, 31)))
    assert "Laatste opgave: oranje op 31 maart 2026 (versie 1)." == form.last_report.text()
    form.copy_last_button.click()
    assert form.status() is ProgressStatus.ORANJE and form.spent_group.checkedId() == ZERO
    assert form.peildatum() == TODAY  # a new report: the peildatum stays today's


def test_the_list_sorts_spend_as_amount_nvt_nnb_then_no_report(qtbot, qtmodeltester):
    model = PartyActionsModel()
    model.set_actions([
        _action(1),
        _action(2, ProgressStatus.ROOD, CostValue(CostStatus.TO_BE_DETERMINED, None, "n.n.b."), 1, TODAY),
        _action(3, ProgressStatus.GROEN, CostValue(CostStatus.AMOUNT, 0, "€ 0"), 1, TODAY),
        _action(4, ProgressStatus.GRIJS, CostValue(CostStatus.NOT_APPLICABLE, None, "n.v.t."), 1, TODAY),
        _action(5, ProgressStatus.GROEN, CostValue(CostStatus.AMOUNT, 10_000_000_000, "€ 10.000.000.000"), 1, TODAY),
    ])
    qtmodeltester.check(model)
    proxy = sorted_model(model)
    proxy.sort(SPENT, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, SPENT).data() for r in range(5)] == ["€ 10.000.000.000", "€ 0", "n.v.t.", "n.n.b.", "—"]
    proxy.sort(STATUS, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, STATUS).data() for r in range(5)] == ["geen rapportage", "groen", "groen", "rood", "grijs"]


class _FakeSession:
    """Stands in for a PartySession where no server call is made (only close)."""

    user = "velison"
    organisation = "Velison Wonen"
    encrypted = True

    def __init__(self) -> None:
        self.closed = False

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def entry(qtbot):
    from velsen_desk.ui.operations import OperationRunner
    from velsen_desk.ui.progress_entry.entry_dialog import ProgressEntryDialog
    from velsen_desk.ui.progress_entry.jobs import Connected

    session = _FakeSession()
    runner = OperationRunner(None)
    dialog = ProgressEntryDialog(Connected(session, "db:5432/velsen", (_action(1), _action(2)), False),  # type: ignore[arg-type]
                                 runner, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog, session
    runner.wait(5000)


def test_the_header_says_when_the_connection_is_encrypted(entry):
    dialog, _session = entry
    assert dialog.header.text() == "Verbonden met db:5432/velsen als velison (Velison Wonen), versleuteld (TLS)"


def test_typed_progress_survives_switching_actions_and_closing_asks_first(qtbot, entry, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    dialog, session = entry
    dialog.form.explanation_edit.setPlainText("Half getypt.")
    assert dialog.select_action("velsen-2022.avn.a02")
    assert dialog.form.explanation_edit.toPlainText() == ""
    assert dialog.unsent() == ["1"]
    asked: list[str] = []

    def answer(button):
        def question(_parent, _title, text, *_args):
            asked.append(text)
            return button
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    dialog.reject()
    assert dialog.isVisible() and not session.closed
    assert "actie 1 is ingevuld maar niet verstuurd" in asked[0]
    assert dialog.select_action("velsen-2022.avn.a01")
    assert dialog.form.explanation_edit.toPlainText() == "Half getypt."
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    dialog.reject()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: session.closed, timeout=5000)


def test_stoppen_gives_the_dialog_back_at_once_and_a_late_answer_is_dropped(qtbot, settings, monkeypatch):
    import socket

    from velsen_desk.server import connection
    from velsen_desk.ui.operations import OperationRunner

    monkeypatch.setattr(connection, "CONNECT_TIMEOUT_SECONDS", 2)
    silent = socket.socket()  # accepts the TCP connection and never answers: a login that hangs
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    runner = OperationRunner(None)
    dialog = ConnectDialog(runner, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server_edit.setText(f"postgresql://127.0.0.1:{silent.getsockname()[1]}/velsen")
    dialog.user_edit.setText("velison")
    dialog.password_edit.setText("geheim")
    try:
        with qtbot.waitSignal(runner.sig_busy_changed, timeout=20000, check_params_cb=lambda busy, _l: not busy):
            assert dialog.start()
            assert dialog.connecting and not dialog.connect_button.isEnabled()
            dialog.cancel_button.click()  # "Stoppen"
            assert not dialog.connecting and dialog.connect_button.isEnabled()
            assert dialog.message.text() == "Verbinden afgebroken."
    finally:
        silent.close()
    # The login timed out later; that answer is not shown over the user's cancel.
    assert dialog.message.text() == "Verbinden afgebroken."
    assert dialog.isVisible()

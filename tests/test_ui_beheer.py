"""The window's Beheer menu for the griffie: hidden for a raadslid, shown (and kept) in griffie
mode; export, import with problems by cell and the changes before writing, replacing a party's
report on request, the forms of every trekker, build and publish; all of it in workers, with
cancel, and a failure that changes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import open_window
from tests.progress_fixtures import PLAN
from velsen_desk.cli.main import main
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.workbook import apply

BUNDLED = bundled_data_dir()
TIMEOUT = 120_000  # a slow, shared machine: the work is seconds, the wait is a bound only


def _column(ws, header: str) -> int:
    return next(int(c.column) for c in ws[1] if c.value == header)


def _form(tmp_path: Path, status: str = "groen", extra_action: str | None = None) -> Path:
    form = tmp_path / "velison.xlsx"
    if not form.exists():
        assert main(["monitor-template", "-o", str(form), "--plan", PLAN, "--peildatum", "2026-06-30",
                     "--trekker", "Velison Wonen"]) == 0
    book = openpyxl.load_workbook(form)
    ws = book["Voortgang per actie"]
    rows = [r[0].row for r in ws.iter_rows(min_row=2) if r[0].value]
    if extra_action is not None:
        report = ws.cell(row=rows[0], column=_column(ws, "Rapportage")).value
        number = rows[-1] + 1
        ws.cell(row=number, column=_column(ws, "Id")).value = f"{report}.extra"
        ws.cell(row=number, column=_column(ws, "Rapportage")).value = report
        ws.cell(row=number, column=_column(ws, "Actie")).value = extra_action
        rows.append(number)
    for number in rows:
        ws.cell(row=number, column=_column(ws, "Status")).value = status
        ws.cell(row=number, column=_column(ws, "Besteed")).value = "n.n.b."
        ws.cell(row=number, column=_column(ws, "Besteed zoals gedrukt")).value = "n.n.b."
    book.save(form)
    return form


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "gegevens"
    shutil.copytree(BUNDLED, data)
    return data


@pytest.fixture
def griffie(qtbot, built_db: Path, settings, folder: Path):
    """The window in griffie mode with a data folder chosen."""
    win = open_window(qtbot, built_db, settings)
    win.beheer.set_griffie_mode(True)
    win.beheer.set_data_folder(folder)
    yield win
    win.beheer.wait(30000)


def _wait_message(qtbot, win) -> str:
    with qtbot.waitSignal(win.beheer.sig_message, timeout=TIMEOUT) as blocker:
        pass
    return str(blocker.args[0])


def test_the_beheer_menu_is_for_the_griffie_only_and_kept(qtbot, built_db: Path, settings):
    win = open_window(qtbot, built_db, settings)
    menu = win.beheer.menu
    titles = [a.text() for a in win.menuBar().actions()]
    assert titles == ["&Bestand", "B&eeld", "&Rapporten", "&Help"]  # a raadslid does not see it
    assert win.beheer.griffie_action in win.menuBar().actions()[0].menu().actions()  # Bestand → Griffiemodus
    win.beheer.griffie_action.trigger()
    assert [a.text() for a in win.menuBar().actions()] == ["&Bestand", "B&eeld", "&Rapporten", "Be&heer", "&Help"]
    assert menu.menuAction().isVisible()
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Werkmap &exporteren…", "Werkmap &inlezen…", "&Voortgangsformulieren maken…",
        "Database &bouwen en publiceren…", "&Gegevensmap kiezen…"]
    win.close()
    again = open_window(qtbot, built_db, settings)  # the choice is kept in the settings
    assert again.beheer.griffie_mode and again.beheer.menu.menuAction() in again.menuBar().actions()
    again.beheer.set_griffie_mode(False)
    assert again.beheer.menu.menuAction() not in again.menuBar().actions()
    assert settings.value("beheer/griffiemodus") in (False, "false")


def test_export_writes_a_workbook_as_excel_reads_it(qtbot, griffie, tmp_path: Path):
    out = tmp_path / "werkmap.xlsx"
    griffie.beheer.export_workbook(out)
    assert griffie.beheer.progress_dialog is not None and not griffie.beheer.export_action.isEnabled()
    message = _wait_message(qtbot, griffie)
    assert message == f"Werkmap geschreven: {out}"
    book = openpyxl.load_workbook(out)
    acties = book["Acties"]
    assert acties.freeze_panes == "B2" and acties.data_validations.dataValidation
    assert griffie.beheer.export_action.isEnabled()


def test_export_cancelled_writes_nothing(qtbot, griffie, tmp_path: Path):
    out = tmp_path / "werkmap.xlsx"
    griffie.beheer.export_workbook(out)
    from PySide6.QtWidgets import QPushButton

    button = griffie.beheer.progress_dialog.findChild(QPushButton)
    assert button.text() == "Annuleren"
    button.click()  # the work stops at its next check
    assert _wait_message(qtbot, griffie) == "Geannuleerd; er is niets gewijzigd."
    assert not out.exists()


def test_import_shows_problems_by_cell_and_writes_nothing(qtbot, griffie, folder: Path, tmp_path: Path):
    form = _form(tmp_path, extra_action=f"{PLAN}.a05")
    before = _files(folder)
    dialog = griffie.beheer.open_import([form])
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=TIMEOUT)
    (line,) = dialog.problem_lines()
    workbook, sheet, row, column, message = line.split(" | ")
    assert (workbook, sheet, column) == ("velison.xlsx", "Voortgang per actie", f"Actie (C{row})")
    assert message.startswith(f"actie ‘{PLAN}.a05’ wordt getrokken door ")
    assert "dit formulier is alleen voor de acties van Velison Wonen" in message
    assert dialog.problem_detail.text().startswith(f"velison.xlsx: Blad Voortgang per actie, rij {row}, kolom Actie")
    assert not dialog.import_button.isEnabled() and not dialog.replace_box.isVisible()
    assert _files(folder) == before


def test_import_shows_the_changes_then_writes_on_confirmation(qtbot, griffie, folder: Path, tmp_path: Path):
    form = _form(tmp_path)
    before = _files(folder)
    dialog = griffie.beheer.open_import([form])
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=TIMEOUT)
    assert dialog.problem_lines() == [] and dialog.import_button.isEnabled()
    assert dialog.model.rowCount() > 0  # the changes, as "Wat is er veranderd" shows them
    assert _files(folder) == before  # nothing before the griffie confirms
    with qtbot.waitSignal(dialog.sig_written, timeout=TIMEOUT):
        dialog.confirm()
    assert dialog.publish_button.isVisible()
    (report,) = load_dataset([folder]).progress_reports
    assert report.reported_by == "Velison Wonen"
    # the same party again on that peildatum: refused until the griffie chooses to replace
    _form(tmp_path, status="afgerond")
    dialog.check([form])
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=TIMEOUT)
    assert dialog.preview.replaceable and dialog.replace_box.isVisible() and not dialog.import_button.isEnabled()
    assert "er is al een voortgangsrapportage van Velison Wonen" in dialog.problem_lines()[0]
    dialog.replace_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.replace, timeout=TIMEOUT)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.sig_written, timeout=TIMEOUT):
        dialog.confirm()
    dataset = load_dataset([folder])
    assert len(dataset.progress_reports) == 1
    assert {e.status.value for e in dataset.progress_entries} == {"afgerond"}


def test_a_failed_import_write_leaves_the_folder_as_it_was(qtbot, griffie, folder: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    form = _form(tmp_path)
    dialog = griffie.beheer.open_import([form])
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=TIMEOUT)
    before = _files(folder)

    def full(target: Path, payload: bytes, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(apply, "write_atomic", full)
    dialog.confirm()
    qtbot.waitUntil(lambda: "De gegevensmap is ongewijzigd." in dialog.summary.text(), timeout=TIMEOUT)
    assert dialog.summary.text().startswith(f"Kan niet schrijven in {folder} (")
    assert _files(folder) == before


def test_an_import_check_on_a_full_temporary_folder_says_so(qtbot, griffie, folder: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch):
    # the comparison's two databases are built in the temporary folder: a full one is named as
    # such, not shown as an unexpected error
    from velsen_desk.core.os_errors import describe_os_error
    from velsen_desk.storage import build

    def full(_dataset: object, out: Path, **_kwargs: object) -> None:
        raise OSError(28, describe_os_error(OSError(28, "")), str(out))

    monkeypatch.setattr(build, "build_database", full)
    before = _files(folder)
    dialog = griffie.beheer.open_import([_form(tmp_path)])
    qtbot.waitUntil(lambda: "er is niets geschreven" in dialog.summary.text(), timeout=TIMEOUT)
    assert dialog.summary.text() == (
        "De wijzigingen kunnen niet bepaald worden (de schijf is vol); er is niets geschreven.")
    assert dialog.preview is None and not dialog.import_button.isEnabled()
    assert _files(folder) == before


def test_forms_for_every_trekker_from_the_window(qtbot, griffie, tmp_path: Path):
    out = tmp_path / "formulieren"
    out.mkdir()
    dialog = griffie.beheer.open_forms()
    qtbot.waitUntil(lambda: dialog.plan_combo.count() > 0, timeout=TIMEOUT)
    dialog.plan_combo.setCurrentIndex(dialog.plan_combo.findData(PLAN))
    dialog.folder_edit.setText(str(out))
    from PySide6.QtCore import QDate

    dialog.peildatum.setDate(QDate(2026, 6, 30))
    assert dialog.make_button.isEnabled()
    dialog.make()
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=TIMEOUT)
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == len(dialog.made.forms) > 1
    assert "monitor-velsen-2022-avn-2026-06-30-velison-wonen.xlsx" in names
    assert dialog.summary.text().startswith(f"{len(names)} formulieren geschreven:")
    assert "Velison Wonen" in dialog.summary.text()


def test_build_and_publish_puts_a_verified_version_on_the_share(qtbot, griffie, tmp_path: Path):
    share = tmp_path / "share"
    share.mkdir()
    with qtbot.waitSignal(griffie.beheer.sig_published, timeout=TIMEOUT):
        griffie.beheer.build_and_publish(share, confirm=False)
    manifest = json.loads((share / "velsen-desk-manifest.json").read_text())
    assert (share / manifest["file"]).is_file()
    assert griffie.beheer.last_message.startswith(f"Gepubliceerd: {manifest['file']}")


def test_publish_to_a_missing_share_changes_nothing(qtbot, griffie, tmp_path: Path):
    share = tmp_path / "weg"
    griffie.beheer.build_and_publish(share, confirm=False)
    assert _wait_message(qtbot, griffie) == f"De gedeelde map {share} is niet bereikbaar."
    assert not share.exists()
    griffie.beheer.build_and_publish(confirm=False)  # none configured
    assert _wait_message(qtbot, griffie).startswith("Er is geen gedeelde map ingesteld")


def test_instellingen_switches_the_griffie_mode_on_and_off(qtbot, built_db: Path, settings):
    """The griffie mode is also a choice in Instellingen: saving it shows or hides the menu Beheer
    and keeps the choice; cancelling changes nothing."""
    win = open_window(qtbot, built_db, settings)
    dialog = win.sync.open_settings()
    assert dialog.griffie_box is not None and not dialog.griffie_box.isChecked()
    dialog.griffie_box.setChecked(True)
    dialog.reject()
    assert not win.beheer.griffie_mode
    dialog = win.sync.open_settings()
    dialog.griffie_box.setChecked(True)
    dialog.accept()
    assert win.beheer.griffie_mode and win.beheer.menu.menuAction() in win.menuBar().actions()
    assert settings.value("beheer/griffiemodus") in (True, "true")
    dialog = win.sync.open_settings()
    assert dialog.griffie_box.isChecked()
    dialog.griffie_box.setChecked(False)
    dialog.accept()
    assert not win.beheer.griffie_mode and win.beheer.menu.menuAction() not in win.menuBar().actions()

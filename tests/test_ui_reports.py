"""The report dialog: made off the GUI thread, previewed with QtPdf, saved and printed without
real modal dialogs; errors in Dutch; Ctrl+P picks the report of the open tab."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from velsen_desk.reports.service import ReportRequest
from velsen_desk.reports.work import default_file_name, make_report
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.ui.operations import OperationRunner
from velsen_desk.ui.reports import pdf_panel as pdf_panel_module
from velsen_desk.ui.reports.dialog import Choice, ReportDialog

TODAY = dt.date(2026, 11, 24)


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join((p.extract_text() or "") for p in PdfReader(path).pages).replace("\xa0", " "))


@pytest.fixture
def runner(qtbot, built_db):
    runner = OperationRunner(ReadOnlyDatabase(built_db))
    yield runner
    runner.wait(10000)


@pytest.fixture
def make_dialog(qtbot, runner):
    def _make(kind: str = "budget", **kw) -> ReportDialog:
        dialog = ReportDialog(
            runner,
            programmes=[Choice("velsen-2022", "Velsen 2022–2026"), Choice("heemskerk-2018", "Heemskerk 2018–2022")],
            programme_id=kw.pop("programme_id", "velsen-2022"),
            people={"velsen-2022": [Choice("marianne-steijn", "Marianne Steijn")]},
            kind=kind, today=TODAY, **kw,
        )
        qtbot.addWidget(dialog)
        return dialog

    return _make


def generate(qtbot, dialog: ReportDialog):
    with qtbot.waitSignal(dialog.sig_preview_ready, timeout=20000) as blocker:
        assert dialog.generate()
        assert dialog.busy and not dialog.generate_button.isEnabled() and not dialog.pdf.save_button.isEnabled()
    return blocker.args[0]


def test_worker_reads_the_windows_database(built_db, tmp_path):
    """The Qt-free part: the report is made from the database the window has open (the
    default local database does not exist in this test's home)."""
    request = ReportRequest(kind="portfolio", output=tmp_path / "p.pdf", today=TODAY)
    result = make_report(ReadOnlyDatabase(built_db), request)
    assert result.pages > 0 and result.path.is_file()
    assert default_file_name("annex", TODAY) == "bijlage-2026-11-24.pdf"
    assert default_file_name("regie", TODAY, "Marianne Steijn") == "regie-marianne-steijn-2026-11-24.pdf"


def test_budget_preview_has_pages_and_the_figures(qtbot, make_dialog):
    dialog = make_dialog("budget")
    result = generate(qtbot, dialog)
    assert not dialog.busy
    assert dialog.pdf.preview.page_count == result.pages > 0
    assert "€ 326.000" in pdf_text(result.path)
    assert dialog.pdf.save_button.isEnabled() and dialog.pdf.print_button.isEnabled()
    assert not dialog.pdf.open_button.isEnabled()  # nothing saved yet
    assert "pagina’s" in dialog.pdf.pages_label.text()


def test_annex_without_meeting_title_is_explained_in_dutch(qtbot, make_dialog):
    """The form does not judge the request: the report service does, and its Dutch message shows."""
    dialog = make_dialog("annex")
    assert not dialog.form.annex_box.isHidden()
    dialog.form.meeting_edit.setText("   ")
    with qtbot.waitSignal(dialog.sig_failed, timeout=20000) as blocker:
        assert dialog.generate()
    assert "titel van de vergadering" in dialog.message and blocker.args[0] == dialog.message
    assert "--" not in dialog.message  # the form's words, not the command line's
    assert "Traceback" not in dialog.message and not dialog.busy
    assert dialog.generate_button.isEnabled() and not dialog.pdf.save_button.isEnabled()


def test_a_missing_meeting_title_is_logged_as_a_warning_without_traceback(qtbot, make_dialog, caplog):
    dialog = make_dialog("annex")
    dialog.form.meeting_edit.setText("   ")
    caplog.set_level("DEBUG", logger="velsen_desk")
    with qtbot.waitSignal(dialog.sig_failed, timeout=20000):
        assert dialog.generate()
    failures = [r for r in caplog.records if r.name == "velsen_desk.ui.operations"]
    assert failures and all(r.levelname == "WARNING" and r.exc_info is None for r in failures)
    assert not [r for r in caplog.records if r.levelno >= 40]


def test_service_error_from_the_worker_is_shown_in_dutch(qtbot, make_dialog):
    """Heemskerk has no action plan: the ReportError raised in the worker appears in the dialog."""
    dialog = make_dialog("budget", programme_id="heemskerk-2018")
    with qtbot.waitSignal(dialog.sig_failed, timeout=20000) as blocker:
        dialog.generate()
    assert "geen actieplan" in blocker.args[0] and "geen actieplan" in dialog.message
    assert not dialog.busy and dialog.generate_button.isEnabled() and not dialog.pdf.save_button.isEnabled()


def test_annex_request_uses_meeting_details_and_sections_in_order(make_dialog):
    dialog = make_dialog("annex", person_id="marianne-steijn")
    form = dialog.form
    form.meeting_edit.setText("Raadsvergadering")
    form.date_edit.setDate(QDate(2026, 11, 24))
    form.agenda_edit.setText("7")
    form.section_boxes["portfolio"].setChecked(False)
    form.section_boxes["regie"].setChecked(True)
    request = dialog.request()
    assert (request.meeting, request.date, request.agenda_item) == ("Raadsvergadering", "2026-11-24", "7")
    assert request.items == ("themes", "budget", "timeline", "regie")
    assert request.person == "marianne-steijn"
    assert dialog.default_file_name() == "bijlage-2026-11-24.pdf"
    assert form.date_edit.text() == "24-11-2026"
    form.person_combo.setCurrentIndex(0)  # no person: the regie section is not possible
    assert not form.section_boxes["regie"].isEnabled()
    assert "regie" not in dialog.request().items


def test_save_copies_the_previewed_file_and_open_uses_it(qtbot, make_dialog, tmp_path, monkeypatch):
    dialog = make_dialog("budget")
    result = generate(qtbot, dialog)
    asked: list[str] = []

    def fake_save(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(tmp_path / "mijn-begroting"), ""

    monkeypatch.setattr(pdf_panel_module.QFileDialog, "getSaveFileName", staticmethod(fake_save))
    opened: list[str] = []
    monkeypatch.setattr(pdf_panel_module.QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url) or True))
    saved = dialog.save()
    assert saved == tmp_path / "mijn-begroting.pdf"
    assert saved.read_bytes() == result.path.read_bytes()
    assert Path(asked[0]).name == "begroting-actieplan-2026-11-24.pdf"
    assert dialog.pdf.open_button.isEnabled()
    dialog.pdf.open_button.click()
    assert opened[0].toLocalFile() == str(saved)


def test_print_renders_every_page_through_the_print_dialog(qtbot, make_dialog, tmp_path, monkeypatch):
    dialog = make_dialog("timeline")
    result = generate(qtbot, dialog)
    out = tmp_path / "afdruk.pdf"

    class FakePrintDialog:
        def __init__(self, printer: QPrinter, _parent):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))
            printer.setResolution(72)

        def setWindowTitle(self, _title): ...
        def setMinMax(self, _lo, _hi): ...
        def setOption(self, _option, _on): ...

        def exec(self):
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_panel_module, "QPrintDialog", FakePrintDialog)
    assert dialog.print_report() == result.pages
    assert len(PdfReader(out).pages) == result.pages


def test_changing_a_choice_makes_the_preview_stale(qtbot, make_dialog):
    dialog = make_dialog("portfolio")
    generate(qtbot, dialog)
    assert dialog.pdf.save_button.isEnabled()
    dialog.form.set_programme("heemskerk-2018")  # same kind: the user makes it again when ready
    assert not dialog.pdf.save_button.isEnabled() and "opnieuw" in dialog.message


def test_changing_the_kind_makes_the_preview_of_the_new_kind(qtbot, make_dialog):
    dialog = make_dialog("portfolio")
    first = generate(qtbot, dialog)
    with qtbot.waitSignal(dialog.sig_preview_ready, timeout=20000) as blocker:
        dialog.set_kind("budget")  # the old portfolio pages must not stay on show
    made = blocker.args[0]
    assert made.path != first.path and "Begroting" in pdf_text(made.path)
    assert dialog.result_ is made and dialog.pdf.save_button.isEnabled()
    assert dialog.windowTitle() == "Rapport maken"  # named like the other dialogs


def test_ctrl_p_on_the_budget_tab_preselects_budget(qtbot, window):
    actions = window.report_actions
    assert actions.view_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert [a.text() for a in actions.menu.actions() if a.text()][1:] == [
        "&Thema’s…", "&Regie van een collegelid…", "&Portefeuilleverdeling…", "&Begroting Actieplan…",
        "P&lanning Actieplan…", "&Voortgang Actieplan…", "&Agendabijlage…",
        "Persoonlijke voorbereiding (uit mijn &notities)…"]
    assert actions.menu.menuAction() in window.menuBar().actions()
    window.select_tab("budget")
    with qtbot.waitSignal(window.runner.sig_busy_changed, timeout=20000, check_params_cb=lambda busy, _l: not busy):
        actions.view_action.trigger()
    dialog = actions.dialog
    assert dialog is not None and dialog.kind == "budget"
    assert dialog.form.programme_combo.currentData() == window.programme_combo.currentData()
    qtbot.waitUntil(lambda: dialog.pdf.preview.page_count > 0, timeout=20000)
    dialog.close()


def test_dialog_defaults_to_the_windows_programme_and_person(qtbot, window):
    window.select_tab("portfolio")
    person = window.person_combo.itemData(1)
    window.select_person(person)
    dialog = window.report_actions.open_dialog("annex")
    assert dialog.kind == "annex" and not dialog.busy  # an annex waits for the meeting title
    assert dialog.form.person_combo.currentData() == person
    assert window.report_actions.kind_for_current_tab() == "portfolio"
    dialog.close()


def test_cancel_returns_to_the_form_and_writes_no_file(qtbot, make_dialog, monkeypatch):
    import threading

    from velsen_desk.reports import service

    # The worker waits inside the page layout until the user has clicked cancel, so the cancel
    # always arrives before the file would be written (a fast machine would otherwise finish first).
    clicked = threading.Event()
    real_render = service.render_parts

    def render_after_click(*args, **kwargs):
        clicked.wait(20)
        return real_render(*args, **kwargs)

    monkeypatch.setattr(service, "render_parts", render_after_click)
    dialog = make_dialog("timeline")
    assert dialog.cancel_button.isHidden()
    with qtbot.waitSignal(dialog.sig_progress, timeout=20000):
        assert dialog.generate()
        assert not dialog.cancel_button.isHidden() and not dialog.form.isEnabled()
    output = Path(dialog._task_output)
    previews: list[object] = []
    dialog.sig_preview_ready.connect(previews.append)
    with qtbot.waitSignal(dialog.sig_cancelled):
        dialog.cancel_button.click()
        clicked.set()
    assert not dialog.busy and dialog.cancel_button.isHidden() and dialog.form.isEnabled()
    assert dialog.generate_button.isEnabled() and "geannuleerd" in dialog.message
    qtbot.waitUntil(lambda: not dialog._runner.busy, timeout=20000)
    assert previews == [] and not output.exists() and dialog.result_ is None
    assert not dialog.pdf.save_button.isEnabled()
    monkeypatch.setattr(service, "render_parts", real_render)
    generate(qtbot, dialog)  # and the next one is made as usual
    assert dialog.pdf.save_button.isEnabled()


def test_form_offers_the_registry_kinds_and_enables_fields_from_their_needs(make_dialog):
    from velsen_desk.core.report_kinds import REPORT_KINDS

    dialog = make_dialog("themes")
    form = dialog.form
    assert [form.kind_combo.itemData(i) for i in range(form.kind_combo.count())] == [
        k.id for k in REPORT_KINDS if k.in_dialog]
    assert form.kind_combo.itemText(0) == "Thema’s en regie"
    assert form.annex_box.isHidden() and not form.person_combo.isEnabled()
    form.set_kind("regie")
    assert form.person_combo.isEnabled() and form.annex_box.isHidden()
    form.set_kind("annex")
    assert form.person_combo.isEnabled() and not form.annex_box.isHidden()
    assert not form.section_boxes["regie"].isEnabled()  # needs a person; none chosen
    form.person_combo.setCurrentIndex(form.person_combo.findData("marianne-steijn"))
    assert form.section_boxes["regie"].isEnabled()


def test_page_buttons_move_through_the_preview(qtbot, make_dialog):
    dialog = make_dialog("timeline")
    assert not dialog.pdf.next_button.isEnabled()  # nothing to page through yet
    result = generate(qtbot, dialog)
    assert result.pages > 1 and dialog.pdf.preview.current_page == 0
    dialog.pdf.next_button.click()
    assert dialog.pdf.preview.current_page == 1
    dialog.pdf.previous_button.click()
    dialog.pdf.previous_button.click()  # not before the first page
    assert dialog.pdf.preview.current_page == 0


def test_the_last_annex_section_cannot_be_unticked(make_dialog):
    dialog = make_dialog("annex")
    boxes = dialog.form.section_boxes
    for key in ("themes", "portfolio", "budget"):
        boxes[key].setChecked(False)
    assert boxes["timeline"].isChecked() and not boxes["timeline"].isEnabled()
    assert dialog.request().items == ("timeline",)
    boxes["budget"].setChecked(True)
    assert boxes["timeline"].isEnabled()


def test_voortgang_has_a_peildatum_field_that_reaches_the_report(qtbot, make_dialog):
    """The dialog's peildatum is the CLI's --peildatum: the report shows the status on that day."""
    dialog = make_dialog("budget")
    form = dialog.form
    assert form.peildatum_edit.isHidden() and dialog.request().peildatum is None
    form.set_kind("voortgang")
    assert not form.peildatum_edit.isHidden()
    form.peildatum_edit.setDate(QDate(2025, 3, 31))
    assert form.peildatum_edit.text() == "31-03-2025"
    assert dialog.request().peildatum == "2025-03-31"
    result = generate(qtbot, dialog)
    assert "Stand op 31 maart 2025" in pdf_text(result.path)
    form.set_kind("annex")  # the annex only when its voortgang section is chosen
    assert form.peildatum_edit.isHidden() and dialog.request().peildatum is None
    form.section_boxes["voortgang"].setChecked(True)
    assert not form.peildatum_edit.isHidden() and dialog.request().peildatum == "2025-03-31"

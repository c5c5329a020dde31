"""The English window speaks English in the domain's words too (cost texts, the "klopt met
document" check, progress statuses, dates and amounts), while a report made from the same
process stays Dutch, and Dutch comes back when Dutch is chosen again (issue 15)."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import open_window
from progress_fixtures import PROGRESS_YAML, write_progress
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage.build import build_database
from velsen_desk.ui.budget.model import CHECK, COST
from velsen_desk.ui.language import LANGUAGE_KEY, Language, install_translation, window_locale
from velsen_desk.ui.progress.view import HISTORY, NUMBER, PLANNING, STATUS

TODAY = dt.date(2025, 8, 1)  # after the synthetic July report


@pytest.fixture(scope="module")
def progress_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("english-progress")
    return build_database(load_dataset([bundled_data_dir(), write_progress(folder / "x", PROGRESS_YAML)]),
                          folder / "x.sqlite").path


@pytest.fixture
def speak(tmp_path) -> Iterator[Callable[[Language], None]]:
    """Install the catalogues for a language as the application does at start-up, replacing
    the ones a previous call installed (Qt asks every installed catalogue in turn, so an English
    one left behind would still answer what the Dutch one has no entry for)."""
    app = QApplication.instance()
    installed: list = []

    def _speak(choice: Language) -> None:
        while installed:
            app.removeTranslator(installed.pop())
        settings = QSettings(str(tmp_path / f"{choice.value}.ini"), QSettings.Format.IniFormat)
        settings.setValue(LANGUAGE_KEY, choice.value)
        installed.extend(install_translation(app, settings))

    yield _speak
    while installed:
        app.removeTranslator(installed.pop())


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join((p.extract_text() or "") for p in PdfReader(path).pages).replace("\xa0", " "))


def _budget_texts(window) -> tuple[str, list[str], list[str]]:
    window.select_tab("budget")
    tab = window.budget_tab
    tab.ensure_drawn()
    model = tab.model
    plan = model.index(0, 0)
    costs = [model.index(r, COST, model.index(f, 0, plan)).data() for f in range(model.rowCount(plan))
             for r in range(model.rowCount(model.index(f, 0, plan)))]
    checks = [model.index(f, CHECK, plan).data() for f in range(model.rowCount(plan))]
    return tab.summary.text(), costs, checks


def _progress_rows(window) -> tuple[str, list[str], dict[str, tuple[str, str, str]]]:
    window.select_tab("progress")
    tab = window.progress_tab
    tab.ensure_drawn()
    # The rows, the column widths and then the header come over several event-loop turns (and
    # wait while a worker runs): one turn after the workers was not always enough under load.
    deadline = time.monotonic() + 20
    while (window.runner.busy or tab.header.text().endswith("…")) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    headings, rows = [], {}
    for i in range(tab.tree.topLevelItemCount()):
        top = tab.tree.topLevelItem(i)
        headings.append(top.text(0))
        for j in range(top.childCount()):
            row = top.child(j)
            rows[row.text(NUMBER)] = (row.text(STATUS), row.text(PLANNING), row.toolTip(HISTORY))
    return tab.header.text(), headings, rows


def test_english_window_shows_the_domains_words_dates_and_amounts_in_english(qtbot, built_db, settings, speak):
    speak(Language.ENGLISH)
    assert window_locale().code == "en"
    window = open_window(qtbot, built_db, settings)
    summary, costs, checks = _budget_texts(window)
    assert "€691,000 + 1 item TBD" in summary and "✓ agrees with document (€691,000)" in summary
    assert "klopt" not in summary and "post" not in summary and "n.n.b." not in summary
    assert "n/a" in costs and "€25,000" in costs and not {"n.v.t.", "€ 25.000"} & set(costs)
    assert any((c or "").startswith("✓ agrees with document") for c in checks), checks
    assert not any("klopt" in (c or "") for c in checks)
    # the status bar's source document dates
    assert "20 June 2022" in window.data_label.text() and "juni" not in window.data_label.text()
    window.runner.wait(5000)


def test_english_budget_figures_and_checks_stay_in_view_at_1280(qtbot, built_db, settings, speak):
    """The check stands beside the cost it checks, and the text columns give way: at 1280×720
    every total and its "✓ agrees with document (…)" are in view without scrolling sideways; with
    the search panel open the totals still are."""
    from velsen_desk.ui.budget.model import TITLE

    speak(Language.ENGLISH)
    window = open_window(qtbot, built_db, settings)
    assert window.width() == 1280
    window.select_tab("budget")
    tab = window.budget_tab
    tab.ensure_drawn()
    qtbot.wait(50)
    header, room = tab.tree.header(), tab.tree.viewport().width()

    def right(column: int) -> int:
        return header.sectionViewportPosition(column) + header.sectionSize(column)

    assert header.visualIndex(CHECK) == header.visualIndex(COST) + 1
    assert right(CHECK) <= room and right(COST) <= room
    wide_title = header.sectionSize(TITLE)
    window.search.dock.setVisible(True)
    qtbot.waitUntil(lambda: tab.tree.viewport().width() < room)
    qtbot.waitUntil(lambda: header.sectionSize(TITLE) < wide_title)
    assert right(COST) <= tab.tree.viewport().width()
    window.runner.wait(5000)


def test_english_progress_and_timeline_and_then_a_dutch_report_from_the_same_process(
        qtbot, progress_db, settings, speak, tmp_path):
    speak(Language.ENGLISH)
    window = open_window(qtbot, progress_db, settings, TODAY)
    header, headings, rows = _progress_rows(window)
    assert rows["7"][0] == "red" and rows["7"][1] == "late"
    assert rows["11"][0] == "green"
    assert rows["11"][2] == "1 January 2025: amber\n1 July 2025: green"
    assert rows["1"][0] == "no report"
    assert "1 August 2025" in header and "reporting date 1 July 2025" in header and "augustus" not in header
    assert "red 1" in header and "rood" not in header
    # A focusopgave whose actions all cost n.v.t. plans no € 0.
    assert headings[0].startswith("Focus task 1: Balans vragers en dragers — planned n/a; spent ")
    window.select_tab("timeline")
    tab = window.timeline_tab
    tab.ensure_drawn()
    qtbot.waitUntil(lambda: tab.progress is not None, timeout=20000)
    side = tab.side_text()
    assert "1 July 2025" in side and "juli" not in side
    assert "green" in side and "no report" in side and "geen rapportage" not in side
    layout = tab.layout_data
    assert layout is not None
    assert {r.status_text for r in layout.rows if r.action and r.action.number == 7} == {"red · late"}
    # A report made now, in this process, by the window's own report worker, is Dutch.
    dialog = window.report_actions.open_dialog("budget", generate=False)  # deleted on close
    with qtbot.waitSignal(dialog.sig_preview_ready, timeout=60000) as blocker:
        assert dialog.generate()
    text = pdf_text(blocker.args[0].path)
    assert "€ 691.000" in text and "klopt met document" in text and "n.v.t." in text
    assert "agrees" not in text and "€691,000" not in text and "TBD" not in text
    dialog.close()
    window.runner.wait(10000)


def test_a_progress_report_made_beside_an_english_window_is_dutch(qtbot, progress_db, settings, speak, tmp_path):
    from velsen_desk.reports.service import ReportRequest
    from velsen_desk.reports.work import make_report
    from velsen_desk.storage.database import ReadOnlyDatabase

    speak(Language.ENGLISH)
    window = open_window(qtbot, progress_db, settings, TODAY)
    _header, _headings, rows = _progress_rows(window)
    assert rows["7"][0] == "red"
    request = ReportRequest(kind="voortgang", output=tmp_path / "v.pdf", today=TODAY)
    text = pdf_text(make_report(ReadOnlyDatabase(progress_db), request).path)
    assert "rood" in text and "1 juli 2025" in text and "gepland n.v.t." in text
    assert "red" not in text.split() and "July" not in text and "planned" not in text
    assert "gepland € 0" not in text
    window.runner.wait(10000)


def test_choosing_dutch_again_restores_dutch(qtbot, built_db, progress_db, settings, speak):
    speak(Language.ENGLISH)
    english = open_window(qtbot, built_db, settings)
    assert "✓ agrees with document" in _budget_texts(english)[0]
    english.runner.wait(5000)
    english.close()
    speak(Language.DUTCH)
    assert window_locale().code == "nl"
    window = open_window(qtbot, progress_db, settings, TODAY)
    summary, costs, _checks = _budget_texts(window)
    assert "€ 691.000 + 1 post n.n.b." in summary and "✓ klopt met document (€ 691.000)" in summary
    assert "n.v.t." in costs and "€ 25.000" in costs
    assert "20 juni 2022" in window.data_label.text()
    header, headings, rows = _progress_rows(window)
    assert rows["7"][:2] == ("rood", "te laat")
    assert rows["11"][2] == "1 januari 2025: oranje\n1 juli 2025: groen"
    assert "1 augustus 2025" in header
    assert headings[0].startswith("Focusopgave 1: Balans vragers en dragers — gepland n.v.t.; gerealiseerd ")
    window.runner.wait(5000)


def _model_lines(model) -> list[str]:
    lines = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            lines.append(" | ".join(model.index(r, c, group).data() or "" for c in range(model.columnCount())))
    return lines


def test_english_window_says_what_changed_in_english(qtbot, built_db, progress_db, settings, speak, tmp_path):
    """"Wat is er veranderd" and the rollback preview: the field, change and status words, the
    dates and the amounts follow the window's language; the data (titles) stays as it is."""
    import shutil
    import sqlite3
    from contextlib import closing

    from velsen_desk.storage.database import inspect_database
    from velsen_desk.sync.sync import kept_name, versions_dir

    local = tmp_path / "local" / "velsen-desk.sqlite"
    local.parent.mkdir()
    shutil.copyfile(progress_db, local)
    with closing(sqlite3.connect(local)) as conn, conn:  # € 25.000 -> n.v.t.
        conn.execute("UPDATE actions SET cost_status = 'nvt', cost_amount = NULL, cost_text = 'n.v.t.' "
                     "WHERE id = 'velsen-2022.avn.a06'")
    versions_dir(local).mkdir()
    shutil.copyfile(built_db, versions_dir(local) / kept_name(inspect_database(built_db).data_version))
    speak(Language.ENGLISH)
    window = open_window(qtbot, local, settings, TODAY)
    dialog = window.sync.show_changes()
    qtbot.waitUntil(lambda: bool(dialog.change_lines()), timeout=20000)
    lines = dialog.change_lines()
    assert "Action 6: Herinrichting ventweg Wijkerstraatweg | changed: costs | €25,000 | n/a" in "\n".join(lines), lines
    assert ("Action 11: Inzet extra BOA | changed: progress | no status yet | green, reporting date 1 July 2025"
            in "\n".join(lines)), lines
    dutch = {"gewijzigd", "kosten", "voortgang", "peildatum", "n.v.t.", "juli", "groen", "Actie"}
    assert not [line for line in lines if dutch & set(re.split(r"[\s|,:]+", line))], lines
    dialog.close()
    rollback = window.sync.open_rollback()
    qtbot.waitUntil(rollback.restore_button.isEnabled, timeout=20000)
    back = _model_lines(rollback.model)
    # The preview's columns as in "Wat is er veranderd": item and change readable, old and new equally wide.
    header = rollback.tree.header()
    assert header.sectionSize(0) >= 300 and header.sectionSize(1) >= 150
    assert header.sectionSize(2) == header.sectionSize(3) >= 150
    assert "Action 6: Herinrichting ventweg Wijkerstraatweg | changed: costs | n/a | €25,000" in back, back
    assert not [line for line in back if dutch & set(re.split(r"[\s|,:]+", line))], back
    rollback.close()
    window.sync.wait(10000)
    window.runner.wait(10000)


def test_english_window_names_the_offices_in_english(qtbot, built_db, settings, speak):
    """Heemskerk's college: the schema's offices (burgemeester, wethouder) are words of the
    domain, like the progress statuses; the names and parties stay as the source prints them."""
    speak(Language.ENGLISH)
    window = open_window(qtbot, built_db, settings)
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.select_programme("heemskerk-2018")
    window.select_tab("portfolio")
    tab = window.portfolio_tab
    model = tab.model
    assert [model.index(r, 0).data() for r in range(2)] == ["mayor", "alderman"]
    assert model.index(0, 1).data() == "CDA"
    tab.table.setCurrentIndex(model.index(0, 0))
    assert "Role: mayor" in tab.detail_text() and "burgemeester" not in tab.detail_text().split("Role:")[1][:20]
    window.runner.wait(5000)

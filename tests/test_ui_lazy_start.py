"""What the window does before its first paint, and what it leaves for after: only the tab on
screen is made; the other tabs, Babel and the sync and notes dialogs come later, and every
one of them still works (data, requests, language) when it is made."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tests.conftest import run_offscreen
from velsen_desk.ui.language import LANGUAGE_KEY, Language, install_translation


def _unshown_window(qtbot, database: Path, settings):
    """A window that is made but neither shown nor started."""
    from velsen_desk.ui.main_window import MainWindow

    win = MainWindow(database, "ingebouwd", settings=settings, show_errors=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    return win


def _made(win) -> list[bool]:
    return [page.built for page in win._pages()]


def test_only_the_tab_on_screen_is_made_before_the_first_paint(qtbot, built_db, settings):
    win = _unshown_window(qtbot, built_db, settings)
    assert _made(win) == [True, False, False, False, False]
    with qtbot.waitSignal(win.sig_ready, timeout=10000):
        win.show()
        win.start()
    # ready means every tab is made and shows the programme
    assert _made(win) == [True, True, True, True, True]
    assert all(tab.up_to_date for tab in (win.themes_tab, win.portfolio_tab, win.budget_tab, win.timeline_tab))
    assert win.portfolio_tab.model.rowCount() == len(win.state.data.college)
    win.runner.wait(5000)


def test_the_remembered_tab_is_the_one_made_first(qtbot, built_db, tmp_path):
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    settings.setValue("main_window/tab", 2)
    win = _unshown_window(qtbot, built_db, settings)
    assert _made(win) == [False, False, True, False, False]
    with qtbot.waitSignal(win.sig_ready, timeout=10000):
        win.show()
        win.start()
    assert win.current_tab() is win.budget_tab
    assert win.budget_tab.model.rowCount() > 0
    win.runner.wait(5000)


def test_a_tab_shown_before_its_turn_is_made_and_shows_the_programme(qtbot, built_db, settings):
    win = _unshown_window(qtbot, built_db, settings)
    win.show()
    with qtbot.waitSignal(win.loader.sig_programme_loaded, timeout=10000):
        win.start()
    assert not win._budget_page.built  # the catch-up has not reached it yet
    win.select_tab("budget")
    assert win._budget_page.built
    assert win.budget_tab.isVisible() and win.budget_tab.up_to_date
    assert win.budget_tab.model.rowCount() > 0
    qtbot.waitSignal(win.sig_ready, timeout=10000).wait()
    win.runner.wait(5000)


@pytest.mark.parametrize(
    ("send", "tab", "selected"),
    [
        (lambda win: win.state.sig_action_requested.emit("velsen-2022.avn.a09"), "budget",
         lambda win: win.budget_tab.current_id() == "velsen-2022.avn.a09"),
        (lambda win: win.state.request_item("actie", "velsen-2022.avn.a09"), "budget",
         lambda win: win.budget_tab.current_id() == "velsen-2022.avn.a09"),
        (lambda win: win.state.sig_person_requested.emit("marianne-steijn"), "portfolio",
         lambda win: win.portfolio_tab.table.currentIndex().row() == win.portfolio_tab.model.row_of("marianne-steijn")),
    ],
)
def test_a_request_for_a_tab_not_yet_made_makes_it_and_selects_the_item(qtbot, built_db, settings, send, tab,
                                                                         selected):
    win = _unshown_window(qtbot, built_db, settings)
    win.show()
    with qtbot.waitSignal(win.loader.sig_programme_loaded, timeout=10000):
        win.start()
    page = {"budget": win._budget_page, "portfolio": win._portfolio_page}[tab]
    assert not page.built
    send(win)
    assert page.built
    assert win.current_tab() is page.content()
    assert selected(win)
    qtbot.waitSignal(win.sig_ready, timeout=10000).wait()
    win.runner.wait(5000)


def test_a_tab_made_after_the_first_paint_speaks_the_chosen_language(qtbot, built_db, tmp_path, qapp):
    settings = QSettings(str(tmp_path / "language.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, Language.ENGLISH.value)
    installed = install_translation(qapp, settings)
    try:
        win = _unshown_window(qtbot, built_db, settings)
        assert not win._timeline_page.built and not win._budget_page.built
        with qtbot.waitSignal(win.sig_ready, timeout=10000):
            win.show()
            win.start()
        assert win.timeline_tab.side.accessibleName() == "Legend and lists"
        assert win.budget_tab.tree.accessibleName() == "Action plan"
        assert win.sync.sync_label.text() == "Not synced yet"
        win.runner.wait(5000)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_the_sync_status_is_shown_after_the_first_paint(qtbot, built_db, settings):
    win = _unshown_window(qtbot, built_db, settings)
    assert win.sync.sync_label.text() == ""  # not before the first paint (a sync date loads Babel)
    with qtbot.waitSignal(win.sig_ready, timeout=10000):
        win.show()
        win.start()
    assert win.sync.sync_label.text() == "Nog niet gesynchroniseerd"
    win.runner.wait(5000)


def test_drawing_a_programme_lays_out_the_detail_pane_once(qtbot, built_db, settings, monkeypatch):
    """The themes tab's introduction is set once per programme drawn (it was set twice, and each
    ``setHtml`` parses and lays out the text before the first paint); a "Bekijk als" person still
    redraws the detail of the chosen theme."""
    win = _unshown_window(qtbot, built_db, settings)
    tab = win.themes_tab
    texts: list[str] = []
    set_html = tab.detail.setHtml
    monkeypatch.setattr(tab.detail, "setHtml", lambda text: (texts.append(text), set_html(text)))
    with qtbot.waitSignal(win.loader.sig_programme_loaded, timeout=10000):
        win.show()
        win.start()
    assert len(texts) == 1 and "Velsen 2022" in texts[0]
    theme = tab.proxy.index(0, 0, tab.proxy.index(0, 0))
    tab.tree.setCurrentIndex(theme)
    texts.clear()
    win.state.set_person("marianne-steijn")
    assert texts and "Leefbaarheid" in texts[-1] and "Velsen 2022" not in texts[-1]
    qtbot.waitSignal(win.sig_ready, timeout=10000).wait()
    win.runner.wait(5000)


def test_the_start_reads_catalogue_and_outline_on_one_connection(built_db, monkeypatch):
    """Each SQLite connection reads the file's schema again (~150 tables, views and triggers):
    the start's first worker trip opens one."""
    import sqlite3

    import velsen_desk.storage.database as database
    from velsen_desk.core.task_state import TaskState
    from velsen_desk.ui.programme_loader import read_start

    db = database.ReadOnlyDatabase(built_db)
    opened: list[str] = []
    connect = sqlite3.connect
    monkeypatch.setattr(database.sqlite3, "connect", lambda *a, **k: (opened.append(a[0]), connect(*a, **k))[1])
    found, data = read_start(db, "velsen-2022", TaskState())
    assert len(opened) == 1
    assert data is not None and data.programme.id == "velsen-2022" and data.themes
    assert found.programme("velsen-2022") == data.programme


def test_formatting_imports_babel_on_first_use():
    code = (
        "import sys, datetime\n"
        "import velsen_desk.core.formatting as f\n"
        "print('babel' in sys.modules)\n"
        "print(f.format_euro(1050000), f.format_long_date(datetime.date(2022, 6, 20)), f.format_number(2.5))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["False", "€ 1.050.000 20 juni 2022 2,5"]


def test_the_first_paint_imports_neither_hidden_tabs_nor_babel_nor_dialogs(isolated_home):
    """Modules the first paint does not need stay unimported until after it, and so do the
    Python classes of Qt widgets it does not draw (PySide makes a class, with all its enum
    classes, on first use: QStyle's alone took ~8 ms)."""
    from velsen_desk.storage.local_copy import ensure_local_database

    local = ensure_local_database()
    code = (
        "import sys\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from velsen_desk.ui.app import application\n"
        "from velsen_desk.ui.main_window import MainWindow\n"
        "app = application()\n"
        f"w = MainWindow(__import__('pathlib').Path({str(local.info.path)!r}), settings=None, show_errors=False)\n"
        "late = ('velsen_desk.ui.portfolio.view', 'velsen_desk.ui.budget.view', 'velsen_desk.ui.timeline.view',\n"
        "        'babel', 'velsen_desk.ui.sync.changes', 'velsen_desk.ui.sync.rollback',\n"
        "        'velsen_desk.ui.sync.settings', 'velsen_desk.ui.notes.overview', 'velsen_desk.sync.diff',\n"
        "        'velsen_desk.sync.sync', 'velsen_desk.core.progress', 'velsen_desk.core.timeline',\n"
        "        'velsen_desk.storage.progress_reader', 'velsen_desk.ui.themes.measure_chart',\n"
        "        'velsen_desk.ui.help.guide', 'velsen_desk.ui.help.shortcuts',\n"
        # the server client, the ORM, the workbook and OpenSSL (hashlib: the bundle's fingerprint
        # is read from origin.json while the bundled files are unchanged)
        "        'psycopg', 'sqlalchemy', 'alembic', 'keyring', 'openpyxl', '_hashlib',\n"
        # the Beheer menu's and Voortgang invullen's work and dialogs, the search results' contents
        "        'velsen_desk.ui.beheer.jobs', 'velsen_desk.ui.beheer.import_dialog',\n"
        "        'velsen_desk.ui.beheer.forms_dialog', 'velsen_desk.ui.progress_entry.connect_dialog',\n"
        "        'velsen_desk.ui.progress_entry.entry_dialog', 'velsen_desk.ui.progress_entry.jobs',\n"
        "        'velsen_desk.ui.search.delegate', 'velsen_desk.ui.search.model',\n"
        # the command line's reading of the window's language setting; the notes file (the
        # note editors are hidden until an item is chosen)
        "        'configparser', 'velsen_desk.notes.current', 'velsen_desk.notes.notes_file',\n"
        "        'velsen_desk.notes.recovery',\n"
        # msgspec's optional helper (velsen_desk/core/structs.py)
        "        'typing_extensions')\n"
        "from PySide6 import QtWidgets\n"
        "unmade = ('QStyle', 'QWizard', 'QFileDialog', 'QMdiArea', 'QCalendarWidget', 'QTableWidget',\n"
        "          'QMessageBox', 'QProgressDialog', 'QStyleOptionViewItem')\n"
        # the detail pane's link and image types (made when a link is followed or an image laid out)
        "from PySide6 import QtCore, QtGui\n"
        "unmade_elsewhere = ((QtCore, 'QUrl'), (QtGui, 'QTextDocument'), (QtGui, 'QImage'))\n"
        "class Spy(QObject):\n"
        "    def eventFilter(self, obj, event):\n"
        "        if event.type() == QEvent.Type.Paint and w.themes_tab.model.rowCount() > 0:\n"
        "            print(sorted(m for m in late if m in sys.modules))\n"
        "            print(sorted(c for c in unmade if c in vars(QtWidgets)))\n"
        "            print(sorted(c for m, c in unmade_elsewhere if c in vars(m)))\n"
        "            app.exit(0)\n"
        "        return False\n"
        "spy = Spy()\n"
        # findChild: tree.viewport() would make the classes of every QWidget subclass itself
        "w.themes_tab.tree.findChild(QtWidgets.QWidget, 'qt_scrollarea_viewport').installEventFilter(spy)\n"
        "w.show(); w.start(); app.exec()\n"
        "w.runner.wait(5000)\n"
    )
    stdout = run_offscreen(code)
    assert stdout.strip().splitlines()[-3:] == ["[]", "[]", "[]"]


def test_few_dataclasses_are_made_before_the_first_paint(isolated_home):
    """A frozen dataclass costs ~0.5 ms to define (its methods are generated and compiled), a
    msgspec Struct ~0.01 ms: the small records the first paint passes through are Structs. These
    dataclasses are left: the costs (SQLAlchemy's ``composite()`` builds them), the search hit
    (``dataclasses.replace``) and the tree node (mutable, compared by identity)."""
    from velsen_desk.storage.local_copy import ensure_local_database

    local = ensure_local_database()
    code = (
        "import dataclasses\n"
        "made = []\n"
        "process = dataclasses._process_class\n"
        "def spy(cls, *args):\n"
        "    made.append(f'{cls.__module__}.{cls.__qualname__}')\n"
        "    return process(cls, *args)\n"
        "dataclasses._process_class = spy\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from PySide6.QtWidgets import QWidget\n"
        "from velsen_desk.ui.app import application\n"
        "from velsen_desk.ui.main_window import MainWindow\n"
        "app = application()\n"
        f"w = MainWindow(__import__('pathlib').Path({str(local.info.path)!r}), settings=None, show_errors=False)\n"
        "class Spy(QObject):\n"
        "    def eventFilter(self, obj, event):\n"
        "        if event.type() == QEvent.Type.Paint and w.themes_tab.model.rowCount() > 0:\n"
        "            print(sorted(made))\n"
        "            app.exit(0)\n"
        "        return False\n"
        "spy = Spy()\n"
        "w.themes_tab.tree.findChild(QWidget, 'qt_scrollarea_viewport').installEventFilter(spy)\n"
        "w.show(); w.start(); app.exec()\n"
        "w.runner.wait(5000)\n"
    )
    stdout = run_offscreen(code)
    assert stdout.strip().splitlines()[-1] == str(sorted([
        "velsen_desk.core.money.CostSum", "velsen_desk.core.money.CostValue", "velsen_desk.core.money.Reconciliation",
        "velsen_desk.storage.search.SearchHit", "velsen_desk.ui.widgets.tree_model.Node",
    ]))


def test_a_note_is_read_and_saved_in_a_window_that_had_not_loaded_the_notes_file(isolated_home):
    """The note editors import the notes modules when a note is first read or written: in a
    fresh process the first chosen theme shows its saved note and a new one is saved."""
    from velsen_desk.notes.current import current_notes
    from velsen_desk.storage.local_copy import ensure_local_database

    local = ensure_local_database()
    current_notes().save("velsen-2022.thema-01", "thema", "1. Leefbaarheid", "eerder", False, "2026-01-01T00:00:00Z")
    code = (
        "import sys\n"
        "from velsen_desk.ui.app import application\n"
        "from velsen_desk.ui.main_window import MainWindow\n"
        "app = application()\n"
        f"w = MainWindow(__import__('pathlib').Path({str(local.info.path)!r}), settings=None, show_errors=False)\n"
        "w.loader.sig_programme_loaded.connect(lambda _data: app.exit(0))\n"
        "w.show(); w.start(); app.exec()\n"
        "print('velsen_desk.notes.current' in sys.modules)\n"
        "tab = w.themes_tab\n"
        "tab.tree.setCurrentIndex(tab.proxy.index(0, 0, tab.proxy.index(0, 0)))\n"
        "editor = tab.note_editor\n"
        "print(editor.item.anchor, editor.edit.toPlainText())\n"
        "editor.edit.setPlainText('nieuw')\n"
        "editor.flush()\n"
        "w.runner.wait(5000)\n"
    )
    stdout = run_offscreen(code)
    assert stdout.strip().splitlines()[-2:] == ["False", "velsen-2022.thema-01 eerder"]
    note = current_notes().get("velsen-2022.thema-01")
    assert note is not None and note.text == "nieuw"


def test_pyside_reads_no_source_of_the_modules_loaded_before_it_nor_of_the_window(tmp_path):
    """PySide6 reads the whole source of each module an import names after it is loaded (looking
    for its ``__feature__`` switches); the modules loaded before it and the window's own modules
    (entered in its table in advance) are spared that. Another module that mentions PySide6,
    imported after it, is still read (which shows the check is looked for in the right place)."""
    (tmp_path / "other_qt_module.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    code = (
        "import linecache, datetime, logging, typing, sys\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "from velsen_desk.ui.main_window import MainWindow\n"
        "import velsen_desk.core.records, velsen_desk.notes.notes_file, velsen_desk.ui.help.feature\n"
        "import velsen_desk.ui.themes.view, other_qt_module\n"
        "spared = (datetime, logging, typing, velsen_desk.core.records, velsen_desk.notes.notes_file,\n"
        "          velsen_desk.ui.help.feature, velsen_desk.ui.themes.view,\n"
        "          sys.modules['velsen_desk.ui.main_window'])\n"
        "print(sorted(m.__name__ for m in spared if m.__file__ in linecache.cache))\n"
        "print(other_qt_module.__file__ in linecache.cache)\n"
        "table = sys.modules['PySide6.support.feature'].pyside_feature_dict\n"
        "print(table['velsen_desk.ui.help.feature'], table['other_qt_module'], table['velsen_desk.core.records'])\n"
    )
    stdout = run_offscreen(code)
    # 0: uses PySide6 without switches (what the check answers for a module naming PySide6); -1: ignored
    assert stdout.strip().splitlines()[-3:] == ["[]", "True", "0 0 -1"]


def test_every_window_module_is_entered_before_it_is_imported():
    from velsen_desk.ui.feature_scan import window_module_names

    names = set(window_module_names())
    package = Path(__file__).resolve().parents[1] / "velsen_desk" / "ui"
    on_disk = {
        ".".join(("velsen_desk", "ui", *path.relative_to(package).with_suffix("").parts)).removesuffix(".__init__")
        for path in package.rglob("*.py") if "__pycache__" not in path.parts
    }
    assert names == on_disk
    assert {"velsen_desk.ui", "velsen_desk.ui.main_window", "velsen_desk.ui.themes.view",
            "velsen_desk.ui.widgets"} <= names


def test_the_beheer_menu_is_made_when_griffie_mode_is_on(qtbot, built_db, settings):
    """Out of griffie mode the window makes no Beheer menu; turned on, the menu is made, in the
    menu bar before Help, with its work."""
    win = _unshown_window(qtbot, built_db, settings)
    assert win.beheer._menu is None
    assert win.beheer.griffie_action in win.menuBar().actions()[0].menu().actions()
    win.beheer.set_griffie_mode(True)
    bar = win.menuBar().actions()
    assert win.beheer.menu.menuAction() in bar
    assert bar.index(win.beheer.menu.menuAction()) == len(bar) - 2  # before Help
    assert [a.text() for a in win.beheer.menu.actions() if a.text()][0] == "Werkmap &exporteren…"
    win.beheer.set_griffie_mode(False)
    assert win.beheer.menu.menuAction() not in win.menuBar().actions()


def test_the_search_results_are_made_with_the_first_result(qtbot, built_db, settings):
    win = _unshown_window(qtbot, built_db, settings)
    panel = win.search
    assert panel._view is None and panel._model is None and panel.dock.widget() is None
    with qtbot.waitSignal(win.sig_ready, timeout=10000):
        win.show()
        win.start()
    assert panel._view is None  # nothing searched yet: still not made
    with qtbot.waitSignal(panel.sig_results, timeout=10000) as hits:
        panel.field.setText("Velsen-Noord")
        panel.run_query()
    assert hits.args[0] > 0
    assert panel.dock.widget() is not None and panel.view.isVisible()
    assert panel.model.rowCount() > 0
    win.runner.wait(5000)
    win.search_runner.wait(5000)

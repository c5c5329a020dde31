"""Fixtures for the UI tests: a database built once per session, isolated user directories
and settings, and a main window loaded with the bundled data."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402
import threading  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

TODAY = dt.date(2024, 5, 15)  # the "vandaag" line in UI tests


def _isolate(mp: pytest.MonkeyPatch, root: Path) -> Path:
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        path = root / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        mp.setenv(name, str(path))
    return root


@pytest.fixture(scope="session", autouse=True)
def _never_the_real_home(tmp_path_factory: pytest.TempPathFactory):
    """No test reads or writes the real user's data, settings, notes or snapshot cache."""
    with pytest.MonkeyPatch.context() as mp:
        yield _isolate(mp, tmp_path_factory.mktemp("session-home"))


_catalogue_loaded = False


@pytest.fixture(autouse=True)
def _dutch_catalogue_as_the_app_loads_it(request: pytest.FixtureRequest) -> None:
    """A test with a Qt application counts as the application does at start-up: the Dutch
    catalogue's singular and plural forms are loaded ("1 wijziging", never "1 wijziging(en)").
    Installed once, on the first test that uses Qt. Only the application's catalogue, not Qt's
    own Dutch one: a test that installs English on top (tests/test_ui_language.py) must find
    Qt's English texts, as the application would with English chosen."""
    global _catalogue_loaded
    if _catalogue_loaded or not {"qapp", "qtbot"} & set(request.fixturenames):
        return
    from PySide6.QtCore import QTranslator

    from velsen_desk.ui.language import DUTCH, translations_dir

    app = request.getfixturevalue("qapp")
    translator = QTranslator(app)
    assert translator.load(DUTCH, "velsen_desk", "_", translations_dir())
    app.installTranslator(translator)
    _catalogue_loaded = True


@pytest.fixture(autouse=True)
def _background_imports_ended():
    """A window's background imports (pyqtgraph, the report modules) run with Python's collector
    paused (core/heap.py): the next test starts once they have ended, with the collector on."""
    yield
    import sys

    library = sys.modules.get("velsen_desk.ui.widgets.chart_library")
    if library is not None:
        library.wait_for_imports()


@pytest.fixture(autouse=True)
def _messages_back_in_dutch():
    """A test that speaks English (the command line's --language, or a window with English
    installed) leaves the domain's messages (core/i18n.py) in Dutch for the next test."""
    yield
    from velsen_desk.core import i18n

    i18n.use_language("nl")


def run_offscreen(code: str) -> str:
    """Run ``code`` in a fresh interpreter on Qt's offscreen platform (a window's start seen from
    its own process); what it printed. Fails the test when the process fails."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def long_layout(layout, times: int = 20):
    """A Tijdlijn ``layout`` with its rows ``times`` over, numbered on (20: ~500 rows from the
    bundled plan)."""
    import dataclasses

    rows = tuple(dataclasses.replace(r, y=i) for i, r in enumerate(layout.rows * times))
    return dataclasses.replace(layout, rows=rows)


@contextmanager
def a_background_task(qtbot, seconds: float = 20) -> Iterator[None]:
    """A task of the global thread pool that runs until the block ends (at most ``seconds``)."""
    import threading

    from PySide6.QtCore import QRunnable, QThreadPool

    from velsen_desk.ui.widgets.batched_expand import workers_busy

    release = threading.Event()

    class Blocking(QRunnable):
        def run(self) -> None:
            release.wait(seconds)

    QThreadPool.globalInstance().start(Blocking())
    try:
        qtbot.waitUntil(workers_busy)
        yield
    finally:
        release.set()


def log_drawn_tabs(monkeypatch: pytest.MonkeyPatch, log: list[str]) -> None:
    """Append each programme tab's class name to ``log`` when it draws a programme."""
    from velsen_desk.ui.widgets.programme_tab import ProgrammeTab

    ensure_drawn = ProgrammeTab.ensure_drawn

    def logging_ensure_drawn(tab: ProgrammeTab) -> None:
        drawn = tab.up_to_date
        ensure_drawn(tab)
        if not drawn and tab.up_to_date:
            log.append(type(tab).__name__)

    monkeypatch.setattr(ProgrammeTab, "ensure_drawn", logging_ensure_drawn)


def held_loader_step(monkeypatch: pytest.MonkeyPatch, step: str = "read_programme",
                     failing: set[str] | None = None) -> threading.Event:
    """``velsen_desk.ui.programme_loader.<step>`` (``read_start``, the start's first trip, or
    ``read_programme``, a programme's whole read) waits until the returned event is set; a
    programme whose id is in ``failing`` (looked at on each read) then cannot be read."""
    import velsen_desk.ui.programme_loader as loader
    from velsen_desk.storage.database import DatabaseError

    go_on = threading.Event()
    original = getattr(loader, step)
    broken = failing if failing is not None else set()

    def held(*args):  # type: ignore[no-untyped-def]
        assert go_on.wait(10)
        programme = getattr(args[1], "id", None)  # read_programme(db, programme, state)
        if programme in broken:
            raise DatabaseError(f"kosten ontbreken in {programme}")
        return original(*args)

    monkeypatch.setattr(loader, step, held)
    return go_on


def a_shown_window(qtbot, database: Path, settings):
    """A shown main window on ``database``, not started yet."""
    from velsen_desk.ui.main_window import MainWindow

    window = MainWindow(database, settings=settings, show_errors=False)
    qtbot.addWidget(window)
    window.show()
    return window


def outlined(qtbot, window, programme: str | None = None, person: str | None = None):
    """Start ``window`` and wait for the outline (its programme's read held back): the Thema's tab."""
    window.start(programme, person)
    tab = window.themes_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5000)
    assert window.state.data is None
    return tab


def shown_gantt(window, qtbot):
    """The Tijdlijn on screen with its chart made: (the chart, the tab's layout)."""
    tab = window.timeline_tab
    window.select_tab("timeline")
    qtbot.waitUntil(lambda: tab.chart is not None, timeout=60000)
    return tab.chart, tab.layout_data


def programme_of(database: Path, programme_id: str):
    """One programme's records, read as the window reads them (storage.reader)."""
    from velsen_desk.storage.database import ReadOnlyDatabase
    from velsen_desk.storage.reader import load_catalog, load_programme

    db = ReadOnlyDatabase(database)
    programme = load_catalog(db).programme(programme_id)
    assert programme is not None
    return load_programme(db, programme)


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled data built into a temporary SQLite file (once per test session)."""
    from velsen_desk.core.paths import bundled_data_dir
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.storage.build import build_database

    path = tmp_path_factory.mktemp("ui-db") / "velsen-desk.sqlite"
    return build_database(load_dataset([bundled_data_dir()]), path).path


@pytest.fixture(scope="session")
def built(built_db: Path) -> Path:
    """The same session-built database under the name the sync and adversarial tests use (read
    only: a test copies it before changing it)."""
    return built_db


@pytest.fixture
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME and the XDG directories point into tmp_path: no test touches the real user's files."""
    return _isolate(monkeypatch, tmp_path)


@pytest.fixture(scope="module")
def isolated_home_module(tmp_path_factory: pytest.TempPathFactory):
    """Like ``isolated_home``, shared by a module (so the local database is built once)."""
    with pytest.MonkeyPatch.context() as mp:
        yield _isolate(mp, tmp_path_factory.mktemp("home"))


@pytest.fixture
def settings(tmp_path: Path):
    """A QSettings in tmp_path, so window geometry and last tab never leak between tests."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ui_today() -> dt.date:
    """The date the window treats as today (the timeline's "vandaag" line)."""
    return TODAY


def open_window(qtbot, database: Path, settings, today=TODAY):
    """A shown main window on ``database`` with Velsen 2022–2026 loaded."""
    from velsen_desk.ui.main_window import MainWindow

    win = MainWindow(database, "ingebouwd", settings=settings, today=today, show_errors=False)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    with qtbot.waitSignal(win.sig_ready, timeout=10000):
        win.show()
        win.start()
    return win


@pytest.fixture
def main_window_on(qtbot, settings):
    """Open a main window on another database: ``main_window_on(path, today)``."""
    return lambda database, today=TODAY: open_window(qtbot, database, settings, today)


@pytest.fixture
def window(qtbot, built_db: Path, settings):
    """The main window on the built database, Velsen 2022–2026 loaded."""
    win = open_window(qtbot, built_db, settings)
    yield win
    win.runner.wait(5000)

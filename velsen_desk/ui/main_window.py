"""The main window: menus, toolbar (programme and "Bekijk als"), four tabs and a status bar.

It owns no data: a :class:`TaskRunner` loads a :class:`ProgrammeData` off the GUI thread and
:class:`ViewState` hands it to the tabs, which redraw themselves.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QWidget,
)

from velsen_desk import __version__
from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.records import Catalog, ProgrammeData
from velsen_desk.storage.database import DatabaseError, ReadOnlyDatabase
from velsen_desk.storage.local_copy import read_origin
from velsen_desk.storage.reading import load_catalog, load_programme, prime_snapshots
from velsen_desk.ui.budget.view import BudgetTab
from velsen_desk.ui.notes.editor import NoteEditor
from velsen_desk.ui.notes.overview import NotesOverview, load_notes
from velsen_desk.ui.portfolio.view import PortfolioTab
from velsen_desk.ui.reports import install_report_actions
from velsen_desk.ui.search.navigate import open_search_hit
from velsen_desk.ui.search.panel import SearchPanel
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.sync.feature import SyncFeature
from velsen_desk.ui.tasks import TaskRunner
from velsen_desk.ui.themes.view import ThemesTab
from velsen_desk.ui.timeline.view import TimelineTab
from velsen_desk.ui.widgets.chart_library import chart_library
from velsen_desk.ui.widgets.programme_tab import ProgrammeTab
from velsen_desk.ui.widgets.style import escaped_rich_text, plain_label

log = logging.getLogger(__name__)

DEFAULT_PROGRAMME = "velsen-2022"
CHART_IMPORT_DELAY_MS = 300  # after every tab shows the data, so the import never delays that
TAB_KEYS = ("themes", "portfolio", "budget", "timeline")


class MainWindow(QMainWindow):
    # ---- Signals
    sig_ready = Signal()
    """A programme is loaded and every tab shows it (the visible tab shows it first)."""
    sig_failed = Signal(str)
    """Loading failed; the Dutch message (also shown in a dialog when ``show_errors``)."""

    def __init__(
        self,
        db_path: Path | None,
        origin: str = "ingebouwd",
        *,
        settings: QSettings | None = None,
        today: dt.date | None = None,
        show_errors: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Velsen Desk"))
        self.setObjectName("main_window")
        self._settings = settings
        self._show_errors = show_errors
        self._origin = origin
        self.catalog: Catalog | None = None
        self.state = ViewState(self)
        self.db_path = db_path
        database = ReadOnlyDatabase(db_path) if db_path else None
        self.runner = TaskRunner(database, self)
        self.search_runner = TaskRunner(database, self)  # its own runner: typing never flashes the progress bar
        self._pending_hit = None
        self.notes_overview: NotesOverview | None = None

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Weergaven"))
        self.themes_tab = ThemesTab(self.state, self)
        self.portfolio_tab = PortfolioTab(self.state, self)
        self.budget_tab = BudgetTab(self.state, self)
        self.timeline_tab = TimelineTab(self.state, today, self)
        for widget, title, tip in (
            (self.themes_tab, self.tr("Thema’s"), self.tr("Thema’s, of de opbouw van het programma")),
            (self.portfolio_tab, self.tr("Portefeuilles"), self.tr("Wie doet wat in het college")),
            (self.budget_tab, self.tr("Begroting"), self.tr("Het Actieplan met kosten en budgetten")),
            (self.timeline_tab, self.tr("Tijdlijn"), self.tr("De planning van de acties per kwartaal")),
        ):
            index = self.tabs.addTab(widget, title)
            self.tabs.setTabToolTip(index, tip)
            widget.setAccessibleName(title)
        self.setCentralWidget(self.tabs)

        self.search = SearchPanel(self.search_runner, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search.dock)
        self.search.sig_hit_chosen.connect(self.open_hit)
        self.sync = SyncFeature(self, show_errors)
        self.sync.sig_new_version.connect(self._on_new_version)
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()

        self.state.sig_person_requested.connect(lambda _id: self.tabs.setCurrentWidget(self.portfolio_tab))
        self.state.sig_action_requested.connect(lambda _id: self.tabs.setCurrentWidget(self.budget_tab))
        self.state.sig_theme_requested.connect(lambda _id: self.tabs.setCurrentWidget(self.themes_tab))
        self.state.sig_only_mine_changed.connect(self.only_mine_action.setChecked)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.runner.sig_busy_changed.connect(self._on_busy)
        self._restore_settings()
        self._on_tab_changed(self.tabs.currentIndex())

    # ---- Public API

    def start(self, programme_id: str | None = None, person_name: str | None = None) -> None:
        """Load the catalogue, then the programme (default: Velsen 2022–2026)."""
        self._wanted = (programme_id or DEFAULT_PROGRAMME, person_name)
        self.runner.run(
            load_catalog, success=self._on_catalog, failure=self._on_failure, key="catalog",
            label=self.tr("Gegevens openen…"),
        )

    def open_local_database(self) -> None:
        """Find or build the local database off the GUI thread, then :meth:`start`.

        For the normal start-up: the window is already visible while this runs."""
        from velsen_desk.storage.local_copy import ensure_local_database

        self.runner.run(
            lambda _db: ensure_local_database(), success=self._on_local_database,
            failure=self._on_open_failure, label=self.tr("Gegevens voorbereiden…"),
        )

    def select_programme(self, programme_id: str) -> bool:
        index = self.programme_combo.findData(programme_id)
        if index < 0:
            return False
        if index == self.programme_combo.currentIndex():
            self._load_programme(programme_id)
        else:
            self.programme_combo.setCurrentIndex(index)
        return True

    def select_person(self, person_id: str | None) -> bool:
        index = self.person_combo.findData(person_id)
        if index < 0:
            return False
        self.person_combo.setCurrentIndex(index)
        self.state.set_person(person_id)
        self._update_only_mine()
        return True

    def select_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))

    def open_hit(self, hit) -> None:
        """Open a search result in its tab and select it (switching programme when needed)."""
        data = self.state.data
        if data is None or data.programme.id != hit.programme_id:
            self._pending_hit = hit
            if not self.select_programme(hit.programme_id):
                self._pending_hit = None
            return
        open_search_hit(self, data, hit)

    def show_notes(self) -> NotesOverview:
        """Beeld → Mijn notities…: all notes and flags, loose ones marked (read in a worker)."""
        if self.notes_overview is None:
            self.notes_overview = NotesOverview(self._load_notes, self)
        self.notes_overview.show()
        self.notes_overview.raise_()
        self._load_notes()
        return self.notes_overview

    def _load_notes(self) -> None:
        for editor in self.findChildren(NoteEditor):
            editor.flush()
        overview = self.notes_overview
        self.search_runner.run(
            load_notes, success=overview.show_notes, failure=lambda exc: overview.show_error(str(exc)), key="notes"
        )

    # ---- Qt

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_settings()
        for editor in self.findChildren(NoteEditor):
            editor.flush()
        self.runner.wait(5000)
        self.search_runner.wait(5000)
        self.sync.wait(5000)
        super().closeEvent(event)

    # ---- Building

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Werkbalk"), self)
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        label = QLabel(self.tr("&Programma:"), bar)
        self.programme_combo = QComboBox(bar)
        self.programme_combo.setAccessibleName(self.tr("Programma"))
        self.programme_combo.setAccessibleDescription(self.tr("Kies het programma dat u wilt lezen."))
        self.programme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        label.setBuddy(self.programme_combo)
        self.programme_combo.currentIndexChanged.connect(self._on_programme_chosen)
        person_label = QLabel(self.tr("Bekijk &als:"), bar)
        self.person_combo = QComboBox(bar)
        self.person_combo.setAccessibleName(self.tr("Bekijk als"))
        self.person_combo.setAccessibleDescription(
            self.tr("Kies een collegelid om zijn of haar portefeuilles en regie-thema’s te markeren.")
        )
        self.person_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        person_label.setBuddy(self.person_combo)
        self.person_combo.currentIndexChanged.connect(self._on_person_chosen)
        for widget in (label, self.programme_combo, person_label, self.person_combo):
            widget.setContentsMargins(6, 0, 6, 0)
            bar.addWidget(widget)

        self.only_mine_action = QAction(self.tr("Alleen &mijn regie"), self)
        self.only_mine_action.setCheckable(True)
        self.only_mine_action.setChecked(self.state.only_mine)
        self.only_mine_action.setShortcut(QKeySequence("Ctrl+M"))
        self.only_mine_action.setToolTip(
            self.tr("Toon bij een gekozen collegelid alleen de eigen regie-thema’s (Ctrl+M)")
        )
        self.only_mine_action.toggled.connect(self.state.set_only_mine)
        bar.addAction(self.only_mine_action)
        self.reload_action = QAction(self.tr("Gegevens &opnieuw laden"), self)
        self.reload_action.setShortcut(QKeySequence("Ctrl+Shift+R"))  # F5 is "Synchroniseren"
        self.reload_action.triggered.connect(self._reload)
        bar.addSeparator()
        bar.addAction(self.sync.sync_action)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.search.field)
        self.search_action = QAction(self.tr("&Zoeken"), self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.search.focus_field)
        self.addAction(self.search_action)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Bestand"))
        menu.addAction(self.sync.sync_action)
        menu.addAction(self.reload_action)
        menu.addSeparator()
        menu.addAction(self.sync.settings_action)
        menu.addSeparator()
        quit_action = menu.addAction(self.tr("&Afsluiten"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)

        view = self.menuBar().addMenu(self.tr("B&eeld"))
        group = QActionGroup(self)
        self.tab_actions: list[QAction] = []
        for i in range(self.tabs.count()):
            action = view.addAction(self.tabs.tabText(i))
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _checked=False, i=i: self.tabs.setCurrentIndex(i))
            group.addAction(action)
            self.tab_actions.append(action)
        view.addSeparator()
        view.addAction(self.only_mine_action)
        expand = view.addAction(self.tr("Alles &uitklappen"))
        expand.setShortcut(QKeySequence("Ctrl+E"))
        expand.triggered.connect(lambda: self._tree_call("expand_all"))
        collapse = view.addAction(self.tr("Alles &inklappen"))
        collapse.setShortcut(QKeySequence("Ctrl+Shift+E"))
        collapse.triggered.connect(lambda: self._tree_call("collapse_all"))
        view.addSeparator()
        view.addAction(self.search_action)
        view.addAction(self.sync.changes_action)
        self.notes_action = view.addAction(self.tr("Mijn &notities…"))
        self.notes_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.notes_action.triggered.connect(self.show_notes)

        self.report_actions = install_report_actions(self)  # "Rapporten" menu, Ctrl+P

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&Over Velsen Desk"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._about)

    def _build_status_bar(self) -> None:
        self.data_label = plain_label(QLabel(self))  # document titles and dates from the data
        self.data_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.data_label.setAccessibleName(self.tr("Geopende gegevens"))
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.setAccessibleName(self.tr("Voortgang"))
        self.progress.hide()
        self.statusBar().addWidget(self.data_label, 1)
        self.statusBar().addPermanentWidget(self.progress)

    # ---- Loading

    def _on_local_database(self, local) -> None:
        try:
            self._set_database(local.info.path)
        except DatabaseError as exc:
            self._on_open_failure(exc)
            return
        self._origin = local.origin
        self.start()
        self.sync.start(automatic=True)  # a configured, reachable share: fetch a newer version quietly

    def _set_database(self, path: Path) -> None:
        database = ReadOnlyDatabase(path)
        self.db_path = path
        self.runner.set_database(database)
        self.search_runner.set_database(database)

    def _on_new_version(self, result) -> None:
        """A sync replaced the local copy: open the new file and reload every tab (the one broadcast)."""
        try:
            self._set_database(self.sync.local_db())
        except DatabaseError as exc:
            self._on_failure(exc)
            return
        self._origin = read_origin(self.sync.local_db()).get("origin", self._origin)
        self._reload()
        # Every programme of the new file, so the next start (on any programme) skips the ORM.
        self.search_runner.run(lambda db: prime_snapshots(db.path) if db else None, success=lambda _none: None)

    def _on_open_failure(self, error: Exception) -> None:
        text = self.tr("Het gegevensbestand kan niet worden geopend.\n\n{0}").format(error)
        self.sig_failed.emit(text)
        if self._show_errors:
            QMessageBox.critical(self, self.tr("Velsen Desk kan niet starten"), escaped_rich_text(text))
            self.close()

    def _on_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        wanted, _person = self._wanted
        self.programme_combo.blockSignals(True)
        self.programme_combo.clear()
        for p in catalog.programmes:
            self.programme_combo.addItem(p.title, p.id)
        self.programme_combo.blockSignals(False)
        index = max(0, self.programme_combo.findData(wanted))
        self.programme_combo.setCurrentIndex(index)
        self._load_programme(self.programme_combo.itemData(index))

    def _on_programme_chosen(self, index: int) -> None:
        if index >= 0 and self.catalog is not None:
            self._load_programme(self.programme_combo.itemData(index))

    def _load_programme(self, programme_id: str) -> None:
        programme = self.catalog.programme(programme_id) if self.catalog else None
        if programme is None:
            return
        self.runner.run(
            lambda db: load_programme(db, programme),
            success=self._on_programme,
            failure=self._on_failure,
            key="programme",
            label=self.tr("{0} laden…").format(programme.title),
        )

    def _on_programme(self, data: ProgrammeData) -> None:
        _programme, person_name = self._wanted
        self._wanted = (data.programme.id, None)
        keep = self.state.person_id
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        self.person_combo.addItem(self.tr("Iedereen"), None)
        for person in data.college:
            self.person_combo.addItem(person.name, person.id)
        self.person_combo.blockSignals(False)
        if person_name:
            keep = next((p.id for p in data.college if p.name == person_name), None)
        if data.person(keep) is None:
            keep = None
        self.state.person_id = keep
        self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(keep)))
        self.state.set_data(data)
        self._update_only_mine()
        self._update_status(data)
        self.sync.update_status()
        self.search.set_programmes({p.id: p.title for p in self.catalog.programmes} if self.catalog else {})
        self.setWindowTitle(self.tr("{0} – Velsen Desk").format(data.programme.title))
        if self._pending_hit is not None and self._pending_hit.programme_id == data.programme.id:
            hit, self._pending_hit = self._pending_hit, None
            self.open_hit(hit)
        QTimer.singleShot(0, self, lambda: self._catch_up(data))

    def _catch_up(self, data: ProgrammeData) -> None:
        """Draw one hidden tab per event-loop turn (the visible one drew at once), then report
        ready; a newer programme makes this round moot."""
        if self.state.data is not data:
            return
        stale = next((tab for tab in self._programme_tabs() if not tab.up_to_date), None)
        if stale is None:
            # Now the charts' library, in the background: a chart tab shown before it is
            # loaded says so and fills in when it arrives.
            QTimer.singleShot(CHART_IMPORT_DELAY_MS, chart_library().request)
            self.sig_ready.emit()
            return
        stale.ensure_drawn()
        QTimer.singleShot(0, self, lambda: self._catch_up(data))

    def _programme_tabs(self) -> tuple[ProgrammeTab, ...]:
        return (self.themes_tab, self.portfolio_tab, self.budget_tab, self.timeline_tab)

    def _on_failure(self, error: Exception) -> None:
        text = self.tr("De gegevens konden niet gelezen worden. Het gegevensbestand is mogelijk beschadigd.\n\n"
                       "Details: {0}").format(error)
        self.statusBar().showMessage(self.tr("Laden mislukt"), 10000)
        self.sig_failed.emit(text)
        if self._show_errors:
            QMessageBox.critical(self, self.tr("Velsen Desk – fout"), escaped_rich_text(text))

    def _reload(self) -> None:
        programme_id = self.programme_combo.currentData() or DEFAULT_PROGRAMME
        self.start(programme_id, None)

    # ---- Reactions

    def _on_person_chosen(self, index: int) -> None:
        if index >= 0:
            self.state.set_person(self.person_combo.itemData(index))
            self._update_only_mine()

    def _update_only_mine(self) -> None:
        data = self.state.data
        has_themes = bool(data.velden) if data else True
        self.only_mine_action.setEnabled(has_themes and self.person_combo.currentData() is not None)

    def _on_busy(self, busy: bool, label: str) -> None:
        self.progress.setVisible(busy)
        if busy:
            self.statusBar().showMessage(label)
        else:
            self.statusBar().clearMessage()

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(self.tab_actions):
            self.tab_actions[index].setChecked(True)

    def _tree_call(self, name: str) -> None:
        method = getattr(self.tabs.currentWidget(), name, None)
        if method is not None:
            method()

    def _update_status(self, data: ProgrammeData) -> None:
        version = (self.catalog.summary.data_version if self.catalog else None) or self.tr("onbekend")
        dated = []
        for d in sorted(data.documents, key=lambda d: (d.date or dt.date.max, d.title)):
            when = format_long_date(d.date) if d.date else d.date_text
            if when:
                status = f" ({d.status_text or d.status})" if d.status else ""
                dated.append((d.title, f"{when}{status}"))
        short = "; ".join(when for _title, when in dated) or self.tr("datum onbekend")
        self.data_label.setText(
            self.tr("Gegevensversie {0} · bron: {1} · documenten: {2}").format(version[:12], self._origin, short)
        )
        self.data_label.setToolTip(escaped_rich_text("\n".join(f"{title}: {when}" for title, when in dated)))

    def _about(self) -> None:
        version = (self.catalog.summary.data_version if self.catalog else None) or self.tr("onbekend")
        QMessageBox.about(
            self,
            self.tr("Over Velsen Desk"),
            self.tr("<h3>Velsen Desk {0}</h3><p>Het raadsprogramma, de portefeuilleverdeling en het Actieplan "
                    "Velsen-Noord, offline in één venster.</p><p>Gegevensversie {1} ({2}).</p>"
                    "<p>Licentie: EUPL-1.2.</p>").format(__version__, version, self._origin),
        )

    # ---- Settings

    def _restore_settings(self) -> None:
        geometry = self._settings.value("main_window/geometry") if self._settings is not None else None
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        if self._settings is None:
            return
        state = self._settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)
        tab = self._settings.value("main_window/tab", 0)
        try:
            self.tabs.setCurrentIndex(int(tab))
        except (TypeError, ValueError):
            pass

    def _save_settings(self) -> None:
        if self._settings is None:
            return
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        self._settings.setValue("main_window/state", self.saveState())
        self._settings.setValue("main_window/tab", self.tabs.currentIndex())
        self._settings.sync()

"""The main window: menus, toolbar (programme and "Bekijk als"), five tabs and a status bar.

It owns no data: a :class:`ProgrammeLoader` loads a :class:`ProgrammeData` off the GUI thread
into :class:`ViewState`, which hands it to the tabs; they redraw themselves. The window only
mirrors the loader and the state in its selectors and status bar, and switches tabs on request.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections import deque
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from velsen_desk import __version__
from velsen_desk.core.formatting import load_babel, load_number_patterns
from velsen_desk.core.item_kinds import tab_for_kind
from velsen_desk.core.records import Catalog, ProgrammeData, ProgrammeOutline
from velsen_desk.storage.database import DatabaseError, ReadOnlyDatabase
from velsen_desk.storage.local_copy import LocalDatabase, read_origin
from velsen_desk.storage.search import SearchHit
from velsen_desk.ui.beheer.feature import BeheerFeature
from velsen_desk.ui.data_status import DataStatus
from velsen_desk.ui.help.feature import install_help_actions
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.notes.feature import NotesFeature
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.programme_loader import (
    Preparer,
    ProgrammeLoader,
    open_local_database,
)
from velsen_desk.ui.progress_entry.feature import ProgressEntryFeature
from velsen_desk.ui.reports import install_report_actions
from velsen_desk.ui.search.panel import SearchPanel
from velsen_desk.ui.state import ViewState
from velsen_desk.ui.sync.feature import SyncFeature
from velsen_desk.ui.view_bar import ViewBar
from velsen_desk.ui.widgets.after_paint import after_paints
from velsen_desk.ui.widgets.batched_expand import workers_busy
from velsen_desk.ui.widgets.chart_library import chart_library
from velsen_desk.ui.widgets.lazy_page import LazyPage
from velsen_desk.ui.widgets.programme_tab import ProgrammeTab
from velsen_desk.ui.widgets.status_bar import ElidingStatusBar
from velsen_desk.ui.widgets.style import escaped_rich_text
from velsen_desk.ui.window_geometry import place_window

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from velsen_desk.sync.sync import SyncResult
    from velsen_desk.ui.budget.view import BudgetTab
    from velsen_desk.ui.notes.overview import NotesOverview
    from velsen_desk.ui.portfolio.view import PortfolioTab
    from velsen_desk.ui.progress.view import ProgressTab
    from velsen_desk.ui.themes.view import ThemesTab
    from velsen_desk.ui.timeline.view import TimelineTab

log = logging.getLogger(__name__)

CATCH_UP_WAIT_MS = 20  # how often a waiting catch-up step looks again
CATCH_UP_MAX_WAIT_MS = 1000  # per step: a long task (a report, a sync) does not hold the tabs back for long
CHART_IMPORT_DELAY_MS = 300  # after every tab shows the data, so the import never delays that
TAB_KEYS = ("themes", "portfolio", "budget", "timeline", "progress")
REPORT_PRELOAD_DELAY_MS = 1000  # after pyqtgraph arrived; see _after_chart_library


BUDGET_TREE = "budget-tree"  # the Begroting's preparation in the programme's read


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
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Velsen Desk"))
        self.setObjectName("main_window")
        self.setStatusBar(ElidingStatusBar(self))  # temporary messages end in "…", never mid-word
        self._settings = settings
        self._show_errors = show_errors
        self._origin = origin
        self._catch_up_waits: ProgrammeData | None = None  # the programme whose catch-up waits for its preparations
        self._start_work: deque[Callable[[], object]] = deque()  # the window's own, before the hidden tabs
        self.state = ViewState(self, today)
        self.db_path = db_path
        database = ReadOnlyDatabase(db_path) if db_path else None
        self.runner = OperationRunner(database, self)
        self.search_runner = OperationRunner(database, self)  # its own: typing never flashes the progress bar
        self.loader = ProgrammeLoader(self.runner, self.state, self)
        self.loader.add_preparation(BUDGET_TREE, self._budget_tree_preparation)
        self.notes = NotesFeature(self, self.search_runner, self.loader)

        self.tabs = QTabWidget(self)
        # Before any tab connects its own: the tab is on screen when it selects the item.
        self.state.sig_item_requested.connect(self._on_item_requested)
        self.state.sig_person_requested.connect(self._on_person_requested)
        self.state.sig_action_requested.connect(self._on_action_requested)
        self.state.sig_theme_requested.connect(self._on_theme_requested)
        self.tabs.setAccessibleName(self.tr("Weergaven"))
        # Each tab is made when first needed (see LazyPage): the one on screen before the first
        # paint, the others in the catch-up after it, or at once when shown or asked for.
        self._themes_page = LazyPage(self._make_themes_tab, self.tabs)
        self._portfolio_page = LazyPage(self._make_portfolio_tab, self.tabs)
        self._budget_page = LazyPage(self._make_budget_tab, self.tabs)
        self._timeline_page = LazyPage(lambda parent: self._make_timeline_tab(today, parent), self.tabs)
        self._progress_page = LazyPage(self._make_progress_tab, self.tabs)
        for page, title, tip in (
            (self._themes_page, self.tr("Thema’s"), self.tr("Thema’s, of de opbouw van het programma")),
            (self._portfolio_page, self.tr("Portefeuilles"), self.tr("Wie doet wat in het college")),
            (self._budget_page, self.tr("Begroting"), self.tr("Het Actieplan met kosten en budgetten")),
            (self._timeline_page, self.tr("Tijdlijn"), self.tr("De planning van de acties per kwartaal")),
            (self._progress_page, self.tr("Voortgang"), self.tr("Stoplicht per actie: status, te laat en uitgaven")),
        ):
            index = self.tabs.addTab(page, title)
            self.tabs.setTabToolTip(index, tip)
            page.setAccessibleName(title)
        self.setCentralWidget(self.tabs)

        self.search = SearchPanel(self.search_runner, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search.dock)
        self.search.sig_hit_chosen.connect(self.loader.open_hit)
        self.search.sig_dismissed.connect(self._focus_current_tab)
        self.sync = SyncFeature(self, show_errors)
        self.sync.sig_new_version.connect(self._on_new_version)
        self.beheer = BeheerFeature(self, settings, today, show_errors)  # the griffie's menu (griffie mode)
        self.sync.griffie_action = self.beheer.griffie_action
        self.beheer.sig_published.connect(lambda _result: self.sync.start())

        self.progress_entry = ProgressEntryFeature(self, settings, today)  # Bestand → Voortgang invullen…
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()

        self.loader.sig_programme_loaded.connect(self._on_programme)
        self.state.sig_outline_loaded.connect(self._on_outline)
        self.loader.sig_failed.connect(self._on_failure)
        self.loader.sig_prepared.connect(self._on_prepared)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.runner.sig_busy_changed.connect(self._on_busy)
        # After pyqtgraph, the report dialog's modules: one background import at a time.
        chart_library().sig_loaded.connect(self._after_chart_library)
        chart_library().sig_failed.connect(self._after_chart_library)
        self._restore_settings()
        self._on_tab_changed(self.tabs.currentIndex())
        self.current_tab()  # made now, so it draws the programme before the first paint

    # ---- The tabs (made on first need)

    @property
    def themes_tab(self) -> ThemesTab:
        return self._themes_page.content()

    @property
    def portfolio_tab(self) -> PortfolioTab:
        return self._portfolio_page.content()

    @property
    def budget_tab(self) -> BudgetTab:
        return self._budget_page.content()

    @property
    def timeline_tab(self) -> TimelineTab:
        return self._timeline_page.content()

    @property
    def progress_tab(self) -> ProgressTab:
        return self._progress_page.content()

    # Each imports its module only here: at start-up only the tab on screen is imported.
    def _make_themes_tab(self, parent: QWidget) -> ThemesTab:
        from velsen_desk.ui.themes.view import ThemesTab

        return ThemesTab(self.state, parent, self.runner)

    def _make_portfolio_tab(self, parent: QWidget) -> PortfolioTab:
        from velsen_desk.ui.portfolio.view import PortfolioTab

        return PortfolioTab(self.state, parent)

    def _make_budget_tab(self, parent: QWidget) -> BudgetTab:
        from velsen_desk.ui.budget.view import BudgetTab

        return BudgetTab(self.state, parent, self.runner, partial(self.loader.prepared, BUDGET_TREE))

    def _budget_tree_preparation(self) -> Preparer:
        """The Begroting's tree, made in the programme's read, in the sort the user chose."""
        from velsen_desk.ui.budget.tree import preparation

        page = self._budget_page
        column, descending = page.content().model.sort_state if page.built else (-1, False)
        return preparation(column, descending)

    def _make_timeline_tab(self, today: dt.date | None, parent: QWidget) -> TimelineTab:
        from velsen_desk.ui.timeline.view import TimelineTab

        return TimelineTab(self.state, today, parent, self.runner)

    def _make_progress_tab(self, parent: QWidget) -> ProgressTab:
        from velsen_desk.ui.progress.view import ProgressTab

        return ProgressTab(self.state, self.runner, parent)

    def _pages(self) -> tuple[LazyPage[ThemesTab], LazyPage[PortfolioTab], LazyPage[BudgetTab],
                              LazyPage[TimelineTab], LazyPage[ProgressTab]]:
        return (self._themes_page, self._portfolio_page, self._budget_page, self._timeline_page, self._progress_page)

    # ---- Public API

    @property
    def catalog(self) -> Catalog | None:
        return self.loader.catalog

    def start(self, programme_id: str | None = None, person_name: str | None = None) -> None:
        """Load the catalogue, then the programme (default: Velsen 2022–2026)."""
        self.loader.start(programme_id, person_name)

    def open_local_database(self) -> None:
        """Find or build the local database off the GUI thread, then :meth:`start`.

        For the normal start-up: the window is already visible while this runs."""
        op = Operation(open_local_database, success=self._on_local_database, failure=self._on_open_failure)
        self.runner.start(op.with_progress(self.tr("Gegevens voorbereiden…")))

    def select_programme(self, programme_id: str) -> bool:
        return self.view_bar.select_programme(programme_id)

    def select_person(self, person_id: str | None) -> bool:
        return self.view_bar.select_person(person_id)

    def _focus_current_tab(self) -> None:
        """Put the keyboard in the tab's main list (its current row, else the first one selected):
        focusing the page itself left the arrow keys with nothing to move."""
        index = self.tabs.currentIndex()
        if index < 0:
            return
        home = self._pages()[index].content().keyboard_home()
        if isinstance(home, QAbstractItemView):
            model = home.model()
            if not home.currentIndex().isValid() and model is not None and model.rowCount() > 0:
                home.setCurrentIndex(model.index(0, 0))
        home.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _enter_tab(self, index: int) -> None:
        """Beeld → tab (Ctrl+1…5): show it and take the keyboard along, out of the search field."""
        self.tabs.setCurrentIndex(index)
        self._focus_current_tab()

    def select_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))

    def open_hit(self, hit: SearchHit) -> bool:
        """Open a search result in its tab and select it (switching programme when needed)."""
        return self.loader.open_hit(hit)

    def show_notes(self) -> NotesOverview:
        """Beeld → Mijn notities…: all notes and flags, loose ones marked (read in a worker)."""
        return self.notes.show()

    # ---- Qt

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.notes.confirm_close_editors() or not self.progress_entry.confirm_close():
            # a note that could not be kept anywhere, or progress typed and not sent: the user chose to stay
            event.ignore()
            return
        self._save_settings()
        self.runner.wait(5000)
        self.search_runner.wait(5000)
        self.sync.wait(5000)
        self.beheer.wait(5000)

        self.progress_entry.wait(5000)
        super().closeEvent(event)

    # ---- Building

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Werkbalk"), self)
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.view_bar = ViewBar(bar, self.loader, self.state)
        self.programme_combo = self.view_bar.programme_combo
        self.person_combo = self.view_bar.person_combo
        self.only_mine_action = self.view_bar.only_mine_action
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
        # Tool buttons take no focus by default, which left Synchroniseren out of the Tab order.
        # Only plain actions have one: asking for a separator's or a widget action's widget made
        # PySide look up the widget's Python class among every QWidget subclass, creating their
        # enum classes (~70, several ms before the first paint).
        for action in bar.actions():
            if action.isSeparator() or isinstance(action, QWidgetAction):
                continue
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Bestand"))
        menu.addAction(self.sync.sync_action)
        menu.addAction(self.reload_action)
        menu.addAction(self.sync.rollback_action)
        menu.addSeparator()
        menu.addAction(self.progress_entry.action)
        menu.addSeparator()
        menu.addAction(self.sync.settings_action)
        menu.addAction(self.beheer.griffie_action)
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
            action.triggered.connect(lambda _checked=False, i=i: self._enter_tab(i))
            group.addAction(action)
            self.tab_actions.append(action)
        view.addSeparator()
        view.addAction(self.only_mine_action)
        expand = view.addAction(self.tr("Alles &uitklappen"))
        expand.setShortcut(QKeySequence("Ctrl+E"))
        expand.triggered.connect(lambda: self.current_tab().expand_all())
        collapse = view.addAction(self.tr("Alles &inklappen"))
        collapse.setShortcut(QKeySequence("Ctrl+Shift+E"))
        collapse.triggered.connect(lambda: self.current_tab().collapse_all())
        view.addSeparator()
        view.addAction(self.search_action)
        view.addAction(self.sync.changes_action)
        self.notes_action = view.addAction(self.tr("Mijn &notities…"))
        self.notes_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.notes_action.triggered.connect(self.show_notes)

        self.report_actions = install_report_actions(self, self.runner, self.state, self.loader)  # Ctrl+P
        self.notes.sig_brief_requested.connect(lambda: self.report_actions.open_dialog("brief"))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.beheer.install(help_menu.menuAction())  # before Help, in griffie mode only
        self.help_actions = install_help_actions(self, help_menu)  # guide (F1) and shortcuts
        about = help_menu.addAction(self.tr("&Over Velsen Desk"))
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._about)

    def _build_status_bar(self) -> None:
        self.data_label = DataStatus(self)
        self._busy_message = ""  # the label of the work on show; cleared only while it is still shown
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.progress.setAccessibleName(self.tr("Voortgang"))
        self.progress.hide()
        self.statusBar().addWidget(self.data_label, 1)
        self.statusBar().addPermanentWidget(self.progress)

    # ---- Loading

    def _on_local_database(self, local: LocalDatabase) -> None:
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

    def _on_new_version(self, _result: SyncResult) -> None:
        """A sync replaced the local copy: open the new file and reload every tab (the one broadcast)."""
        try:
            self._set_database(self.sync.local_db())
        except DatabaseError as exc:
            self._on_failure(exc)
            return
        self._origin = read_origin(self.sync.local_db()).get("origin", self._origin)
        self._reload()

    def _on_open_failure(self, error: Exception) -> None:
        text = self.tr("Het gegevensbestand kan niet worden geopend.\n\n{0}").format(error)
        self.sig_failed.emit(text)
        if self._show_errors:
            from PySide6.QtWidgets import QMessageBox  # made when first needed: not for the first paint

            QMessageBox.critical(self, self.tr("Velsen Desk kan niet starten"), escaped_rich_text(text))
            self.close()

    def _on_programme(self, data: ProgrammeData) -> None:
        catalog = self.loader.catalog
        # Babel, the status line and the hidden tabs each in a turn of its own, after the tab on
        # screen painted the programme (Babel's import ~12 ms, the status line's first long date
        # loads its calendar data, ~18 ms; QTimer.singleShot(0) ran all of it before that paint,
        # and events posted together all run in one turn: ~55 ms at the start). They are the
        # catch-up's first steps, so they too wait for the workers: a visible tab's read starts
        # after its paint (the Thema's measurements, ~0.3 s of a worker at 100×), and Babel's
        # import shared a turn with that read's start (~40–50 ms) or, beside the read, waited
        # for the interpreter lock (the status line's turn took ~120 ms once).
        status = partial(self._show_data_status, data)
        self._start_work = deque([load_babel, lambda: load_number_patterns(window_locale())])
        if self.data_label.text():
            # Shown before, so the calendar data are loaded: not behind the workers, where the
            # line went on naming the previous programme's sources for up to a second a step.
            after_paints(self, status, one_per_turn=True)
        else:  # the first loads the calendar data: after Babel, behind the workers too
            self._start_work.insert(1, status)
        self.search.set_programmes({p.id: p.title for p in catalog.programmes} if catalog else {})
        self._name_after(data)
        after_paints(self, lambda: self._catch_up(data), one_per_turn=True)

    def _on_outline(self, outline: ProgrammeOutline | None) -> None:
        if self.state.data is None:  # the start's programme, named while its data are read
            self._name_after(outline)

    def _name_after(self, shown: ProgrammeOutline | None) -> None:
        self.setWindowTitle(self.tr("{0} – Velsen Desk").format(shown.programme.title) if shown is not None
                            else self.tr("Velsen Desk"))

    def _show_data_status(self, data: ProgrammeData) -> None:
        self.sync.update_status()
        if self.state.data is not data:  # a newer programme shows its own
            return
        catalog = self.loader.catalog
        origin = {"origin": self._origin, **(read_origin(self.db_path) if self.db_path else {})}
        self.data_label.show_data(data, catalog.summary.data_version if catalog else None, origin)

    def _catch_up(self, data: ProgrammeData, waited_ms: int = 0) -> None:
        """The window's own start work (``_start_work``), then make, then draw, one hidden tab
        per event-loop turn (the visible one drew at once), then report ready; a newer programme
        makes this round moot."""
        if self.state.data is not data:
            return
        if waited_ms < CATCH_UP_MAX_WAIT_MS and (workers_busy() or self.current_tab().settling):
            # Each step after the tab on screen has settled and the workers are done: their
            # calls back into Python wait for the interpreter lock a worker holds, and a hidden
            # tab's draw shared its turn with the visible tree's paint (~0.1 s at 2,000 actions).
            QTimer.singleShot(CATCH_UP_WAIT_MS, self, lambda: self._catch_up(data, waited_ms + CATCH_UP_WAIT_MS))
            return
        if self._start_work:
            self._start_work.popleft()()
            after_paints(self, lambda: self._catch_up(data), one_per_turn=True)
            return
        unmade = next((page for page in self._pages() if not page.built), None)
        if unmade is not None:  # made in a turn of its own, drawn in the next
            unmade.content()
            after_paints(self, lambda: self._catch_up(data), one_per_turn=True)
            return
        ready = next((tab for tab in self._programme_tabs() if not tab.up_to_date), None)
        if ready is not None and ready.uses_preparations and self.loader.prepare(data):
            # It draws from the read's preparations: the start's read made none (they would
            # delay the first paint), so a worker makes them now (~0.1 s of the GUI thread at
            # 2,000 actions otherwise), alone: the catch-up goes on when they arrive
            # (_on_prepared). A second worker beside it (the Tijdlijn's layout) let the two
            # pass the interpreter lock between them while the GUI thread waited ~0.1 s.
            self._catch_up_waits = data
            return
        if ready is None:
            self.sig_ready.emit()
            hidden = [tab for tab in self._programme_tabs() if not tab.isVisible()]
            after_paints(self, lambda: self._prefetch(data, hidden), one_per_turn=True)
            return
        ready.ensure_drawn()
        # Not the next turn: a drawn table leaves Qt's own deferred work behind (a header's
        # delayed resize, rows refitted to it: ~20–40 ms of calls into Python at 100×), which
        # would run beside the next step's worker and wait for the interpreter lock it holds.
        QTimer.singleShot(CATCH_UP_WAIT_MS, self, lambda: self._catch_up(data))

    def _on_prepared(self, data: ProgrammeData) -> None:
        if self._catch_up_waits is data:
            self._catch_up_waits = None
            after_paints(self, lambda: self._catch_up(data), one_per_turn=True)

    def _prefetch(self, data: ProgrammeData, tabs: list[ProgrammeTab]) -> None:
        """One hidden tab per event-loop turn asks what its first paint will (see
        :meth:`ProgrammeTab.prefetch`); a newer programme or a tab shown meanwhile skips it."""
        if self.state.data is not data:
            return
        if not tabs:
            # Now the charts' library, in the background: a chart tab shown before it is
            # loaded says so and fills in when it arrives. Not beside the prefetch: numpy's
            # C initialisation holds the interpreter lock ~50 ms, and a prefetch turn waited.
            QTimer.singleShot(CHART_IMPORT_DELAY_MS, chart_library().request)
            return
        tab = tabs.pop(0)
        if tab.up_to_date and not tab.isVisible():
            tab.prefetch()
        after_paints(self, lambda: self._prefetch(data, tabs), one_per_turn=True)

    def _after_chart_library(self, *_failure: object) -> None:
        # Not at once: a chart tab that waited for pyqtgraph builds its chart now, and would
        # share the interpreter lock with the import.
        QTimer.singleShot(REPORT_PRELOAD_DELAY_MS, self, self.report_actions.preload)

    def _programme_tabs(self) -> tuple[ProgrammeTab, ...]:
        """The tabs made so far."""
        return tuple(page.content() for page in self._pages() if page.built)

    def _on_failure(self, error: object) -> None:
        text = self.tr("De gegevens konden niet gelezen worden. Het gegevensbestand is mogelijk beschadigd.\n\n"
                       "Details: {0}").format(error)
        self.statusBar().showMessage(self.tr("Laden mislukt"), 10000)
        self.sync.update_status()  # no programme shows it after its paint
        self.sig_failed.emit(text)
        if self._show_errors:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(self, self.tr("Velsen Desk – fout"), escaped_rich_text(text))

    def _reload(self) -> None:
        self.start(self.view_bar.programme_id, None)  # none yet: the loader keeps the one asked for

    # ---- Reactions

    def _on_item_requested(self, kind: str, item_id: str) -> None:
        tab = tab_for_kind(kind)
        if tab is not None:
            self._show_requested(tab, lambda: self.state.sig_item_requested.emit(kind, item_id))

    def _on_person_requested(self, person_id: str) -> None:
        self._show_requested("portfolio", lambda: self.state.sig_person_requested.emit(person_id))

    def _on_action_requested(self, action_id: str) -> None:
        self._show_requested("budget", lambda: self.state.sig_action_requested.emit(action_id))

    def _on_theme_requested(self, theme_id: str) -> None:
        self._show_requested("themes", lambda: self.state.sig_theme_requested.emit(theme_id))

    def _show_requested(self, key: str, send_again: Callable[[], None]) -> None:
        """Show the tab that answers a request. A tab made by this switch connected to the
        request while it was being sent, and Qt does not call connections made during an
        emission: the request is sent once more for it (the other tabs ignore what is not theirs)."""
        page = self._pages()[TAB_KEYS.index(key)]
        made = page.built
        page.content()
        self.select_tab(key)
        if not made:
            send_again()

    def _on_busy(self, busy: bool, label: str) -> None:
        self.progress.setVisible(busy)
        bar = self.statusBar()
        if busy:
            bar.showMessage(label)
            self._busy_message = bar.currentMessage()
        elif bar.currentMessage() == self._busy_message:
            bar.clearMessage()  # only the work's own label: a result the work left (an error) stays

    def _on_tab_changed(self, index: int) -> None:
        if 0 <= index < len(TAB_KEYS):
            self.state.set_current_tab(TAB_KEYS[index])
        if 0 <= index < len(self.tab_actions):
            self.tab_actions[index].setChecked(True)

    def current_tab(self) -> ProgrammeTab:
        """The tab on screen (made now if it was not yet)."""
        return self._pages()[max(0, self.tabs.currentIndex())].content()

    def _about(self) -> None:
        self.about_box().exec()

    def about_box(self) -> QMessageBox:
        """"Over Velsen Desk": which data is open in a raadslid's words (as the status bar says
        it); the data version, a hash, only in the tooltip, for the griffie."""
        version = (self.catalog.summary.data_version if self.catalog else None) or self.tr("onbekend")
        origin = {"origin": self._origin, **(read_origin(self.db_path) if self.db_path else {})}
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Over Velsen Desk"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            self.tr("<h3>Velsen Desk {0}</h3><p>Het raadsprogramma, de portefeuilleverdeling en het Actieplan "
                    "Velsen-Noord, offline in één venster.</p><p>{1}.</p>"
                    "<p>Licentie: EUPL-1.2.</p>").format(__version__, html.escape(self.data_label.origin_text(origin)))
        )
        box.setToolTip(self.tr("Gegevensversie (voor de griffie): {0}").format(version))
        return box

    # ---- Settings

    def _restore_settings(self) -> None:
        geometry = self._settings.value("main_window/geometry") if self._settings is not None else None
        restored = geometry is not None and self.restoreGeometry(geometry)
        place_window(self, restored)  # fits small screens; brings a window from another monitor back
        if self._settings is None:
            return
        state = self._settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)
            self.search.dock.hide()  # the query is not kept, so a restored panel would be empty
        tab = self._settings.value("main_window/tab", 0)
        if isinstance(tab, int | str) and str(tab).isdigit():  # an ini file gives a string
            self.tabs.setCurrentIndex(int(tab))

    def _save_settings(self) -> None:
        if self._settings is None:
            return
        self._settings.setValue("main_window/geometry", self.saveGeometry())
        self._settings.setValue("main_window/state", self.saveState())
        self._settings.setValue("main_window/tab", self.tabs.currentIndex())
        self._settings.sync()


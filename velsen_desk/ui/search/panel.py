"""Search everything: a field for the toolbar and a results dock with highlighted words.

Typing starts a query after a short pause (150 ms) on the search runner (a worker thread);
older results are dropped when a newer query is running. Choosing a result emits
``sig_hit_chosen``; the main window opens it in its tab.
"""

from __future__ import annotations

from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from velsen_desk.core.task_state import TaskState
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.widgets.style import plain_label

if TYPE_CHECKING:
    from velsen_desk.ui.search.model import SearchResultsModel

DEBOUNCE_MS = 150


def marked_html(text: str) -> str:
    """Escape ``text`` and turn the \\x02..\\x03 markers into bold."""
    return escape(text).replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")


def _plain(text: str) -> str:
    return " ".join(text.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "").split())


# ---- Work (worker thread; touches no widget)


def search_hits(db: ReadOnlyDatabase | None, query: str, _state: TaskState) -> list[SearchHit]:
    """The hits for ``query`` in every programme (none while no database is open)."""
    from velsen_desk.storage.search import search

    return db.read(search, query) if db is not None else []


class SearchField(QLineEdit):
    """The toolbar's search field; Down moves into the results."""

    sig_down = Signal()
    """The user pressed Down (or Enter) to go to the results."""
    sig_escape = Signal()
    """The user pressed Escape."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sig_down.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.sig_escape.emit()
            return
        super().keyPressEvent(event)


class SearchPanel(QObject):
    """Owns the search field, the results dock and their model; holds no business rules."""

    # ---- Signals
    sig_hit_chosen = Signal(object)
    """A result was chosen (a :class:`SearchHit`)."""
    sig_results = Signal(int)
    """Results for the latest query are shown (number of hits; 0 means "geen resultaten")."""
    sig_dismissed = Signal()
    """Escape in an empty field: the user is done searching; the window takes the focus back."""

    def __init__(self, runner: OperationRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._runner = runner
        self._programmes: dict[str, str] = {}
        self.field = SearchField(parent)
        self.field.setObjectName("search_field")
        self.field.setPlaceholderText(self.tr("Zoeken in alles… (Ctrl+F)"))
        self.field.setAccessibleName(self.tr("Zoeken"))
        self.field.setAccessibleDescription(
            self.tr("Zoek in thema’s, hoofdstukken, acties, begrotingen, portefeuilles en personen.")
        )
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(220)
        self.field.setMaximumWidth(320)

        # The dock is made now (the window's saved layout names it); what it holds, with the
        # delegate's QTextDocument and the model, when a first result is shown: the hidden dock
        # made ~30 Python classes of Qt enums before the window's first paint.
        self.dock = QDockWidget(self.tr("Zoekresultaten"), parent)
        self.dock.setObjectName("search_dock")
        self.dock.setAccessibleName(self.tr("Zoekresultaten"))
        self.dock.setMinimumWidth(340)
        self.dock.hide()
        self._model: SearchResultsModel | None = None
        self._status: QLabel | None = None
        self._view: QTreeView | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_query)
        self.field.textChanged.connect(self._on_text)
        self.field.sig_down.connect(self.focus_results)
        self.field.sig_escape.connect(self._on_escape)
        self._last_query = ""

    # ---- Public API

    @property
    def model(self) -> SearchResultsModel:
        if self._model is None:
            self._make_results()
        assert self._model is not None
        return self._model

    @property
    def status(self) -> QLabel:
        if self._status is None:
            self._make_results()
        assert self._status is not None
        return self._status

    @property
    def view(self) -> QTreeView:
        if self._view is None:
            self._make_results()
        assert self._view is not None
        return self._view

    def set_programmes(self, titles: dict[str, str]) -> None:
        self._programmes = titles

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def focus_results(self) -> None:
        if self._timer.isActive():  # Enter before the pause ended: search now
            self._timer.stop()
            self.run_query()
        first = self.model.first_hit_index()
        if first.isValid():
            self.view.setCurrentIndex(first)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def run_query(self) -> None:
        query = self.field.text()
        self._last_query = query
        if not query.strip():
            self.model.set_hits([])
            self.dock.hide()
            return
        self._runner.start(Operation(partial(search_hits, self._runner.database, query),
                                     success=partial(self._on_hits, query), failure=self._on_error, key="search"))

    def result_titles(self) -> list[tuple[str, str]]:
        """(group label, plain title) of every result row, in order (for tests)."""
        rows = []
        for g in range(self.model.rowCount()):
            group = self.model.index(g, 0)
            for r in range(self.model.rowCount(group)):
                rows.append((group.data(), self.model.index(r, 0, group).data()))
        return rows

    # ---- Qt

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.focus_field()
            return True
        return super().eventFilter(watched, event)

    # ---- Private

    def _make_results(self) -> None:
        from velsen_desk.ui.search.delegate import HighlightDelegate
        from velsen_desk.ui.search.model import SearchResultsModel

        self._model = SearchResultsModel(self)
        body = QWidget(self.dock)
        self._status = plain_label(QLabel(body))  # quotes what the user typed
        self._status.setWordWrap(True)
        self._status.setAccessibleName(self.tr("Aantal zoekresultaten"))
        self._view = view = QTreeView(body)
        view.setModel(self._model)
        view.setHeaderHidden(True)
        view.setItemDelegate(HighlightDelegate(view))
        view.setWordWrap(True)
        view.setAccessibleName(self.tr("Zoekresultaten"))
        view.setAccessibleDescription(self.tr("Resultaten per soort; Enter opent het gekozen resultaat."))
        view.activated.connect(self._on_activated)
        view.clicked.connect(self._on_activated)
        view.installEventFilter(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._status)
        layout.addWidget(view, 1)
        self.dock.setWidget(body)

    def _on_escape(self) -> None:
        """The first Escape clears the query and its results; the next one leaves the field."""
        if self.field.text():
            self.field.clear()
            self._timer.stop()
            self.run_query()  # an empty query: no results, the panel closes
            self.status.clear()
            return
        self.dock.hide()
        self.sig_dismissed.emit()

    def _on_text(self, _text: str) -> None:
        self._timer.start()

    def _on_hits(self, query: str, hits: list[SearchHit]) -> None:
        self.model.set_hits(hits, self._programmes)
        self.view.expandAll()
        if hits:
            self.status.setText(self.tr("%n resultaten voor “{0}”", "", len(hits)).format(query.strip()[:60]))
        else:
            self.status.setText(self.tr("Geen resultaten voor “{0}”.").format(query.strip()[:60]))
        self.dock.show()
        self.dock.raise_()
        self.sig_results.emit(len(hits))

    def _on_error(self, error: Exception) -> None:
        self.model.set_hits([])
        self.status.setText(self.tr("Zoeken lukte niet; probeer andere woorden. ({0})").format(error))
        self.dock.show()
        self.sig_results.emit(0)

    def _on_activated(self, index: QModelIndex) -> None:
        from velsen_desk.ui.search.model import HIT_ROLE

        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.sig_hit_chosen.emit(hit)

"""Search everything: a field for the toolbar and a results dock with highlighted words.

Typing starts a query after a short pause (150 ms) on the search runner (a worker thread);
older results are dropped when a newer query is running. Choosing a result emits
``sig_hit_chosen``; the main window opens it in its tab.
"""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.task_state import TaskState
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.search.model import HIT_ROLE, MARKED_ROLE, SearchResultsModel
from velsen_desk.ui.widgets.style import plain_label

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


class HighlightDelegate(QStyledItemDelegate):
    """Draws a hit as rich text: the title with matching words bold, the snippet below, muted.

    ``QtWidgets.QStyle`` is looked up when a hit is drawn: PySide makes a class (with its enums)
    on first access, and QStyle's ~7 ms are not needed to start.

    The laid-out documents are kept (per hit, font, colours and width): each paint and size
    hint made and laid out a QTextDocument per row again, ~1 ms each."""

    MAX_KEPT = 400  # a few result lists' worth

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[tuple[object, ...], QTextDocument] = {}

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument | None:
        marked = index.data(MARKED_ROLE)
        if not marked:
            return None
        selected = bool(option.state & QtWidgets.QStyle.StateFlag.State_Selected)
        palette = option.palette
        width = option.rect.width()
        view = self.parent()
        if width <= 0 and isinstance(view, QTreeView):  # sizeHint: the room the view offers
            width = view.viewport().width() - 2 * view.indentation()
        key = (tuple(marked), option.font.key(), selected, palette.text().color().rgba(),
               palette.highlightedText().color().rgba(), palette.placeholderText().color().rgba(), max(width, 160))
        doc = self._documents.get(key)
        if doc is None:
            if len(self._documents) >= self.MAX_KEPT:
                self._documents.clear()
            doc = self._documents[key] = self._make_document(option, marked, selected, width)
        return doc

    def _make_document(
        self, option: QStyleOptionViewItem, marked: tuple[str, str, str], selected: bool, width: int
    ) -> QTextDocument:
        title, snippet, programme = marked
        if _plain(snippet) == _plain(title):  # the snippet only repeats the title
            snippet = ""
        separator = " · " if snippet else ""
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        colour = option.palette.highlightedText().color() if selected else option.palette.text().color()
        muted = colour.name() if selected else option.palette.placeholderText().color().name()
        doc.setHtml(
            f"<div style='color:{colour.name()}'>{marked_html(title)}</div>"
            f"<div style='color:{muted}'>{marked_html(snippet)}{separator}<i>{escape(programme)}</i></div>"
        )
        doc.setTextWidth(max(width, 160))
        return doc

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        doc = self._document(option, index)
        if doc is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget: QWidget | None = opt.widget  # the stubs say QWidget; Qt gives None without a widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(option.rect.topLeft())
        doc.drawContents(painter, QRectF(0, 0, option.rect.width(), option.rect.height()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        doc = self._document(option, index)
        if doc is None:
            return super().sizeHint(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


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

        self.model = SearchResultsModel(self)
        self.dock = QDockWidget(self.tr("Zoekresultaten"), parent)
        self.dock.setObjectName("search_dock")
        self.dock.setAccessibleName(self.tr("Zoekresultaten"))
        body = QWidget(self.dock)
        self.status = plain_label(QLabel(body))  # quotes what the user typed
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Aantal zoekresultaten"))
        self.view = QTreeView(body)
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setItemDelegate(HighlightDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setAccessibleName(self.tr("Zoekresultaten"))
        self.view.setAccessibleDescription(self.tr("Resultaten per soort; Enter opent het gekozen resultaat."))
        self.view.activated.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        self.view.installEventFilter(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.dock.setWidget(body)
        self.dock.setMinimumWidth(340)
        self.dock.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_query)
        self.field.textChanged.connect(self._on_text)
        self.field.sig_down.connect(self.focus_results)
        self.field.sig_escape.connect(self._on_escape)
        self._last_query = ""

    # ---- Public API

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
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.sig_hit_chosen.emit(hit)

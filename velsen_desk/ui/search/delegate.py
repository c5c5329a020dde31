"""The search results' delegate: a hit drawn as rich text. Imported with the results dock's
contents, when the first result is shown (its Qt classes are not needed to start)."""

from __future__ import annotations

from html import escape

from PySide6 import QtWidgets
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QPainter, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

from velsen_desk.ui.search.model import MARKED_ROLE
from velsen_desk.ui.search.panel import _plain, marked_html


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

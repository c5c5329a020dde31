"""The changed words of a change, drawn: a cell delegate for the Oud/Nieuw columns and the HTML
of the detail pane below the list.

A cell that cuts "Planning in overleg met De Plataan" and "Planning in overleg met de school"
off after the same words hides the change. The cells start a few words before the first
difference ("… overleg met De Plataan") and mark the words that differ; the detail pane shows
both texts in full with the same marks. Removed words are struck through, added words
underlined, both on a tinted background: the marks do not rest on colour alone.
"""

from __future__ import annotations

from html import escape

from PySide6 import QtWidgets
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from velsen_desk.core.word_diff import Piece
from velsen_desk.ui.widgets.style import is_dark

PIECES_ROLE = Qt.ItemDataRole.UserRole + 20
"""A cell's word diff pieces (tuple of core.word_diff.Piece), or None for a plain cell."""


def _background(kind: str) -> str:
    if kind == "removed":
        return "#5c2b29" if is_dark() else "#ffd7d5"
    return "#1f4d2b" if is_dark() else "#ccf0d4"


def pieces_html(pieces: tuple[Piece, ...], tinted: bool = True) -> str:
    """The pieces as HTML: removed words struck through, added words underlined, both tinted
    (not on a selected row, whose highlighted text would not read on the tint)."""
    out: list[str] = []
    for piece in pieces:
        text = escape(piece.text)
        if piece.kind == "same":
            out.append(text)
        else:
            line = "line-through" if piece.kind == "removed" else "underline"
            tint = f"background-color:{_background(piece.kind)}; " if tinted else ""
            style = f"{tint}text-decoration:{line}"
            out.append(f"<span style='{style}'>{text}</span>")
    return "".join(out)


class WordDiffDelegate(QStyledItemDelegate):
    """Draws a cell with PIECES_ROLE as one line of marked words; other cells as usual."""

    def _document(self, option: QStyleOptionViewItem, pieces: tuple[Piece, ...]) -> QTextDocument:
        selected = bool(option.state & QtWidgets.QStyle.StateFlag.State_Selected)
        colour: QColor = option.palette.highlightedText().color() if selected else option.palette.text().color()
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(f"<div style='color:{colour.name()}; white-space:pre'>{pieces_html(pieces, not selected)}</div>")
        return doc

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        pieces = index.data(PIECES_ROLE)
        if not pieces:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget: QWidget | None = opt.widget  # the stubs say QWidget; Qt gives None without a widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, pieces)
        painter.save()
        painter.setClipRect(option.rect)
        painter.translate(option.rect.topLeft())
        doc.drawContents(painter, QRectF(0, 0, option.rect.width(), option.rect.height()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        pieces = index.data(PIECES_ROLE)
        if not pieces:
            return super().sizeHint(option, index)
        doc = self._document(option, pieces)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))

"""Show a PDF inside the application and print it (Qt PDF module).

QtPdf comes from the PySide6-Pdf package (PySide6-Addons before 6.12). Without it the preview
says so and printing is unavailable; saving and opening still work.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover - depends on the installation
    QPdfDocument = None  # type: ignore[assignment,misc]
    QPdfView = None  # type: ignore[assignment,misc]

log = logging.getLogger(__name__)

HAVE_PDF = QPdfDocument is not None
MAX_PRINT_DPI = 300  # enough for text; an A4 page at 300 dpi is a 35 MB image


def _tr(text: str) -> str:
    # The empty context: lupdate files bare _tr() calls there (packaging/update-translations.sh).
    return QCoreApplication.translate("", text)


class PrintError(Exception):
    """Printing failed; the message is plain Dutch."""


class PdfPreview(QWidget):
    """All pages of one PDF, scrolled vertically and fitted to the width."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self) if HAVE_PDF else None
        self._stack = QStackedLayout()
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(24)
        self.placeholder.setText(
            self.tr("Kies links het rapport en druk op “Voorbeeld maken”. De pagina’s verschijnen hier.")
            if HAVE_PDF else
            self.tr("Het voorbeeld is niet beschikbaar: de Qt PDF-module (PySide6-Pdf) ontbreekt. "
                    "Opslaan en openen werken wel.")
        )
        self._stack.addWidget(self.placeholder)
        self.view: QPdfView | None = None
        if self.document is not None:
            view = QPdfView(self)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            view.setPageSpacing(12)
            view.setDocument(self.document)
            view.setAccessibleName(self.tr("Voorbeeld van het rapport"))
            view.setAccessibleDescription(self.tr("Alle pagina’s onder elkaar; blader met de pijltjestoetsen."))
            view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self._stack.addWidget(view)
            self.view = view
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._stack)

    # ---- Public API

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def load(self, path: Path) -> bool:
        """Show ``path``; False when it cannot be shown (no QtPdf, or an unreadable file)."""
        if self.document is None or self.view is None:
            return False
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_ or self.document.pageCount() == 0:
            log.warning("preview of %s failed: %s", path, error)
            self.clear()
            return False
        self._stack.setCurrentWidget(self.view)
        self.go_to_page(0)
        return True

    @property
    def current_page(self) -> int:
        """The page at the top of the view (0-based; 0 without a document)."""
        return self.view.pageNavigator().currentPage() if self.view is not None else 0

    def go_to_page(self, page: int) -> None:
        """Scroll to ``page`` (0-based, clamped to the document)."""
        if self.view is not None and self.page_count:
            self.view.pageNavigator().jump(max(0, min(page, self.page_count - 1)), QPointF(), 0)

    def clear(self) -> None:
        if self.document is not None:
            self.document.close()
        self._stack.setCurrentWidget(self.placeholder)


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Render the pages (the printer's range, else all) into ``printer``; returns pages printed.

    Runs on the GUI thread (QPdfDocument is not shared across threads)."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        first, last = 1, count
    first, last = max(1, first), min(count, last)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(_tr("De printer kan niet worden gestart."))
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    printed = 0
    try:
        for index in range(first - 1, last):
            if printed and not printer.newPage():
                raise PrintError(_tr("De printer weigert een nieuwe pagina."))
            points = document.pagePointSize(index)
            image = document.render(index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            target = QRectF(painter.viewport())
            scale = min(target.width() / image.width(), target.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            painter.drawImage(
                QRectF(target.x() + (target.width() - width) / 2, target.y() + (target.height() - height) / 2,
                       width, height),
                image,
            )
            printed += 1
    finally:
        painter.end()
    return printed

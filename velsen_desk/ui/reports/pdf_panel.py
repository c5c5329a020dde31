"""The right side of the report dialog: the previewed PDF with its pages, and saving, printing
and opening exactly that file (so what is saved or printed is what was previewed)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.os_errors import describe_os_error
from velsen_desk.core.own_files import own_file_message
from velsen_desk.reports.request import ReportResult
from velsen_desk.ui.reports.preview import HAVE_PDF, PdfPreview, PrintError, print_document


class PdfPanel(QGroupBox):
    """Shows one made report; its buttons (:attr:`buttons`) are placed by the dialog."""

    # ---- Signals
    sig_saved = Signal(object)
    """The previewed report was saved; the chosen :class:`Path`."""
    sig_message = Signal(str)
    """Something to tell the user (Dutch)."""
    sig_error = Signal(str)
    """Something went wrong (Dutch)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Voorbeeld"))
        self.result_: ReportResult | None = None
        self.saved_path: Path | None = None
        self.printer: QPrinter | None = None
        self._busy = False

        self.preview = PdfPreview(self)
        self.pages_label = QLabel(self)
        self.pages_label.setAccessibleName(self.tr("Aantal pagina’s"))
        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.previous_button.setAccessibleName(self.tr("Vorige pagina"))
        self.previous_button.setToolTip(self.tr("Vorige pagina"))
        self.previous_button.clicked.connect(lambda: self.preview.go_to_page(self.preview.current_page - 1))
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.next_button.setAccessibleName(self.tr("Volgende pagina"))
        self.next_button.setToolTip(self.tr("Volgende pagina"))
        self.next_button.clicked.connect(lambda: self.preview.go_to_page(self.preview.current_page + 1))
        pages_row = QHBoxLayout()
        pages_row.addWidget(self.pages_label, 1)
        pages_row.addWidget(self.previous_button)
        pages_row.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(pages_row)

        self.save_button = QPushButton(self.tr("Op&slaan als…"), self)
        self.save_button.setToolTip(self.tr("Bewaar het getoonde rapport als PDF (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("&Afdrukken…"), self)
        self.print_button.setToolTip(self.tr("Druk het getoonde rapport af (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_report)
        self.open_button = QPushButton(self.tr("Op&enen"), self)
        self.open_button.setToolTip(self.tr("Open het opgeslagen bestand in de PDF-lezer"))
        self.open_button.clicked.connect(self.open_saved)
        self.buttons = (self.save_button, self.print_button, self.open_button)
        self.update_enabled()

    # ---- Public API

    def show_result(self, result: ReportResult) -> bool:
        """Show a made report; False when the preview cannot show it (it can still be saved)."""
        self.result_ = result
        self.saved_path = None
        shown = self.preview.load(result.path)
        pages = self.preview.page_count if shown else result.pages
        self.pages_label.setText(self.tr("%n pagina’s", "", pages))
        self.update_enabled()
        return shown

    def forget(self) -> bool:
        """The choices changed: the shown report no longer matches them. True when one was shown."""
        had = self.result_ is not None
        self.result_ = None
        self.saved_path = None
        self.update_enabled()
        return had

    def clear(self) -> None:
        self.preview.clear()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.update_enabled()

    def save(self, suggested_name: str = "") -> Path | None:
        """Ask where to save the previewed PDF and copy it there."""
        if self.result_ is None:
            return None
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = suggested_name or self.result_.path.name
        suggested = str((self.saved_path.parent if self.saved_path else Path(folder)) / name)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Rapport opslaan"), suggested, self.tr("PDF-bestanden (*.pdf)")
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        refusal = own_file_message(target)
        if refusal is not None:  # the notes or the local database must never become this PDF
            self.sig_error.emit(refusal)
            return None
        try:
            shutil.copyfile(self.result_.path, target)
        except OSError as exc:
            self.sig_error.emit(self.tr("Kan niet opslaan als {0}: {1}.").format(target, describe_os_error(exc)))
            return None
        self.saved_path = target
        self.sig_message.emit(self.tr("Opgeslagen als {0}.").format(target))
        self.update_enabled()
        self.sig_saved.emit(target)
        return target

    def print_report(self) -> int:
        """Ask the system print dialog, then print the previewed pages; returns pages printed."""
        document = self.preview.document
        if self.result_ is None or document is None or self.preview.page_count == 0:
            return 0
        printer = self.printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer = printer
        printer.setDocName(self.result_.path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Rapport afdrukken"))
        dialog.setMinMax(1, self.preview.page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        self.setCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = print_document(document, printer)
        except PrintError as exc:
            self.sig_error.emit(str(exc))
            return 0
        finally:
            self.unsetCursor()
        self.sig_message.emit(self.tr("%n pagina’s naar de printer gestuurd.", "", pages))
        return pages

    def open_saved(self) -> bool:
        """Open the saved file in the system's PDF reader."""
        if self.saved_path is None:
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path))):
            self.sig_error.emit(self.tr("Het bestand {0} kon niet worden geopend. Is er een PDF-lezer "
                                        "geïnstalleerd?").format(self.saved_path))
            return False
        return True

    def update_enabled(self) -> None:
        ready = self.result_ is not None and not self._busy
        for button in (self.previous_button, self.next_button):
            button.setEnabled(ready and self.preview.page_count > 1)
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready and HAVE_PDF)
        self.open_button.setEnabled(self.saved_path is not None)
        self.open_button.setToolTip(self.tr("Open het opgeslagen bestand in de PDF-lezer")
                                    if self.saved_path else self.tr("Sla het rapport eerst op."))

"""Beheer → Werkmap inlezen…: choose workbooks, see their problems (sheet, row, column) or the
changes, and only then write them into the data folder.

Reading, checking and the diff run in a worker (:func:`~velsen_desk.ui.beheer.jobs.preview_import`);
nothing is written until the griffie presses "Inlezen", and then all or nothing. A monitor form
whose party already reported on that peildatum is refused until the griffie chooses "Vervangen".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.ui.beheer.jobs import BeheerError, ImportPreview, WrittenImport, preview_import, write_import
from velsen_desk.ui.beheer.task_panel import TaskPanel
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.sync.changes import ChangesModel
from velsen_desk.ui.sync.word_diff_view import WordDiffDelegate
from velsen_desk.ui.widgets.style import plain_label


class ImportDialog(QDialog):
    # ---- Signals
    sig_written = Signal(object)
    """The data folder now holds the workbooks' data (the :class:`WrittenImport`)."""
    sig_publish_requested = Signal()
    """The griffie asked to build and publish the new data."""

    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Werkmap inlezen"))
        self.resize(1000, 620)
        self.folder = folder
        self.workbooks: list[Path] = []
        self.preview: ImportPreview | None = None
        self.runner = OperationRunner(None, self)

        intro = plain_label(QLabel(self.tr("Gegevensmap: {0}").format(folder), self))
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Werkmappen kiezen…"), self)
        self.choose_button.clicked.connect(self.choose)
        self.files_label = plain_label(QLabel(self.tr("Nog geen werkmap gekozen."), self))
        self.files_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.files_label, 1)
        top.addWidget(self.choose_button)
        self.summary = plain_label(QLabel(self))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Samenvatting"))
        self.task = TaskPanel(self)

        self.problems = QTreeWidget(self)
        self.problems.setObjectName("import_problems")
        self.problems.setHeaderLabels([self.tr("Werkmap"), self.tr("Blad"), self.tr("Rij"), self.tr("Kolom (cel)"),
                                       self.tr("Probleem")])
        self.problems.setRootIsDecorated(False)
        self.problems.setAlternatingRowColors(True)
        self.problems.setAccessibleName(self.tr("Problemen in de werkmap"))
        header = self.problems.header()
        for column, width in ((0, 140), (1, 150), (2, 50), (3, 170)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.problems.currentItemChanged.connect(self._show_problem)
        self.problem_detail = plain_label(QLabel(self))
        self.problem_detail.setWordWrap(True)
        self.problem_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_detail.setAccessibleName(self.tr("Het gekozen probleem voluit"))

        self.model = ChangesModel(self)
        self.changes = QTreeView(self)
        self.changes.setObjectName("import_changes")
        self.changes.setModel(self.model)
        self.changes.setItemDelegate(WordDiffDelegate(self.changes))
        self.changes.setAccessibleName(self.tr("Wijzigingen bij inlezen"))
        changes_header = self.changes.header()
        changes_header.resizeSection(0, 280)
        changes_header.resizeSection(1, 190)
        for column in (2, 3):
            changes_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        self.problems_box = problems_box = QWidget(split)
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problems, 1)
        problems_layout.addWidget(self.problem_detail)
        split.addWidget(problems_box)
        split.addWidget(self.changes)

        self.replace_label = plain_label(QLabel(self))
        self.replace_label.setWordWrap(True)
        self.replace_button = QPushButton(self.tr("&Vervangen"), self)
        self.replace_button.setToolTip(self.tr("De nieuwe rapportage komt in de plaats van de bestaande van dezelfde "
                                               "partij op die peildatum"))
        self.replace_button.clicked.connect(self.replace_existing)
        replace_row = QHBoxLayout()
        replace_row.addWidget(self.replace_label, 1)
        replace_row.addWidget(self.replace_button)
        self.replace_box = QWidget(self)
        self.replace_box.setLayout(replace_row)
        self.replace_box.hide()

        buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("&Inlezen"), self)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.confirm)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.publish_button = QPushButton(self.tr("&Bouwen en publiceren…"), self)
        self.publish_button.hide()
        self.publish_button.clicked.connect(self.sig_publish_requested)
        buttons.addButton(self.publish_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.task)
        layout.addWidget(split, 1)
        layout.addWidget(self.replace_box)
        layout.addWidget(buttons)

    # ---- Public API

    def choose(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(self, self.tr("Werkmappen kiezen"), "",
                                                       self.tr("Excel-werkmappen (*.xlsx)"))
        if chosen:
            self.check([Path(p) for p in chosen])

    def check(self, workbooks: Sequence[Path], replace: bool = False) -> None:
        """Read and check ``workbooks`` against the data folder (in a worker); writes nothing."""
        self.workbooks = list(workbooks)
        self.files_label.setText(", ".join(p.name for p in self.workbooks))
        self._clear()
        self.summary.setText(self.tr("Controleren…"))
        operation = Operation(partial(preview_import, tuple(self.workbooks), self.folder, replace),
                              success=self._on_preview, failure=self._on_failed, key="preview",
                              expected=(BeheerError,))
        operation.with_progress(callback=self.task.progress).on_cancelled(self._on_cancelled)
        self.task.track(self.runner.start(operation), self.tr("Controleren…"))
        self.choose_button.setEnabled(False)

    def replace_existing(self) -> None:
        """The griffie chose to replace the party's earlier report: check again with that choice."""
        self.check(self.workbooks, replace=True)

    def confirm(self) -> None:
        """Write what was checked, all or nothing (in a worker)."""
        preview = self.preview
        if preview is None or preview.problems:
            return
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Schrijven…"))
        operation = Operation(partial(write_import, preview), success=self._on_written, failure=self._on_failed,
                              key="write", expected=(BeheerError,))
        operation.with_progress(callback=self.task.progress).on_cancelled(self._on_cancelled)
        self.task.track(self.runner.start(operation), self.tr("Schrijven…"))

    def problem_lines(self) -> list[str]:
        """The problems as shown, one line each (for tests and for copying)."""
        lines = []
        for row in range(self.problems.topLevelItemCount()):
            item = self.problems.topLevelItem(row)
            if item is not None:
                lines.append(" | ".join(item.text(c) for c in range(5)))
        return lines

    def wait(self, msecs: int = 30000) -> None:
        self.runner.wait(msecs)

    # ---- Private

    def _clear(self) -> None:
        self.preview = None
        self.problems.clear()
        self.problem_detail.clear()
        self.model.set_changes([])
        self.replace_box.hide()
        self.import_button.setEnabled(False)
        self.publish_button.hide()

    def _on_preview(self, preview: ImportPreview) -> None:
        self.task.done()
        self.choose_button.setEnabled(True)
        self.preview = preview
        for problem in preview.problems:
            column = f"{problem.header} ({problem.cell})" if problem.header and problem.cell else problem.header or ""
            item = QTreeWidgetItem([problem.workbook.name, problem.sheet or "",
                                    str(problem.row) if problem.row is not None else "", column, problem.message])
            item.setToolTip(4, problem.message)
            item.setData(0, Qt.ItemDataRole.UserRole, str(problem))
            self.problems.addTopLevelItem(item)
        self.problems_box.setVisible(bool(preview.problems))  # one of the two fills the dialog
        self.changes.setVisible(not preview.problems)
        if preview.problems:
            self.summary.setText(self.tr("%n probleem/problemen gevonden; er wordt niets geschreven. Kies een "
                                         "probleem om het voluit te lezen, verbeter de werkmap en lees haar opnieuw "
                                         "in.", "", len(preview.problems)))
            first = self.problems.topLevelItem(0)
            if first is not None:
                self.problems.setCurrentItem(first)
            if preview.replaceable:
                self.replace_label.setText(self.tr("Deze partij heeft op die peildatum al gerapporteerd. Wilt u die "
                                                   "rapportage vervangen door die uit het formulier?"))
                self.replace_box.show()
            return
        self.model.set_changes(list(preview.changes))
        self.changes.expandAll()
        if not preview.updates:
            self.summary.setText(self.tr("De werkmap wijzigt niets aan de gegevens; er valt niets in te lezen."))
            return
        text = self.tr("%n wijziging(en) in wat het venster toont.", "", len(preview.changes)) if preview.changes \
            else self.tr("Geen wijzigingen in wat het venster toont (wel in de gegevens).")
        self.summary.setText(text + " " + self.tr("Inlezen schrijft %n bestand(en) in de gegevensmap.", "",
                                                  len(preview.updates)))
        self.import_button.setEnabled(True)

    def _on_written(self, written: WrittenImport) -> None:
        self.task.done()
        self.summary.setText(self.tr("Ingelezen: %n bestand(en) geschreven. Bouw en publiceer de database om de "
                                     "raadsleden de nieuwe gegevens te geven.", "", len(written.files)))
        self.publish_button.show()
        self.sig_written.emit(written)

    def _on_failed(self, error: Exception) -> None:
        self.task.done()
        self.choose_button.setEnabled(True)
        self.import_button.setEnabled(self.preview is not None and not self.preview.problems
                                      and bool(self.preview.updates))
        text = str(error) if isinstance(error, BeheerError) else self.tr(
            "Onverwachte fout: {0}. Er is niets geschreven.").format(error)
        self.summary.setText(text)

    def _on_cancelled(self) -> None:
        self.task.done()
        self.choose_button.setEnabled(True)
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Geannuleerd; er is niets geschreven."))

    def _show_problem(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self.problem_detail.setText(str(current.data(0, Qt.ItemDataRole.UserRole)) if current is not None else "")


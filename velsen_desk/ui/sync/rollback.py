""""Vorige versie terugzetten…": choose a kept version, see what changes, confirm, go back.

The listing, the diff and the rollback itself run in a worker (:mod:`velsen_desk.sync.rollback`,
Qt-free); the dialog only shows them. The kept version is verified with the same checks as a
sync before it replaces the local copy; notes are never touched.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.formatting import format_long_date
from velsen_desk.core.locales import Locale
from velsen_desk.storage.database import DatabaseError, inspect_database
from velsen_desk.sync.diff import Change
from velsen_desk.sync.rollback import (
    KeptVersion,
    RollbackError,
    RollbackResult,
    kept_versions,
    rollback,
    rollback_preview,
)
from velsen_desk.ui.language import window_locale
from velsen_desk.ui.operations import Operation, OperationRunner
from velsen_desk.ui.sync.changes import ChangesModel, arrange_change_columns, unlisted_change_text


def kept_label(version: KeptVersion) -> str:
    stamp = version.kept_at.astimezone()
    return f"{format_long_date(stamp.date(), window_locale())} {stamp:%H:%M}"


def preview_changes(
    local_db: Path, version: KeptVersion, locale: Locale
) -> tuple[list[Change], str | None, bool]:
    """Worker: :func:`rollback_preview` in the window's ``locale``, and whether the kept version
    holds other data than the current copy (then an empty list must not read as "no difference")."""
    changes, skipped_because = rollback_preview(local_db, version, locale)
    try:
        current = inspect_database(local_db).data_version
    except DatabaseError:
        current = None  # the preview already says why the current copy cannot be read
    return changes, skipped_because, current != version.data_version


class RollbackDialog(QDialog):
    # ---- Signals
    sig_rolled_back = Signal(object)
    """The local copy is now the chosen kept version (the :class:`RollbackResult`); reload everything."""

    def __init__(self, local_db: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rollback_dialog")
        self.setWindowTitle(self.tr("Vorige versie terugzetten"))
        self.resize(900, 560)
        self._local_db = local_db
        self._versions: list[KeptVersion] = []
        self.runner = OperationRunner(None, self)
        intro = QLabel(
            self.tr("Kies een eerder gebruikte versie van de gegevens. U ziet eerst wat er verandert; "
                    "uw notities blijven zoals ze zijn."),
            self,
        )
        intro.setWordWrap(True)
        self.versions = QListWidget(self)
        self.versions.setAccessibleName(self.tr("Bewaarde versies"))
        self.versions.setMaximumHeight(140)
        self.versions.currentRowChanged.connect(self._on_chosen)
        self.summary = QLabel(self.tr("Bewaarde versies zoeken…"), self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Samenvatting"))
        self.model = ChangesModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        arrange_change_columns(self.tree)  # as in "Wat is er veranderd": readable columns, changed words marked
        self.tree.setAccessibleName(self.tr("Wijzigingen bij terugzetten"))
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Terugzetten…"), self)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.versions)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        local = self._local_db
        self.runner.start(Operation(lambda _state: kept_versions(local), success=self._on_versions,
                                    failure=self._on_failed))

    # ---- Public API

    def chosen(self) -> KeptVersion | None:
        row = self.versions.currentRow()
        return self._versions[row] if 0 <= row < len(self._versions) else None

    def restore(self) -> None:
        """Ask, then go back to the chosen version (in a worker)."""
        version = self.chosen()
        if version is None or not version.usable:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Vorige versie terugzetten"),
            self.tr("De gegevens die u gebruikte tot {0} terugzetten? Uw notities blijven zoals ze zijn.").format(
                kept_label(version)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.restore_button.setEnabled(False)
        self.summary.setText(self.tr("Terugzetten…"))
        local = self._local_db
        self.runner.start(Operation(lambda _state: rollback(local, version), success=self._on_done,
                                    failure=self._on_failed, key="rollback", expected=(RollbackError,)))

    def wait(self, msecs: int = 30000) -> None:
        self.runner.wait(msecs)

    # ---- Private

    def _on_versions(self, versions: list[KeptVersion]) -> None:
        self._versions = versions
        self.versions.clear()
        for version in versions:
            if version.usable:
                text = self.tr("Gegevens die u gebruikte tot {0}").format(kept_label(version))
            else:
                text = self.tr("{0} — onbruikbaar bestand").format(kept_label(version))
            item = QListWidgetItem(text, self.versions)
            if version.data_version:  # the technical identity, for the griffie only
                item.setToolTip(self.tr("Gegevensversie (voor de griffie): {0}").format(version.data_version))
            if not version.usable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        if not any(v.usable for v in versions):
            self.summary.setText(self.tr("Er is nog geen eerdere versie bewaard. Na een synchronisatie die nieuwe "
                                         "gegevens brengt, wordt de vorige versie hier bewaard."))
            return
        self.versions.setCurrentRow(next(i for i, v in enumerate(versions) if v.usable))

    def _on_chosen(self, row: int) -> None:
        self.restore_button.setEnabled(False)
        self.model.set_changes([])
        version = self.chosen()
        if version is None or not version.usable:
            return
        self.summary.setText(self.tr("Verschillen bepalen…"))
        local, locale = self._local_db, window_locale()
        self.runner.start(Operation(lambda _state: preview_changes(local, version, locale), success=self._on_preview,
                                    failure=self._on_failed, key="changes"))

    def _on_preview(self, preview: tuple[list[Change], str | None, bool]) -> None:
        changes, skipped_because, data_changed = preview
        self.model.set_changes(changes)
        self.tree.expandAll()
        if skipped_because is not None:  # the current copy is junk or missing: restoring is what helps
            self.summary.setText(skipped_because)
        elif changes:
            self.summary.setText(
                self.tr("Terugzetten verandert %n onderdeel/onderdelen ten opzichte van de huidige gegevens.", "",
                        len(changes)))
        elif data_changed:
            self.summary.setText(unlisted_change_text())
        else:
            self.summary.setText(self.tr("Deze versie verschilt niet van de huidige gegevens."))
        self.restore_button.setEnabled(True)

    def _on_done(self, result: RollbackResult) -> None:
        self.summary.setText(
            self.tr("Teruggezet: de gegevens die u gebruikte tot {0}. Uw notities zijn niet gewijzigd.").format(
                kept_label(result.version))
        )
        self.sig_rolled_back.emit(result)

    def _on_failed(self, error: Exception) -> None:
        self.summary.setText(self.tr("Terugzetten lukt niet: {0}").format(error))
        self.restore_button.setEnabled(self.chosen() is not None)

"""Bestand → Instellingen…: choose the shared folder the data is synced from, and the language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from velsen_desk.core.os_errors import describe_os_error
from velsen_desk.sync.config import ConfigError, configured_share, save_share
from velsen_desk.ui.language import Language, language_choice, save_language_choice


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, settings: QSettings | None = None,
                 griffie_action: QAction | None = None):
        super().__init__(parent)
        self._griffie_action = griffie_action  # the window's Griffiemodus toggle (it shows the menu Beheer)
        self._settings = settings if settings is not None else QSettings()  # the store run_app reads
        self.setWindowTitle(self.tr("Instellingen"))
        self.setObjectName("settings_dialog")
        try:
            current = configured_share()
            problem = ""
        except ConfigError as exc:  # an unusable settings file: show why, and let the user choose again
            current, problem = None, str(exc)
        self._share_before = current

        intro = QLabel(
            self.tr("Velsen Desk haalt nieuwe gegevens op uit de gedeelde map waarin de griffie publiceert. "
                    "Zonder gedeelde map werkt u met de meegeleverde gegevens."),
            self,
        )
        intro.setWordWrap(True)
        self.share_edit = QLineEdit(str(current) if current else "", self)
        self.share_edit.setPlaceholderText(self.tr("geen gedeelde map ingesteld"))
        self.share_edit.setAccessibleName(self.tr("Gedeelde map"))
        self.share_edit.setMinimumWidth(360)
        self.browse_button = QPushButton(self.tr("&Bladeren…"), self)
        self.browse_button.setAccessibleName(self.tr("Gedeelde map kiezen"))
        self.browse_button.clicked.connect(self.browse)
        self.clear_button = QPushButton(self.tr("&Wissen"), self)
        self.clear_button.setAccessibleName(self.tr("Gedeelde map wissen"))
        self.clear_button.clicked.connect(self.share_edit.clear)
        row = QHBoxLayout()
        row.addWidget(self.share_edit, 1)
        row.addWidget(self.browse_button)
        row.addWidget(self.clear_button)
        form = QFormLayout()
        label = QLabel(self.tr("&Gedeelde map:"), self)
        label.setBuddy(self.share_edit)
        form.addRow(label, row)
        # Each language names itself, so a user who cannot read the current one still finds theirs.
        self.language_combo = QComboBox(self)
        self.language_combo.addItem("Nederlands", Language.DUTCH.value)
        self.language_combo.addItem("English", Language.ENGLISH.value)
        self.language_combo.addItem(self.tr("Volg het systeem"), Language.SYSTEM.value)
        self.language_combo.setCurrentIndex(self.language_combo.findData(language_choice(self._settings).value))
        self.language_combo.setAccessibleName(self.tr("Taal"))
        language_label = QLabel(self.tr("&Taal:"), self)
        language_label.setBuddy(self.language_combo)
        form.addRow(language_label, self.language_combo)
        restart_note = QLabel(self.tr("Een andere taal geldt vanaf de volgende start van Velsen Desk."), self)
        restart_note.setWordWrap(True)
        form.addRow("", restart_note)
        self.griffie_box: QCheckBox | None = None
        if griffie_action is not None:
            self.griffie_box = QCheckBox(self.tr("&Griffiemodus: toon het menu Beheer om de gegevens bij te werken "
                                                 "en te publiceren"), self)
            self.griffie_box.setChecked(griffie_action.isChecked())
            form.addRow(self.tr("Griffie:"), self.griffie_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.problem = QLabel(problem, self)
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    # ---- Public API

    def browse(self) -> None:
        start = self.share_edit.text() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Kies de gedeelde map"), start)
        if chosen:
            self.share_edit.setText(chosen)

    def language(self) -> Language:
        return Language(self.language_combo.currentData())

    def share(self) -> Path | None:
        text = self.share_edit.text().strip()
        return Path(text) if text else None

    def share_changed(self) -> bool:
        """Whether the shared folder differs from the one the dialog opened with (a sync is then
        worth starting; changing only the language is not a reason to fetch data)."""
        return self.share() != self._share_before

    # ---- Qt

    def accept(self) -> None:
        try:
            save_share(self.share())
        except (ConfigError, OSError) as exc:
            message = str(exc) if isinstance(exc, ConfigError) else self.tr(
                "De instellingen konden niet bewaard worden ({0}).").format(describe_os_error(exc))
            self.problem.setText(message)
            self.problem.show()
            return
        save_language_choice(self._settings, self.language())
        if self.griffie_box is not None and self._griffie_action is not None:
            self._griffie_action.setChecked(self.griffie_box.isChecked())  # toggles the menu and saves
        super().accept()

"""The window's language: Dutch by default, English when chosen in Instellingen, with Qt's own
texts and the plural forms of counts following the choice."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator

import pytest
from conftest import open_window
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMenu

from velsen_desk.core.paths import resources_dir
from velsen_desk.ui.language import LANGUAGE_KEY, Language, install_translation, language_choice
from velsen_desk.ui.sync.settings import SettingsDialog

# Words that would betray a Dutch text in the menus, tabs, toolbar and report dialog.
DUTCH_WORDS = (
    "Bestand", "Beeld", "Rapporten", "Thema", "Begroting", "Tijdlijn", "Synchroniseren", "Instellingen",
    "Afsluiten", "Zoeken", "Gegevens", "notities", "Portefeuille", "Bekijk", "regie", "Alles", "Over ",
    "Rapport", "Voorbeeld", "Opslaan", "Afdrukken", "Sluiten", "Soort", "Programma", "Collegelid", "Vergadering",
    "Annuleren", "Bijlage", "Agendapunt", "Vorige", "Volgende", "wijzigingen", "pagina",
)


def english_texts() -> set[str]:
    root = ET.parse(resources_dir() / "translations" / "velsen_desk_en.ts").getroot()
    return {t.text for t in root.iter("translation") if t.text}


@pytest.fixture
def speak(tmp_path) -> Iterator[Callable[[Language | None], QSettings]]:
    """Install the catalogues for a language choice (None: nothing saved) as the app does at
    start-up; removed again afterwards so other tests keep their Dutch source texts."""
    app = QApplication.instance()
    installed = []

    def _speak(choice: Language | None) -> QSettings:
        settings = QSettings(str(tmp_path / "language.ini"), QSettings.Format.IniFormat)
        if choice is not None:
            settings.setValue(LANGUAGE_KEY, choice.value)
        installed.extend(install_translation(app, settings))
        return settings

    yield _speak
    for translator in installed:
        app.removeTranslator(translator)


def menu_texts(window) -> list[str]:
    texts = []
    for action in window.menuBar().actions():
        texts.append(action.text())
        menu = action.menu()
        if isinstance(menu, QMenu):
            texts += [a.text() for a in menu.actions() if not a.isSeparator()]
    return texts


def window_texts(window) -> list[str]:
    toolbar = [a.text() for a in window.findChildren(QAction) if a.text()]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    labels = [label.text() for label in window.findChildren(QLabel) if label.text()]
    return menu_texts(window) + tabs + toolbar + labels


def dialog_texts(dialog) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox

    return (
        [dialog.windowTitle()]
        + [w.text() for w in dialog.findChildren(QAbstractButton) if w.text()]
        + [w.text() for w in dialog.findChildren(QLabel) if w.text()]
        + [w.title() for w in dialog.findChildren(QGroupBox)]
    )


def dutch_in(texts: list[str]) -> list[str]:
    return [t for t in texts if any(word.lower() in t.lower() for word in DUTCH_WORDS)]


def test_english_window_has_no_dutch_menus_tabs_toolbar_or_report_dialog(qtbot, built_db, settings, speak):
    speak(Language.ENGLISH)
    window = open_window(qtbot, built_db, settings)
    english = english_texts()
    for text in menu_texts(window) + [window.tabs.tabText(i) for i in range(window.tabs.count())]:
        assert text in english or text.removesuffix("…") in english, text
    assert not dutch_in(window_texts(window))
    assert [window.tabs.tabText(i) for i in range(4)] == ["Themes", "Portfolios", "Budget", "Timeline"]
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&View", "&Reports", "&Help"]
    dialog = window.report_actions.open_dialog("budget", generate=False)
    qtbot.addWidget(dialog)
    assert not dutch_in(dialog_texts(dialog)), dutch_in(dialog_texts(dialog))
    assert dialog.form.kind_combo.itemText(dialog.form.kind_combo.currentIndex()) == "Action plan budget"
    window.runner.wait(5000)


def test_english_portfolio_table_says_unknown_in_every_unknown_column(qtbot, built_db, settings, speak):
    """Role, party and locoburgemeester are all unknown for Velsen: one word for it, in English
    (the deputy column said "onbekend" beside "unknown")."""
    speak(Language.ENGLISH)
    window = open_window(qtbot, built_db, settings)
    tab = window.portfolio_tab
    window.tabs.setCurrentWidget(tab)
    tab.ensure_drawn()
    columns = {tab.model.column(c).kind: c for c in range(tab.model.columnCount())}
    for kind in ("role", "party", "loco"):
        assert tab.model.index(0, columns[kind]).data() == "unknown", kind
    tab.table.setCurrentIndex(tab.model.index(0, columns["loco"]))
    assert "onbekend" not in tab.detail.toPlainText()
    assert ".." not in tab.legend.text()
    window.runner.wait(5000)


def test_dutch_is_the_default_and_speaks_dutch(qtbot, built_db, settings, speak):
    assert language_choice(speak(None)) is Language.DUTCH
    window = open_window(qtbot, built_db, settings)
    assert [window.tabs.tabText(i) for i in range(4)] == ["Thema’s", "Portefeuilles", "Begroting", "Tijdlijn"]
    assert [a.text() for a in window.menuBar().actions()] == ["&Bestand", "B&eeld", "&Rapporten", "&Help"]
    assert "&Instellingen…" in menu_texts(window)
    window.runner.wait(5000)


@pytest.mark.parametrize(
    ("choice", "one", "two"),
    [(Language.DUTCH, "1 pagina", "2 pagina’s"), (Language.ENGLISH, "1 page", "2 pages")],
)
def test_counts_use_the_languages_plural_forms(speak, choice, one, two):
    speak(choice)
    assert QCoreApplication.translate("PdfPanel", "%n pagina’s", None, 1) == one
    assert QCoreApplication.translate("PdfPanel", "%n pagina’s", None, 2) == two


def test_dutch_plurals_of_notes_changes_and_results(speak):
    speak(Language.DUTCH)
    translate = QCoreApplication.translate
    assert translate("NotesOverview", "%n notitie(s) geïmporteerd.", None, 1) == "1 notitie geïmporteerd."
    assert translate("NotesOverview", "%n notitie(s) geïmporteerd.", None, 3) == "3 notities geïmporteerd."
    assert translate("ChangesDialog", "%n wijziging(en) ten opzichte van de vorige versie.", None, 1).startswith(
        "1 wijziging ten")
    assert translate("SearchPanel", "%n resultaten voor “{0}”", None, 1) == "1 resultaat voor “{0}”"


def test_qt_own_texts_follow_the_chosen_language(qtbot, speak):
    speak(Language.ENGLISH)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_qt_own_texts_are_dutch_by_default(qtbot, speak):
    speak(None)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"


def test_settings_dialog_saves_the_language_for_the_next_start(qtbot, isolated_home, tmp_path):
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(None, settings)
    qtbot.addWidget(dialog)
    assert dialog.language() is Language.DUTCH
    assert [dialog.language_combo.itemText(i) for i in range(3)] == ["Nederlands", "English", "Volg het systeem"]
    assert any("volgende start" in label.text() for label in dialog.findChildren(QLabel))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.accept()
    assert QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat).value(LANGUAGE_KEY) == "en"
    again = SettingsDialog(None, settings)
    qtbot.addWidget(again)
    assert again.language() is Language.ENGLISH


def test_an_unknown_saved_language_means_dutch(tmp_path):
    settings = QSettings(str(tmp_path / "odd.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "klingon")
    assert language_choice(settings) is Language.DUTCH


SYSTEM_CHECK = """
import sys
from PySide6.QtCore import QCoreApplication, QSettings
from velsen_desk.ui.language import LANGUAGE_KEY, install_translation
app = QCoreApplication([])
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
settings.setValue(LANGUAGE_KEY, "system")
install_translation(app, settings)
translate = QCoreApplication.translate
print(translate("MainWindow", "&Bestand"), translate("PdfPanel", "%n pagina’s", None, 1))
"""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en_US.UTF-8", "&File 1 page"), ("de_DE.UTF-8", "&Bestand 1 pagina"), ("nl_NL.UTF-8", "&Bestand 1 pagina")],
)
def test_follow_the_system_speaks_its_language_or_else_dutch(tmp_path, lang, expected):
    """QLocale.system() is read once per process: each system language gets its own."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env["LANG"] = lang
    run = subprocess.run([sys.executable, "-c", SYSTEM_CHECK, str(tmp_path / "s.ini")], env=env,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == expected


def test_about_says_which_data_in_words_and_keeps_the_version_in_the_tooltip(qtbot, built_db, settings):
    window = open_window(qtbot, built_db, settings)
    version = window.catalog.summary.data_version
    box = window.about_box()
    qtbot.addWidget(box)
    assert version and version not in box.text()
    assert "Gegevensversie" not in box.text() and "Gegevens meegeleverd met Velsen Desk" in box.text()
    assert box.toolTip() == f"Gegevensversie (voor de griffie): {version}"
    window.runner.wait(5000)


def test_english_about_has_no_dutch_and_no_hash(qtbot, built_db, settings, speak):
    speak(Language.ENGLISH)
    window = open_window(qtbot, built_db, settings)
    box = window.about_box()
    qtbot.addWidget(box)
    assert "<p>Data supplied with Velsen Desk.</p>" in box.text()
    assert not dutch_in([box.windowTitle(), box.text()]), box.text()
    assert window.catalog.summary.data_version not in box.text()
    window.runner.wait(5000)


@pytest.mark.parametrize(
    ("choice", "one", "three"),
    [(Language.DUTCH, "1 notitie kon niet", "3 notities konden niet"),
     (Language.ENGLISH, "1 note could not", "3 notes could not")],
)
def test_unsaved_notes_are_counted(speak, choice, one, three):
    speak(choice)
    source = ("%n notitie(s) konden niet bewaard worden, ook niet in het herstelbestand:\n{0}\n\n"
              "{1}\n\nToch afsluiten? De niet-bewaarde tekst gaat dan verloren.")
    assert QCoreApplication.translate("NoteEditor", source, None, 1).startswith(one)
    assert QCoreApplication.translate("NoteEditor", source, None, 3).startswith(three)


def test_the_window_language_is_the_domain_messages_language_too(speak):
    """A sync, notes or report error shown in an English window is English (core/i18n.py)."""
    from velsen_desk.core.os_errors import describe_os_error

    error = FileNotFoundError(2, "No such file or directory")
    speak(Language.ENGLISH)
    assert describe_os_error(error) == "file or folder does not exist"
    speak(Language.DUTCH)
    assert describe_os_error(error) == "bestand of map bestaat niet"

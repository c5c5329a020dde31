"""The window's language: Dutch (the source language and the default), English, or the system's.

The choice lives in QSettings under :data:`LANGUAGE_KEY` (Bestand → Instellingen…) and takes
effect at the next start: the catalogues are installed before any widget exists, so no widget
has to translate itself again. Dutch loads a catalogue too, for the singular and plural forms
of texts with a count ("%n notitie(s)").
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from velsen_desk.core.i18n import use_language
from velsen_desk.core.locales import Locale, locale_for
from velsen_desk.core.paths import resources_dir

LANGUAGE_KEY = "ui/language"
DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class Language(StrEnum):
    DUTCH = "nl"
    ENGLISH = "en"
    SYSTEM = "system"


def language_choice(settings: QSettings) -> Language:
    """The saved choice; Dutch when none was saved or the value is not one we know."""
    value = settings.value(LANGUAGE_KEY, Language.DUTCH.value)
    try:
        return Language(str(value))
    except ValueError:
        return Language.DUTCH


def save_language_choice(settings: QSettings, choice: Language) -> None:
    settings.setValue(LANGUAGE_KEY, choice.value)
    settings.sync()


def window_locale() -> Locale:
    """The locale the window asks the domain's wording, dates and amounts in: the language of
    the installed catalogue, which translates this one entry to its own language code (as Qt's
    own catalogues do with "QT_LAYOUT_DIRECTION"). Not a global of the domain: the reports,
    made in this process too, pass nothing and stay Dutch; without a catalogue it is Dutch."""
    return locale_for(QCoreApplication.translate(
        "Locale", "nl", "the language code of this catalogue: nl or en (dates, amounts and the domain's words)"))


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def install_translation(app: QCoreApplication, settings: QSettings | None = None) -> list[QTranslator]:
    """Install the catalogue of the chosen language (default: the application's QSettings) and
    Qt's own (dialog buttons, context menus, the print dialog) in the same language; returns the
    translators installed, so a test can remove them again.

    "Follow the system" speaks the first of the system's languages we have a catalogue for, and
    Dutch when there is none.
    """
    return install_language(app, language_choice(settings if settings is not None else QSettings()))


def install_language(app: QCoreApplication, choice: Language) -> list[QTranslator]:
    """Install the catalogues of ``choice`` (see :func:`install_translation`); returns them.
    Installed last, they answer first, so ``velsen-desk screenshot --language`` can put them on
    top of those of the saved choice and take them off again."""
    wanted = {Language.DUTCH: DUTCH, Language.ENGLISH: ENGLISH, Language.SYSTEM: QLocale.system()}[choice]
    translator: QTranslator | None = QTranslator(app)
    assert translator is not None
    if translator.load(wanted, "velsen_desk", "_", translations_dir()):
        language = QLocale(translator.language()) if translator.language() else wanted
    else:
        language = DUTCH
        if not translator.load(DUTCH, "velsen_desk", "_", translations_dir()):
            translator = None  # a broken install: the Dutch source texts, without plural forms
    # The domain's messages (sync, notes, reports, data checks: gettext) speak the window's language.
    use_language("en" if language.language() == QLocale.Language.English else "nl")
    installed: list[QTranslator] = []
    qt_translator = QTranslator(app)
    if qt_translator.load(language, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_translator)
    if translator is not None:
        installed.append(translator)  # installed last, so searched first
    for item in installed:
        app.installTranslator(item)
    return installed

"""The language of messages outside the window: the command line, and the domain's messages it
prints (operating-system failures, data-file problems).

Python's ``gettext`` with catalogues made by Babel (``packaging/update-messages.sh``: extract,
update, compile). Dutch is the source language, so the Dutch text is the message id and Dutch
needs no catalogue; ``resources/locale/en/LC_MESSAGES/velsen_desk.po`` holds the English.

The language is the window's choice (Bestand → Instellingen… → Taal, stored in the Qt settings
file) unless ``VELSEN_DESK_LANGUAGE`` or the command line's ``--language`` says otherwise;
"system" follows ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG`` as gettext does, and falls back
to Dutch for a language without a catalogue.

Texts are translated when used, never at import: a module-level table marks its texts with
:func:`N_` and translates each when it is looked up.
"""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path

from velsen_desk.core.paths import APP_AUTHOR, APP_NAME, resources_dir

DOMAIN = "velsen_desk"
LANGUAGE_ENV = "VELSEN_DESK_LANGUAGE"
LANGUAGES = ("nl", "en", "system")
WINDOW_LANGUAGE_SECTION, WINDOW_LANGUAGE_KEY = "ui", "language"  # ui/language.py's LANGUAGE_KEY, "ui/language"

_active: _gettext.NullTranslations = _gettext.NullTranslations()
_language = "nl"


def locale_dir() -> Path:
    return resources_dir() / "locale"


def window_settings_file() -> Path:
    """Where Qt keeps the window's settings on Linux (QSettings' native format there is an ini
    file under ``XDG_CONFIG_HOME``, named after the organisation and the application)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / APP_AUTHOR / f"{APP_NAME}.conf"


def window_language() -> str | None:
    """The language chosen in the window, or None when none was saved or it cannot be read
    (a damaged settings file is the window's to report; here it only means "no choice").

    Only the command line asks: configparser is imported here, not before the window's first paint."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read(window_settings_file(), encoding="utf-8")
        value = parser.get(WINDOW_LANGUAGE_SECTION, WINDOW_LANGUAGE_KEY, fallback=None)
    except (OSError, UnicodeError, configparser.Error):
        return None
    return value if value in LANGUAGES else None


def chosen_language(option: str | None = None) -> str:
    """``option`` (the command line's), else the environment's, else the window's, else Dutch."""
    for value in (option, os.environ.get(LANGUAGE_ENV), window_language()):
        if value in LANGUAGES:
            return value
    return "nl"


def use_language(choice: str) -> str:
    """Speak ``choice`` ("nl", "en" or "system") from now on; returns the language that is spoken."""
    global _active, _language
    if choice == "en":
        _active = _gettext.translation(DOMAIN, locale_dir(), languages=["en"], fallback=True)
    elif choice == "system":
        _active = _gettext.translation(DOMAIN, locale_dir(), fallback=True)
    else:
        _active = _gettext.NullTranslations()
    _language = "nl" if type(_active) is _gettext.NullTranslations else "en"
    return _language


def language() -> str:
    """The language messages are in now: "nl" or "en"."""
    return _language


def _(message: str) -> str:
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` ("1 wijziging", "3 wijzigingen"); format ``{n}`` into it yourself."""
    return _active.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a text for the catalogue without translating it (tables built at import)."""
    return message

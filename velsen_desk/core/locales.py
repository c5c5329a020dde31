"""The language the domain's words, dates and amounts are written in, passed explicitly.

The window and the reports run in one process: an English window must not make the next PDF
English. So nothing here is global: each formatting and wording function takes a
:class:`Locale` (default :data:`DUTCH`, the source language), the window passes the one of its
language, and the reports pass nothing and stay Dutch.

The English words come from the gettext catalogue of :mod:`velsen_desk.core.i18n`
(``resources/locale/en``): the Dutch text is the message id, as everywhere outside the window.
Dates and amounts come from Babel's CLDR data for the locale, whole euros in both languages
("€ 1.050.000" / "€1,050,000").
"""

from __future__ import annotations

import functools
import gettext as _gettext

from velsen_desk.core.i18n import DOMAIN, locale_dir
from velsen_desk.core.structs import msgspec


class Locale(msgspec.Struct, frozen=True):
    code: str  # "nl" or "en": the catalogue
    babel: str  # the CLDR locale of dates and numbers
    euro_pattern: str  # whole euros, in the locale's grouping

    def _(self, message: str) -> str:
        """``message`` (Dutch) in this locale's language; named as gettext's ``_`` so Babel's
        extraction finds ``locale._("…")`` like any other text."""
        return _catalogue(self.code).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form for ``n``; format ``{n}`` into it yourself."""
        return _catalogue(self.code).ngettext(singular, plural, n)


DUTCH = Locale("nl", "nl_NL", "¤ #,##0")
ENGLISH = Locale("en", "en_GB", "¤#,##0")


def locale_for(language: str) -> Locale:
    """"en" is English; anything else is Dutch, the source language."""
    return ENGLISH if language == "en" else DUTCH


@functools.cache
def _catalogue(code: str) -> _gettext.NullTranslations:
    if code == "nl":
        return _gettext.NullTranslations()  # the texts are written in Dutch
    return _gettext.translation(DOMAIN, locale_dir(), languages=[code], fallback=True)

"""``--language``: the command line's language for one run, ahead of ``VELSEN_DESK_LANGUAGE``
and the window's choice (:func:`velsen_desk.core.i18n.chosen_language`).

The option is read before the parser is built, because the parser's help texts are made in
the language chosen.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from velsen_desk.core.i18n import LANGUAGE_ENV, LANGUAGES, _, chosen_language, language
from velsen_desk.core.locales import Locale, locale_for


def add_language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--language", choices=LANGUAGES,
        help=_("taal van de meldingen (nl, en of system); standaard {env} of de taal die in het venster "
               "is gekozen").format(env=LANGUAGE_ENV),
    )


def language_from_arguments(argv: Sequence[str]) -> str:
    """The language to speak for ``argv``; a missing or unknown value is left to the real parser."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--language")
    try:
        known, _rest = early.parse_known_args(list(argv))
    except SystemExit:  # "--language" without a value: the real parser says so, in the default language
        return chosen_language()
    value = known.language if known.language in LANGUAGES else None
    return chosen_language(value)


def cli_locale() -> Locale:
    """The locale of the language this run speaks (``use_language`` chose it), for the domain's
    words, dates and amounts in what the command line prints; the PDF reports never take it."""
    return locale_for(language())

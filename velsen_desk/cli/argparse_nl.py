"""argparse's own messages in Dutch ("usage:", "the following arguments are required", ...).

argparse words its help and errors through ``gettext``/``ngettext`` names it imported into its
module namespace; Python ships no Dutch catalogue for them, so :func:`install` points those two
names at a small translation of exactly argparse's message ids. Installed before a parser is
made: section titles and the help option's text are translated when the parser is created.
"""

from __future__ import annotations

import argparse
import gettext

_MESSAGES: dict[str, str] = {
    "usage: ": "gebruik: ",
    "options": "opties",
    "positional arguments": "argumenten",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde (%(type)s): %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan zijn: %(matches)s",
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "ignored explicit argument %r": "genegeerde waarde %r",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "unexpected option string: %s": "onverwachte optie: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "onbekende opdracht %(parser_name)r (kies uit: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}

_PLURALS: dict[str, tuple[str, str]] = {
    "expected %s argument": ("verwacht %s waarde", "verwacht %s waarden"),
}


class DutchArgparse(gettext.NullTranslations):
    """argparse's message ids in Dutch; any other id (a programming error's) stays as it is."""

    def gettext(self, message: str) -> str:
        return _MESSAGES.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if msgid1 in _PLURALS:
            singular, plural = _PLURALS[msgid1]
            return singular if n == 1 else plural
        return msgid1 if n == 1 else msgid2


_DUTCH = DutchArgparse()
# argparse's own English: the names it imported from gettext, kept to switch back.
_ENGLISH = (getattr(argparse, "_"), getattr(argparse, "ngettext"))  # noqa: B009


def install() -> None:
    """Let argparse speak Dutch in this process (idempotent)."""
    setattr(argparse, "_", _DUTCH.gettext)  # noqa: B010  (a private module name: no attribute to type)
    setattr(argparse, "ngettext", _DUTCH.ngettext)  # noqa: B010


def uninstall() -> None:
    """Let argparse speak its own English again (the command line in English)."""
    setattr(argparse, "_", _ENGLISH[0])  # noqa: B010
    setattr(argparse, "ngettext", _ENGLISH[1])  # noqa: B010

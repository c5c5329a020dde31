"""Text normalisation shared by the quote check and search."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"'})
_WHITESPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Remove all whitespace and unify quote marks.

    PDF extraction breaks lines (and words) at random places, so a verbatim quote is compared
    with the source text without any whitespace.
    """
    return _WHITESPACE.sub("", text.translate(_QUOTES))


def fold(text: str) -> str:
    """Lower-case without accents: "Financiën" -> "financien", "coöperatie" -> "cooperatie"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))

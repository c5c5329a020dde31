"""Text normalisation shared by the quote check and search."""

from __future__ import annotations

import functools
import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"'})
_WHITESPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Remove all whitespace and unify quote marks.

    PDF extraction breaks lines (and words) at random places, so a verbatim quote is compared
    with the source text without any whitespace.
    """
    if len(text) <= _REMEMBERED_LENGTH:
        return _squash_short(text)
    return _squash(text)


def _squash(text: str) -> str:
    return _WHITESPACE.sub("", text.translate(_QUOTES))


# The quote and fidelity checks squash the same quotes and figures again (~170,000 calls at 100x
# the bundled data); a quote is short, a whole source text is squashed once and not kept.
_REMEMBERED_LENGTH = 2_000
_squash_short = functools.lru_cache(maxsize=100_000)(_squash)


def fold(text: str) -> str:
    """Lower-case without accents: "Financiën" -> "financien", "coöperatie" -> "cooperatie"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))

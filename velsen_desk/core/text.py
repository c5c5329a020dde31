"""Text normalisation shared by the quote check and search."""

from __future__ import annotations

import functools
import unicodedata

# Curly quote marks and the straight mark each one reads as.
_QUOTE_MARKS = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("„", '"'))


def squash(text: str) -> str:
    """Remove all whitespace and unify quote marks.

    PDF extraction breaks lines (and words) at random places, so a verbatim quote is compared
    with the source text without any whitespace.
    """
    if len(text) <= _REMEMBERED_LENGTH:
        return _squash_short(text)
    return _squash(text)


def _squash(text: str) -> str:
    # str.replace per mark and split()/join: ~10x faster on a whole source text than
    # str.translate with a mapping and a regular expression (0.6 s for 500 source texts at 100x
    # the bundled data). split() removes exactly what \s matches (every str.isspace() character).
    for curly, straight in _QUOTE_MARKS:
        if curly in text:
            text = text.replace(curly, straight)
    return "".join(text.split())


# The quote and fidelity checks squash the same quotes and figures again (~170,000 calls at 100x
# the bundled data); a quote is short, a whole source text is squashed once and not kept.
_REMEMBERED_LENGTH = 2_000
_squash_short = functools.lru_cache(maxsize=100_000)(_squash)


def fold(text: str) -> str:
    """Lower-case without accents: "Financiën" -> "financien", "coöperatie" -> "cooperatie"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))

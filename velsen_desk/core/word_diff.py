"""Which words of a text changed: the difference "wat is er veranderd" shows, in the window and
on the command line alike.

Two plannings that start with the same words ("Planning in overleg met De Plataan" against
"Planning in overleg met de school") look the same once a cell cuts them off; the user needs
to see the words that differ. :func:`word_diff` compares word by word with the standard
library's ``difflib`` and keeps the whitespace, so the pieces of either side join up to that
side's text exactly.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

_TOKENS = re.compile(r"\s+|\S+")

PieceKind = Literal["same", "removed", "added"]


@dataclass(frozen=True)
class Piece:
    kind: PieceKind
    text: str


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def word_diff(old: str, new: str) -> tuple[Piece, ...]:
    """``old`` → ``new`` as pieces: words both share ("same"), words only ``old`` has
    ("removed") and words only ``new`` has ("added"), in reading order (removed before added)."""
    a, b = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    pieces: list[Piece] = []

    def add(kind: PieceKind, words: list[str]) -> None:
        text = "".join(words)
        if not text:
            return
        if pieces and pieces[-1].kind == kind:
            pieces[-1] = Piece(kind, pieces[-1].text + text)
        else:
            pieces.append(Piece(kind, text))

    removed: list[str] = []
    added: list[str] = []
    opcodes = matcher.get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        inner_space = 0 < n < len(opcodes) - 1 and all(t.isspace() for t in a[i1:i2])
        if tag == "equal" and not (inner_space and (removed or added)):
            add("removed", removed)
            add("added", added)
            removed, added = [], []
            add("same", a[i1:i2])
        else:  # a change, or only the space between two changed words: one run, "De Plataan"
            removed += a[i1:i2]
            added += b[j1:j2]
    add("removed", removed)
    add("added", added)
    return tuple(pieces)


def mostly_shared(pieces: tuple[Piece, ...], share: float = 0.4) -> bool:
    """Whether the texts have enough in common for marks to help: at least ``share`` of the
    longer side's characters are words both have. Two different texts that only share an "in"
    or a "€" read better side by side, unmarked."""
    same = sum(len(p.text) for p in pieces if p.kind == "same")
    longest = max(sum(len(p.text) for p in side(pieces, "old")), sum(len(p.text) for p in side(pieces, "new")))
    return longest > 0 and same >= share * longest


def side(pieces: tuple[Piece, ...], which: Literal["old", "new"]) -> tuple[Piece, ...]:
    """The pieces one side consists of: for "old" the same and removed words, for "new" the same
    and added ones; joined, they give that side's text."""
    dropped = "added" if which == "old" else "removed"
    return tuple(p for p in pieces if p.kind != dropped)


def around_first_change(pieces: tuple[Piece, ...], words_before: int = 2) -> tuple[Piece, ...]:
    """``pieces`` with a long shared start cut to its last ``words_before`` words after "… ", so a
    narrow cell starts where the texts part."""
    if not pieces or pieces[0].kind != "same":
        return pieces
    words = _tokens(pieces[0].text)
    kept = [w for w in words if not w.isspace()]
    if len(kept) <= words_before + 1:  # cutting would save nothing
        return pieces
    # The tail holding the last `words_before` words, with the whitespace between them.
    count, start = 0, len(words)
    for i in range(len(words) - 1, -1, -1):
        if not words[i].isspace():
            count += 1
            if count == words_before:
                start = i
                break
    return (Piece("same", "… " + "".join(words[start:])), *pieces[1:])

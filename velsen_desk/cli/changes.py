"""A change between two data versions as the command line prints it (``diff``, ``sync``,
``rollback``).

A short value reads best as "oud → nieuw" (a cost, a name). Two long texts that share words
(a planning, a description) print once, as a word diff with the changed words marked
(:mod:`velsen_desk.cli.styling`), instead of two near-identical paragraphs the reader has to
compare word by word.
"""

from __future__ import annotations

from velsen_desk.cli.output import safe
from velsen_desk.cli.styling import Styling
from velsen_desk.core.word_diff import mostly_shared
from velsen_desk.sync.diff import Change

LONG = 60  # characters; a value this long no longer reads at a glance beside another


def change_lines(change: Change, style: Styling) -> list[str]:
    pieces = change.words()
    long = len(change.old or "") > LONG or len(change.new or "") > LONG
    if change.old and change.new and long and mostly_shared(pieces):
        return [f"{safe(change.heading)}:", f"    {style.pieces(pieces)}"]
    return [safe(change)]

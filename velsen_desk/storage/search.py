"""Search over everything in the database (FTS5), safe for whatever a user types.

The user's text is never passed to FTS5 as query syntax: it is cut into words, each word is
quoted and made a prefix ("financ" finds "Financiën" while typing), and all words must match.
Quotes, ``AND(``, ``*``, ``-``, emoji or a thousand characters give results or none, never an
error.
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from velsen_desk.core.item_kinds import kind_order

MAX_WORDS = 12
MAX_WORD_LENGTH = 40
HIGHLIGHT_START = "\x02"  # markers around matching words in titles and snippets
HIGHLIGHT_END = "\x03"

# The Dutch word before the number in an action's or focusopgave's indexed title ("Actie 14: …",
# storage/search_index.py): searched and ranked as part of the title; SearchHit.numbered() takes
# it off again for display in the reader's language.
NUMBERED_TITLE_WORDS = {"actie": "Actie", "focusopgave": "Focusopgave"}

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    kind: str  # an item kind id (velsen_desk.core.item_kinds)
    ref_id: str
    programme_id: str
    title: str  # with highlight markers
    snippet: str  # with highlight markers

    def plain(self, start: str = "", end: str = "") -> tuple[str, str]:
        """Title and snippet with the markers replaced (e.g. by ** for a terminal)."""
        swap = str.maketrans({HIGHLIGHT_START: start, HIGHLIGHT_END: end}) if start or end else None

        def clean(value: str) -> str:
            value = " ".join(value.split())  # snippets may span the source's line breaks
            return value.translate(swap) if swap else value.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")

        return clean(self.title), clean(self.snippet)

    def numbered(self) -> tuple[str, str] | None:
        """(number, rest of the title) of an action's or focusopgave's hit, whose indexed title
        starts with a Dutch "Actie 14: " (the rest keeps its highlight markers); None for others."""
        if self.kind not in NUMBERED_TITLE_WORDS:
            return None
        head, separator, rest = self.title.partition(": ")
        words = head.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "").split()
        if not separator or len(words) != 2 or words[0] != NUMBERED_TITLE_WORDS[self.kind]:
            return None
        return words[1], rest

    def relabelled(self, label: Callable[[str, str, str], str]) -> SearchHit:
        """The hit with an action's or focusopgave's title made by ``label(kind, number, title)``
        in the reader's language ("Action 14: …"); any other hit as it is."""
        numbered = self.numbered()
        if numbered is None:
            return self
        title = label(self.kind, *numbered)
        if title == f"{NUMBERED_TITLE_WORDS[self.kind]} {numbered[0]}: {numbered[1]}":
            return self  # Dutch: the indexed title as it is, with a highlighted "Actie" or number
        return replace(self, title=title)


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH text for a user's query, or None when it holds no searchable word."""
    words = [w[:MAX_WORD_LENGTH] for w in _WORD.findall(query)][:MAX_WORDS]
    if not words:
        return None
    return " AND ".join(f'"{word}"*' for word in words)  # \w never contains a double quote


RANK_LIMIT = 1000
"""Rank with bm25 only up to this many matching rows. FTS5 ranks every match (and makes the
highlight and snippet of every match) before it returns the best 200: a word in nearly every
row ("de", "in", a municipality's name) cost 60–190 ms at 100× the bundled data, while a
match list read in index order stops after the rows it returns (~1–2 ms). Ranking 1,000 rows
costs ~10 ms."""


def search(
    conn: sqlite3.Connection, query: str, programme_id: str | None = None, limit: int = 200
) -> list[SearchHit]:
    """Hits for a user's text, best first (``conn`` from ``ReadOnlyDatabase.read``).

    Up to :data:`RANK_LIMIT` matching rows, "best" is bm25 with the title weighted most. A query
    that matches more rows than that (a word nearly every text holds) is not ranked: the rows
    whose title matches come first, then the others, each in the index's order (by kind, then
    id). Either way every hit matches every word."""
    expression = match_expression(query)
    if expression is None:
        return []
    params = {"q": expression, "p": programme_id, "hs": HIGHLIGHT_START, "he": HIGHLIGHT_END, "limit": limit}
    where = "WHERE search_fts MATCH :q " + ("AND programme_id = :p " if programme_id else "")
    # Counting stops at RANK_LIMIT + 1 rows: it reads match positions of no row, so it is cheap.
    matches = conn.execute(
        f"SELECT count(*) FROM (SELECT rowid FROM search_fts {where}LIMIT {RANK_LIMIT + 1})", params
    ).fetchone()[0]
    columns = ("SELECT rowid, kind, ref_id, programme_id, highlight(search_fts, 3, :hs, :he), "
               "snippet(search_fts, -1, :hs, :he, '…', 16) FROM search_fts ")
    if matches <= RANK_LIMIT:
        rows = conn.execute(
            columns + where + "ORDER BY bm25(search_fts, 0.0, 0.0, 0.0, 10.0, 2.0, 1.0), kind, ref_id LIMIT :limit",
            params,
        ).fetchall()
    else:
        # Title hits first; without ORDER BY, FTS5 stops reading (and highlighting) at the limit.
        rows = conn.execute(columns + where + "LIMIT :limit", {**params, "q": f"{{title}} : ({expression})"}).fetchall()
        seen = {row[0] for row in rows}
        if len(rows) < limit:
            more = conn.execute(columns + where + "LIMIT :more", {**params, "more": limit + len(seen)}).fetchall()
            rows += [row for row in more if row[0] not in seen][: limit - len(rows)]
    return [
        SearchHit(kind=kind, ref_id=ref_id, programme_id=programme, title=title, snippet=snippet)
        for _rowid, kind, ref_id, programme, title, snippet in rows
    ]


def group_by_kind(hits: list[SearchHit]) -> dict[str, list[SearchHit]]:
    """Hits per kind, kinds in a fixed order a reader expects."""
    grouped: dict[str, list[SearchHit]] = defaultdict(list)
    for hit in hits:
        grouped[hit.kind].append(hit)
    return dict(sorted(grouped.items(), key=lambda kv: kind_order(kv[0])))


def item_hit(conn: sqlite3.Connection, kind: str, ref_id: str, title: str) -> SearchHit | None:
    """The item ``ref_id`` as a hit (its programme from the index), to open it like a search
    result; None when the open data does not hold it (a loose note)."""
    row = conn.execute(
        "SELECT programme_id FROM search_fts WHERE kind = ? AND ref_id = ? LIMIT 1", (kind, ref_id)
    ).fetchone()
    return None if row is None else SearchHit(kind=kind, ref_id=ref_id, programme_id=row[0], title=title, snippet="")

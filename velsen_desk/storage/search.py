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
from dataclasses import dataclass

from velsen_desk.core.item_kinds import kind_order

MAX_WORDS = 12
MAX_WORD_LENGTH = 40
HIGHLIGHT_START = "\x02"  # markers around matching words in titles and snippets
HIGHLIGHT_END = "\x03"

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


def match_expression(query: str) -> str | None:
    """The FTS5 MATCH text for a user's query, or None when it holds no searchable word."""
    words = [w[:MAX_WORD_LENGTH] for w in _WORD.findall(query)][:MAX_WORDS]
    if not words:
        return None
    return " AND ".join(f'"{word}"*' for word in words)  # \w never contains a double quote


def search(
    conn: sqlite3.Connection, query: str, programme_id: str | None = None, limit: int = 200
) -> list[SearchHit]:
    """Hits for a user's text, best first (``conn`` from ``ReadOnlyDatabase.read``)."""
    expression = match_expression(query)
    if expression is None:
        return []
    sql = (
        "SELECT kind, ref_id, programme_id, "
        "highlight(search_fts, 3, :hs, :he), "
        "snippet(search_fts, -1, :hs, :he, '…', 16) "
        "FROM search_fts WHERE search_fts MATCH :q "
        + ("AND programme_id = :p " if programme_id else "")
        + "ORDER BY bm25(search_fts, 0.0, 0.0, 0.0, 10.0, 2.0, 1.0), kind, ref_id LIMIT :limit"
    )
    rows = conn.execute(
        sql, {"q": expression, "p": programme_id, "hs": HIGHLIGHT_START, "he": HIGHLIGHT_END, "limit": limit}
    ).fetchall()
    return [
        SearchHit(kind=kind, ref_id=ref_id, programme_id=programme, title=title, snippet=snippet)
        for kind, ref_id, programme, title, snippet in rows
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

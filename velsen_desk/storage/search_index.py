"""The full-text index (SQLite FTS5) over names, texts and source quotes.

``unicode61 remove_diacritics 2`` makes matching case- and accent-insensitive
("financien" finds "Financiën"); prefix indexes make typing-as-you-search cheap.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from velsen_desk.storage.search import NUMBERED_TITLE_WORDS

# SQLite before 3.44 has no concat_ws, so texts are joined with coalesce(...) || ' ' || ...

# One SELECT per kind of item: (kind, ref_id, programme_id, title, body, quote).
def _join(*columns: str) -> str:
    """SQL that joins nullable text columns with spaces."""
    return " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)


_SOURCES: dict[str, str] = {
    "thema": f"""
        SELECT t.id, d.programme_id, t.number || '. ' || t.name,
               {_join('a.name', 'p.name')}, t.source_quote
        FROM themes t JOIN aandachtsvelden a ON a.id = t.aandachtsveld_id
        JOIN documents d ON d.id = a.document_id LEFT JOIN people p ON p.id = t.regie_id""",
    "hoofdstuk": """
        SELECT c.id, d.programme_id, c.title, coalesce(c.summary, ''), c.source_quote
        FROM chapters c JOIN documents d ON d.id = c.document_id""",
    "focuspunt": """
        SELECT f.id, d.programme_id, c.title,
               f.text || ' ' || coalesce((SELECT group_concat(g.text, ' ') FROM targets g
                                          WHERE g.focus_point_id = f.id), ''),
               f.source_quote
        FROM focus_points f JOIN chapters c ON c.id = f.chapter_id
        JOIN documents d ON d.id = c.document_id""",
    "portefeuille": """
        SELECT i.id, i.programme_id, i.name,
               coalesce(i.detail, '') || ' ' || p.name || ' ' || coalesce(dm.name, ''), i.source_quote
        FROM portfolio_items i JOIN people p ON p.id = i.person_id
        LEFT JOIN domains dm ON dm.id = i.domain_id""",
    "persoon": """
        SELECT p.id, ms.programme_id, p.name, coalesce(ms.party, ''), p.source_quote
        FROM people p JOIN memberships ms ON ms.person_id = p.id""",
    "actie": f"""
        SELECT x.id, d.programme_id, '{NUMBERED_TITLE_WORDS["actie"]} ' || x.number || ': ' || x.title,
               {_join('x.heading', 'x.what', 'x.explanation', 'x.trekker', 'x.planning_text', 'x.cost_text', 'x.note',
                      'x.running_text', 'x.condition', 'x.cost_scope')}
               -- progress reports' explanations and revised plannings find their action
               || ' ' || coalesce((SELECT group_concat({_join('e.explanation', 'e.planning_text')}, ' ')
                                   FROM progress_entries e WHERE e.action_id = x.id), ''),
               x.source_quote
        FROM actions x JOIN action_plans ap ON ap.id = x.plan_id
        JOIN documents d ON d.id = ap.document_id""",
    "focusopgave": f"""
        SELECT f.id, d.programme_id, '{NUMBERED_TITLE_WORDS["focusopgave"]} ' || f.number || ': ' || f.title,
               {_join('f.table_title', 'f.objective', 'f.responsible', 'f.lead')}, f.source_quote
        FROM focusopgaven f JOIN action_plans ap ON ap.id = f.plan_id
        JOIN documents d ON d.id = ap.document_id""",
    "begroting": f"""
        SELECT b.id, b.programme_id, b.name, {_join('b.description', 'b.amount_text')}, b.source_quote
        FROM budgets b
        -- only those the Begroting tab shows (an action plan's); another document's budget (the
        -- klimaatgelden) is found through the commitment it pays for
        WHERE b.document_id IS NULL OR b.document_id IN (SELECT document_id FROM action_plans)""",
    "begrotingsregel": f"""
        SELECT l.id, b.programme_id, l.title, {_join('l.remark', 'l.cost_text', 'b.name')}, l.source_quote
        FROM budget_lines l JOIN budgets b ON b.id = l.budget_id""",
    "opgave": f"""
        SELECT o.id, d.programme_id, o.title, {_join('o.summary', 'o.future_text')}, o.source_quote
        FROM opgaven o JOIN documents d ON d.id = o.document_id""",
    "speerpunt": """
        SELECT s.id, d.programme_id, o.title, s.text, s.source_quote
        FROM speerpunten s JOIN opgaven o ON o.id = s.opgave_id
        JOIN documents d ON d.id = o.document_id""",
    "impulsproject": """
        SELECT i.id, d.programme_id, i.title, i.text, i.source_quote
        FROM impulsprojecten i JOIN documents d ON d.id = i.document_id""",
    "afspraak": f"""
        SELECT a.id, d.programme_id, a.question, {_join('a."group"', 'a.text')}, a.source_quote
        FROM agreements a JOIN documents d ON d.id = a.document_id""",
    # The notes under the portfolio table ("NB: …"); other remarks are read with what they introduce.
    "opmerking": """
        SELECT r.id, r.programme_id, r.label || ': ' || r.text, '', r.source_quote
        FROM remarks r WHERE r.about = 'portefeuilleverdeling'""",
}


def create_search_index(conn: Connection) -> None:
    conn.execute(
        text(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "kind UNINDEXED, ref_id UNINDEXED, programme_id UNINDEXED, title, body, quote, "
            "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
        )
    )
    for kind, select in _SOURCES.items():
        conn.execute(
            text(
                "INSERT INTO search_fts (kind, ref_id, programme_id, title, body, quote) "
                f"SELECT :kind, * FROM ({select}) ORDER BY 1"
            ),
            {"kind": kind},
        )

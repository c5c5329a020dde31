"""Reading a programme does not scan whole tables per programme: its records are found through
groups made once per unit of work, so reading every programme (the sync, the diff) stays linear."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from velsen_desk.storage import reader

# Tables a programme selects by its documents or its id, plus those every programme derives from
# whole (fundings per budget, theme links per action, budget names).
PER_PROGRAMME = ("documents", "memberships", "aandachtsvelden", "chapters", "opgaven", "core_values",
                 "topic_categories", "agreements", "impulsprojecten", "remarks", "action_plans", "budgets",
                 "fundings", "theme_links")


class _CountingList(list):  # type: ignore[type-arg]
    def __init__(self, rows: list[Any], table: str, counts: Counter[str]):
        super().__init__(rows)
        self.table, self.counts = table, counts

    def __iter__(self):  # type: ignore[no-untyped-def]
        self.counts[self.table] += 1
        return super().__iter__()


def test_reading_a_programme_again_scans_no_whole_table(built_db: Path, monkeypatch):
    counts: Counter[str] = Counter()
    original = reader._Rows.__getitem__

    def getitem(self, table):  # type: ignore[no-untyped-def]
        rows = original(self, table)
        if not isinstance(rows, _CountingList):
            rows = self._tables[table] = _CountingList(rows, table, counts)
        return rows

    monkeypatch.setattr(reader._Rows, "__getitem__", getitem)
    with sqlite3.connect(built_db) as conn:
        rows = reader._Rows(conn)
        catalog = reader.Catalog(summary=reader.summary(conn), programmes=reader._programmes(rows))
        assert len(catalog.programmes) >= 3
        first = {p.id: reader._Programme(rows, p.id).data(p) for p in catalog.programmes}
        after_first = Counter(counts)
        again = {p.id: reader._Programme(rows, p.id).data(p) for p in catalog.programmes}
    assert again == first
    # the groups, indexes and derived values of the first pass serve every later programme
    assert {t: counts[t] for t in PER_PROGRAMME} == {t: after_first[t] for t in PER_PROGRAMME}


def test_a_programmes_records_keep_the_tables_order(built_db: Path):
    with sqlite3.connect(built_db) as conn:
        rows = reader._Rows(conn)
        for table in ("chapters", "opgaven", "agreements", "action_plans"):
            every = rows[table]
            documents = list({row["document_id"] for row in every})
            mine = rows.of(table, "document_id", documents)
            assert [row["id"] for row in mine] == [row["id"] for row in every]


def _read_alone_and_from_whole_tables(conn: sqlite3.Connection) -> list[tuple[str, bool]]:
    """Per programme: whether reading it alone (its own rows) gives what reading whole tables gives."""
    every = reader._Rows(conn)
    return [(p.id, reader.programme_data(conn, p) == reader._Programme(every, p.id).data(p))
            for p in reader.catalog(conn).programmes]


def test_a_programme_read_alone_is_the_programme_read_from_whole_tables(built_db: Path):
    with sqlite3.connect(f"file:{built_db}?mode=ro", uri=True) as conn:
        compared = _read_alone_and_from_whole_tables(conn)
    assert len(compared) >= 3 and all(same for _, same in compared), compared


def _copy_row(conn: sqlite3.Connection, table: str, where: str, **changes: object) -> None:
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {where} LIMIT 1")
    row = dict(zip([c[0] for c in cursor.description], cursor.fetchone(), strict=True)) | changes
    conn.execute(f"INSERT INTO {table} ({', '.join(map(repr, row))}) VALUES ({', '.join('?' * len(row))})",
                 tuple(row.values()))


def test_a_read_alone_keeps_what_another_programme_points_at(built_db: Path, tmp_path: Path):
    # A theme of another programme linking an action of the plan's, and that action funded from
    # another programme's budget: read alone, each programme still shows them.
    copy = tmp_path / "crossed.sqlite"
    copy.write_bytes(built_db.read_bytes())
    with sqlite3.connect(copy) as conn:
        action, mine = conn.execute(
            "SELECT a.id, d.programme_id FROM actions a JOIN action_plans p ON p.id = a.plan_id "
            "JOIN documents d ON d.id = p.document_id").fetchone()
        other_document, other = conn.execute(
            "SELECT id, programme_id FROM documents WHERE programme_id != ?", (mine,)).fetchone()
        _copy_row(conn, "aandachtsvelden", "1", id="x-veld", document_id=other_document)
        _copy_row(conn, "themes", "1", id="x-theme", aandachtsveld_id="x-veld")
        _copy_row(conn, "theme_links", "action_id IS NOT NULL", id="x-link", theme_id="x-theme", action_id=action,
                  plan_id=None)
        _copy_row(conn, "budgets", "1", id="x-budget", programme_id=other, document_id=None, focus_point_id=None)
        _copy_row(conn, "fundings", "1", id="x-funding", action_id=action, budget_id="x-budget", budget_line_id=None)
    with sqlite3.connect(f"file:{copy}?mode=ro", uri=True) as conn:
        compared = _read_alone_and_from_whole_tables(conn)
        programmes = {p.id: p for p in reader.catalog(conn).programmes}
        plan_side = reader.programme_data(conn, programmes[mine])
        theme_side = reader.programme_data(conn, programmes[other])
    assert all(same for _, same in compared), compared
    funded = next(a for p in plan_side.plans for a in p.actions if a.id == action)
    assert "x-theme" in funded.theme_ids
    assert any(f.budget_id == "x-budget" and f.budget_name for f in funded.fundings)
    assert [link.action_id for link in theme_side.theme_links["x-theme"]] == [action]


def test_a_read_alone_reads_only_its_own_rows(built_db: Path, monkeypatch):
    read: dict[str, int] = {}
    original = reader._Rows.__getitem__

    def getitem(self, table):  # type: ignore[no-untyped-def]
        rows = original(self, table)
        read[table] = len(rows)
        return rows

    monkeypatch.setattr(reader._Rows, "__getitem__", getitem)
    with sqlite3.connect(f"file:{built_db}?mode=ro", uri=True) as conn:
        every = {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                 for table in ("portfolio_items", "themes", "people", "budgets")}
        fewer: set[str] = set()
        for programme in reader.catalog(conn).programmes:
            read.clear()
            data = reader.programme_data(conn, programme)
            own = {"portfolio_items": len(data.matrix.items) if data.matrix else 0,
                   "themes": sum(len(v.themes) for v in data.velden),
                   # its college and the regie holders of its themes
                   "people": len({p.id for p in data.college} | {t.regie.id for t in data.themes if t.regie})}
            assert {table: read[table] for table in own} == own, programme.id
            # its own budgets and those its actions are funded from (no record shows them all)
            own["budgets"] = read["budgets"]
            fewer |= {table for table, count in own.items() if count < every[table]}
    assert fewer == set(every)  # some programme has fewer than all: the counts tell the reads apart


def test_a_read_alone_keeps_another_programmes_action_its_budget_funds(built_db: Path, tmp_path: Path):
    # The data allows an action of one programme funded from another programme's budget (no line),
    # and a funding that names one programme's budget but another's budget line (no check ties the
    # line to the budget). Read alone, the programme that owns the budget and the line still lists
    # that action under each: only the budget and line clauses of PROGRAMME_SCOPE["fundings"] select
    # those rows, and the bundled data has no such funding to tell them apart.
    copy = tmp_path / "funded-across.sqlite"
    copy.write_bytes(built_db.read_bytes())
    with sqlite3.connect(copy) as conn:
        line, budget, mine = conn.execute(
            "SELECT l.id, b.id, b.programme_id FROM budget_lines l JOIN budgets b ON b.id = l.budget_id "
            "ORDER BY l.id").fetchone()
        other_document, other = conn.execute(
            "SELECT id, programme_id FROM documents WHERE programme_id != ? ORDER BY id", (mine,)).fetchone()
        _copy_row(conn, "action_plans", "1", id="x-plan", document_id=other_document)
        _copy_row(conn, "actions", "1", id="x-action", plan_id="x-plan", focusopgave_id=None)
        _copy_row(conn, "budgets", "1", id="x-budget", programme_id=other, document_id=None, focus_point_id=None)
        _copy_row(conn, "fundings", "1", id="x-from-budget", action_id="x-action", budget_id=budget,
                  budget_line_id=None)
        _copy_row(conn, "fundings", "1", id="x-from-line", action_id="x-action", budget_id="x-budget",
                  budget_line_id=line)
    with sqlite3.connect(f"file:{copy}?mode=ro", uri=True) as conn:
        compared = _read_alone_and_from_whole_tables(conn)
        programmes = {p.id: p for p in reader.catalog(conn).programmes}
        budget_side = reader.programme_data(conn, programmes[mine])
    assert all(same for _, same in compared), compared
    budgets = {b.id: b for plan in budget_side.plans for b in plan.budgets}
    assert "x-action" in budgets[budget].funded_action_ids
    assert "x-action" in next(li for li in budgets[budget].lines if li.id == line).funded_action_ids

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

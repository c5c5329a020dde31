"""Reading every programme at once (the sync's content check, the diff) groups each table once,
not once per programme: at 100× (300 programmes) that repetition was most of a full sync."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from velsen_desk.storage import reader


def test_each_table_is_grouped_once_however_many_programmes(built_db: Path, monkeypatch):
    instances: list[Any] = []
    grouped: list[tuple[int, str]] = []
    original_init, original_group = reader._Rows.__init__, reader._group

    def init(self, conn):  # type: ignore[no-untyped-def]
        original_init(self, conn)
        instances.append(self)

    def group(rows, key):  # type: ignore[no-untyped-def]
        tables = [t for r in instances for t in r._tables.values()]
        if any(rows is table for table in tables):  # a whole table, not a filtered or sorted part
            grouped.append((id(rows), key))
        return original_group(rows, key)

    monkeypatch.setattr(reader._Rows, "__init__", init)
    monkeypatch.setattr(reader, "_group", group)
    with sqlite3.connect(built_db) as conn:
        catalog, programmes = reader.every_programme(conn)
    assert len(programmes) >= 3
    assert grouped and len(grouped) == len(set(grouped))


def test_every_programme_reads_what_each_programme_reads(built_db: Path):
    with sqlite3.connect(built_db) as conn:
        catalog, programmes = reader.every_programme(conn)
        for programme in catalog.programmes:
            assert programmes[programme.id] == reader.programme_data(conn, programme)

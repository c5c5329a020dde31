"""build-db inserts rows as column values (executemany per table), not one ORM object per record:
the unit of work cost 9.7 s of a 100× build. The rows are the same: every record, every cost
column, all NULL where a cost is absent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.orm import Session

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage import tables as m
from velsen_desk.storage.build import build_database


def test_no_orm_object_per_record(tmp_path: Path, monkeypatch):
    added: list[type] = []
    original_add, original_add_all = Session.add, Session.add_all

    def add(self, instance, *args, **kwargs):  # type: ignore[no-untyped-def]
        added.append(type(instance))
        return original_add(self, instance, *args, **kwargs)

    def add_all(self, instances, *args, **kwargs):  # type: ignore[no-untyped-def]
        instances = list(instances)
        added.extend(type(i) for i in instances)
        return original_add_all(self, instances, *args, **kwargs)

    monkeypatch.setattr(Session, "add", add)
    monkeypatch.setattr(Session, "add_all", add_all)
    dataset = load_dataset([bundled_data_dir()])
    build_database(dataset, tmp_path / "x.sqlite")
    assert set(added) <= {m.Meta}


def test_every_record_and_cost_column_arrives(tmp_path: Path):
    dataset = load_dataset([bundled_data_dir()])
    result = build_database(dataset, tmp_path / "x.sqlite")
    with sqlite3.connect(result.path) as conn:
        assert conn.execute("SELECT count(*) FROM actions").fetchone()[0] == len(dataset.actions)
        rows = {r[0]: r[1:] for r in conn.execute(
            "SELECT id, cost_status, cost_amount, cost_qualifier, cost_text FROM actions")}
        for action in dataset.actions:
            cost = action.cost
            assert rows[action.id] == (cost.status.value if hasattr(cost.status, "value") else cost.status,
                                       cost.amount, cost.qualifier, cost.text)
        # an optional cost that is absent is NULL in all four columns, never '€ 0'
        absent = conn.execute(
            "SELECT count(*) FROM budgets WHERE total_status IS NULL AND total_amount IS NULL "
            "AND total_qualifier IS NULL AND total_text IS NULL").fetchone()[0]
        documented = sum(b.total_documented is None for b in dataset.budgets)
        assert absent == documented


def _with_progress(tmp_path: Path) -> Path:
    import shutil

    from progress_fixtures import write_progress

    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    write_progress(data)
    return data


def test_progress_rows_are_values_too_and_the_driver_path_writes_the_same_file(tmp_path: Path, monkeypatch):
    from velsen_desk.storage import build
    from velsen_desk.storage.tables import progress as p

    dataset = load_dataset([_with_progress(tmp_path)])
    assert dataset.progress_entries
    added: list[type] = []
    original_add_all = Session.add_all

    def add_all(self, instances, *args, **kwargs):  # type: ignore[no-untyped-def]
        instances = list(instances)
        added.extend(type(i) for i in instances)
        return original_add_all(self, instances, *args, **kwargs)

    monkeypatch.setattr(Session, "add_all", add_all)
    plain: list[str] = []
    original_plain = build._insert_plain

    def counted(connection, table, keys, rows):  # type: ignore[no-untyped-def]
        plain.append(table.name)
        return original_plain(connection, table, keys, rows)

    monkeypatch.setattr(build, "_insert_plain", counted)
    fast = build_database(dataset, tmp_path / "fast.sqlite").path
    assert not {p.ProgressReport, p.ProgressEntry, p.RevisedPhase} & set(added)
    assert {"actions", "progress_entries", "planning_phases"} <= set(plain)
    monkeypatch.setattr(build, "_plain_insert_fits", lambda *_args: False)  # Core's own insert, as before
    core = build_database(dataset, tmp_path / "core.sqlite").path
    assert fast.read_bytes() == core.read_bytes()

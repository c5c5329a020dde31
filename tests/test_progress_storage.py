"""Progress in the database: built, read back with plain sqlite3, searched; old files read as none."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from progress_fixtures import write_progress
from test_reader import _mismatches, _order_columns

from velsen_desk.core.money import CostStatus
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.core.progress import Lateness, ProgressStatus, Reporting
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage import progress_reader
from velsen_desk.storage.build import build_database
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.reader import catalog, programme_data
from velsen_desk.storage.search import search


@pytest.fixture(scope="module")
def progress_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("progress")
    dataset = load_dataset([bundled_data_dir(), write_progress(folder / "extra")])
    return build_database(dataset, folder / "db.sqlite").path


def _read(db: Path):
    database = ReadOnlyDatabase(db)
    found = database.read(catalog)
    programme = found.programme("velsen-2022")
    assert programme is not None
    return database.read(programme_data, programme), database.read(progress_reader.read_progress, "velsen-2022")


def test_every_progress_column_read_is_an_orm_column():
    named = []
    for table, (columns, order) in progress_reader.COLUMNS.items():
        named += [(table, column, kind) for column, kind in columns.items()]
        named += [(table, column, None) for column in _order_columns(order)]
    assert _mismatches(named) == []


def test_reports_entries_and_history_read_back(progress_db):
    data, progress = _read(progress_db)
    assert [r.date for r in progress.reports] == [dt.date(2025, 1, 1), dt.date(2025, 7, 1)]
    assert not progress.is_example
    a11 = progress.entries["velsen-2022.avn.a11"]
    assert [(e.peildatum, e.status) for e in a11] == [
        (dt.date(2025, 1, 1), ProgressStatus.ORANJE), (dt.date(2025, 7, 1), ProgressStatus.GROEN)]
    a07 = progress.entries["velsen-2022.avn.a07"][0]
    assert a07.spent.status is CostStatus.TO_BE_DETERMINED
    assert a07.spent.amount is None
    assert [m.value for m in progress.measurements] == [7.5]
    assert [e.title for e in progress.evaluations] == ["Synthetische terugblik na zes maanden"]


def test_revised_planning_is_parsed_and_in_force(progress_db):
    data, progress = _read(progress_db)
    action = data.action("velsen-2022.avn.a02")
    assert action is not None
    # Original "Onderzoek naar verdichting start in Q2-2024"; revised to Q2-2027.
    assert progress.progress(action, dt.date(2026, 12, 1)).lateness is Lateness.ON_TIME
    assert progress.progress(action, dt.date(2025, 6, 1)).lateness is Lateness.LATE  # before the revision
    revised = progress.entries[action.id][0]
    assert revised.planning_text == "Onderzoek loopt door tot Q2-2027"
    assert revised.phases[0].end == dt.date(2027, 6, 30)


def test_plan_progress_on_a_day(progress_db):
    data, progress = _read(progress_db)
    plan = data.plans[0]
    items = {p.number: p for p in progress.plan_progress(plan, dt.date(2026, 12, 1))}
    assert items[7].status is ProgressStatus.ROOD
    assert items[7].is_late  # "Q2-2024 plaatsen verkeersbord", rood
    assert items[16].lateness is Lateness.CLOSED
    assert items[1].status is None and items[1].reporting is Reporting.NONE
    assert items[11].reporting is Reporting.STALE  # interval 6 months since 1 juli 2025
    assert items[11].since == dt.date(2025, 7, 1)


def test_search_finds_an_explanation(progress_db):
    with sqlite3.connect(progress_db) as conn:
        hits = search(conn, "zeldzaamwoord")
    assert [h.ref_id for h in hits] == ["velsen-2022.avn.a11"]


def test_a_database_without_progress_tables_reads_as_none(tmp_path, built_db):
    old = tmp_path / "old.sqlite"
    old.write_bytes(built_db.read_bytes())
    with sqlite3.connect(old) as conn:
        for table in progress_reader.COLUMNS:
            conn.execute(f"DROP TABLE {table}")
    conn.close()
    with sqlite3.connect(old) as conn:
        progress = progress_reader.read_progress(conn, "velsen-2022")
    conn.close()
    assert progress.reports == ()
    assert progress.entries == {}


def test_progress_builds_byte_identical(tmp_path):
    dataset = load_dataset([bundled_data_dir(), write_progress(tmp_path / "extra")])
    first = build_database(dataset, tmp_path / "a.sqlite").path.read_bytes()
    second = build_database(dataset, tmp_path / "b.sqlite").path.read_bytes()
    assert first == second

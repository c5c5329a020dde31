"""The shipped example progress report: valid, fictitious, marked as such, never loaded by default."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.core.progress import ProgressStatus
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage.build import build_database
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.progress_reader import read_progress
from velsen_desk.storage.reader import catalog, programme_data

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voortgang-voorbeeld.yaml"


def test_the_example_lives_outside_the_bundled_data():
    assert EXAMPLE.is_file()
    assert bundled_data_dir().resolve() not in EXAMPLE.resolve().parents
    assert not list(bundled_data_dir().glob("*voortgang*"))


def test_the_example_is_valid_marked_and_uses_every_status(tmp_path):
    db = build_database(load_dataset([bundled_data_dir(), EXAMPLE]), tmp_path / "vb.sqlite").path
    database = ReadOnlyDatabase(db)
    data = database.read(programme_data, database.read(catalog).programme("velsen-2022"))
    progress = database.read(read_progress, "velsen-2022")
    assert progress.is_example
    assert all(r.example for r in progress.reports) and all(m.example for m in progress.measurements)
    assert all(e.example for e in progress.evaluations)
    statuses = {e.status for entries in progress.entries.values() for e in entries}
    assert statuses == set(ProgressStatus)
    assert all("VOORBEELD" in r.title for r in progress.reports)
    assert progress.plan_progress(data.plans[0], dt.date(2026, 12, 1))

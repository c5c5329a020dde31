""""Wat is er veranderd" lists status changes between two data versions."""

from __future__ import annotations

from progress_fixtures import FIRST_ONLY_YAML, PROGRESS_YAML, write_progress

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage.build import build_database
from velsen_desk.sync.diff import diff_databases


def _db(tmp_path, name, text=None):
    paths = [bundled_data_dir()]
    if text is not None:
        paths.append(write_progress(tmp_path / name, text))
    return build_database(load_dataset(paths), tmp_path / f"{name}.sqlite").path


def test_status_changes_between_two_versions(tmp_path):
    old, new = _db(tmp_path, "old", FIRST_ONLY_YAML), _db(tmp_path, "new", PROGRESS_YAML)
    progress = [str(c) for c in diff_databases(old, new) if c.field == "voortgang"]
    assert progress == [
        "actie Actie 2: Onderzoek naar mogelijkheden woningbouw: voortgang nog geen status → groen, "
        "peildatum 1 juli 2025",
        "actie Actie 7: Gedragsmaatregelen Stratingplantsoen: voortgang nog geen status → rood, "
        "peildatum 1 juli 2025",
        "actie Actie 11: Inzet extra BOA: voortgang oranje → groen, peildatum 1 juli 2025",
    ]  # action 16 stays afgerond in a newer report: no change


def test_no_progress_on_either_side_gives_no_status_changes(tmp_path, built_db):
    assert [c for c in diff_databases(built_db, built_db) if c.field == "voortgang"] == []

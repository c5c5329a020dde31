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


def test_the_changes_are_worded_in_the_locale_asked_and_dutch_by_default(tmp_path):
    """The window passes its locale: English field, status and change words, dates and amounts;
    without one (the command line's Dutch, anything printed) they stay Dutch."""
    import shutil
    import sqlite3
    from contextlib import closing

    from velsen_desk.core.locales import DUTCH, ENGLISH

    old = _db(tmp_path, "old", FIRST_ONLY_YAML)
    new = tmp_path / "new-cost.sqlite"
    shutil.copyfile(_db(tmp_path, "new", PROGRESS_YAML), new)
    with closing(sqlite3.connect(new)) as conn, conn:  # € 25.000 -> n.v.t.
        conn.execute("UPDATE actions SET cost_status = 'nvt', cost_amount = NULL, cost_text = 'n.v.t.' "
                     "WHERE id = 'velsen-2022.avn.a06'")
    english = [str(c) for c in diff_databases(old, new, ENGLISH)]
    assert "action Action 11: Inzet extra BOA: progress amber → green, reporting date 1 July 2025" in english
    assert ("action Action 2: Onderzoek naar mogelijkheden woningbouw: progress no status yet → green, "
            "reporting date 1 July 2025") in english
    assert "action Action 6: Herinrichting ventweg Wijkerstraatweg: costs €25,000 → n/a" in english
    assert not [line for line in english if {"actie", "voortgang", "peildatum", "kosten", "n.v.t."} & set(
        line.replace(",", " ").split())]
    changed = next(c for c in diff_databases(old, new, ENGLISH) if c.field == "kosten")
    assert (changed.field_label, changed.change_label) == ("costs", "changed")
    dutch = [str(c) for c in diff_databases(old, new)]
    assert dutch == [str(c) for c in diff_databases(old, new, DUTCH)]
    assert "actie Actie 6: Herinrichting ventweg Wijkerstraatweg: kosten € 25.000 → n.v.t." in dutch
    assert "actie Actie 11: Inzet extra BOA: voortgang oranje → groen, peildatum 1 juli 2025" in dutch

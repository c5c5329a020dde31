"""The registries of report and item kinds are the one place those kinds are defined."""

from __future__ import annotations

import sqlite3

from velsen_desk.core.item_kinds import ITEM_KIND_IDS, item_kind, kind_order, plural_label
from velsen_desk.core.report_kinds import (
    ANNEX_SECTION_IDS,
    REPORT_KIND_IDS,
    is_report_kind,
    kind_for_tab,
    report_kind,
)


def test_report_kinds_are_unique_and_know_what_they_need():
    assert len(set(REPORT_KIND_IDS)) == len(REPORT_KIND_IDS)
    assert report_kind("regie").needs_person and not report_kind("themes").needs_person
    assert report_kind("annex").needs_meeting and not report_kind("annex").annex_section
    assert report_kind("timeline").landscape and not report_kind("budget").landscape
    assert report_kind("brief").personal and report_kind("brief").in_dialog  # made from the window too (issue 15)
    assert not is_report_kind("../etc") and is_report_kind("budget")
    assert set(ANNEX_SECTION_IDS) <= set(REPORT_KIND_IDS)


def test_a_tab_maps_to_its_report_and_others_to_themes():
    assert kind_for_tab("budget").id == "budget"
    assert kind_for_tab("timeline").id == "timeline"
    assert kind_for_tab("nergens").id == "themes"


def test_file_stems_are_safe_file_names():
    for kind_id in REPORT_KIND_IDS:
        stem = report_kind(kind_id).file_stem
        assert stem and all(ch.isalnum() or ch == "-" for ch in stem)


def test_item_kinds_have_labels_and_unknown_kinds_stay_harmless():
    assert plural_label("actie") == "Acties"
    assert plural_label("iets-nieuws") == "iets-nieuws"
    assert item_kind("iets-nieuws") is None
    assert kind_order("thema") < kind_order("actie") < kind_order("iets-nieuws")


def test_every_item_kind_table_exists_in_the_built_database(built_db):
    with sqlite3.connect(f"file:{built_db}?mode=ro", uri=True) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for kind_id in ITEM_KIND_IDS:
        assert item_kind(kind_id).table in tables  # type: ignore[union-attr]

"""``report voortgang``: the voortgangsrapportage's facts, read back from the PDF with pypdf."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from progress_fixtures import PROGRESS_YAML, write_progress
from test_reports import all_text, text_of

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.core.report_kinds import default_annex_sections, report_kind
from velsen_desk.curation.loader import load_dataset
from velsen_desk.reports.service import ReportError, ReportRequest, generate_report
from velsen_desk.storage.build import build_database

MADE = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def dbs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("progress-report")
    example = PROGRESS_YAML.replace("    interval_months: 6\n", "    interval_months: 6\n    example: true\n")
    return {
        "synthetic": build_database(load_dataset([bundled_data_dir(), write_progress(folder / "s")]),
                                    folder / "s.sqlite").path,
        "example": build_database(load_dataset([bundled_data_dir(), write_progress(folder / "e", example)]),
                                  folder / "e.sqlite").path,
    }


def _make(tmp_path: Path, db: Path, **kw: object) -> Path:
    out = tmp_path / "voortgang.pdf"
    generate_report(ReportRequest(kind="voortgang", output=out, database=db, today=MADE, **kw))  # type: ignore[arg-type]
    return out


def test_report_states_counts_exceptions_spend_targets_and_evaluations(tmp_path, dbs):
    pages = text_of(_make(tmp_path, dbs["synthetic"], peildatum="2025-08-01"))
    text = " ".join(pages)
    assert pages[0].startswith("Inhoud") and "Voortgangsrapportage" in pages[0]  # contents first
    assert "pagina 1 van" in pages[0]
    assert "gegevensversie" in pages[-1]
    assert "Stand op 1 augustus 2025" in text
    assert "peildatum 1 juli 2025 (opgave van Synthetische Partij)" in text
    assert "geen rapportage geen status ontvangen 16" in text
    assert "gerealiseerd € 25.000 + 1 post n.n.b.; 16 acties zonder rapportage" in text  # n.n.b. not as 0
    exceptions = text.split("Uitzonderingen")[2]  # [0] before, [1] in the contents
    assert exceptions.index("Gedragsmaatregelen") < exceptions.index("Alle acties")
    assert "Synthetisch bord niet geplaatst" in exceptions
    assert "7,5 % (2025)" in text and "Synthetische monitor 2025" in text
    assert "5 % in 2026" in text  # the target as reference
    assert "Synthetische terugblik na zes maanden" in text
    assert "CONCEPT" in text  # the Actieplan is a concept
    assert "VOORBEELD" not in text


def test_peildatum_shows_what_was_known_then(tmp_path, dbs):
    text = all_text(_make(tmp_path, dbs["synthetic"], peildatum="2025-03-01"))
    assert "peildatum 1 januari 2025" in text
    assert "oranje sinds 1 januari 2025" in text
    assert "Synthetisch bord niet geplaatst" not in text


def test_bundled_data_says_no_report_and_invents_no_status(tmp_path, built_db):
    text = all_text(_make(tmp_path, built_db, peildatum="2026-12-01"))
    assert "Nog geen voortgangsrapportage ontvangen" in text
    assert "Einde planning verstreken, zonder rapportage: acties 1, 2, 3" in text
    for status in ("groen sinds", "oranje sinds", "rood sinds", "afgerond sinds", "op schema in tijd"):
        assert status not in text
    assert "Nog geen metingen" in text and "Nog geen evaluatie ontvangen" in text


def test_example_data_is_marked_on_every_page(tmp_path, dbs):
    pages = text_of(_make(tmp_path, dbs["example"]))
    assert all("VOORBEELD — fictieve gegevens" in page for page in pages)


def test_annex_includes_voortgang_only_when_asked(tmp_path, dbs):
    assert "voortgang" not in default_annex_sections()
    out = tmp_path / "bijlage.pdf"
    generate_report(ReportRequest(kind="annex", output=out, database=dbs["example"], today=MADE,
                                  meeting="Raad", date="2026-12-10", items=("budget", "voortgang"),
                                  peildatum="2025-08-01"))
    text = all_text(out)
    assert "Voortgang Actieplan Velsen-Noord" in text
    assert "VOORBEELD — fictieve gegevens" in text


def test_registered_kind_and_bad_peildatum(tmp_path, dbs):
    assert report_kind("voortgang").needs_action_plan
    with pytest.raises(ReportError) as info:
        _make(tmp_path, dbs["synthetic"], peildatum="1-7-2025")
    assert info.value.field == "peildatum"
    with pytest.raises(ReportError, match="geen actieplan"):
        _make(tmp_path, dbs["synthetic"], programme="heemskerk-2018")


def test_markup_and_a_page_long_explanation_print_as_written(tmp_path):
    hostile = '<b>Raad & "Commissie"</b> <font> ' + "zeer lange toelichting " * 200
    text = PROGRESS_YAML.replace("explanation: Synthetisch bord niet geplaatst",
                                 f"explanation: '{hostile.strip()}'")
    db = build_database(load_dataset([bundled_data_dir(), write_progress(tmp_path / "h", text)]),
                        tmp_path / "h.sqlite").path
    printed = all_text(_make(tmp_path, db, peildatum="2025-08-01"))
    assert '<b>Raad & "Commissie"</b> <font>' in printed
    assert printed.count("zeer lange toelichting") >= 2 * 200 - 10  # exceptions and all actions, nothing lost


def test_every_focusopgave_has_its_own_table_with_one_span(dbs):
    """A spanned heading row per focusopgave in one table made each page break re-walk every span:
    at 2,000 actions that was most of the report's time (bench/progress.py)."""
    from reportlab.platypus import Table

    from velsen_desk.core.progress_records import plan_overview
    from velsen_desk.reports.sections.progress import _actions
    from velsen_desk.reports.styles import Styles
    from velsen_desk.storage.database import ReadOnlyDatabase
    from velsen_desk.storage.progress_reader import read_progress
    from velsen_desk.storage.reader import catalog, programme_data

    database = ReadOnlyDatabase(dbs["synthetic"])
    data = database.read(programme_data, database.read(catalog).programme("velsen-2022"))
    overview = plan_overview(data.plans[0], database.read(read_progress, "velsen-2022"), dt.date(2025, 8, 1))
    flowables = _actions(Styles(), overview, "k")
    tables = [f for f in flowables if isinstance(f, Table)]
    assert len(tables) == len(overview.groups) == 4
    assert all(t._spanCmds == [("SPAN", (0, 0), (-1, 0))] for t in tables)  # the name row only
    names = [t._cellvalues[0][0] for t in tables]
    assert names[-1] == "Overige acties" and names[0].startswith("Focusopgave 1: ")
    assert all(t.repeatRows == 2 for t in tables)  # name and column heads on every page


def test_the_report_plans_nvt_for_a_focusopgave_without_costs(tmp_path, dbs):
    """Focusopgave 1's actions all cost n.v.t.: the report's spend line says so, never "€ 0"."""
    text = " ".join(" ".join(text_of(_make(tmp_path, dbs["synthetic"], peildatum="2025-08-01"))).split())
    assert "gepland n.v.t.; gerealiseerd € 0" in text  # action 2 reported a real € 0 spent
    assert "gepland € 0" not in text and "gepland €0" not in text

"""Issue 11, the programme documents' model changes (docs/fidelity-audit.md, section E): targets
with a start year and a bound (M2), the NB under the portefeuilleverdeling (M3), commitments in
the running text (M12), and the Strategische Agenda's impulsprojecten and toekomstbeelden (M1).
Each from the schema through the database to the window's detail pane and the printed page."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest
from conftest import programme_of
from pypdf import PdfReader

from velsen_desk.core.records import TargetInfo
from velsen_desk.reports.sections.themes import target_text
from velsen_desk.reports.service import ReportRequest, generate_report
from velsen_desk.storage.database import connect_readonly
from velsen_desk.storage.search import search
from velsen_desk.ui.widgets.style import ID_ROLE, KIND_ROLE

NB_1 = "Toezicht en handhaving op eigen onderwerpen in portefeuille m.u.v. openbare ruimte."
NB_2 = "We buigen ons nog over de aanpak en verdeling van het ‘wijk-wethouderschap’."
OHP = "In 2023 actualiseren we het onderwijshuisvestingsplan om te voldoen aan de eisen en wensen van deze tijd."
SPORTPAS = "heemskerk-2018.coalitieakkoord.h2.fp07"


def _pdf_text(db: Path, tmp_path: Path, kind: str, **kw: object) -> str:
    out = tmp_path / f"{kind}.pdf"
    generate_report(ReportRequest(kind=kind, output=out, database=db, today=dt.date(2024, 3, 15), **kw))
    pages = PdfReader(out).pages
    return re.sub(r"\s+", " ", " ".join((p.extract_text() or "").replace("\xa0", " ") for p in pages))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---- M2: a target's start year and its bound -------------------------------------------------------


def test_the_sport_pas_is_stored_with_its_start_year_and_bound(built_db):
    chapters = programme_of(built_db, "heemskerk-2018").chapters
    chapter = next(c for c in chapters if any(p.id == SPORTPAS for p in c.focus_points))
    (target,) = next(p for p in chapter.focus_points if p.id == SPORTPAS).targets
    assert (target.figure, target.unit, target.qualifier, target.start_year, target.year) == (
        3, "jaar", "minimaal", 2019, None
    )


def test_printed_target_says_from_when_and_at_least_and_never_reads_the_start_as_a_deadline():
    target = TargetInfo(text="vanaf 2019 voor minimaal drie jaar", figure=3, unit="jaar", year=None,
                        start_year=2019, qualifier="minimaal")
    printed = target_text(target)
    assert "(vanaf 2019, streefwaarde minimaal 3 jaar)" in printed
    assert "in 2019" not in printed
    deadline = TargetInfo(text="daalt naar 5% in 2026", figure=5, unit="%", year=2026)
    assert "(streefwaarde 5 %, in 2026)" in target_text(deadline)


def test_the_window_shows_the_sport_pas_from_2019_for_at_least_three_years(window, qtbot):
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.select_programme("heemskerk-2018")
    tab = window.themes_tab
    assert tab.select_item("focuspunt", SPORTPAS)
    text = tab.detail_text()
    assert "(vanaf 2019, minimaal 3 jaar)" in text
    assert "2019)" not in text.replace("vanaf 2019,", "")  # 2019 is never shown as the year to be met


# ---- M3: the NB under the portefeuilleverdeling -------------------------------------------------------


def test_the_nb_notes_are_read_with_the_portfolio_matrix(built_db):
    matrix = programme_of(built_db, "velsen-2022").matrix
    assert matrix is not None
    assert [(r.label, r.text) for r in matrix.remarks] == [("NB", NB_1), ("NB", NB_2)]
    assert [r.source.quote for r in matrix.remarks] == [f"NB: - {NB_1}", f"- {NB_2}"]
    heemskerk = programme_of(built_db, "heemskerk-2018").matrix
    assert heemskerk is not None and heemskerk.remarks == ()


def test_the_window_shows_the_nb_under_the_matrix_and_with_every_member(window):
    tab = window.portfolio_tab
    tab.ensure_drawn()
    before = tab.detail.toPlainText()  # the pane under the matrix, before any member is chosen
    assert f"NB: {NB_1}" in before and f"NB: {NB_2}" in before
    for person in ("bram-diepstraten", "marianne-steijn"):
        assert tab.select_person(person)
        text = tab.detail_text()
        assert "Opmerkingen bij de portefeuilleverdeling" in text
        assert f"NB: {NB_1}" in text and f"NB: {NB_2}" in text


def test_the_printed_portfolio_carries_the_nb_with_its_source(built_db, tmp_path):
    text = _pdf_text(built_db, tmp_path, "portfolio")
    assert _squash(f"NB: {NB_1}") in _squash(text)
    assert _squash(f"NB: {NB_2}") in _squash(text)
    assert _squash("Bron: Set van college uitvoeringsafspraken — “NB: - Toezicht") in _squash(text)


# ---- M12: commitments in the running text ------------------------------------------------------------


def test_prose_commitments_are_kept_apart_from_the_focus_list(built_db):
    chapter = next(c for c in programme_of(built_db, "velsen-2022").chapters if c.number == 2)
    assert [p.text for p in chapter.text_points] == [OHP]
    assert all(not p.in_text for p in chapter.listed_points) and len(chapter.listed_points) == 11
    (target,) = chapter.text_points[0].targets
    assert target.year == 2023


def test_the_window_shows_a_prose_commitment_under_its_own_heading(window):
    tab = window.themes_tab
    assert tab.select_theme_number(5)  # theme 5 is served by chapter 2
    text = tab.detail_text()
    assert "Ook toegezegd in de tekst van het hoofdstuk:" in text
    assert text.index("Ook toegezegd in de tekst") < text.index("onderwijshuisvestingsplan")
    assert "in 2023" in text
    # Where points are tree items of their own (a programme without themes), one from the text
    # is not numbered as if it stood in the list.
    from velsen_desk.ui.themes.detail import focus_point_html
    from velsen_desk.ui.themes.model import ThemeTreeModel

    chapter = next(c for c in window.state.data.chapters if c.number == 2)
    point = chapter.text_points[0]
    html = focus_point_html(point, chapter)
    assert "Toezegging uit de tekst" in html and "Focuspunt 101" not in html
    assert "niet in de lijst “Focus van onze inzet”" in html
    assert ThemeTreeModel()._label(point).startswith("Uit de tekst: In 2023 actualiseren")


def test_the_printed_themes_carry_the_prose_commitments_apart(built_db, tmp_path):
    text = _pdf_text(built_db, tmp_path, "themes")
    for commitment in (OHP, "Ook maken we duidelijk of Kustplaats IJmuiden haalbaar is.",
                       "Deze periode realiseren we de schouwburg van de toekomst"):
        assert _squash(commitment) in _squash(text)
    heading = _squash("Ook toegezegd in de tekst van het hoofdstuk (niet in “Focus van onze inzet”):")
    assert _squash(text).count(heading) == 3
    assert _squash(text).index(heading) < _squash(text).index(_squash(OHP))


# ---- M1: impulsprojecten and toekomstbeelden -----------------------------------------------------------


def test_the_five_impulsprojecten_are_read_with_their_introduction(built_db):
    projects = programme_of(built_db, "velsen-sa2020").impulsprojecten
    assert projects is not None
    assert [p.title for p in projects.projects] == [
        "Techport IJmond", "BRAK! & Kustvisie", "Offshore Windenergie", "Havenkwartier Halkade & Oud-IJmuiden",
        "Citymarketing en IJmuiden Rauw aan Zee",
    ]
    assert "bestuursperiode 2014-2018" in projects.intro[0].text
    assert programme_of(built_db, "velsen-2022").impulsprojecten is None


def test_each_opgave_has_its_toekomstbeeld(built_db):
    opgaven = programme_of(built_db, "velsen-sa2020").opgaven
    assert [o.future_text.split(".")[0] for o in opgaven if o.future_text] == [
        "Velsen kent een vitale gemeenschap",
        "Kennisrijk werken in Velsen staat voor dynamiek en aantrekkingskracht",
        "Velsen is een duurzame gemeente",
        "Gezamenlijk, als gemeenschap, werken we aan de realisatie van ons toekomstbeeld",
    ]


def test_the_window_shows_impulsprojecten_and_toekomstbeeld(window, qtbot):
    with qtbot.waitSignal(window.sig_ready, timeout=10000):
        window.select_programme("velsen-sa2020")
    tab = window.themes_tab
    model = tab.model
    group = model.find(lambda n: n.kind == "impulsgroep")
    assert group.data() == "Impulsprojecten" and model.rowCount(group) == 5
    assert {model.index(r, 0, group).data(KIND_ROLE) for r in range(5)} == {"impulsproject"}
    assert tab.select_item("impulsproject", "velsen-sa2020.impuls.techport-ijmond")
    text = tab.detail_text()
    assert "We stimuleren de Techniekcampus IJmond als dé plek" in text
    assert "Met vijf impulsprojecten krijgt in de bestuursperiode 2014-2018" in text
    assert "Bron" in text
    first = model.index(0, 0)
    tab.tree.setCurrentIndex(tab.proxy.mapFromSource(first))
    assert first.data(ID_ROLE) == "velsen-sa2020.iedereen-doet-mee"
    text = tab.detail_text()
    assert "Toekomstbeeld – beoogde maatschappelijke effecten" in text
    assert "Velsen kent een vitale gemeenschap." in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Techniekcampus", "velsen-sa2020.impuls.techport-ijmond"),
     ("vitale gemeenschap", "velsen-sa2020.iedereen-doet-mee"),
     ("onderwijshuisvestingsplan", "velsen-2022.uitvoeringsprogramma.hoofdstuk-2.tekst-01")],
)
def test_search_finds_the_new_texts(built_db, query, expected):
    with connect_readonly(built_db) as conn:
        assert expected in [h.ref_id for h in search(conn, query)]


# ---- validate: the new fields are checked against the source ---------------------------------------------

SOURCE = textwrap.dedent("""\
    NB:
    - Toezicht en handhaving op eigen onderwerpen.
    Deze impulsprojecten zijn:
    - Techport IJmond
    We stimuleren de Techniekcampus IJmond.
    Toekomstbeeld - beoogde maatschappelijke effecten
    Velsen kent een vitale gemeenschap.
    """)

HEAD = """\
format: velsen-desk-data/1
municipalities: [{id: m, name: M}]
programmes: [{id: p, municipality: m, title: P}]
documents: [{id: d, programme: p, kind: strategische_agenda, title: D, source_file: bron.txt}]
"""


def _problems(tmp_path: Path, body: str) -> list[str]:
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.curation.problems import DataError

    (tmp_path / "bron.txt").write_text(SOURCE, encoding="utf-8")
    data = tmp_path / "data.yaml"
    data.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    try:
        load_dataset([data], sources=tmp_path)
    except DataError as error:
        return [f"{p.field}: {p.message}" for p in error.problems]
    return []


REMARK = """\
    remarks:
      - {id: nb, programme: p, about: ABOUT, label: NB, text: "TEXT",
         source: {doc: d, quote: "NB: - Toezicht en handhaving op eigen onderwerpen."}}
    """
PROJECT = """\
    impulsprojecten:
      - {id: tp, document: d, order: 1, title: "TITLE", text: "We stimuleren de Techniekcampus IJmond.",
         source: {doc: d, quote: "- Techport IJmond We stimuleren de Techniekcampus IJmond."}}
    """
OPGAVE = """\
    opgaven:
      - {id: o, document: d, title: Velsen, future_text: "FUTURE",
         source: {doc: d, quote: "Velsen kent een vitale gemeenschap."}}
    """


def test_a_remark_is_accepted_only_with_its_text_in_the_quote_and_a_known_table(tmp_path):
    good = REMARK.replace("ABOUT", "portefeuilleverdeling").replace(
        "TEXT", "Toezicht en handhaving op eigen onderwerpen."
    )
    assert _problems(tmp_path, good) == []
    wrong_text = good.replace('text: "Toezicht', 'text: "Geen toezicht')
    assert _problems(tmp_path, wrong_text) == [
        "remarks[0].source.quote: het citaat bevat de waarde van 'text' niet ('Geen toezicht en handhaving op eigen "
        "onderwerpen.')"
    ]
    unknown_table = good.replace("portefeuilleverdeling", "begroting")
    assert any(p.startswith("remarks[0].about: ") for p in _problems(tmp_path, unknown_table))


def test_an_impulsproject_quote_must_hold_its_title(tmp_path):
    assert _problems(tmp_path, PROJECT.replace("TITLE", "Techport IJmond")) == []
    assert _problems(tmp_path, PROJECT.replace("TITLE", "Techport Velsen")) == [
        "impulsprojecten[0].source.quote: het citaat bevat de waarde van 'title' niet ('Techport Velsen')"
    ]


def test_a_toekomstbeeld_must_be_verbatim(tmp_path):
    assert _problems(tmp_path, OPGAVE.replace("FUTURE", "Velsen kent een vitale gemeenschap.")) == []
    assert _problems(tmp_path, OPGAVE.replace("FUTURE", "Velsen kent een sterke gemeenschap.")) == [
        "opgaven[0].future_text: de tekst van 'future_text' komt niet letterlijk voor in de brontekst"
    ]



# ---- M13: Heemskerk's promises in any grammar ---------------------------------------------------------


def test_heemskerk_promises_in_the_passive_are_commitments_in_text_order(built_db):
    chapters = {c.number: c for c in programme_of(built_db, "heemskerk-2018").chapters}
    texts = {c: [p.text for p in chapters[c].focus_points] for c in chapters}
    assert "Het parkeren in het centrum blijft gratis." in texts[3]
    assert "Tegenover verstrekte bijstand voor levensonderhoud wordt een tegenprestatie gesteld." in texts[2]
    assert "Overbodige regelgeving wordt geschrapt." in texts[1]  # the signed preamble promises too
    source = re.sub(r"\s+", "", Path("resources/sources/heemskerk-coalitieakkoord-2018-2022.txt").read_text("utf-8"))
    for chapter in chapters.values():
        points = chapter.focus_points
        assert [p.order for p in points] == list(range(1, len(points) + 1))
        positions = [source.find(re.sub(r"\s+", "", p.source.quote or "")) for p in points]
        assert positions == sorted(positions) and min(positions) >= 0  # numbered as they are printed


def test_search_finds_a_passive_promise(built_db):
    with connect_readonly(built_db) as conn:
        hits = [h.ref_id for h in search(conn, "parkeren centrum gratis")]
    assert "heemskerk-2018.coalitieakkoord.h3.lv02" in hits


# ---- M11: the values of "Onze bezieling" -------------------------------------------------------------

VALUES = ["Perspectief", "Daadkracht", "Lef", "Inlevingsvermogen"]


def test_the_four_values_are_read_verbatim(built_db):
    values = programme_of(built_db, "velsen-2022").core_values
    assert [v.name for v in values] == VALUES
    assert values[2].text.startswith("Goed bestuur vraagt om lef tonen en concrete resultaten behalen.")
    assert programme_of(built_db, "heemskerk-2018").core_values == ()


def test_the_window_shows_the_values_beside_the_themes(window):
    tab = window.themes_tab
    group = tab.model.find(lambda n: n.kind == "waarden")
    assert group.data() == "Onze bezieling (waarden van het college)"
    assert [tab.model.index(r, 0, group).data() for r in range(tab.model.rowCount(group))] == VALUES
    tab.tree.setCurrentIndex(tab.proxy.mapFromSource(tab.model.index(2, 0, group)))
    text = tab.detail_text()
    assert "Lef" in text and "Goed bestuur vraagt om lef tonen" in text and "Daadkracht" not in text
    assert "Bron" in text


def test_the_printed_themes_end_with_the_values(built_db, tmp_path):
    text = _squash(_pdf_text(built_db, tmp_path, "themes"))
    assert _squash("Onze bezieling") in text
    for name in VALUES:
        assert _squash(f"{name} —") in text
    assert _squash("Wij geloven in een gemeentebestuur dat naast de mensen staat.") in text


VALUE = """\
    core_values:
      - {id: v, document: d, order: 1, name: NAME, text: "TEXT",
         source: {doc: d, quote: "Velsen kent een vitale gemeenschap."}}
    """


def test_a_value_needs_its_name_in_the_quote_and_its_text_verbatim(tmp_path):
    good = VALUE.replace("NAME", "Velsen").replace("TEXT", "Velsen kent een vitale gemeenschap.")
    assert _problems(tmp_path, good) == []
    assert _problems(tmp_path, good.replace("name: Velsen", "name: Lef")) == [
        "core_values[0].source.quote: het citaat bevat de waarde van 'name' niet ('Lef')"
    ]
    assert _problems(tmp_path, good.replace('text: "Velsen kent', 'text: "Velsen heeft')) == [
        "core_values[0].text: de tekst van 'text' komt niet letterlijk voor in de brontekst"
    ]


# ---- M4 (part): the categories I/II/III of Deel A -------------------------------------------------------


def test_the_three_categories_of_council_topics_are_read(built_db):
    categories = programme_of(built_db, "velsen-2022").topic_categories
    assert [(c.code, c.title) for c in categories] == [
        ("I", "Nadruk op politieke koersbepaling"), ("II", "Nadruk op uitvoering"),
        ("III", "Nadruk op periodiek/routine"),
    ]
    assert categories[0].text.endswith("Het college faciliteert deze koersbepaling.")


def test_the_window_and_the_report_show_the_categories(window, built_db, tmp_path):
    tab = window.themes_tab
    group = tab.model.find(lambda n: n.kind == "categorieen")
    assert group.data() == "Werkwijze: categorieën van onderwerpen"
    tab.tree.setCurrentIndex(tab.proxy.mapFromSource(tab.model.index(1, 0, group)))
    text = tab.detail_text()
    assert "Categorie II. Nadruk op uitvoering" in text and "Het college voert uit" in text
    printed = _squash(_pdf_text(built_db, tmp_path, "themes"))
    assert _squash("Categorie III. Nadruk op periodiek/routine — Onderwerpen die periodiek") in printed


def test_a_category_quote_must_name_it(tmp_path):
    body = """\
        topic_categories:
          - {id: c, document: d, code: "I", title: "Nadruk op koers", text: "Velsen kent een vitale gemeenschap.",
             source: {doc: d, quote: "Velsen kent een vitale gemeenschap."}}
        """
    assert _problems(tmp_path, body) == [
        "topic_categories[0].source.quote: het citaat bevat de waarde van 'title' niet ('Categorie I. Nadruk op koers')"
    ]

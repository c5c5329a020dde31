"""Issue 11, the Actieplan side: what the running text says next to the budget table (planning,
conditions, what a cost covers, what a funding line funds, the running text itself, monitoring),
and editorial theme links marked as such in print. Schema, checks, reader, window and PDF."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest
from pydantic import ValidationError
from pypdf import PdfReader

from velsen_desk.core.records import ActionInfo, ProgrammeData
from velsen_desk.core.timeline import build_layout
from velsen_desk.core.wording import PLANNING_CAVEAT
from velsen_desk.curation.loader import load_dataset
from velsen_desk.curation.problems import DataError
from velsen_desk.curation.schema import Action, Funding
from velsen_desk.reports.service import ReportRequest, generate_report
from velsen_desk.storage import reader
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.storage.search import search

TODAY = dt.date(2024, 3, 15)
A = "velsen-2022.avn.a"


@pytest.fixture(scope="module")
def data(built_db: Path) -> ProgrammeData:
    return ReadOnlyDatabase(built_db).read(reader.every_programme)[1]["velsen-2022"]


def _action(data: ProgrammeData, number: int) -> ActionInfo:
    action = data.action(f"{A}{number:02d}")
    assert action is not None
    return action


def _pdf(built_db: Path, tmp_path: Path, kind: str, **kw: str) -> str:
    path = generate_report(ReportRequest(kind=kind, output=tmp_path / f"{kind}.pdf", database=built_db, today=TODAY,
                                         **kw)).path
    return re.sub(r"\s+", " ", " ".join((p.extract_text() or "").replace("\xa0", " ") for p in PdfReader(path).pages))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---- schema and checks ------------------------------------------------------------------------

BASE_ACTION = {"id": "a", "plan": "p", "number": 1, "title": "T", "cost": {"status": "nvt", "text": "N.v.t."},
               "source": {"doc": "d", "quote": "q"}}


def test_schema_accepts_the_running_text_fields():
    action = Action(**BASE_ACTION, running_text="R", planning_running="P", planning_conflict=True,
                    condition="C", cost_scope="S")
    assert (action.planning_conflict, action.condition, action.cost_scope) == (True, "C", "S")
    assert Action(**BASE_ACTION).planning_conflict is False


def test_schema_rejects_a_part_funding_that_does_not_say_which_part():
    base = {"id": "f", "action": "a", "budget": "b", "source": {"doc": "d", "quote": "q"}}
    with pytest.raises(ValidationError, match="welk deel"):
        Funding(**base, part=True)
    assert Funding(**base, part=True, funds="De herinrichting zelf").part


SOURCE = "1 Gemeente Herinrichting €25.000\nDe €25.000 is een bijdrage voor de proceskosten.\n" \
         "De herinrichting zelf komt vanuit de begroting bij B&O.\nDe planning is nader te bepalen.\n"
DATA = """\
format: velsen-desk-data/1
municipalities: [{id: m, name: M}]
programmes: [{id: p, municipality: m, title: P}]
documents: [{id: d, programme: p, kind: actieplan, title: D, source_file: bron.txt}]
action_plans: [{id: ap, document: d, title: AP, source: {doc: d, quote: "Herinrichting"}}]
budgets: [{id: b, programme: p, name: B, source: {doc: d, quote: "begroting bij B&O"}}]
actions:
  - id: a1
    plan: ap
    number: 1
    title: Herinrichting
    cost: {status: amount, amount: 25000, text: "€25.000"}
    source: {doc: d, quote: "1 Gemeente Herinrichting €25.000"}
    cost_scope: "{scope}"
    planning_running: "{planning}"
fundings:
  - id: f1
    action: a1
    budget: b
    funds: "{funds}"
    part: true
    source: {doc: d, quote: "B&O"}
"""


def _problems(tmp_path: Path, **fields: str) -> list[str]:
    (tmp_path / "bron.txt").write_text(SOURCE, encoding="utf-8")
    body = DATA.replace("{scope}", fields["scope"]).replace("{planning}", fields["planning"])
    body = body.replace("{funds}", fields["funds"])
    (tmp_path / "data.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    try:
        load_dataset([tmp_path / "data.yaml"], sources=tmp_path)
    except DataError as error:
        return [f"{p.field}: {p.message}" for p in error.problems]
    return []


def test_verbatim_fields_must_occur_in_the_source(tmp_path):
    verbatim = {"scope": "De €25.000 is een bijdrage voor de proceskosten.",
                "planning": "De planning is nader te bepalen.",
                "funds": "De herinrichting zelf komt vanuit de begroting bij B&O."}
    assert _problems(tmp_path, **verbatim) == []
    invented = {"scope": "De €25.000 dekt alles.", "planning": "Start in 2024.", "funds": "De hele actie."}
    problems = _problems(tmp_path, **invented)
    assert sorted(p.split(":")[0] for p in problems) == [
        "actions[0].cost_scope", "actions[0].planning_running", "fundings[0].funds"]
    assert all("niet letterlijk voor in de bron" in p for p in problems)


# ---- the bundled data, as the reader returns it --------------------------------------------------


def test_every_table_text_conflict_on_planning_is_flagged(data):
    flagged = {a.number for a in data.plans[0].actions if a.planning_conflict}
    assert flagged == {1, 2, 4, 6, 7, 8, 12, 14, 18}
    assert all(_action(data, n).planning_running for n in flagged)
    assert _action(data, 14).planning_running == "De planning voor deze nieuwe vestiging is nu nog niet bekend."
    assert _action(data, 4).planning_running.startswith("Woningbedrijf Velsen start in 2024")


def test_conditions_cost_scope_and_monitoring_are_read(data):
    assert _action(data, 14).condition.startswith("Afhankelijk van de toekenning van een specifieke uitkering (spuk)")
    assert "afhankelijk van hoe snel er extra capaciteit geworven kan worden" in _action(data, 12).condition
    assert _action(data, 13).cost_scope.endswith("worden apart begroot.")
    assert _action(data, 6).cost_scope == "De €25.000 is een bijdrage voor de proceskosten."
    assert data.plans[0].monitoring_text.startswith("Leefbaarheid is soms in harde cijfers uit te drukken.")


def test_funding_lines_say_what_they_fund(data):
    a06 = {f.budget_id: f for f in _action(data, 6).fundings}["velsen-2022.budget.bestaande-begrotingen"]
    assert a06.part and a06.funds == "De herinrichting zelf komt vanuit de begroting bij B&O."
    a15 = _action(data, 15).fundings[0]
    assert a15.part and a15.funds == "De taallessen zijn reeds in bestaande budgetten opgenomen."
    # a line funding part of an action never goes without saying which part
    assert all(f.funds for a in data.plans[0].actions for f in a.fundings if f.part)


def test_running_text_of_every_action_is_stored(data):
    actions = data.plans[0].actions
    assert all(a.running_text for a in actions)
    # action 10's table cells are empty: the running text is its only description
    assert "wijkshouder" in _action(data, 10).running_text


def test_search_finds_the_running_text(built_db):
    hits = ReadOnlyDatabase(built_db).read(lambda conn: search(conn, "wijkshouder"))
    assert [h.ref_id for h in hits] == [f"{A}10"]


def test_timeline_layout_marks_the_bars_the_running_text_contradicts(data):
    layout = build_layout(data.plans[0], TODAY, "Planning onbekend", "Zonder focusopgave")
    marked = {r.action.number for r in layout.rows if r.action and r.label.startswith(PLANNING_CAVEAT)}
    assert marked == {1, 2, 4, 6, 7, 8, 12, 14, 18}
    assert {a.number for a in layout.conflicting_actions()} == marked


# ---- the window ------------------------------------------------------------------------------


def test_action_detail_shows_condition_scope_running_planning_and_editorial_links(window):
    tab = window.budget_tab
    window.select_tab("budget")
    tab.select_item(f"{A}14")
    text = tab.detail.toPlainText()
    assert "Voorwaarde: „Afhankelijk van de toekenning van een specifieke uitkering (spuk)" in text
    assert "Planning volgens de lopende tekst: „De planning voor deze nieuwe vestiging is nu nog niet bekend.”" in text
    assert "De tabel en de lopende tekst verschillen over de planning." in text
    assert "12. Kunst & cultuur (redactionele koppeling)" in text
    assert "In de lopende tekst van het Actieplan" in text
    tab.select_item(f"{A}06")
    text = tab.detail.toPlainText()
    assert "Waarvoor de kosten zijn: „De €25.000 is een bijdrage voor de proceskosten.”" in text
    assert "alleen: „De herinrichting zelf komt vanuit de begroting bij B&O.”" in text
    tab.select_item(f"{A}10")
    assert "wijkshouder" in tab.detail.toPlainText()


def test_timeline_side_pane_lists_the_uncertain_plannings(window, qtbot):
    window.select_tab("timeline")
    tab = window.timeline_tab
    qtbot.waitUntil(lambda: tab.chart is not None)
    side = tab.side_text()
    assert "Planning niet zeker" in side
    assert "lopende tekst: „De planning van de werkzaamheden is nader te bepalen.”" in side
    labels = [r.label for r in tab.layout_data.rows]
    assert f"{PLANNING_CAVEAT} 8. Herinrichting Stratingplantsoen" in labels


# ---- print ------------------------------------------------------------------------------------


def test_budget_report_prints_the_running_text_facts(built_db, tmp_path):
    text = _pdf(built_db, tmp_path, "budget")
    squashed = _squash(text)
    for expected in (
        "Voorwaarde: „Afhankelijk van de toekenning van een specifieke uitkering (spuk)",
        "Kosten: „Het begrote budget is voor het locatieonderzoek.",
        f"{PLANNING_CAVEAT} lopende tekst: „De planning van de werkzaamheden is nader te bepalen.”",
        "actie 6, alleen: „De herinrichting zelf komt vanuit de begroting bij B&O.”",
        "actie 15, alleen: „De taallessen zijn reeds in bestaande budgetten opgenomen.”",
        "De acties in de lopende tekst",
        "Met behulp van een wijkshouder worden deze bankjes en speelplaatsen in beeld gebracht",
        "We monitoren de effecten van alle interventies daarom langs twee sporen.",
    ):
        assert _squash(expected) in squashed, expected


def test_timeline_report_marks_the_uncertain_bars(built_db, tmp_path):
    text = _squash(_pdf(built_db, tmp_path, "timeline"))
    assert _squash(f"{PLANNING_CAVEAT} 14. Vestiging Bibliotheek Velsen-Noord") in text
    assert _squash("lopende tekst: „De planning voor deze nieuwe vestiging is nu nog niet bekend.”") in text
    assert _squash(f"{PLANNING_CAVEAT} 3. Nieuwbouw") not in text  # table and text agree


@pytest.mark.parametrize("person", ["Sander Smeets", "Bram Diepstraten", "Jeroen Verwoort"])
def test_regie_report_marks_every_editorial_link_and_its_total(built_db, tmp_path, data, person):
    text = _pdf(built_db, tmp_path, "regie", person=person)
    section = text[text.index("Gekoppelde acties uit het Actieplan"):]
    person_id = next(p.id for p in data.college if p.name == person)
    themes = data.regie_theme_ids(person_id)
    editorial = [(link.action_id, data.theme(theme_id)) for theme_id in themes
                 for link in data.theme_links.get(theme_id, ()) if link.action_id and link.basis == "redactioneel"]
    assert editorial  # each of these members has linked actions
    for _, theme in editorial:
        assert theme is not None and f"{theme.number} (redactioneel)" in section
    # the number of theme cells printed equals the editorial links: none printed without the mark
    printed = re.findall(r"\b(\d{1,2}) \(redactioneel\)", section)
    assert len(printed) == len(editorial)
    assert "Totaal gekoppelde acties (rust op redactionele koppelingen, niet op de bron)" in section


def test_budget_tree_marks_contradicted_planning_and_partial_funding(qapp, data):
    from PySide6.QtCore import Qt

    from velsen_desk.ui.budget.model import FUNDING, PLANNING, TITLE, BudgetModel

    model = BudgetModel()
    model.set_plans(data.plans)
    cells: dict[str, dict[int, str]] = {}

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            title = model.index(row, TITLE, parent).data(Qt.ItemDataRole.DisplayRole)
            cells[title] = {c: model.index(row, c, parent).data(Qt.ItemDataRole.DisplayRole)
                            for c in (FUNDING, PLANNING)}
            walk(index)

    walk(model.index(-1, -1).parent())
    assert cells["Herinrichting Stratingplantsoen"][PLANNING].startswith(f"{PLANNING_CAVEAT} Planning in overleg")
    assert not cells["Nieuwbouw"][PLANNING].startswith(PLANNING_CAVEAT)
    assert cells["Bestaande budgetten en begrotingen"][FUNDING] == "financiert actie 6 (deels), 15 (deels)"
    assert "alleen: „De herinrichting zelf" in cells["Herinrichting ventweg Wijkerstraatweg"][FUNDING]


# ---- perspectives (M5) --------------------------------------------------------------------------


def test_schema_perspective_needs_its_value_text():
    base = {"id": "p1", "plan": "ap", "number": 1, "title": "Samenleven", "source": {"doc": "d", "quote": "q"}}
    with pytest.raises(ValidationError):
        from velsen_desk.curation.schema import Perspective

        Perspective(**base)
    from velsen_desk.curation.schema import Perspective

    assert Perspective(**base, value_text="V", opgaven=["Inclusie"]).opgaven == ["Inclusie"]


def test_a_perspective_heading_not_in_the_source_is_caught(tmp_path):
    (tmp_path / "bron.txt").write_text("Perspectief 1: Samenleven\nHoe zou het moeten zijn?\nSamen.\nInclusie\n",
                                       encoding="utf-8")
    body = """\
        format: velsen-desk-data/1
        municipalities: [{id: m, name: M}]
        programmes: [{id: p, municipality: m, title: P}]
        documents: [{id: d, programme: p, kind: actieplan, title: D, source_file: bron.txt}]
        action_plans: [{id: ap, document: d, title: AP, source: {doc: d, quote: "Samen."}}]
        perspectives:
          - {id: p1, plan: ap, number: 1, title: Samenleven, value_text: "Samen.",
             opgaven: [Inclusie, Uitgevonden kop], source: {doc: d, quote: "Perspectief 1: Samenleven"}}
        """
    (tmp_path / "data.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_dataset([tmp_path / "data.yaml"], sources=tmp_path)
    assert [p.field for p in error.value.problems] == ["perspectives[0].opgaven"]


def test_the_five_perspectives_are_read(data):
    perspectives = data.plans[0].perspectives
    assert [p.title for p in perspectives] == [
        "Samenleven en ontmoeten", "Veiliger in Velsen-Noord", "Hulp en ondersteuning, zichtbaar en toegankelijk",
        "Aantrekkelijke woning en woonomgeving", "Samen aan de slag"]
    assert perspectives[0].value_text.startswith("Velsen-Noord is een zeer diverse kern")
    assert perspectives[4].opgaven == ("Naar een (ver)nieuw(d)e wijkvertegenwoordiging",
                                       "Communicatie over uitvoering en voortgang", "Gedeelde verantwoordelijkheid")


def test_perspectives_in_the_window_and_in_print(window, built_db, tmp_path):
    tab = window.budget_tab
    window.select_tab("budget")
    tab.select_item("velsen-2022.avn")
    text = tab.detail.toPlainText()
    assert "Perspectief 2: Veiliger in Velsen-Noord" in text
    assert "Fysieke omgeving als randvoorwaarde voor veiligheid" in text
    assert "Monitoring: Leefbaarheid is soms in harde cijfers uit te drukken." in text
    printed = _squash(_pdf(built_db, tmp_path, "budget"))
    assert _squash("Perspectief 4: Aantrekkelijke woning en woonomgeving") in printed
    assert _squash("Opgaven: We zorgen voor een fijne plek om te wonen · We zorgen voor een fijne leefomgeving") \
        in printed

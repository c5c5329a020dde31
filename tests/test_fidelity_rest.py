"""Issue 11, the rest of the model changes (docs/fidelity-audit.md, section E): amounts per year
(M10), Deel A's agreements (M4), and the NB notes in search. Each from the schema through the
database to the window's detail pane and the printed page."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

from conftest import programme_of
from pypdf import PdfReader

from velsen_desk.core.formatting import format_cost
from velsen_desk.core.money import CostValue
from velsen_desk.core.wording import budget_amount_text
from velsen_desk.reports.service import ReportRequest, generate_report
from velsen_desk.storage.database import connect_readonly
from velsen_desk.storage.search import search

KLIMAAT = "velsen-2022.uitvoeringsprogramma.klimaatgelden"
KLIMAAT_POINT = "velsen-2022.uitvoeringsprogramma.hoofdstuk-3.focus-04"
Q1 = "1. Wat spreken we af hoe we als college gaan werken?"
Q2 = "2. Wat vragen we aan de raad?"
Q3 = "3. Wat vragen we van en bieden we de ambtelijke organisatie?"
BESLUITEN = "Besluiten durven nemen, ook als ze moeilijk zijn."


def _pdf_text(db: Path, tmp_path: Path, kind: str, **kw: object) -> str:
    out = tmp_path / f"{kind}.pdf"
    generate_report(ReportRequest(kind=kind, output=out, database=db, today=dt.date(2024, 3, 15), **kw))
    return " ".join((p.extract_text() or "").replace("\xa0", " ") for p in PdfReader(out).pages)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---- M10: amounts per year ------------------------------------------------------------------------


def test_the_klimaatgelden_are_a_yearly_budget_of_the_uitvoeringsprogramma(built_db):
    data = programme_of(built_db, "velsen-2022")
    point = next(p for c in data.chapters for p in c.focus_points if p.id == KLIMAAT_POINT)
    (budget,) = point.budgets
    assert (budget.id, budget.name, budget.per, budget.amount.amount) == (KLIMAAT, "klimaatgelden", "jaar", 1250000)
    assert budget.document_title == "College uitvoeringsprogramma 2022–2026"
    assert "€1,25 miljoen per jaar" in (budget.source.quote or "")
    # Not the Actieplan's money: never among its budgets, so never in its sums.
    (plan,) = data.plans
    assert KLIMAAT not in {b.id for b in plan.budgets}
    assert all(b.per is None for b in plan.budgets)


def test_a_yearly_amount_always_says_per_jaar():
    amount = CostValue(status="amount", amount=1250000, text="€1,25 miljoen")
    assert budget_amount_text(amount, "jaar") == f"{format_cost(amount)} per jaar"
    assert budget_amount_text(amount, None) == format_cost(amount)
    assert budget_amount_text(None, "jaar") == "onbekend"  # unknown stays unknown, never € 0


def test_the_window_shows_the_klimaatgelden_per_year_with_the_commitment(window):
    tab = window.themes_tab
    chapter_themes = next(c.theme_ids for c in window.state.data.chapters if c.number == 3)
    theme_number = window.state.data.theme(chapter_themes[0]).number
    assert tab.select_theme_number(theme_number)
    text = tab.detail_text()
    assert "Budget: klimaatgelden: € 1.250.000 per jaar" in text
    assert "bedrag per jaar, geen totaal" in text


def test_the_printed_themes_show_the_klimaatgelden_per_year(built_db, tmp_path):
    text = _squash(_pdf_text(built_db, tmp_path, "themes"))
    assert _squash("Budget: klimaatgelden: € 1.250.000 per jaar (bedrag per jaar, geen totaal") in text
    budget = _squash(_pdf_text(built_db, tmp_path, "budget"))
    assert "klimaatgelden" not in budget  # not among the Actieplan's budgets


def _problems(tmp_path: Path, body: str) -> list[str]:
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.curation.problems import DataError

    (tmp_path / "bron.txt").write_text(
        "de klimaatgelden (€1,25 miljoen per jaar)\n1. Wat spreken we af?\n• Actief aan de gang te gaan.\n",
        encoding="utf-8",
    )
    data = tmp_path / "data.yaml"
    head = """\
        format: velsen-desk-data/1
        municipalities: [{id: m, name: M}]
        programmes: [{id: p, municipality: m, title: P}, {id: q, municipality: m, title: Q}]
        documents: [{id: d, programme: p, kind: college_uitvoeringsprogramma, title: D, source_file: bron.txt}]
        """
    data.write_text(textwrap.dedent(head) + textwrap.dedent(body), encoding="utf-8")
    try:
        load_dataset([data], sources=tmp_path)
    except DataError as error:
        return [f"{p.field}: {p.message}" for p in error.problems]
    return []


AMOUNT = 'amount: {status: amount, amount: 1250000, text: "€1,25 miljoen"},'
BUDGET = """\
    budgets:
      - {id: k, programme: PROG, document: d, name: klimaatgelden, AMOUNT per: jaar,
         source: {doc: d, quote: "de klimaatgelden (€1,25 miljoen per jaar)"}}
    """


def test_validate_accepts_a_yearly_budget_of_its_document(tmp_path):
    body = BUDGET.replace("PROG", "p").replace("AMOUNT", AMOUNT)
    assert _problems(tmp_path, body) == []


def test_a_yearly_budget_needs_an_amount(tmp_path):
    problems = _problems(tmp_path, BUDGET.replace("PROG", "p").replace("AMOUNT", ""))
    assert any("bij 'per' hoort een bedrag" in p for p in problems), problems


def test_a_budget_document_must_be_of_its_programme(tmp_path):
    body = BUDGET.replace("PROG", "q").replace("AMOUNT", AMOUNT)
    assert _problems(tmp_path, body) == [
        "budgets[0].document: document 'd' hoort bij programma 'p', niet bij 'q'"
    ]


def test_a_budget_focus_point_must_be_of_its_programme(tmp_path):
    # A budget shows on its focus point only in its own programme's chapters (and in an action
    # plan only as that plan's document's or no document's): one naming another programme's
    # focus point was in neither programme's records (no tab, no report showed it).
    body = """\
    chapters:
      - {id: c, document: d, number: 1, title: Wat spreken we af?,
         source: {doc: d, quote: "1. Wat spreken we af?"}}
    focus_points:
      - {id: f, chapter: c, order: 1, text: Actief aan de gang te gaan.,
         source: {doc: d, quote: Actief aan de gang te gaan.}}
    budgets:
      - {id: k, programme: q, focus_point: f, name: klimaatgelden, AMOUNT per: jaar,
         source: {doc: d, quote: "de klimaatgelden (€1,25 miljoen per jaar)"}}
    """.replace("AMOUNT", AMOUNT)
    assert _problems(tmp_path, body) == [
        "budgets[0].focus_point: focuspunt 'f' hoort bij programma 'p', niet bij 'q'"
    ]
    assert _problems(tmp_path, body.replace("programme: q", "programme: p")) == []


# ---- M4: Deel A's agreements ------------------------------------------------------------------------


def test_the_agreements_are_read_under_their_three_questions(built_db):
    agreements = programme_of(built_db, "velsen-2022").agreements
    assert [q for q in dict.fromkeys(a.question for a in agreements)] == [Q1, Q2, Q3]
    counts = {q: sum(a.question == q for a in agreements) for q in (Q1, Q2, Q3)}
    assert counts == {Q1: 18, Q2: 4, Q3: 7}
    groups = [g for g in dict.fromkeys(a.group for a in agreements if a.question == Q1)]
    assert groups == ["We geven uitvoering aan het Raadsprogramma door…",
                      "We brengen de raad in positie om richting te geven door…",
                      "We werken als team en ontwikkelen onszelf door…."]
    assert all(a.group is None for a in agreements if a.question != Q1)
    last = agreements[-1]
    assert last.text.endswith("reserveren voor informele contact- en benen-op-tafelmomenten.")
    assert all(a.source.quote and _squash(a.text) in _squash(a.source.quote) for a in agreements)
    assert programme_of(built_db, "heemskerk-2018").agreements == ()


def test_the_window_shows_the_agreements_beside_the_categories(window):
    tab = window.themes_tab
    model = tab.model
    categories = model.find(lambda n: n.kind == "categorieen")
    branch = model.find(lambda n: n.kind == "afspraken")
    assert branch.data() == "Werkwijze: afspraken (Deel A)"
    assert branch.row() == categories.row() + 1  # beside the categories I/II/III
    assert [model.index(r, 0, branch).data() for r in range(model.rowCount(branch))] == [Q1, Q2, Q3]
    assert tab.select_item("afspraak", "velsen-2022.werkwijze.afspraak-2-04")
    text = tab.detail_text()
    assert BESLUITEN in text and "Bron" in text
    tab.tree.setCurrentIndex(tab.proxy.mapFromSource(model.index(1, 0, branch)))
    text = tab.detail_text()
    assert Q2 in text and BESLUITEN in text and "Zich te ontwikkelen als een goed opdrachtgever" in text


def test_the_printed_themes_carry_the_agreements(built_db, tmp_path):
    text = _squash(_pdf_text(built_db, tmp_path, "themes"))
    assert text.index(_squash("Werkwijze: categorieën van onderwerpen")) < text.index(_squash("Werkwijze: afspraken"))
    for part in (Q1, Q2, Q3, "We brengen de raad in positie om richting te geven door…", BESLUITEN,
                 "Gestructureerde informatievoorziening richting college."):
        assert _squash(part) in text


def test_an_agreement_must_be_verbatim(tmp_path):
    body = """\
        agreements:
          - {id: a, document: d, question: "1. Wat spreken we af?", order: 1, text: "Actief aan de slag te gaan.",
             source: {doc: d, quote: "Actief aan de gang te gaan."}}
        """
    assert _problems(tmp_path, body) == [
        "agreements[0].source.quote: het citaat bevat de waarde van 'text' niet ('Actief aan de slag te gaan.')",
        "agreements[0].text: de tekst van 'text' komt niet letterlijk voor in de brontekst",
    ]


# ---- search: the agreements and the NB notes -------------------------------------------------------------


def test_search_finds_the_agreements_and_the_nb_notes(built_db):
    with connect_readonly(built_db) as conn:
        hits = {h.ref_id: h.kind for h in search(conn, "wijk-wethouderschap")}
        assert hits.get("velsen-2022.pf.nb-2") == "opmerking"
        hits = {h.ref_id: h.kind for h in search(conn, "handhaving openbare ruimte")}
        assert hits.get("velsen-2022.pf.nb-1") == "opmerking"
        hits = {h.ref_id: h.kind for h in search(conn, "teamcoach")}
        assert hits.get("velsen-2022.werkwijze.afspraak-1-10") == "afspraak"


def test_a_found_nb_note_opens_under_the_matrix(window):
    window.state.request_item("opmerking", "velsen-2022.pf.nb-2")
    assert window.portfolio_tab.isVisible()  # its tab is the one on screen
    assert "We buigen ons nog over de aanpak en verdeling" in window.portfolio_tab.detail_text()


# ---- the timeline: the ⚠ after an open-ended bar stays on screen ------------------------------------------


def test_every_caveat_mark_on_the_timeline_is_inside_the_plot(window, qtbot):
    from velsen_desk.core.wording import PLANNING_CAVEAT
    from velsen_desk.ui.widgets.plotting import pg

    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.select_tab("timeline")
    tab = window.timeline_tab
    qtbot.waitUntil(lambda: tab.chart is not None, timeout=60000)
    chart = tab.chart
    six = next(r for r in tab.layout_data.rows if r.action is not None and r.action.number == 6)
    assert six.action.planning_conflict and max(s.end for s in six.segments) == tab.layout_data.x_max
    chart.plot.getViewBox().setYRange(six.y - 3, six.y + 3, padding=0)
    qtbot.wait(200)
    view = chart.plot.getViewBox().sceneBoundingRect()
    marks = [i for i in chart.plot.getViewBox().addedItems
             if isinstance(i, pg.TextItem) and i.textItem.toPlainText().strip() == PLANNING_CAVEAT]
    assert marks
    for mark in marks:
        rect = mark.sceneBoundingRect()
        assert view.left() <= rect.left() and rect.right() <= view.right(), (mark.pos(), rect, view)


# ---- programmes without themes in print ---------------------------------------------------------------


def test_the_themes_report_prints_the_heemskerk_chapters_and_promises(built_db, tmp_path):
    text = _squash(_pdf_text(built_db, tmp_path, "themes", programme="heemskerk-2018"))
    assert _squash("Programma: hoofdstukken en toezeggingen") in text
    assert "Raadsprogramma:thema'senregie" not in text  # it has no themes: never titled as if it had
    for promise in ("Het parkeren in het centrum blijft gratis.", "Overbodige regelgeving wordt geschrapt.",
                    "Hoofdstuk 2: De inwoner staat centraal"):
        assert _squash(promise) in text, promise
    assert _squash("(vanaf 2019, streefwaarde minimaal 3 jaar)") in text


def test_the_themes_report_prints_the_strategic_agenda(built_db, tmp_path):
    data = programme_of(built_db, "velsen-sa2020")
    text = _squash(_pdf_text(built_db, tmp_path, "themes", programme="velsen-sa2020"))
    assert _squash("Strategische agenda: opgaven en speerpunten") in text
    for opgave in data.opgaven:
        assert _squash(opgave.title) in text
        for point in opgave.speerpunten:
            assert _squash(" ".join(point.text.split()).replace(" ", "")) in text.replace("—", ""), point.id
    assert _squash("Toekomstbeeld – beoogde maatschappelijke effecten") in text
    assert _squash("Velsen kent een vitale gemeenschap.") in text
    assert data.impulsprojecten is not None
    for project in data.impulsprojecten.projects:
        assert _squash(f"{project.title} — {project.text}") in text
    assert _squash("Met vijf impulsprojecten krijgt in de bestuursperiode 2014-2018") in text


def test_the_annex_of_a_programme_without_themes_names_its_own_structure(built_db, tmp_path):
    text = _squash(_pdf_text(built_db, tmp_path, "annex", programme="heemskerk-2018", meeting="Raad",
                             date="2024-03-15", agenda_item="3", items=("themes", "portfolio")))
    assert _squash("Heemskerk 2018–2022: programma: hoofdstukken en toezeggingen, portefeuilleverdeling") in text
    assert _squash("Het parkeren in het centrum blijft gratis.") in text


# ---- M15: portfolio rows: whose item it is, and cells empty only by inference -------------------------------


def test_every_velsen_item_has_a_row_quote_naming_its_member(built_db):
    data = programme_of(built_db, "velsen-2022")
    assert data.matrix is not None
    names = {m.id: m.name for m in data.matrix.members}
    for item in data.matrix.items:
        assert item.row_quote is not None, item.id
        assert item.row_quote.startswith(names[item.person_id]), item.id
        assert _squash(item.source.quote or "") in _squash(item.row_quote), item.id
        assert not any(n in item.row_quote for p, n in names.items() if p != item.person_id), item.id


def test_cells_empty_only_by_inference_are_marked(built_db):
    matrix = programme_of(built_db, "velsen-2022").matrix
    assert matrix is not None
    inferred = {(p.id, d.id) for p in matrix.members for d in matrix.domains if matrix.empty_inferred(p.id, d.id)}
    assert inferred == {("sander-smeets", "velsen-2022.dom.bedrijfsvoering"),
                        ("frank-dales", "velsen-2022.dom.samenleving")}
    # Frank Dales' first cell is empty by the layout (the spaces after his name): a stated fact.
    assert not matrix.cell("frank-dales", "velsen-2022.dom.fysiek")
    assert not matrix.empty_inferred("frank-dales", "velsen-2022.dom.fysiek")


def test_the_window_shows_afgeleid_and_the_row_quote(window):
    tab = window.portfolio_tab
    tab.ensure_drawn()
    model = tab.model
    row = model.row_of("frank-dales")
    columns = {model.column(c).domain_id: c for c in range(model.columnCount()) if model.column(c).kind == "domain"}
    assert model.index(row, columns["velsen-2022.dom.samenleving"]).data() == "— (afgeleid)"
    assert model.index(row, columns["velsen-2022.dom.fysiek"]).data() == ""
    tab.table.setCurrentIndex(model.index(row, columns["velsen-2022.dom.samenleving"]))
    assert "— (afgeleid) Leeg volgens onze lezing" in tab.detail_text()
    assert "— (afgeleid) = leeg volgens onze lezing, niet volgens de bron." in tab.legend.text()
    assert tab.select_item("velsen-2022.pf.bd-08")
    text = tab.detail_text()
    assert "Rij in de bron" in text and "“Bram Diepstraten • Economische zaken" in text
    assert "• Pont tot park • Visie op Velsen”" in text


def test_the_printed_matrix_says_afgeleid(built_db, tmp_path):
    text = _squash(_pdf_text(built_db, tmp_path, "portfolio"))
    assert text.count(_squash("— (afgeleid)")) == 3  # two cells and the note under the table
    assert _squash("— (afgeleid) = leeg volgens onze lezing van de tabel") in text
    regie = _squash(_pdf_text(built_db, tmp_path, "regie", person="Sander Smeets"))
    assert _squash("Bedrijfsvoering & overstijgend — (afgeleid)") in regie


def _items_problems(tmp_path: Path, row_quote: str) -> list[str]:
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.curation.problems import DataError

    (tmp_path / "bron.txt").write_text("Ann Ee • Sport • Wonen\nBob Bee • Haven\n", encoding="utf-8")
    data = tmp_path / "data.yaml"
    data.write_text(textwrap.dedent(f"""\
        format: velsen-desk-data/1
        municipalities: [{{id: m, name: M}}]
        programmes: [{{id: p, municipality: m, title: P}}]
        documents: [{{id: d, programme: p, kind: uitvoeringsafspraken, title: D, source_file: bron.txt}}]
        people:
          - {{id: ann, name: Ann Ee, source: {{doc: d, quote: "Ann Ee"}}}}
          - {{id: bob, name: Bob Bee, source: {{doc: d, quote: "Bob Bee"}}}}
        memberships:
          - {{id: l1, person: ann, programme: p, source: {{doc: d, quote: "Ann Ee"}}}}
          - {{id: l2, person: bob, programme: p, source: {{doc: d, quote: "Bob Bee"}}}}
        portfolio_items:
          - {{id: i, programme: p, person: ann, name: Wonen, row_quote: "{row_quote}",
             source: {{doc: d, quote: "• Wonen"}}}}
        """), encoding="utf-8")
    try:
        load_dataset([data], sources=tmp_path)
    except DataError as error:
        return [f"{p.field}: {p.message}" for p in error.problems]
    return []


def test_validate_checks_the_row_quote(tmp_path):
    assert _items_problems(tmp_path, "Ann Ee • Sport • Wonen") == []
    assert _items_problems(tmp_path, "• Sport • Wonen") == [
        "portfolio_items[0].row_quote: het rijcitaat begint niet met de naam van het collegelid ('Ann Ee')"
    ]
    assert _items_problems(tmp_path, "Ann Ee • Sport") == [
        "portfolio_items[0].row_quote: het rijcitaat bevat de portefeuille niet ('Wonen')"
    ]
    assert _items_problems(tmp_path, "Ann Ee • Sport • Wonen Bob Bee") == [
        "portfolio_items[0].row_quote: het rijcitaat loopt door in de rij van een ander collegelid"
    ]
    assert sorted(_items_problems(tmp_path, "Ann Ee • Sport • Woning")) == [
        "portfolio_items[0].row_quote: de tekst van 'row_quote' komt niet letterlijk voor in de brontekst",
        "portfolio_items[0].row_quote: het rijcitaat bevat de portefeuille niet ('Wonen')",
    ]


def test_a_cell_said_to_be_empty_must_be_empty(tmp_path):
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.curation.problems import DataError

    (tmp_path / "bron.txt").write_text("Ann Ee • Wonen\nDomein fysieke leefomgeving\n", encoding="utf-8")
    data = tmp_path / "data.yaml"
    data.write_text(textwrap.dedent("""\
        format: velsen-desk-data/1
        municipalities: [{id: m, name: M}]
        programmes: [{id: p, municipality: m, title: P}]
        documents: [{id: d, programme: p, kind: uitvoeringsafspraken, title: D, source_file: bron.txt}]
        people: [{id: ann, name: Ann Ee, source: {doc: d, quote: "Ann Ee"}}]
        domains: [{id: f, programme: p, order: 1, name: fysieke leefomgeving,
                   source: {doc: d, quote: "Domein fysieke leefomgeving"}}]
        memberships: [{id: l1, person: ann, programme: p, empty_certain: [f], source: {doc: d, quote: "Ann Ee"}}]
        portfolio_items: [{id: i, programme: p, person: ann, domain: f, name: Wonen,
                           source: {doc: d, quote: "• Wonen"}}]
        """), encoding="utf-8")
    try:
        load_dataset([data], sources=tmp_path)
        problems = []
    except DataError as error:
        problems = [f"{p.field}: {p.message}" for p in error.problems]
    assert problems == ["memberships[0].empty_certain: 'ann' heeft een portefeuille in 'f'"]


def test_search_finds_the_klimaatgelden_with_their_commitment_not_in_the_budget_tab(built_db):
    with connect_readonly(built_db) as conn:
        hits = {h.ref_id: h.kind for h in search(conn, "klimaatgelden")}
    assert hits.get(KLIMAAT_POINT) == "focuspunt"
    assert KLIMAAT not in hits  # the Begroting tab does not show it, so a hit there would lead nowhere


def test_an_agreement_takes_a_personal_note(window):
    tab = window.themes_tab
    assert tab.select_item("afspraak", "velsen-2022.werkwijze.afspraak-3-02")
    item = tab.note_editor.item
    assert item is not None and (item.kind, item.anchor) == ("afspraak", "velsen-2022.werkwijze.afspraak-3-02")
    assert item.label.startswith("Gestructureerde informatievoorziening")

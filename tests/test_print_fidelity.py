"""What a council member reads in print must be what the sources say: no € 0 the source never
gives, no curators' words after "volgens de bron", and nothing of the Actieplan's table left out."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from velsen_desk.core.formatting import format_derived_sum
from velsen_desk.core.money import CostStatus, CostValue, sum_costs
from velsen_desk.reports.service import ReportRequest, generate_report

TODAY = dt.date(2024, 3, 15)
NVT = CostValue(CostStatus.NOT_APPLICABLE, None, "N.v.t.")
NNB = CostValue(CostStatus.TO_BE_DETERMINED, None, "n.n.b.")
ZERO = CostValue(CostStatus.AMOUNT, 0, "€ 0")


@pytest.fixture(scope="module")
def database(built_db) -> Path:
    return built_db


@pytest.fixture(scope="module")
def text(database, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    cache: dict[tuple, str] = {}

    def _text(kind: str, **kw) -> str:
        key = (kind, tuple(sorted(kw.items())))
        if key not in cache:
            path = out / f"{kind}-{len(cache)}.pdf"
            generate_report(ReportRequest(kind=kind, output=path, database=database, today=TODAY, **kw))
            pages = [(p.extract_text() or "").replace("\xa0", " ") for p in PdfReader(path).pages]
            cache[key] = re.sub(r"\s+", " ", " ".join(pages))
        return cache[key]

    return _text


def test_a_derived_sum_without_any_amount_is_never_euro_zero():
    assert format_derived_sum(sum_costs([NVT, NVT])) == "n.v.t."
    assert format_derived_sum(sum_costs([NVT, NNB])) == "n.n.b. (1 post)"
    assert format_derived_sum(sum_costs([])) == "—"
    assert format_derived_sum(sum_costs([ZERO, NVT])) == "€ 0"  # a printed € 0 stays € 0


def test_regie_total_over_only_nvt_actions_reads_nvt(text):
    # Sander Smeets' linked actions (1–5, 14) all cost "N.v.t." in the Actieplan's table
    section = text("regie", person="Sander Smeets").split("Gekoppelde acties uit het Actieplan")[1]
    total = section.split("Totaal gekoppelde acties")[1][:120]
    assert "n.v.t." in total and "€ 0" not in total and "€0" not in total


def test_regie_without_linked_actions_prints_no_euro_total(text):
    section = text("regie", person="Marianne Steijn").split("Gekoppelde acties uit het Actieplan")[1]
    assert "Geen afzonderlijke acties gekoppeld aan deze thema's." in section
    assert "Totaal gekoppelde acties" not in section and "€ 0" not in section


def test_a_link_the_source_states_prints_the_source_and_marks_the_curators_words(text):
    section = text("regie", person="Marianne Steijn").split("Gekoppelde acties uit het Actieplan")[1]
    said = section.split("volgens de bron:")[1]
    assert said.lstrip().startswith("„De gemeenteraad van Velsen heeft in haar raadsprogramma")
    assert "leefbaarheid als prioriteit benoemd.”" in said
    # the curators' summary is there, but labelled as theirs
    assert ("Toelichting van de samenstellers (niet uit de bron): Het raadsprogramma benoemt leefbaarheid als "
            "prioriteit") in said


@pytest.mark.parametrize("person", ["Bram Diepstraten", "Frank Dales"])
def test_regie_prints_the_nb_notes_under_the_members_portfolios(text, person):
    portfolios = text("regie", person=person).split("Portefeuilles")[1].split("Gekoppelde acties")[0]
    assert "NB: Toezicht en handhaving op eigen onderwerpen in portefeuille m.u.v. openbare ruimte." in portfolios
    assert "NB: We buigen ons nog over de aanpak en verdeling van het ‘wijk-wethouderschap’." in portfolios


def test_budget_report_prints_the_tables_wat_and_uitleg_cells(text):
    budget = text("budget")
    for cell in (
        # action 12: a promise that is in the table's Uitleg cell only
        "Tegelijkertijd onderzoeken we structurele extra inzet voor Welzijn Velsen. We nemen dit mee in de "
        "P&C-cyclus van 2024.",
        "€2.500 per uitgave, twee jaar.",  # action 19: what the € 10.000 is made of
        "Het budget is toereiken voor én een nieuwe drempel én een verkeersplateau.",  # action 8
        "Dat is mede bestemd voor overig groen in Velsen-Noord.",  # action 9: not only the plantsoen
        "Gemeente Velsen reserveert een werkbudget voor het Actieplan Velsen-Noord.",  # action 20's Wat
    ):
        assert cell in budget, cell
    assert "Wat (tabel)" in budget and "Uitleg (tabel)" in budget


def test_budget_report_says_which_actions_draw_on_weerbare_wijken(text):
    sources = text("budget").split("Financieringsbronnen")[1]
    assert ("Waar het acties in dit actieplan betreft die niet passen binnen bestaande begrotingen of "
            "meerjarenplanningen, dient aanspraak gemaakt te worden op het budget Weerbare wijken.") in sources


def test_the_window_shows_the_quote_of_a_stated_link_and_marks_the_curators_words(window):
    tab = window.themes_tab
    assert tab.select_theme_number(1)
    text = tab.detail_text()
    stated = text.split("Actieplan Velsen-Noord (het hele plan)")[1]
    assert "volgens de bron" in stated
    assert "leefbaarheid als prioriteit benoemd." in stated  # the plan's own sentence
    assert "Toelichting van de samenstellers (niet uit de bron): Het raadsprogramma benoemt" in stated


def test_a_recurring_planning_without_years_is_said_in_words_not_put_on_dates(text):
    # action 19: "Voor- en najaar", "twee jaar", no year: no markers spread over 2023–2026
    chart = text("timeline").split("Planning per actie")[0]
    assert "terugkerend, jaren niet genoemd — bron: “Voor- en najaar”" in chart


def test_the_subtotal_of_the_loose_actions_is_marked_as_ours(text):
    # the Actieplan prints subtotals for its three focusopgaven only; action 20 stands below them
    budget = text("budget")
    loose = budget.split("Subtotaal overige acties")[1][:200]
    assert "berekend; het document noemt hier geen subtotaal" in loose
    total = budget.split("Overige acties (Reservering onvoorzien)")[1][:200]
    assert "berekend; het document noemt hier geen subtotaal" in total


def test_the_portfolio_legend_reads_as_one_sentence(window):
    tab = window.portfolio_tab
    tab.ensure_drawn()
    legend = tab.legend.text()
    assert "≈ = Kolom onzeker" in legend and "afgeleid.." not in legend and "afgeleid." in legend


def test_budget_report_prints_each_focusopgaves_doelstelling(text):
    budget = text("budget")
    for objective in (
        "Het aandeel vragers in de wijk ten opzichte van het aantal niet-vragers en dragers laten afnemen in de "
        "kern Velsen-Noord.",
        "De meetbare veiligheid en het veiligheidsgevoel in Velsen-Noord verbeteren waardoor inwoners veilig naar "
        "buiten kunnen, zich meer bewegen in de openbare ruimte en zich veiliger voelen in hun eigen buurt.",
        "Inwoners van Velsen-Noord zijn zelfredzaam of krijgen de hulp en ondersteuning die zij nodig hebben om te "
        "participeren in Velsen-Noord. Het onderscheid tussen doelgroepen op basis van sociale participatie "
        "verdwijnt: iedereen die mee wil doen, kan mee doen.",
    ):
        assert f"Doelstelling: {objective}" in budget, objective


def test_the_window_shows_a_budgets_amount_beside_the_sum_of_its_lines(window):
    tab = window.budget_tab
    window.select_tab("budget")
    assert tab.select_item("velsen-2022.budget.sgivn")
    text = tab.detail.toPlainText()
    assert "Budget: minimaal € 500.000" in text.replace("\xa0", " ")
    assert "Berekend: € 498.000" in text.replace("\xa0", " ")


def test_the_timeline_says_a_start_bar_is_only_the_start(text):
    # "Start haalbaarheidsfase in Q1-2024" is drawn as the quarter Q1 2024; its end is not given
    intro = text("timeline").split("Focusopgave 1")[0]
    assert "dan is de balk het kwartaal van die start: hoe lang het daarna duurt, zegt de bron niet." in intro

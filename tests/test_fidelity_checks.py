"""The fidelity checks: a quote must contain its record's value; targets' years must be target years."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from velsen_desk.core.text import squash
from velsen_desk.curation.fidelity import ALLOWED, fidelity_findings
from velsen_desk.curation.loader import load_dataset
from velsen_desk.curation.problems import DataError

SOURCE = textwrap.dedent("""\
    We verdelen het werk met de volgende portefeuilleverdeling:
    Bram
    Diepstraten
    • Economische zaken
    1. Leefbaarheid
    2. Sport
    1. Bram
    2. Bram
    De gemeenteraad heeft €1.050.000 gereserveerd voor de jaren 2023 en 2024.
    1 Gemeente Herinrichting ventweg Parkeren aanpassen. €25.000 Proceskosten.
    De planning is nog niet bekend.
    Wij voeren vanaf 2019 voor minimaal drie jaar een pas in.
    Het percentage daalt naar 5% in 2026.
    Over vier jaar wordt geen enkel kind nog geplaatst.
    """)

HEAD = """\
format: velsen-desk-data/1
municipalities: [{id: m, name: M}]
programmes: [{id: p, municipality: m, title: P}]
documents: [{id: d, programme: p, kind: uitvoeringsafspraken, title: D, source_file: bron.txt}]
people:
  - {id: bram, name: Bram Diepstraten, source: {doc: d, quote: "Bram Diepstraten"}}
"""


def _load(tmp_path: Path, body: str, source: str = SOURCE) -> list[str]:
    (tmp_path / "bron.txt").write_text(source, encoding="utf-8")
    data = tmp_path / "data.yaml"
    data.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    try:
        load_dataset([data], sources=tmp_path)
    except DataError as error:
        return [f"{p.field}: {p.message}" for p in error.problems]
    return []


def test_membership_quote_must_name_the_member(tmp_path):
    heading_only = """\
        memberships:
          - {id: lid, person: bram, programme: p,
             source: {doc: d, quote: "We verdelen het werk met de volgende portefeuilleverdeling:"}}
        """
    problems = _load(tmp_path, heading_only)
    assert problems == [
        "memberships[0].source.quote: het citaat bevat de waarde van 'person' niet ('Bram Diepstraten')"
    ]
    assert (
        _load(
            tmp_path,
            heading_only.replace(
                '"We verdelen het werk met de volgende portefeuilleverdeling:"',
                '"Bram Diepstraten • Economische zaken"',
            ),
        )
        == []
    )


def test_membership_quote_must_hold_role_and_party(tmp_path):
    body = """\
        memberships:
          - {id: lid, person: bram, programme: p, role: wethouder, party: CDA,
             source: {doc: d, quote: "Bram Diepstraten"}}
        """
    problems = _load(tmp_path, body)
    assert [p.split(": ", 1)[1] for p in problems] == [
        "het citaat bevat de waarde van 'role' niet ('wethouder')",
        "het citaat bevat de waarde van 'party' niet ('CDA')",
    ]


THEMES = """\
    memberships:
      - {id: lid, person: bram, programme: p, source: {doc: d, quote: "Bram Diepstraten • Economische zaken"}}
    aandachtsvelden:
      - {id: av, document: d, name: Economische zaken, source: {doc: d, quote: "Economische zaken"}}
    themes:
      - {id: t1, aandachtsveld: av, number: 1, name: Leefbaarheid, regie: bram,
         source: {doc: d, quote: "QUOTE"}}
    """


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("1. Leefbaarheid 2. Sport", ["regie"]),  # the name cell only
        ("2. Sport 1. Bram", ["name"]),  # the regie cell only
        ("1. Leefbaarheid 2. Sport 1. Bram", []),  # name and regie, as the regie table prints it
        ("2. Sport 1. Bram 2. Bram", ["name"]),
    ],
)
def test_theme_quote_must_hold_name_and_regie(tmp_path, quote, expected):
    problems = _load(tmp_path, THEMES.replace("QUOTE", quote))
    assert [p.split("'")[1] for p in problems] == expected


def test_theme_regie_must_be_the_numbered_cell_of_that_theme(tmp_path):
    # "2. Bram" is the regie of theme 2: it does not prove the regie of theme 1.
    body = THEMES.replace("QUOTE", "2. Sport 1. Bram 2. Bram").replace(
        "number: 1, name: Leefbaarheid", "number: 1, name: Sport"
    )
    assert _load(tmp_path, body) == []
    body = THEMES.replace("QUOTE", "2. Sport 1. Bram 2. Bram").replace(
        "number: 1, name: Leefbaarheid", "number: 3, name: Sport"
    )
    assert [p.split("'")[1] for p in _load(tmp_path, body)] == ["regie"]


ACTION = """\
    action_plans:
      - {id: plan, document: d, title: Plan, source: {doc: d, quote: "De planning is nog niet bekend."}}
    actions:
      - {id: a1, plan: plan, number: 1, title: Herinrichting ventweg,
         cost: {status: amount, amount: 25000, text: "€25.000"},
         source: {doc: d, quote: "QUOTE"}}
    """


def test_action_quote_must_hold_title_and_amount(tmp_path):
    assert (
        _load(tmp_path, ACTION.replace("QUOTE", "1 Gemeente Herinrichting ventweg Parkeren aanpassen. €25.000")) == []
    )
    problems = _load(tmp_path, ACTION.replace("QUOTE", "€25.000 Proceskosten."))
    assert problems == [
        "actions[0].source.quote: het citaat bevat de waarde van 'title' niet ('Herinrichting ventweg')"
    ]
    problems = _load(tmp_path, ACTION.replace("QUOTE", "1 Gemeente Herinrichting ventweg Parkeren aanpassen."))
    assert problems == ["actions[0].source.quote: het citaat bevat de waarde van 'cost' niet ('€25.000' / '25.000')"]


def test_amount_in_dutch_notation_is_found(tmp_path):
    body = """\
        budgets:
          - {id: b, programme: p, name: Weerbare wijken, amount: {status: amount, amount: 1050000, text: "€1.050.000"},
             source: {doc: d, quote: "QUOTE"}}
        """
    assert _load(tmp_path, body.replace("QUOTE", "De gemeenteraad heeft €1.050.000 gereserveerd")) == []
    problems = _load(tmp_path, body.replace("QUOTE", "voor de jaren 2023 en 2024."))
    assert problems == [
        "budgets[0].source.quote: het citaat bevat de waarde van 'amount' niet ('€1.050.000' / '1.050.000')"
    ]


def _target(text: str, figure: str = "null", unit: str = "null", year: str = "null") -> str:
    return f"""\
        chapters: [{{id: c, document: d, title: Bram, source: {{doc: d, quote: "Bram"}}}}]
        focus_points:
          - id: fp
            chapter: c
            order: 1
            text: "{text}"
            targets: [{{text: "{text}", figure: {figure}, unit: {unit}, year: {year}}}]
            source: {{doc: d, quote: "{text}"}}
        """


def test_target_year_that_is_a_start_year_is_caught(tmp_path):
    problems = _load(
        tmp_path, _target("Wij voeren vanaf 2019 voor minimaal drie jaar een pas in.", "3", "jaar", "2019")
    )
    assert (
        "focus_points[0].targets[0].year: 2019 is in de tekst een beginjaar ('vanaf', 'sinds', 'start'), "
        "geen jaar waarin het doel gehaald moet zijn" in problems
    )
    assert "focus_points[0].targets[0].qualifier: het doel zegt 'minimaal', maar 'qualifier' is leeg" in problems


def _started(extra: str) -> str:
    """The sport pas target ("vanaf 2019 voor minimaal drie jaar") with extra target fields."""
    text = "Wij voeren vanaf 2019 voor minimaal drie jaar een pas in."
    return _target(text, "3", "jaar").replace("year: null}]", f"year: null, {extra}}}]")


def test_target_with_start_year_and_qualifier_passes(tmp_path):
    # M2: "vanaf 2019 voor minimaal drie jaar" is a start year and a lower bound, no year to be met.
    assert _load(tmp_path, _started("start_year: 2019, qualifier: minimaal")) == []


def test_start_year_the_text_does_not_state_is_caught(tmp_path):
    problems = _load(tmp_path, _started("start_year: 2020, qualifier: minimaal"))
    assert problems == [
        "focus_points[0].targets[0].start_year: de tekst van het doel noemt 2020 niet als beginjaar "
        "('vanaf', 'sinds', 'start')"
    ]


def test_start_year_left_out_is_caught(tmp_path):
    problems = _load(tmp_path, _started("qualifier: minimaal"))
    assert problems == [
        "focus_points[0].targets[0].start_year: het doel begint volgens de tekst in 2019, maar 'start_year' is leeg"
    ]


def test_qualifier_must_be_the_one_printed(tmp_path):
    problems = _load(tmp_path, _started("start_year: 2019, qualifier: maximaal"))
    assert problems == ["focus_points[0].targets[0].qualifier: de tekst van het doel zegt niet 'maximaal'"]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("start_year: 2027", "het beginjaar 2027 ligt na het jaar 2026"),
        ("qualifier: ongeveer", "ongeldige waarde; toegestaan: 'minimaal'"),
    ],
)
def test_schema_rejects_impossible_targets(tmp_path, extra, message):
    body = _target("Het percentage daalt naar 5% in 2026.", "5", '"%"', "2026").replace(
        "year: 2026}]", f"year: 2026, {extra}}}]"
    )
    assert any(message in p for p in _load(tmp_path, body))


def test_schema_rejects_a_qualifier_without_a_figure(tmp_path):
    body = _target("Wij voeren vanaf 2019 voor minimaal drie jaar een pas in.").replace(
        "year: null}]", "year: null, qualifier: minimaal}]"
    )
    assert any("hoort bij een getal" in p for p in _load(tmp_path, body))


@pytest.mark.parametrize("text", ["Het aantal daalt sinds 2019.", "In 2019 starten we.", "Start in 2019 met de pas."])
def test_start_year_patterns(tmp_path, text):
    problems = _load(tmp_path, _target(text, year="2019"), source=SOURCE + text + "\n")
    assert any("beginjaar" in p for p in problems)


def test_target_year_to_be_met_passes(tmp_path):
    assert _load(tmp_path, _target("Het percentage daalt naar 5% in 2026.", "5", '"%"', "2026")) == []


def test_target_year_and_figure_must_be_in_its_text(tmp_path):
    problems = _load(tmp_path, _target("Het percentage daalt naar 5% in 2026.", "6", '"%"', "2025"))
    assert problems == [
        "focus_points[0].targets[0].figure: het getal 6 staat niet in de tekst van het doel",
        "focus_points[0].targets[0].year: het jaar 2025 staat niet in de tekst van het doel",
    ]


def test_figure_as_dutch_word(tmp_path):
    assert _load(tmp_path, _target("Over vier jaar wordt geen enkel kind nog geplaatst.", "0")) == []


def test_target_text_must_occur_in_the_source(tmp_path):
    body = _target("Het percentage daalt naar 5% in 2026.", "5", '"%"', "2026").replace(
        'targets: [{text: "Het percentage daalt naar 5% in 2026."',
        'targets: [{text: "Het percentage daalt naar 5% in 2027."',
    )
    problems = _load(tmp_path, body)
    assert "focus_points[0].targets[0].text: de tekst van het doel komt niet voor in de brontekst" in problems


def test_quotes_in_a_note_must_occur_in_the_source(tmp_path):
    good = ACTION.replace("QUOTE", "1 Gemeente Herinrichting ventweg Parkeren aanpassen. €25.000").replace(
        "         source: {doc: d, quote:",
        "         note: 'De tekst zegt \"De planning is nog niet bekend.\"',\n         source: {doc: d, quote:",
    )
    assert _load(tmp_path, good) == []
    bad = good.replace('zegt "De planning is nog niet bekend."', 'zegt "De planning is bekend."')
    assert _load(tmp_path, bad) == [
        'actions[0].note: het citaat "De planning is bekend." in de notitie komt niet voor in de brontekst'
    ]


def test_allow_list_silences_a_known_defect_and_reports_a_stale_entry(tmp_path, monkeypatch):
    (tmp_path / "bron.txt").write_text(SOURCE, encoding="utf-8")
    data = tmp_path / "data.yaml"
    data.write_text(
        HEAD + textwrap.dedent(_started("start_year: 2019")),  # one defect: "minimaal" not stored
        encoding="utf-8",
    )
    from velsen_desk.curation import checks

    # Load without the cross-record checks, then run the fidelity checks with chosen allow-lists.
    monkeypatch.setattr(checks, "check_dataset", lambda dataset, sources: [])
    dataset = load_dataset([data], sources=tmp_path)
    texts: dict[str, str | None] = {"d": squash(SOURCE)}
    assert [f.rule for f in fidelity_findings(dataset, texts, allowed={})] == ["target-qualifier"]
    assert fidelity_findings(dataset, texts, allowed={("fp", "target-qualifier"): "reden"}) == []
    stale = fidelity_findings(dataset, texts, allowed={("fp", "target-qualifier"): "reden", ("fp", "target-year"): "x"})
    assert [f.rule for f in stale] == ["allow-list"]


def test_allow_list_is_short_and_explained():
    assert len(ALLOWED) <= 5
    assert all(len(reason) > 20 and "fidelity-audit" in reason for reason in ALLOWED.values())


def test_within_is_a_bound_that_must_be_stored(tmp_path):
    text = "Is er voor iedereen binnen 5 minuten een plek."
    body = _target(text, "5", "minuten")
    assert _load(tmp_path, body, source=SOURCE + text + "\n") == [
        "focus_points[0].targets[0].qualifier: het doel zegt 'binnen', maar 'qualifier' is leeg"
    ]
    bound = body.replace("year: null}]", "year: null, qualifier: binnen}]")
    assert _load(tmp_path, bound, source=SOURCE + text + "\n") == []

"""`validate` catches a wrong figure: a stored amount that is not its printed text, a funding line
worth more than its source, and a table cell (trekker, planning) that is not the table's."""

from __future__ import annotations

from pathlib import Path

import pytest

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.figures import occurs_in, printed_amount
from velsen_desk.curation.loader import load_dataset
from velsen_desk.curation.problems import DataError

PLAN = "velsen-actieplan-noord-2023.yaml"


def _problems_after(tmp_path: Path, old: str, new: str) -> list[str]:
    data = tmp_path / "data"
    data.mkdir()
    for path in bundled_data_dir().glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.name == PLAN:
            assert text.count(old) >= 1, old
            text = text.replace(old, new, 1)
        (data / path.name).write_text(text, encoding="utf-8")
    try:
        load_dataset([data])
    except DataError as error:
        return [f"{p.field}: {p.message}" for p in error.problems]
    return []


def test_the_bundled_data_passes(tmp_path):
    assert _problems_after(tmp_path, "format:", "format:") == []


def test_an_amount_that_is_not_its_printed_text_is_caught(tmp_path):
    # no sum covers the Weerbare wijken budget: only the amount-against-text rule sees this
    problems = _problems_after(tmp_path, 'amount: 1050000, text: "€1.050.000"',
                               'amount: 1500000, text: "€1.050.000"')
    assert problems == ["budgets[0].amount.amount: bedrag € 1.500.000 is niet wat de bedragtekst '€1.050.000' "
                        "zegt (€ 1.050.000)"]


def test_a_funding_worth_more_than_its_budget_line_is_caught(tmp_path):
    # the quote also holds "de resterende €100.000", so the quote rule alone lets this pass
    old = ('amount: {status: amount, amount: 50000, text: "€50.000"}\n'
           '    source: {doc: velsen-2022.actieplan-noord, quote: "Uit')
    problems = _problems_after(tmp_path, old, old.replace("50000", "100000").replace("€50.000", "€100.000"))
    assert problems == ["fundings[0].amount: financiering van € 100.000 is meer dan de regel waar zij uit komt "
                        "(€ 50.000)"]


def test_a_trekker_not_in_the_table_row_is_caught(tmp_path):
    problems = _problems_after(tmp_path, "trekker: Gemeente\n    title: Wijkkrant",
                               "trekker: Welzijn Velsen\n    title: Wijkkrant")
    assert problems == ["actions[18].source.quote: het citaat bevat de trekker niet ('Welzijn Velsen')"]


def test_a_planning_not_in_the_table_is_caught(tmp_path):
    old = "planning_text: 2024 en 2025\n    source: {doc: velsen-2022.actieplan-noord, quote: \"11"
    problems = _problems_after(tmp_path, old, old.replace("2025", "2026", 1))
    assert problems == ["actions[10].planning_text: de tekst van 'planning_text' komt niet letterlijk voor in de "
                        "tabel van de brontekst"]


@pytest.mark.parametrize(("text", "amount"), [
    ("€25.000", 25_000), ("€ 1.050.000", 1_050_000), ("minimaal € 500.000", 500_000), ("€0", 0),
    ("€5 miljoen", 5_000_000), ("€1,25 miljoen", 1_250_000), ("N.v.t.", None),
])
def test_printed_amounts_are_read_as_printed(text, amount):
    assert printed_amount(text) == amount


def test_a_cell_split_over_two_table_lines_is_verbatim_but_a_fragment_is_not():
    row = "5Woningbedrijfwerkt" + "X" * 40 + "beleidsmatigvoorstellenuitvooreenMagicMix"
    # a half of under 20 characters proves nothing
    assert occurs_in("Woningbedrijf werkt beleidsmatig voorstellen uit voor een Magic Mix", row) is False
    row = "5DecorporatiesgaandevrijetoewijzingsruimteWoningbedrijfVelsenwerkt" + "X" * 40 + \
        "beleidsmatigvoorstellenuitvooreenMagicMixinVelsen-Noord."
    assert occurs_in("De corporaties gaan de vrije toewijzingsruimte Woningbedrijf Velsen werkt beleidsmatig "
                     "voorstellen uit voor een Magic Mix in Velsen-Noord.", row)
    assert not occurs_in("2024 en 2026", "2024en2025" + "X" * 10 + "6")


def test_a_budget_period_the_source_does_not_give_is_caught(tmp_path):
    old = "    period_text: 2023 en 2024\n    description: De gemeenteraad"
    problems = _problems_after(tmp_path, old, old.replace("2023 en 2024", "2024 en 2025"))
    assert problems == ["budgets[0].period_text: het jaar 2025 van de periode staat niet in het citaat of de "
                        "beschrijving"]

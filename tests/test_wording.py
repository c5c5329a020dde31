"""The reconciliation and funding sentences are written once (core.wording) and read by both the
window and the PDF reports."""

from __future__ import annotations

from velsen_desk.core.money import CostStatus, CostSum, CostValue, Reconciliation
from velsen_desk.core.records import BudgetInfo, BudgetLineInfo, FundingInfo, SourceInfo
from velsen_desk.core.wording import (
    Verdict,
    funded_action_text,
    funding_text,
    reconciliation_wording,
)
from velsen_desk.reports.sections.common import check_markup
from velsen_desk.reports.styles import esc

SUM = CostSum(known=165_000, amounts=3, not_applicable=0, to_be_determined=1)


def _rec(documented: CostValue | None) -> Reconciliation:
    return Reconciliation(SUM, documented)


def test_reconciliation_wording():
    agrees = reconciliation_wording(_rec(CostValue(CostStatus.AMOUNT, 165_000, "€ 165.000")))
    assert (agrees.verdict, agrees.text) == (Verdict.AGREES, "✓ klopt met document (€ 165.000)")
    assert agrees.computed == "€ 165.000 + 1 post n.n.b."
    differs = reconciliation_wording(_rec(CostValue(CostStatus.AMOUNT, 200_000, "€ 200.000")))
    assert (differs.verdict, differs.text) == (Verdict.DIFFERS, "⚠ document € 200.000, verschil −€ 35.000")
    nnb = reconciliation_wording(_rec(CostValue(CostStatus.TO_BE_DETERMINED, None, "n.n.b.")))
    assert (nnb.verdict, nnb.text) == (Verdict.INCOMPARABLE, "document: n.n.b. (niet te vergelijken)")
    assert reconciliation_wording(_rec(None)).verdict is Verdict.NO_DOCUMENT


def test_the_report_prints_the_core_wording_with_its_verdict_in_colour():
    rec = _rec(CostValue(CostStatus.AMOUNT, 200_000, "€ 200.000"))
    markup = check_markup(rec)
    assert markup == (f"berekend {esc('€ 165.000 + 1 post n.n.b.')} · "
                      f"<font color='#a35200'>{esc('⚠ document € 200.000, verschil −€ 35.000')}</font>")
    assert check_markup(_rec(None)).endswith("· geen totaal in het document")


def test_the_window_shows_the_core_wording(qapp):
    from velsen_desk.ui.widgets.style import reconciliation_text

    rec = _rec(CostValue(CostStatus.AMOUNT, 165_000, "€ 165.000"))
    assert reconciliation_text(rec) == reconciliation_wording(rec).text
    assert reconciliation_text(_rec(None)) == ""  # the column stays empty where the document is silent


def test_funding_wording():
    amount = CostValue(CostStatus.AMOUNT, 50_000, "€ 50.000")
    assert funding_text("Reserve", amount) == "Reserve (€ 50.000)"
    assert funding_text("Samen Gezellig", None, 7, via_line=True) == "ook gefinancierd uit Samen Gezellig, regel 7"
    assert funded_action_text("Actieplan Velsen-Noord", 9) == "ook gefinancierd uit Actieplan Velsen-Noord, actie 9"


def test_the_report_and_the_window_word_a_funding_alike(qapp):
    from velsen_desk.reports.sections.budget import funding_markup
    from velsen_desk.ui.budget.model import BudgetModel

    source = SourceInfo("d", "D", None, None)
    line = BudgetLineInfo("l7", 7, "Buurtfeest", CostValue(CostStatus.AMOUNT, 1000, "€ 1.000"), None, ("a9",), source)
    budget = BudgetInfo("sg", "Samen Gezellig", "budget", None, None, None, (line,), None, None, ("a9",), source)
    funding = FundingInfo("sg", "Samen Gezellig", "l7", None, source)
    model = BudgetModel()
    model._texts.lines = {line.id: (budget, line)}
    from msgspec.structs import replace

    from tests.test_rules import _action

    action = replace(_action(9, CostValue(CostStatus.NOT_APPLICABLE, None, "n.v.t.")), fundings=(funding,))
    assert model.funding_text(action) == funding_markup(funding, {"sg": budget})
    assert model.funding_text(action) == "ook gefinancierd uit Samen Gezellig, regel 7"

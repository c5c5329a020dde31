"""The domain's wording, dates and amounts in an explicit locale (core/locales.py): Dutch unless
a caller asks for English, so the reports stay Dutch whatever the window speaks; and spend sums
over actions that cost nothing say "n.v.t.", never "€ 0"."""

from __future__ import annotations

import datetime as dt

import pytest

from velsen_desk.core import i18n
from velsen_desk.core.formatting import (
    format_cost,
    format_derived_sum,
    format_euro,
    format_loco,
    format_long_date,
    format_sum,
)
from velsen_desk.core.locales import DUTCH, ENGLISH, locale_for
from velsen_desk.core.money import CostStatus, CostSum, CostValue, Reconciliation
from velsen_desk.core.progress import (
    ActionProgress,
    Lateness,
    ProgressStatus,
    Reporting,
    SpendSum,
    StatusChange,
    late_label,
    spend_sum,
    spend_text,
    status_change_text,
    status_label,
    status_meaning,
)
from velsen_desk.core.wording import budget_amount_text, funding_text, reconciliation_wording

NVT = CostValue(CostStatus.NOT_APPLICABLE, None, "n.v.t.")
NNB = CostValue(CostStatus.TO_BE_DETERMINED, None, "n.n.b.")
ZERO = CostValue(CostStatus.AMOUNT, 0, "€ 0")


def _item(number: int, planned: CostValue, realised: CostValue | None = None) -> ActionProgress:
    return ActionProgress(f"a{number}", number, planned, (), realised, Lateness.ON_TIME, Reporting.NONE)


def test_money_and_dates_follow_the_locale_and_default_to_dutch():
    assert format_euro(1_050_000) == "€ 1.050.000"
    assert format_euro(1_050_000, ENGLISH) == "€1,050,000"  # still euros
    assert format_long_date(dt.date(2022, 6, 20)) == "20 juni 2022"
    assert format_long_date(dt.date(2022, 6, 20), ENGLISH) == "20 June 2022"
    assert format_long_date(None, ENGLISH) == "unknown"
    one, two = CostSum(691_000, 3, 0, 1), CostSum(691_000, 3, 0, 2)
    assert (format_sum(one), format_sum(two)) == ("€ 691.000 + 1 post n.n.b.", "€ 691.000 + 2 posten n.n.b.")
    assert (format_sum(one, ENGLISH), format_sum(two, ENGLISH)) == ("€691,000 + 1 item TBD", "€691,000 + 2 items TBD")


def test_zero_nvt_and_nnb_stay_three_different_things_in_english():
    texts = [format_cost(c, ENGLISH) for c in (ZERO, NVT, NNB)]
    assert texts == ["€0", "n/a", "TBD"]
    assert format_cost(CostValue(CostStatus.TO_BE_DETERMINED, None, "N.v.t. of n.n.b."), ENGLISH) == \
        "TBD (N.v.t. of n.n.b.)"  # the source's words stay as printed
    assert format_cost(CostValue(CostStatus.AMOUNT, 500_000, "minimaal € 500.000", "minimaal"), ENGLISH) == \
        "at least €500,000"
    assert format_derived_sum(CostSum(0, 0, 3, 0), ENGLISH) == "n/a"
    assert format_derived_sum(CostSum(0, 0, 0, 2), ENGLISH) == "TBD (2 items)"
    assert format_loco(None, None, ENGLISH) == "unknown"
    assert format_loco("burgemeester", None, ENGLISH) == "n/a"


def test_reconciliation_and_funding_sentences_in_english():
    rec = Reconciliation(CostSum(165_000, 3, 0, 1), CostValue(CostStatus.AMOUNT, 165_000, "€ 165.000"))
    wording = reconciliation_wording(rec, ENGLISH)
    assert (wording.computed, wording.text) == ("€165,000 + 1 item TBD", "✓ agrees with document (€165,000)")
    assert reconciliation_wording(rec).text == "✓ klopt met document (€ 165.000)"
    differs = Reconciliation(rec.computed, CostValue(CostStatus.AMOUNT, 200_000, "€ 200.000"))
    assert reconciliation_wording(differs, ENGLISH).text == "⚠ document €200,000, difference −€35,000"
    assert funding_text("Samen Gezellig", CostValue(CostStatus.AMOUNT, 50_000, "€ 50.000"), 7, via_line=True,
                        funds="De herinrichting", part=True, locale=ENGLISH) == \
        "also funded from Samen Gezellig, line 7 (€50,000), only: “De herinrichting”"
    assert budget_amount_text(CostValue(CostStatus.AMOUNT, 1_250_000, "€1,25 miljoen"), "jaar", ENGLISH) == \
        "€1,250,000 per year"
    assert budget_amount_text(None, None, ENGLISH) == "unknown"


def test_progress_words_in_english_and_dutch():
    assert [status_label(s, ENGLISH) for s in ProgressStatus] == [
        "green", "amber", "red", "grey", "completed", "stopped", "unknown"]
    assert status_label(None, ENGLISH) == "no report"
    assert status_meaning(ProgressStatus.ROOD, ENGLISH) == "will not be achieved"
    passed = ActionProgress("a1", 1, NVT, (), None, Lateness.LATE, Reporting.NONE)
    assert (late_label(passed), late_label(passed, ENGLISH)) == ("einde planning verstreken", "planned end passed")
    change = StatusChange(11, ProgressStatus.ORANJE, ProgressStatus.GROEN, dt.date(2025, 7, 1))
    assert status_change_text(change, ENGLISH) == "Action 11: amber → green, as of 1 July 2025"
    assert status_change_text(change) == "Actie 11: oranje → groen, peildatum 1 juli 2025"


def test_english_asked_for_once_leaves_the_next_caller_dutch():
    """No global: a report formatted after the window asked for English is Dutch."""
    assert status_label(ProgressStatus.ROOD, ENGLISH) == "red"
    assert format_cost(NVT, ENGLISH) == "n/a"
    assert status_label(ProgressStatus.ROOD) == "rood"
    assert format_cost(NVT) == "n.v.t."
    assert locale_for("en") is ENGLISH and locale_for("nl") is DUTCH and locale_for("de") is DUTCH


def test_the_cli_language_does_not_change_the_domains_default():
    i18n.use_language("en")
    assert format_cost(NVT) == "n.v.t." and status_label(None) == "geen rapportage"


@pytest.mark.parametrize(("costs", "dutch", "english"), [
    ((NVT, NVT, NVT), "gepland n.v.t.", "planned n/a"),
    ((NNB, NNB), "gepland n.n.b. (2 posten)", "planned TBD (2 items)"),
    ((NVT, NNB), "gepland n.n.b. (1 post)", "planned TBD (1 item)"),
    ((ZERO, NVT), "gepland € 0", "planned €0"),  # a real € 0 is an amount
    ((CostValue(CostStatus.AMOUNT, 25_000, "€ 25.000"), NNB), "gepland € 25.000 + 1 post n.n.b.",
     "planned €25,000 + 1 item TBD"),
])
def test_planned_spend_over_actions_without_amounts_is_never_zero(costs, dutch, english):
    spend = spend_sum(_item(n, c) for n, c in enumerate(costs, 1))
    assert spend_text(spend) == f"{dutch}; gerealiseerd: nog niets gerapporteerd"
    assert spend_text(spend, ENGLISH) == f"{english}; spent: nothing reported yet"


def test_realised_spend_of_only_nvt_says_nvt():
    spend = SpendSum(planned=CostSum(0, 0, 2, 0), realised=CostSum(0, 0, 1, 0), unreported=1)
    assert spend_text(spend) == "gepland n.v.t.; gerealiseerd n.v.t.; 1 actie zonder rapportage"
    assert spend_text(spend, ENGLISH) == "planned n/a; spent n/a; 1 action without a report"


def test_a_college_members_office_is_named_in_the_locale_asked():
    from velsen_desk.core.formatting import role_text

    assert [role_text(r, ENGLISH) for r in ("burgemeester", "wethouder", None)] == ["mayor", "alderman", "unknown"]
    assert [role_text(r) for r in ("burgemeester", "wethouder", None)] == ["burgemeester", "wethouder", "onbekend"]
    assert role_text("gedeputeerde", ENGLISH) == "gedeputeerde"  # an office we do not know stays as stored

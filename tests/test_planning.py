"""Tests for the planning parser: every planning text in the source, typed variants, fuzzing."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from velsen_desk.core.planning import Phase, Planning, Precision, parse_planning, planning_span

Q, H, Y, S = (
    Precision.QUARTER,
    Precision.HALF_YEAR,
    Precision.YEAR,
    Precision.SCHOOL_YEAR,
)

# (text, expected phases); every planning text as printed in the action plan.
SOURCE_CASES = [
    pytest.param(
        "Start haalbaarheidsfase in Q1-2024 (pilot 'Architect aan zet'/Versnellen",
        (
            Phase(
                "Start haalbaarheidsfase",
                date(2024, 1, 1),
                date(2024, 3, 31),
                Q,
                "Start haalbaarheidsfase in Q1-2024",
            ),
        ),
        id="01-cut-off",
    ),
    pytest.param(
        "Onderzoek naar verdichting start in Q2-2024",
        (
            Phase(
                "Onderzoek",
                date(2024, 4, 1),
                date(2024, 6, 30),
                Q,
                "Onderzoek naar verdichting start in Q2-2024",
            ),
        ),
        id="02-label-stops-at-preposition",
    ),
    pytest.param(
        "Start haalbaarheidsfase in 2024 (prioritering). Kwartaal onbekend.",
        (
            Phase(
                "Start haalbaarheidsfase",
                date(2024, 1, 1),
                date(2024, 12, 31),
                Y,
                "Start haalbaarheidsfase in 2024",
            ),
        ),
        id="03-year-quarter-unknown",
    ),
    pytest.param(
        "Planning nader overeen te komen met WBV en VW.",
        (
            Phase(
                None,
                None,
                None,
                Precision.UNKNOWN,
                "Planning nader overeen te komen met WBV en VW",
            ),
        ),
        id="04-to-be-agreed",
    ),
    pytest.param(
        "In Q4-2023 stellen de corporaties, huurdersorganisaties en gemeente de prestatieafspraken "
        "voor 2024 vast. Onderdeel is het verruimen van de vrije toewijzingsruimte van 7,5% naar "
        "15%. Q4-2023 werkt WBV aan een voorstel voor de magic mix. Velison Wonen onderzoekt nog "
        "de gewenste mix.",
        (Phase(None, date(2023, 10, 1), date(2023, 12, 31), Q, "In Q4-2023"),),
        id="05-subject-year-and-duplicate",
    ),
    pytest.param(
        "Start gesprekken met winkeliers, ondernemervereniging en omwonenden Q2-2024. "
        "Uitvoering vanaf Q2-2025.",
        (
            Phase(
                "Start gesprekken",
                date(2024, 4, 1),
                date(2024, 6, 30),
                Q,
                "Start gesprekken met winkeliers, ondernemervereniging en omwonenden Q2-2024",
            ),
            Phase(
                "Uitvoering",
                date(2025, 4, 1),
                None,
                Q,
                "Uitvoering vanaf Q2-2025",
                open_ended=True,
            ),
        ),
        id="06-two-phases-open-ended",
    ),
    pytest.param(
        "Q2-2024 plaatsen verkeersbord.",
        (
            Phase(
                "plaatsen verkeersbord",
                date(2024, 4, 1),
                date(2024, 6, 30),
                Q,
                "Q2-2024 plaatsen verkeersbord",
            ),
        ),
        id="07-label-after-date",
    ),
    pytest.param(
        "Planning in overleg met B&O. Verwachting start Q2-2025 (na afronding traject sluipverkeer "
        "Grote Hout- of Koningsweg).",
        (
            Phase(
                "Verwachting start",
                date(2025, 4, 1),
                date(2025, 6, 30),
                Q,
                "Verwachting start Q2-2025",
            ),
        ),
        id="08-expected-start",
    ),
    pytest.param(
        "Nader te bepalen. Vooruitlopend op uitvoering wordt een schouw gelopen met inwoners van "
        "Velsen-Noord. Vanuit het GSP wordt gestart met de hoogste prioriteiten in Velsen-Noord.",
        (Phase(None, None, None, Precision.UNKNOWN, "Nader te bepalen"),),
        id="09-to-be-determined-long",
    ),
    pytest.param(
        "Nader te bepalen. Vooruitlopend op uitvoering wordt een schouw gelopen met inwoners van "
        "Velsen-Noord.",
        (Phase(None, None, None, Precision.UNKNOWN, "Nader te bepalen"),),
        id="10-to-be-determined",
    ),
    pytest.param(
        "2024 en 2025",
        (
            Phase(None, date(2024, 1, 1), date(2024, 12, 31), Y, "2024"),
            Phase(None, date(2025, 1, 1), date(2025, 12, 31), Y, "2025"),
        ),
        id="11-two-years",
    ),
    pytest.param(
        "Start locatieonderzoek in Q3-2024.",
        (
            Phase(
                "Start locatieonderzoek",
                date(2024, 7, 1),
                date(2024, 9, 30),
                Q,
                "Start locatieonderzoek in Q3-2024",
            ),
        ),
        id="12-quarter",
    ),
    pytest.param(
        "Start Q4-2023 en uitbreiding in 2024",
        (
            Phase("Start", date(2023, 10, 1), date(2023, 12, 31), Q, "Start Q4-2023"),
            Phase(
                "uitbreiding",
                date(2024, 1, 1),
                date(2024, 12, 31),
                Y,
                "uitbreiding in 2024",
            ),
        ),
        id="13-start-and-extension",
    ),
    pytest.param(
        "H1-2024",
        (Phase(None, date(2024, 1, 1), date(2024, 6, 30), H, "H1-2024"),),
        id="14-half-year",
    ),
    pytest.param(
        "Start Q1-2024 t/m Q4-2025",
        (
            Phase(
                "Start",
                date(2024, 1, 1),
                date(2025, 12, 31),
                Q,
                "Start Q1-2024 t/m Q4-2025",
            ),
        ),
        id="15-quarter-range",
    ),
    pytest.param(
        "Start schooljaar 2024-2025, ook in schooljaar 2025-2026",
        (
            Phase(
                "Start",
                date(2024, 8, 1),
                date(2025, 7, 31),
                S,
                "Start schooljaar 2024-2025",
            ),
            Phase(
                None, date(2025, 8, 1), date(2026, 7, 31), S, "in schooljaar 2025-2026"
            ),
        ),
        id="16-school-years",
    ),
    pytest.param(
        "Voor- en najaar",
        (Phase(None, None, None, Precision.RECURRING, "Voor- en najaar"),),
        id="17-recurring",
    ),
    pytest.param(
        "Reservering Q4-2023.",
        (
            Phase(
                "Reservering",
                date(2023, 10, 1),
                date(2023, 12, 31),
                Q,
                "Reservering Q4-2023",
            ),
        ),
        id="18-reservation",
    ),
]

# What a user might type instead.
VARIANT_CASES = [
    ("q2 2024", (Phase(None, date(2024, 4, 1), date(2024, 6, 30), Q, "q2 2024"),)),
    ("Q2/2024", (Phase(None, date(2024, 4, 1), date(2024, 6, 30), Q, "Q2/2024"),)),
    ("Q2 '24", ()),  # two-digit year: the century would be a guess
    (
        "2e kwartaal 2025",
        (Phase(None, date(2025, 4, 1), date(2025, 6, 30), Q, "2e kwartaal 2025"),),
    ),
    (
        "tweede kwartaal 2025",
        (Phase(None, date(2025, 4, 1), date(2025, 6, 30), Q, "tweede kwartaal 2025"),),
    ),
    (
        "Oplevering in het vierde kwartaal van 2025",
        (
            Phase(
                "Oplevering",
                date(2025, 10, 1),
                date(2025, 12, 31),
                Q,
                "Oplevering in het vierde kwartaal van 2025",
            ),
        ),
    ),
    (
        "begin 2024",
        (Phase("begin", date(2024, 1, 1), date(2024, 12, 31), Y, "begin 2024"),),
    ),
    (
        "medio 2025",
        (Phase("medio", date(2025, 1, 1), date(2025, 12, 31), Y, "medio 2025"),),
    ),
    (
        "eerste half jaar van 2024",
        (
            Phase(
                None,
                date(2024, 1, 1),
                date(2024, 6, 30),
                H,
                "eerste half jaar van 2024",
            ),
        ),
    ),
    (
        "tweede helft 2024",
        (Phase(None, date(2024, 7, 1), date(2024, 12, 31), H, "tweede helft 2024"),),
    ),
    ("H2 2025", (Phase(None, date(2025, 7, 1), date(2025, 12, 31), H, "H2 2025"),)),
    (
        "schooljaar 2024/2025",
        (Phase(None, date(2024, 8, 1), date(2025, 7, 31), S, "schooljaar 2024/2025"),),
    ),
    ("2024-2026", (Phase(None, date(2024, 1, 1), date(2026, 12, 31), Y, "2024-2026"),)),
    # mixed range: only as exact as its vaguest end
    (
        "Q3-2024 tot en met 2025",
        (
            Phase(
                None, date(2024, 7, 1), date(2025, 12, 31), Y, "Q3-2024 tot en met 2025"
            ),
        ),
    ),
    # a backwards "range" is two separate mentions, not a negative span
    (
        "Q4-2025 - Q1-2024",
        (
            Phase(None, date(2025, 10, 1), date(2025, 12, 31), Q, "Q4-2025"),
            Phase(None, date(2024, 1, 1), date(2024, 3, 31), Q, "Q1-2024"),
        ),
    ),
    ("2024 en 2024", (Phase(None, date(2024, 1, 1), date(2024, 12, 31), Y, "2024"),)),
    ("Gereed vóór 2026", ()),  # a deadline, not a phase
    (
        "Planning is in overleg met de wijkraad",
        (
            Phase(
                None,
                None,
                None,
                Precision.UNKNOWN,
                "Planning is in overleg met de wijkraad",
            ),
        ),
    ),
    ("Jaarlijks", (Phase(None, None, None, Precision.RECURRING, "Jaarlijks"),)),
    ("Start in 1850 of 2150", ()),  # outside 1900-2100
    # "Q5" is no quarter: the year still counts and the odd prefix shows up as the label
    ("Q5-2024", (Phase("Q5", date(2024, 1, 1), date(2024, 12, 31), Y, "Q5-2024"),)),
    ("schooljaar 2025-2024", ()),
    ("Budget 7,5% van 2.024.000 euro", ()),
]


@pytest.mark.parametrize(("text", "expected"), SOURCE_CASES)
def test_source_texts(text: str, expected: tuple[Phase, ...]) -> None:
    assert parse_planning(text) == Planning(text, expected)


@pytest.mark.parametrize(("text", "expected"), VARIANT_CASES)
def test_variants(text: str, expected: tuple[Phase, ...]) -> None:
    assert parse_planning(text) == Planning(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "garbage",
        "🗓️🚧🏗️",
        "x" * 10_000,
        "Q" * 10_000,
        "Q2 '24",
        "20245",
        "9999",
    ],
)
def test_unparseable_is_unknown(text: str | None) -> None:
    planning = parse_planning(text)
    assert planning == Planning(text, ())
    assert planning.is_unknown
    assert planning_span(planning) == (None, None)


def test_is_unknown() -> None:
    assert not parse_planning("Q1-2024").is_unknown
    assert parse_planning("Nader te bepalen").is_unknown
    # a recurring planning is known (drawn as markers), only its dates are not: one rule with the timeline
    assert not parse_planning("Voor- en najaar").is_unknown


def test_planning_span() -> None:
    assert planning_span(parse_planning("Start Q4-2023 en uitbreiding in 2024")) == (
        date(2023, 10, 1),
        date(2024, 12, 31),
    )
    # an open-ended phase still pulls the end out to its start
    assert planning_span(
        parse_planning("Start Q2-2024. Uitvoering vanaf Q2-2025.")
    ) == (
        date(2024, 4, 1),
        date(2025, 4, 1),
    )
    assert planning_span(parse_planning("Nader te bepalen")) == (None, None)


@settings(max_examples=300)
@given(
    st.one_of(
        st.text(),
        # bias towards the parser's own vocabulary so the interesting branches get exercised
        st.lists(
            st.sampled_from(
                [
                    "Q1-2024",
                    "q4 2099",
                    "H2-1900",
                    "2024",
                    "2101",
                    "t/m",
                    "-",
                    "tot en met",
                    "vanaf",
                    "voor",
                    "schooljaar",
                    "2025-2024",
                    "tweede kwartaal",
                    "half jaar van",
                    "en",
                    ".",
                    ",",
                    "(",
                    " ",
                    "Nader te bepalen",
                    "jaarlijks",
                    "Start",
                    "in",
                    "7,5%",
                    "'24",
                ]
            )
        ).map(" ".join),
    )
)
def test_never_raises_and_phases_are_consistent(text: str) -> None:
    planning = parse_planning(text)
    assert planning.text == text
    for phase in planning.phases:
        assert phase.text in text
        if phase.start and phase.end:
            assert phase.start <= phase.end
        if phase.open_ended:
            assert phase.start and phase.end is None
    start, end = planning_span(planning)
    if start and end:
        assert start <= end

"""Turn Dutch planning phrases from an action plan into dated phases.

Pure Python (no Qt, no I/O). ``parse_planning`` never raises: text it does not understand
gives a ``Planning`` without phases, which the UI shows as "unknown" next to the original text.

Choices for ambiguous phrases (the timeline presents these as facts, so they stay conservative):

- ``2024 en 2025``: one YEAR phase per year. "en" lists years; it does not claim a continuous
  span (``2024 en 2026`` must not cover 2025).
- ``X t/m Y``, ``X tot en met Y``, ``X - Y``: one phase from the start of X to the end of Y with
  the coarser precision of the two (``Start Q1-2024 t/m Q4-2025`` is one QUARTER phase).
- ``schooljaar 2024-2025``: 2024-08-01..2025-07-31. Dutch school years start late August or
  early September; August-July lets consecutive school years tile without gaps or overlap.
- ``begin/medio/eind 2024``: YEAR 2024 with the qualifier as label ("medio"). The text names no
  month, so the whole year is the only bound that is not a guess.
- ``Q2 '24``: unknown. A two-digit year would need a guessed century.
- ``vanaf Q2-2025``: starts then, end unknown (``open_ended``).
- a period right after ``voor``/``vóór``/``na``/``sinds`` is a reference or a deadline, not a
  phase ("prestatieafspraken voor 2024"), so it is skipped.
- no date at all, but "nader te bepalen", "in overleg", "onbekend", ...: one UNKNOWN phase;
  "voor- en najaar", "jaarlijks", ...: one RECURRING phase. Both have no dates and no label.
- the same period mentioned twice with the same label (or twice without one) is one phase.
- labels are the words before the date, up to the first preposition ("Start gesprekken met
  winkeliers ... Q2-2024" -> "Start gesprekken"); a text that opens with the date takes its
  label from the words after it ("Q2-2024 plaatsen verkeersbord" -> "plaatsen verkeersbord").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from velsen_desk.core.phases import Precision, phases_span, planning_unknown

__all__ = ["Phase", "Planning", "Precision", "parse_planning", "planning_span"]


MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class Phase:
    label: str | None
    start: dt.date | None  # first day of the period
    end: dt.date | None  # last day of the period, inclusive
    precision: Precision
    text: str  # verbatim fragment of the original text
    open_ended: bool = False


@dataclass(frozen=True)
class Planning:
    text: str | None
    phases: tuple[Phase, ...]

    @property
    def is_unknown(self) -> bool:
        return planning_unknown(self.phases)


# One alternative per way of writing a period. Order matters where two could start at the same
# place; the trailing guard keeps "7,5%" or "20245" from reading as years.
_PERIOD = re.compile(
    r"""
    (?:
        schooljaar\s+(?P<school_from>\d{4})\s*[-/–]\s*(?P<school_to>\d{4})
      | \bQ(?P<q>[1-4])\s*[-/]?\s*(?P<q_year>\d{4})
      | \b(?P<q_word>[1-4]e|eerste|tweede|derde|vierde)\s+kwartaal(?:\s+van)?\s+(?P<q_word_year>\d{4})
      | \bH(?P<h>[12])\s*[-/]?\s*(?P<h_year>\d{4})
      | \b(?P<h_word>[12]e|eerste|tweede)\s+(?:half\s*jaar|helft)(?:\s+van)?\s+(?P<h_word_year>\d{4})
      | (?<![\w.,€])(?P<year>\d{4})
    )
    (?![\w%]|[.,]\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_ORDINALS = {
    "1e": 1,
    "eerste": 1,
    "2e": 2,
    "tweede": 2,
    "3e": 3,
    "derde": 3,
    "4e": 4,
    "vierde": 4,
}

_NOT_A_PHASE = re.compile(r"\b(?:voor|vóór|na|sinds)\s+$", re.IGNORECASE)
_OPEN_ENDED = re.compile(r"\bvanaf\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:t/m|tot\s+en\s+met|[-–])\s*", re.IGNORECASE)
# Where a label stops: what follows a preposition is its object, not the name of the phase.
_PREPOSITION = re.compile(
    r"\b(?:in|op|met|naar|voor|vóór|van|bij|aan|door|na|vanaf|per|rond|tijdens|vanuit|over"
    r"|tot|om|sinds|t/m)\b",
    re.IGNORECASE,
)
# Joining words and punctuation that start a clause but say nothing ("..., ook in schooljaar").
_LEADING_FILLER = re.compile(r"[\s,–-]*(?:(?:en|ook|of)\b[\s,–-]*)*", re.IGNORECASE)
_SENTENCE_END = frozenset(".!?;:()\n")

_RECURRING = re.compile(
    r"\bvoor-\s*en\s+najaar\b|\bvoorjaar\s+en\s+najaar\b|\bjaarlijks\b"
    r"|\b(?:elk|ieder)e?\s+(?:jaar|kwartaal|voorjaar|najaar)\b",
    re.IGNORECASE,
)
_TO_BE_DETERMINED = re.compile(
    r"\bnader\s+(?:te\s+bepalen|overeen\s+te\s+komen|in\s+te\s+vullen)\b|\bin\s+overleg\b"
    r"|\bn\.n\.b\b|\bnog\s+niet\s+bekend\b|\bonbekend\b",
    re.IGNORECASE,
)

# For "X t/m Y" with mixed precisions the phase is only as exact as its vaguest end.
_VAGUENESS = {
    Precision.QUARTER: 0,
    Precision.HALF_YEAR: 1,
    Precision.SCHOOL_YEAR: 2,
    Precision.YEAR: 2,
}

_Period = tuple[dt.date, dt.date, Precision]


def _months(year: int, first: int, last: int, precision: Precision) -> _Period | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    last_day = calendar.monthrange(year, last)[1]
    return dt.date(year, first, 1), dt.date(year, last, last_day), precision


def _period(match: re.Match[str]) -> _Period | None:
    g = match.group
    if g("school_from"):
        first, last = int(g("school_from")), int(g("school_to"))
        if not (MIN_YEAR <= first < last <= MAX_YEAR):
            return None
        return dt.date(first, 8, 1), dt.date(last, 7, 31), Precision.SCHOOL_YEAR
    if g("q") or g("q_word"):
        quarter = int(g("q")) if g("q") else _ORDINALS[g("q_word").lower()]
        year = int(g("q_year") or g("q_word_year"))
        return _months(year, 3 * quarter - 2, 3 * quarter, Precision.QUARTER)
    if g("h") or g("h_word"):
        half = int(g("h")) if g("h") else _ORDINALS[g("h_word").lower()]
        year = int(g("h_year") or g("h_word_year"))
        return _months(year, 6 * half - 5, 6 * half, Precision.HALF_YEAR)
    return _months(int(g("year")), 1, 12, Precision.YEAR)


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Start of the clause that ends at ``hi``, not reaching back before ``lo``."""
    for i in range(hi - 1, lo - 1, -1):
        if text[i] in _SENTENCE_END:
            return i + 1
    return lo


def _clause_end(text: str, lo: int, hi: int) -> int:
    for i in range(lo, hi):
        if text[i] in _SENTENCE_END:
            return i
    return hi


def _label(text: str, lo: int, hi: int) -> tuple[int, str | None]:
    """(start of the clause text[lo:hi] after filler, its label or None)."""
    filler = _LEADING_FILLER.match(text, lo, hi)
    start = min(filler.end() if filler else lo, hi)
    cut = _PREPOSITION.search(text, start, hi)
    label = text[start : cut.start() if cut else hi].strip(" \t\n,–-")
    return start, label or None


def parse_planning(text: str | None) -> Planning:
    if not isinstance(text, str) or not text.strip():
        return Planning(text, ())
    hits = [
        (match, period)
        for match in _PERIOD.finditer(text)
        if (period := _period(match))
        and not _NOT_A_PHASE.search(text, max(0, match.start() - 20), match.start())
    ]
    text_start = len(text) - len(text.lstrip())
    phases: list[Phase] = []
    previous_end = 0  # a label never reaches back into the previous period
    i = 0
    while i < len(hits):
        first, (start, known_end, precision) = hits[i]
        end: dt.date | None = known_end
        last = first
        open_ended = False
        if i + 1 < len(hits):
            following, (_, next_end, next_precision) = hits[i + 1]
            if next_end >= start and _RANGE_JOIN.fullmatch(
                text, first.end(), following.start()
            ):
                last, end = following, next_end
                precision = max(precision, next_precision, key=_VAGUENESS.__getitem__)
                i += 1
        if last is first and _OPEN_ENDED.search(
            text, max(0, first.start() - 20), first.start()
        ):
            end, open_ended = None, True

        fragment_start, label = _label(
            text, _clause_start(text, previous_end, first.start()), first.start()
        )
        fragment_end = last.end()
        if label is None and first.start() == text_start:
            # The text opens with the date: "Q2-2024 plaatsen verkeersbord."
            next_start = hits[i + 1][0].start() if i + 1 < len(hits) else len(text)
            after, label = _label(
                text, last.end(), _clause_end(text, last.end(), next_start)
            )
            if label is not None:
                fragment_end = after + len(label)
        phases.append(
            Phase(
                label,
                start,
                end,
                precision,
                text[fragment_start:fragment_end].strip(),
                open_ended,
            )
        )
        previous_end = last.end()
        i += 1

    if not phases:
        phases = _undated_phase(text)
    return Planning(text, _merge_duplicates(phases))


def _undated_phase(text: str) -> list[Phase]:
    """A RECURRING or UNKNOWN phase for texts that say so without giving a date."""
    for pattern, precision in (
        (_RECURRING, Precision.RECURRING),
        (_TO_BE_DETERMINED, Precision.UNKNOWN),
    ):
        match = pattern.search(text)
        if match:
            # The whole sentence, so "Planning nader overeen te komen met WBV" keeps its who.
            first = _clause_start(text, 0, match.start())
            last = _clause_end(text, match.end(), len(text))
            return [Phase(None, None, None, precision, text[first:last].strip())]
    return []


def _merge_duplicates(phases: list[Phase]) -> tuple[Phase, ...]:
    seen: set[tuple[object, ...]] = set()
    kept = []
    for phase in phases:
        key = (
            phase.start,
            phase.end,
            phase.precision,
            phase.open_ended,
            (phase.label or "").casefold(),
        )
        if key not in seen:
            seen.add(key)
            kept.append(phase)
    return tuple(kept)


def planning_span(planning: Planning) -> tuple[dt.date | None, dt.date | None]:
    """(earliest start, latest end) of a parsed planning: :func:`phases_span` as a pair.

    An open-ended phase counts with its start on the end side too, so the span always
    covers every known date ("Q2-2024 ..., vanaf Q2-2025" spans up to 2025-04-01).
    """
    span = phases_span(planning.phases)
    return span.first_start, span.last_end

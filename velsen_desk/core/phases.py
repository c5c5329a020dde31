"""What a planning means on a timeline, once for the window and the reports (Qt-free, cheap to
import: the records import it). A planning is unknown, recurring, or a set of dated phases whose
bars are as exact as the source; its span runs from the first start to the last end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol

from velsen_desk.core.structs import msgspec


class Precision(StrEnum):
    """How exactly a planned date is known (filled in by the planning parser)."""

    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"
    SCHOOL_YEAR = "school_year"
    RECURRING = "recurring"
    UNKNOWN = "unknown"


class PhaseLike(Protocol):
    """A parsed phase (:class:`Phase`) or one read from the database (``records.PhaseInfo``)."""

    @property
    def start(self) -> dt.date | None: ...
    @property
    def end(self) -> dt.date | None: ...
    @property
    def precision(self) -> str: ...
    @property
    def open_ended(self) -> bool: ...
    @property
    def text(self) -> str: ...


class BarStyle(StrEnum):
    """How a phase is drawn, so the drawing claims no more than the source says."""

    SOLID = "solid"  # a quarter or half year: the source names the period
    LIGHT = "light"  # a year or school year: only the year is known
    OPEN = "open"  # "vanaf …": a start and no end; fades out
    RECURRING = "recurring"  # "voor- en najaar", "jaarlijks": markers, no dates


_SOLID_PRECISIONS = frozenset({Precision.QUARTER, Precision.HALF_YEAR})


def is_recurring(phase: PhaseLike) -> bool:
    return phase.precision == Precision.RECURRING


def precision_style(precision: str) -> BarStyle:
    """SOLID or LIGHT: how exact a dated period is (an open bar is filled the same way)."""
    return BarStyle.SOLID if precision in _SOLID_PRECISIONS else BarStyle.LIGHT


def bar_style(phase: PhaseLike) -> BarStyle | None:
    """The style of a phase's bar; None for a phase without a date (nothing to draw)."""
    if is_recurring(phase):
        return BarStyle.RECURRING
    if phase.start is None:
        return None
    if phase.open_ended or phase.end is None:
        return BarStyle.OPEN
    return precision_style(phase.precision)


def planning_unknown(phases: Iterable[PhaseLike]) -> bool:
    """No date and no recurring pattern: the planning is not known ("Planning onbekend").

    A recurring planning is known (it is drawn as markers), only its dates are not."""
    return not any(phase.start or is_recurring(phase) for phase in phases)


class Span(msgspec.Struct, frozen=True):
    """The dates a planning covers; None where no phase gives one."""

    first_start: dt.date | None
    last_end: dt.date | None  # an open-ended phase counts with its start, so every known date is covered
    open_from: dt.date | None = None  # the latest start of an open-ended phase ("vanaf …")

    @property
    def open_end(self) -> bool:
        return self.open_from is not None


def phases_span(phases: Iterable[PhaseLike]) -> Span:
    phases = tuple(phases)
    starts = [p.start for p in phases if p.start]
    ends = [day for p in phases if (day := p.end or p.start)]
    open_starts = [p.start for p in phases if p.start and (p.open_ended or p.end is None)]
    return Span(min(starts, default=None), max(ends, default=None), max(open_starts, default=None))

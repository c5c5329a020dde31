"""What the reports derive from the window's :class:`~velsen_desk.core.records.ProgrammeData` (Qt- and ReportLab-free).

Reports read the same records as the window (:mod:`velsen_desk.storage.reader`); the few views
only a report needs are computed here, from those records, with no second read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from velsen_desk.core.records import (
    ActionInfo,
    ChapterInfo,
    PortfolioMatrix,
    ProgrammeData,
    ThemeInfo,
    ThemeLinkInfo,
)


@dataclass(frozen=True)
class Edition:
    """When a report was made and from which data version (cover, footer, the Gantt's "today")."""

    made: dt.date
    data_version: str | None


@dataclass(frozen=True)
class ThemeBlock:
    """A theme with the chapters that contribute to it and its links to the action plan."""

    theme: ThemeInfo
    chapters: tuple[ChapterInfo, ...]
    links: tuple[ThemeLinkInfo, ...]


def theme_blocks(data: ProgrammeData) -> tuple[ThemeBlock, ...]:
    """Every theme in document order (aandachtsveld, then number)."""
    return tuple(
        ThemeBlock(theme=t, chapters=data.theme_chapters.get(t.id, ()), links=data.theme_links.get(t.id, ()))
        for t in data.themes
    )


def is_concept(data: ProgrammeData, document_id: str) -> bool:
    """Whether a document of the programme is a draft (its pages then carry a watermark)."""
    document = next((d for d in data.documents if d.id == document_id), None)
    return document is not None and (document.status or "").lower() == "concept"


def all_actions(data: ProgrammeData) -> tuple[ActionInfo, ...]:
    return tuple(a for plan in data.plans for a in plan.actions)


def matrix_of(data: ProgrammeData) -> PortfolioMatrix:
    """The portfolio matrix; an empty one when the programme has no college."""
    return data.matrix or PortfolioMatrix(members=(), domains=(), items=(), regie={})

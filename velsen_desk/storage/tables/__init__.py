"""SQLAlchemy 2.x typed ORM for the Velsen Desk database (Qt-free).

The database is built from the curated data files by :mod:`velsen_desk.storage.build` and opened
read-only by the application. Ids are the stable ids of the data files, so notes and diffs can
anchor to them across data versions.
"""

# The progress tables register themselves on Base.metadata when imported.
from velsen_desk.storage.tables import progress as progress  # noqa: E402
from velsen_desk.storage.tables.base import Base, CostColumns, Sourced, StoredCost, cost_group
from velsen_desk.storage.tables.entities import (
    Aandachtsveld,
    Action,
    ActionPlan,
    Budget,
    BudgetLine,
    Chapter,
    ChapterTheme,
    Document,
    Domain,
    Focusopgave,
    FocusPoint,
    Funding,
    Membership,
    Meta,
    Municipality,
    Opgave,
    Person,
    Perspective,
    PlanningPhase,
    PortfolioItem,
    Programme,
    Speerpunt,
    Target,
    Theme,
    ThemeLink,
)
from velsen_desk.storage.tables.programme_text import Agreement, CoreValue, Impulsproject, Remark, TopicCategory

__all__ = [
    "Aandachtsveld",
    "Action",
    "Agreement",
    "ActionPlan",
    "Base",
    "Budget",
    "BudgetLine",
    "Chapter",
    "ChapterTheme",
    "CoreValue",
    "CostColumns",
    "Document",
    "Domain",
    "FocusPoint",
    "Impulsproject",
    "Focusopgave",
    "Funding",
    "Membership",
    "Meta",
    "Municipality",
    "Opgave",
    "Person",
    "PlanningPhase",
    "PortfolioItem",
    "Programme",
    "Remark",
    "Sourced",
    "Speerpunt",
    "StoredCost",
    "Target",
    "Theme",
    "ThemeLink",
    "Perspective",

    "TopicCategory",
    "cost_group",
]

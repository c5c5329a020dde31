"""One data file as a whole: every collection of the schema, the progress data's included.

Its own module, above both schema modules: :mod:`schema` holds the records and their types,
:mod:`progress_schema` builds on those, and this joins them (before, the schema imported the
progress schema at its end, and the package imported the schema first to keep that cycle
harmless, so even listing the data files loaded pydantic and every model).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from velsen_desk.curation.progress_schema import Evaluation, Measurement, ProgressEntry, ProgressReport
from velsen_desk.curation.schema import (
    Aandachtsveld,
    Action,
    ActionPlan,
    Agreement,
    Budget,
    BudgetLine,
    Chapter,
    CoreValue,
    Document,
    Domain,
    Focusopgave,
    FocusPoint,
    Funding,
    Impulsproject,
    Label,
    Membership,
    Municipality,
    Opgave,
    Person,
    Perspective,
    PortfolioItem,
    Programme,
    Remark,
    Speerpunt,
    Strict,
    Theme,
    ThemeLink,
    TopicCategory,
)


class DataFile(Strict):
    """One YAML file. All collections are optional; files are merged."""

    format: Literal["velsen-desk-data/1"]
    dataset: Label | None = None
    municipalities: list[Municipality] = Field(default_factory=list)
    programmes: list[Programme] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    memberships: list[Membership] = Field(default_factory=list)
    domains: list[Domain] = Field(default_factory=list)
    portfolio_items: list[PortfolioItem] = Field(default_factory=list)
    remarks: list[Remark] = Field(default_factory=list)
    aandachtsvelden: list[Aandachtsveld] = Field(default_factory=list)
    themes: list[Theme] = Field(default_factory=list)
    chapters: list[Chapter] = Field(default_factory=list)
    focus_points: list[FocusPoint] = Field(default_factory=list)
    opgaven: list[Opgave] = Field(default_factory=list)
    speerpunten: list[Speerpunt] = Field(default_factory=list)
    impulsprojecten: list[Impulsproject] = Field(default_factory=list)
    core_values: list[CoreValue] = Field(default_factory=list)
    topic_categories: list[TopicCategory] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    action_plans: list[ActionPlan] = Field(default_factory=list)
    focusopgaven: list[Focusopgave] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    budgets: list[Budget] = Field(default_factory=list)
    budget_lines: list[BudgetLine] = Field(default_factory=list)
    fundings: list[Funding] = Field(default_factory=list)
    theme_links: list[ThemeLink] = Field(default_factory=list)
    perspectives: list[Perspective] = Field(default_factory=list)
    progress_reports: list[ProgressReport] = Field(default_factory=list)
    progress_entries: list[ProgressEntry] = Field(default_factory=list)
    measurements: list[Measurement] = Field(default_factory=list)
    evaluations: list[Evaluation] = Field(default_factory=list)


COLLECTIONS: tuple[str, ...] = tuple(
    name for name in DataFile.model_fields if name not in ("format", "dataset")
)

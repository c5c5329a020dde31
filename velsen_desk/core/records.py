"""What the reader returns (:mod:`velsen_desk.storage.reader`): plain frozen records, no ORM, no Qt.

They cross threads (worker -> GUI) and feed the views and the reports. Importing this module must stay cheap: the window
imports it before its first paint. They are msgspec Structs rather than dataclasses: defining
these ~25 classes as dataclasses took ~20 ms of every start, as Structs ~3 ms; they behave the
same (keyword or positional construction, equality, immutability; ``msgspec.structs.replace``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from velsen_desk.core.money import CostSum, CostValue, Reconciliation, sum_costs
from velsen_desk.core.phases import planning_unknown
from velsen_desk.core.structs import msgspec


class SourceInfo(msgspec.Struct, frozen=True):
    document_id: str
    document_title: str
    quote: str | None
    section: str | None


class ProgrammeInfo(msgspec.Struct, frozen=True):
    id: str
    title: str
    municipality: str
    period_start: int | None
    period_end: int | None
    has_domains: bool
    has_themes: bool
    has_action_plan: bool


class DocumentInfo(msgspec.Struct, frozen=True):
    id: str
    kind: str
    title: str
    date: dt.date | None
    date_text: str | None
    status: str | None
    status_text: str | None
    note: str | None


class PersonInfo(msgspec.Struct, frozen=True):
    id: str
    name: str
    role: str | None
    party: str | None
    locoburgemeester_order: int | None
    source: SourceInfo


class TargetInfo(msgspec.Struct, frozen=True):
    text: str
    figure: float | None
    unit: str | None
    year: int | None  # the year the target is to be met
    start_year: int | None = None  # "vanaf 2019"
    qualifier: str | None = None  # "minimaal", "maximaal", "circa", "tot"


class FocusPointInfo(msgspec.Struct, frozen=True):
    id: str
    order: int
    text: str
    targets: tuple[TargetInfo, ...]
    source: SourceInfo
    section: str = "focus"  # "focus": the "Focus van onze inzet" list; "tekst": the chapter's running text
    budgets: tuple[BudgetInfo, ...] = ()  # the budgets the document says pay for it (klimaatgelden)

    @property
    def in_text(self) -> bool:
        return self.section == "tekst"


class ChapterInfo(msgspec.Struct, frozen=True):
    id: str
    number: int | None
    title: str
    document_title: str
    summary: str | None
    theme_ids: tuple[str, ...]
    focus_points: tuple[FocusPointInfo, ...]
    source: SourceInfo

    @property
    def listed_points(self) -> tuple[FocusPointInfo, ...]:
        """The points of the chapter's own list ("Focus van onze inzet"), as printed."""
        return tuple(p for p in self.focus_points if not p.in_text)

    @property
    def text_points(self) -> tuple[FocusPointInfo, ...]:
        """Commitments stated in the chapter's running text, outside its list."""
        return tuple(p for p in self.focus_points if p.in_text)


class PhaseInfo(msgspec.Struct, frozen=True):
    label: str | None
    start: dt.date | None
    end: dt.date | None
    precision: str
    open_ended: bool
    text: str


class FundingInfo(msgspec.Struct, frozen=True):
    budget_id: str
    budget_name: str
    budget_line_id: str | None
    amount: CostValue | None
    source: SourceInfo
    funds: str | None = None  # verbatim: what this money pays for
    part: bool = False  # only a part of the action (``funds`` says which)


class ActionInfo(msgspec.Struct, frozen=True):
    id: str
    plan_id: str
    focusopgave_id: str | None
    number: int
    trekker: str | None
    title: str
    heading: str | None
    what: str | None
    cost: CostValue
    explanation: str | None
    planning_text: str | None
    phases: tuple[PhaseInfo, ...]
    fundings: tuple[FundingInfo, ...]
    theme_ids: tuple[str, ...]
    note: str | None
    source: SourceInfo
    # Verbatim from the running text of the plan (see curation.schema.Action).
    running_text: str | None = None
    planning_running: str | None = None
    planning_conflict: bool = False  # table and running text disagree: no firm planning
    condition: str | None = None
    cost_scope: str | None = None

    @property
    def planning_unknown(self) -> bool:
        """No date and no recurring pattern (core.phases.planning_unknown)."""
        return planning_unknown(self.phases)


class ThemeLinkInfo(msgspec.Struct, frozen=True):
    theme_id: str
    plan_id: str | None
    action_id: str | None
    basis: str  # "bron" or "redactioneel"
    rationale: str | None  # the curators' words, never the source's
    source: SourceInfo | None = None  # the quote that states (bron) or suggests (redactioneel) the link


class ThemeInfo(msgspec.Struct, frozen=True):
    id: str
    number: int
    name: str
    aandachtsveld_id: str
    aandachtsveld: str
    regie: PersonInfo | None
    extra_attention: bool | None
    source: SourceInfo


class AandachtsveldInfo(msgspec.Struct, frozen=True):
    id: str
    name: str
    themes: tuple[ThemeInfo, ...]


class PortfolioItemInfo(msgspec.Struct, frozen=True):
    id: str
    person_id: str
    domain_id: str | None
    domain_certain: bool
    name: str
    detail: str | None
    source: SourceInfo
    row_quote: str | None = None  # the member's row up to this item, verbatim: whose item it is


class DomainInfo(msgspec.Struct, frozen=True):
    id: str
    name: str


class RemarkInfo(msgspec.Struct, frozen=True):
    """A note the source prints under a table ("NB: …"), verbatim."""

    id: str
    label: str
    text: str
    source: SourceInfo


class PortfolioMatrix(msgspec.Struct, frozen=True):
    members: tuple[PersonInfo, ...]
    domains: tuple[DomainInfo, ...]  # empty for a municipality without domains
    items: tuple[PortfolioItemInfo, ...]
    regie: dict[str, tuple[ThemeInfo, ...]]  # person id -> themes
    remarks: tuple[RemarkInfo, ...] = ()  # printed under the table; they hold for every row
    empty_certain: frozenset[tuple[str, str]] = frozenset()  # (person, domain): the layout marks it empty

    def cell(self, person_id: str, domain_id: str | None) -> tuple[PortfolioItemInfo, ...]:
        return tuple(i for i in self.items if i.person_id == person_id and i.domain_id == domain_id)

    def empty_inferred(self, person_id: str, domain_id: str | None) -> bool:
        """A cell shown empty only by inference: where the column of any of the member's items is
        uncertain (≈), another reading of the row may put that item here, so "empty" is the
        curators' reading, not the source's (Sander Smeets, Frank Dales' second column). A cell the
        layout marks empty (``empty_certain``) and the empty cells of a member whose every item is
        certain are stated by the source."""
        if domain_id is None or self.cell(person_id, domain_id) or (person_id, domain_id) in self.empty_certain:
            return False
        return any(i.person_id == person_id and not i.domain_certain for i in self.items)


class FocusopgaveInfo(msgspec.Struct, frozen=True):
    id: str
    number: int
    letter: str | None
    title: str
    table_title: str | None
    lead: str | None
    objective: str | None
    responsible: str | None
    actions: tuple[ActionInfo, ...]
    reconciliation: Reconciliation
    source: SourceInfo


class BudgetLineInfo(msgspec.Struct, frozen=True):
    id: str
    number: int | None
    title: str
    cost: CostValue
    remark: str | None
    funded_action_ids: tuple[str, ...]
    source: SourceInfo


class BudgetInfo(msgspec.Struct, frozen=True):
    id: str
    name: str
    kind: str
    amount: CostValue | None
    period_text: str | None
    description: str | None
    lines: tuple[BudgetLineInfo, ...]
    reconciliation: Reconciliation | None
    total_label: str | None
    funded_action_ids: tuple[str, ...]
    source: SourceInfo
    per: str | None = None  # "jaar": ``amount`` is per year, never a one-off total
    document_title: str | None = None  # the document that states it, when one is named

    @property
    def per_year(self) -> bool:
        return self.per == "jaar"


class PerspectiveInfo(msgspec.Struct, frozen=True):
    """A perspective of an action plan: its waardeperspectief and the headings of its opgaven."""

    id: str
    number: int
    title: str
    value_text: str
    opgaven: tuple[str, ...]
    source: SourceInfo


class ActionPlanInfo(msgspec.Struct, frozen=True):
    id: str
    title: str
    document: DocumentInfo
    focusopgaven: tuple[FocusopgaveInfo, ...]
    loose_actions: tuple[ActionInfo, ...]  # actions outside any focusopgave (e.g. a reserve)
    reconciliation: Reconciliation
    total_label: str | None
    budgets: tuple[BudgetInfo, ...]
    source: SourceInfo
    monitoring_text: str | None = None
    perspectives: tuple[PerspectiveInfo, ...] = ()

    @property
    def actions(self) -> tuple[ActionInfo, ...]:
        return tuple(a for f in self.focusopgaven for a in f.actions) + self.loose_actions


class DataSummary(msgspec.Struct, frozen=True):
    data_version: str | None
    schema_version: str | None
    counts: dict[str, int] = msgspec.field(default_factory=dict)


def cost_of_actions(actions: Iterable[ActionInfo]) -> CostSum:
    """The sum of the actions' costs (n.v.t. and n.n.b. counted apart): the one place a set of
    actions is totalled, for the plan, a focusopgave, the loose actions or a person's regie."""
    return sum_costs(a.cost for a in actions)


# ---- Strategische Agenda ---------------------------------------------------------------------

# The sections of an opgave in the Strategische Agenda: Speerpunt.kind values as they appear in
# the data, with their Dutch headings (not item kinds: see core.item_kinds for those).
SPEERPUNT_SECTIONS = {
    "speerpunt": "Speerpunten",
    "wat_we_al_doen": "Wat we al doen",
    "wat_we_kunnen_doen": "Wat we kunnen doen",
}


class SpeerpuntInfo(msgspec.Struct, frozen=True):
    id: str
    order: int
    kind: str
    text: str
    source: SourceInfo


class OpgaveInfo(msgspec.Struct, frozen=True):
    id: str
    number: int | None
    title: str
    summary: str | None
    document_title: str
    speerpunten: tuple[SpeerpuntInfo, ...]
    source: SourceInfo
    future_text: str | None = None  # "Toekomstbeeld – beoogde maatschappelijke effecten"

    def of_kind(self, kind: str) -> tuple[SpeerpuntInfo, ...]:
        return tuple(s for s in self.speerpunten if s.kind == kind)


class CoreValueInfo(msgspec.Struct, frozen=True):
    """A value the college says it stands for ("Onze bezieling"), with its paragraph verbatim."""

    id: str
    order: int
    name: str
    text: str
    document_title: str
    source: SourceInfo


class TopicCategoryInfo(msgspec.Struct, frozen=True):
    """A category of council topics in the college's way of working ("Categorie I. …"), verbatim."""

    id: str
    code: str
    title: str
    text: str
    document_title: str
    source: SourceInfo


class AgreementInfo(msgspec.Struct, frozen=True):
    """An agreement under one of Deel A's three questions, verbatim, with the headings it stands under."""

    id: str
    question: str
    group: str | None
    order: int
    text: str
    document_title: str
    source: SourceInfo


class ImpulsprojectInfo(msgspec.Struct, frozen=True):
    id: str
    order: int
    title: str
    text: str
    source: SourceInfo


class ImpulsprojectenInfo(msgspec.Struct, frozen=True):
    """A strategic agenda's impulsprojecten, with the sentence that introduces them."""

    intro: tuple[RemarkInfo, ...]
    projects: tuple[ImpulsprojectInfo, ...]

    @property
    def id(self) -> str:  # the tree's group node
        return "impulsprojecten"


# ---- What the window shows -------------------------------------------------------------------

class Catalog(msgspec.Struct, frozen=True):
    """The programmes in the database and the data version: enough to fill the selectors."""

    summary: DataSummary
    programmes: tuple[ProgrammeInfo, ...]

    def programme(self, programme_id: str) -> ProgrammeInfo | None:
        return next((p for p in self.programmes if p.id == programme_id), None)


class ProgrammeOutline(msgspec.Struct, frozen=True, kw_only=True):
    """What the themes tab's tree and introduction show of a programme: its college, its themes
    (with their regie holders) in their aandachtsvelden and the tree's other branches (core
    values, topic categories, agreements; or its opgaven and impulsprojecten). Complete for what
    it holds; :class:`ProgrammeData` is the outline plus everything else. The start reads it
    first (milliseconds), so the window shows its first rows before the whole programme is read
    (~0.1 s for a plan of 2,000 actions)."""

    programme: ProgrammeInfo
    college: tuple[PersonInfo, ...]
    velden: tuple[AandachtsveldInfo, ...]
    opgaven: tuple[OpgaveInfo, ...] = ()
    impulsprojecten: ImpulsprojectenInfo | None = None
    core_values: tuple[CoreValueInfo, ...] = ()
    topic_categories: tuple[TopicCategoryInfo, ...] = ()
    agreements: tuple[AgreementInfo, ...] = ()

    # ---- lookups (cheap, on the GUI thread) ----------------------------------------------------

    @property
    def themes(self) -> tuple[ThemeInfo, ...]:
        return tuple(t for v in self.velden for t in v.themes)

    def theme(self, theme_id: str) -> ThemeInfo | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def person(self, person_id: str | None) -> PersonInfo | None:
        return next((p for p in self.college if p.id == person_id), None)

    def regie_theme_ids(self, person_id: str | None) -> frozenset[str]:
        if person_id is None:
            return frozenset()
        return frozenset(t.id for t in self.themes if t.regie and t.regie.id == person_id)


class ProgrammeData(ProgrammeOutline, frozen=True, kw_only=True):
    """Everything the tabs and the reports show of one programme: its outline and the rest."""

    documents: tuple[DocumentInfo, ...]
    chapters: tuple[ChapterInfo, ...]
    theme_chapters: dict[str, tuple[ChapterInfo, ...]] = msgspec.field(default_factory=dict)
    theme_links: dict[str, tuple[ThemeLinkInfo, ...]] = msgspec.field(default_factory=dict)
    plans: tuple[ActionPlanInfo, ...] = ()
    matrix: PortfolioMatrix | None = None

    def action(self, action_id: str) -> ActionInfo | None:
        return next((a for p in self.plans for a in p.actions if a.id == action_id), None)

    def actions_of_person(self, person_id: str | None) -> frozenset[str]:
        """Actions linked to the person's regie themes (directly or through their whole plan)."""
        themes = self.regie_theme_ids(person_id)
        result: set[str] = set()
        for plan in self.plans:
            for action in plan.actions:
                if themes.intersection(action.theme_ids):
                    result.add(action.id)
        return frozenset(result)

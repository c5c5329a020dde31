"""Schema of the curated data files (``resources/data/*.yaml``).

Every data file is a YAML mapping with ``format: velsen-desk-data/1`` and any of the
collections below. All files of a data set are merged; ids are global across files, so a
theme in one file can name a person defined in another. The schema is generic: nothing in
it knows about Velsen.

Rules that keep the data honest:
- every record carries ``source`` (document id plus a short verbatim quote from it);
- what a source does not say is ``null`` (unknown), never a guessed value;
- a cost is an amount, or explicitly "n.v.t." / "n.n.b.", always with the text as printed.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from velsen_desk.core.i18n import _
from velsen_desk.core.money import CostStatus  # one definition of the stored values, shared with the readers

FORMAT_ID = "velsen-desk-data/1"

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=80)]
# Limits the reports and the window can print: a Label is a name or title (headings, table cells,
# the running header; the longest in the bundled data is 143 characters), a Text a paragraph
# (quotes, explanations; the longest is 639). Table rows in the reports split across pages, so
# a row of Texts still prints; a heading never splits, so a Label must stay far below a page.
LABEL_MAX = 300
TEXT_MAX = 5_000
# Control characters (NUL, ESC: terminal escapes in the CLI's output), and the bidirectional
# overrides that make text read differently from how it is stored, never belong in the data.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(text: str) -> str:
    if not text.strip():
        raise ValueError(_("mag niet leeg zijn (alleen spaties)"))
    found = _FORBIDDEN.search(text)
    if found:
        raise ValueError(_(
            "verboden teken U+{ord:04X} (stuur- of richtingsteken) op positie {value}"
        ).format(ord=ord(found.group()), value=found.start() + 1))
    return text


Label = Annotated[str, Field(min_length=1, max_length=LABEL_MAX), AfterValidator(_printable)]
Text = Annotated[str, Field(min_length=1, max_length=TEXT_MAX), AfterValidator(_printable)]
# Numbers and amounts go into SQLite INTEGER (64 bits): a bigger one crashed the build. A sum of
# 50,000 amounts (the most one file holds) of at most 10^13 euros still fits.
Count = Annotated[int, Field(ge=-100_000, le=100_000)]
Amount = Annotated[int, Field(ge=0, le=10_000_000_000_000)]
# A file in the sources directory: a bare name, so a data file cannot point the quote check at
# /etc/passwd, ../../somewhere, a device or a drive ("C:").
FILE_NAME_PATTERN = r"^[^./\\:\x00-\x1f][^/\\:\x00-\x1f]*$"
FileName = Annotated[str, Field(pattern=FILE_NAME_PATTERN, max_length=255)]


class Strict(BaseModel):
    """Base: unknown keys are errors, so a typo in a field name cannot pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(Strict):
    """Where a record came from: a document and a verbatim quote (or section) in it."""

    doc: Id
    quote: Text | None = None
    section: Text | None = None

    @model_validator(mode="after")
    def _quote_or_section(self) -> SourceRef:
        if self.quote is None and self.section is None:
            raise ValueError(_("een bronverwijzing heeft een citaat (quote) of sectie (section) nodig"))
        return self


class DocumentKind(StrEnum):
    RAADSPROGRAMMA = "raadsprogramma"
    COLLEGE_UITVOERINGSPROGRAMMA = "college_uitvoeringsprogramma"
    UITVOERINGSAFSPRAKEN = "uitvoeringsafspraken"
    COALITIEAKKOORD = "coalitieakkoord"
    STRATEGISCHE_AGENDA = "strategische_agenda"
    ACTIEPLAN = "actieplan"


class DocumentStatus(StrEnum):
    CONCEPT = "concept"
    VASTGESTELD = "vastgesteld"


class Role(StrEnum):
    BURGEMEESTER = "burgemeester"
    WETHOUDER = "wethouder"


class Municipality(Strict):
    id: Id
    name: Label
    source: SourceRef | None = None


class Programme(Strict):
    """A bestuursperiode's set of documents the application shows together."""

    id: Id
    municipality: Id
    title: Label
    period_start: int | None = Field(default=None, ge=1900, le=2100)
    period_end: int | None = Field(default=None, ge=1900, le=2100)
    order: Count = 0


class Document(Strict):
    id: Id
    programme: Id
    kind: DocumentKind
    title: Label
    subtitle: Label | None = None
    date: dt.date | None = None
    date_text: Label | None = None  # the date as printed when it is not a full date
    status: DocumentStatus | None = None
    status_text: Label | None = None  # e.g. "concept, ter consultatie"
    source_file: FileName | None = None  # file under resources/sources/, if we have the text
    note: Text | None = None  # e.g. "not in the seeds; themes known from …"


class Person(Strict):
    id: Id
    name: Label
    source: SourceRef


class Membership(Strict):
    """A person's role in a programme's college."""

    id: Id
    person: Id
    programme: Id
    role: Role | None = None  # null: the source names the member but not the office
    party: Label | None = None
    locoburgemeester_order: int | None = Field(default=None, ge=1, le=10)
    order: Count = 0
    # Domains whose empty cell in this member's row the table's layout marks (Frank Dales: the
    # spaces after the name end at least the first cell). Any other empty cell of a member with an
    # uncertain (≈) item is empty only by inference and shown "— (afgeleid)".
    empty_certain: list[Id] = Field(default_factory=list)
    source: SourceRef


class Domain(Strict):
    id: Id
    programme: Id
    name: Label
    order: Count = 0
    source: SourceRef


class PortfolioItem(Strict):
    id: Id
    programme: Id
    person: Id
    domain: Id | None = None  # null: the municipality has no domains, or the column is unknown
    domain_certain: bool = True  # false where the PDF's table columns could not be recovered
    name: Label
    detail: Text | None = None  # the "incl. …" text as printed
    order: Count = 0
    # Verbatim: the member's row from their name up to and including this item; proves whose it is.
    row_quote: Text | None = None
    source: SourceRef


class Remark(Strict):
    """A note the source prints with a table or list, e.g. the "NB:" under the portefeuilleverdeling,
    or the sentence that introduces the impulsprojecten.

    It holds for the whole table, not for one cell, so it belongs to the programme; ``about``
    names the table or list it goes with, ``label`` the word it is printed after ("NB").
    """

    id: Id
    programme: Id
    about: Literal["portefeuilleverdeling", "impulsprojecten"]
    label: Label
    order: Count = 0
    text: Text  # verbatim
    source: SourceRef


class Aandachtsveld(Strict):
    id: Id
    document: Id
    name: Label
    order: Count = 0
    source: SourceRef


class Theme(Strict):
    id: Id
    aandachtsveld: Id
    number: Count = Field(ge=1, le=999)
    name: Label
    regie: Id | None = None  # person id
    extra_attention: bool | None = None  # "extra beleidsmatige aandacht"; null = unknown
    source: SourceRef


class Chapter(Strict):
    id: Id
    document: Id
    number: Count | None = None
    title: Label
    aandachtsveld: Id | None = None
    themes: list[Id] = Field(default_factory=list)
    summary: Text | None = None
    source: SourceRef


# Words that bound a target's figure, as printed ("minimaal drie jaar", "tot 3 bijeenkomsten",
# "binnen 5 minuten").
TargetQualifier = Literal["minimaal", "maximaal", "circa", "tot", "binnen"]


class Target(Strict):
    """A measurable target inside a commitment, e.g. "daalt naar 5% in 2026"."""

    text: Text  # verbatim
    figure: float | None = Field(default=None, allow_inf_nan=False, ge=-1e12, le=1e12)
    unit: Label | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)  # the year it is to be met, never a start
    # "vanaf 2019 voor minimaal drie jaar": the year it starts, and a word that bounds the figure.
    start_year: int | None = Field(default=None, ge=1900, le=2100)
    qualifier: TargetQualifier | None = None

    @model_validator(mode="after")
    def _start_before_deadline(self) -> Target:
        if self.start_year is not None and self.year is not None and self.start_year > self.year:
            raise ValueError(_(
                "het beginjaar {start_year} ligt na het jaar {year} waarin het doel gehaald moet zijn"
            ).format(start_year=self.start_year, year=self.year))
        if self.qualifier is not None and self.figure is None:
            raise ValueError(_(
                "'{qualifier}' hoort bij een getal, maar het doel heeft geen 'figure'"
            ).format(qualifier=self.qualifier))
        return self


class FocusPoint(Strict):
    id: Id
    chapter: Id
    order: Count
    # Where the document states it: in the chapter's "Focus van onze inzet" list, or in its
    # running text (a dated promise in the prose), shown apart so the list stays as printed.
    section: Literal["focus", "tekst"] = "focus"
    text: Text
    targets: list[Target] = Field(default_factory=list)
    source: SourceRef


class Opgave(Strict):
    """A maatschappelijke opgave of a strategic agenda."""

    id: Id
    document: Id
    number: Count | None = None
    title: Label
    summary: Text | None = None
    future_text: Text | None = None  # "Toekomstbeeld – beoogde maatschappelijke effecten", verbatim
    source: SourceRef


class Impulsproject(Strict):
    """A project a strategic agenda names apart from its opgaven (Strategische Agenda 2020:
    "Deze impulsprojecten zijn: - Techport IJmond …"); it belongs to the document, not to an opgave."""

    id: Id
    document: Id
    order: Count
    title: Label
    text: Text  # verbatim, the lines under the title
    source: SourceRef


class CoreValue(Strict):
    """A value a document says the college stands for ("Onze bezieling": Perspectief, Daadkracht, …)."""

    id: Id
    document: Id
    order: Count
    name: Label
    text: Text  # verbatim, the paragraph under the name
    source: SourceRef


class TopicCategory(Strict):
    """A category of council topics in the college's way of working (uitvoeringsafspraken, Deel A:
    "Categorie I. Nadruk op politieke koersbepaling"), with the text that says what falls in it."""

    id: Id
    document: Id
    code: Label  # "I", "II", "III" as printed
    title: Label
    text: Text  # verbatim
    source: SourceRef


class Agreement(Strict):
    """An agreement under one of Deel A's three questions of the uitvoeringsafspraken ("1. Wat spreken
    we af hoe we als college gaan werken?"), verbatim, with the heading it stands under."""

    id: Id
    document: Id
    question: Label  # the question as printed, with its number
    group: Label | None = None  # the lead-in it completes ("We geven uitvoering aan het Raadsprogramma door…")
    order: Count
    text: Text  # verbatim
    source: SourceRef


class Speerpunt(Strict):
    id: Id
    opgave: Id
    order: Count
    kind: Literal["speerpunt", "wat_we_al_doen", "wat_we_kunnen_doen", "impulsproject"] = "speerpunt"
    text: Text
    source: SourceRef


class Cost(Strict):
    status: CostStatus
    amount: Amount | None = None  # whole euros
    qualifier: Literal["minimaal", "maximaal", "circa"] | None = None  # "minimaal € 500.000"
    text: Label  # as printed, e.g. "€25.000", "N.v.t.", "N.v.t. of n.n.b."

    @model_validator(mode="after")
    def _amount_matches_status(self) -> Cost:
        if self.status is CostStatus.AMOUNT and self.amount is None:
            raise ValueError(_("een bedrag ontbreekt bij status 'amount'"))
        if self.status is not CostStatus.AMOUNT and (self.amount is not None or self.qualifier):
            raise ValueError(_("status '{value}' mag geen bedrag hebben").format(value=self.status.value))
        return self


class ActionPlan(Strict):
    id: Id
    document: Id
    title: Label
    total_documented: Cost | None = None
    total_label: Label | None = None
    source: SourceRef
    monitoring_text: Text | None = None  # verbatim: how the plan's effects are monitored


class Perspective(Strict):
    """One of an action plan's perspectives ("Perspectief 1: Samenleven en ontmoeten"): its
    waardeperspectief ("Hoe zou het moeten zijn?") and the headings of its opgaven, verbatim."""

    id: Id
    plan: Id
    number: Count
    title: Label
    value_text: Text
    opgaven: list[Label] = Field(default_factory=list)
    source: SourceRef


class Focusopgave(Strict):
    id: Id
    plan: Id
    number: Count
    letter: Label | None = None
    title: Label
    table_title: Label | None = None  # the (different) name used in the budget table
    lead: Label | None = None  # trekker as in the table, e.g. "Corporaties"
    objective: Text | None = None
    responsible: Label | None = None
    subtotal_documented: Cost | None = None
    source: SourceRef


class Action(Strict):
    id: Id
    plan: Id
    focusopgave: Id | None = None  # null: an action outside the focusopgaven (e.g. a reserve)
    number: Count
    trekker: Label | None = None
    title: Label  # the "Acties" column of the budget table
    heading: Label | None = None  # the action's heading in the plan's running text
    what: Text | None = None
    cost: Cost
    explanation: Text | None = None
    planning_text: Text | None = None  # exactly as written; parsed at build time
    note: Text | None = None  # curator's note, e.g. "text cut off in the source"
    source: SourceRef
    # Verbatim from the plan's running text (checked against the source like a quote):
    running_text: Text | None = None  # the paragraph(s) under the action's heading
    planning_running: Text | None = None  # what the running text says about the planning
    planning_conflict: bool = False  # table and running text disagree: the planning is not firm
    condition: Text | None = None  # what the action depends on
    cost_scope: Text | None = None  # what the cost pays for, where the plan limits it


class Budget(Strict):
    """A funding source or budget: Weerbare wijken, Samen Gezellig, Algemene Reserve, …"""

    id: Id
    programme: Id
    name: Label
    kind: Literal["budget", "reserve", "subsidie", "bestaand"] = "budget"
    amount: Cost | None = None  # the budget's size as documented, if any
    period_text: Label | None = None
    description: Text | None = None
    total_documented: Cost | None = None  # documented total of its lines
    total_label: Label | None = None
    # The document that states it: a programme's budgets come from several documents, and an
    # action plan shows only its own (and those no document is named for).
    document: Id | None = None
    # "per jaar": ``amount`` is a yearly amount, never a one-off total, so never summed with one.
    per: Literal["jaar"] | None = None
    focus_point: Id | None = None  # the commitment it pays for, where the document says so
    source: SourceRef

    @model_validator(mode="after")
    def _per_needs_amount(self) -> Budget:
        if self.per is not None and (self.amount is None or self.amount.status != "amount"):
            raise ValueError("bij 'per' hoort een bedrag ('amount' met status amount)")
        if self.per is not None and self.total_documented is not None:
            raise ValueError("een bedrag per jaar heeft geen totaal van regels ('total_documented')")
        return self


class BudgetLine(Strict):
    id: Id
    budget: Id
    number: Count | None = None
    title: Label
    cost: Cost
    remark: Text | None = None
    source: SourceRef


class Funding(Strict):
    """Money from a budget towards an action (e.g. action 9: SGIVN € 50.000 + Actieplan € 100.000)."""

    id: Id
    action: Id
    budget: Id
    budget_line: Id | None = None
    amount: Cost | None = None
    source: SourceRef
    funds: Text | None = None  # verbatim: what this money pays for, where the plan says
    part: bool = False  # it pays for only a part of the action (``funds`` says which)

    @model_validator(mode="after")
    def _part_says_which(self) -> Funding:
        if self.part and self.funds is None:
            raise ValueError(_("bij 'part: true' hoort 'funds': welk deel van de actie deze bron betaalt"))
        return self


class ThemeLink(Strict):
    """An action plan or action that contributes to a theme.

    ``basis`` says whether a source states the link ("bron") or the curators drew it from
    the content ("redactioneel"); the application shows which.
    """

    id: Id
    theme: Id
    plan: Id | None = None
    action: Id | None = None
    basis: Literal["bron", "redactioneel"]
    rationale: Text | None = None
    source: SourceRef

    @model_validator(mode="after")
    def _one_target(self) -> ThemeLink:
        if (self.plan is None) == (self.action is None):
            raise ValueError(_("een themakoppeling verwijst naar precies één plan of één actie"))
        return self

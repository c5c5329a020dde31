"""Schema of progress data: reports per peildatum, per-action entries, measurements, evaluations.

Data files like the rest (``velsen-desk-data/1``); :class:`~velsen_desk.curation.data_file.DataFile`
holds these four collections. Generic: a report belongs to any action plan or programme.

- A report is never overwritten: each peildatum is its own record, so history is kept.
- Its source is a document and quote, or ``stated_by`` ("opgave van <partij>") when the figures
  come from a party rather than a published document; exactly one of the two.
- An entry's explanation is required for oranje, rood and gestopt; its realised spend is a cost
  (amount, n.v.t. or n.n.b.), never an implicit 0; a revised planning is kept as written and
  parsed at build time like the original.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from velsen_desk.core.i18n import _
from velsen_desk.core.progress import ProgressStatus, needs_explanation, status_label
from velsen_desk.curation.schema import Cost, Count, Id, Label, SourceRef, Strict, Text


class ProgressReport(Strict):
    """One voortgangsrapportage: the state of a plan or programme on a peildatum."""

    id: Id
    plan: Id | None = None  # an action plan ...
    programme: Id | None = None  # ... or a programme (its targets)
    title: Label
    date: dt.date  # the peildatum
    reported_by: Label  # the trekker organisation or the griffie
    interval_months: Count | None = Field(default=None, ge=1, le=60)  # as the report states it
    example: bool = False  # fictitious data to show the feature: marked "VOORBEELD" everywhere
    source: SourceRef | None = None
    stated_by: Label | None = None  # "opgave van <partij>" when there is no document

    @model_validator(mode="after")
    def _one_subject_one_source(self) -> ProgressReport:
        if (self.plan is None) == (self.programme is None):
            raise ValueError(_(
                "een voortgangsrapportage hoort bij precies één plan (plan) of één programma (programme)"))
        if (self.source is None) == (self.stated_by is None):
            raise ValueError(_("een voortgangsrapportage heeft een bron (source) of een opgave van een partij "
                               "(stated_by), precies één van de twee"))
        return self


class ProgressEntry(Strict):
    """What one report says about one action."""

    id: Id
    report: Id
    action: Id
    status: ProgressStatus
    explanation: Text | None = None
    spent: Cost  # realised spend so far: an amount, n.v.t. or n.n.b.
    planning_text: Text | None = None  # revised planning, exactly as written
    planning_source: SourceRef | None = None
    reported_late: bool = False  # the report says the work is behind (counts for recurring actions)
    source: SourceRef | None = None

    @model_validator(mode="after")
    def _explained(self) -> ProgressEntry:
        if needs_explanation(self.status) and self.explanation is None:
            raise ValueError(_("status '{status}' vraagt een toelichting (explanation)").format(
                status=status_label(self.status)))
        if self.planning_source is not None and self.planning_text is None:
            raise ValueError(_("een bron voor de planning (planning_source) zonder herziene planning (planning_text)"))
        return self


class Measurement(Strict):
    """A measured value of a measurable target (a focus point's target, by its position)."""

    id: Id
    focus_point: Id
    target: Count = Field(default=0, ge=0)  # index in the focus point's targets
    value: float = Field(allow_inf_nan=False, ge=-1e12, le=1e12)
    unit: Label | None = None
    date: dt.date | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    measured_by: Label  # e.g. "Veiligheidsmonitor 2025", "Leefbarometer"
    note: Text | None = None
    example: bool = False
    source: SourceRef | None = None

    @model_validator(mode="after")
    def _when(self) -> Measurement:
        if (self.date is None) == (self.year is None):
            raise ValueError(_("een meting heeft een datum (date) of een jaar (year), precies één van de twee"))
        return self


class Evaluation(Strict):
    """A review of a plan: the terugblik after six months, a yearly evaluation."""

    id: Id
    plan: Id
    date: dt.date
    title: Label
    summary: Text | None = None
    reference: Label | None = None  # the evaluation document as it is named
    example: bool = False
    source: SourceRef | None = None
    stated_by: Label | None = None

    @model_validator(mode="after")
    def _sourced(self) -> Evaluation:
        if (self.source is None) == (self.stated_by is None):
            raise ValueError(_("een evaluatie heeft een bron (source) of een opgave van een partij "
                               "(stated_by), precies één van de twee"))
        return self

"""Checks across records and files: references, numbering, sums, and quotes against the sources."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from velsen_desk.core.formatting import format_euro
from velsen_desk.core.i18n import N_, _
from velsen_desk.core.money import CostStatus, CostValue, sum_costs
from velsen_desk.core.text import squash
from velsen_desk.curation.fidelity import fidelity_findings
from velsen_desk.curation.figures import figure_findings
from velsen_desk.curation.file_text import missing_message, read_data_text
from velsen_desk.curation.problems import Problem
from velsen_desk.curation.progress_checks import progress_findings
from velsen_desk.curation.quote_index import QuoteIndex
from velsen_desk.curation.schema import Cost

if TYPE_CHECKING:
    from velsen_desk.curation.loader import DataSet

# The bundled source texts are at most 100 KB; a source is a document's extracted text, not a book.
# Every quote is searched in its source: 8,000 quotes (about what a full data set can hold) took
# 1.0 s against 1 MB of text on this machine, so 2 MB keeps the check within a few seconds.
MAX_SOURCE_BYTES = 2 * 1024 * 1024

# (collection, field) -> collection the field must name a record of.
REFERENCES: dict[tuple[str, str], str] = {
    ("programmes", "municipality"): "municipalities",
    ("documents", "programme"): "programmes",
    ("memberships", "person"): "people",
    ("memberships", "programme"): "programmes",
    ("domains", "programme"): "programmes",
    ("portfolio_items", "programme"): "programmes",
    ("portfolio_items", "person"): "people",
    ("portfolio_items", "domain"): "domains",
    ("memberships", "empty_certain"): "domains",
    ("remarks", "programme"): "programmes",
    ("aandachtsvelden", "document"): "documents",
    ("themes", "aandachtsveld"): "aandachtsvelden",
    ("themes", "regie"): "people",
    ("chapters", "document"): "documents",
    ("chapters", "aandachtsveld"): "aandachtsvelden",
    ("chapters", "themes"): "themes",
    ("focus_points", "chapter"): "chapters",
    ("opgaven", "document"): "documents",
    ("speerpunten", "opgave"): "opgaven",
    ("impulsprojecten", "document"): "documents",
    ("core_values", "document"): "documents",
    ("topic_categories", "document"): "documents",
    ("agreements", "document"): "documents",
    ("action_plans", "document"): "documents",
    ("focusopgaven", "plan"): "action_plans",
    ("actions", "plan"): "action_plans",
    ("actions", "focusopgave"): "focusopgaven",
    ("budgets", "programme"): "programmes",
    ("budgets", "document"): "documents",
    ("budgets", "focus_point"): "focus_points",
    ("budget_lines", "budget"): "budgets",
    ("fundings", "action"): "actions",
    ("fundings", "budget"): "budgets",
    ("fundings", "budget_line"): "budget_lines",
    ("theme_links", "theme"): "themes",
    ("theme_links", "plan"): "action_plans",
    ("theme_links", "action"): "actions",
    ("perspectives", "plan"): "action_plans",
}

_NOUNS = {  # translated when a message is made (core/i18n.py)
    "municipalities": N_("gemeente"), "programmes": N_("programma"), "documents": N_("document"),
    "people": N_("persoon"), "domains": N_("domein"), "aandachtsvelden": N_("aandachtsveld"),
    "themes": N_("thema"), "chapters": N_("hoofdstuk"), "opgaven": N_("opgave"), "action_plans": N_("actieplan"),
    "focusopgaven": N_("focusopgave"), "actions": N_("actie"), "budgets": N_("budget"),
    "budget_lines": N_("begrotingsregel"),
}


class _Reporter:
    def __init__(self, dataset: DataSet):
        self.dataset = dataset
        self.problems: list[Problem] = []

    def add(self, record: Any, field: str, message: str) -> None:
        path, line, where = self.dataset.origin.get(record.id, (Path("?"), None, ""))
        self.problems.append(Problem(path, line, f"{where}.{field}" if field else where, message))


def _records(dataset: DataSet) -> Iterator[tuple[str, Any]]:
    for name, records in dataset.collections.items():
        for record in records:
            yield name, record


def _as_value(cost: Cost) -> CostValue:
    return CostValue(cost.status, cost.amount, cost.text, cost.qualifier)


def check_dataset(dataset: DataSet, sources: Path) -> list[Problem]:
    report = _Reporter(dataset)
    # Every collection's model has an ``id`` (the schema's records); BaseModel does not say so.
    ids = {name: {r.id for r in records} for name, records in dataset.collections.items()}  # type: ignore[attr-defined]
    _check_references(dataset, ids, report)
    _check_numbering(dataset, report)
    _check_sums(dataset, report)
    _check_memberships(dataset, report)
    texts = _check_quotes(dataset, sources, report)
    for finding in [*fidelity_findings(dataset, texts), *figure_findings(dataset, texts)]:
        report.add(finding.record, finding.field, finding.message)
    for record, field, message in progress_findings(dataset, texts):
        report.add(record, field, message)
    return report.problems


def _check_references(dataset: DataSet, ids: dict[str, set[str]], report: _Reporter) -> None:
    for (collection, field), target in REFERENCES.items():
        for record in dataset.collections[collection]:
            value = getattr(record, field)
            for ref in value if isinstance(value, list) else [value]:
                if ref is not None and ref not in ids[target]:
                    noun = _(_NOUNS[target]) if target in _NOUNS else target
                    report.add(record, field, _("onbekende {noun} '{ref}'").format(noun=noun, ref=ref))
    documents = ids["documents"]
    for _collection, record in _records(dataset):
        source = getattr(record, "source", None)
        if source is not None and source.doc not in documents:
            report.add(record, "source.doc", _(
                "bronverwijzing naar onbekend document '{doc}'"
            ).format(doc=source.doc))


def _duplicates(records: list[Any], key: Any) -> Iterator[tuple[Any, Any]]:
    seen: dict[Any, Any] = {}
    for record in records:
        k = key(record)
        if k[-1] is None:
            continue
        if k in seen:
            yield record, seen[k]
        else:
            seen[k] = record


def _check_numbering(dataset: DataSet, report: _Reporter) -> None:
    document_of = {a.id: a.document for a in dataset.aandachtsvelden}
    rules = [
        ("themes", lambda t: (document_of.get(t.aandachtsveld), t.number), _("themanummer")),
        ("actions", lambda a: (a.plan, a.number), _("actienummer")),
        ("focusopgaven", lambda f: (f.plan, f.number), _("nummer van de focusopgave")),
        ("budget_lines", lambda b: (b.budget, b.number), _("regelnummer")),
        ("chapters", lambda c: (c.document, c.number), _("hoofdstuknummer")),
        ("opgaven", lambda o: (o.document, o.number), _("opgavenummer")),
    ]
    for collection, key, noun in rules:
        for record, first in _duplicates(dataset.collections[collection], key):
            report.add(record, "number", _(
                "{noun} {number} komt twee keer voor (ook bij '{id}')"
            ).format(noun=noun, number=record.number, id=first.id))


def _check_sums(dataset: DataSet, report: _Reporter) -> None:
    by_focus: dict[str, list[CostValue]] = defaultdict(list)
    by_plan: dict[str, list[CostValue]] = defaultdict(list)
    for action in dataset.actions:
        by_plan[action.plan].append(_as_value(action.cost))
        if action.focusopgave:
            by_focus[action.focusopgave].append(_as_value(action.cost))
    by_budget: dict[str, list[CostValue]] = defaultdict(list)
    for line in dataset.budget_lines:
        by_budget[line.budget].append(_as_value(line.cost))

    def compare(record: Any, field: str, documented: Cost | None, costs: list[CostValue], what: str) -> None:
        if documented is None or documented.status is not CostStatus.AMOUNT:
            return
        computed = sum_costs(costs)
        if computed.known != documented.amount:
            report.add(
                record, field,
                _(
                    "{what} in het document is {documented}, maar de som van de regels is {computed}"
                ).format(what=what, documented=format_euro(documented.amount or 0),
                         computed=format_euro(computed.known)),
            )

    for focus in dataset.focusopgaven:
        compare(focus, "subtotal_documented", focus.subtotal_documented, by_focus[focus.id], _("subtotaal"))
    for plan in dataset.action_plans:
        compare(plan, "total_documented", plan.total_documented, by_plan[plan.id], _("totaal"))
    filled = {(i.person, i.domain) for i in dataset.portfolio_items}
    for membership in dataset.memberships:  # a cell said to be empty must be empty
        for domain in membership.empty_certain:
            if (membership.person, domain) in filled:
                report.add(membership, "empty_certain", _("'{person}' heeft een portefeuille in '{domain}'").format(
                    person=membership.person, domain=domain))
    for budget in dataset.budgets:
        compare(budget, "total_documented", budget.total_documented, by_budget[budget.id], _("totaal"))


def _check_memberships(dataset: DataSet, report: _Reporter) -> None:
    """A regie holder or portfolio holder must sit in that programme's college."""
    members = {(m.programme, m.person) for m in dataset.memberships}
    people = {p.id for p in dataset.people}  # unknown people are reported as references already
    programme_of_document = {d.id: d.programme for d in dataset.documents}
    document_of_veld = {a.id: a.document for a in dataset.aandachtsvelden}
    for theme in dataset.themes:
        programme = programme_of_document.get(document_of_veld.get(theme.aandachtsveld, ""), None)
        if theme.regie in people and programme and (programme, theme.regie) not in members:
            report.add(theme, "regie", _(
                "'{regie}' is geen collegelid in programma '{programme}'"
            ).format(regie=theme.regie, programme=programme))
    for item in dataset.portfolio_items:
        if item.person in people and (item.programme, item.person) not in members:
            report.add(item, "person", _(
                "'{person}' is geen collegelid in programma '{programme}'"
            ).format(person=item.person, programme=item.programme))
    for budget in dataset.budgets:  # a budget's document must be one of its own programme's
        owner = programme_of_document.get(budget.document or "")
        if owner is not None and owner != budget.programme:
            report.add(budget, "document", _(
                "document '{document}' hoort bij programma '{owner}', niet bij '{programme}'"
            ).format(document=budget.document, owner=owner, programme=budget.programme))
    # and its focus point too: a budget shows on its focus point only among its own programme's
    # chapters, so another programme's point would hide it from every view and report
    document_of_chapter = {c.id: c.document for c in dataset.chapters}
    chapter_of_point = {f.id: f.chapter for f in dataset.focus_points}
    for budget in dataset.budgets:
        chapter = chapter_of_point.get(budget.focus_point or "", "")
        owner = programme_of_document.get(document_of_chapter.get(chapter, ""))
        if owner is not None and owner != budget.programme:
            report.add(budget, "focus_point", _(
                "focuspunt '{focus_point}' hoort bij programma '{owner}', niet bij '{programme}'"
            ).format(focus_point=budget.focus_point, owner=owner, programme=budget.programme))


_COST_FIELDS = ("cost", "amount", "total_documented", "subtotal_documented")


def _cost_fields(model: type[BaseModel]) -> tuple[str, ...] | None:
    """The cost fields of a kind of record that cites a source, None for one that cannot: asking
    a pydantic record for a field it lacks raises inside, ~0.4 s at 100x the bundled data."""
    fields = model.model_fields
    return tuple(name for name in _COST_FIELDS if name in fields) if "source" in fields else None


def _check_quotes(dataset: DataSet, sources: Path, report: _Reporter) -> dict[str, str | None]:
    """Every quote, and every printed cost text, must occur in the cited document's text.

    Returns each document's squashed text (None where there is none) for the fidelity checks.
    """
    texts: dict[str, str | None] = {}
    unreadable: set[str] = set()
    for document in dataset.documents:
        if document.source_file is None:
            texts[document.id] = None
            continue
        path = sources / document.source_file
        text = read_data_text(path, limit=MAX_SOURCE_BYTES)
        if isinstance(text, Problem):
            if text.message == missing_message():
                message = _(
                    "brontekst '{source_file}' niet gevonden in {sources}"
                ).format(source_file=document.source_file, sources=sources)
            else:
                message = f"brontekst '{document.source_file}': {text.message}"
            report.add(document, "source_file", message)
            unreadable.add(document.id)  # reported once here, not again at every quote
            texts[document.id] = None
        else:
            texts[document.id] = squash(text)

    # Each document's text indexed once: a quote check per record through the whole text grew
    # with quotes x text length (docs/scale-baseline.md).
    indexes = {doc: QuoteIndex(text) for doc, text in texts.items() if text is not None}
    # a collection holds one kind of record (the data file's schema says which)
    fields_of = {name: _cost_fields(type(records[0])) for name, records in dataset.collections.items() if records}
    for collection, record in _records(dataset):
        cost_fields = fields_of[collection]
        source = record.source if cost_fields is not None else None
        if source is None or source.doc not in texts or source.doc in unreadable:
            continue
        source_text = indexes.get(source.doc)
        if source.quote is not None:
            if source_text is None:
                message = _(
                    "document '{doc}' heeft geen brontekst om het citaat in te controleren"
                ).format(doc=source.doc)
                report.add(record, "source.quote", message)
            elif squash(source.quote) not in source_text:
                report.add(record, "source.quote", _("citaat komt niet voor in de brontekst"))
        if source_text is None:
            continue
        for field in cost_fields or ():
            cost = getattr(record, field)
            if isinstance(cost, Cost) and squash(cost.text) not in source_text:
                report.add(record, f"{field}.text", _(
                    "bedragtekst '{text}' komt niet voor in de brontekst"
                ).format(text=cost.text))
    return texts

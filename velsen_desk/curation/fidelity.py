"""Checks that a record's quote proves the value it carries, and that targets mean what they say.

The quote check in :mod:`checks` only asks whether a quote occurs in the cited document. A quote
can occur there and still prove nothing about its record (a membership quoting the heading of
a table, a theme quoting its name cell but not its regie cell). These checks ask whether the
quote *contains* the record's value: per record kind, the fields listed in :data:`QUOTED_FIELDS`.

Values are compared with the quote check's normalisation (:func:`squash`: no whitespace, unified
quote marks) and case-insensitively, because a name stored as "Fysieke leefomgeving" is the same
value as the printed "Domein fysieke leefomgeving". Amounts are found as printed ("€25.000",
"€ 25.000") or in Dutch notation without the euro sign ("25.000").

Where a defect needs a change of the data model to be fixed, the record is listed in
:data:`ALLOWED` with the reason (see docs/fidelity-audit.md); an entry that no longer matches a
problem is itself reported, so the list cannot silently outlive its reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from velsen_desk.core.i18n import _
from velsen_desk.core.money import CostStatus
from velsen_desk.core.text import squash
from velsen_desk.curation.schema import Cost, Target

if TYPE_CHECKING:
    from velsen_desk.curation.loader import DataSet


@dataclass(frozen=True)
class Finding:
    """A fidelity problem of one record; ``rule`` names the check for the allow-list."""

    record: Any
    field: str
    rule: str
    message: str


# (record id, rule) -> why the defect is accepted until the model can express the fact.
# Keep this short: every entry is a known defect of the bundled data. See docs/fidelity-audit.md.
ALLOWED: dict[tuple[str, str], str] = {}

_FIRST_NAME = re.compile(r"^\S+")

# Dutch number words as they are printed in targets ("drie toekomstscenario's", "geen enkel kind").
_NUMBER_WORDS: dict[int, tuple[str, ...]] = {
    0: ("nul", "geen"),
    1: ("één", "eén"),  # not "een": the article would match almost any text
    2: ("twee",),
    3: ("drie",),
    4: ("vier",),
    5: ("vijf",),
    6: ("zes",),
    7: ("zeven",),
    8: ("acht",),
    9: ("negen",),
    10: ("tien",),
    12: ("twaalf",),
}

# A year after one of these is when something starts, not when a target is to be met.
_START_YEAR = re.compile(
    r"(?:vanaf|sinds|per|met ingang van|start(?:en|t)?(?: in)?|beginnen in|begint in)\s+(?:\S+\s+){0,2}?"
    r"(?P<year>(?:19|20)\d\d)\b"
    r"|in\s+(?P<year2>(?:19|20)\d\d)\s+(?:starten|start|beginnen|begint)\b",
    re.IGNORECASE,
)
_QUALIFIERS = re.compile(
    r"\b(minimaal|ten minste|tenminste|maximaal|minstens|hooguit|circa|ongeveer|binnen)\b", re.IGNORECASE
)
# The printed word -> the value of ``Target.qualifier`` that says the same.
_QUALIFIER_VALUE = {
    "minimaal": "minimaal", "ten minste": "minimaal", "tenminste": "minimaal", "minstens": "minimaal",
    "maximaal": "maximaal", "hooguit": "maximaal", "circa": "circa", "ongeveer": "circa", "binnen": "binnen",
}


def _norm(text: str) -> str:
    return squash(text).casefold()


def _dutch_amount(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def _cost_alternatives(cost: Cost) -> list[str]:
    options = [cost.text]
    if cost.status is CostStatus.AMOUNT and cost.amount is not None:
        options.append(_dutch_amount(cost.amount))
    return options


# A required value: the field it comes from and the ways it may be printed.
Required = tuple[str, list[str]]


# The people of the data set by id: what a record's required values may name (a membership's
# person, a theme's regie holder). Looked up per record; searching the list was ~0.1 s at 100x.
People = Mapping[str, Any]
RequiredOf = Callable[[Any, People], list[Required]]


def _name(field: str) -> RequiredOf:
    return lambda record, _people: [(field, [getattr(record, field)])]


_ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende")


def _membership(record: Any, people: People) -> list[Required]:
    required: list[Required] = []
    person = people.get(record.person)  # None: reported as a reference
    if person is not None:
        required.append(("person", [person.name]))
    if record.role is not None:
        required.append(("role", [record.role.value]))  # "burgemeester" / "wethouder" as printed
    if record.party:
        required.append(("party", [record.party]))
    if record.locoburgemeester_order is not None:
        required.append(
            ("locoburgemeester_order", [f"{_ORDINALS[record.locoburgemeester_order - 1]} locoburgemeester"])
        )
    return required


def _portfolio_item(record: Any, _people: People) -> list[Required]:
    required: list[Required] = [("name", [record.name])]
    if record.detail:
        required.append(("detail", [record.detail]))
    return required


def _theme(record: Any, people: People) -> list[Required]:
    required: list[Required] = [("name", [record.name])]
    person = people.get(record.regie)
    if person is not None:
        # The full name, or the regie column's form: theme number and first name ("1. Marianne").
        forms = [person.name]
        first = _FIRST_NAME.match(person.name)
        if first is not None and not first.group(0).endswith("."):
            forms.append(f"{record.number}. {first.group(0)}")
        required.append(("regie", forms))
    return required


def _costed(title_field: str | None, cost_field: str) -> RequiredOf:
    def required(record: Any, _people: People) -> list[Required]:
        out: list[Required] = []
        if title_field is not None:
            out.append((title_field, [getattr(record, title_field)]))
        cost = getattr(record, cost_field)
        if isinstance(cost, Cost):
            out.append((cost_field, _cost_alternatives(cost)))
        return out

    return required


QUOTED_FIELDS: dict[str, RequiredOf] = {
    "municipalities": _name("name"),
    "people": _name("name"),
    "memberships": _membership,
    "domains": _name("name"),
    "portfolio_items": _portfolio_item,
    "remarks": _name("text"),
    "aandachtsvelden": _name("name"),
    "themes": _theme,
    "chapters": _name("title"),
    "focus_points": _name("text"),  # or the quote is part of the text: see _PART_OF_TEXT
    "opgaven": _name("title"),
    "speerpunten": _name("text"),
    "core_values": _name("name"),
    "topic_categories": lambda record, _people: [("title", [f"Categorie {record.code}. {record.title}"])],
    "agreements": _name("text"),
    "impulsprojecten": lambda record, _people: [("title", [record.title]), ("text", [record.text])],
    "action_plans": _costed(None, "total_documented"),
    "focusopgaven": _name("title"),
    "actions": _costed("title", "cost"),
    "budgets": _costed(None, "amount"),
    "budget_lines": _costed("title", "cost"),
    "fundings": _costed(None, "amount"),
    "perspectives": _name("title"),
}
"""Per record kind, the fields whose value the record's own quote must contain."""

# Kinds whose value is a running text that the PDF's columns may split: the quote may instead be
# a verbatim part of the text (it then locates the text rather than merely the document).
_PART_OF_TEXT: frozenset[str] = frozenset({"focus_points", "speerpunten"})


def _quote_findings(dataset: DataSet) -> Iterator[Finding]:
    people = {person.id: person for person in dataset.people}
    for collection, required_of in QUOTED_FIELDS.items():
        for record in dataset.collections[collection]:
            source = getattr(record, "source", None)
            if source is None or source.quote is None:
                continue
            quote = _norm(source.quote)
            for field, forms in required_of(record, people):
                if collection in _PART_OF_TEXT and any(quote in _norm(form) for form in forms):
                    continue
                if not any(_norm(form) in quote for form in forms):
                    shown = " / ".join(f"'{form}'" for form in forms)
                    yield Finding(
                        record,
                        "source.quote",
                        f"quote-contains-{field}",
                        _(
                            "het citaat bevat de waarde van '{field}' niet ({shown})"
                        ).format(field=field, shown=shown),
                    )


_QUOTED_IN_NOTE = re.compile(r'"([^"]+)"')


def _note_findings(dataset: DataSet, texts: dict[str, str | None]) -> Iterator[Finding]:
    """A curator's note may quote the source ("…"); each quoted part must occur in the cited document.

    Notes say where a table and the running text disagree, so their quotes are evidence too.
    """
    for _collection, records in dataset.collections.items():
        if records and "note" not in type(records[0]).model_fields:
            continue  # a kind without notes (asking each record cost ~0.15 s at 100x)
        for record in records:
            note = getattr(record, "note", None)
            source = getattr(record, "source", None)
            if not note or source is None:
                continue
            text = texts.get(source.doc)
            if text is None:
                continue
            for part in _QUOTED_IN_NOTE.findall(note):
                if squash(part) not in text:
                    yield Finding(
                        record,
                        "note",
                        "note-quote",
                        _('het citaat "{part}" in de notitie komt niet voor in de brontekst').format(part=part),
                    )


# Fields that hold source text verbatim besides the quote: each must occur in the cited document.
VERBATIM_FIELDS: dict[str, tuple[str, ...]] = {
    "actions": ("running_text", "planning_running", "condition", "cost_scope"),
    "fundings": ("funds",),
    "action_plans": ("monitoring_text",),
    "perspectives": ("value_text", "opgaven"),
    "opgaven": ("future_text",),
    "core_values": ("text",),
    "topic_categories": ("text",),
    "agreements": ("question", "group", "text"),
    "portfolio_items": ("row_quote",),
}


def _verbatim_findings(dataset: DataSet, texts: dict[str, str | None]) -> Iterator[Finding]:
    """Text stored as the source's own words must be the source's own words."""
    for collection, fields in VERBATIM_FIELDS.items():
        for record in dataset.collections[collection]:
            source = getattr(record, "source", None)
            text = texts.get(source.doc) if source is not None else None
            if text is None:
                continue
            for field in fields:
                value = getattr(record, field)
                values = value if isinstance(value, list) else [value]  # a list of headings: each verbatim
                if any(v is not None and squash(v) not in text for v in values):
                    yield Finding(
                        record, field, "verbatim", _(
                            "de tekst van '{field}' komt niet letterlijk voor in de brontekst"
                        ).format(field=field)
                    )


def _row_quote_findings(dataset: DataSet) -> Iterator[Finding]:
    """A portfolio item's row quote proves whose item it is: it starts with the member's name, holds
    the item's name, and reaches into no other member's row (no other member's name in it). (The
    item's own quote is checked on its own: a wrong one is reported once, there.)"""
    names = {p.id: p.name for p in dataset.people}
    college: dict[str, set[str]] = {}
    for m in dataset.memberships:
        college.setdefault(m.programme, set()).add(m.person)
    for item in dataset.portfolio_items:
        if item.row_quote is None or item.person not in names:
            continue
        row = _norm(item.row_quote)
        own = _norm(item.name)
        others = [names[p] for p in college.get(item.programme, ()) if p != item.person and p in names]
        if not row.startswith(_norm(names[item.person])):
            yield Finding(item, "row_quote", "row-quote-member",
                          _("het rijcitaat begint niet met de naam van het collegelid ('{name}')").format(
                              name=names[item.person]))
        elif own not in row:
            yield Finding(item, "row_quote", "row-quote-item",
                          _("het rijcitaat bevat de portefeuille niet ('{name}')").format(name=item.name))
        elif any(_norm(other) in row for other in others):
            yield Finding(item, "row_quote", "row-quote-row",
                          "het rijcitaat loopt door in de rij van een ander collegelid")


def _figure_forms(figure: float) -> list[str]:
    if figure != int(figure):
        return [f"{figure}".replace(".", ",")]
    number = int(figure)
    return [str(number), _dutch_amount(number), *_NUMBER_WORDS.get(number, ())]


def _has_word(text: str, word: str) -> bool:
    if word.isdigit() or "." in word:
        return re.search(rf"(?<![\d.]){re.escape(word)}(?![\d])", text) is not None
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def target_findings(record: Any, index: int, target: Target, document_text: str | None) -> Iterator[Finding]:
    """What is wrong with one target of a focus point: text, figure, year and qualifier."""
    where = f"targets[{index}]"
    if document_text is not None and squash(target.text) not in document_text:
        yield Finding(record, f"{where}.text", "target-text", _("de tekst van het doel komt niet voor in de brontekst"))
    if target.figure is not None and not any(_has_word(target.text, f) for f in _figure_forms(target.figure)):
        yield Finding(
            record,
            f"{where}.figure",
            "target-figure",
            _("het getal {figure:g} staat niet in de tekst van het doel").format(figure=target.figure),
        )
    if target.year is not None:
        year = str(target.year)
        if not _has_word(target.text, year):
            yield Finding(
                record, f"{where}.year", "target-year", _(
                    "het jaar {year} staat niet in de tekst van het doel"
                ).format(year=year)
            )
        else:
            starts = {m.group("year") or m.group("year2") for m in _START_YEAR.finditer(target.text)}
            if year in starts:
                yield Finding(
                    record,
                    f"{where}.year",
                    "target-start-year",
                    _(
                        "{year} is in de tekst een beginjaar ('vanaf', 'sinds', 'start'), geen jaar waarin het "
                        "doel gehaald moet zijn"
                    ).format(year=year),
                )
    starts = {m.group("year") or m.group("year2") for m in _START_YEAR.finditer(target.text)}
    if target.start_year is None and starts - {str(target.year)}:
        yield Finding(
            record,
            f"{where}.start_year",
            "target-start-year-missing",
            _(
                "het doel begint volgens de tekst in {year}, maar 'start_year' is leeg"
            ).format(year=min(starts - {str(target.year)})),
        )
    if target.start_year is not None and str(target.start_year) not in starts:
        yield Finding(
            record,
            f"{where}.start_year",
            "target-start-year-text",
            _(
                "de tekst van het doel noemt {start_year} niet als beginjaar ('vanaf', 'sinds', 'start')"
            ).format(start_year=target.start_year),
        )
    yield from _qualifier_findings(record, where, target)


def _qualifier_findings(record: Any, where: str, target: Target) -> Iterator[Finding]:
    """A bound on the figure ("minimaal drie jaar") is stored, and only when the text says it."""
    printed = _QUALIFIERS.search(target.text)
    if printed is not None and target.qualifier is None:
        yield Finding(
            record,
            f"{where}.qualifier",
            "target-qualifier",
            _("het doel zegt '{value}', maar 'qualifier' is leeg").format(value=printed.group(1)),
        )
    if target.qualifier is None:
        return
    if target.qualifier == "tot":  # "tot" is also a preposition: only its presence can be checked
        said = _has_word(target.text, "tot")
    else:
        said = printed is not None and _QUALIFIER_VALUE[printed.group(1).lower()] == target.qualifier
    if not said:
        yield Finding(
            record,
            f"{where}.qualifier",
            "target-qualifier-text",
            _("de tekst van het doel zegt niet '{qualifier}'").format(qualifier=target.qualifier),
        )


def _target_findings(dataset: DataSet, texts: dict[str, str | None]) -> Iterator[Finding]:
    document_of_chapter = {c.id: c.document for c in dataset.chapters}
    for point in dataset.focus_points:
        text = texts.get(point.source.doc)
        if document_of_chapter.get(point.chapter) not in (None, point.source.doc):
            text = None  # the target's document is not the one the quote cites; only the quote is checked
        for index, target in enumerate(point.targets):
            yield from target_findings(point, index, target, text)


def fidelity_findings(
    dataset: DataSet, texts: dict[str, str | None], allowed: dict[tuple[str, str], str] | None = None
) -> list[Finding]:
    """Every finding not on the allow-list, plus allow-list entries that no longer match one."""
    allowed = ALLOWED if allowed is None else allowed
    found = [*_quote_findings(dataset), *_target_findings(dataset, texts), *_note_findings(dataset, texts),
             *_verbatim_findings(dataset, texts), *_row_quote_findings(dataset)]
    used: set[tuple[str, str]] = set()
    result: list[Finding] = []
    for finding in found:
        key = (finding.record.id, finding.rule)
        if key in allowed:
            used.add(key)
        else:
            result.append(finding)
    records = {getattr(r, "id", None): r for records in dataset.collections.values() for r in records}
    for key in allowed.keys() - used:
        record = records.get(key[0])
        if record is not None:
            result.append(
                Finding(
                    record,
                    "",
                    "allow-list",
                    _(
                        "staat op de uitzonderingslijst voor '{value}', maar dat probleem is er niet (meer)"
                    ).format(value=key[1]),
                )
            )
    return result

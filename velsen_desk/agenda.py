"""Read service for the Strategische Agenda: opgaven with their speerpunten (Qt-free).

Frozen dataclasses out, like :mod:`velsen_desk.queries`; the caller owns the session.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from velsen_desk import models as m
from velsen_desk.queries import SourceInfo

# Speerpunt.kind values as they appear in the data, with their Dutch headings.
KIND_LABELS = {
    "speerpunt": "Speerpunten",
    "wat_we_al_doen": "Wat we al doen",
    "wat_we_kunnen_doen": "Wat we kunnen doen",
}


@dataclass(frozen=True)
class SpeerpuntInfo:
    id: str
    order: int
    kind: str
    text: str
    source: SourceInfo


@dataclass(frozen=True)
class OpgaveInfo:
    id: str
    number: int | None
    title: str
    summary: str | None
    document_title: str
    speerpunten: tuple[SpeerpuntInfo, ...]
    source: SourceInfo

    def of_kind(self, kind: str) -> tuple[SpeerpuntInfo, ...]:
        return tuple(s for s in self.speerpunten if s.kind == kind)


def _source(documents: dict[str, m.Document], row: m.Sourced) -> SourceInfo:
    document = documents.get(row.source_doc_id)
    return SourceInfo(
        row.source_doc_id, document.title if document else row.source_doc_id, row.source_quote, row.source_section
    )


def opgaven(session: Session, programme_id: str) -> list[OpgaveInfo]:
    """The opgaven of a programme in document order, each with its speerpunten."""
    documents = {d.id: d for d in session.scalars(select(m.Document))}
    rows = session.scalars(
        select(m.Opgave)
        .join(m.Document, m.Document.id == m.Opgave.document_id)
        .where(m.Document.programme_id == programme_id)
        .order_by(m.Opgave.number, literal_column("opgaven.rowid"))
    ).all()
    points: dict[str, list[SpeerpuntInfo]] = defaultdict(list)
    if rows:
        for s in session.scalars(
            select(m.Speerpunt)
            .where(m.Speerpunt.opgave_id.in_([r.id for r in rows]))
            .order_by(m.Speerpunt.opgave_id, m.Speerpunt.order)
        ):
            points[s.opgave_id].append(SpeerpuntInfo(s.id, s.order, s.kind, s.text, _source(documents, s)))
    return [
        OpgaveInfo(
            o.id, o.number, o.title, o.summary, documents[o.document_id].title, tuple(points[o.id]),
            _source(documents, o),
        )
        for o in rows
    ]

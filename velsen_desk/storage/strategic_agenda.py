"""Read service for the Strategische Agenda: opgaven with their speerpunten (Qt-free).

Frozen dataclasses out (:mod:`velsen_desk.core.records`), like :mod:`velsen_desk.storage.queries`; the caller
owns the session.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from velsen_desk.core.records import SPEERPUNT_SECTIONS, OpgaveInfo, SourceInfo, SpeerpuntInfo  # noqa: F401
from velsen_desk.storage import tables as m


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

"""Everything a report shows, read in one unit of work into frozen dataclasses.

Sections render from a ``ReportData``, never from a session, so a report can be laid out in a
worker thread after the session is closed, and the benchmark can feed synthetic data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from velsen_desk.storage import queries as q


@dataclass(frozen=True)
class ThemeBlock:
    theme: q.ThemeInfo
    chapters: tuple[q.ChapterInfo, ...]
    links: tuple[q.ThemeLinkInfo, ...]


@dataclass(frozen=True)
class ReportData:
    programme: q.ProgrammeInfo
    data_version: str | None
    documents: tuple[q.DocumentInfo, ...]
    velden: tuple[q.AandachtsveldInfo, ...]
    themes: tuple[ThemeBlock, ...]  # every theme, in number order
    matrix: q.PortfolioMatrix
    plans: tuple[q.ActionPlanInfo, ...]
    generated: dt.date

    def document(self, document_id: str) -> q.DocumentInfo | None:
        return next((d for d in self.documents if d.id == document_id), None)

    def is_concept(self, document_id: str) -> bool:
        document = self.document(document_id)
        return document is not None and (document.status or "").lower() == "concept"

    def theme(self, theme_id: str) -> q.ThemeInfo | None:
        return next((b.theme for b in self.themes if b.theme.id == theme_id), None)

    @property
    def actions(self) -> tuple[q.ActionInfo, ...]:
        return tuple(a for plan in self.plans for a in plan.actions)


def load_report_data(session: Session, programme: q.ProgrammeInfo, generated: dt.date) -> ReportData:
    velden = tuple(q.theme_tree(session, programme.id))
    by_theme = q.chapters_by_theme(q.chapters_for_programme(session, programme.id))
    blocks = tuple(
        ThemeBlock(theme, by_theme.get(theme.id, ()), tuple(q.theme_links(session, theme.id)))
        for veld in velden
        for theme in veld.themes
    )
    return ReportData(
        programme=programme,
        data_version=q.summary(session).data_version,
        documents=tuple(q.documents(session, programme.id)),
        velden=velden,
        themes=blocks,
        matrix=q.portfolio_matrix(session, programme.id),
        plans=tuple(q.action_plans(session, programme.id)),
        generated=generated,
    )

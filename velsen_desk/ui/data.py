"""What the window shows for one programme, read in one unit of work (Qt-free).

``load_catalog`` and ``load_programme`` run in a worker thread (see :mod:`velsen_desk.ui.tasks`);
they touch no widget and return frozen dataclasses only, so the result may cross threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from velsen_desk import agenda
from velsen_desk import queries as q


@dataclass(frozen=True)
class Catalog:
    """The programmes in the database and the data version: enough to fill the selectors."""

    summary: q.DataSummary
    programmes: tuple[q.ProgrammeInfo, ...]

    def programme(self, programme_id: str) -> q.ProgrammeInfo | None:
        return next((p for p in self.programmes if p.id == programme_id), None)


@dataclass(frozen=True)
class ProgrammeData:
    programme: q.ProgrammeInfo
    documents: tuple[q.DocumentInfo, ...]
    college: tuple[q.PersonInfo, ...]
    velden: tuple[q.AandachtsveldInfo, ...]
    chapters: tuple[q.ChapterInfo, ...]
    theme_chapters: dict[str, tuple[q.ChapterInfo, ...]] = field(default_factory=dict)
    theme_links: dict[str, tuple[q.ThemeLinkInfo, ...]] = field(default_factory=dict)
    plans: tuple[q.ActionPlanInfo, ...] = ()
    matrix: q.PortfolioMatrix | None = None
    opgaven: tuple[agenda.OpgaveInfo, ...] = ()

    # ---- lookups (cheap, on the GUI thread) ----------------------------------------------------

    @property
    def themes(self) -> tuple[q.ThemeInfo, ...]:
        return tuple(t for v in self.velden for t in v.themes)

    def theme(self, theme_id: str) -> q.ThemeInfo | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def person(self, person_id: str | None) -> q.PersonInfo | None:
        return next((p for p in self.college if p.id == person_id), None)

    def regie_theme_ids(self, person_id: str | None) -> frozenset[str]:
        if person_id is None:
            return frozenset()
        return frozenset(t.id for t in self.themes if t.regie and t.regie.id == person_id)

    def action(self, action_id: str) -> q.ActionInfo | None:
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


def load_catalog(session: Session) -> Catalog:
    """Runs in a worker; touches no widget."""
    return Catalog(q.summary(session), tuple(q.programmes(session)))


def load_programme(session: Session, programme: q.ProgrammeInfo) -> ProgrammeData:
    """Everything the four tabs show for one programme. Runs in a worker; touches no widget."""
    pid = programme.id
    velden = tuple(q.theme_tree(session, pid))
    themes = [t for v in velden for t in v.themes]
    chapters = tuple(q.chapters_for_programme(session, pid))
    by_theme = q.chapters_by_theme(chapters)
    return ProgrammeData(
        programme=programme,
        documents=tuple(q.documents(session, pid)),
        college=tuple(q.college(session, pid)),
        velden=velden,
        chapters=chapters,
        theme_chapters={t.id: by_theme.get(t.id, ()) for t in themes},
        theme_links={t.id: tuple(q.theme_links(session, t.id)) for t in themes},
        plans=tuple(q.action_plans(session, pid)),
        matrix=q.portfolio_matrix(session, pid),
        opgaven=tuple(agenda.opgaven(session, pid)),
    )

"""Read services over the database: plain frozen dataclasses out, no ORM objects, no Qt.

Each function takes a session (one unit of work); the caller owns it. The results
(:mod:`velsen_desk.core.records`, re-exported here) are safe to hand across threads and to the views.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from velsen_desk.core.money import CostValue, Reconciliation, sum_costs
from velsen_desk.core.records import (  # noqa: F401  (re-exported: callers read the types from here too)
    AandachtsveldInfo,
    ActionInfo,
    ActionPlanInfo,
    BudgetInfo,
    BudgetLineInfo,
    Catalog,
    ChapterInfo,
    DataSummary,
    DocumentInfo,
    DomainInfo,
    FocusopgaveInfo,
    FocusPointInfo,
    FundingInfo,
    PersonInfo,
    PhaseInfo,
    PortfolioItemInfo,
    PortfolioMatrix,
    ProgrammeData,
    ProgrammeInfo,
    SourceInfo,
    TargetInfo,
    ThemeInfo,
    ThemeLinkInfo,
    cost_of_actions,
)
from velsen_desk.storage import strategic_agenda as agenda
from velsen_desk.storage import tables as m

# ---- helpers -------------------------------------------------------------------------------


def _cost(status: str | None, amount: int | None, text: str | None, qualifier: str | None = None) -> CostValue | None:
    if status is None or text is None:
        return None
    return CostValue(status, amount, text, qualifier)


class _Lookup:
    """Small tables read once per unit of work."""

    def __init__(self, session: Session):
        self.session = session
        self.documents = {d.id: d for d in session.scalars(select(m.Document))}
        self.people = {p.id: p for p in session.scalars(select(m.Person))}

    def source(self, row: m.Sourced) -> SourceInfo:
        document = self.documents.get(row.source_doc_id)
        return SourceInfo(
            row.source_doc_id, document.title if document else row.source_doc_id, row.source_quote, row.source_section
        )

    def person(self, person_id: str, programme_id: str | None) -> PersonInfo:
        person = self.people[person_id]
        membership = None
        if programme_id is not None:
            membership = self.session.scalars(
                select(m.Membership).where(
                    m.Membership.person_id == person_id, m.Membership.programme_id == programme_id
                )
            ).first()
        return PersonInfo(
            person.id, person.name,
            membership.role if membership else None,
            membership.party if membership else None,
            membership.locoburgemeester_order if membership else None,
            self.source(person),
        )

    def document(self, document_id: str) -> DocumentInfo:
        d = self.documents[document_id]
        return DocumentInfo(d.id, d.kind, d.title, d.date, d.date_text, d.status, d.status_text, d.note)


# ---- public API ----------------------------------------------------------------------------


def summary(session: Session) -> DataSummary:
    meta = {row.key: row.value for row in session.scalars(select(m.Meta))}
    return DataSummary(meta.get("data_version"), meta.get("schema_version"))


def programmes(session: Session) -> list[ProgrammeInfo]:
    rows = session.execute(
        select(m.Programme, m.Municipality.name).join(m.Municipality).order_by(m.Programme.order, m.Programme.id)
    ).all()
    with_domains = set(session.scalars(select(m.Domain.programme_id)))
    theme_docs = set(session.scalars(select(m.Aandachtsveld.document_id)))
    plan_docs = set(session.scalars(select(m.ActionPlan.document_id)))
    doc_programme = {doc_id: prog for doc_id, prog in session.execute(select(m.Document.id, m.Document.programme_id))}
    return [
        ProgrammeInfo(
            p.id, p.title, name, p.period_start, p.period_end, p.id in with_domains,
            any(doc_programme.get(d) == p.id for d in theme_docs),
            any(doc_programme.get(d) == p.id for d in plan_docs),
        )
        for p, name in rows
    ]


def documents(session: Session, programme_id: str) -> list[DocumentInfo]:
    lookup = _Lookup(session)
    return [lookup.document(d.id) for d in lookup.documents.values() if d.programme_id == programme_id]


def college(session: Session, programme_id: str) -> list[PersonInfo]:
    lookup = _Lookup(session)
    rows = session.scalars(
        select(m.Membership).where(m.Membership.programme_id == programme_id).order_by(m.Membership.order)
    )
    return [lookup.person(row.person_id, programme_id) for row in rows]


def _theme_info(lookup: _Lookup, theme: m.Theme, veld: m.Aandachtsveld, programme_id: str | None) -> ThemeInfo:
    regie = lookup.person(theme.regie_id, programme_id) if theme.regie_id else None
    return ThemeInfo(
        theme.id, theme.number, theme.name, veld.id, veld.name, regie, theme.extra_attention, lookup.source(theme)
    )


def theme_tree(session: Session, programme_id: str) -> list[AandachtsveldInfo]:
    """Aandachtsvelden with their numbered themes, in document order."""
    lookup = _Lookup(session)
    velden = session.scalars(
        select(m.Aandachtsveld)
        .join(m.Document, m.Document.id == m.Aandachtsveld.document_id)
        .where(m.Document.programme_id == programme_id)
        .order_by(m.Aandachtsveld.order)
    ).all()
    result = []
    for veld in velden:
        themes = session.scalars(
            select(m.Theme).where(m.Theme.aandachtsveld_id == veld.id).order_by(m.Theme.number)
        ).all()
        result.append(
            AandachtsveldInfo(veld.id, veld.name, tuple(_theme_info(lookup, t, veld, programme_id) for t in themes))
        )
    return result


def theme_by_number(session: Session, programme_id: str, number: int) -> ThemeInfo | None:
    for veld in theme_tree(session, programme_id):
        for theme in veld.themes:
            if theme.number == number:
                return theme
    return None


def chapters_for_programme(session: Session, programme_id: str) -> list[ChapterInfo]:
    lookup = _Lookup(session)
    chapters = session.scalars(
        select(m.Chapter)
        .join(m.Document, m.Document.id == m.Chapter.document_id)
        .where(m.Document.programme_id == programme_id)
        .order_by(m.Chapter.document_id, m.Chapter.number, m.Chapter.id)
    ).all()
    links: dict[str, list[str]] = defaultdict(list)
    for link in session.scalars(select(m.ChapterTheme).order_by(m.ChapterTheme.theme_id)):
        links[link.chapter_id].append(link.theme_id)
    targets: dict[str, list[TargetInfo]] = defaultdict(list)
    for t in session.scalars(select(m.Target).order_by(m.Target.focus_point_id, m.Target.order)):
        targets[t.focus_point_id].append(TargetInfo(t.text, t.figure, t.unit, t.year))
    points: dict[str, list[FocusPointInfo]] = defaultdict(list)
    for p in session.scalars(select(m.FocusPoint).order_by(m.FocusPoint.chapter_id, m.FocusPoint.order)):
        points[p.chapter_id].append(FocusPointInfo(p.id, p.order, p.text, tuple(targets[p.id]), lookup.source(p)))
    return [
        ChapterInfo(
            c.id, c.number, c.title, lookup.documents[c.document_id].title, c.summary,
            tuple(links[c.id]), tuple(points[c.id]), lookup.source(c),
        )
        for c in chapters
    ]


def chapters_by_theme(chapters: Iterable[ChapterInfo]) -> dict[str, tuple[ChapterInfo, ...]]:
    """The chapters contributing to each theme, in chapter order (one pass, no queries)."""
    grouped: dict[str, list[ChapterInfo]] = defaultdict(list)
    for chapter in chapters:
        for theme_id in chapter.theme_ids:
            grouped[theme_id].append(chapter)
    return {theme_id: tuple(found) for theme_id, found in grouped.items()}


def chapters_for_theme(session: Session, theme_id: str) -> list[ChapterInfo]:
    theme = session.get(m.Theme, theme_id)
    if theme is None:
        return []
    veld = session.get(m.Aandachtsveld, theme.aandachtsveld_id)
    programme_id = session.get(m.Document, veld.document_id).programme_id if veld else None
    if programme_id is None:
        return []
    return list(chapters_by_theme(chapters_for_programme(session, programme_id)).get(theme_id, ()))


def theme_links(session: Session, theme_id: str) -> list[ThemeLinkInfo]:
    rows = session.scalars(select(m.ThemeLink).where(m.ThemeLink.theme_id == theme_id).order_by(m.ThemeLink.id))
    return [ThemeLinkInfo(r.theme_id, r.plan_id, r.action_id, r.basis, r.rationale) for r in rows]


def _actions(session: Session, lookup: _Lookup, plan_id: str) -> list[ActionInfo]:
    phases: dict[str, list[PhaseInfo]] = defaultdict(list)
    for p in session.scalars(select(m.PlanningPhase).order_by(m.PlanningPhase.action_id, m.PlanningPhase.order)):
        phases[p.action_id].append(PhaseInfo(p.label, p.start, p.end, p.precision, p.open_ended, p.text))
    budgets = {b.id: b.name for b in session.scalars(select(m.Budget))}
    fundings: dict[str, list[FundingInfo]] = defaultdict(list)
    for f in session.scalars(select(m.Funding).order_by(m.Funding.id)):
        fundings[f.action_id].append(
            FundingInfo(
                f.budget_id, budgets[f.budget_id], f.budget_line_id,
                _cost(f.amount_status, f.amount_amount, f.amount_text, f.amount_qualifier), lookup.source(f),
            )
        )
    themes: dict[str, list[str]] = defaultdict(list)
    action_links = select(m.ThemeLink).where(m.ThemeLink.action_id.is_not(None)).order_by(m.ThemeLink.theme_id)
    for link in session.scalars(action_links):
        themes[link.action_id].append(link.theme_id)
    rows = session.scalars(select(m.Action).where(m.Action.plan_id == plan_id).order_by(m.Action.number))
    return [
        ActionInfo(
            a.id, a.plan_id, a.focusopgave_id, a.number, a.trekker, a.title, a.heading, a.what, a.cost,
            a.explanation, a.planning_text, tuple(phases[a.id]), tuple(fundings[a.id]), tuple(themes[a.id]),
            a.note, lookup.source(a),
        )
        for a in rows
    ]


def _budget_infos(session: Session, lookup: _Lookup, programme_id: str) -> tuple[BudgetInfo, ...]:
    funded_by_line: dict[str, list[str]] = defaultdict(list)
    funded_by_budget: dict[str, list[str]] = defaultdict(list)
    for f in session.scalars(select(m.Funding).order_by(m.Funding.action_id)):
        funded_by_budget[f.budget_id].append(f.action_id)
        if f.budget_line_id:
            funded_by_line[f.budget_line_id].append(f.action_id)
    result = []
    for b in session.scalars(select(m.Budget).where(m.Budget.programme_id == programme_id).order_by(m.Budget.id)):
        lines = tuple(
            BudgetLineInfo(
                line.id, line.number, line.title, line.cost, line.remark, tuple(funded_by_line[line.id]),
                lookup.source(line),
            )
            for line in session.scalars(
                select(m.BudgetLine).where(m.BudgetLine.budget_id == b.id).order_by(m.BudgetLine.number)
            )
        )
        documented = _cost(b.total_status, b.total_amount, b.total_text, b.total_qualifier)
        reconciliation = Reconciliation(sum_costs(line.cost for line in lines), documented) if lines else None
        result.append(
            BudgetInfo(
                b.id, b.name, b.kind, _cost(b.amount_status, b.amount_amount, b.amount_text, b.amount_qualifier),
                b.period_text, b.description, lines, reconciliation, b.total_label,
                tuple(funded_by_budget[b.id]), lookup.source(b),
            )
        )
    return tuple(result)


def action_plans(session: Session, programme_id: str) -> list[ActionPlanInfo]:
    lookup = _Lookup(session)
    plans = session.scalars(
        select(m.ActionPlan)
        .join(m.Document, m.Document.id == m.ActionPlan.document_id)
        .where(m.Document.programme_id == programme_id)
        .order_by(m.ActionPlan.id)
    ).all()
    budgets = _budget_infos(session, lookup, programme_id)
    result = []
    for plan in plans:
        actions = _actions(session, lookup, plan.id)
        focus_rows = session.scalars(
            select(m.Focusopgave).where(m.Focusopgave.plan_id == plan.id).order_by(m.Focusopgave.number)
        ).all()
        focusopgaven = []
        for f in focus_rows:
            own = tuple(a for a in actions if a.focusopgave_id == f.id)
            documented = _cost(f.subtotal_status, f.subtotal_amount, f.subtotal_text, f.subtotal_qualifier)
            focusopgaven.append(
                FocusopgaveInfo(
                    f.id, f.number, f.letter, f.title, f.table_title, f.lead, f.objective, f.responsible, own,
                    Reconciliation(cost_of_actions(own), documented), lookup.source(f),
                )
            )
        loose = tuple(a for a in actions if a.focusopgave_id is None)
        total = _cost(plan.total_status, plan.total_amount, plan.total_text, plan.total_qualifier)
        result.append(
            ActionPlanInfo(
                plan.id, plan.title, lookup.document(plan.document_id), tuple(focusopgaven), loose,
                Reconciliation(cost_of_actions(actions), total), plan.total_label, budgets,
                lookup.source(plan),
            )
        )
    return result


def portfolio_matrix(session: Session, programme_id: str) -> PortfolioMatrix:
    lookup = _Lookup(session)
    members = tuple(college(session, programme_id))
    domains = tuple(
        DomainInfo(d.id, d.name)
        for d in session.scalars(select(m.Domain).where(m.Domain.programme_id == programme_id).order_by(m.Domain.order))
    )
    items = tuple(
        PortfolioItemInfo(i.id, i.person_id, i.domain_id, i.domain_certain, i.name, i.detail, lookup.source(i))
        for i in session.scalars(
            select(m.PortfolioItem)
            .where(m.PortfolioItem.programme_id == programme_id)
            .order_by(m.PortfolioItem.person_id, m.PortfolioItem.order)
        )
    )
    regie: dict[str, list[ThemeInfo]] = defaultdict(list)
    for veld in theme_tree(session, programme_id):
        for theme in veld.themes:
            if theme.regie:
                regie[theme.regie.id].append(theme)
    return PortfolioMatrix(members, domains, items, {k: tuple(v) for k, v in regie.items()})


def actions_with_unknown_planning(session: Session, programme_id: str) -> list[ActionInfo]:
    return [a for plan in action_plans(session, programme_id) for a in plan.actions if a.planning_unknown]


def catalog(session: Session) -> Catalog:
    """The programmes and the data version: enough to fill the window's selectors."""
    return Catalog(summary(session), tuple(programmes(session)))


def programme_data(session: Session, programme: ProgrammeInfo) -> ProgrammeData:
    """Everything the four tabs show for one programme, in one unit of work."""
    pid = programme.id
    velden = tuple(theme_tree(session, pid))
    themes = [t for v in velden for t in v.themes]
    chapters = tuple(chapters_for_programme(session, pid))
    by_theme = chapters_by_theme(chapters)
    return ProgrammeData(
        programme=programme,
        documents=tuple(documents(session, pid)),
        college=tuple(college(session, pid)),
        velden=velden,
        chapters=chapters,
        theme_chapters={t.id: by_theme.get(t.id, ()) for t in themes},
        theme_links={t.id: tuple(theme_links(session, t.id)) for t in themes},
        plans=tuple(action_plans(session, pid)),
        matrix=portfolio_matrix(session, pid),
        opgaven=tuple(agenda.opgaven(session, pid)),
    )


_ANCHOR_TABLES = ("themes", "actions", "portfolio_items", "budget_lines", "focusopgaven", "budgets", "people",
                  "chapters", "focus_points", "opgaven", "speerpunten")


def anchor_ids(session: Session) -> frozenset[str]:
    """Ids of every item a personal note can be anchored to (to tell loose notes apart)."""
    sql = " UNION ALL ".join(f"SELECT id FROM {table}" for table in _ANCHOR_TABLES)
    return frozenset(row[0] for row in session.execute(text(sql)))

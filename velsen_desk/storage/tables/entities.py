"""The tables. Relationships are ``lazy="raise"``: code must load what it needs explicitly, so
an accidental lazy load from a view fails loudly instead of querying on the GUI thread."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from velsen_desk.core.money import CostValue
from velsen_desk.storage.tables.base import Base, CostColumns, Sourced, cost_group


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    subtitle: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_text: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(20))
    status_text: Mapped[str | None] = mapped_column(Text)
    source_file: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class Municipality(Sourced, Base):
    __tablename__ = "municipalities"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    source_doc_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))  # type: ignore[assignment]


class Programme(Base):
    __tablename__ = "programmes"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    municipality_id: Mapped[str] = mapped_column(ForeignKey("municipalities.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    period_start: Mapped[int | None] = mapped_column(Integer)
    period_end: Mapped[int | None] = mapped_column(Integer)
    order: Mapped[int] = mapped_column(Integer, default=0)
    municipality: Mapped[Municipality] = relationship(lazy="raise")


class Person(Sourced, Base):
    __tablename__ = "people"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(Text)


class Membership(Sourced, Base):
    __tablename__ = "memberships"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    role: Mapped[str | None] = mapped_column(String(20))
    party: Mapped[str | None] = mapped_column(Text)
    locoburgemeester_order: Mapped[int | None] = mapped_column(Integer)
    order: Mapped[int] = mapped_column(Integer, default=0)
    empty_certain: Mapped[str] = mapped_column(Text, default="")  # domain ids, one per line
    person: Mapped[Person] = relationship(lazy="raise")


class Domain(Sourced, Base):
    __tablename__ = "domains"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    order: Mapped[int] = mapped_column(Integer, default=0)


class PortfolioItem(Sourced, Base):
    __tablename__ = "portfolio_items"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    domain_id: Mapped[str | None] = mapped_column(ForeignKey("domains.id"), index=True)
    domain_certain: Mapped[bool] = mapped_column(Boolean, default=True)
    name: Mapped[str] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)
    order: Mapped[int] = mapped_column(Integer, default=0)
    row_quote: Mapped[str | None] = mapped_column(Text)


class Aandachtsveld(Sourced, Base):
    __tablename__ = "aandachtsvelden"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    order: Mapped[int] = mapped_column(Integer, default=0)


class Theme(Sourced, Base):
    __tablename__ = "themes"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    aandachtsveld_id: Mapped[str] = mapped_column(ForeignKey("aandachtsvelden.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    regie_id: Mapped[str | None] = mapped_column(ForeignKey("people.id"), index=True)
    extra_attention: Mapped[bool | None] = mapped_column(Boolean)
    regie: Mapped[Person | None] = relationship(lazy="raise")


class Chapter(Sourced, Base):
    __tablename__ = "chapters"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    number: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    aandachtsveld_id: Mapped[str | None] = mapped_column(ForeignKey("aandachtsvelden.id"))
    summary: Mapped[str | None] = mapped_column(Text)


class ChapterTheme(Base):
    __tablename__ = "chapter_themes"
    chapter_id: Mapped[str] = mapped_column(ForeignKey("chapters.id"), primary_key=True)
    theme_id: Mapped[str] = mapped_column(ForeignKey("themes.id"), primary_key=True, index=True)


class FocusPoint(Sourced, Base):
    __tablename__ = "focus_points"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    chapter_id: Mapped[str] = mapped_column(ForeignKey("chapters.id"), index=True)
    order: Mapped[int] = mapped_column(Integer)
    section: Mapped[str] = mapped_column(String(8), default="focus")
    text: Mapped[str] = mapped_column(Text)


class Target(Base):
    __tablename__ = "targets"
    id: Mapped[str] = mapped_column(String, primary_key=True)  # focus point id + "#n"
    focus_point_id: Mapped[str] = mapped_column(ForeignKey("focus_points.id"), index=True)
    order: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    figure: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    start_year: Mapped[int | None] = mapped_column(Integer)
    qualifier: Mapped[str | None] = mapped_column(String(10))


class Opgave(Sourced, Base):
    __tablename__ = "opgaven"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    number: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    future_text: Mapped[str | None] = mapped_column(Text)


class Speerpunt(Sourced, Base):
    __tablename__ = "speerpunten"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    opgave_id: Mapped[str] = mapped_column(ForeignKey("opgaven.id"), index=True)
    order: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)


class ActionPlan(Sourced, Base):
    __tablename__ = "action_plans"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    total: Mapped[CostValue | None] = cost_group("total")
    total_label: Mapped[str | None] = mapped_column(Text)
    monitoring_text: Mapped[str | None] = mapped_column(Text)


class Perspective(Sourced, Base):
    __tablename__ = "perspectives"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("action_plans.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    value_text: Mapped[str] = mapped_column(Text)
    opgaven: Mapped[str] = mapped_column(Text)  # the headings, one per line


class Focusopgave(Sourced, Base):
    __tablename__ = "focusopgaven"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("action_plans.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    letter: Mapped[str | None] = mapped_column(String(4))
    title: Mapped[str] = mapped_column(Text)
    table_title: Mapped[str | None] = mapped_column(Text)
    lead: Mapped[str | None] = mapped_column(Text)
    objective: Mapped[str | None] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(Text)
    subtotal: Mapped[CostValue | None] = cost_group("subtotal")


class Action(Sourced, CostColumns, Base):
    __tablename__ = "actions"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("action_plans.id"), index=True)
    focusopgave_id: Mapped[str | None] = mapped_column(ForeignKey("focusopgaven.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    trekker: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    heading: Mapped[str | None] = mapped_column(Text)
    what: Mapped[str | None] = mapped_column(Text)
    explanation: Mapped[str | None] = mapped_column(Text)
    planning_text: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    running_text: Mapped[str | None] = mapped_column(Text)
    planning_running: Mapped[str | None] = mapped_column(Text)
    planning_conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    condition: Mapped[str | None] = mapped_column(Text)
    cost_scope: Mapped[str | None] = mapped_column(Text)


class PlanningPhase(Base):
    """A phase the planning parser found in an action's planning text."""

    __tablename__ = "planning_phases"
    id: Mapped[str] = mapped_column(String, primary_key=True)  # action id + "#n"
    action_id: Mapped[str] = mapped_column(ForeignKey("actions.id"), index=True)
    order: Mapped[int] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(Text)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(16))
    open_ended: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)


class Budget(Sourced, Base):
    __tablename__ = "budgets"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[CostValue | None] = cost_group("amount")
    period_text: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    total: Mapped[CostValue | None] = cost_group("total")
    total_label: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))
    per: Mapped[str | None] = mapped_column(String(8))  # "jaar": the amount is per year
    focus_point_id: Mapped[str | None] = mapped_column(ForeignKey("focus_points.id"))


class BudgetLine(Sourced, CostColumns, Base):
    __tablename__ = "budget_lines"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    budget_id: Mapped[str] = mapped_column(ForeignKey("budgets.id"), index=True)
    number: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    remark: Mapped[str | None] = mapped_column(Text)


class Funding(Sourced, Base):
    __tablename__ = "fundings"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    action_id: Mapped[str] = mapped_column(ForeignKey("actions.id"), index=True)
    budget_id: Mapped[str] = mapped_column(ForeignKey("budgets.id"), index=True)
    budget_line_id: Mapped[str | None] = mapped_column(ForeignKey("budget_lines.id"))
    amount: Mapped[CostValue | None] = cost_group("amount")
    funds: Mapped[str | None] = mapped_column(Text)
    part: Mapped[bool] = mapped_column(Boolean, default=False)


class ThemeLink(Sourced, Base):
    __tablename__ = "theme_links"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    theme_id: Mapped[str] = mapped_column(ForeignKey("themes.id"), index=True)
    plan_id: Mapped[str | None] = mapped_column(ForeignKey("action_plans.id"), index=True)
    action_id: Mapped[str | None] = mapped_column(ForeignKey("actions.id"), index=True)
    basis: Mapped[str] = mapped_column(String(16))
    rationale: Mapped[str | None] = mapped_column(Text)

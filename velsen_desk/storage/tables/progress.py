"""Tables of progress data: reports per peildatum, entries per action, the revised planning's
phases, measurements of targets and evaluations. A new report adds rows; none is overwritten."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from velsen_desk.core.money import CostValue
from velsen_desk.storage.tables.base import Base, cost_group


class _OptionalSource:
    """A source that may be absent (a report "opgave van <partij>" has no document)."""

    source_doc_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"), index=True)
    source_quote: Mapped[str | None] = mapped_column(Text)
    source_section: Mapped[str | None] = mapped_column(Text)


class ProgressReport(_OptionalSource, Base):
    __tablename__ = "progress_reports"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    plan_id: Mapped[str | None] = mapped_column(ForeignKey("action_plans.id"), index=True)
    programme_id: Mapped[str | None] = mapped_column(ForeignKey("programmes.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date] = mapped_column(Date)
    reported_by: Mapped[str] = mapped_column(Text)
    interval_months: Mapped[int | None] = mapped_column(Integer)
    example: Mapped[bool] = mapped_column(Boolean, default=False)
    stated_by: Mapped[str | None] = mapped_column(Text)


class ProgressEntry(_OptionalSource, Base):
    __tablename__ = "progress_entries"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("progress_reports.id"), index=True)
    action_id: Mapped[str] = mapped_column(ForeignKey("actions.id"), index=True)
    status: Mapped[str] = mapped_column(String(10))
    explanation: Mapped[str | None] = mapped_column(Text)
    spent: Mapped[CostValue] = cost_group("spent", required=True)  # type: ignore[assignment]
    planning_text: Mapped[str | None] = mapped_column(Text)
    planning_source_doc_id: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))
    planning_source_quote: Mapped[str | None] = mapped_column(Text)
    planning_source_section: Mapped[str | None] = mapped_column(Text)
    reported_late: Mapped[bool] = mapped_column(Boolean, default=False)


class RevisedPhase(Base):
    """A phase the planning parser found in a revised planning, like ``planning_phases``."""

    __tablename__ = "progress_phases"
    id: Mapped[str] = mapped_column(String, primary_key=True)  # entry id + "#n"
    entry_id: Mapped[str] = mapped_column(ForeignKey("progress_entries.id"), index=True)
    order: Mapped[int] = mapped_column(Integer)
    label: Mapped[str | None] = mapped_column(Text)
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(16))
    open_ended: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)


class Measurement(_OptionalSource, Base):
    __tablename__ = "measurements"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    focus_point_id: Mapped[str] = mapped_column(ForeignKey("focus_points.id"), index=True)
    target: Mapped[int] = mapped_column(Integer)  # index in the focus point's targets
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    year: Mapped[int | None] = mapped_column(Integer)
    measured_by: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    example: Mapped[bool] = mapped_column(Boolean, default=False)


class Evaluation(_OptionalSource, Base):
    __tablename__ = "evaluations"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("action_plans.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    reference: Mapped[str | None] = mapped_column(Text)
    example: Mapped[bool] = mapped_column(Boolean, default=False)
    stated_by: Mapped[str | None] = mapped_column(Text)

"""Tables for what the programme documents say besides their lists (issue 11's model changes):
the notes printed under a table, the Strategische Agenda's impulsprojecten and the values a
programme says the college stands for."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from velsen_desk.storage.tables.base import Base, Sourced


class Remark(Sourced, Base):
    """A note printed under a table of the source (e.g. "NB:" under the portefeuilleverdeling)."""

    __tablename__ = "remarks"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    programme_id: Mapped[str] = mapped_column(ForeignKey("programmes.id"), index=True)
    about: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(Text)
    order: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)


class Impulsproject(Sourced, Base):
    """A project a strategic agenda names apart from its opgaven."""

    __tablename__ = "impulsprojecten"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    order: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)


class CoreValue(Sourced, Base):
    """A value the document says the college stands for ("Onze bezieling")."""

    __tablename__ = "core_values"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    order: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)


class Agreement(Sourced, Base):
    """An agreement under one of Deel A's three questions (the college's way of working)."""

    __tablename__ = "agreements"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    question: Mapped[str] = mapped_column(Text)
    group: Mapped[str | None] = mapped_column(Text)
    order: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class TopicCategory(Sourced, Base):
    """A category of council topics in the college's way of working (Deel A)."""

    __tablename__ = "topic_categories"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id"), index=True)
    code: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)

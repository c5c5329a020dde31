"""Declarative base and the column groups many tables share."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from velsen_desk.core.money import CostStatus, CostValue


class Base(DeclarativeBase):
    pass


class Sourced:
    """Every curated record says where it came from."""

    @declared_attr
    def source_doc_id(cls) -> Mapped[str]:  # noqa: N805 - SQLAlchemy declared_attr convention
        return mapped_column(String, ForeignKey("documents.id"), index=True)

    source_quote: Mapped[str | None] = mapped_column(Text)
    source_section: Mapped[str | None] = mapped_column(Text)


class CostColumns:
    """A cost as three columns: status (amount/nvt/nnb), whole euros, and the printed text."""

    cost_status: Mapped[str] = mapped_column(String(8))
    cost_amount: Mapped[int | None] = mapped_column(Integer)
    cost_qualifier: Mapped[str | None] = mapped_column(String(10))
    cost_text: Mapped[str] = mapped_column(Text)

    @property
    def cost(self) -> CostValue:
        return CostValue(CostStatus(self.cost_status), self.cost_amount, self.cost_text, self.cost_qualifier)

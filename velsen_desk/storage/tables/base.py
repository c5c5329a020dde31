"""Declarative base and the column groups many tables share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, cast

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Composite, DeclarativeBase, Mapped, composite, declared_attr, mapped_column

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


def _cost_from_columns(
    status: str | None, amount: int | None, qualifier: str | None, text: str | None
) -> CostValue | None:
    if status is None or text is None:  # the record states no such figure
        return None
    return CostValue(status=CostStatus(status), amount=amount, text=text, qualifier=qualifier)


class StatedCost(Protocol):
    """What a cost states, in whichever layer's shape it comes."""

    @property
    def status(self) -> CostStatus: ...
    @property
    def amount(self) -> int | None: ...
    @property
    def text(self) -> str: ...
    @property
    def qualifier(self) -> str | None: ...


@dataclass(frozen=True)
class StoredCost(CostValue):
    """A cost on its way into the database. The columns keep the order of the first schema
    (qualifier before text, unlike CostValue's fields), so the same data still builds a
    byte-identical file; SQLAlchemy asks this class for the values in that order."""

    @classmethod
    def of(cls, cost: StatedCost) -> StoredCost:
        """From a cost as validated (the schema's ``Cost``) or as read (a ``CostValue``)."""
        return cls(status=cost.status, amount=cost.amount, text=cost.text, qualifier=cost.qualifier)

    def __composite_values__(self) -> tuple[str, int | None, str | None, str]:
        return (self.status, self.amount, self.qualifier, self.text)


def cost_group(prefix: str, *, required: bool = False) -> Composite[CostValue | None]:
    """One cost, declared once: a :class:`CostValue` in four columns ``<prefix>_status``
    (amount/nvt/nnb), ``_amount`` (whole euros), ``_qualifier`` and ``_text`` (as printed).

    Set it to a :class:`StoredCost`, or to None: an absent optional cost is NULL in all four
    columns (unknown stays unknown). It reads back as a plain CostValue, or None.
    """
    return composite(
        _cost_from_columns,
        mapped_column(f"{prefix}_status", String(8), nullable=not required),
        mapped_column(f"{prefix}_amount", Integer),
        mapped_column(f"{prefix}_qualifier", String(10)),
        mapped_column(f"{prefix}_text", Text, nullable=not required),
    )


class CostColumns:
    """The record's own cost (actions, budget lines): always present."""

    @declared_attr
    def cost(cls) -> Mapped[CostValue]:  # noqa: N805 - SQLAlchemy declared_attr convention
        return cast("Composite[CostValue]", cost_group("cost", required=True))  # NOT NULL columns

"""Which college member a user means by what they typed (``--person``, a name or an id)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar


class _Member(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


M = TypeVar("M", bound=_Member)


def match_person(members: Sequence[M], typed: str) -> M | None:
    """The member whose name or id is ``typed`` (case and spacing ignored), else the only one
    whose name contains it ("steijn" finds "Marianne Steijn"); None when none or several do."""
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return None
    for member in members:
        if wanted in (member.name.casefold(), member.id.casefold()):
            return member
    partial = [m for m in members if wanted in m.name.casefold()]
    return partial[0] if len(partial) == 1 else None

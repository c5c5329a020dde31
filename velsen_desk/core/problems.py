"""A problem found in the data files, with the place a griffier needs to fix it.

In the core (not in ``curation``, whose package imports the pydantic schema) so that the
command line can catch :class:`DataError` in every command without loading pydantic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from velsen_desk.core.i18n import ngettext


@dataclass(frozen=True, order=True)
class Problem:
    file: Path
    line: int | None  # 1-based; None when the problem has no single place
    field: str  # dotted path, e.g. "actions[3].cost.amount"
    message: str  # plain Dutch

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else str(self.file)
        field = f" [{self.field}]" if self.field else ""
        return _visible(f"{place}{field}: {self.message}")


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(text: str) -> str:
    """Control characters from a file name or a YAML key shown as ``\\x1b``: printed raw they
    would drive the user's terminal (escape sequences) or reverse the line (U+202E)."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class DataError(Exception):
    """The data files have problems; ``problems`` says which and where."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (str(p.file), p.line or 0, p.field))
        count = len(self.problems)
        super().__init__(ngettext("{n} probleem in de gegevensbestanden", "{n} problemen in de gegevensbestanden",
                                  count).format(n=count))

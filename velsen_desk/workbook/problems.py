"""A problem in a workbook, with the place a griffier needs to fix it: sheet, row, column, cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from velsen_desk.core.i18n import _


@dataclass(frozen=True, order=True)
class WorkbookProblem:
    workbook: Path
    sheet: str | None
    row: int | None
    header: str | None
    cell: str | None  # "E14"
    message: str  # plain Dutch
    # a report that exists already: importing again with "replace" resolves it (the window asks)
    replaceable: bool = field(default=False, compare=False)

    def place(self) -> str:
        parts = []
        if self.sheet is not None:
            parts.append(_("Blad {sheet}").format(sheet=self.sheet))
        if self.row is not None:
            parts.append(_("rij {row}").format(row=self.row))
        if self.header is not None:
            column = _("kolom {header}").format(header=self.header)
            parts.append(f"{column} ({self.cell})" if self.cell else column)
        return ", ".join(parts)

    def __str__(self) -> str:
        place = self.place()
        return f"{self.workbook.name}: {place}: {self.message}" if place else f"{self.workbook.name}: {self.message}"


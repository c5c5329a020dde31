"""A problem in a workbook, with the place a griffier needs to fix it: sheet, row, column, cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
            parts.append(f"Blad {self.sheet}")
        if self.row is not None:
            parts.append(f"rij {self.row}")
        if self.header is not None:
            parts.append(f"kolom {self.header}" + (f" ({self.cell})" if self.cell else ""))
        return ", ".join(parts)

    def __str__(self) -> str:
        place = self.place()
        return f"{self.workbook.name}: {place}: {self.message}" if place else f"{self.workbook.name}: {self.message}"


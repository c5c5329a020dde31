""""Wat is er veranderd": the differences between two data versions, item by item."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from velsen_desk.core.formatting import format_cost
from velsen_desk.core.item_kinds import ITEM_KIND_IDS
from velsen_desk.core.money import CostValue
from velsen_desk.storage.database import _readonly_uri, inspect_database

# item kind id (core.item_kinds) -> (SQL giving id, label, then the compared fields in order; the field names in Dutch)
_ITEMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "thema": (
        """SELECT t.id, t.number || '. ' || t.name, t.name, a.name, p.name
           FROM themes t JOIN aandachtsvelden a ON a.id = t.aandachtsveld_id
           LEFT JOIN people p ON p.id = t.regie_id""",
        ("naam", "aandachtsveld", "regie"),
    ),
    "portefeuille": (
        """SELECT i.id, i.name || ' (' || p.name || ')', i.name, i.detail, p.name, d.name
           FROM portfolio_items i JOIN people p ON p.id = i.person_id
           LEFT JOIN domains d ON d.id = i.domain_id""",
        ("naam", "toelichting", "collegelid", "domein"),
    ),
    "actie": (
        """SELECT x.id, 'Actie ' || x.number || ': ' || x.title, x.title, x.trekker,
                  x.cost_status, x.cost_amount, x.cost_text, x.cost_qualifier, x.planning_text, f.title
           FROM actions x LEFT JOIN focusopgaven f ON f.id = x.focusopgave_id""",
        ("titel", "trekker", "kosten", "planning", "focusopgave"),
    ),
    "begrotingsregel": (
        """SELECT l.id, b.name || ' ' || coalesce(l.number, '') || ': ' || l.title, l.title,
                  l.cost_status, l.cost_amount, l.cost_text, l.cost_qualifier, l.remark
           FROM budget_lines l JOIN budgets b ON b.id = l.budget_id""",
        ("titel", "kosten", "opmerking"),
    ),
    "focuspunt": (
        """SELECT f.id, c.title || ', punt ' || f."order", f.text
           FROM focus_points f JOIN chapters c ON c.id = f.chapter_id""",
        ("tekst",),
    ),
}


assert set(_ITEMS) <= set(ITEM_KIND_IDS), "every compared kind is a registered item kind"


@dataclass(frozen=True)
class Change:
    kind: str  # an item kind id (core.item_kinds): "thema", "portefeuille", "actie", ...
    item_id: str
    label: str
    change: str  # "toegevoegd", "verwijderd" or "gewijzigd"
    field: str | None = None
    old: str | None = None
    new: str | None = None

    def __str__(self) -> str:
        if self.change == "gewijzigd":
            return f"{self.kind} {self.label}: {self.field} {self.old or 'leeg'} → {self.new or 'leeg'}"
        return f"{self.kind} {self.label}: {self.change}"


def _fields(kind: str, row: tuple[Any, ...]) -> tuple[str | None, ...]:  # a sqlite row
    """Fold the cost columns into one displayed value so "€ 0" and "n.v.t." compare as different."""
    values = list(row[2:])
    if kind in ("actie", "begrotingsregel"):
        start = 2 if kind == "actie" else 1
        status, amount, text, qualifier = values[start:start + 4]
        values[start:start + 4] = [format_cost(CostValue(status, amount, text, qualifier))]
    return tuple(None if v is None else str(v) for v in values)


def _read(path: Path) -> dict[str, dict[str, tuple[str, tuple[str | None, ...]]]]:
    inspect_database(path)
    conn = sqlite3.connect(_readonly_uri(path), uri=True)
    try:
        return {
            kind: {row[0]: (row[1], _fields(kind, row)) for row in conn.execute(sql)}
            for kind, (sql, _) in _ITEMS.items()
        }
    finally:
        conn.close()


def diff_databases(old: Path, new: Path) -> list[Change]:
    """Raises DatabaseError when either file is not a usable Velsen Desk database."""
    before, after = _read(old), _read(new)
    changes: list[Change] = []
    for kind, (_, names) in _ITEMS.items():
        old_items, new_items = before[kind], after[kind]
        for item_id in sorted(new_items.keys() - old_items.keys()):
            changes.append(Change(kind, item_id, new_items[item_id][0], "toegevoegd"))
        for item_id in sorted(old_items.keys() - new_items.keys()):
            changes.append(Change(kind, item_id, old_items[item_id][0], "verwijderd"))
        for item_id in sorted(old_items.keys() & new_items.keys()):
            label, old_values = old_items[item_id]
            _, new_values = new_items[item_id]
            for name, was, now in zip(names, old_values, new_values, strict=True):
                if was != now:
                    changes.append(Change(kind, item_id, label, "gewijzigd", name, was, now))
    return changes

"""Which programme a record belongs to, for ``export-xlsx --programme`` and for the import of
such a workbook (it replaces only the records of its programmes).

Municipalities and people belong to none: they are shared, and a workbook always holds all of
them (its drop-downs name them).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel

# collection -> (field naming its parent, the parent's collection); "programme" ends the walk
PARENTS: dict[str, tuple[str, str]] = {
    "documents": ("programme", "programmes"),
    "memberships": ("programme", "programmes"),
    "domains": ("programme", "programmes"),
    "portfolio_items": ("programme", "programmes"),
    "budgets": ("programme", "programmes"),
    "aandachtsvelden": ("document", "documents"),
    "chapters": ("document", "documents"),
    "opgaven": ("document", "documents"),
    "action_plans": ("document", "documents"),
    "themes": ("aandachtsveld", "aandachtsvelden"),
    "focus_points": ("chapter", "chapters"),
    "speerpunten": ("opgave", "opgaven"),
    "focusopgaven": ("plan", "action_plans"),
    "actions": ("plan", "action_plans"),
    "perspectives": ("plan", "action_plans"),
    "budget_lines": ("budget", "budgets"),
    "fundings": ("action", "actions"),
    "theme_links": ("theme", "themes"),
    "remarks": ("programme", "programmes"),
    "impulsprojecten": ("document", "documents"),
    "core_values": ("document", "documents"),
    "topic_categories": ("document", "documents"),
    "agreements": ("document", "documents"),
    "progress_reports": ("plan", "action_plans"),
    "progress_entries": ("report", "progress_reports"),
    "measurements": ("focus_point", "focus_points"),
    "evaluations": ("plan", "action_plans"),
}
# A progress report belongs to a plan or, when it names none, to a programme (its targets)
ALTERNATIVE_PARENTS: dict[str, tuple[str, str]] = {"progress_reports": ("programme", "programmes")}
SHARED = frozenset({"municipalities", "people"})


class ProgrammeIndex:
    """Resolves records to their programme over the records of one data set."""

    def __init__(self, collections: Mapping[str, Sequence[BaseModel]]):
        self._by_id: dict[str, dict[str, BaseModel]] = {
            name: {str(getattr(r, "id")): r for r in records} for name, records in collections.items()  # noqa: B009
        }

    def programme_of(self, collection: str, record: BaseModel) -> str | None:
        """The programme id, or None for a shared record or a broken chain of references."""
        if collection in SHARED:
            return None
        seen = 0
        while collection != "programmes":
            field, parent = _link(collection, record)
            parent_id = getattr(record, field)
            found = self._by_id.get(parent, {}).get(str(parent_id))
            seen += 1
            if found is None or seen > len(PARENTS):
                return None
            collection, record = parent, found
        return str(getattr(record, "id"))  # noqa: B009

    def in_scope(self, collection: str, record: BaseModel, programmes: frozenset[str] | None) -> bool:
        """Whether the record belongs to a workbook of ``programmes`` (None: all of them)."""
        if programmes is None or collection in SHARED:
            return True
        return self.programme_of(collection, record) in programmes

    def parent_of(self, collection: str, record: BaseModel) -> tuple[str, str] | None:
        """(collection, id) of the record's parent, for placing a new record in its parent's file."""
        if collection not in PARENTS:
            return None
        field, parent = _link(collection, record)
        value = getattr(record, field)
        return (parent, str(value)) if value is not None else None


def _link(collection: str, record: BaseModel) -> tuple[str, str]:
    """(field, parent collection) through which ``record`` hangs under its programme."""
    field, parent = PARENTS[collection]
    if getattr(record, field) is None and collection in ALTERNATIVE_PARENTS:
        return ALTERNATIVE_PARENTS[collection]
    return field, parent

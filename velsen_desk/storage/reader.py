"""The one read path: the local database, read with plain :mod:`sqlite3` into :mod:`velsen_desk.core.records`.

Window, reports, command line, diff and search all read through here. No SQLAlchemy (importing it
costs ~0.4 s; this module and sqlite3 cost a few ms) and no Qt. Each table is read with one query
(its declared columns, in a fixed order) and grouped in Python, so the cost grows with the data,
never with the number of items: the whole bundled database reads in ~10 ms, so a programme's
records are read anew on every start and after every sync, with nothing cached. Every record is
made by keyword.

``COLUMNS`` declares, per table, every column this module reads and the Python type it expects;
a test holds it against the ORM tables (:mod:`velsen_desk.storage.tables`), so the two cannot drift.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from velsen_desk.core.i18n import _
from velsen_desk.core.money import CostStatus, CostValue, Reconciliation, sum_costs
from velsen_desk.core.records import (
    AandachtsveldInfo,
    ActionInfo,
    ActionPlanInfo,
    AgreementInfo,
    BudgetInfo,
    BudgetLineInfo,
    Catalog,
    ChapterInfo,
    CoreValueInfo,
    DataSummary,
    DocumentInfo,
    DomainInfo,
    FocusopgaveInfo,
    FocusPointInfo,
    FundingInfo,
    ImpulsprojectenInfo,
    ImpulsprojectInfo,
    OpgaveInfo,
    PersonInfo,
    PerspectiveInfo,
    PhaseInfo,
    PortfolioItemInfo,
    PortfolioMatrix,
    ProgrammeData,
    ProgrammeInfo,
    ProgrammeOutline,
    RemarkInfo,
    SourceInfo,
    SpeerpuntInfo,
    TargetInfo,
    ThemeInfo,
    ThemeLinkInfo,
    TopicCategoryInfo,
)
from velsen_desk.core.structs import msgspec
from velsen_desk.storage.database import ReadOnlyDatabase

_T = TypeVar("_T")
_Row = dict[str, Any]  # one table row by column name; values already converted to the declared type

# ---- what is read from each table ----------------------------------------------------------------

_SOURCE: dict[str, type] = {"source_doc_id": str, "source_quote": str, "source_section": str}


def cost_columns(prefix: str) -> dict[str, type]:
    """The four columns that hold one cost (see :func:`_cost`)."""
    return {f"{prefix}_status": str, f"{prefix}_amount": int, f"{prefix}_qualifier": str, f"{prefix}_text": str}


# table -> (column -> Python type, ORDER BY). The order is part of what the views show.
COLUMNS: dict[str, tuple[dict[str, type], str]] = {
    "meta": ({"key": str, "value": str}, "key"),
    "municipalities": ({"id": str, "name": str}, "id"),
    "programmes": (
        {"id": str, "municipality_id": str, "title": str, "period_start": int, "period_end": int, "order": int},
        '"order", id',
    ),
    "documents": (
        {"id": str, "programme_id": str, "kind": str, "title": str, "date": dt.date, "date_text": str,
         "status": str, "status_text": str, "note": str},
        "rowid",
    ),
    "people": ({"id": str, "name": str, **_SOURCE}, "id"),
    "memberships": (
        {"id": str, "person_id": str, "programme_id": str, "role": str, "party": str,
         "locoburgemeester_order": int, "order": int, "empty_certain": str},
        '"order", rowid',
    ),
    "domains": ({"id": str, "programme_id": str, "name": str, "order": int}, '"order", rowid'),
    "portfolio_items": (
        {"id": str, "programme_id": str, "person_id": str, "domain_id": str, "domain_certain": bool, "name": str,
         "detail": str, "order": int, "row_quote": str, **_SOURCE},
        'person_id, "order", rowid',
    ),
    "remarks": (
        {"id": str, "programme_id": str, "about": str, "label": str, "order": int, "text": str, **_SOURCE},
        '"order", id',
    ),
    "aandachtsvelden": ({"id": str, "document_id": str, "name": str, "order": int}, '"order", rowid'),
    "themes": (
        {"id": str, "aandachtsveld_id": str, "number": int, "name": str, "regie_id": str, "extra_attention": bool,
         **_SOURCE},
        "number, rowid",
    ),
    "chapters": (
        {"id": str, "document_id": str, "number": int, "title": str, "summary": str, **_SOURCE},
        "document_id, number, id",
    ),
    "chapter_themes": ({"chapter_id": str, "theme_id": str}, "theme_id, chapter_id"),
    "focus_points": (
        {"id": str, "chapter_id": str, "order": int, "section": str, "text": str, **_SOURCE}, 'chapter_id, "order"'
    ),
    "targets": (
        {"focus_point_id": str, "order": int, "text": str, "figure": float, "unit": str, "year": int,
         "start_year": int, "qualifier": str},
        'focus_point_id, "order"',
    ),
    "opgaven": ({"id": str, "document_id": str, "number": int, "title": str, "summary": str, "future_text": str,
                 **_SOURCE},
                "number, rowid"),
    "impulsprojecten": (
        {"id": str, "document_id": str, "order": int, "title": str, "text": str, **_SOURCE}, '"order", id'
    ),
    "topic_categories": (
        {"id": str, "document_id": str, "code": str, "title": str, "text": str, **_SOURCE}, "document_id, id"
    ),
    "agreements": (
        {"id": str, "document_id": str, "question": str, "group": str, "order": int, "text": str, **_SOURCE},
        'document_id, question, "order", id',
    ),
    "core_values": (
        {"id": str, "document_id": str, "order": int, "name": str, "text": str, **_SOURCE}, 'document_id, "order"'
    ),
    "speerpunten": (
        {"id": str, "opgave_id": str, "order": int, "kind": str, "text": str, **_SOURCE}, 'opgave_id, "order"'
    ),
    "action_plans": (
        {"id": str, "document_id": str, "title": str, **cost_columns("total"), "total_label": str,
         "monitoring_text": str, **_SOURCE},
        "id",
    ),
    "focusopgaven": (
        {"id": str, "plan_id": str, "number": int, "letter": str, "title": str, "table_title": str, "lead": str,
         "objective": str, "responsible": str, **cost_columns("subtotal"), **_SOURCE},
        "number, rowid",
    ),
    "actions": (
        {"id": str, "plan_id": str, "focusopgave_id": str, "number": int, "trekker": str, "title": str,
         "heading": str, "what": str, "explanation": str, "planning_text": str, "note": str,
         "running_text": str, "planning_running": str, "planning_conflict": bool, "condition": str,
         "cost_scope": str, **cost_columns("cost"), **_SOURCE},
        "number, rowid",
    ),
    "planning_phases": (
        {"action_id": str, "order": int, "label": str, "start": dt.date, "end": dt.date, "precision": str,
         "open_ended": bool, "text": str},
        'action_id, "order"',
    ),
    "budgets": (
        {"id": str, "programme_id": str, "name": str, "kind": str, **cost_columns("amount"), "period_text": str,
         "description": str, **cost_columns("total"), "total_label": str, "document_id": str, "per": str,
         "focus_point_id": str, **_SOURCE},
        "id",
    ),
    "budget_lines": (
        {"id": str, "budget_id": str, "number": int, "title": str, "remark": str, **cost_columns("cost"),
         **_SOURCE},
        "number, rowid",
    ),
    "fundings": (
        {"id": str, "action_id": str, "budget_id": str, "budget_line_id": str, **cost_columns("amount"),
         "funds": str, "part": bool, **_SOURCE},
        "id",
    ),
    "perspectives": (
        {"id": str, "plan_id": str, "number": int, "title": str, "value_text": str, "opgaven": str, **_SOURCE},
        "number, rowid",
    ),
    "theme_links": (
        {"id": str, "theme_id": str, "plan_id": str, "action_id": str, "basis": str, "rationale": str, **_SOURCE},
        "id",
    ),
}

# Every item a personal note can be anchored to.
ANCHOR_TABLES = ("themes", "actions", "portfolio_items", "budget_lines", "focusopgaven", "budgets", "people",
                 "chapters", "focus_points", "opgaven", "speerpunten", "impulsprojecten", "agreements", "remarks")


def _converter(kind: type) -> Callable[[Any], Any] | None:
    # SQLite keeps dates as ISO text and booleans as 0/1; the records hold dt.date and bool.
    if kind is dt.date:
        return lambda v: None if v is None else dt.date.fromisoformat(v)
    if kind is bool:
        return lambda v: None if v is None else bool(v)
    return None


# One programme's rows of a table, for a read of that programme alone (``:p`` is its id): every
# row that programme's records are built from or point back from (a funding of its budget, a link
# to its action), and no other. Reading whole tables and grouping them in Python spent ~0.27 of the
# ~0.38 s of reading the 2,000-action programme at 100x on the other 299 programmes' rows. The
# tables not named here (documents, programmes, ...) are small and read whole: a record's source
# may name any document. People and budgets are the programme's own and those its records name
# (a regie holder, the budget another programme's money comes from): read whole, they were ~8 ms
# of that read.
_DOCUMENTS = "SELECT id FROM documents WHERE programme_id = :p"
_PLANS = f"SELECT id FROM action_plans WHERE document_id IN ({_DOCUMENTS})"
_ACTIONS = f"SELECT id FROM actions WHERE plan_id IN ({_PLANS})"
_VELDEN = f"SELECT id FROM aandachtsvelden WHERE document_id IN ({_DOCUMENTS})"
_CHAPTERS = f"SELECT id FROM chapters WHERE document_id IN ({_DOCUMENTS})"
_BUDGETS = "SELECT id FROM budgets WHERE programme_id = :p"
_THEMES = f"SELECT id FROM themes WHERE aandachtsveld_id IN ({_VELDEN})"
_LINES = f"SELECT id FROM budget_lines WHERE budget_id IN ({_BUDGETS})"
_OWN_DOCUMENT = f"document_id IN ({_DOCUMENTS})"
_OF_PLANS = f"plan_id IN ({_PLANS})"
_OF_PROGRAMME = "programme_id = :p"
PROGRAMME_SCOPE: dict[str, str] = {
    "people": (f"id IN (SELECT person_id FROM memberships WHERE {_OF_PROGRAMME}) "
               f"OR id IN (SELECT regie_id FROM themes WHERE id IN ({_THEMES}))"),
    "budgets": f"{_OF_PROGRAMME} OR id IN (SELECT budget_id FROM fundings WHERE action_id IN ({_ACTIONS}))",
    "memberships": _OF_PROGRAMME,
    "domains": _OF_PROGRAMME,
    "portfolio_items": _OF_PROGRAMME,
    "remarks": _OF_PROGRAMME,
    **dict.fromkeys(("aandachtsvelden", "chapters", "opgaven", "impulsprojecten", "topic_categories",
                     "agreements", "core_values", "action_plans"), _OWN_DOCUMENT),
    "themes": f"aandachtsveld_id IN ({_VELDEN})",
    "chapter_themes": f"chapter_id IN ({_CHAPTERS})",
    "focus_points": f"chapter_id IN ({_CHAPTERS})",
    "targets": f"focus_point_id IN (SELECT id FROM focus_points WHERE chapter_id IN ({_CHAPTERS}))",
    "speerpunten": f"opgave_id IN (SELECT id FROM opgaven WHERE {_OWN_DOCUMENT})",
    "focusopgaven": _OF_PLANS,
    "perspectives": _OF_PLANS,
    "actions": _OF_PLANS,
    "planning_phases": f"action_id IN ({_ACTIONS})",
    "theme_links": f"theme_id IN ({_THEMES}) OR action_id IN ({_ACTIONS})",
    "budget_lines": f"budget_id IN ({_BUDGETS})",
    "fundings": f"action_id IN ({_ACTIONS}) OR budget_id IN ({_BUDGETS}) OR budget_line_id IN ({_LINES})",
}


def select_sql(table: str, where: str | None = None) -> str:
    columns, order = COLUMNS[table]
    quoted = ", ".join(f'"{column}"' for column in columns)  # "order" and "end" are SQL words
    return f"SELECT {quoted} FROM {table}" + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"


class _Rows:
    """The rows of each table, read on first use (one query per table per unit of work); with
    ``programme_id``, only the rows that programme is built from (:data:`PROGRAMME_SCOPE`)."""

    def __init__(self, conn: sqlite3.Connection, programme_id: str | None = None):
        self._conn = conn
        self._programme_id = programme_id
        self._tables: dict[str, list[_Row]] = {}
        self._groups: dict[tuple[str, str], dict[Any, list[_Row]]] = {}
        self._positions: dict[str, dict[int, int]] = {}
        self._by_id: dict[str, dict[str, _Row]] = {}
        self._derived: dict[str, Any] = {}

    def __getitem__(self, table: str) -> list[_Row]:
        rows = self._tables.get(table)
        if rows is None:
            names = list(COLUMNS[table][0].items())
            converters = [(i, c) for i, (_, kind) in enumerate(names) if (c := _converter(kind)) is not None]
            keys = [name for name, _ in names]
            scope = PROGRAMME_SCOPE.get(table) if self._programme_id is not None else None
            cursor = self._conn.execute(select_sql(table, scope), {"p": self._programme_id} if scope else {})
            if converters:
                rows = []
                for raw in cursor:
                    values = list(raw)
                    for i, convert in converters:
                        values[i] = convert(values[i])
                    rows.append(dict(zip(keys, values, strict=True)))
            else:
                rows = [dict(zip(keys, raw, strict=True)) for raw in cursor]
            self._tables[table] = rows
        return rows

    def by_id(self, table: str) -> dict[str, _Row]:
        return {row["id"]: row for row in self[table]}

    def by_ids(self, table: str) -> dict[str, _Row]:
        """:meth:`by_id` made once per unit of work (shared by every programme read; never changed)."""
        found = self._by_id.get(table)
        if found is None:
            found = self._by_id[table] = self.by_id(table)
        return found

    def grouped(self, table: str, key: str) -> dict[Any, list[_Row]]:
        """A whole table grouped by ``key``, made once per unit of work: reading every programme
        (the sync's content check) grouped each table again per programme, 300 times at 100x."""
        found = self._groups.get((table, key))
        if found is None:
            found = self._groups[(table, key)] = _group(self[table], key)
        return found

    def derived(self, name: str, make: Callable[[], _T]) -> _T:
        """``make()`` once per unit of work: what every programme derives from whole tables alike
        (made per programme, it grew with programmes x rows)."""
        if name not in self._derived:
            self._derived[name] = make()
        found: _T = self._derived[name]
        return found

    def of(self, table: str, key: str, values: Iterable[Any]) -> list[_Row]:
        """The rows whose ``key`` is one of ``values``, in the table's own order: a programme's
        records by its documents, without scanning the whole table per programme."""
        groups = self.grouped(table, key)
        found = [row for value in values for row in groups.get(value, ())]
        if len(found) > 1:
            positions = self._positions.get(table)
            if positions is None:
                positions = self._positions[table] = {id(row): i for i, row in enumerate(self[table])}
            found.sort(key=lambda row: positions[id(row)])
        return found


def _group(rows: Iterable[_Row], key: str) -> dict[Any, list[_Row]]:
    grouped: dict[Any, list[_Row]] = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped


# The four column names of each cost, made once: formatting them per row cost ~5 ms of the
# 2,000-action programme's read at 100x (5,600 costs).
_COST_KEYS = {prefix: tuple(cost_columns(prefix)) for prefix in ("cost", "amount", "total", "subtotal")}
# The stored text to its status: CostValue would otherwise look each one up through the enum's call.
_STATUS = {status.value: status for status in CostStatus}


def _cost(row: _Row, prefix: str) -> CostValue | None:
    """One cost from its four columns; None when the record has no such figure (unknown stays unknown)."""
    status_key, amount_key, qualifier_key, text_key = _COST_KEYS[prefix]
    status, text = row[status_key], row[text_key]
    if status is None or text is None:
        return None
    # An unknown stored status stays a string here, so CostValue refuses it as before.
    return CostValue(status=_STATUS[status] if status in _STATUS else status, amount=row[amount_key], text=text,
                     qualifier=row[qualifier_key])


def _reconcile(costs: Iterable[CostValue], documented: CostValue | None) -> Reconciliation:
    """The computed sum next to the figure the document prints."""
    return Reconciliation(computed=sum_costs(costs), documented=documented)


def _required_cost(row: _Row, prefix: str) -> CostValue:
    cost = _cost(row, prefix)
    if cost is None:  # NOT NULL columns: only a damaged file gets here
        raise sqlite3.DatabaseError(_("kosten ontbreken bij {value}").format(value=row.get('id')))
    return cost


# ---- the catalogue -------------------------------------------------------------------------------


def summary(conn: sqlite3.Connection) -> DataSummary:
    meta = {row["key"]: row["value"] for row in _Rows(conn)["meta"]}
    return DataSummary(data_version=meta.get("data_version"), schema_version=meta.get("schema_version"))


def _programmes(rows: _Rows) -> tuple[ProgrammeInfo, ...]:
    municipalities = rows.by_id("municipalities")
    doc_programme = {d["id"]: d["programme_id"] for d in rows["documents"]}
    with_domains = {d["programme_id"] for d in rows["domains"]}
    with_themes = {doc_programme.get(v["document_id"]) for v in rows["aandachtsvelden"]}
    with_plans = {doc_programme.get(p["document_id"]) for p in rows["action_plans"]}
    return tuple(
        ProgrammeInfo(
            id=p["id"], title=p["title"], municipality=municipalities[p["municipality_id"]]["name"],
            period_start=p["period_start"], period_end=p["period_end"], has_domains=p["id"] in with_domains,
            has_themes=p["id"] in with_themes, has_action_plan=p["id"] in with_plans,
        )
        for p in rows["programmes"]
    )


def catalog(conn: sqlite3.Connection) -> Catalog:
    """The programmes and the data version: enough to fill the window's selectors."""
    return Catalog(summary=summary(conn), programmes=_programmes(_Rows(conn)))


def anchor_ids(conn: sqlite3.Connection) -> frozenset[str]:
    """Ids of every item a personal note can be anchored to (to tell loose notes apart)."""
    sql = " UNION ALL ".join(f"SELECT id FROM {table}" for table in ANCHOR_TABLES)
    return frozenset(row[0] for row in conn.execute(sql))


def college(conn: sqlite3.Connection, programme_id: str) -> tuple[PersonInfo, ...]:
    """The members of a programme's college, in the document's order."""
    return _Programme(_Rows(conn), programme_id).college()


# ---- one programme -------------------------------------------------------------------------------


class _Programme:
    """Builds the records of one programme from the rows of one unit of work."""

    def __init__(self, rows: _Rows, programme_id: str):
        self.rows = rows
        self.pid = programme_id
        self.documents = rows.by_ids("documents")
        self.own_documents = {d["id"] for d in rows.grouped("documents", "programme_id").get(programme_id, ())}
        self.people = rows.by_ids("people")
        self.memberships = list(rows.grouped("memberships", "programme_id").get(programme_id, ()))
        self.membership_of: dict[str, _Row] = {}
        for membership in self.memberships:
            self.membership_of.setdefault(membership["person_id"], membership)
        self._budget_infos: list[tuple[_Row, BudgetInfo]] | None = None

    def own(self, table: str) -> list[_Row]:
        """The rows of ``table`` that belong to this programme's documents, in the table's order."""
        return self.rows.of(table, "document_id", self.own_documents)

    def source(self, row: _Row) -> SourceInfo:
        document = self.documents.get(row["source_doc_id"])
        return SourceInfo(
            document_id=row["source_doc_id"],
            document_title=document["title"] if document else row["source_doc_id"],
            quote=row["source_quote"],
            section=row["source_section"],
        )

    def person(self, person_id: str) -> PersonInfo:
        person = self.people[person_id]
        membership = self.membership_of.get(person_id)
        return PersonInfo(
            id=person["id"], name=person["name"],
            role=membership["role"] if membership else None,
            party=membership["party"] if membership else None,
            locoburgemeester_order=membership["locoburgemeester_order"] if membership else None,
            source=self.source(person),
        )

    def document(self, document_id: str) -> DocumentInfo:
        d = self.documents[document_id]
        return DocumentInfo(
            id=d["id"], kind=d["kind"], title=d["title"], date=d["date"], date_text=d["date_text"],
            status=d["status"], status_text=d["status_text"], note=d["note"],
        )

    def college(self) -> tuple[PersonInfo, ...]:
        return tuple(self.person(m["person_id"]) for m in self.memberships)

    def velden(self) -> tuple[AandachtsveldInfo, ...]:
        themes = self.rows.grouped("themes", "aandachtsveld_id")
        result = []
        for veld in self.own("aandachtsvelden"):
            infos = tuple(
                ThemeInfo(
                    id=t["id"], number=t["number"], name=t["name"], aandachtsveld_id=veld["id"],
                    aandachtsveld=veld["name"], regie=self.person(t["regie_id"]) if t["regie_id"] else None,
                    extra_attention=t["extra_attention"], source=self.source(t),
                )
                for t in themes.get(veld["id"], ())
            )
            result.append(AandachtsveldInfo(id=veld["id"], name=veld["name"], themes=infos))
        return tuple(result)

    def chapters(self) -> tuple[ChapterInfo, ...]:
        theme_ids = self.rows.grouped("chapter_themes", "chapter_id")
        targets = self.rows.grouped("targets", "focus_point_id")
        points = self.rows.grouped("focus_points", "chapter_id")
        funding = self.focus_point_budgets()
        return tuple(
            ChapterInfo(
                id=c["id"], number=c["number"], title=c["title"],
                document_title=self.documents[c["document_id"]]["title"], summary=c["summary"],
                theme_ids=tuple(link["theme_id"] for link in theme_ids.get(c["id"], ())),
                focus_points=tuple(
                    FocusPointInfo(
                        id=p["id"], order=p["order"], text=p["text"], section=p["section"],
                        targets=tuple(
                            TargetInfo(text=t["text"], figure=t["figure"], unit=t["unit"], year=t["year"],
                                       start_year=t["start_year"], qualifier=t["qualifier"])
                            for t in targets.get(p["id"], ())
                        ),
                        source=self.source(p),
                        budgets=funding.get(p["id"], ()),
                    )
                    for p in points.get(c["id"], ())
                ),
                source=self.source(c),
            )
            for c in self.own("chapters")
        )

    def theme_links(self, theme_ids: set[str]) -> dict[str, tuple[ThemeLinkInfo, ...]]:
        """The links of these themes only: all of them, per programme, grew with programmes x links."""
        return {
            theme_id: tuple(
                ThemeLinkInfo(theme_id=r["theme_id"], plan_id=r["plan_id"], action_id=r["action_id"],
                              basis=r["basis"], rationale=r["rationale"], source=self.source(r))
                for r in links
            )
            for theme_id, links in self.rows.grouped("theme_links", "theme_id").items()
            if theme_id in theme_ids
        }

    def _actions(self, plan_ids: set[str]) -> dict[str, list[ActionInfo]]:
        phases = self.rows.grouped("planning_phases", "action_id")
        budget_names = {b_id: b["name"] for b_id, b in self.rows.by_ids("budgets").items()}
        fundings = self.rows.grouped("fundings", "action_id")
        themes = self.rows.derived("action_themes", self._action_themes)
        result: dict[str, list[ActionInfo]] = defaultdict(list)
        by_plan = self.rows.grouped("actions", "plan_id")
        for a in (a for plan_id in sorted(plan_ids) for a in by_plan.get(plan_id, ())):
            result[a["plan_id"]].append(
                ActionInfo(
                    id=a["id"], plan_id=a["plan_id"], focusopgave_id=a["focusopgave_id"], number=a["number"],
                    trekker=a["trekker"], title=a["title"], heading=a["heading"], what=a["what"],
                    cost=_required_cost(a, "cost"), explanation=a["explanation"], planning_text=a["planning_text"],
                    phases=tuple(
                        PhaseInfo(label=p["label"], start=p["start"], end=p["end"], precision=p["precision"],
                                  open_ended=p["open_ended"], text=p["text"])
                        for p in phases.get(a["id"], ())
                    ),
                    fundings=tuple(
                        FundingInfo(budget_id=f["budget_id"], budget_name=budget_names[f["budget_id"]],
                                    budget_line_id=f["budget_line_id"], amount=_cost(f, "amount"),
                                    source=self.source(f), funds=f["funds"], part=bool(f["part"]))
                        for f in fundings.get(a["id"], ())
                    ),
                    theme_ids=tuple(link["theme_id"] for link in themes.get(a["id"], ())),
                    note=a["note"], source=self.source(a),
                    running_text=a["running_text"], planning_running=a["planning_running"],
                    planning_conflict=bool(a["planning_conflict"]), condition=a["condition"],
                    cost_scope=a["cost_scope"],
                )
            )
        return result

    def _action_themes(self) -> dict[Any, list[_Row]]:
        linked = [link for link in self.rows["theme_links"] if link["action_id"] is not None]
        return _group(sorted(linked, key=lambda link: link["theme_id"]), "action_id")

    def _funded(self) -> tuple[dict[Any, list[_Row]], dict[Any, list[_Row]]]:
        by_action = sorted(self.rows["fundings"], key=lambda f: f["action_id"])
        return (_group(by_action, "budget_id"),
                _group((f for f in by_action if f["budget_line_id"]), "budget_line_id"))

    def focus_point_budgets(self) -> dict[str, tuple[BudgetInfo, ...]]:
        """The budgets a document names for one of its commitments (the klimaatgelden), per focus point."""
        found: dict[str, list[BudgetInfo]] = defaultdict(list)
        for row, budget in self._budgets():
            if row["focus_point_id"]:
                found[row["focus_point_id"]].append(budget)
        return {point: tuple(budgets) for point, budgets in found.items()}

    def budgets(self, plan_document: str | None) -> tuple[BudgetInfo, ...]:
        # An action plan shows its own budgets and those no document is named for; another
        # document's budget (the uitvoeringsprogramma's klimaatgelden) is not the plan's money.
        return tuple(
            budget for row, budget in self._budgets()
            if plan_document is None or row["document_id"] in (None, plan_document)
        )

    def _budgets(self) -> list[tuple[_Row, BudgetInfo]]:
        """Every budget of the programme with its row, made once: the focus points and each plan
        pick theirs from it (made per caller, the 1,400 lines at 100x were built twice)."""
        if self._budget_infos is None:
            self._budget_infos = list(self._make_budgets())
        return self._budget_infos

    def _make_budgets(self) -> Iterator[tuple[_Row, BudgetInfo]]:
        funded_by_budget, funded_by_line = self.rows.derived("funded", self._funded)
        lines = self.rows.grouped("budget_lines", "budget_id")
        for b in self.rows.grouped("budgets", "programme_id").get(self.pid, ()):
            infos = tuple(
                BudgetLineInfo(
                    id=line["id"], number=line["number"], title=line["title"], cost=_required_cost(line, "cost"),
                    remark=line["remark"],
                    funded_action_ids=tuple(f["action_id"] for f in funded_by_line.get(line["id"], ())),
                    source=self.source(line),
                )
                for line in lines.get(b["id"], ())
            )
            reconciliation = (
                _reconcile((line.cost for line in infos), _cost(b, "total")) if infos else None
            )
            yield b, BudgetInfo(
                id=b["id"], name=b["name"], kind=b["kind"], amount=_cost(b, "amount"),
                period_text=b["period_text"], description=b["description"], lines=infos,
                reconciliation=reconciliation, total_label=b["total_label"],
                funded_action_ids=tuple(f["action_id"] for f in funded_by_budget.get(b["id"], ())),
                source=self.source(b), per=b["per"],
                document_title=self.documents[b["document_id"]]["title"] if b["document_id"] else None,
            )

    def plans(self) -> tuple[ActionPlanInfo, ...]:
        plans = self.own("action_plans")
        if not plans:
            return ()
        actions = self._actions({p["id"] for p in plans})
        focusopgaven = self.rows.grouped("focusopgaven", "plan_id")
        perspectives = self.rows.grouped("perspectives", "plan_id")
        result = []
        for plan in plans:
            budgets = self.budgets(plan["document_id"])
            own = actions.get(plan["id"], [])
            # Grouped once: scanning the plan's actions per focusopgave grew with actions x
            # focusopgaven (18 s of a 20,000-action plan's read at 1,000x).
            by_focusopgave: dict[str | None, list[ActionInfo]] = defaultdict(list)
            for a in own:
                by_focusopgave[a.focusopgave_id].append(a)
            opgaven = []
            for f in focusopgaven.get(plan["id"], ()):
                mine = tuple(by_focusopgave.get(f["id"], ()))
                opgaven.append(
                    FocusopgaveInfo(
                        id=f["id"], number=f["number"], letter=f["letter"], title=f["title"],
                        table_title=f["table_title"], lead=f["lead"], objective=f["objective"],
                        responsible=f["responsible"], actions=mine,
                        reconciliation=_reconcile((a.cost for a in mine), _cost(f, "subtotal")),
                        source=self.source(f),
                    )
                )
            result.append(
                ActionPlanInfo(
                    id=plan["id"], title=plan["title"], document=self.document(plan["document_id"]),
                    focusopgaven=tuple(opgaven), loose_actions=tuple(by_focusopgave.get(None, ())),
                    reconciliation=_reconcile((a.cost for a in own), _cost(plan, "total")),
                    total_label=plan["total_label"], budgets=budgets, source=self.source(plan),
                    monitoring_text=plan["monitoring_text"],
                    perspectives=tuple(
                        PerspectiveInfo(id=p["id"], number=p["number"], title=p["title"], value_text=p["value_text"],
                                        opgaven=tuple(p["opgaven"].split("\n")) if p["opgaven"] else (),
                                        source=self.source(p))
                        for p in perspectives.get(plan["id"], ())
                    ),
                )
            )
        return tuple(result)

    def matrix(self, college: tuple[PersonInfo, ...], velden: tuple[AandachtsveldInfo, ...]) -> PortfolioMatrix:
        regie: dict[str, list[ThemeInfo]] = defaultdict(list)
        for veld in velden:
            for theme in veld.themes:
                if theme.regie:
                    regie[theme.regie.id].append(theme)
        return PortfolioMatrix(
            members=college,
            domains=tuple(
                DomainInfo(id=d["id"], name=d["name"])
                for d in self.rows.grouped("domains", "programme_id").get(self.pid, ())
            ),
            items=tuple(
                PortfolioItemInfo(
                    id=i["id"], person_id=i["person_id"], domain_id=i["domain_id"],
                    domain_certain=i["domain_certain"], name=i["name"], detail=i["detail"], source=self.source(i),
                    row_quote=i["row_quote"],
                )
                for i in self.rows.grouped("portfolio_items", "programme_id").get(self.pid, ())
            ),
            regie={person_id: tuple(themes) for person_id, themes in regie.items()},
            remarks=self.remarks("portefeuilleverdeling"),
            empty_certain=frozenset(
                (m["person_id"], domain) for m in self.memberships for domain in (m["empty_certain"] or "").split("\n")
                if domain
            ),
        )

    def opgaven(self) -> tuple[OpgaveInfo, ...]:
        points = self.rows.grouped("speerpunten", "opgave_id")
        return tuple(
            OpgaveInfo(
                id=o["id"], number=o["number"], title=o["title"], summary=o["summary"],
                future_text=o["future_text"],
                document_title=self.documents[o["document_id"]]["title"],
                speerpunten=tuple(
                    SpeerpuntInfo(id=s["id"], order=s["order"], kind=s["kind"], text=s["text"],
                                  source=self.source(s))
                    for s in points.get(o["id"], ())
                ),
                source=self.source(o),
            )
            for o in self.own("opgaven")
        )

    def remarks(self, about: str) -> tuple[RemarkInfo, ...]:
        return tuple(
            RemarkInfo(id=r["id"], label=r["label"], text=r["text"], source=self.source(r))
            for r in self.rows.grouped("remarks", "programme_id").get(self.pid, ())
            if r["about"] == about
        )

    def core_values(self) -> tuple[CoreValueInfo, ...]:
        return tuple(
            CoreValueInfo(id=v["id"], order=v["order"], name=v["name"], text=v["text"],
                          document_title=self.documents[v["document_id"]]["title"], source=self.source(v))
            for v in self.own("core_values")
        )

    def topic_categories(self) -> tuple[TopicCategoryInfo, ...]:
        return tuple(
            TopicCategoryInfo(id=c["id"], code=c["code"], title=c["title"], text=c["text"],
                              document_title=self.documents[c["document_id"]]["title"], source=self.source(c))
            for c in self.own("topic_categories")
        )

    def agreements(self) -> tuple[AgreementInfo, ...]:
        return tuple(
            AgreementInfo(id=a["id"], question=a["question"], group=a["group"], order=a["order"], text=a["text"],
                          document_title=self.documents[a["document_id"]]["title"], source=self.source(a))
            for a in self.own("agreements")
        )

    def impulsprojecten(self) -> ImpulsprojectenInfo | None:
        projects = tuple(
            ImpulsprojectInfo(id=p["id"], order=p["order"], title=p["title"], text=p["text"], source=self.source(p))
            for p in self.own("impulsprojecten")
        )
        if not projects:
            return None
        return ImpulsprojectenInfo(intro=self.remarks("impulsprojecten"), projects=projects)

    def outline(self, programme: ProgrammeInfo) -> ProgrammeOutline:
        return ProgrammeOutline(
            programme=programme,
            college=self.college(),
            velden=self.velden(),
            opgaven=self.opgaven(),
            impulsprojecten=self.impulsprojecten(),
            core_values=self.core_values(),
            topic_categories=self.topic_categories(),
            agreements=self.agreements(),
        )

    def data(self, programme: ProgrammeInfo) -> ProgrammeData:
        outline = self.outline(programme)
        themes = outline.themes
        chapters = self.chapters()
        by_theme: dict[str, list[ChapterInfo]] = defaultdict(list)
        for chapter in chapters:
            for theme_id in chapter.theme_ids:
                by_theme[theme_id].append(chapter)
        links = self.theme_links({t.id for t in themes})
        return ProgrammeData(
            **msgspec.structs.asdict(outline),
            documents=tuple(self.document(i) for i in self.documents if i in self.own_documents),
            chapters=chapters,
            theme_chapters={t.id: tuple(by_theme.get(t.id, ())) for t in themes},
            theme_links={t.id: links.get(t.id, ()) for t in themes},
            plans=self.plans(),
            matrix=self.matrix(outline.college, outline.velden),
        )


def programme_data(conn: sqlite3.Connection, programme: ProgrammeInfo) -> ProgrammeData:
    """Everything the tabs and the reports show for one programme, in one unit of work."""
    return _Programme(_Rows(conn, programme.id), programme.id).data(programme)


def programme_outline(conn: sqlite3.Connection, programme: ProgrammeInfo) -> ProgrammeOutline | None:
    """What the themes tab shows first of a programme whose tree holds its themes or opgaven
    (a few ms: no plans, budgets or chapters read); None when its tree holds its chapters, whose
    focus points carry their budgets: that tab then waits for :func:`programme_data`."""
    outline = _Programme(_Rows(conn, programme.id), programme.id).outline(programme)
    return outline if outline.velden or outline.opgaven else None


def every_programme(conn: sqlite3.Connection) -> tuple[Catalog, dict[str, ProgrammeData]]:
    """The catalogue and every programme's data, reading each table once (for the diff)."""
    rows = _Rows(conn)
    found = Catalog(summary=summary(conn), programmes=_programmes(rows))
    return found, {p.id: _Programme(rows, p.id).data(p) for p in found.programmes}


# ---- for the window's background tasks -------------------------------------------------------------


def load_catalog(db: ReadOnlyDatabase) -> Catalog:
    """The programmes and the data version (runs in a worker; touches no widget)."""
    return db.read(catalog)


def load_programme(db: ReadOnlyDatabase, programme: ProgrammeInfo) -> ProgrammeData:
    """Everything the tabs show for one programme (runs in a worker; touches no widget)."""
    return db.read(programme_data, programme)

"""The one read path (:mod:`velsen_desk.storage.reader`): it agrees with the ORM tables, reads in
batches, needs no SQLAlchemy, and the diff sees what changed through it."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Column, MetaData, Table

from velsen_desk.storage import reader
from velsen_desk.storage import tables as m
from velsen_desk.storage.database import ReadOnlyDatabase
from velsen_desk.sync.diff import diff_databases

_IDENTIFIER = re.compile(r'"?([A-Za-z_][A-Za-z0-9_]*)"?')


def _order_columns(order: str) -> list[str]:
    """The column names in an ORDER BY clause ("rowid" is SQLite's own)."""
    names = []
    for term in order.split(","):
        match = _IDENTIFIER.fullmatch(term.strip().removesuffix(" DESC").removesuffix(" ASC"))
        assert match, f"unexpected ORDER BY term {term!r}"
        if match.group(1) != "rowid":
            names.append(match.group(1))
    return names


def _reader_columns() -> list[tuple[str, str, type | None]]:
    """(table, column, expected Python type or None when only ordered by) for every column the reader names."""
    named: list[tuple[str, str, type | None]] = []
    for table, (columns, order) in reader.COLUMNS.items():
        named += [(table, column, kind) for column, kind in columns.items()]
        named += [(table, column, None) for column in _order_columns(order)]
    named += [(table, "id", str) for table in reader.ANCHOR_TABLES]
    return named


def _mismatches(named: list[tuple[str, str, type | None]], metadata: MetaData = m.Base.metadata) -> list[str]:
    problems = []
    for table_name, column_name, kind in named:
        table = metadata.tables.get(table_name)
        if table is None:
            problems.append(f"{table_name}: no such ORM table")
            continue
        column = table.columns.get(column_name)
        if column is None:
            problems.append(f"{table_name}.{column_name}: no such ORM column")
        elif kind is not None and column.type.python_type is not kind:
            problems.append(f"{table_name}.{column_name}: reader expects {kind.__name__}, "
                            f"ORM has {column.type.python_type.__name__}")
    return problems


def test_every_column_the_reader_names_is_an_orm_column_of_the_same_type():
    assert _mismatches(_reader_columns()) == []


def test_a_column_renamed_on_either_side_is_caught(monkeypatch):
    # renamed in the ORM (a copy of the metadata where actions.trekker is called trekker_name)
    renamed = MetaData()
    for table in m.Base.metadata.tables.values():
        columns = [Column("trekker_name" if table.name == "actions" and c.name == "trekker" else c.name, c.type)
                   for c in table.columns]
        Table(table.name, renamed, *columns)
    assert _mismatches(_reader_columns(), renamed) == ["actions.trekker: no such ORM column"]
    # renamed in the reader
    columns, order = reader.COLUMNS["planning_phases"]
    wrong = {("begin" if name == "start" else name): kind for name, kind in columns.items()}
    monkeypatch.setitem(reader.COLUMNS, "planning_phases", (wrong, order))
    assert _mismatches(_reader_columns()) == ["planning_phases.begin: no such ORM column"]


def test_a_column_read_as_another_type_is_caught(monkeypatch):
    columns, order = reader.COLUMNS["planning_phases"]
    monkeypatch.setitem(reader.COLUMNS, "planning_phases", ({**columns, "start": str}, order))
    # a date read as text would reach the views as a string
    assert _mismatches(_reader_columns()) == ["planning_phases.start: reader expects str, ORM has date"]


def test_each_cost_is_four_columns_of_one_group():
    for table, prefix in (("actions", "cost"), ("budget_lines", "cost"), ("fundings", "amount"),
                          ("budgets", "amount"), ("budgets", "total"), ("action_plans", "total"),
                          ("focusopgaven", "subtotal")):
        columns = reader.COLUMNS[table][0]
        assert reader.cost_columns(prefix).items() <= columns.items(), (table, prefix)


def test_the_orm_declares_each_cost_once_with_the_columns_the_reader_reads():
    groups = {}
    for mapper in m.Base.registry.mappers:
        for group in mapper.composites:
            names = [column.name for column in group.columns]
            prefix = names[0].removesuffix("_status")
            assert set(names) == set(reader.cost_columns(prefix)), (mapper.local_table.name, names)
            groups[(mapper.local_table.name, group.key)] = prefix
    assert groups == {
        ("actions", "cost"): "cost", ("budget_lines", "cost"): "cost", ("fundings", "amount"): "amount",
        ("budgets", "amount"): "amount", ("budgets", "total"): "total", ("action_plans", "total"): "total",
        ("focusopgaven", "subtotal"): "subtotal", ("progress_entries", "spent"): "spent",
    }


def test_the_orm_cost_reads_back_as_the_reader_reads_it(built_db):
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    data = ReadOnlyDatabase(built_db).read(reader.every_programme)[1]["velsen-2022"]
    plan = data.plans[0]
    engine = create_engine(f"sqlite:///file:{built_db}?mode=ro&uri=true")
    try:
        with Session(engine) as session:
            actions = {a.id: a.cost for a in session.scalars(select(m.Action))}
            budgets = {b.id: (b.amount, b.total) for b in session.scalars(select(m.Budget))}
            plan_total = session.get(m.ActionPlan, plan.id).total
    finally:
        engine.dispose()
    assert all(actions[a.id] == a.cost for a in plan.actions)
    for budget in plan.budgets:
        amount, total = budgets[budget.id]
        assert amount == budget.amount  # None where the document states no amount: unknown stays unknown
        if budget.reconciliation is not None:
            assert total == budget.reconciliation.documented
    assert plan_total == plan.reconciliation.documented
    assert any(amount is None for amount, _ in budgets.values())


def test_one_query_per_table_however_many_items(built_db):
    statements: list[str] = []

    def read(conn: sqlite3.Connection):
        conn.set_trace_callback(statements.append)
        catalog = reader.catalog(conn)
        statements.clear()
        programme = catalog.programme("velsen-2022")
        assert programme is not None
        return reader.programme_data(conn, programme)

    data = ReadOnlyDatabase(built_db).read(read)
    assert len(data.plans[0].actions) == 20 and len(data.themes) == 16
    assert len(statements) <= len(reader.COLUMNS)
    assert len(statements) == len(set(statements))  # no table read twice


def test_reading_needs_no_sqlalchemy(built_db):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from velsen_desk.storage.database import ReadOnlyDatabase\n"
        "from velsen_desk.storage.reader import anchor_ids, every_programme, load_catalog\n"
        "from velsen_desk.storage.search import search\n"
        f"db = ReadOnlyDatabase(Path({str(built_db)!r}))\n"
        "catalog, data = db.read(every_programme)\n"
        "assert catalog == load_catalog(db) and len(data) == 3 and db.read(anchor_ids)\n"
        "assert db.read(search, 'financien')\n"
        "print(sorted(m for m in ('sqlalchemy', 'pydantic') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_college_and_anchor_ids(built_db):
    db = ReadOnlyDatabase(built_db)
    college = db.read(reader.college, "heemskerk-2018")
    assert college[0].name == "A.E.H. Baltus" and college[0].role == "burgemeester"
    anchors = db.read(reader.anchor_ids)
    assert {"velsen-2022.thema-15", "velsen-2022.avn.a09", "velsen-2022.sgivn.01", "heemskerk.aeh-baltus"} <= anchors


@pytest.fixture
def changed_copy(built_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "changed.sqlite"
    path.write_bytes(built_db.read_bytes())
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE actions SET cost_status = 'nvt', cost_amount = NULL, cost_text = 'n.v.t.' "
                     "WHERE id = 'velsen-2022.avn.a11'")
        for table in ("planning_phases", "fundings", "theme_links"):
            conn.execute(f"DELETE FROM {table} WHERE action_id = 'velsen-2022.avn.a03'")
        conn.execute("DELETE FROM actions WHERE id = 'velsen-2022.avn.a03'")
        conn.execute("UPDATE budget_lines SET remark = 'nieuw' WHERE id = 'velsen-2022.sgivn.03'")
        conn.execute("UPDATE focus_points SET text = 'andere tekst' "
                     "WHERE id = 'heemskerk-2018.coalitieakkoord.h2.fp02'")
        conn.execute(
            "INSERT INTO portfolio_items (id, programme_id, person_id, domain_id, domain_certain, name, detail, "
            '"order", source_doc_id) SELECT id || \'-x\', programme_id, person_id, domain_id, domain_certain, '
            "name || ' extra', detail, 99, source_doc_id FROM portfolio_items WHERE id = 'velsen-2022.pf.sd-07'"
        )
    conn.close()
    return path


def test_diff_sees_added_removed_and_changed_items_through_the_reader(built_db, changed_copy):
    changes = {str(c) for c in diff_databases(built_db, changed_copy)}
    assert changes == {
        "actie Actie 11: Inzet extra BOA: kosten € 120.000 → n.v.t.",
        "actie Actie 3: Nieuwbouw: verwijderd",
        "begrotingsregel Samen Gezellig in Velsen-Noord 3: Honden speeltuin: opmerking leeg → nieuw",
        "focuspunt De inwoner staat centraal, punt 6: tekst Wij vinden dat sport toegankelijk moet zijn voor "
        "iedereen en willen dat in de komende vier jaar meer mensen gaan sporten. → andere tekst",
        "portefeuille Schiphol extra (Sebastian Dinjens): toegevoegd",
    }


def test_a_report_over_a_damaged_file_says_so_in_dutch(built_db, tmp_path):
    from velsen_desk.reports.service import ReportError, ReportRequest, generate_report

    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(built_db.read_bytes())
    with sqlite3.connect(damaged) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DROP TABLE planning_phases")
    conn.close()
    request = ReportRequest(kind="budget", output=tmp_path / "begroting.pdf", database=damaged)
    with pytest.raises(ReportError, match="kan niet gelezen worden"):
        generate_report(request)

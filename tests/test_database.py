"""The built database: identity, determinism, read-only use, search, and the questions a
raadslid asks of it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from velsen_desk.core.formatting import format_cost, format_cost_short, format_sum
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage import reader
from velsen_desk.storage.build import build_database
from velsen_desk.storage.database import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    DatabaseError,
    ReadOnlyDatabase,
    inspect_database,
)

VELSEN = "velsen-2022"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset([bundled_data_dir()])


@pytest.fixture(scope="module")
def db(dataset, tmp_path_factory) -> Path:
    return build_database(dataset, tmp_path_factory.mktemp("db") / "velsen.sqlite").path


@pytest.fixture(scope="module")
def programmes(db) -> dict:
    """Every programme as the window, the reports and the diff read it."""
    return ReadOnlyDatabase(db).read(reader.every_programme)[1]


@pytest.fixture(scope="module")
def velsen(programmes):
    return programmes[VELSEN]


def _theme(data, number: int):
    return next(t for t in data.themes if t.number == number)


def test_header_identifies_the_file(db, dataset):
    info = inspect_database(db, check_integrity=True)
    assert info.application_id == APPLICATION_ID
    assert info.schema_version == SCHEMA_VERSION
    assert info.data_version == dataset.version()


def test_same_input_gives_identical_file(dataset, db, tmp_path):
    again = build_database(dataset, tmp_path / "again.sqlite").path
    assert again.read_bytes() == db.read_bytes()


def test_opened_read_only(db):
    def delete(conn):
        conn.execute("DELETE FROM themes")

    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only"):
        ReadOnlyDatabase(db).read(delete)


def test_foreign_database_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(DatabaseError, match="geen Velsen Desk-gegevensbestand"):
        ReadOnlyDatabase(other)


def test_newer_schema_is_refused(db, tmp_path):
    newer = tmp_path / "newer.sqlite"
    newer.write_bytes(db.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(DatabaseError, match="nieuwere versie"):
        inspect_database(newer)


def test_older_schema_is_refused_with_what_to_do(db, tmp_path):
    older = tmp_path / "older.sqlite"
    older.write_bytes(db.read_bytes())
    with sqlite3.connect(older) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    with pytest.raises(DatabaseError, match="oudere versie.*opnieuw publiceren"):
        inspect_database(older)


def test_truncated_file_is_refused(db, tmp_path):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(db.read_bytes()[:5000])
    with pytest.raises(DatabaseError):
        inspect_database(broken, check_integrity=True)


def test_failed_build_leaves_existing_file_untouched(dataset, db, tmp_path, monkeypatch):
    target = tmp_path / "keep.sqlite"
    target.write_bytes(db.read_bytes())
    import velsen_desk.storage.build as build_module

    def explode(conn):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(build_module, "create_search_index", explode)
    with pytest.raises(RuntimeError):
        build_database(dataset, target)
    assert target.read_bytes() == db.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["keep.sqlite"]


def test_who_holds_regie_over_a_theme(velsen):
    expected = {1: "Marianne Steijn", 2: "Sebastian Dinjens", 3: "Frank Dales", 9: "Sander Smeets",
                11: "Bram Diepstraten", 15: "Jeroen Verwoort", 16: "Marianne Steijn"}
    for number, name in expected.items():
        theme = _theme(velsen, number)
        assert theme.regie.name == name
    theme = _theme(velsen, 14)
    assert (theme.name, theme.aandachtsveld) == ("Participatie & democratische kwaliteit", "Randvoorwaarden scheppend")
    assert theme.extra_attention is None  # the colour that marked it was lost: unknown, not False


def test_what_focusopgave_2_costs(velsen):
    plan = velsen.plans[0]
    fo2 = plan.focusopgaven[1]
    assert fo2.title == "Veilige woonomgeving"
    assert [a.number for a in fo2.actions] == [6, 7, 8, 9, 10, 11]
    assert fo2.reconciliation.computed.known == 326_000
    assert fo2.reconciliation.agrees is True
    assert format_sum(fo2.reconciliation.computed) == "€ 326.000"


def test_subtotals_and_total_say_what_they_could_not_count(velsen):
    plan = velsen.plans[0]
    sums = [format_sum(f.reconciliation.computed) for f in plan.focusopgaven]
    assert sums == ["€ 0", "€ 326.000", "€ 165.000 + 1 post n.n.b."]
    assert format_sum(plan.reconciliation.computed) == "€ 691.000 + 1 post n.n.b."
    assert plan.reconciliation.documented.amount == 691_000 and plan.reconciliation.agrees
    assert [a.number for a in plan.loose_actions] == [20]


def test_nvt_nnb_and_zero_stay_distinct(velsen):
    actions = {a.number: a for a in velsen.plans[0].actions}
    assert format_cost(actions[1].cost) == "n.v.t."
    assert format_cost(actions[15].cost) == "n.n.b. (N.v.t. of n.n.b.)"
    assert format_cost(actions[11].cost) == "€ 120.000"
    # beside a chart bar: short, but still three different words
    assert [format_cost_short(actions[n].cost) for n in (1, 15, 11)] == ["n.v.t.", "n.n.b.", "€ 120.000"]
    fo1 = velsen.plans[0].focusopgaven[0]
    assert fo1.reconciliation.documented.text == "€0"  # a documented zero, not a missing figure


def test_which_actions_have_unknown_planning(velsen):
    unknown = [a for plan in velsen.plans for a in plan.actions if a.planning_unknown]
    assert [a.number for a in unknown] == [4, 9, 10]
    recurring = {a.number: a for a in velsen.plans[0].actions}[19]
    assert [p.precision for p in recurring.phases] == ["recurring"]


def test_cross_funding_of_action_9(velsen):
    plan = velsen.plans[0]
    action9 = {a.number: a for a in plan.actions}[9]
    assert action9.cost.amount == 100_000
    [funding] = action9.fundings
    assert (funding.budget_name, funding.amount.amount) == ("Samen Gezellig in Velsen-Noord", 50_000)
    sgivn = next(b for b in plan.budgets if b.id == "velsen-2022.budget.sgivn")
    line7 = next(line for line in sgivn.lines if line.number == 7)
    assert line7.funded_action_ids == (action9.id,)
    assert sgivn.reconciliation.computed.known == 498_000 and sgivn.reconciliation.agrees
    assert format_cost(sgivn.amount) == "minimaal € 500.000"


def test_round_trip_keeps_every_action_as_curated(velsen, dataset):
    stored = {a.id: a for a in velsen.plans[0].actions}
    for curated in (a for a in dataset.actions if a.plan == "velsen-2022.avn"):
        row = stored[curated.id]
        assert (row.number, row.trekker, row.title, row.what, row.explanation, row.planning_text) == (
            curated.number, curated.trekker, curated.title, curated.what, curated.explanation, curated.planning_text)
        assert (row.cost.status, row.cost.amount, row.cost.text) == (
            curated.cost.status.value, curated.cost.amount, curated.cost.text)
        assert row.source.quote == curated.source.quote


def test_chapters_contribute_to_themes_with_targets(velsen):
    theme = _theme(velsen, 1)
    [chapter] = velsen.theme_chapters[theme.id]
    assert chapter.title == "Veilig, schoon en leefbaar"
    targets = [t for p in chapter.focus_points for t in p.targets]
    assert any(t.figure == 5 and t.unit == "%" and t.year == 2026 for t in targets)


def test_heemskerk_college_without_domains(programmes):
    matrix = programmes["heemskerk-2018"].matrix
    assert matrix.domains == ()
    roles = [(p.name, p.role, p.party, p.locoburgemeester_order) for p in matrix.members]
    assert roles[0] == ("A.E.H. Baltus", "burgemeester", "CDA", None)
    assert roles[1][1:] == ("wethouder", "Heemskerk Lokaal", 1)
    assert all(i.domain_id is None for i in matrix.items)


def test_velsen_roles_and_parties_stay_unknown(db, velsen):
    members = ReadOnlyDatabase(db).read(reader.college, VELSEN)
    assert members == velsen.college
    assert len(members) == 6
    assert all(p.role is None and p.party is None for p in members)


@pytest.mark.parametrize(
    ("query", "expected_id"),
    [
        ("financien", "velsen-2022.thema-15"),
        ("FINANCIËN", "velsen-2022.thema-15"),
        ("strating*", "velsen-2022.avn.a08"),
        ("wijkkrant", "velsen-2022.avn.a19"),
        ("Marianne", "velsen-2022.thema-01"),
    ],
)
def test_full_text_index_is_accent_and_case_insensitive(db, query, expected_id):
    def match(conn):
        return [row[0] for row in conn.execute("SELECT ref_id FROM search_fts WHERE search_fts MATCH ?", (query,))]

    assert expected_id in ReadOnlyDatabase(db).read(match)


def test_a_municipality_without_a_source_builds(tmp_path):
    """The schema makes a municipality's source optional; the build must accept what validate accepts."""
    import shutil

    from velsen_desk.core.paths import bundled_data_dir
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.storage.build import build_database

    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    target = data / "heemskerk-2018.yaml"
    lines = target.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("municipalities:"))
    source_line = next(i for i in range(start, len(lines)) if lines[i].strip().startswith("source:"))
    end = source_line + 1
    indent = " " * (len(lines[source_line]) - len(lines[source_line].lstrip()) + 2)
    while end < len(lines) and lines[end].startswith(indent):
        end += 1
    del lines[source_line:end]
    target.write_text("\n".join(lines), encoding="utf-8")
    result = build_database(load_dataset([data]), tmp_path / "x.sqlite")
    assert result.path.is_file()

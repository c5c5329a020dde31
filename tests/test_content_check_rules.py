"""The sync's content check refuses, per table in SQL, every value the read path cannot turn into
records (issue 17: it no longer builds every programme's records, which cost 29x a copy at 100x)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from velsen_desk.storage import content_check, reader
from velsen_desk.storage.content_check import TEXT_LIMIT, check_content, max_text_length
from velsen_desk.storage.database import DatabaseError


def _without_constraints(table: str) -> tuple[str, ...]:
    """A hostile file need not keep the built file's NOT NULL constraints: the same table, without them."""
    return (f'CREATE TABLE "x_{table}" AS SELECT * FROM "{table}"', f'DROP TABLE "{table}"',
            f'ALTER TABLE "x_{table}" RENAME TO "{table}"')


def _variant(built: Path, target: Path, *sql: str) -> Path:
    target.write_bytes(built.read_bytes())
    with closing(sqlite3.connect(target)) as conn, conn:
        for statement in sql:
            conn.execute(statement)
    return target


UNREADABLE = {
    "a planning date that is no day": ("UPDATE planning_phases SET start = '2024-02-30' WHERE rowid = 1",),
    "a cost status the reader does not know": ("UPDATE actions SET cost_status = 'gratis' WHERE rowid = 1",),
    "an action without its required cost": (*_without_constraints("actions"),
                                            "UPDATE actions SET cost_status = NULL WHERE rowid = 1"),
    "a member who is no person": ("UPDATE memberships SET person_id = 'niemand' WHERE rowid = 1",),
    "a member without a person": (*_without_constraints("memberships"),
                                  "UPDATE memberships SET person_id = NULL WHERE rowid = 1"),
    "a regie by no person": ("UPDATE themes SET regie_id = 'niemand' WHERE rowid = 1",),
    "a programme of no municipality": ("UPDATE programmes SET municipality_id = 'nergens' WHERE rowid = 1",),
    "funding from no budget": ("UPDATE fundings SET budget_id = 'geen' WHERE rowid = 1",),
    "funding of no action": (*_without_constraints("fundings"),
                             "UPDATE fundings SET action_id = NULL WHERE rowid = 1"),
    "an action link without its theme": (
        *_without_constraints("theme_links"),
        "UPDATE theme_links SET theme_id = NULL "
        "WHERE rowid = (SELECT min(rowid) FROM theme_links WHERE action_id IS NOT NULL)",
    ),
}


@pytest.mark.parametrize("case", list(UNREADABLE))
def test_values_the_reader_cannot_read_are_refused(built, tmp_path, case):
    hostile = _variant(built, tmp_path / "hostile.sqlite", *UNREADABLE[case])
    assert hostile.read_bytes() != built.read_bytes()  # the case did change something
    with pytest.raises(DatabaseError, match="niet te lezen zoals Velsen Desk ze leest"):
        check_content(hostile)


def test_the_cases_break_the_real_read_path(built, tmp_path):
    """Each refused case is one the reader itself fails on (so the SQL rules are not stricter by accident)."""
    for case, sql in UNREADABLE.items():
        hostile = _variant(built, tmp_path / f"{len(case)}-{case[:12]}.sqlite", *sql)
        with closing(sqlite3.connect(hostile)) as conn, pytest.raises(
            (ValueError, TypeError, KeyError, sqlite3.DatabaseError)
        ):
            reader.every_programme(conn)


def test_a_duplicate_programme_id_is_refused(built, tmp_path):
    hostile = _variant(built, tmp_path / "twice.sqlite", *_without_constraints("programmes"),
                       "INSERT INTO programmes SELECT * FROM programmes WHERE rowid = 1")
    with pytest.raises(DatabaseError, match="een programma ontbreekt"):
        check_content(hostile)


def test_a_missing_data_version_is_refused(built, tmp_path):
    hostile = _variant(built, tmp_path / "versionless.sqlite", "DELETE FROM meta WHERE key = 'data_version'")
    with pytest.raises(DatabaseError, match="gegevensversie of een programma ontbreekt"):
        check_content(hostile)


def test_the_check_does_not_build_every_programme(built, tmp_path, monkeypatch):
    """Per table in SQL: building every programme's records was the cost of a full sync."""
    def refuse(*_args: object) -> object:
        raise AssertionError("the content check built every programme")

    monkeypatch.setattr(reader, "every_programme", refuse)
    monkeypatch.setattr(reader, "programme_data", refuse)
    copy = _variant(built, tmp_path / "copy.sqlite")
    assert content_check.content_problems(copy) == []


def test_the_text_limit_is_the_schemas():
    assert TEXT_LIMIT == max_text_length()

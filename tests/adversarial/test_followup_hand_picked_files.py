"""Follow-up attack (own): a database file the user names (``--database``, ``diff``) with content
the application cannot read -- a damaged search index, a text where a number belongs, a 30 MB
text, a date that is no date -- gets a Dutch message and exit status 1 instead of "Er ging iets
onverwachts mis" or minutes of layout; the named file itself is never changed; a FIFO named as
database is refused without blocking."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from velsen_desk.cli.main import main

HOSTILE = {
    "search index": ("DELETE FROM search_fts_data WHERE rowid > 10", "zoekindex"),
    "number": ("UPDATE themes SET number = 'abc' WHERE rowid = 1", "themes.number"),
    "long text": ("UPDATE themes SET name = printf('%.*c', 30000000, 'x') WHERE rowid = 1", "30000000 tekens"),
    "date": ("UPDATE documents SET date = 'gisteren' WHERE rowid = 1", "niet te lezen"),
}


@pytest.fixture(scope="module", params=list(HOSTILE))
def hostile(request, built, tmp_path_factory) -> tuple[Path, str]:
    sql, message = HOSTILE[request.param]
    path = tmp_path_factory.mktemp("h") / "hostile.sqlite"
    path.write_bytes(built.read_bytes())
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(sql)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("VACUUM")
    return path, message


@pytest.mark.parametrize("command", ["search", "report", "diff-old", "diff-new"])
def test_hand_picked_unreadable_database_is_a_dutch_message(hostile, built, tmp_path, capsys, command):
    path, message = hostile
    before = path.read_bytes()
    args = {
        "search": ["search", "velsen", "--database", str(path)],
        "report": ["report", "themes", "-o", str(tmp_path / "r.pdf"), "--database", str(path)],
        "diff-old": ["diff", str(path), str(built)],
        "diff-new": ["diff", str(built), str(path)],
    }[command]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert message in err and "onverwachts" not in err
    assert path.read_bytes() == before
    assert not (tmp_path / "r.pdf").exists()


def test_fifo_named_as_database_is_refused_without_blocking(tmp_path, capsys):
    fifo = tmp_path / "db.sqlite"
    os.mkfifo(fifo)
    assert main(["search", "x", "--database", str(fifo)]) == 1
    assert "geen gewoon bestand" in capsys.readouterr().err


def test_output_into_a_closed_pipe_is_not_an_internal_error(built, monkeypatch, capsys):
    def closed(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("builtins.print", closed)
    assert main(["search", "velsen", "--database", str(built)]) == 0

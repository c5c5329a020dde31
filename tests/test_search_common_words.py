"""Search for a word nearly every row holds: title hits first, in the index's order, unranked."""

from __future__ import annotations

from pathlib import Path

import pytest

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage import search as search_module
from velsen_desk.storage.build import build_database
from velsen_desk.storage.database import connect_readonly
from velsen_desk.storage.search import match_expression, search


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    db: Path = build_database(load_dataset([bundled_data_dir()]), tmp_path_factory.mktemp("s") / "v.sqlite").path
    with connect_readonly(db) as connection:
        yield connection


def _in_index_order(conn, expression: str, programme: str | None = None) -> list[str]:
    sql = "SELECT ref_id FROM search_fts WHERE search_fts MATCH ? " + ("AND programme_id = ? " if programme else "")
    return [row[0] for row in conn.execute(sql + "ORDER BY rowid", (expression, *([programme] if programme else [])))]


def test_a_query_over_the_rank_limit_gives_title_hits_first_then_the_rest(conn, monkeypatch):
    expression = match_expression("velsen")
    assert expression is not None
    every = _in_index_order(conn, expression)
    titles = _in_index_order(conn, f"{{title}} : ({expression})")
    assert 0 < len(titles) < 100 < len(every)  # the bundled data: some titles, more texts
    monkeypatch.setattr(search_module, "RANK_LIMIT", 10)
    hits = [h.ref_id for h in search(conn, "velsen", limit=100)]
    rest = [ref for ref in every if ref not in titles]
    assert hits == (titles + rest)[:100]


def test_a_query_over_the_rank_limit_keeps_the_programme_and_every_word(conn, monkeypatch):
    monkeypatch.setattr(search_module, "RANK_LIMIT", 3)
    expression = match_expression("de gemeente")
    assert expression is not None
    matching = _in_index_order(conn, expression, "velsen-2022")
    assert len(matching) > 20
    hits = search(conn, "de gemeente", programme_id="velsen-2022", limit=20)
    assert len({h.ref_id for h in hits}) == len(hits) == 20
    assert all(h.programme_id == "velsen-2022" for h in hits)
    assert {h.ref_id for h in hits} <= set(matching)


def test_title_hits_alone_fill_a_small_limit(conn, monkeypatch):
    monkeypatch.setattr(search_module, "RANK_LIMIT", 10)
    titles = _in_index_order(conn, '{title} : ("velsen"*)')
    assert [h.ref_id for h in search(conn, "velsen", limit=2)] == titles[:2]


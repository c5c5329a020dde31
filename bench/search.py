"""Benchmark: search on the bundled data, against a bare FTS5 MATCH of the same words.

Run: .venv/bin/python bench/search.py
Prints the median time per query for Velsen Desk's search (word splitting, prefix matching,
ranking, highlight and snippet) and for a bare ``SELECT ref_id ... MATCH`` in the same run.
Aim: well under 50 ms per query.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage.build import build_database
from velsen_desk.storage.database import connect_readonly
from velsen_desk.storage.search import match_expression, search

QUERIES = ["financien", "f", "fi", "stratingplantsoen", "wonen woningbouw", "Velsen", "€", "AND(", "x" * 1000,
           "jeugd", "luchtkwaliteit", "de", "Marianne", "cooperatie", "veiligheid boa"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = build_database(load_dataset([bundled_data_dir()]), Path(tmp) / "v.sqlite").path
        with connect_readonly(db) as conn:
            ours, bare = [], []
            for _ in range(20):
                for query in QUERIES:
                    start = time.perf_counter()
                    search(conn, query)
                    ours.append(time.perf_counter() - start)
                    expression = match_expression(query)
                    start = time.perf_counter()
                    if expression:
                        conn.execute("SELECT ref_id FROM search_fts WHERE search_fts MATCH ?", (expression,)).fetchall()
                    bare.append(time.perf_counter() - start)
    ours_ms, bare_ms = statistics.median(ours) * 1000, statistics.median(bare) * 1000
    print(f"queries:                 {len(QUERIES)} x 20")
    print(f"Velsen Desk search:      median {ours_ms:6.2f} ms, max {max(ours) * 1000:6.2f} ms (aim < 50 ms)")
    print(f"bare FTS5 MATCH:         median {bare_ms:6.2f} ms")
    print(f"ratio:                   {ours_ms / bare_ms:6.2f}x")


if __name__ == "__main__":
    main()

"""Search on a built database (e.g. 100×), against a bare ranked FTS5 query in the same run.

    .venv/bin/python bench/search_scale.py DATABASE [--reps 5]

For each query of ``bench/scale.py`` (one- and two-letter prefixes, a word in every row, rare
words, nothing), the median of ``--reps`` calls of :func:`velsen_desk.storage.search.search` on
one open connection, as the window's search runner does, and of the bare baseline: the same
MATCH ranked by FTS5's ``rank`` with a snippet, ``LIMIT 200``. Prints per query and the median
and slowest over all queries (issue 17's goal at 100×: median < 5 ms, slowest < 30 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import SEARCH_QUERIES  # noqa: E402

from velsen_desk.storage.database import connect_readonly  # noqa: E402
from velsen_desk.storage.search import match_expression, search  # noqa: E402

BARE = ("SELECT kind, ref_id, snippet(search_fts, -1, '', '', '…', 16) FROM search_fts "
        "WHERE search_fts MATCH ? ORDER BY rank LIMIT 200")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args(argv)
    with connect_readonly(args.database) as conn:

        def ours(query: str) -> int:
            return len(search(conn, query))

        def bare(query: str) -> int:
            expression = match_expression(query)
            return len(conn.execute(BARE, (expression,)).fetchall()) if expression else 0

        legs: dict[str, Callable[[str], int]] = {"ours": ours, "bare": bare}
        medians: dict[str, dict[str, float]] = {name: {} for name in legs}
        print(f"{'query':<34} {'ours ms':>9} {'bare ms':>9} {'hits':>5}")
        for query in SEARCH_QUERIES:
            hits = ours(query)
            for name, call in legs.items():
                call(query)  # warm the page cache
                times = []
                for _ in range(args.reps):
                    start = time.perf_counter()
                    call(query)
                    times.append(time.perf_counter() - start)
                medians[name][query] = statistics.median(times)
            print(f"{query:<34} {medians['ours'][query] * 1000:9.2f} {medians['bare'][query] * 1000:9.2f} {hits:5d}")
    for name in legs:
        values = medians[name]
        slowest = max(values, key=values.__getitem__)
        print(f"{name}: median {statistics.median(values.values()) * 1000:.2f} ms, "
              f"slowest {values[slowest] * 1000:.2f} ms ({slowest!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: sync of a large synthetic database against a plain copy plus quick_check.

Run: .venv/bin/python bench/sync.py [--mb 300]
Prints the no-change sync time, the full sync time, the baseline (file copy + PRAGMA
quick_check of the same file, measured in the same run) and their ratio.
Aims: no-change < 20 ms at any size; full sync within 1.5x of copy+check.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.loader import load_dataset
from velsen_desk.storage.build import build_database
from velsen_desk.storage.local_copy import write_origin
from velsen_desk.sync.publish import publish
from velsen_desk.sync.sync import sync


def make_large_database(path: Path, megabytes: int) -> None:
    build_database(load_dataset([bundled_data_dir()]), path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE bench_padding (id INTEGER PRIMARY KEY, payload BLOB)")
    chunk = 64 * 1024
    rows = megabytes * 1024 * 1024 // chunk
    conn.executemany("INSERT INTO bench_padding (payload) VALUES (?)", ((os.urandom(chunk),) for _ in range(rows)))
    conn.execute("CREATE INDEX bench_padding_len ON bench_padding (length(payload))")
    conn.commit()
    conn.close()


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source, share, laptop = tmp / "source.sqlite", tmp / "share", tmp / "laptop"
        share.mkdir()
        make_large_database(source, args.mb)
        published = publish(source, share).path
        size_mb = published.stat().st_size / 1e6

        full, baseline = [], []
        for run in range(args.runs):
            local = laptop / f"run{run}" / "velsen-desk.sqlite"
            local.parent.mkdir(parents=True)
            write_origin(local, {"origin": "bench"})
            full.append(timed(lambda local=local: sync(share, local)))

            def copy_and_check(run=run) -> None:
                target = laptop / f"plain{run}.sqlite"
                shutil.copyfile(published, target)
                with open(target, "rb") as handle:
                    os.fsync(handle.fileno())
                conn = sqlite3.connect(target)
                assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
                conn.close()

            baseline.append(timed(copy_and_check))

        local = laptop / "run0" / "velsen-desk.sqlite"
        no_change = [timed(lambda: sync(share, local)) for _ in range(20)]

    full_s, base_s = statistics.median(full), statistics.median(baseline)
    print(f"database size:          {size_mb:8.1f} MB")
    print(f"no-change sync:         {statistics.median(no_change) * 1000:8.2f} ms (median of 20; aim < 20 ms)")
    print(f"full sync:              {full_s:8.3f} s  (median of {args.runs})")
    print(f"copy + quick_check:     {base_s:8.3f} s  (baseline, same run)")
    print(f"ratio sync / baseline:  {full_s / base_s:8.2f}x (aim <= 1.5x)")


if __name__ == "__main__":
    main()

"""Benchmark: ``import-xlsx`` of a 2,000-action workbook, against openpyxl's own read of the same file.

Run: .venv/bin/python bench/workbook.py [--actions 2000] [--runs 3]

The data is bench/synthetic.py's first cluster with its action plan grown to ``--actions``
actions (2,000 is beyond the loader's 1 MB file limit, so the records are validated directly
from the generated mappings instead of from YAML). It is exported once; then, per run and in
the same process, the baseline streams every cell of every sheet with openpyxl
(``read_only=True``), and the import reads the workbook into records (``read_workbooks``) and
checks them as ``validate`` does (``merge``: schema, references, sums, every quote against its
source text). Prints the medians and the ratio.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import load_workbook  # noqa: E402

from bench.synthetic import make_cluster  # noqa: E402
from velsen_desk.curation.data_file import COLLECTIONS, DataFile  # noqa: E402
from velsen_desk.curation.loader import DataSet  # noqa: E402
from velsen_desk.workbook.export import workbook_bytes  # noqa: E402
from velsen_desk.workbook.merge import merge  # noqa: E402
from velsen_desk.workbook.read import read_workbooks  # noqa: E402


def _dataset(actions: int, sources: Path) -> DataSet:
    cluster = make_cluster(17, 0, actions)
    dataset = DataSet()
    for name, content in cluster.files.items():
        model = DataFile.model_validate(content)
        for collection in COLLECTIONS:
            for index, record in enumerate(getattr(model, collection)):
                dataset.collections[collection].append(record)
                dataset.origin[record.id] = (Path(name), None, f"{collection}[{index}]")
    rng = random.Random("17-0-text")
    for document in cluster.documents:
        assert document.source_file is not None
        (sources / document.source_file).write_text(document.text(rng), encoding="utf-8")
    return dataset


def _openpyxl_read(path: Path) -> int:
    book = load_workbook(path, read_only=True, data_only=True)
    cells = 0
    for ws in book.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += sum(1 for value in row if value is not None)
    book.close()
    return cells


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources"
        sources.mkdir()
        dataset = _dataset(args.actions, sources)
        path = Path(tmp) / "werkboek.xlsx"
        start = time.perf_counter()
        path.write_bytes(workbook_bytes(dataset))
        export = time.perf_counter() - start
        size = path.stat().st_size
        bare, reading, total = [], [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            cells = _openpyxl_read(path)
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            contents, problems = read_workbooks([path])
            read_done = time.perf_counter()
            merged = merge(None, contents, sources)
            reading.append(read_done - start)
            total.append(time.perf_counter() - start)
            assert not problems and not merged.problems, (problems, merged.problems)
            assert merged.dataset.version() == dataset.version()
    records = sum(len(r) for r in dataset.collections.values())
    print(f"workbook:                {len(dataset.actions)} actions, {records} records, {cells} filled cells, "
          f"{size / 1e6:.1f} MB")
    print(f"export-xlsx (once):      {export:6.2f} s")
    print(f"openpyxl read_only read: median {statistics.median(bare):6.2f} s")
    print(f"import: read workbook:   median {statistics.median(reading):6.2f} s "
          f"({statistics.median(reading) / statistics.median(bare):4.2f}x openpyxl)")
    print(f"import: read + checks:   median {statistics.median(total):6.2f} s "
          f"({statistics.median(total) / statistics.median(bare):4.2f}x openpyxl), "
          f"{len(dataset.actions) / statistics.median(total):6.0f} actions/s")


if __name__ == "__main__":
    main()

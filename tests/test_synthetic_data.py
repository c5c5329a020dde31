"""The synthetic data sets of bench/synthetic.py are valid data: they pass ``validate`` and
``build-db`` as a curator's files must, are the same for the same seed, and say they are synthetic."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from bench.synthetic import BANNER, generate
from velsen_desk.cli.main import main
from velsen_desk.core.planning import Precision, parse_planning
from velsen_desk.curation.loader import MAX_FILE_BYTES, MAX_TOTAL_BYTES, load_dataset
from velsen_desk.curation.schema import TEXT_MAX


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("scale", [1, 3])
def test_synthetic_set_passes_validate_and_build_db(tmp_path: Path, scale: int, capsys: pytest.CaptureFixture[str]):
    written = generate(tmp_path / "set", scale=scale, seed=5)
    # five data files per cluster and its progress monitor
    assert written.files == 6 * scale and written.actions == 20 * scale + 20 * (scale - 1)

    assert main(["validate", str(written.data), "--sources", str(written.sources)]) == 0
    assert "In orde" in capsys.readouterr().out

    db = tmp_path / "set.sqlite"
    assert main(["build-db", "-o", str(db), str(written.data), "--sources", str(written.sources)]) == 0
    with sqlite3.connect(db) as conn:
        (plan_actions,) = conn.execute(
            "SELECT COUNT(*) FROM actions GROUP BY plan_id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
        (municipalities,) = conn.execute("SELECT COUNT(*) FROM municipalities").fetchone()
    assert plan_actions == 20 * scale  # the first cluster's plan grows with N
    assert municipalities == 1 + scale
    with sqlite3.connect(db) as conn:
        statuses = {s for (s,) in conn.execute("SELECT DISTINCT status FROM progress_entries")}
        reports = conn.execute("SELECT COUNT(*) FROM progress_reports GROUP BY plan_id").fetchall()
        spent = {s for (s,) in conn.execute("SELECT DISTINCT spent_status FROM progress_entries")}
        (measurements,) = conn.execute("SELECT COUNT(*) FROM measurements").fetchone()
        (evaluations,) = conn.execute("SELECT COUNT(*) FROM evaluations").fetchone()
    assert statuses == {"groen", "oranje", "rood", "grijs", "afgerond", "gestopt", "onbekend"}
    assert {n for (n,) in reports} == {8}  # 8 peildata per plan, the benchmark's shape
    assert spent == {"amount", "nnb", "nvt"}
    assert measurements > 0 and evaluations == 2 * len(reports)


def test_one_times_is_about_the_bundled_size_and_shape(tmp_path: Path):
    written = generate(tmp_path, scale=1, seed=5)
    dataset = load_dataset([written.data], written.sources)
    counts = {name: len(records) for name, records in dataset.collections.items()}
    # The progress monitor comes on top: the bundled data has none to compare with.
    monitor = {"progress_reports", "progress_entries", "measurements", "evaluations"}
    assert monitor <= set(counts) and counts["progress_reports"] == 8
    assert 350 <= sum(n for name, n in counts.items() if name not in monitor) <= 420  # the bundled data: 386 records
    assert counts["programmes"] == 3 and counts["actions"] == 20 and counts["themes"] == 16

    statuses = {a.cost.status.value for a in dataset.actions}
    assert statuses == {"amount", "nvt", "nnb"}  # unknown and not-applicable stay distinct from € 0
    precisions = {p.precision for a in dataset.actions for p in parse_planning(a.planning_text).phases}
    assert len(precisions) >= 3


def test_planning_phrases_are_ones_the_parser_reads(tmp_path: Path):
    written = generate(tmp_path, scale=3, seed=5)
    dataset = load_dataset([written.data], written.sources)
    precisions = {p.precision for a in dataset.actions for p in parse_planning(a.planning_text).phases}
    assert precisions == set(Precision)  # quarter, half year, year, school year, recurring, unknown
    assert all(parse_planning(a.planning_text).phases for a in dataset.actions)


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path):
    first = generate(tmp_path / "a", scale=2, seed=11)
    second = generate(tmp_path / "b", scale=2, seed=11)
    generate(tmp_path / "c", scale=2, seed=12)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
    assert first.records == second.records


def test_ten_times_fits_the_loaders_size_limits(tmp_path: Path):
    # validate refuses a file or a set over its size limit before it checks anything else
    written = generate(tmp_path, scale=10, seed=5)
    sizes = [p.stat().st_size for p in written.data.iterdir()]
    assert max(sizes) <= MAX_FILE_BYTES and sum(sizes) <= MAX_TOTAL_BYTES


def test_long_explanations_stay_within_the_text_limit():
    from bench.synthetic import make_cluster

    cluster = make_cluster(5, 0, 2000)  # 100×: enough actions for the long tail (one in 200)
    lengths = [len(a["explanation"] or "") for f in cluster.files.values() for a in f.get("actions", [])]
    assert max(lengths) <= TEXT_MAX and sum(n > 3000 for n in lengths) >= 3


def test_every_name_says_it_is_synthetic(tmp_path: Path):
    written = generate(tmp_path, scale=2, seed=5)
    dataset = load_dataset([written.data], written.sources)
    assert all(m.name.startswith("Synthetica-") for m in dataset.municipalities)
    assert all(p.name.endswith("(synthetisch)") for p in dataset.people)
    assert all(p.read_text(encoding="utf-8").startswith(BANNER) for p in written.sources.iterdir())
    assert all(p.read_text(encoding="utf-8").startswith("# SYNTHETISCH") for p in written.data.iterdir())


# ---- bench/scale.py: the harness reports crashes as such and computes growth honestly

def test_harness_reports_a_crash_by_its_exception_and_a_time_out(tmp_path: Path):
    from bench.scale import Home, run

    home = Home(tmp_path / "home")
    home.reset()
    crash = run([sys.executable, "-c", "raise ValueError('cell too tall')"], home, timeout=60)
    assert not crash.ok and crash.detail.startswith("crash: ValueError")
    # the program catches its errors and logs them: the harness reads the exception from the log
    home.log.parent.mkdir(parents=True)
    logged = ("import sys, pathlib; pathlib.Path(sys.argv[1]).write_text('Traceback (most recent call last):\\n"
              "reportlab.platypus.doctemplate.LayoutError: Flowable too large'); sys.exit(3)")
    crash = run([sys.executable, "-c", logged, str(home.log)], home, timeout=60)
    assert crash.detail.startswith("crash: LayoutError")
    slow = run([sys.executable, "-c", "import time; time.sleep(30)"], home, timeout=1)
    assert not slow.ok and "time-out" in slow.detail


def test_growth_exponent_says_quadratic_for_quadratic_cost():
    from bench.scale import Figure, SizeResult, growth_table

    small = SizeResult(1, records=400, figures=[Figure("validate", "s", 1.0, 0.5)])
    large = SizeResult(10, records=4000, figures=[Figure("validate", "s", 100.0, 5.0)])
    table = growth_table([small, large])
    assert "| validate | 100.0× (exp. 2.00, baseline 10.0×) |" in table


def test_insert_baseline_writes_the_same_rows_as_build_db(tmp_path: Path):
    from bench.scale import _baseline_insert, _plain_tables

    written = generate(tmp_path / "set", scale=1, seed=5)
    db = tmp_path / "built.sqlite"
    assert main(["build-db", "-o", str(db), str(written.data), "--sources", str(written.sources)]) == 0
    _baseline_insert(str(db), str(tmp_path / "bare.sqlite"))

    def counts(path: Path) -> dict[str, int]:
        with sqlite3.connect(path) as conn:
            return {name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]
                    for name, _ in _plain_tables(conn)}

    built = counts(db)
    assert built["actions"] == 20 and built == counts(tmp_path / "bare.sqlite")

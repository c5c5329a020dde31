"""bench/validate_build.py measures what a griffier runs (validate, then build-db, in a fresh
home) against the YAML read of the same files, and says so when a command fails."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "validate_build.py"


def _bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(BENCH), *args], capture_output=True, text=True, timeout=600,
                          check=False)


def test_a_small_set_is_measured_against_the_yaml_read(tmp_path: Path) -> None:
    done = _bench("--scale", "1", "--runs", "1", "--work", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "| YAML read (PyYAML CSafeLoader) |" in done.stdout
    row = next(line for line in done.stdout.splitlines() if line.startswith("| na |"))
    assert "—" not in row  # every figure measured
    assert "runs over it: na 0 of 1" in done.stdout
    assert (tmp_path / "home-na" / "db.sqlite").is_file()  # build-db did build


def test_a_set_that_does_not_validate_is_a_failure_not_a_figure(tmp_path: Path) -> None:
    data, sources = tmp_path / "data", tmp_path / "sources"
    data.mkdir()
    sources.mkdir()
    (data / "kapot.yaml").write_text("format: velsen-desk-data/1\nthemes:\n  - {id: t}\n", encoding="utf-8")
    done = _bench("--data", str(data), "--sources", str(sources), "--runs", "1", "--work", str(tmp_path / "w"))
    assert done.returncode == 1
    assert "na failed 1×: exit 1" in done.stdout


def test_before_runs_that_version_even_from_the_repository(tmp_path: Path) -> None:
    """Run from the repository root, ``python -m velsen_desk`` would import this checkout first
    and measure it twice under two names."""
    other = tmp_path / "voor" / "velsen_desk"
    other.mkdir(parents=True)
    (other / "__init__.py").write_text("", encoding="utf-8")
    (other / "__main__.py").write_text("import sys\nsys.exit('de andere versie')\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(BENCH), "--scale", "1", "--runs", "1", "--work", str(tmp_path / "w"),
                           "--before", str(tmp_path / "voor")],
                          capture_output=True, text=True, timeout=600, check=False, cwd=BENCH.parent.parent)
    assert done.returncode == 1
    assert "voor failed 1×: exit 1: de andere versie" in done.stdout
    assert "runs over it: voor 0 of 1, na 0 of 1" in done.stdout

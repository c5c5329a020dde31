"""``validate`` then ``build-db`` of a synthetic set, cold, against reading its YAML in the same run.

    .venv/bin/python bench/validate_build.py [--scale 100] [--runs 6] [--data DIR --sources DIR]
                                             [--before DIR] [--work DIR]

Issue 17's goal: at 100× the bundled data, ``validate`` + ``build-db`` take at most 10 s. Each
run is what a griffier does with a new set: in a fresh home (nothing of an earlier validation
kept), ``velsen-desk validate DATA --sources SRC``, then ``velsen-desk build-db -o DB DATA
--sources SRC``, each a process of its own timed from launch to exit.

The baseline, in the same run and interleaved with ours, is a child that only reads the same
files with PyYAML's C loader (``yaml.CSafeLoader``): no schema, no checks, no database. This
shared machine's speed swings by up to 2× within an hour, so the ratio to that baseline says
more than the seconds do; both are printed, per run and as medians. CPU is the user + system
time of the commands and the helpers they fork.

``--before DIR`` runs a second version too, interleaved (DIR holds its ``velsen_desk`` and
``resources``, e.g. from ``git archive <commit> velsen_desk resources | tar -x -C DIR``), for a
before/after in one run.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402  (bench/ is not a package)
from scale import VELSEN_DESK, Home, run  # noqa: E402

GOAL_SECONDS = 10.0


@dataclass
class Variant:
    label: str
    code: Path | None  # a copy of another version, or None for this checkout
    totals: list[float] = field(default_factory=list)
    validates: list[float] = field(default_factory=list)
    builds: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def _baseline(data: Path) -> None:
    import yaml

    for path in sorted(data.glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506  (our own files)


def _home(root: Path, code: Path | None) -> Home:
    home = Home(root)
    home.reset()
    # run from the repository, ``python -m`` would put its folder (this checkout) first
    home.env["PYTHONSAFEPATH"] = "1"
    if code is not None:  # that version's package before this checkout's
        home.env["PYTHONPATH"] = str(code)
    return home


def _one_run(variant: Variant, work: Path, data: Path, sources: Path, base: float, timeout: float) -> str:
    home = _home(work / f"home-{variant.label}", variant.code)
    validated = run([*VELSEN_DESK, "validate", str(data), "--sources", str(sources)], home, timeout)
    built = run([*VELSEN_DESK, "build-db", "-o", str(home.root / "db.sqlite"), str(data), "--sources", str(sources)],
                home, timeout)
    if not (validated.ok and built.ok):
        variant.failures.append(validated.detail or built.detail)
        return f"{variant.label}: {validated.detail or built.detail}"
    total = validated.seconds + built.seconds
    variant.totals.append(total)
    variant.validates.append(validated.seconds)
    variant.builds.append(built.seconds)
    variant.cpus.append((validated.cpu or 0) + (built.cpu or 0))
    variant.ratios.append(total / base)
    return (f"{variant.label}: validate {validated.seconds:.2f} s + build-db {built.seconds:.2f} s = {total:.2f} s "
            f"({total / base:.2f}× the YAML read)")


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}" if values else "—"


def _span(values: list[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f}" if values else "—"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=100, help="N× the bundled data (default 100)")
    parser.add_argument("--runs", type=int, default=6, help="runs per variant (default 6)")
    parser.add_argument("--data", type=Path, help="an existing set's data folder (instead of generating one)")
    parser.add_argument("--sources", type=Path, help="its sources folder (with --data)")
    parser.add_argument("--before", type=Path, help="a copy of another version's velsen_desk and resources")
    parser.add_argument("--work", type=Path, help="keep homes and the set here (default: a temporary folder)")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--baseline", type=Path, help=argparse.SUPPRESS)  # internal: the YAML read, as a child
    args = parser.parse_args(argv)
    if args.baseline:
        _baseline(args.baseline)
        return 0
    if (args.data is None) != (args.sources is None):
        parser.error("--data and --sources go together")

    with contextlib.ExitStack() as stack:
        work = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="velsen-validate-")))
        work.mkdir(parents=True, exist_ok=True)
        if args.data is not None:
            data, sources = args.data, args.sources
        else:
            written = synthetic.generate(work / "set", args.scale)
            data, sources = written.data, written.sources
            print(f"{args.scale:g}×: {written.files} files, {written.records} records, {written.actions} actions, "
                  f"{written.bytes / 1e6:.1f} MB", flush=True)
        variants = [Variant("na", None)]
        if args.before is not None:
            variants.insert(0, Variant("voor", args.before.resolve()))
        bases: list[float] = []
        for index in range(args.runs):
            reader = run([sys.executable, str(Path(__file__).resolve()), "--baseline", str(data)],
                         _home(work / "home-yaml", None), args.timeout)
            if not reader.ok:
                print(f"baseline failed: {reader.detail}")
                return 1
            bases.append(reader.seconds)
            line = [f"run {index + 1}: YAML read {reader.seconds:.2f} s"]
            order = variants if index % 2 == 0 else list(reversed(variants))  # neither always goes first
            line += [_one_run(variant, work, data, sources, reader.seconds, args.timeout) for variant in order]
            print(" | ".join(line), flush=True)

    print()
    print(f"| validate + build-db, cold ({args.runs} runs) | median s | span s | validate s | build-db s "
          f"| CPU s | × YAML read (median, span) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(f"| YAML read (PyYAML CSafeLoader) | {_median(bases)} | {_span(bases)} | | | | 1 |")
    for variant in variants:
        print(f"| {variant.label} | {_median(variant.totals)} | {_span(variant.totals)} | {_median(variant.validates)} "
              f"| {_median(variant.builds)} | {_median(variant.cpus)} | {_median(variant.ratios)} "
              f"({_span(variant.ratios)}) |")
        if variant.failures:
            print(f"  {variant.label} failed {len(variant.failures)}×: {variant.failures[0]}")
    over = {variant.label: sum(total > GOAL_SECONDS for total in variant.totals) for variant in variants}
    print(f"\ngoal at 100×: at most {GOAL_SECONDS:g} s; runs over it: "
          + ", ".join(f"{label} {count} of {args.runs}" for label, count in over.items()))
    return 1 if any(variant.failures for variant in variants) else 0


if __name__ == "__main__":
    sys.exit(main())

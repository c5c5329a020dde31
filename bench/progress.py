"""Benchmark: the progress monitor at 2,000 actions × 8 peildata, as ratios against what the
window and the reports already do with the same plan, measured in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/progress.py [--actions 2000] [--peildata 8]

- derivation: ``plan_overview`` (every action's history, te laat, counts and sums) alone;
- tab: the Voortgang tab filling itself vs the Begroting tab drawing the same plan;
- report: ``report voortgang`` vs the annex (themes, portfolio, budget, timeline) of the same plan,
  both composed and rendered here, and each against a bare ReportLab document with the same rows.

By default the data takes the real chain: ``bench/synthetic.py`` writes the plan of 2,000 actions
and its progress monitor as YAML with their source texts, the loader validates them, ``build``
makes the database and the readers read the plan and its progress back (``--in-memory``: the
progress records made here in memory over the bundled plan grown to size, as before).

Every name in the data says "synthetisch" / "Synthetische"; nothing is written to disk but a
temporary database of the bundled data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402  (bench/synthetic.py)
from reports import bare_document, ours, synthetic_plan  # noqa: E402  (bench/reports.py)

from velsen_desk.core.money import CostStatus, CostValue  # noqa: E402
from velsen_desk.core.paths import bundled_data_dir  # noqa: E402
from velsen_desk.core.progress import ProgressStatus  # noqa: E402
from velsen_desk.core.progress_records import (  # noqa: E402
    ProgressData,
    ProgressEntryInfo,
    ProgressReportInfo,
    plan_overview,
)
from velsen_desk.core.records import ActionPlanInfo, ProgrammeData  # noqa: E402
from velsen_desk.curation.loader import load_dataset  # noqa: E402
from velsen_desk.reports.document import render  # noqa: E402
from velsen_desk.reports.programme import Edition  # noqa: E402
from velsen_desk.reports.service import ReportRequest, compose  # noqa: E402
from velsen_desk.storage import reader  # noqa: E402
from velsen_desk.storage.build import build_database  # noqa: E402
from velsen_desk.storage.database import ReadOnlyDatabase  # noqa: E402
from velsen_desk.storage.progress_reader import read_progress  # noqa: E402

TODAY = dt.date(2026, 12, 1)
STATUSES = tuple(ProgressStatus)


def synthetic_progress(plan: ActionPlanInfo, peildata: int, seed: int = 12) -> ProgressData:
    """``peildata`` half-yearly reports over every action: statuses, explanations, spend."""
    rng = random.Random(seed)
    days = [dt.date(2023 + (i + 1) // 2, 1 if i % 2 == 0 else 7, 1) for i in range(peildata)]
    reports = tuple(
        ProgressReportInfo(id=f"syn.vr{i}", plan_id=plan.id, programme_id=None, title=f"Synthetische rapportage {i}",
                           date=day, reported_by="Synthetische trekker", interval_months=6, example=True,
                           stated_by="opgave van Synthetische Partij", source_doc_id=None, source_quote=None)
        for i, day in enumerate(days)
    )
    entries: dict[str, tuple[ProgressEntryInfo, ...]] = {}
    for action in plan.actions:
        rows = []
        for report in reports:
            status = rng.choice(STATUSES)
            roll = rng.random()
            spent = (CostValue(CostStatus.AMOUNT, rng.randint(0, 100) * 1000, "synthetisch") if roll < 0.7
                     else CostValue(CostStatus.TO_BE_DETERMINED, None, "n.n.b.") if roll < 0.9
                     else CostValue(CostStatus.NOT_APPLICABLE, None, "n.v.t."))
            rows.append(ProgressEntryInfo(
                id=f"{report.id}.{action.id}", report_id=report.id, action_id=action.id, peildatum=report.date,
                status=status, explanation="Synthetische toelichting " * rng.randint(1, 12), spent=spent,
                planning_text=None, phases=(), reported_late=False))
        entries[action.id] = tuple(rows)
    return ProgressData(reports=reports, entries=entries)


def chain_data(actions: int, peildata: int, tmp: Path, seed: int = 17) -> tuple[ProgrammeData, ProgressData]:
    """The first synthetic cluster (its plan grown to ``actions``) and its progress monitor,
    written, validated, built and read back as the application does."""
    cluster = synthetic.make_cluster(seed, 0, actions)
    files = {**cluster.files, **synthetic.progress_files(cluster, 0, seed, peildata)}
    data_dir, source_dir = tmp / "data", tmp / "sources"
    data_dir.mkdir()
    source_dir.mkdir()
    for name, content in files.items():
        (data_dir / name).write_text(synthetic.dump_yaml(content), encoding="utf-8")
    rng = random.Random(f"{seed}-0-text")
    for document in cluster.documents:
        assert document.source_file is not None
        (source_dir / document.source_file).write_text(document.text(rng), encoding="utf-8")
    path = tmp / "synthetisch.sqlite"
    build_database(load_dataset([data_dir], source_dir), path)
    database = ReadOnlyDatabase(path)
    for programme in database.read(reader.catalog).programmes:
        data = database.read(reader.programme_data, programme)
        if any(len(plan.actions) == actions for plan in data.plans):
            plan = next(p for p in data.plans if len(p.actions) == actions)
            return msgspec.structs.replace(data, plans=(plan,)), database.read(read_progress, programme.id)
    raise SystemExit("het synthetische plan is niet gevonden")


def timed(work, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def report_ours(data: ProgrammeData, progress: ProgressData) -> tuple[float, int]:
    start = time.perf_counter()
    request = ReportRequest(kind="voortgang", output=Path("unused.pdf"))
    spec, parts = compose(request, data, Edition(made=TODAY, data_version=None), progress_data=progress)
    rendered = render(spec, parts)
    return time.perf_counter() - start, rendered.pages


def tabs(data: ProgrammeData, progress: ProgressData) -> tuple[float, float]:
    from PySide6.QtWidgets import QApplication

    from velsen_desk.ui.budget.view import BudgetTab
    from velsen_desk.ui.progress.view import ProgressTab
    from velsen_desk.ui.state import ViewState

    app = QApplication.instance() or QApplication([])
    state = ViewState(None, TODAY)
    budget, voortgang = BudgetTab(state), ProgressTab(state, None)
    state.data = data

    def draw_budget() -> None:
        budget.draw(data)
        app.processEvents()

    def draw_progress() -> None:
        voortgang.show_progress(data, progress)
        app.processEvents()

    return timed(draw_budget), timed(draw_progress)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2000)
    parser.add_argument("--peildata", type=int, default=8)
    parser.add_argument("--in-memory", action="store_true",
                        help="voortgang in het geheugen over het gegroeide Velsen-plan, niet via YAML en database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.in_memory:
            path = Path(tmp) / "velsen.sqlite"
            build_database(load_dataset([bundled_data_dir()]), path)
            database = ReadOnlyDatabase(path)
            programme = database.read(reader.catalog).programme("velsen-2022")
            assert programme is not None
            data = database.read(reader.programme_data, programme)
            plan = synthetic_plan(data.plans[0], args.actions)
            big = msgspec.structs.replace(data, plans=(plan,))
            progress = synthetic_progress(plan, args.peildata)
        else:
            start = time.perf_counter()
            big, progress = chain_data(args.actions, args.peildata, Path(tmp))
            plan = big.plans[0]
            print(f"Keten (YAML, laden, bouwen, lezen): {time.perf_counter() - start:.1f} s")
    entries = sum(len(e) for e in progress.entries.values())
    print(f"Synthetisch: {len(plan.actions)} acties × {args.peildata} peildata ({entries} regels)")

    derive = timed(lambda: plan_overview(plan, progress, TODAY))
    print(f"  afleiden (plan_overview)       {derive * 1000:8.1f} ms")

    budget_s, progress_s = tabs(big, progress)
    print(f"  tabblad Begroting tekenen      {budget_s * 1000:8.1f} ms")
    print(f"  tabblad Voortgang vullen       {progress_s * 1000:8.1f} ms   ratio voortgang/begroting: "
          f"{progress_s / budget_s:.2f}×")

    annex_s, annex_pages = ours(big)
    bare_s, bare_pages = bare_document(big)
    voortgang_s, voortgang_pages = report_ours(big, progress)
    print(f"  bijlage (annex)                {annex_s:8.2f} s  {annex_pages:5d} pagina's")
    print(f"  kale ReportLab (zelfde regels) {bare_s:8.2f} s  {bare_pages:5d} pagina's")
    print(f"  voortgangsrapportage           {voortgang_s:8.2f} s  {voortgang_pages:5d} pagina's")
    print(f"  per pagina: bijlage/kaal {(annex_s / annex_pages) / (bare_s / bare_pages):.2f}×, "
          f"voortgang/kaal {(voortgang_s / voortgang_pages) / (bare_s / bare_pages):.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())

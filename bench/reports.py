"""Benchmark: the annex PDF for the bundled data and for a large synthetic action plan, against a
bare ReportLab document with the same table rows built in the same run.

    .venv/bin/python bench/reports.py [--actions 2000]

Prints seconds and pages per second for each, and the ratio ours / bare (aim: within 2.5×).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import sys
import tempfile
import time
from pathlib import Path

import msgspec
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from velsen_desk.core.formatting import format_cost
from velsen_desk.core.money import CostStatus, CostValue, Reconciliation, sum_costs
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.core.records import ActionInfo, ActionPlanInfo, FocusopgaveInfo, PhaseInfo, ProgrammeData
from velsen_desk.curation.loader import load_dataset
from velsen_desk.reports.document import render
from velsen_desk.reports.programme import Edition
from velsen_desk.reports.service import ReportRequest, compose
from velsen_desk.storage import reader
from velsen_desk.storage.build import build_database
from velsen_desk.storage.database import ReadOnlyDatabase

PRECISIONS = ("quarter", "quarter", "half_year", "year", "school_year", "open", "recurring", "unknown")
WORDS = ("herinrichting", "onderzoek", "woningbouw", "speelplaats", "welzijn", "verkeer", "groen", "voorlichting",
         "wijkkrant", "buurthuis", "veiligheid", "energie", "schuldhulp", "sport", "cultuur", "participatie")


def synthetic_phase(rng: random.Random) -> tuple[PhaseInfo, str]:
    kind = rng.choice(PRECISIONS)
    year = rng.randint(2023, 2026)
    quarter = rng.randint(1, 4)
    start = dt.date(year, 3 * quarter - 2, 1)
    def phase(label: str | None, start: dt.date | None, end: dt.date | None, precision: str, text: str,
              open_ended: bool = False) -> PhaseInfo:
        return PhaseInfo(label=label, start=start, end=end, precision=precision, open_ended=open_ended, text=text)

    if kind == "quarter":
        end = dt.date(year, 3 * quarter, 28)
        return phase("Start", start, end, "quarter", f"Q{quarter}-{year}"), f"Start Q{quarter}-{year}"
    if kind == "half_year":
        return phase(None, dt.date(year, 1, 1), dt.date(year, 6, 30), "half_year", f"H1-{year}"), f"H1-{year}"
    if kind == "year":
        return phase(None, dt.date(year, 1, 1), dt.date(year, 12, 31), "year", str(year)), str(year)
    if kind == "school_year":
        text = f"schooljaar {year}-{year + 1}"
        return phase(None, dt.date(year, 8, 1), dt.date(year + 1, 7, 31), "school_year", text), text
    if kind == "open":
        return (phase("Uitvoering", start, None, "quarter", f"vanaf Q{quarter}-{year}", open_ended=True),
                f"Uitvoering vanaf Q{quarter}-{year}")
    if kind == "recurring":
        return phase(None, None, None, "recurring", "Voor- en najaar"), "Voor- en najaar"
    return phase(None, None, None, "unknown", "Nader te bepalen"), "Nader te bepalen in overleg."


def synthetic_plan(base: ActionPlanInfo, n_actions: int, per_focus: int = 40, seed: int = 7) -> ActionPlanInfo:
    rng = random.Random(seed)
    source = base.source
    focusopgaven = []
    number = 0
    for f_index in range(1, n_actions // per_focus + 1):
        actions = []
        for _ in range(per_focus):
            number += 1
            roll = rng.random()
            if roll < 0.6:
                cost = CostValue(status=CostStatus.AMOUNT, amount=rng.randint(1, 200) * 1000, text="")
            elif roll < 0.85:
                cost = CostValue(status=CostStatus.NOT_APPLICABLE, amount=None, text="n.v.t.")
            else:
                cost = CostValue(status=CostStatus.TO_BE_DETERMINED, amount=None, text="n.n.b.")
            phase, text = synthetic_phase(rng)
            title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 7))).capitalize()
            actions.append(ActionInfo(
                id=f"syn.a{number}", plan_id=base.id, focusopgave_id=f"syn.f{f_index}", number=number,
                trekker=rng.choice(("Gemeente Velsen", "Welzijn Velsen", "Velison Wonen")), title=title,
                heading=None, what=None, cost=cost, explanation=None,
                planning_text=text + " " + " ".join(rng.choice(WORDS) for _ in range(8)),
                phases=(phase,), fundings=(), theme_ids=(), note=None, source=source,
            ))
        total = sum_costs(a.cost for a in actions)
        documented_amount = total.known + (5000 if f_index % 7 == 0 else 0)  # one in seven does not reconcile
        documented = CostValue(status=CostStatus.AMOUNT, amount=documented_amount, text="")
        focusopgaven.append(FocusopgaveInfo(
            id=f"syn.f{f_index}", number=f_index, letter=None, title=f"Synthetische focusopgave {f_index}",
            table_title=None, lead=None, objective=None, responsible=None, actions=tuple(actions),
            reconciliation=Reconciliation(computed=total, documented=documented), source=source,
        ))
    all_actions = [a for f in focusopgaven for a in f.actions]
    return msgspec.structs.replace(
        base, focusopgaven=tuple(focusopgaven), loose_actions=(),
        reconciliation=Reconciliation(computed=sum_costs(a.cost for a in all_actions), documented=None),
    )


def bare_document(data: ProgrammeData) -> tuple[float, int]:
    """The same action rows (budget table + planning table) in a plain SimpleDocTemplate."""
    styles = getSampleStyleSheet()
    cell = styles["BodyText"]
    story = []
    for plan in data.plans:
        for fo in plan.focusopgaven:
            rows = [["Nr", "Actie", "Trekker", "Kosten", "Financiering", "Planning"]]
            rows += [[str(a.number), Paragraph(a.title, cell), Paragraph(a.trekker or "", cell),
                      Paragraph(format_cost(a.cost), cell), Paragraph("—", cell),
                      Paragraph(a.planning_text or "", cell)] for a in fo.actions]
            story.append(Table(rows, colWidths=[22, 138, 68, 66, 84, 115], repeatRows=1))
        rows = [["Nr", "Actie", "Planning"]]
        rows += [[str(a.number), Paragraph(a.title, cell), Paragraph(a.planning_text or "", cell)]
                 for a in plan.actions]
        story.append(Table(rows, colWidths=[24, 200, 269], repeatRows=1))
    start = time.perf_counter()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4)
    doc.build(story)
    return time.perf_counter() - start, doc.page


def ours(data: ProgrammeData) -> tuple[float, int]:
    start = time.perf_counter()
    request = ReportRequest(kind="annex", output=Path("unused.pdf"), meeting="Raadsvergadering", date="2024-06-20",
                            agenda_item="7", items=("themes", "portfolio", "budget", "timeline"))
    spec, parts = compose(request, data, Edition(made=dt.date.today(), data_version=None))
    rendered = render(spec, parts)
    return time.perf_counter() - start, rendered.pages


def report(label: str, data: ProgrammeData) -> float:
    seconds, pages = ours(data)
    bare_seconds, bare_pages = bare_document(data)
    ratio = seconds / bare_seconds
    print(f"{label}:")
    print(f"  annex      {seconds:7.2f} s  {pages:5d} pagina's  {pages / seconds:7.1f} pagina's/s")
    print(f"  bare       {bare_seconds:7.2f} s  {bare_pages:5d} pagina's  {bare_pages / bare_seconds:7.1f} pagina's/s")
    print(f"  ratio annex/bare (tijd): {ratio:.2f}×   per pagina: "
          f"{(seconds / pages) / (bare_seconds / bare_pages):.2f}×")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "velsen.sqlite"
        build_database(load_dataset([bundled_data_dir()]), path)
        database = ReadOnlyDatabase(path)
        programme = database.read(reader.catalog).programme("velsen-2022")
        assert programme is not None
        data = database.read(reader.programme_data, programme)
    report("Meegeleverde gegevens", data)
    big = msgspec.structs.replace(data, plans=(synthetic_plan(data.plans[0], args.actions),))
    ratio = report(f"Synthetisch actieplan ({args.actions} acties)", big)
    print("binnen 2,5×" if ratio <= 2.5 else "BOVEN 2,5×")
    return 0


if __name__ == "__main__":
    sys.exit(main())

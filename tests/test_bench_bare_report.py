"""bench/bare_report.py: the bare-ReportLab baseline of a report prints the report's own
paragraphs and tables (same pages, same text) with nothing but ReportLab."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from bench import bare_report
from velsen_desk.reports.service import ReportRequest, generate_report

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", (p.extract_text() or "").replace("\xa0", " ")) for p in PdfReader(path).pages]


def _draw_alone(story: Path, out: Path) -> list[str]:
    """draw() in a fresh interpreter, as bench/scale.py times it; returns the modules it loaded."""
    code = (f"import sys; sys.path.insert(0, {str(BENCH)!r}); import bare_report; "
            f"bare_report.draw({str(story)!r}, {str(out)!r}); import json; print(json.dumps(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return list(json.loads(done.stdout))


def test_the_bare_budget_report_prints_our_pages_without_the_frame(built_db, tmp_path):
    story = tmp_path / "budget.json"
    bare_report.dump("budget", str(built_db), "velsen-2022", str(story))
    modules = _draw_alone(story, tmp_path / "bare.pdf")
    assert not [m for m in modules if m.startswith("velsen_desk")]
    ours = generate_report(ReportRequest(kind="budget", output=tmp_path / "ours.pdf", database=built_db,
                                         today=dt.date(2026, 12, 1)))
    bare, mine = _pages(tmp_path / "bare.pdf"), _pages(ours.path)
    assert len(bare) == ours.pages
    for bare_page, our_page in zip(bare, mine, strict=True):
        assert bare_page.strip() and bare_page.strip() in our_page  # ours adds the header and footer
    assert "pagina 1 van" in mine[0] and "pagina" not in bare[0]


def test_the_annex_leaves_out_only_what_bare_reportlab_has_not(built_db, tmp_path):
    story = tmp_path / "annex.json"
    bare_report.dump("annex", str(built_db), "velsen-2022", str(story))
    left_out = json.loads(story.read_text())["left_out"]
    assert set(left_out) == {"TocLine", "GanttChart", "GanttLegend"}
    _draw_alone(story, tmp_path / "bare.pdf")
    text = " ".join(_pages(tmp_path / "bare.pdf"))
    assert "Begroting Actieplan" in text and "Portefeuilleverdeling" in text and "Planning per actie" in text

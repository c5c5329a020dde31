"""How Velsen Desk's costs grow with the data: synthetic sets at N×, each figure against a
baseline measured in the same run.

    .venv/bin/python bench/scale.py [--sizes 1,10,100] [--runs 3] [--json OUT.json] [--profile]

For every size it generates a valid synthetic data set (``bench/synthetic.py``) and measures,
through stable entry points only (the ``velsen-desk`` command line in a child process, and the
window started through that command line as ``bench/startup.py`` does), so the harness
survives rewrites of the internals:

- validate: ``velsen-desk validate DATA --sources SRC``; baseline: a plain ruamel.yaml safe load of
  the same files;
- build-db (which validates again, then builds); baseline: sqlite3 ``executemany`` of the same rows
  into the same tables, in one transaction;
- publish, full sync into a fresh home, sync without change; baseline: copying the file and
  ``PRAGMA quick_check``;
- search, median and slowest of a fixed list of queries (including "de" and "in"), through
  ``velsen-desk search --json`` called in one process and through the Python API; baselines: an
  FTS5 MATCH with sqlite3 (opening the file per query, and on an open connection);
- ``report annex`` and ``report budget`` of the largest plan; baseline per report: bare ReportLab
  printing the same paragraphs and tables in the same fonts (``bench/bare_report.py``: the
  report is composed once, untimed, and its texts, styles and tables drawn again with nothing but
  ReportLab's own flowables; no header, footer, contents, bookmarks or Gantt chart);
- the window: first start on new data and usual start, from launch to the first paint of a view
  with rows; baseline: a bare QMainWindow;
- peak RSS of the window after showing every tab; baseline: a bare QTreeView over all actions.

Every child process is timed from launch to exit (the window: to its first paint with data), so
ours and the baseline pay the same interpreter start. A crash (e.g. ReportLab's LayoutError) or a
time-out is reported in the table, the run goes on. After all sizes it prints growth factors:
how much each figure grew against how much the data grew, as an exponent (1 = linear,
2 = quadratic). ``--profile`` adds a cProfile of ``validate`` and ``build-db`` at the largest size.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import math
import os
import pstats
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402  (bench/ is not a package)
from startup import BARE  # noqa: E402  (the bare window of bench/startup.py)

VELSEN_DESK = [sys.executable, "-m", "velsen_desk"]
SEARCH_QUERIES = ("de", "wo", "in", "woning", "Synthetica", "speelplaatsen", "jongerenwerk", "n.n.b",
                  "verkeersveiligheid rond scholen", "Q2-2024", "de Vries", "schuldhulp",
                  "Focusopgave 3", "zzzzzz")
GENERATION_SECONDS_PER_CLUSTER = 0.05  # measured: 100× (100 clusters) in ~3 s on this machine


# ---- what a measurement is

@dataclass
class Figure:
    what: str
    unit: str  # "s", "ms", "MB"
    ours: float | None = None
    base: float | None = None
    base_label: str = ""
    note: str = ""  # a crash or time-out, said as such
    ours_cpu: float | None = None  # user + system seconds of the child(ren): steadier on a shared machine
    base_cpu: float | None = None


@dataclass
class SizeResult:
    scale: float
    runs: int = 1
    files: int = 0
    records: int = 0
    actions: int = 0
    largest_plan: int = 0
    megabytes: float = 0.0
    db_megabytes: float = 0.0
    figures: list[Figure] = field(default_factory=list)
    skipped: str = ""


@dataclass
class Outcome:
    seconds: float
    ok: bool
    detail: str = ""
    stdout: str = ""
    cpu: float | None = None  # user + system seconds of the child, to its exit


class Home:
    """A fresh user home for one size, and how to read what went wrong in its log file."""

    def __init__(self, root: Path):
        self.root = root
        self.env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(root),
                    "XDG_DATA_HOME": str(root / "data"), "XDG_CONFIG_HOME": str(root / "config"),
                    "XDG_CACHE_HOME": str(root / "cache"), "XDG_STATE_HOME": str(root / "state")}
        self.log = root / "state" / "velsen-desk" / "log" / "velsen-desk.log"

    def reset(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        self.root.mkdir(parents=True)

    def log_size(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0


_EXCEPTION = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)):? ?(.*)$", re.MULTILINE)


def _crash_detail(stderr: str, log_text: str, returncode: int) -> str:
    """The exception that ended a child (from its traceback or the program's log), else its last words."""
    for text in (log_text, stderr):
        found = _EXCEPTION.findall(text)
        if found:
            name, message = found[-1]
            return f"crash: {name.rsplit('.', 1)[-1]}" + (f" ({message[:80]})" if message else "")
    last = stderr.strip().splitlines()[-1] if stderr.strip() else ""
    return f"exit {returncode}: {last[:120]}"


def run(cmd: list[str], home: Home, timeout: float, ready: str | None = None) -> Outcome:
    """Run a child; seconds from launch to exit, or to the line ``ready`` when given."""
    log_from = home.log_size()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)  # one child at a time, so the difference is its own
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=home.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed: float | None = None
    lines: list[str] = []
    try:
        if ready is not None:
            assert proc.stdout is not None
            for line in proc.stdout:  # a hung child is caught by the communicate() time-out below
                lines.append(line)
                if line.strip() == ready:
                    elapsed = time.perf_counter() - start
                    break
        out, err = proc.communicate(timeout=max(1.0, timeout - (time.perf_counter() - start)))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return Outcome(timeout, False, f"time-out na {timeout:.0f} s")
    if elapsed is None and ready is None:
        elapsed = time.perf_counter() - start
    stdout = "".join(lines) + out
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0 or elapsed is None:
        log_text = ""
        if home.log.exists():
            with home.log.open(encoding="utf-8", errors="replace") as handle:
                handle.seek(log_from)
                log_text = handle.read()
        return Outcome(time.perf_counter() - start, False, _crash_detail(err, log_text, proc.returncode), stdout,
                       cpu)
    return Outcome(elapsed, True, "", stdout, cpu)


def median_cpu(outcomes: list[Outcome]) -> float | None:
    good = [o.cpu for o in outcomes if o.ok and o.cpu is not None]
    return statistics.median(good) if good else None


def median_of(outcomes: list[Outcome]) -> tuple[float | None, str]:
    good = [o.seconds for o in outcomes if o.ok]
    bad = [o.detail for o in outcomes if not o.ok]
    note = bad[0] if bad else ""
    if bad and len(bad) > 1:
        note += f" ({len(bad)}/{len(outcomes)} runs)"
    return (statistics.median(good) if good else None), note


def baseline(kind: str, *args: str | Path) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--baseline", kind, *map(str, args)]


# ---- the baselines, each run as a child of this script

def _baseline_yaml(data: str) -> None:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)  # the loader parses pure Python too (no C extension installed)
    for path in synthetic_files(Path(data)):
        yaml.load(path.read_text(encoding="utf-8"))


def synthetic_files(data: Path) -> list[Path]:
    return sorted(p for p in data.iterdir() if p.suffix in (".yaml", ".yml"))


def _plain_tables(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts_%' ORDER BY name").fetchall()


def _baseline_insert(built: str, out: str) -> None:
    """The same rows as the built database, into the same tables, with executemany in one transaction."""
    source = sqlite3.connect(f"file:{built}?mode=ro", uri=True)
    tables = [(name, sql, source.execute(f'SELECT * FROM "{name}"').fetchall()) for name, sql in _plain_tables(source)]
    source.close()
    target = sqlite3.connect(out)
    with target:
        for name, sql, rows in tables:
            target.execute(sql)
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                target.executemany(f'INSERT INTO "{name}" VALUES ({marks})', rows)
    target.close()


def _baseline_copy(database: str, out: str) -> None:
    shutil.copyfile(database, out)
    conn = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
    (result,) = conn.execute("PRAGMA quick_check").fetchone()
    conn.close()
    if result != "ok":
        raise SystemExit(f"quick_check: {result}")


def plan_rows(database: str, programme: str) -> list[tuple[str | None, list[tuple[object, ...]]]]:
    """Per focusopgave (None: outside one) of the programme's plans: number, title, trekker, cost, planning."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT a.focusopgave_id, a.number, a.title, a.trekker, a.cost_text, a.planning_text "
        "FROM actions a JOIN action_plans p ON a.plan_id = p.id JOIN documents d ON p.document_id = d.id "
        "WHERE d.programme_id = ? ORDER BY p.id, a.focusopgave_id IS NULL, a.focusopgave_id, a.number",
        (programme,)).fetchall()
    conn.close()
    groups: dict[str | None, list[tuple[object, ...]]] = {}
    for focus, *rest in rows:
        groups.setdefault(focus, []).append(tuple(rest))
    return list(groups.items())


def _baseline_report(database: str, programme: str, out: str) -> None:
    """Bare ReportLab with one table of the plan's action rows, as bench/reports.py builds it (the
    first baseline of both reports: it prints about half of what the budget report prints; kept to
    compare with the figures measured against it)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    cell = getSampleStyleSheet()["BodyText"]
    story = []
    everything = []
    for _focus, actions in plan_rows(database, programme):
        rows: list[list[object]] = [["Nr", "Actie", "Trekker", "Kosten", "Financiering", "Planning"]]
        rows += [[str(n), Paragraph(str(title), cell), Paragraph(str(trekker or ""), cell),
                  Paragraph(str(cost), cell), Paragraph("—", cell), Paragraph(str(plan or ""), cell)]
                 for n, title, trekker, cost, plan in actions]
        story.append(Table(rows, colWidths=[22, 138, 68, 66, 84, 115], repeatRows=1))
        everything += actions
    rows = [["Nr", "Actie", "Planning"]]
    rows += [[str(n), Paragraph(str(title), cell), Paragraph(str(plan or ""), cell)]
             for n, title, _t, _c, plan in everything]
    story.append(Table(rows, colWidths=[24, 200, 269], repeatRows=1))
    SimpleDocTemplate(out, pagesize=A4).build(story)


def _baseline_report_story(story: str, out: str) -> None:
    """Bare ReportLab printing the paragraphs and tables of one of our reports (bench/bare_report.py)."""
    import bare_report  # bench/ is on sys.path; draw() imports ReportLab only

    bare_report.draw(story, out)


BARE_TREE = r"""
import resource, sqlite3, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

database = sys.argv[1]
app = QApplication(sys.argv[:1])
conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
model = QStandardItemModel()
model.setHorizontalHeaderLabels(["Nr", "Actie", "Trekker", "Wat", "Kosten", "Uitleg", "Planning"])
for row in conn.execute("SELECT number, title, trekker, what, cost_text, explanation, planning_text FROM actions"):
    model.appendRow([QStandardItem("" if v is None else str(v)) for v in row])
window = QMainWindow()
view = QTreeView()
view.setModel(model)
window.setCentralWidget(view)
window.resize(1280, 800)
window.show()
def done():
    print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    app.quit()


QTimer.singleShot(1500, done)
sys.exit(app.exec())
"""

# The real program started through its command line (``velsen-desk`` without arguments, as a user
# does). QApplication.exec is wrapped to install an application-wide event filter, so nothing of the
# window's internals is named: "ready" is the first paint of any item view that shows rows.
WINDOW = r"""
import os, resource, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QTabWidget

MODE = sys.argv[1]  # "start": print READY at the first paint with data; "tabs": then show every tab
DWELL_MS = int(sys.argv[2]) if len(sys.argv) > 2 else 3000


class Probe(QObject):
    ready = False

    def eventFilter(self, obj, event):
        if not self.ready and event.type() == QEvent.Type.Paint:
            view = obj.parent()
            if isinstance(view, QAbstractItemView) and view.viewport() is obj and view.model() is not None \
                    and view.model().rowCount() > 0:
                self.ready = True
                print("READY", flush=True)
                QTimer.singleShot(0, after_ready)
        return False


def main_window():
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())


def after_ready():
    app = QApplication.instance()
    app.removeEventFilter(probe)
    if MODE == "start":
        app.exit(0)
        return
    window = main_window()
    tabs = window.centralWidget() if isinstance(window.centralWidget(), QTabWidget) else window.findChild(QTabWidget)
    order = list(range(tabs.count())) if tabs is not None else []

    def step():
        if order:
            tabs.setCurrentIndex(order.pop(0))
            QTimer.singleShot(DWELL_MS, step)
        else:
            print("TABS", tabs.count() if tabs is not None else 0, flush=True)
            print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
            app.exit(0)

    step()


probe = Probe()
_exec = QApplication.exec


def exec_with_probe(*_args):
    QApplication.instance().installEventFilter(probe)
    return _exec()


QApplication.exec = exec_with_probe
from velsen_desk.cli.main import main  # noqa: E402

sys.exit(main([]))
"""

SEARCH = r"""
import contextlib, io, json, re, sqlite3, statistics, sys, time
from pathlib import Path
from velsen_desk.cli.main import main

database, reps, queries = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
SQL = ("SELECT kind, ref_id, snippet(search_fts, -1, '', '', '…', 16) FROM search_fts "
       "WHERE search_fts MATCH ? ORDER BY rank LIMIT 200")


def expression(query):
    return " AND ".join(f'"{w}"*' for w in re.findall(r"\w+", query))  # words as the program cuts them


def cli(query):
    with contextlib.redirect_stdout(io.StringIO()) as out:
        status = main(["search", query, "--json", "--database", database])
    return status, len(json.loads(out.getvalue())) if status == 0 else -1


def bare_open(query):
    # what one command does at the least: open the file, MATCH, rank, fetch up to 200 rows
    conn = sqlite3.connect(f"file:{database}?mode=ro&immutable=1", uri=True)
    rows = conn.execute(SQL, (expression(query),)).fetchall()
    conn.close()
    return 0, len(rows)


shared = sqlite3.connect(f"file:{database}?mode=ro&immutable=1", uri=True)


def bare_shared(query):
    return 0, len(shared.execute(SQL, (expression(query),)).fetchall())


legs = [("cli", cli), ("bare_open", bare_open), ("bare_shared", bare_shared)]
result = {}
try:  # the Python API as the window calls it; its signature may change in a rewrite, so optional
    from velsen_desk.storage.database import ReadOnlyDatabase
    from velsen_desk.storage.search import search

    db = ReadOnlyDatabase(Path(database))

    def api(query):
        return 0, len(db.read(search, query))

    legs.append(("api", api))
except Exception as exc:  # noqa: BLE001
    result["api_error"] = f"{type(exc).__name__}: {exc}"

for name, call in legs:
    try:
        call(queries[0])  # warm: imports, first open
        per_query = {}
        for query in queries:
            times = []
            for _ in range(reps):
                start = time.perf_counter()
                status, hits = call(query)
                times.append(time.perf_counter() - start)
                if status != 0:
                    raise RuntimeError(f"exit {status} for {query!r}")
            per_query[query] = (statistics.median(times), hits)
        result[name] = per_query
    except Exception as exc:  # noqa: BLE001
        result[name + "_error"] = f"{type(exc).__name__}: {exc}"
print(json.dumps(result))
"""


# ---- measuring one size

def _timed(figure: Figure, ours: list[Outcome], base: list[Outcome] | None, result: SizeResult) -> None:
    figure.ours, figure.note = median_of(ours)
    figure.ours_cpu = median_cpu(ours)
    if base is not None:
        figure.base, base_note = median_of(base)
        figure.base_cpu = median_cpu(base)
        if base_note:
            figure.note = (figure.note + "; " if figure.note else "") + "basislijn: " + base_note
    result.figures.append(figure)
    value = "—" if figure.ours is None else f"{figure.ours:.3f}"
    print(f"  {figure.what:<38} {value:>9} {figure.unit}  {figure.note}", flush=True)


def largest_plan(database: Path) -> tuple[str, int]:
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    programme, count = conn.execute(
        "SELECT d.programme_id, COUNT(*) FROM actions a JOIN action_plans p ON a.plan_id = p.id "
        "JOIN documents d ON p.document_id = d.id GROUP BY p.id ORDER BY COUNT(*) DESC, p.id LIMIT 1").fetchone()
    conn.close()
    return programme, count


def measure_size(scale: float, work: Path, runs: int, timeout: float, dwell_ms: int) -> SizeResult:
    result = SizeResult(scale, runs)
    root = work / f"x{scale:g}"
    shutil.rmtree(root, ignore_errors=True)
    free = shutil.disk_usage(work).free
    need = synthetic.estimated_bytes(scale) * 4  # data, sources, databases, published and synced copies
    seconds = synthetic.clusters(scale) * GENERATION_SECONDS_PER_CLUSTER
    if need > free / 2 or seconds > 3600:
        result.skipped = (f"overgeslagen: ~{need / 1e9:.1f} GB nodig ({free / 1e9:.1f} GB vrij), "
                          f"~{seconds:.0f} s genereren")
        print(result.skipped)
        return result

    print(f"\n== {scale:g}× ==", flush=True)
    start = time.perf_counter()
    written = synthetic.generate(root / "set", scale)
    result.files, result.records, result.actions = written.files, written.records, written.actions
    result.megabytes = written.bytes / 1e6
    print(f"  generated {written.files} files, {written.records} records, {written.actions} actions, "
          f"{result.megabytes:.1f} MB in {time.perf_counter() - start:.1f} s", flush=True)
    home = Home(root / "home")
    home.reset()
    data, sources = str(written.data), str(written.sources)

    # CLI start alone: the fixed cost inside every command-line figure below
    _timed(Figure("velsen-desk --help (process start)", "s", base_label="python -c pass"),
           [run([*VELSEN_DESK, "--help"], home, timeout) for _ in range(runs)],
           [run([sys.executable, "-c", "pass"], home, timeout) for _ in range(runs)], result)

    _timed(Figure("validate", "s", base_label="ruamel.yaml safe load"),
           [run([*VELSEN_DESK, "validate", data, "--sources", sources], home, timeout) for _ in range(runs)],
           [run(baseline("yaml", data), home, timeout) for _ in range(runs)], result)

    db = root / "velsen-desk.sqlite"
    builds = []
    for index in range(runs):
        target = db if index == runs - 1 else root / f"build-{index}.sqlite"
        builds.append(run([*VELSEN_DESK, "build-db", "-o", str(target), data, "--sources", sources], home, timeout))
        if target != db:
            target.unlink(missing_ok=True)
    if not db.exists():
        _timed(Figure("build-db", "s"), builds, None, result)
        print("  no database: the rest of this size is not measured")
        return result
    result.db_megabytes = db.stat().st_size / 1e6
    inserts = []
    for index in range(runs):
        out = root / f"bare-{index}.sqlite"
        inserts.append(run(baseline("insert", db, out), home, timeout))
        out.unlink(missing_ok=True)
    _timed(Figure("build-db", "s", base_label="sqlite3 executemany, same rows"), builds, inserts, result)
    programme, result.largest_plan = largest_plan(db)

    # publish and sync into a fresh home, against copying the file and checking it
    publishes, syncs, unchanged, copies = [], [], [], []
    for index in range(runs):
        share = root / f"share-{index}"
        shutil.rmtree(share, ignore_errors=True)
        share.mkdir()
        home.reset()
        publishes.append(run([*VELSEN_DESK, "publish", str(db), "--share", str(share)], home, timeout))
        syncs.append(run([*VELSEN_DESK, "sync", "--share", str(share)], home, timeout))
        unchanged.append(run([*VELSEN_DESK, "sync", "--share", str(share)], home, timeout))
        copies.append(run(baseline("copy", db, root / "copy.sqlite"), home, timeout))
        (root / "copy.sqlite").unlink(missing_ok=True)
        if index < runs - 1:
            shutil.rmtree(share, ignore_errors=True)
    _timed(Figure("publish", "s", base_label="cp + quick_check"), publishes, copies, result)
    _timed(Figure("full sync (fresh home)", "s", base_label="cp + quick_check"), syncs, copies, result)
    _timed(Figure("sync without change", "s", base_label="cp + quick_check"), unchanged, copies, result)

    # the window on the synced data
    bare, first, usual = [], [], []
    for _ in range(runs):
        bare.append(run([sys.executable, "-c", BARE], home, timeout, ready="READY"))
        shutil.rmtree(root / "home" / "cache", ignore_errors=True)  # as after a sync whose caches are not made
        first.append(run([sys.executable, "-c", WINDOW, "start"], home, timeout, ready="READY"))
        usual.append(run([sys.executable, "-c", WINDOW, "start"], home, timeout, ready="READY"))
    _timed(Figure("window: first start on new data", "s", base_label="bare QMainWindow"), first, bare, result)
    _timed(Figure("window: usual start", "s", base_label="bare QMainWindow"), usual, bare, result)
    tabs = run([sys.executable, "-c", WINDOW, "tabs", str(dwell_ms)], home, timeout + 60)
    tree = run([sys.executable, "-c", BARE_TREE, str(db)], home, timeout)
    rss = Figure("peak RSS, window after every tab", "MB", base_label="bare QTreeView over all actions")
    rss.ours, rss.base = _rss(tabs), _rss(tree)
    rss.note = tabs.detail or (f"basislijn: {tree.detail}" if tree.detail else "")
    shown = re.search(r"^TABS (\d+)", tabs.stdout, re.MULTILINE)
    if shown:
        rss.note = (rss.note + "; " if rss.note else "") + f"{shown.group(1)} tabs, {dwell_ms} ms each"
    result.figures.append(rss)
    print(f"  {rss.what:<38} {rss.ours or 0:9.0f} MB  {rss.note}", flush=True)

    # search, inside one process
    found = run([sys.executable, "-c", SEARCH, str(db), str(max(3, runs)), json.dumps(SEARCH_QUERIES)], home, timeout)
    if found.ok:
        timings = json.loads(found.stdout.strip().splitlines()[-1])
        for leg, base_leg, label, base_label in (
                ("cli", "bare_open", "search via CLI in one process", "open + FTS5 MATCH"),
                ("api", "bare_shared", "search via Python API", "FTS5 MATCH, open connection")):
            ours = timings.get(leg)
            if ours is None:
                result.figures.append(Figure(label, "ms", note=timings.get(leg + "_error", "niet gemeten")))
                continue
            bare_t = timings.get(base_leg, {})
            slowest = max(ours, key=lambda q: ours[q][0])
            result.figures += [
                Figure(f"{label}: median", "ms", statistics.median(t for t, _ in ours.values()) * 1000,
                       statistics.median(t for t, _ in bare_t.values()) * 1000 if bare_t else None, base_label),
                Figure(f"{label}: slowest", "ms", ours[slowest][0] * 1000,
                       max(t for t, _ in bare_t.values()) * 1000 if bare_t else None, base_label,
                       f"'{slowest}', {ours[slowest][1]} hits")]
            print(f"  {label}: median {result.figures[-2].ours:.2f} ms, slowest {result.figures[-1].ours:.2f} ms "
                  f"({result.figures[-1].note})", flush=True)
    else:
        result.figures.append(Figure("search", "ms", note=found.detail))

    # reports of the largest plan's programme
    import bare_report  # composes with Velsen Desk, untimed: only here, never in a baseline child

    bare: dict[str, list[Outcome]] = {}
    for kind in ("annex", "budget"):
        story = root / f"bare-{kind}.json"
        bare_report.dump(kind, str(db), programme, str(story))
        bare[kind] = [run(baseline("report-story", story, root / f"bare-{kind}.pdf"), home, timeout)
                      for _ in range(runs)]
    annex = [run([*VELSEN_DESK, "report", "annex", "-o", str(root / "annex.pdf"), "--programme", programme,
                  "--meeting", "Raadsvergadering (synthetisch)", "--date", "2024-06-20", "--agenda-item", "7",
                  "--items", "themes,portfolio,budget,timeline", "--database", str(db)], home, timeout)
             for _ in range(runs)]
    budget = [run([*VELSEN_DESK, "report", "budget", "-o", str(root / "budget.pdf"), "--programme", programme,
                   "--database", str(db)], home, timeout) for _ in range(runs)]
    same = "bare ReportLab, same paragraphs and tables"
    _timed(Figure("report annex", "s", base_label=same), annex, bare["annex"], result)
    _timed(Figure("report budget", "s", base_label=same), budget, bare["budget"], result)
    return result


def _rss(outcome: Outcome) -> float | None:
    found = re.search(r"^RSS (\d+)", outcome.stdout, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else None  # ru_maxrss is in KiB on Linux


# ---- tables

def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "ms":
        return f"{value:.2f} ms"
    return f"{value:.2f} s"


def size_table(result: SizeResult) -> str:
    runs = f"{result.runs} runs, median" if result.runs > 1 else "1 run"
    head = (f"### {result.scale:g}× ({runs}): {result.files} files, {result.records:,} records, "
            f"{result.actions:,} actions "
            f"(largest plan {result.largest_plan:,}), {result.megabytes:.1f} MB of data and sources, "
            f"database {result.db_megabytes:.1f} MB\n\n")
    if result.skipped:
        return head + result.skipped + "\n"
    lines = ["| what | ours | baseline | ratio | CPU ours / baseline | baseline is | note |",
             "| --- | ---: | ---: | ---: | ---: | --- | --- |"]
    for f in result.figures:
        ratio = f"{f.ours / f.base:.1f}×" if f.ours is not None and f.base else "—"
        cpu = (f"{f.ours_cpu:.2f} / {f.base_cpu:.2f} s" if f.ours_cpu is not None and f.base_cpu is not None
               else "—")
        lines.append(f"| {f.what} | {_fmt(f.ours, f.unit)} | {_fmt(f.base, f.unit)} | {ratio} | {cpu} "
                     f"| {f.base_label} | {f.note} |")
    return head + "\n".join(lines) + "\n"


def growth_table(results: list[SizeResult]) -> str:
    measured = [r for r in results if r.figures and not r.skipped]
    if len(measured) < 2:
        return ""
    lines = ["| what | " + " | ".join(f"{a.scale:g}× → {b.scale:g}×" for a, b in zip(measured, measured[1:],
                                                                                  strict=False)) + " |",
             "| --- |" + " --- |" * (len(measured) - 1)]
    data = ["records"] + [f"{b.records / a.records:.1f}×" for a, b in zip(measured, measured[1:], strict=False)]
    lines.append("| " + " | ".join(data) + " |")
    names = [f.what for f in measured[0].figures]
    for name in names:
        cells = [name]
        for a, b in zip(measured, measured[1:], strict=False):
            fa = next((f for f in a.figures if f.what == name), None)
            fb = next((f for f in b.figures if f.what == name), None)
            if fa is None or fb is None or not fa.ours or not fb.ours:
                cells.append("—")
                continue
            grow = fb.ours / fa.ours
            exponent = math.log(grow) / math.log(b.records / a.records) if grow > 0 else float("nan")
            base = f", baseline {fb.base / fa.base:.1f}×" if fa.base and fb.base else ""
            cpu = ""
            if fa.ours_cpu and fb.ours_cpu:
                cpu_grow = fb.ours_cpu / fa.ours_cpu
                cpu = f"; CPU {cpu_grow:.1f}× (exp. {math.log(cpu_grow) / math.log(b.records / a.records):.2f})"
            cells.append(f"{grow:.1f}× (exp. {exponent:.2f}{base}){cpu}")
        lines.append("| " + " | ".join(cells) + " |")
    return ("Growth between sizes: ours (wall time), the exponent against the growth of the records "
            "(1 = linear, 2 = quadratic), the baseline's growth, and the growth of our CPU time.\n\n"
            + "\n".join(lines) + "\n")


# ---- profiles

def profile_commands(scale: float, work: Path, top: int = 25) -> str:
    """cProfile of validate and build-db (in this process) at one size; the top functions by own time."""
    from velsen_desk.cli.main import main as cli

    root = work / f"x{scale:g}"
    data, sources = root / "set" / "data", root / "set" / "sources"
    if not data.exists():
        synthetic.generate(root / "set", scale)
    report = []
    for label, argv in (("validate", ["validate", str(data), "--sources", str(sources)]),
                        ("build-db", ["build-db", "-o", str(root / "profiled.sqlite"), str(data),
                                      "--sources", str(sources)])):
        profiler = cProfile.Profile()
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            profiler.runcall(cli, argv)
        seconds = time.perf_counter() - start
        profiler.dump_stats(root / f"{label}.prof")  # for snakeviz or pstats later
        # the whole picture, then our own code alone (below the parser that dominates)
        for sort, restriction in (("tottime", ()), ("cumulative", ()), ("cumulative", ("velsen_desk",))):
            buffer = io.StringIO()
            pstats.Stats(profiler, stream=buffer).sort_stats(sort).print_stats(*restriction, top)
            text = buffer.getvalue()
            body = text[text.find("   ncalls"):]
            which = f"by {sort}" + (f", only {restriction[0]}" if restriction else "")
            report.append(f"#### {label} at {scale:g}× ({seconds:.1f} s under the profiler), {which}\n\n"
                          f"```\n{body.rstrip()}\n```\n")
    return "\n".join(report)


# ---- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10", help="comma-separated N, e.g. 1,10,100")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--single-run-from", type=float, default=100,
                        help="sizes from this N on are measured once (they take minutes per step)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per step")
    parser.add_argument("--dwell-ms", type=int, default=3000, help="time on each tab before the RSS is read")
    parser.add_argument("--work", type=Path, help="keep sets and databases here (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--profile", action="store_true", help="cProfile validate and build-db at the largest size")
    parser.add_argument("--baseline", nargs="+", help=argparse.SUPPRESS)  # internal: run one baseline
    args = parser.parse_args(argv)
    if args.baseline:
        kind, *rest = args.baseline
        {"yaml": _baseline_yaml, "insert": _baseline_insert, "copy": _baseline_copy,
         "report": _baseline_report, "report-story": _baseline_report_story}[kind](*rest)
        return 0

    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    with contextlib.ExitStack() as stack:
        work = args.work or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="velsen-scale-")))
        work.mkdir(parents=True, exist_ok=True)
        results = []
        for scale in sizes:
            runs = 1 if scale >= args.single_run_from else args.runs
            results.append(measure_size(scale, work, runs, args.timeout, args.dwell_ms))
            if args.json:
                args.json.write_text(json.dumps([asdict(r) for r in results], indent=2, ensure_ascii=False))
        print()
        for result in results:
            print(size_table(result))
        print(growth_table(results))
        if args.profile:
            largest = max((r for r in results if not r.skipped), key=lambda r: r.scale, default=None)
            if largest is not None:
                print(profile_commands(largest.scale, work))
    return 0


if __name__ == "__main__":
    sys.exit(main())

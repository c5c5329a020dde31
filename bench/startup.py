"""Cold start of Velsen Desk vs a bare PySide6 window, both offscreen in fresh processes.

    .venv/bin/python bench/startup.py [--runs 7] [--new-version] [--compile-every-start] [--database FILE]

"Started" means: the window is painted with Velsen 2022–2026's themes in the themes tab, drawn
from the programme's outline (``ProgrammeOutline``), which the start reads before the whole
programme; the time until the tab is painted again with the whole programme is reported too
("whole programme painted"). The baseline
is a bare QMainWindow painted for the first time, launched the same way in the same run. Both
are timed from launch until the child reports its paint (not until it exits), median of N runs,
interleaved; each child also reports the CPU time it had used by then, which other work on a
busy machine inflates far less than wall time. Two kinds of start are measured:

- usual: the local database exists (every start after the first);
- new data: the local database was just replaced by a file this program has never read (as after
  a sync: same tables, a new data version), so nothing about it can have been kept from before;
- with ``--new-version``, also the first start after an update that ships new bundled data: the
  local copy an older version built is rebuilt from the bundled data before the window opens.

Each round makes its new-data file before any of its starts and only renames it into place right
before the new-data start, as a sync does after its checks; and each round starts the three kinds
in another order (all six orders in turn). With a fixed order and the file written just before,
the new-data start always came right after the usual one and after the bench's own file writing,
and measured 0.05-0.3x slower than the usual start although both do the same work (the same
395,414 Python calls until the paint, instruction counts under callgrind within 0.2 %).

With ``--database FILE`` (e.g. a 100× set built by ``bench/synthetic.py`` and ``build-db``), the
local database is that file, published to a share and synced as a user's would be; the window
opens the programme it opens first (the catalogue's first when Velsen 2022–2026 is not in it).

Then instrumented runs (``--profile-runs``, default 5) list the longest operations on the GUI
thread (every event dispatch timed through ``QApplication.notify``, plus the imports before the
event loop) while it clicks through the tabs, before and after pyqtgraph arrives, switches person
and programme, makes a report, searches and opens the notes overview. Each dispatch is timed
twice: wall clock and the GUI thread's own CPU time (``time.thread_time()``), so waiting for a
core on a busy machine (wall >> CPU) can be told apart from work the thread does (CPU ≈ wall).
Per run, each event (what it is and in which step) keeps its slowest dispatch; the table gives
the median over the runs of that slowest dispatch, wall and CPU.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"READY {time.process_time()}", flush=True)
            QApplication.instance().exit(0)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
label = QLabel("Velsen Desk")
window.setCentralWidget(label)
window.resize(1280, 800)
spy = FirstPaint()
label.installEventFilter(spy)
window.show()
sys.exit(app.exec())
"""

# The tree's viewport, which the spy watches. ``tree.viewport()`` would not do: the viewport is
# made by Qt, and PySide, resolving a plain ``QWidget*`` it has no wrapper for, makes the Python
# class of every QWidget subclass it might be (~47 enum classes, ~5-8 ms), which neither the
# program before its first paint nor the bare window does. ``findChild`` with the class returns
# the same object without that search (tests/test_bench_startup.py).
VIEWPORT = "window.themes_tab.tree.findChild(QWidget, 'qt_scrollarea_viewport')"

DESK = r"""
import sys, time
from velsen_desk.ui.app import application  # first, as run_app does (velsen_desk.ui preloads the domain)
from velsen_desk.ui.main_window import MainWindow
from velsen_desk.storage.local_copy import ensure_local_database
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

class FirstPaintWithData(QObject):
    rows = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and window.themes_tab.model.rowCount() > 0:
            if not self.rows:
                self.rows = True
                print(f"READY {time.process_time()}", flush=True)
            if window.state.data is not None:
                print(f"WHOLE {time.process_time()}", flush=True)
                application().exit(0)
        return False

app = application()
local = ensure_local_database()
window = MainWindow(local.info.path, local.origin, settings=None, show_errors=False)
spy = FirstPaintWithData()
VIEWPORT.installEventFilter(spy)
window.show()
window.start()
sys.exit(app.exec())
""".replace("VIEWPORT", VIEWPORT)

PROFILE = r"""
import json, sys, time
pre_loop = {}
def step(name, start):
    pre_loop[name] = time.perf_counter() - start
s = time.perf_counter(); import velsen_desk.ui; step("import velsen_desk.ui (the Qt-free modules)", s)
s = time.perf_counter(); from PySide6.QtWidgets import QApplication; step("import PySide6.QtWidgets", s)
s = time.perf_counter()
from velsen_desk.ui.app import application
from velsen_desk.ui.main_window import MainWindow
step("import velsen_desk.ui.main_window", s)

slowest = {}  # (what, phase) -> [wall, cpu] of its slowest dispatch in this run
phase = ["start-up"]
depth = [0]


def record(wall, cpu, what):
    key = f"{what}\t{phase[0]}"
    if wall > slowest.get(key, (0.0, 0.0))[0]:
        slowest[key] = (wall, cpu)


def describe(receiver):
    # A bare QWidget/QWindow says little: name the widget it belongs to.
    name = type(receiver).__name__
    if name in ("QWidget", "QWidgetWindow", "QWindow", "QScrollBar") and hasattr(receiver, "parent"):
        parent = receiver.parent()
        if parent is not None:
            name += f" in {type(parent).__name__}"
    return name


class TimedApp(QApplication):
    def notify(self, receiver, event):
        if depth[0]:  # sent while another dispatch (or a timed call) runs: part of that one
            return super().notify(receiver, event)
        depth[0] = 1
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return super().notify(receiver, event)
        finally:
            depth[0] = 0
            record(time.perf_counter() - start, time.thread_time() - cpu,
                   f"{event.type().name} -> {describe(receiver)}")

s = time.perf_counter(); app = TimedApp(sys.argv[:1]); application(); step("QApplication()", s)
# The Python notify() above makes PySide create ~100 enum classes the first time an item view
# sends events through it (~18 ms; the program itself, without this override, creates a few):
# the instrument's own cost, paid here before anything is timed.
from PySide6.QtWidgets import QTreeView
QTreeView().deleteLater()
slowest.clear()
s = time.perf_counter(); from velsen_desk.storage.local_copy import ensure_local_database
local = ensure_local_database()
step("ensure_local_database()", s)
s = time.perf_counter()
window = MainWindow(local.info.path, local.origin, settings=None, show_errors=False)
step("MainWindow()", s)

def timed(what, call):
    # a direct call standing in for the menu action or key that makes it: GUI-thread work too
    depth[0] = 1  # the events it sends synchronously are part of it, as in a real dispatch
    start, cpu = time.perf_counter(), time.thread_time()
    try:
        result = call()
    finally:
        depth[0] = 0
    record(time.perf_counter() - start, time.thread_time() - cpu, what)
    return result

def run_until(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.002)

ready = []
window.sig_ready.connect(lambda: ready.append(1))
window.show(); window.start()
run_until(lambda: ready)
run_until(lambda: False, 0.05)
phase[0] = "Begroting before pyqtgraph is loaded"
timed("select_tab(budget)", lambda: window.select_tab("budget"))
run_until(lambda: window.budget_tab.chart is not None)
run_until(lambda: False, 0.2)
phase[0] = "Tijdlijn"
timed("select_tab(timeline)", lambda: window.select_tab("timeline"))
run_until(lambda: window.timeline_tab.chart is not None)
run_until(lambda: False, 0.2)
phase[0] = "Bekijk als: Marianne Steijn"
timed("select_person", lambda: window.select_person("marianne-steijn"))
run_until(lambda: False, 0.2)
phase[0] = "programme Heemskerk"
ready.clear(); window.select_programme("heemskerk-2018"); run_until(lambda: ready)
phase[0] = "programme Velsen again"
ready.clear(); window.select_programme("velsen-2022"); run_until(lambda: ready)
run_until(lambda: False, 0.2)
phase[0] = "search typed: 'woning'"
timed("search query", lambda: (window.search.field.setText("woning"), window.search.run_query()))
run_until(lambda: window.search.model.rowCount() > 0, 30)
timed("search query, one more letter", lambda: (window.search.field.setText("woningb"), window.search.run_query()))
run_until(lambda: False, 0.3)
phase[0] = "Ctrl+P: report dialog (preview made in a worker)"
dialog = timed("open report dialog", lambda: window.report_actions.open_dialog("budget"))
run_until(lambda: dialog.pdf.preview.page_count > 0, 60)
run_until(lambda: False, 0.2)
dialog.close()
phase[0] = "Beeld -> Mijn notities"
timed("show notes overview", window.show_notes)
run_until(lambda: False, 0.3)
print(json.dumps({"pre_loop": pre_loop, "slowest": slowest}))
"""


def _run(code: str, env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds from launch until the child prints READY (its exit is not part of the start), the
    CPU seconds the child had used by then (all its threads; waiting for a core not counted), and
    the seconds until it prints WHOLE: the tab painted with the whole programme, not only the
    outline the start shows first (the bare window prints no WHOLE: its READY is both)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    elapsed = cpu = whole = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - start
            cpu = float(line.split()[1])
            if code is BARE:
                whole = elapsed
                break
        elif line.startswith("WHOLE"):
            whole = time.perf_counter() - start
            break
    _out, err = proc.communicate(timeout=120)
    if elapsed is None or cpu is None or whole is None:
        raise SystemExit(f"run failed:\n{err}")
    return elapsed, cpu, whole


def _summary(label: str, runs: list[float]) -> float:
    median = statistics.median(runs)
    print(f"{label:<38} median {median:.3f} s  (runs: {', '.join(f'{x:.3f}' for x in runs)})")
    return median


def _local_database(home: Path) -> Path:
    return next(home.rglob("velsen-desk.sqlite"))  # under the XDG data folder the bench sets


def _prepare_new_data(home: Path, run: int) -> Path:
    """A database with new bytes (a new data version) beside the local one, not yet in its place:
    made before the round's starts, so no start follows the bench's own file writing."""
    local = _local_database(home)
    fresh = local.with_name(f"incoming-{run}.sqlite")
    shutil.copyfile(local, fresh)
    with sqlite3.connect(fresh) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'data_version'", (f"bench-{run}",))
    conn.close()
    return fresh


def _put_in_place(home: Path, fresh: Path) -> None:
    """Replace the local database by ``fresh`` the way a sync does: one atomic rename."""
    os.replace(fresh, _local_database(home))


def _make_older_version(home: Path) -> None:
    """The local copy as an older program left it: built from other bundled data (its bundle
    fingerprint in origin.json and its data version differ), so the next start rebuilds it from
    this version's bundled data, as the first start after an update that ships new data does."""
    local = _local_database(home)
    origin = local.with_name("origin.json")
    data = json.loads(origin.read_text(encoding="utf-8"))
    data["bundle_hash"] = "older-version"
    data.pop("bundle_files", None)  # a new version's files are new files: their signature is not the stored one
    origin.write_text(json.dumps(data), encoding="utf-8")
    with sqlite3.connect(local) as conn:
        conn.execute("UPDATE meta SET value = 'older-version' WHERE key = 'data_version'")
    conn.close()


def _sync_from(database: Path, share: Path, env: dict[str, str]) -> None:
    """Make ``database`` the local copy the way a user gets one: published to a share, then synced."""
    share.mkdir()
    for command in (["publish", str(database), "--share", str(share)], ["sync", "--share", str(share)]):
        subprocess.run([sys.executable, "-m", "velsen_desk", *command], env=env, check=True, capture_output=True,
                       timeout=600)


KINDS = ("bare", "usual", "new data")


def round_order(run: int, kinds: tuple[str, ...] = KINDS) -> tuple[str, ...]:
    """The order of the kinds of start in round ``run``: every order in turn, so no kind always
    follows another (or the bench's file writing)."""
    orders = list(itertools.permutations(kinds))
    return orders[run % len(orders)]


def _instrumented(env: dict[str, str], runs: int, top: int) -> None:
    """Run the click-through ``runs`` times; print the median over runs of each event's slowest dispatch."""
    pre_loop: dict[str, list[float]] = {}
    events: dict[str, list[tuple[float, float]]] = {}
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", PROFILE], env=env, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise SystemExit(f"instrumented run failed:\n{proc.stderr}")
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        for name, seconds in result["pre_loop"].items():
            pre_loop.setdefault(name, []).append(seconds)
        for key, (wall, cpu) in result["slowest"].items():
            events.setdefault(key, []).append((wall, cpu))
    print(f"\nBefore the event loop (GUI thread, median of {runs} instrumented runs):")
    for name, seconds in pre_loop.items():
        print(f"  {statistics.median(seconds) * 1000:7.1f} ms  {name}")
    # An event missing from a run (e.g. a repaint that did not happen) counts as 0 in that run.
    table = []
    for key, samples in events.items():
        walls = [w for w, _ in samples] + [0.0] * (runs - len(samples))
        cpus = [c for _, c in samples] + [0.0] * (runs - len(samples))
        table.append((statistics.median(walls), statistics.median(cpus), max(walls), key))
    table.sort(reverse=True)
    print(f"Slowest GUI-thread events, median over {runs} runs of each event's slowest dispatch "
          "(wall | GUI-thread CPU | worst wall):")
    for wall, cpu, worst, key in table[:top]:
        what, phase = key.split("\t")
        print(f"  {wall * 1000:7.1f} ms | {cpu * 1000:6.1f} ms cpu | {worst * 1000:6.1f} ms  {what}  [{phase}]")
    wall, cpu, _worst, key = table[0]
    what, phase = key.split("\t")
    print(f"slowest GUI-thread event (median of {runs}): {wall * 1000:.1f} ms wall, {cpu * 1000:.1f} ms CPU "
          f"({what}, {phase})")
    over = [row for row in table if row[0] > 0.050]
    print(f"events over 50 ms wall (median): {len(over)}; over 50 ms CPU: {sum(1 for row in table if row[1] > 0.050)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile-runs", type=int, default=5, help="instrumented click-through runs")
    parser.add_argument("--top", type=int, default=15, help="events listed")
    parser.add_argument("--only-events", action="store_true", help="skip the start-up timing")
    parser.add_argument("--new-version", action="store_true",
                        help="also time the first start after an update that ships new bundled data (a rebuild)")
    parser.add_argument("--database", type=Path, help="start on this database (published and synced) "
                        "instead of the bundled data")
    parser.add_argument("--compile-every-start", action="store_true",
                        help="keep PYTHONDONTWRITEBYTECODE from the environment (every start compiles the sources)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="velsen-bench-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": home,
               "XDG_DATA_HOME": str(Path(home) / "data"), "XDG_CONFIG_HOME": str(Path(home) / "config"),
               "XDG_CACHE_HOME": str(Path(home) / "cache")}
        if not args.compile_every_start:
            # As installed (PyInstaller ships compiled modules): bytecode is cached after the first start.
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        _run(DESK, env)  # the first start ever builds the local database
        if args.database is not None:
            _sync_from(args.database, Path(home) / "share", env)
        if args.only_events:
            _instrumented(env, args.profile_runs, args.top)
            return 0
        kinds = KINDS + (("new version",) if args.new_version else ())
        times: dict[str, list[tuple[float, float, float]]] = {kind: [] for kind in kinds}
        for run in range(args.runs):  # interleaved, so all kinds see the same machine state
            fresh = _prepare_new_data(Path(home), run)
            for kind in round_order(run, kinds):
                if kind == "new data":
                    _put_in_place(Path(home), fresh)
                elif kind == "new version":
                    _make_older_version(Path(home))
                times[kind].append(_run(BARE if kind == "bare" else DESK, env))
        bare, usual, new_data = times["bare"], times["usual"], times["new data"]
        if Path("/proc/loadavg").exists():  # Linux: how busy the machine was
            print(f"load average at the end: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
        b = _summary("bare PySide6 QMainWindow:", [w for w, _, _ in bare])
        u = _summary("Velsen Desk, usual start:", [w for w, _, _ in usual])
        n = _summary("Velsen Desk, first start on new data:", [w for w, _, _ in new_data])
        print(f"usual start: ratio {u / b:.2f}×, adds {u - b:.3f} s to the bare window")
        print(f"new data:    ratio {n / b:.2f}×, adds {n - b:.3f} s to the bare window")
        uw = statistics.median(w for _, _, w in usual)
        nw = statistics.median(w for _, _, w in new_data)
        print(f"whole programme painted (the start shows the themes' outline first): usual {uw:.3f} s "
              f"({uw / b:.2f}×), new data {nw:.3f} s ({nw / b:.2f}×)")
        # CPU time until the paint: the same work, without the time spent waiting for a core,
        # so it says more than wall time on a machine other work keeps busy.
        bc = statistics.median(c for _, c, _ in bare)
        uc = statistics.median(c for _, c, _ in usual)
        nc = statistics.median(c for _, c, _ in new_data)
        print(f"CPU until the paint (median): bare {bc:.3f} s, usual {uc:.3f} s ({uc / bc:.2f}×), "
              f"new data {nc:.3f} s ({nc / bc:.2f}×)")
        if args.new_version:
            v = _summary("Velsen Desk, first start of new version:", [w for w, _, _ in times["new version"]])
            vc = statistics.median(c for _, c, _ in times["new version"])
            print(f"new version: ratio {v / b:.2f}×, adds {v - b:.3f} s to the bare window; "
                  f"CPU {vc:.3f} s ({vc / bc:.2f}×)")

        if args.profile_runs > 0:
            _instrumented(env, args.profile_runs, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Cold start of Velsen Desk vs a bare PySide6 window, both offscreen in fresh processes.

    .venv/bin/python bench/startup.py [--runs 5]

"Started" means: the window is painted with the data loaded (Velsen 2022–2026 in the themes
tab). The bare baseline is a QMainWindow painted for the first time. Both are measured from
process launch, median of N runs, in the same invocation. Afterwards one instrumented run
reports the slowest operations on the GUI thread (including the lazy pyqtgraph import on the
first visit of the budget tab).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("READY", flush=True)
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

DESK = r"""
import sys
from PySide6.QtCore import QEvent, QObject
from velsen_desk.store import ensure_local_database
from velsen_desk.ui.app import application
from velsen_desk.ui.main_window import MainWindow

class FirstPaintAfterData(QObject):
    ready = False
    def eventFilter(self, obj, event):
        if self.ready and event.type() == QEvent.Type.Paint:
            print("READY", flush=True)
            application().exit(0)
        return False

app = application()
local = ensure_local_database()
window = MainWindow(local.info.path, local.origin, settings=None, show_errors=False)
spy = FirstPaintAfterData()
viewport = window.themes_tab.tree.viewport()
viewport.installEventFilter(spy)
def on_ready():
    spy.ready = True
    viewport.update()
window.sig_ready.connect(on_ready)
window.show()
window.start()
sys.exit(app.exec())
"""

PROFILE = r"""
import json, sys, time
t0 = time.perf_counter()
timings = {}
def mark(name, start):
    timings[name] = time.perf_counter() - start
s = time.perf_counter(); from PySide6.QtWidgets import QApplication; mark("import PySide6", s)
s = time.perf_counter(); from velsen_desk.ui.app import application; from velsen_desk.ui.main_window import MainWindow
mark("import velsen_desk.ui (+SQLAlchemy)", s)
s = time.perf_counter(); app = application(); mark("QApplication()", s)
s = time.perf_counter(); from velsen_desk.store import ensure_local_database; local = ensure_local_database()
mark("ensure_local_database (loads the bundled YAML to compare versions)", s)
s = time.perf_counter()
window = MainWindow(local.info.path, local.origin, settings=None, show_errors=False)
mark("MainWindow()", s)
orig = window._on_programme
def timed(data):
    s = time.perf_counter(); orig(data); mark("programme data -> all tabs (GUI thread)", s)
window._on_programme = timed
window.show()
done = []
window.sig_ready.connect(lambda: done.append(1))
window.start()
while not done:
    app.processEvents()
s = time.perf_counter(); window.select_tab("budget"); app.processEvents()
mark("first show of Begroting (imports pyqtgraph, draws chart)", s)
s = time.perf_counter(); window.select_tab("timeline"); app.processEvents()
mark("first show of Tijdlijn (Gantt)", s)
s = time.perf_counter(); window.select_person("marianne-steijn"); app.processEvents()
mark("Bekijk als: Marianne Steijn (all tabs)", s)
print(json.dumps(timings))
"""


def _run(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    elapsed = time.perf_counter() - start
    if "READY" not in proc.stdout:
        raise SystemExit(f"run failed:\n{proc.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="velsen-bench-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": home,
               "XDG_DATA_HOME": str(Path(home) / "data"), "XDG_CONFIG_HOME": str(Path(home) / "config")}
        _run(DESK, env)  # first start builds the local database; not a cold start of the window
        desk, bare = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine state
            bare.append(_run(BARE, env))
            desk.append(_run(DESK, env))
        b, d = statistics.median(bare), statistics.median(desk)
        print(f"bare PySide6 QMainWindow: median {b:.3f} s  (runs: {', '.join(f'{x:.3f}' for x in bare)})")
        print(f"Velsen Desk with data:    median {d:.3f} s  (runs: {', '.join(f'{x:.3f}' for x in desk)})")
        print(f"ratio {d / b:.1f}×, added {d - b:.3f} s")

        proc = subprocess.run([sys.executable, "-c", PROFILE], env=env, capture_output=True, text=True, timeout=120)
        timings = json.loads(proc.stdout.strip().splitlines()[-1])
        print("\nGUI-thread operations (one instrumented run):")
        for name, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
            print(f"  {seconds:7.3f} s  {name}")
        slowest = max(timings, key=timings.get)
        print(f"slowest GUI-thread operation: {slowest} ({timings[slowest]:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

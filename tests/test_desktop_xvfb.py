"""The real program in a real X server (Xvfb, Qt's xcb platform), not only offscreen.

The README's first command must open the window on a Debian desktop; the offscreen platform the
other tests use needs fewer system libraries than xcb does, so only this test catches a missing
one. It starts ``velsen-desk`` as a user would, finds its window, grabs the screen through X and
closes it with Ctrl+Q. Under CI a missing Xvfb or xdotool is a failure, not a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

NEEDED = ("Xvfb", "xdotool")
ARTIFACTS = Path(__file__).resolve().parent.parent / "build" / "ci-artifacts"

_GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
image = app.primaryScreen().grabWindow(0).toImage()
image.save(sys.argv[1])
colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
print(len(colours))
"""


def _free_display() -> int:
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


@pytest.fixture
def xvfb():
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {', '.join(missing)} (see .ci/run)")
        pytest.skip(f"needs {', '.join(missing)}")
    number = _free_display()
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 15
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    # The socket appears before Xvfb answers on it; wait until a client really connects (once the
    # program started in that gap and Qt said "could not connect to display").
    env = {**os.environ, "DISPLAY": f":{number}"}
    while subprocess.run(["xdotool", "getdisplaygeometry"], env=env, capture_output=True).returncode != 0:
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb does not accept clients"
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(10)


def _xdotool(display: str, *args: str, timeout: float = 30) -> str:
    env = {**os.environ, "DISPLAY": display}
    return subprocess.run(["xdotool", *args], env=env, capture_output=True, text=True, timeout=timeout).stdout


def test_the_real_window_opens_under_xvfb_and_closes_with_ctrl_q(xvfb, tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("QT_", "XDG_"))}
    env.update(DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", HOME=str(tmp_path / "home"))
    app = subprocess.Popen([sys.executable, "-m", "velsen_desk"], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        window_id = ""
        deadline = time.monotonic() + 60
        while not window_id:
            assert app.poll() is None, f"the program ended early: {app.communicate()[1][-2000:]}"
            assert time.monotonic() < deadline, "no window appeared"
            window_id = _xdotool(xvfb, "search", "--onlyvisible", "--name", "Velsen Desk").split("\n")[0]
            time.sleep(0.2)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        shot = ARTIFACTS / "xvfb-window-1280x720.png"
        grab_env = {**env, "HOME": str(tmp_path)}
        colours = 0
        deadline = time.monotonic() + 90  # the first start builds the local database
        while colours < 150 and time.monotonic() < deadline:  # until the data is drawn (chrome alone: ~80)
            time.sleep(0.5)
            out = subprocess.run([sys.executable, "-c", _GRAB, str(shot)], env=grab_env, capture_output=True,
                                 text=True, timeout=30)
            colours = int(out.stdout.strip() or 0)
        assert colours >= 150, "the window never showed the data"
        _xdotool(xvfb, "windowfocus", "--sync", window_id)
        _xdotool(xvfb, "key", "ctrl+q")
        _, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0, err[-2000:]
    assert "Traceback" not in err and "Could not load the Qt platform plugin" not in err

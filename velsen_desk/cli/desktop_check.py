"""Before Qt loads its platform plugin: is there a screen, and are the system libraries there?

Qt's xcb plugin aborts the process (exit 134) when a library is missing, with an English message
that may blame the wrong library (it names ``libxcb-cursor0`` when ``libxcb-icccm4`` is what is
missing). So the window's start first tries to load each library the plugin links to, by the
same name the dynamic loader would use, and says in Dutch which Debian packages to install.
``tests/test_desktop_check.py`` compares this list with ``ldd`` of the plugin itself, so a
PySide6 upgrade that needs another library fails a test instead of a user's start.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from velsen_desk.core.i18n import _

# soname the xcb platform plugin (and libQt6XcbQpa) links to -> the Debian package that ships it.
XCB_LIBRARIES: Mapping[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

# Platforms that draw nowhere and need no screen (tests, ``velsen-desk screenshot``).
_SCREENLESS = {"offscreen", "minimal", "vnc"}


@dataclass(frozen=True)
class DesktopProblem:
    message: str  # Dutch, for the terminal


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def check_desktop(
    environ: Mapping[str, str] | None = None,
    loads: Callable[[str], bool] = _loads,
    platform: str = sys.platform,
) -> DesktopProblem | None:
    """None when the window can start here; otherwise what is missing, in Dutch."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None  # Windows and macOS ship what Qt needs
    chosen = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if chosen in _SCREENLESS:
        return None
    wayland = bool(env.get("WAYLAND_DISPLAY")) and chosen in ("", "wayland")
    if not env.get("DISPLAY") and not wayland:
        return DesktopProblem(_(
            "Velsen Desk vindt geen beeldscherm: DISPLAY en WAYLAND_DISPLAY zijn niet ingesteld.\n"
            "Start Velsen Desk vanuit een bureaubladsessie. Zonder scherm werken de opdrachten wel, "
            "bijvoorbeeld 'velsen-desk report' en 'velsen-desk screenshot' (zie 'velsen-desk --help')."
        ))
    if wayland and chosen == "wayland":
        return None  # the Wayland plugin has its own, smaller set of libraries
    missing = sorted({package for soname, package in XCB_LIBRARIES.items() if not loads(soname)})
    if not missing:
        return None
    return DesktopProblem(_(
        "Velsen Desk kan het venster niet openen: deze systeembibliotheken ontbreken:\n"
        "  {packages}\n"
        "Installeer ze (als beheerder) met:\n"
        "  {command}"
    ).format(packages=", ".join(missing), command=f"sudo apt-get install {' '.join(missing)}"))

"""The window's start says in Dutch what a desktop lacks, before Qt could abort the process."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from velsen_desk.cli.desktop_check import XCB_LIBRARIES, check_desktop
from velsen_desk.cli.exit_codes import EXIT_NO_DESKTOP
from velsen_desk.cli.main import main

# Libraries every Debian system has (libc6, libstdc++6, zlib1g, libzstd1): not worth a check.
_BASE_SYSTEM = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "ld-linux-x86-64.so.2",
                "ld-linux-aarch64.so.1", "libz.so.1", "libzstd.so.1", "libpthread.so.0", "libdl.so.2"}


def test_without_any_display_the_start_says_so_in_dutch(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == EXIT_NO_DESKTOP
    err = capsys.readouterr().err
    assert "geen beeldscherm" in err and "velsen-desk report" in err
    assert "Traceback" not in err


def test_a_missing_library_is_named_with_the_install_line():
    problem = check_desktop({"DISPLAY": ":9"}, loads=lambda soname: soname not in {"libxcb-icccm.so.4",
                                                                                  "libxcb-keysyms.so.1"},
                            platform="linux")
    assert problem is not None
    assert "libxcb-icccm4, libxcb-keysyms1" in problem.message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in problem.message


def test_screenless_platforms_and_other_systems_need_nothing():
    nothing = lambda soname: False  # noqa: E731  (every library "missing")
    assert check_desktop({"QT_QPA_PLATFORM": "offscreen"}, loads=nothing, platform="linux") is None
    assert check_desktop({}, loads=nothing, platform="win32") is None
    assert check_desktop({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "wayland"}, loads=nothing,
                         platform="linux") is None
    assert check_desktop({"DISPLAY": ":0"}, loads=lambda soname: True, platform="linux") is None


def _needed(library: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True, check=True).stdout
    return {line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line}


@pytest.mark.skipif(shutil.which("readelf") is None and not os.environ.get("CI"), reason="needs binutils")
def test_the_list_covers_every_library_the_xcb_plugin_links_to():
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    shipped = {p.name for p in (qt / "lib").iterdir()}
    needed: set[str] = set()
    for library in [qt / "plugins" / "platforms" / "libqxcb.so",
                    *(qt / "lib" / f"libQt6{m}.so.6" for m in ("XcbQpa", "Gui", "Core", "DBus", "Widgets"))]:
        needed |= _needed(library)
    system = {name for name in needed if name not in shipped and not name.startswith("libQt6")}
    assert system - _BASE_SYSTEM - set(XCB_LIBRARIES) == set()


def test_the_readme_and_ci_install_every_library_the_check_asks_for():
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    for package in set(XCB_LIBRARIES.values()):
        assert f" {package}" in readme, package
        assert f" {package}" in ci, package

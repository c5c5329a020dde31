"""``velsen-desk screenshot``: render the window offscreen and save a PNG (for docs and checks).

Its messages are the command line's, so they go through gettext (``_``, the language of the
run) rather than Qt's catalogue; the window in the picture speaks ``--language`` or the
language saved in Instellingen.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from velsen_desk.core.i18n import _, language, use_language

if TYPE_CHECKING:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication

    from velsen_desk.ui.main_window import MainWindow

_TABS = ("themes", "portfolio", "budget", "timeline", "progress")


def _error(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


MIN_SIZE = (320, 240)
MAX_SIZE = (8000, 8000)  # beyond this an image takes minutes and gigabytes of memory to render


def _parse_size(size: str) -> tuple[int, int] | None:
    try:
        width, height = (int(v) for v in size.lower().split("x"))
    except ValueError:
        return None
    fits = MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]
    return (width, height) if fits else None


def take_screenshot(
    tab: str = "themes",
    person: str | None = None,
    programme: str | None = None,
    size: str = "1600x1000",
    output: Path | str = "velsen-desk.png",
    *,
    window_language: str | None = None,
    timeout: float = 30.0,
) -> int:
    """Open the window on the local database, select programme/person/tab, wait until the
    data is loaded and painted, and save it. 0 on success; a message (in the command line's
    language) and 1 otherwise. ``window_language`` ("nl" or "en") is the window's language for
    this picture only; default the one saved in Instellingen, else Dutch. Settings stay as they are."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from velsen_desk.core.defaults import DEFAULT_PROGRAMME
    from velsen_desk.core.people import match_person
    from velsen_desk.storage import reader
    from velsen_desk.storage.database import DatabaseError, ReadOnlyDatabase
    from velsen_desk.storage.local_copy import ensure_local_database
    from velsen_desk.ui.app import application
    from velsen_desk.ui.language import Language, install_language

    if tab not in _TABS:
        return _error(_("Onbekend tabblad “{tab}”. Kies uit: {tabs}.").format(tab=tab, tabs=", ".join(_TABS)))
    dims = _parse_size(size)
    if dims is None:
        return _error(_("Ongeldige afmeting “{size}”; gebruik BREEDTExHOOGTE van {least} tot en met {most}, "
                        "bv. 1600x1000.").format(size=size, least="x".join(map(str, MIN_SIZE)),
                                                 most="x".join(map(str, MAX_SIZE))))
    try:
        local = ensure_local_database()
        db = ReadOnlyDatabase(local.info.path)
        programmes = db.read(reader.catalog).programmes
        programme_id = programme or DEFAULT_PROGRAMME
        if programme_id not in {p.id for p in programmes}:
            valid = "\n".join(f"  {p.id}  ({p.title})" for p in programmes)
            return _error(_("Onbekend programma “{programme}”. Geldige programma’s:\n{valid}").format(
                programme=programme_id, valid=valid))
        college = db.read(reader.college, programme_id)
    except DatabaseError as exc:
        return _error(_("Het gegevensbestand kan niet worden geopend: {exc}").format(exc=exc))
    member = match_person(college, person) if person else None
    if person and member is None:
        valid = "\n".join(f"  {p.name}" for p in college)
        return _error(_("Onbekend collegelid “{person}” in {programme}. Kies uit:\n{valid}").format(
            person=person, programme=programme_id, valid=valid))

    choice = Language(window_language) if window_language else None
    spoken = language()  # installing the window's catalogues switches the domain's messages too
    running = QApplication.instance() is not None
    app = application(language=choice)
    # A running application (the tests') keeps its catalogues; the chosen one goes on top for this picture.
    installed = install_language(app, choice) if running and choice is not None else []
    try:
        with _without_offscreen_noise():
            image = _grab(app, local.info.path, local.origin, tab, programme_id, member.name if member else None,
                          dims, timeout)
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        use_language(spoken)  # the messages below are the command line's
    if image is None:
        return _error(_("De gegevens waren niet op tijd geladen; er is geen schermafbeelding gemaakt."))
    if isinstance(image, str):
        return _error(image)
    output = Path(output)
    if not output.parent.exists():
        return _error(_("De map {folder} bestaat niet.").format(folder=output.parent))
    if not image.save(str(output), "PNG"):
        return _error(_("Kan {file} niet schrijven.").format(file=output))
    print(_("Schermafbeelding opgeslagen: {file}").format(file=output))
    return 0


# The offscreen platform says this on every window it shows: noise, not a problem of the picture.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


@contextmanager
def _without_offscreen_noise() -> Iterator[None]:
    """Qt's own messages while the picture is made, less the offscreen platform's noise (the
    command's output ends in one Dutch sentence); every other message still reaches stderr."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if message != OFFSCREEN_NOISE:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _grab(app: QApplication, database: Path, origin: str, tab: str, programme_id: str, person: str | None,
          dims: tuple[int, int], timeout: float) -> QPixmap | str | None:
    """The window's picture; the window's own message when loading failed; None when it took too long."""
    from velsen_desk.ui.main_window import MainWindow
    from velsen_desk.ui.widgets.chart_library import wait_for_imports

    window = MainWindow(database, origin, settings=None, show_errors=False)
    try:
        return _picture(app, window, tab, programme_id, person, dims, timeout)
    finally:
        window.close()
        # The command ends the process next: its workers and import threads finish first (a
        # thread still inside an import when the interpreter ends aborts the process).
        window.runner.wait(10_000)
        wait_for_imports()


def _picture(app: QApplication, window: MainWindow, tab: str, programme_id: str, person: str | None,
             dims: tuple[int, int], timeout: float) -> QPixmap | str | None:
    from velsen_desk.ui.widgets.lazy_page import LazyPage

    window.resize(*dims)
    state: dict[str, object] = {"ready": False, "error": None}
    window.sig_ready.connect(lambda: state.update(ready=True))
    window.sig_failed.connect(lambda text: state.update(error=text))
    window.select_tab(tab)
    window.show()
    window.start(programme_id, person)
    deadline = time.monotonic() + timeout
    while not state["ready"] and state["error"] is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    if state["error"] is not None or not state["ready"]:
        return None if state["error"] is None else str(state["error"])
    page = window.tabs.currentWidget()
    # The tabs sit in lazy pages: the chart holder is the page's content's.
    holder = getattr(page.content() if isinstance(page, LazyPage) else page, "chart_holder", None)
    while holder is not None and holder.pending and time.monotonic() < deadline:  # pyqtgraph loads in the background
        app.processEvents()
        time.sleep(0.005)
    # the tabs' background work (progress, a large plan's layout): the trees fill in batches after it
    while window.runner.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    for _turn in range(30):  # let the chart lay out and paint (it is filled in the next turn)
        app.processEvents()
        time.sleep(0.01)
    return window.grab()

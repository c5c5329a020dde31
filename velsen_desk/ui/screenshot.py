"""``velsen-desk screenshot``: render the window offscreen and save a PNG (for docs and checks)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

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
    timeout: float = 30.0,
) -> int:
    """Open the window on the local database, select programme/person/tab, wait until the
    data is loaded and painted, and save it. 0 on success; a Dutch message and 1 otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from velsen_desk.core.people import match_person
    from velsen_desk.storage import reader
    from velsen_desk.storage.database import DatabaseError, ReadOnlyDatabase
    from velsen_desk.storage.local_copy import ensure_local_database
    from velsen_desk.ui.app import application
    from velsen_desk.ui.main_window import MainWindow
    from velsen_desk.ui.programme_loader import DEFAULT_PROGRAMME
    from velsen_desk.ui.widgets.lazy_page import LazyPage

    if tab not in _TABS:
        return _error(f"Onbekend tabblad “{tab}”. Kies uit: {', '.join(_TABS)}.")
    dims = _parse_size(size)
    if dims is None:
        return _error(f"Ongeldige afmeting “{size}”; gebruik BREEDTExHOOGTE van {MIN_SIZE[0]}x{MIN_SIZE[1]} "
                      f"tot en met {MAX_SIZE[0]}x{MAX_SIZE[1]}, bv. 1600x1000.")
    try:
        local = ensure_local_database()
        db = ReadOnlyDatabase(local.info.path)
        programmes = db.read(reader.catalog).programmes
        programme_id = programme or DEFAULT_PROGRAMME
        if programme_id not in {p.id for p in programmes}:
            valid = "\n".join(f"  {p.id}  ({p.title})" for p in programmes)
            return _error(f"Onbekend programma “{programme_id}”. Geldige programma’s:\n{valid}")
        college = db.read(reader.college, programme_id)
    except DatabaseError as exc:
        return _error(f"Het gegevensbestand kan niet worden geopend: {exc}")
    member = match_person(college, person) if person else None
    if person and member is None:
        valid = "\n".join(f"  {p.name}" for p in college)
        return _error(f"Onbekend collegelid “{person}” in {programme_id}. Kies uit:\n{valid}")

    app = application()
    window = MainWindow(local.info.path, local.origin, settings=None, show_errors=False)
    window.resize(*dims)
    state = {"ready": False, "error": None}
    window.sig_ready.connect(lambda: state.update(ready=True))
    window.sig_failed.connect(lambda text: state.update(error=text))
    window.select_tab(tab)
    window.show()
    window.start(programme_id, member.name if member else None)
    deadline = time.monotonic() + timeout
    while not state["ready"] and state["error"] is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    if state["error"] is not None:
        window.close()
        return _error(str(state["error"]))
    if not state["ready"]:
        window.close()
        return _error("De gegevens waren niet op tijd geladen; er is geen schermafbeelding gemaakt.")
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
    for _ in range(30):  # let the chart lay out and paint (it is filled in the next turn)
        app.processEvents()
        time.sleep(0.01)
    image = window.grab()
    window.close()
    output = Path(output)
    if not output.parent.exists():
        return _error(f"De map {output.parent} bestaat niet.")
    if not image.save(str(output), "PNG"):
        return _error(f"Kan {output} niet schrijven.")
    print(f"Schermafbeelding opgeslagen: {output}")
    return 0

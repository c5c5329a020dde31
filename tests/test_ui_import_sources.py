"""PySide6's import hook reads the source of every module imported after it, and linecache kept
all of it (~10 MB at start-up); the background imports let it go when they are done."""

from __future__ import annotations

import linecache

from velsen_desk.ui.widgets import background_import


def test_the_background_imports_let_go_of_the_sources_read(qapp):
    linecache.getlines(background_import.__file__)  # as the import hook does for each module
    assert background_import.__file__ in linecache.cache
    background_import._import(["json"])  # what import_in_background runs in its thread
    assert linecache.cache == {}


def test_a_traceback_still_shows_its_source_line_afterwards(qapp):
    import traceback

    background_import.forget_import_sources()
    try:
        raise ValueError("x")
    except ValueError as exc:
        text = "".join(traceback.format_exception(exc))
    assert 'raise ValueError("x")' in text

"""Where log lines go: to ``velsen-desk.log`` in the user's log folder, and to the terminal only
with ``--verbose``.

A user running ``velsen-desk`` or ``velsen-desk sync`` reads Dutch sentences, not "INFO
velsen_desk.storage…" lines; the log file keeps them for a support question, and the window's
"De details staan in het logboek" points at a file that exists. The file and its folder are
made only when something is logged, so a command that logs nothing writes nothing.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _LazyLogFile(logging.FileHandler):
    """A file handler that makes its folder when the first line is written, and drops lines
    it cannot write (a read-only or full disk) instead of printing a traceback to the terminal."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8", delay=True)
        self.setFormatter(logging.Formatter(FORMAT))

    def _open(self):  # type: ignore[no-untyped-def]  # logging's own signature, untyped in typeshed
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            super().emit(record)  # opens the file (and makes its folder) on the first line
        except (OSError, ValueError):  # FileHandler opens outside its own error handling
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        pass  # never a "--- Logging error ---" traceback on the user's terminal


def log_file_path() -> Path | None:
    """``velsen-desk.log`` in the user's log folder; None when the folder name is unusable."""
    import platformdirs

    from velsen_desk.core.paths import APP_AUTHOR, APP_NAME

    try:
        return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)) / "velsen-desk.log"
    except (OSError, ValueError):
        return None


def _file_handler(path: Path) -> _LazyLogFile:
    """Our handler on the root logger for ``path``; one for another path (a test that moved the
    log folder) is replaced."""
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, _LazyLogFile):
            if Path(handler.baseFilename) == path.absolute():
                return handler
            root.removeHandler(handler)
            handler.close()
    handler = _LazyLogFile(path)
    root.addHandler(handler)
    return handler


def log_to_file() -> Path | None:
    """Send the log to the log file now, its folder made; None when it cannot be (the caller
    must still print its sentence, never fail itself)."""
    path = log_file_path()
    if path is None:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError):  # ValueError: a NUL or surrogate in the configured folder name
        return None
    _file_handler(path)
    return path


def configure_logging(verbose: bool) -> None:
    """INFO and up to the log file (made on the first line); with ``verbose`` to stderr as well."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    path = log_file_path()
    if path is not None:
        _file_handler(path)
    if verbose and not any(getattr(h, "velsen_desk_terminal", False) for h in root.handlers):
        terminal = logging.StreamHandler(sys.stderr)
        terminal.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        terminal.velsen_desk_terminal = True  # type: ignore[attr-defined]
        root.addHandler(terminal)

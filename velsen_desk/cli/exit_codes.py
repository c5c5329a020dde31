"""The exit statuses of ``velsen-desk``, in one place (scripts of the griffie test them)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA_ERROR = 1  # data, share, settings or local folder unusable: a specific Dutch message was printed
EXIT_USAGE = 2  # wrong or missing arguments (argparse uses 2 as well), or a confirmation that could not be asked
EXIT_INTERNAL = 3  # the catch-all: a bug, never a hostile input; details in the log file
EXIT_NO_DESKTOP = 4  # the window cannot start here: no screen, or Qt's system libraries are missing
EXIT_INTERRUPTED = 130  # Ctrl+C, as a shell reports it

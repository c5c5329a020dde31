"""The exit statuses of ``velsen-desk``, in one place (scripts of the griffie test them)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA_ERROR = 1  # the data, a file or the share is not usable; the message says why
EXIT_USAGE = 2  # the command line is incomplete (argparse uses 2 as well)
EXIT_INTERNAL = 3  # a bug: details in the log file
EXIT_NO_DESKTOP = 4  # the window cannot start here: no screen, or Qt's system libraries are missing
EXIT_INTERRUPTED = 130  # Ctrl+C, as a shell reports it

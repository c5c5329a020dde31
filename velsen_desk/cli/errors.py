"""How a command's failure reaches the user: one Dutch message on stderr and an exit status.

Handlers raise; :func:`run_handler` prints. A domain error (bad data, a report that cannot be
made, an unusable share or database) is the user's to fix and ends with ``EXIT_DATA_ERROR``;
a failure of the operating system that no layer worded (a name too long, a loop of links, a
full disk) is described in Dutch with the same status; anything else is a bug and is left to
the last-resort handler in :mod:`velsen_desk.cli.main`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from velsen_desk.cli.exit_codes import EXIT_DATA_ERROR
from velsen_desk.cli.output import safe
from velsen_desk.core.i18n import _, ngettext
from velsen_desk.core.problems import DataError

Handler = Callable[[argparse.Namespace], int]


class CommandError(Exception):
    """A failure a handler words itself (e.g. a file it cannot write), with its exit status."""

    def __init__(self, message: str, status: int = EXIT_DATA_ERROR):
        super().__init__(message)
        self.status = status


def print_problems(problems: Sequence[object]) -> None:
    for problem in problems:
        print(safe(problem, keep_newlines=True), file=sys.stderr)
    print(ngettext("{n} probleem gevonden.", "{n} problemen gevonden.", len(problems)).format(n=len(problems)),
          file=sys.stderr)


_NAME_SHOWN = 120  # a name of thousands of characters would bury the cause


def describe_unworded_os_error(exc: OSError) -> str:
    """One Dutch sentence for an OSError: the cause, and the file it concerns when known."""
    from velsen_desk.core.os_errors import describe_os_error
    from velsen_desk.storage.regular_file import SpecialFileError, TooLargeError

    if isinstance(exc, (SpecialFileError, TooLargeError)):  # ours, worded in Dutch, without an errno
        return f"{safe(exc)}."
    cause = describe_os_error(exc)
    if exc.filename is None:
        return _("Een bestand of map kon niet gebruikt worden: {cause}.").format(cause=cause)
    name = str(exc.filename if isinstance(exc.filename, str) else os.fsdecode(exc.filename))
    if len(name) > _NAME_SHOWN:
        name = f"{name[:_NAME_SHOWN // 2]}…{name[-_NAME_SHOWN // 2:]}"
    return _("Het bestand of de map “{name}” kon niet gebruikt worden: {cause}.").format(name=safe(name), cause=cause)


def _domain_errors() -> tuple[type[Exception], ...]:
    # Imported on the error path only: a command loads just the layers it uses.
    from velsen_desk.notes.notes_file import NotesError
    from velsen_desk.reports.request import ReportError
    from velsen_desk.storage.database import DatabaseError
    from velsen_desk.sync.config import ConfigError
    from velsen_desk.sync.publish import PublishError
    from velsen_desk.sync.rollback import RollbackError
    from velsen_desk.sync.sync import SyncError

    return ReportError, PublishError, SyncError, DatabaseError, NotesError, ConfigError, RollbackError


def run_handler(handler: Handler, args: argparse.Namespace, after_data_error: str | None = None) -> int:
    """Run a command; print its failure. ``after_data_error`` follows the problems of invalid data."""
    try:
        return handler(args)
    except CommandError as exc:
        print(safe(exc, keep_newlines=True), file=sys.stderr)
        return exc.status
    except DataError as exc:
        print_problems(exc.problems)
        if after_data_error:
            print(_(after_data_error), file=sys.stderr)
        return EXIT_DATA_ERROR
    except OSError as exc:  # BrokenPipeError is the caller's: output closed, not a failure
        if isinstance(exc, BrokenPipeError):
            raise
        print(describe_unworded_os_error(exc), file=sys.stderr)
        return EXIT_DATA_ERROR
    except Exception as exc:
        if not isinstance(exc, _domain_errors()):
            raise
        print(safe(exc, keep_newlines=True), file=sys.stderr)  # messages quote names from the share
        return EXIT_DATA_ERROR

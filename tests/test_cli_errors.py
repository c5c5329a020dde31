"""The CLI reports every command's failure in one place: message on stderr, status from exit_codes."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

import pytest

from velsen_desk.cli.commands import COMMANDS
from velsen_desk.cli.errors import CommandError, run_handler
from velsen_desk.cli.exit_codes import EXIT_DATA_ERROR, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from velsen_desk.curation.problems import DataError, Problem
from velsen_desk.notes.notes_file import NotesError
from velsen_desk.reports.request import ReportError
from velsen_desk.storage.database import DatabaseError
from velsen_desk.sync.publish import PublishError
from velsen_desk.sync.sync import SyncError

cli_main = importlib.import_module("velsen_desk.cli.main")  # the package's ``main`` is the function
ARGS = argparse.Namespace()


def _raising(exc: Exception):
    def handler(args: argparse.Namespace) -> int:
        raise exc

    return handler


@pytest.mark.parametrize("error", [ReportError, PublishError, SyncError, DatabaseError, NotesError])
def test_a_domain_error_is_its_message_and_status_1(error, capsys):
    assert run_handler(_raising(error("Dat gaat niet.")), ARGS) == EXIT_DATA_ERROR
    assert capsys.readouterr().err == "Dat gaat niet.\n"


def test_invalid_data_lists_its_problems_then_the_commands_note(capsys):
    problems = [Problem(Path("a.yaml"), 3, "x", "fout een"), Problem(Path("b.yaml"), None, "", "fout twee")]
    status = run_handler(_raising(DataError(problems)), ARGS, after_data_error="Niets gebouwd.")
    assert status == EXIT_DATA_ERROR
    assert capsys.readouterr().err.splitlines()[-2:] == ["2 problemen gevonden.", "Niets gebouwd."]


def test_a_handler_can_word_its_own_failure_and_status(capsys):
    assert run_handler(_raising(CommandError("Geen map.", EXIT_USAGE)), ARGS) == EXIT_USAGE
    assert capsys.readouterr().err == "Geen map.\n"


def test_anything_else_is_a_bug_for_the_last_resort(monkeypatch, capsys, tmp_path):
    with pytest.raises(KeyError):
        run_handler(_raising(KeyError("x")), ARGS)
    monkeypatch.setattr(cli_main, "_log_to_file", lambda: tmp_path / "log")
    monkeypatch.setitem(COMMANDS, "diff", COMMANDS["diff"].__class__(_raising(KeyError("x"))))
    assert cli_main.main(["diff", "a", "b"]) == EXIT_INTERNAL
    assert "Er ging iets onverwachts mis bij 'diff'" in capsys.readouterr().err


def test_every_command_of_the_parser_has_a_handler():
    parser = cli_main.build_parser()
    names = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert names == set(COMMANDS)


def test_sync_without_a_share_is_a_usage_error(isolated_home, capsys):
    assert cli_main.main(["sync"]) == EXIT_USAGE
    assert "Geen gedeelde map ingesteld" in capsys.readouterr().err


def test_build_db_that_cannot_write_says_so(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert cli_main.main(["build-db", "-o", str(blocker / "x.sqlite")]) == EXIT_DATA_ERROR
    assert capsys.readouterr().err.startswith(f"Kan {blocker / 'x.sqlite'} niet schrijven: ")
    assert EXIT_OK == 0

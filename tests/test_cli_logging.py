"""Log lines go to the log file; the terminal shows them only with --verbose."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from velsen_desk.cli.commands import COMMANDS
from velsen_desk.cli.main import main as cli_run


@pytest.fixture
def logging_command(monkeypatch):
    """A command that logs a line, as sync does when the share is slow."""

    def handler(_args) -> int:
        logging.getLogger("velsen_desk.sync.sync").warning("share traag: %s", "test")
        return 0

    monkeypatch.setitem(COMMANDS, "status", COMMANDS["status"].__class__(handler))
    yield
    for h in list(logging.getLogger().handlers):  # leave the root logger as other tests found it
        if getattr(h, "velsen_desk_terminal", False) or type(h).__name__ == "_LazyLogFile":
            logging.getLogger().removeHandler(h)
            h.close()


def test_log_lines_go_to_the_log_file_not_the_terminal(logging_command, isolated_home: Path, capsys):
    assert cli_run(["status"]) == 0
    assert "share traag" not in capsys.readouterr().err
    [log] = list(isolated_home.rglob("velsen-desk.log"))
    assert "WARNING velsen_desk.sync.sync: share traag: test" in log.read_text(encoding="utf-8")


def test_verbose_shows_them_on_the_terminal_too(logging_command, isolated_home: Path, capsys):
    assert cli_run(["--verbose", "status"]) == 0
    assert "WARNING velsen_desk.sync.sync: share traag: test" in capsys.readouterr().err


def test_a_command_that_logs_nothing_writes_no_log_file(isolated_home: Path, capsys):
    with pytest.raises(SystemExit):
        cli_run(["status", "--help"])
    assert cli_run(["search", "zzzqqq", "--json",
                          "--database", str(isolated_home / "none.sqlite")]) == 1
    assert not list(isolated_home.rglob("velsen-desk.log"))


def test_an_unwritable_log_folder_costs_the_line_not_the_command(logging_command, isolated_home, monkeypatch,
                                                                  capsys):
    state = isolated_home / "state-file"
    state.write_text("een bestand, geen map")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    assert cli_run(["status"]) == 0
    err = capsys.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err

"""`report`: a required option left out is a usage error; a given one that names nobody is not."""

from __future__ import annotations

from velsen_desk.cli.exit_codes import EXIT_DATA_ERROR
from velsen_desk.cli.main import main


def test_a_person_that_is_not_in_the_college_stays_a_data_error(tmp_path, capsys, monkeypatch, isolated_home):
    monkeypatch.setenv("VELSEN_DESK_LANGUAGE", "nl")
    status = main(["report", "regie", "--person", "Niemand", "-o", str(tmp_path / "r.pdf")])
    assert "Onbekend collegelid" in capsys.readouterr().err
    assert status == EXIT_DATA_ERROR


def test_the_english_status_says_the_data_came_with_the_program(capsys, isolated_home):
    assert main(["--language", "en", "search", "Leefbaarheid"]) == 0  # makes the local copy
    capsys.readouterr()
    assert main(["--language", "en", "status"]) == 0
    assert "Origin: bundled with the program" in capsys.readouterr().out

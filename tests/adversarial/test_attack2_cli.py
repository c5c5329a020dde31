"""Second attack round, command line: names too long and link loops, a last-resort handler that
cannot make its log folder, a lone surrogate in config.json or on the command line, an absurd
screenshot size, argparse's own English, and "1 pagina's"."""

from __future__ import annotations

import argparse
import errno
from pathlib import Path

import pytest

from velsen_desk.cli import commands
from velsen_desk.cli.main import main
from velsen_desk.reports.request import ReportError, ReportRequest, ReportResult, validate_request
from velsen_desk.sync.config import ConfigError, config_path, read_config

LONG = "a" * 300  # one name over NAME_MAX (255): errno ENAMETOOLONG
ENGLISH = ("usage", "options", "positional", "show this help", "the following", "required", "expected",
           "invalid choice", "choose from", "unrecognized", "error:")


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(args)
    out = capsys.readouterr()
    return status, out.out + out.err


# --- 8: a name or path too long, a loop of links, a file where a folder should be -------------

@pytest.mark.parametrize("args", [
    ["search", "x", "--database", "{long}"],
    ["report", "themes", "-o", "{tmp}/x.pdf", "--database", "{long}"],
    ["report", "themes", "-o", "{tmp}/{long}.pdf"],
    ["diff", "{long}", "{long}"],
    ["publish", "{long}", "--share", "{tmp}"],
    ["build-db", "-o", "{tmp}/{long}"],
], ids=["search-database", "report-database", "report-output", "diff", "publish", "build-db-output"])
def test_name_too_long_is_a_dutch_message_and_exit_1(args, tmp_path, isolated_home, capsys):
    args = [a.format(long=LONG, tmp=tmp_path) for a in args]
    status, text = _run(args, capsys)
    assert status == 1, text
    assert "naam of pad te lang" in text
    assert "Traceback" not in text and "File name too long" not in text


def test_a_home_of_thousands_of_characters_is_a_dutch_message(tmp_path, monkeypatch, capsys):
    home = str(tmp_path) + ("/" + "d" * 250) * 17  # 4,300 characters: over PATH_MAX
    for name, sub in (("HOME", ""), ("XDG_DATA_HOME", "/data"), ("XDG_CONFIG_HOME", "/config"),
                      ("XDG_CACHE_HOME", "/cache"), ("XDG_STATE_HOME", "/state")):
        monkeypatch.setenv(name, home + sub)
    for args in (["search", "wonen"], ["report", "themes", "-o", str(tmp_path / "r.pdf")]):
        status, text = _run(args, capsys)
        assert status == 1, text
        assert "naam of pad te lang" in text and "onverwachts" not in text


def test_a_loop_of_links_and_a_file_as_folder_are_named(tmp_path, isolated_home, capsys):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    status, text = _run(["search", "x", "--database", str(tmp_path / "a")], capsys)
    assert status == 1 and "symbolische koppelingen" in text  # it was "bestaat niet"
    (tmp_path / "file").write_text("x")
    status, text = _run(["search", "x", "--database", str(tmp_path / "file" / "db.sqlite")], capsys)
    assert status == 1 and "geen map" in text


# --- 9: the last-resort handler itself ---------------------------------------------------------

def test_last_resort_without_a_log_folder_still_prints_dutch(isolated_home, monkeypatch, capsys):
    state = isolated_home / "state-file"
    state.write_text("een bestand, geen map")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))

    def broken(args: argparse.Namespace) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setitem(commands.COMMANDS, "status", commands.Command(broken))
    status, text = _run(["status"], capsys)
    assert status == 3
    assert "Er ging iets onverwachts mis bij 'status'" in text
    assert "logbestand" in text and "Traceback" not in text


# --- 10: a lone surrogate in config.json -------------------------------------------------------

def test_lone_surrogate_in_config_is_a_configuration_error(isolated_home, capsys):
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text('{"share": "\\ud800"}', encoding="utf-8")
    with pytest.raises(ConfigError, match="ongeldige tekens"):
        read_config()
    status, text = _run(["sync"], capsys)
    assert status == 1 and "ongeldige tekens" in text
    status, text = _run(["status"], capsys)
    assert status == 0 and "ongeldige tekens" in text and "Instellingen" in text


# --- 11: text that is not UTF-8, and the agenda item ------------------------------------------

def _annex(**fields: str) -> ReportRequest:
    values = {"meeting": "Raadsvergadering", "date": "2026-01-01", "agenda_item": "1"} | fields
    return ReportRequest(kind="annex", output=Path("x.pdf"), **values)  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["meeting", "date", "agenda_item", "person", "programme"])
def test_undecodable_text_is_refused_with_its_field(field):
    with pytest.raises(ReportError) as caught:
        validate_request(_annex(**{field: "Raad\udcff"}))  # how the OS hands over the byte 0xFF
    assert caught.value.field == field and "UTF-8" in str(caught.value)


@pytest.mark.parametrize("value", ["9" * 5000, "0", "-1", "10000", "zeven", "7 en 8", "٣", "4..2"])
def test_agenda_item_must_be_a_number_in_range(value):
    with pytest.raises(ReportError) as caught:
        validate_request(_annex(agenda_item=value))
    assert caught.value.field == "agenda_item" and "agendapunt" in str(caught.value)
    assert len(str(caught.value)) < 200  # 5,000 digits are not repeated back


def test_agenda_item_in_range_is_accepted():
    for value in ("1", " 7 ", "9999", "7a", "4.2", "12.3.1"):
        validate_request(_annex(agenda_item=value))


def test_cli_meeting_not_utf8_is_a_dutch_message(tmp_path, isolated_home, capsys):
    status, text = _run(["report", "annex", "-o", str(tmp_path / "r.pdf"), "--meeting", "\udcff",
                         "--date", "2026-01-01", "--agenda-item", "1"], capsys)
    assert status == 1 and "--meeting" in text and "UTF-8" in text
    assert not (tmp_path / "r.pdf").exists()


# --- 12: screenshot size -----------------------------------------------------------------------

def test_screenshot_size_is_capped(tmp_path, isolated_home, monkeypatch, capsys):
    from velsen_desk.storage import local_copy

    def never(*args: object, **kwargs: object) -> object:
        raise AssertionError("the window must not be made for this size")

    monkeypatch.setattr(local_copy, "ensure_local_database", never)
    for size in ("32767x32767", "8001x1000", "1000x8001"):
        status, text = _run(["screenshot", "--size", size, "-o", str(tmp_path / "s.png")], capsys)
        assert status == 1 and "Ongeldige afmeting" in text and "8000x8000" in text


# --- 13: argparse in Dutch ---------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["--help"], ["report", "--help"], ["report"], ["--bogus"], ["report", "nope", "-o", "x.pdf"],
    ["sync", "--share"], ["search", "x", "--json", "extra"],
])
def test_argparse_speaks_dutch(args, capsys):
    with pytest.raises(SystemExit) as exited:
        main(args)
    out = capsys.readouterr()
    text = (out.out + out.err).lower()
    assert exited.value.code in (0, 2)
    assert "gebruik:" in text
    english = [word for word in ENGLISH if word in text]
    assert not english, (english, text)


def test_argparse_messages_name_the_problem_in_dutch(capsys):
    cases = {("report",): "deze argumenten ontbreken: SOORT, -o/--output",
             ("--bogus",): "onbekende argumenten: --bogus",
             ("report", "nope", "-o", "x.pdf"): "ongeldige keuze: 'nope'",
             ("sync", "--share"): "argument --share: verwacht één waarde",
             ("--help",): "toon deze hulp en stop"}
    for args, expected in cases.items():
        with pytest.raises(SystemExit):
            main(list(args))
        out = capsys.readouterr()
        assert expected in out.out + out.err


def test_help_lists_dutch_section_titles(capsys):
    with pytest.raises(SystemExit):
        main(["build-db", "--help"])
    text = capsys.readouterr().out
    assert "argumenten:" in text and "opties:" in text


# --- minor: one page is "1 pagina" -------------------------------------------------------------

@pytest.mark.parametrize(("pages", "shown"), [(1, "(1 pagina)."), (2, "(2 pagina's).")])
def test_report_message_singular_and_plural(pages, shown, tmp_path, monkeypatch, capsys):
    from velsen_desk.reports import service

    def fake(request: ReportRequest) -> ReportResult:
        return ReportResult(request.output, pages)

    monkeypatch.setattr(service, "generate_report", fake)
    status, text = _run(["report", "themes", "-o", str(tmp_path / "r.pdf")], capsys)
    assert status == 0 and shown in text


def test_os_error_without_a_name_is_still_dutch(monkeypatch, capsys):
    def failing(args: argparse.Namespace) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setitem(commands.COMMANDS, "status", commands.Command(failing))
    status, text = _run(["status"], capsys)
    assert status == 1 and "de schijf is vol" in text and "No space" not in text


def test_our_own_special_file_error_keeps_its_dutch_words(tmp_path, monkeypatch, capsys):
    from velsen_desk.storage.regular_file import SpecialFileError

    def failing(args: argparse.Namespace) -> int:
        raise SpecialFileError(f"{tmp_path} is geen gewoon bestand")

    monkeypatch.setitem(commands.COMMANDS, "status", commands.Command(failing))
    status, text = _run(["status"], capsys)
    assert status == 1 and f"{tmp_path} is geen gewoon bestand." in text

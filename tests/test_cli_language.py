"""The command line in English: the same language choice as the window, ``VELSEN_DESK_LANGUAGE``
or ``--language``; gettext catalogues made with Babel; Dutch singular and plural forms."""

from __future__ import annotations

import gettext
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from velsen_desk.cli.main import build_parser, main
from velsen_desk.core import i18n
from velsen_desk.core.paths import resources_dir

ROOT = Path(__file__).resolve().parents[1]
PO = resources_dir() / "locale" / "en" / "LC_MESSAGES" / "velsen_desk.po"
MO = PO.with_suffix(".mo")

# Words that only Dutch has, frequent in our texts; a help or error text in English has none.
DUTCH_WORDS = {
    "de", "het", "een", "van", "niet", "voor", "met", "zijn", "naar", "gegevens", "bestand", "bestanden",
    "mappen", "standaard", "toon", "maak", "zoek", "waarde", "gebruik", "opties", "argumenten", "fout",
    "ontbreekt", "veld", "moet", "regie", "griffie", "collegelid", "programma", "vergadering", "versie",
    "tekst", "alleen", "wordt", "deze", "uw", "kies", "gevonden", "probleem", "problemen", "onbekend",
    "verplicht", "opdracht", "pad", "zoektekst", "gedeelde", "taal", "meldingen", "haal",
}
# Names that stay as they are in any language: programme titles, the plan's name, our metavars' ids.
PROPER_NAMES = re.compile(r"Actieplan Velsen-Noord|Strategische Agenda|Heemskerk|Velsen[- ]?\w*|velsen-desk")


def dutch_words(text: str) -> set[str]:
    """Dutch words in ``text``, leaving out proper names and the ids a user types ({themes,regie,…})."""
    text = re.sub(r"\{[^}]*\}", " ", PROPER_NAMES.sub(" ", text))
    return {w for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if w in DUTCH_WORDS}


@pytest.fixture(autouse=True)
def _back_to_dutch():
    yield
    i18n.use_language("nl")


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit):
        main([*argv, "--help"])
    return capsys.readouterr().out


def test_english_help_has_no_dutch_left(capsys):
    commands = ["validate", "build-db", "publish", "sync", "diff", "rollback", "status", "search", "report",
                "screenshot"]
    for argv in ([], *[[c] for c in commands]):
        text = _help(capsys, "--language", "en", *argv)
        assert "usage:" in text
        assert not dutch_words(text), (argv, dutch_words(text))


def test_dutch_help_is_dutch_and_lists_the_programme_ids(capsys):
    text = _help(capsys, "report")
    assert "gebruik:" in text and "standaard velsen-2022" in text
    flat = " ".join(text.split())
    assert "velsen-2022 (Velsen 2022–2026)" in flat and "heemskerk-2018" in flat and "velsen-sa2020" in flat


def test_the_listed_programme_ids_are_the_bundled_ones(built):
    from velsen_desk.cli.programmes import BUNDLED_PROGRAMMES
    from velsen_desk.storage import reader
    from velsen_desk.storage.database import ReadOnlyDatabase

    catalog = ReadOnlyDatabase(built).read(reader.catalog)
    assert sorted(BUNDLED_PROGRAMMES) == sorted((p.id, p.title) for p in catalog.programmes)


BAD_FILE = 'format: velsen-desk-data/1\ndataset: x\nmunicipalities:\n  - id: x\n    source: {doc: y, quote: "z"}\n' \
           "    colour: 3\n"


def test_a_validate_error_in_english_has_no_dutch_left(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_FILE, encoding="utf-8")
    assert main(["--language", "en", "validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "bad.yaml:4 [municipalities[0].name]: required field is missing" in err
    assert "unknown field" in err and err.rstrip().endswith("2 problems found.")
    assert not dutch_words(err.replace(str(tmp_path), "")), dutch_words(err)


def test_the_same_error_in_dutch_counts_in_the_singular_and_plural(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_FILE, encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert capsys.readouterr().err.rstrip().endswith("2 problemen gevonden.")
    bad.write_text(BAD_FILE.replace("    colour: 3\n", ""), encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    assert capsys.readouterr().err.rstrip().endswith("1 probleem gevonden.")


def test_an_os_error_is_described_in_the_language_spoken():
    error = FileNotFoundError(2, "No such file or directory")
    from velsen_desk.core.os_errors import describe_os_error

    assert describe_os_error(error) == "bestand of map bestaat niet"
    i18n.use_language("en")
    assert describe_os_error(error) == "file or folder does not exist"


def test_the_environment_chooses_english(monkeypatch, capsys):
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "en")
    assert "show this help message and exit" in _help(capsys)
    assert "toon deze hulp" in _help(capsys, "--language", "nl")  # the option wins


def test_the_window_language_choice_speaks_on_the_command_line_too(isolated_home, capsys):
    """The choice the window saves (QSettings, ui/language) is the command line's default."""
    from PySide6.QtCore import QSettings

    from velsen_desk.ui.language import LANGUAGE_KEY, Language

    settings = QSettings(str(i18n.window_settings_file()), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, Language.ENGLISH.value)
    settings.sync()
    assert i18n.chosen_language() == "en"
    assert "show this help message and exit" in _help(capsys)


def test_the_window_settings_file_is_where_qt_keeps_it():
    from PySide6.QtCore import QSettings

    from velsen_desk.core.paths import APP_AUTHOR, APP_NAME

    native = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME)
    assert Path(native.fileName()) == i18n.window_settings_file()


def test_system_follows_the_locale_or_speaks_dutch(monkeypatch):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert i18n.use_language("system") == "en"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert i18n.use_language("system") == "nl"


def test_the_catalogue_holds_every_text_translated_and_compiled():
    method_map, options_map = parse_mapping_cfg(io.StringIO((ROOT / "packaging" / "babel.cfg").read_text()))
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    extracted = {msg[2] if isinstance(msg[2], str) else msg[2][0]
                 for msg in extract_from_dir(str(ROOT), method_map, options_map, keywords=keywords)}
    with PO.open("rb") as f:
        catalog = read_po(f)
    in_po = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    assert extracted == set(in_po), "run packaging/update-messages.sh"
    for key, message in in_po.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and not message.fuzzy, key
    with MO.open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    for key, message in in_po.items():
        if isinstance(message.id, tuple):
            assert compiled.ngettext(*message.id, 1) == message.string[0], key
            assert compiled.ngettext(*message.id, 2) == message.string[1], key
        else:
            assert compiled.gettext(key) == message.string, key


def test_search_is_bold_on_a_terminal_and_unmarked_when_piped(built, capsys, monkeypatch):
    assert main(["search", "sport", "--database", str(built)]) == 0
    out = capsys.readouterr().out
    assert "sport" in out.lower() and "**" not in out and "\x1b[" not in out

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert main(["search", "sport", "--database", str(built)]) == 0
    assert "\x1b[1m" in terminal.getvalue() and "**" not in terminal.getvalue()


def test_the_installed_command_speaks_english_in_a_fresh_process(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "VELSEN_DESK_LANGUAGE": "en"}
    out = subprocess.run([sys.executable, "-m", "velsen_desk.cli.main", "--help"], capture_output=True,
                         text=True, env=env, cwd=ROOT, check=True).stdout
    assert "show where the data is" in out and not dutch_words(out)


def test_the_parser_is_built_in_the_language_spoken():
    i18n.use_language("en")
    assert "search all data" in build_parser().format_help()
    i18n.use_language("nl")
    assert "zoek in alle gegevens" in build_parser().format_help()

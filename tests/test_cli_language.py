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
from velsen_desk.core.paths import APP_AUTHOR, APP_NAME, resources_dir

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
    # the domain's messages: sync, publish, notes, reports, data checks
    "geen", "kopie", "lokale", "gepubliceerde", "citaat", "brontekst", "notitie", "schijf", "mislukt",
    "bereikbaar", "ongeldig", "ongeldige", "onbekende", "komt", "staat", "keer", "som", "regels", "hoogstens",
    "bedrag", "gegevensbestand", "synchroniseer", "opnieuw", "wanneer", "verbinding", "doel", "beschadigd",
    "toegestaan", "verwijzing", "sleutel", "persoon", "actienummer", "twee", "bevat", "datum", "bijvoorbeeld",
    "niets", "gewijzigd", "geschreven", "werkt", "verder",
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


def test_the_window_settings_file_is_where_qt_keeps_it(tmp_path, monkeypatch):
    # In a fresh interpreter, as the application starts: Qt keeps the user's settings folder
    # from the first QSettings a process makes, so an earlier window test's home would leak in.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    script = (
        "from PySide6.QtCore import QSettings\n"
        "from velsen_desk.core.i18n import window_settings_file\n"
        "from velsen_desk.core.paths import APP_AUTHOR, APP_NAME\n"
        "native = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME)\n"
        "print(native.fileName()); print(window_settings_file())\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    qt_file, ours = out.splitlines()
    assert Path(qt_file) == Path(ours) == tmp_path / "config" / APP_AUTHOR / f"{APP_NAME}.conf"


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


# ---- the domain's messages in English: sync, publish, reports, and every kind of data problem


def english_only(text: str, *known: str) -> set[str]:
    """Dutch words left in ``text`` once paths, quoted values (data), field paths ("[themes[10].regie]")
    and the ids a user chooses from ("Choose from: themes, regie.") are left out."""
    for value in known:
        text = text.replace(value, " ")
    return dutch_words(re.sub(r"'[^']*'|“[^”]*”|\[[\w.\[\]]*\]:|Choose from: [^.\n]*", " ", text))


def test_a_sync_from_a_missing_share_speaks_english(tmp_path, capsys):
    share = tmp_path / "share"
    assert main(["--language", "en", "sync", "--share", str(share)]) == 1
    err = capsys.readouterr().err
    assert f"The shared folder {share} cannot be reached. You continue with your local copy" in err
    assert not english_only(err, str(tmp_path)), err
    assert main(["sync", "--share", str(share)]) == 1
    assert "De gedeelde map" in capsys.readouterr().err  # and Dutch again without --language


def test_a_share_without_a_publication_says_so_in_both_languages_without_jargon(tmp_path, capsys):
    assert main(["--language", "en", "sync", "--share", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "has not published any data" in err and not english_only(err, str(tmp_path)), err
    assert main(["sync", "--share", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "nog geen gepubliceerde versie" in err and "manifest" not in err


def test_a_publish_of_a_broken_database_or_to_a_broken_share_speaks_english(tmp_path, capsys, built):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database at all")
    assert main(["--language", "en", "publish", str(broken), "--share", str(tmp_path / "share")]) == 1
    err = capsys.readouterr().err
    assert "Not published:" in err and "damaged or not an SQLite file" in err
    assert not english_only(err, str(tmp_path)), err
    not_a_folder = tmp_path / "share-file"
    not_a_folder.write_text("x", encoding="utf-8")
    assert main(["--language", "en", "publish", str(built), "--share", str(not_a_folder)]) == 1
    err = capsys.readouterr().err
    assert "cannot be reached" in err and not english_only(err, str(tmp_path)), err


@pytest.mark.parametrize("argv", [
    ["--meeting", "Raad", "--date", "2024-13-45"],
    ["--meeting", "Raad", "--date", "2024-05-01", "--agenda-item", "zeven!"],
    ["--meeting", "Raad", "--date", "2024-05-01", "--items", "themes,stars"],
    ["--date", "2024-05-01"],
])
def test_a_report_with_a_bad_request_speaks_english(tmp_path, capsys, built, argv):
    out = tmp_path / "annex.pdf"
    assert main(["--language", "en", "report", "annex", "-o", str(out), "--database", str(built), *argv]) != 0
    err = capsys.readouterr().err
    assert err.strip() and not english_only(err, str(tmp_path)), err
    assert not out.exists()


def test_a_report_to_a_missing_folder_speaks_english(tmp_path, capsys, built):
    out = tmp_path / "missing" / "themes.pdf"
    assert main(["--language", "en", "report", "themes", "-o", str(out), "--database", str(built)]) == 1
    err = capsys.readouterr().err
    assert f"The folder {out.parent} does not exist." in err and not english_only(err, str(tmp_path)), err


def _bundled_copy(tmp_path: Path) -> Path:
    import shutil

    from velsen_desk.core.paths import bundled_data_dir

    target = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _validate_in_english(capsys, *paths: Path) -> str:
    assert main(["--language", "en", "validate", *map(str, paths)]) == 1
    return capsys.readouterr().err


def test_validate_speaks_english_about_references_numbers_sums_and_quotes(tmp_path, capsys):
    """The cross-record checks (curation/checks.py), with file, line and field as in Dutch."""
    data = _bundled_copy(tmp_path)
    programme, plan = data / "velsen-2022.yaml", data / "velsen-actieplan-noord-2023.yaml"
    _edit(programme, "name: Mobiliteit, regie: bram-diepstraten", "name: Mobiliteit, regie: bram-diepstraat")
    _edit(plan, "    number: 7\n    trekker: Gemeente Velsen", "    number: 6\n    trekker: Gemeente Velsen")
    _edit(plan, 'amount: 40000, text: "€40.000"}\n    explanation: De route',
          'amount: 45000, text: "€40.000"}\n    explanation: De route')
    _edit(plan, 'amount: 1000, text: "€1.000"', 'amount: 1000, text: "€1.001"')
    err = _validate_in_english(capsys, data)
    assert re.search(r"velsen-2022\.yaml:\d+ \[themes\[10\]\.regie\]: unknown person 'bram-diepstraat'", err)
    assert "action number 6 occurs twice (also at 'velsen-2022.avn.a06')" in err
    assert "subtotal in the document is € 326.000, but the sum of the lines is € 331.000" in err
    assert "amount text '€1.001' does not occur in the source text" in err
    assert not english_only(err, str(tmp_path)), english_only(err, str(tmp_path))


def test_validate_speaks_english_about_fidelity(tmp_path, capsys):
    """A quote that does not prove the value it carries (curation/fidelity.py), and an invented quote."""
    data = _bundled_copy(tmp_path)
    programme = data / "velsen-2022.yaml"
    _edit(programme, "name: Schiphol, row_quote:", "name: Lelystad, row_quote:")
    err = _validate_in_english(capsys, data)
    assert re.search(r"velsen-2022\.yaml:\d+ \[portfolio_items\[\d+\]\.source\.quote\]: "
                     r"the quote does not contain the value of 'name' \('Lelystad'\)", err), err
    assert not english_only(err, str(tmp_path)), english_only(err, str(tmp_path))


@pytest.mark.parametrize(("text", "expected"), [
    ("format: velsen-desk-data/1\ndataset: x\nmunicipalities:\n  - *m\n",
     "bad.yaml:4: reference '*m' (YAML alias) is not allowed"),
    ("format: velsen-desk-data/1\ndataset: !!python/object:os.system x\n",
     "bad.yaml:2: YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed"),
    ("%YAML 1.2\n---\nformat: velsen-desk-data/1\n", "YAML directive ('%YAML' or '%TAG') is not allowed"),
    ("format: velsen-desk-data/1\n\tdataset: x\n", "tab character: indent with spaces, not with tabs"),
    ("format: velsen-desk-data/1\nformat: velsen-desk-data/1\n", "key 'format' occurs twice in the same mapping"),
    ("format: velsen-desk-data/1\nmunicipalities:\n  - id: x\n    name: \"\u0007\"\n", "forbidden character"),
    ("- a list\n", "the file must be a YAML mapping (key: value)"),
])
def test_validate_speaks_english_about_yaml_safety(tmp_path, capsys, text, expected):
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    err = _validate_in_english(capsys, bad)
    assert expected in err, err
    assert not english_only(err, str(tmp_path)), err


def test_validate_speaks_english_about_the_schema_s_own_rules(tmp_path, capsys):
    """The schema's validators (curation/schema.py) raise the message pydantic passes on."""
    data = _bundled_copy(tmp_path)
    plan = data / "velsen-actieplan-noord-2023.yaml"
    _edit(plan, 'status: amount, amount: 1000, text: "€1.000"', 'status: nvt, amount: 1000, text: "€1.000"')
    err = _validate_in_english(capsys, data)
    assert "status 'nvt' must not have an amount" in err
    assert not english_only(err, str(tmp_path)), english_only(err, str(tmp_path))


def test_a_domain_message_is_made_in_the_language_spoken_when_it_is_raised():
    """Messages are translated when made, never at import: switching the language in between counts."""
    from velsen_desk.sync.sync import SyncError, read_manifest

    i18n.use_language("en")
    with pytest.raises(SyncError, match="cannot be reached"):
        read_manifest(Path("/nonexistent/share"))
    i18n.use_language("nl")
    with pytest.raises(SyncError, match="is niet bereikbaar"):
        read_manifest(Path("/nonexistent/share"))


def test_the_changes_between_two_versions_speak_english(tmp_path, capsys, built):
    """"Wat is er veranderd": the kinds, fields and kinds of change are words, translated when shown."""
    import shutil
    import sqlite3
    from contextlib import closing

    new = tmp_path / "new.sqlite"
    shutil.copyfile(built, new)
    with closing(sqlite3.connect(new)) as conn, conn:
        title = conn.execute("SELECT title FROM actions WHERE id = 'velsen-2022.avn.a01'").fetchone()[0]
        conn.execute("UPDATE actions SET title = 'Nieuw' WHERE id = 'velsen-2022.avn.a01'")
    assert main(["--language", "en", "diff", str(built), str(new)]) == 0
    out = capsys.readouterr().out
    assert f"action Action 1: {title}: title {title} → Nieuw" in out, out
    assert main(["diff", str(built), str(new)]) == 0
    assert f"actie Actie 1: {title}: titel {title} → Nieuw" in capsys.readouterr().out


def test_status_on_a_fresh_install_says_there_is_no_copy_yet_in_english(isolated_home, capsys):
    assert main(["--language", "en", "status"]) == 0
    out = capsys.readouterr().out
    # no folder chosen and no copy made yet are facts, not unknowns
    assert "Shared folder: not set" in out and "Last synced: never" in out, out
    assert "Data version: no local database yet (the first start makes it from the bundled data)" in out, out
    assert "unknown" not in out and "onbekend" not in out and "nooit" not in out, out


def test_status_of_an_unreadable_copy_says_its_version_is_unknown(isolated_home, capsys):
    from velsen_desk.core.paths import local_database_path

    db = local_database_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"geen database")
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "Gegevensversie: onbekend" in out and "nog geen lokale database" not in out, out
    assert main(["status", "--json"]) == 0
    assert '"database_exists": true' in capsys.readouterr().out


def test_search_headings_speak_the_chosen_language(built, capsys):
    assert main(["--language", "en", "search", "sport", "--database", str(built)]) == 0
    out = capsys.readouterr().out
    assert "Themes (" in out and "Focus points (" in out and "Thema's" not in out, out
    assert main(["search", "sport", "--database", str(built)]) == 0
    assert "Thema's (" in capsys.readouterr().out


def test_the_item_kinds_read_the_same_in_the_window_and_on_the_command_line():
    """The group headings are in both catalogues (Qt's for the window, gettext's for the command
    line); an English search result and the English window must not name a kind differently."""
    import xml.etree.ElementTree as ET

    from velsen_desk.core.item_kinds import ITEM_KINDS, plural_label
    from velsen_desk.core.locales import ENGLISH

    ts = ET.parse(ROOT / "resources" / "translations" / "velsen_desk_en.ts").getroot()
    window = {m.findtext("source"): m.findtext("translation")
              for context in ts if context.findtext("name") == "ItemKind" for m in context.findall("message")}
    for kind in ITEM_KINDS:
        assert plural_label(kind.id, ENGLISH) == window[kind.plural] != kind.plural
        assert plural_label(kind.id) == kind.plural  # Dutch unless asked

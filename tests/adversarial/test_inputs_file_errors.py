"""Rule: every data file the user controls gets a specific Dutch message (file, line, field where
possible) and exit status 1, never the CLI's catch-all ("Er ging iets onverwachts mis", exit 3)."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from velsen_desk.cli.exit_codes import EXIT_DATA_ERROR
from velsen_desk.cli.main import main
from velsen_desk.core.paths import bundled_data_dir
from velsen_desk.curation.checks import MAX_SOURCE_BYTES
from velsen_desk.curation.schema import LABEL_MAX

HEADER = "format: velsen-desk-data/1\n"
PERSON = "people:\n  - {id: a, name: A, source: {doc: d, quote: q}}\n"


def _write(text: str, encoding: str = "utf-8") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "data.yaml"
        path.write_bytes(text.encode(encoding))
        return path
    return make


def _bytes(data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "data.yaml"
        path.write_bytes(data)
        return path
    return make


def _directory(folder: Path) -> Path:
    (folder / "sub.yaml").mkdir()
    return folder  # the folder is validated: its entry "sub.yaml" is a directory


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.yaml"
    os.mkfifo(path)  # reading it would block forever
    return path


def _symlink_loop(folder: Path) -> Path:
    path = folder / "loop.yaml"
    path.symlink_to(path)
    return path


def _device(folder: Path) -> Path:
    path = folder / "zero.yaml"
    path.symlink_to("/dev/zero")  # endless; st_size is 0
    return path


# name -> (make the input, expected message fragment, expected line or None)
CASES: dict[str, tuple[Callable[[Path], Path], str, int | None]] = {
    "binary": (_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "binair of beschadigd bestand", 3),
    "utf-16": (_write(HEADER + PERSON, "utf-16"), "bestand is UTF-16-tekst; sla het op als UTF-8", None),
    "utf-16-no-bom": (_write(HEADER + PERSON, "utf-16-le"), "bestand is UTF-16-tekst", None),
    "utf-32": (_write(HEADER + PERSON, "utf-32"), "bestand is UTF-32-tekst", None),
    "latin-1": (_write(HEADER + "\npeople:\n  - {id: a, name: Café, source: {doc: d, quote: q}}\n", "latin-1"),
                "geen UTF-8-tekst (waarschijnlijk Latin-1 of Windows-1252): byte 0xE9", 4),
    "nul-byte": (_write(HEADER + "dataset: a\x00b\n"), "NUL-tekens", 2),
    "control-character": (_write(HEADER + "dataset: a\x07b\n"), "verboden teken U+0007", 2),
    "duplicate-key": (_write(HEADER + "dataset: a\ndataset: b\n"), "sleutel 'dataset' komt twee keer voor", 3),
    "python-tag": (_write(HEADER + "people: !!python/object/apply:os.system ['echo x']\n"),
                   "YAML-label 'tag:yaml.org,2002:python/object/apply:os.system' is niet toegestaan", 2),
    "binary-tag": (_write(HEADER + "dataset: !!binary aGk=\n"), "YAML-label", 2),
    "local-tag": (_write(HEADER + "people:\n  - !person {id: a}\n"), "YAML-label '!person'", 3),
    "deep-flow": (_write(HEADER + "dataset: " + "[" * 5000 + "]" * 5000 + "\n"), "te diep genest", 2),
    "deep-block": (_write(HEADER + "dataset:\n" + "".join(" " * i + "- \n" for i in range(200))),
                   "te diep genest", None),
    "huge-line": (_write(HEADER + "dataset: " + "x" * 900_000 + "\n"),
                  f"tekst is te lang (hoogstens {LABEL_MAX} tekens)", 2),
    "huge-key": (_write(HEADER + "k" * 5000 + ": 1\n"), "geen geldige YAML: verwachtte 'sleutel: waarde'", 2),
    "two-documents": (_write(HEADER + "---\n" + HEADER), "meer dan één YAML-document", 2),
    "tab-indent": (_write(HEADER + "people:\n\t- a\n"), "tab-teken", 3),
    "alias": (_write(HEADER + "dataset: *nope\n"), "(YAML-alias) is niet toegestaan", 2),
    "unclosed-quote": (_write(HEADER + 'dataset: "abc\n'), "geen geldige YAML: het bestand eindigt", None),
    "not-a-mapping": (_write("- a\n"), "het bestand moet een YAML-mapping zijn", 1),
    "impossible-date": (_write(HEADER + "documents:\n  - {id: d, programme: p, kind: actieplan, title: t,\n"
                               "     date: 2024-02-30}\n"), "ongeldige datum '2024-02-30'", 4),
    "integer-of-5000-digits": (_write(HEADER + "dataset: x\nprogrammes:\n  - {id: p, municipality: m, title: t, order: "
                                      + "9" * 5000 + "}\n"), "ongeldig getal '99999", 4),
    "yaml-1.1-directive": (_write("%YAML 1.1\n---\n" + HEADER), "YAML-directief ('%YAML' of '%TAG')", 2),
    "non-text-key": (_write(HEADER + "1: x\n"), "ongeldige sleutel: een veldnaam moet tekst zijn", 2),
    "directory-named-yaml": (_directory, "sub.yaml: is een map, geen bestand", None),
    "fifo": (_fifo, "is geen gewoon bestand", None),
    "symlink-loop": (_symlink_loop, "verwijzing (symlink) die naar zichzelf wijst", None),
    "device": (_device, "is geen gewoon bestand", None),
    "missing": (lambda folder: folder / "nope.yaml", "bestand bestaat niet", None),
}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(list(args))
    return status, capsys.readouterr().err


def _assert_specific(status: int, err: str, fragment: str, place: str) -> None:
    assert status == EXIT_DATA_ERROR, err
    assert "onverwachts" not in err and "Traceback" not in err
    assert fragment in err, err
    assert place in err or place.rstrip(":") + " [" in err, err


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_data_file_gets_a_specific_message(tmp_path, capsys, name):
    make, fragment, line = CASES[name]
    path = make(tmp_path)
    status, err = _run(capsys, "validate", str(path))
    place = f"{path}:{line}:" if line is not None else str(path)
    _assert_specific(status, err, fragment, place)


@pytest.mark.parametrize("name", ["binary", "python-tag", "fifo", "directory-named-yaml"])
def test_build_db_refuses_the_same_inputs_and_writes_nothing(tmp_path, capsys, name):
    make, fragment, _ = CASES[name]
    path = make(tmp_path)
    output = tmp_path / "out.sqlite"
    status, err = _run(capsys, "build-db", "-o", str(output), str(path))
    _assert_specific(status, err, fragment, str(path))
    assert not output.exists()


def test_unreadable_file_and_folder(tmp_path, capsys, monkeypatch):
    """Permission errors (simulated: the tests may run as root, who can read anything)."""
    file = tmp_path / "secret.yaml"
    file.write_text(HEADER, encoding="utf-8")
    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path) == str(file):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    status, err = _run(capsys, "validate", str(file))
    _assert_specific(status, err, "geen toestemming om te lezen", str(file))
    monkeypatch.setattr(os, "open", real_open)

    folder = tmp_path / "closed"
    folder.mkdir()

    def deny_listing(self):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "iterdir", deny_listing)
    status, err = _run(capsys, "validate", str(folder))
    _assert_specific(status, err, "map kan niet gelezen worden: geen toestemming", str(folder))


def _data_with_source_file(tmp_path: Path, source_file: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(bundled_data_dir(), data)
    file = data / "velsen-2022.yaml"
    text = file.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if "source_file:" in line)
    file.write_text(text.replace(first, first.split("source_file:")[0] + f"source_file: {source_file!r}", 1),
                    encoding="utf-8")
    return data


@pytest.mark.parametrize("target", ["/etc/passwd", "../../../etc/passwd", "C:evil.txt", ".hidden"])
def test_source_file_cannot_leave_the_sources_folder(tmp_path, capsys, target):
    data = _data_with_source_file(tmp_path, target)
    status, err = _run(capsys, "validate", str(data))
    _assert_specific(status, err, "].source_file]: ongeldige bestandsnaam", "velsen-2022.yaml:")


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "tekst".encode("utf-16"), "fifo",
                                     b"tekst " * (MAX_SOURCE_BYTES // 6 + 1)])
def test_unreadable_source_text_is_a_problem_not_a_crash(tmp_path, capsys, content):
    sources = tmp_path / "sources"
    shutil.copytree(bundled_data_dir().parent / "sources", sources)
    data = _data_with_source_file(tmp_path, "broken.txt")
    if content == "fifo":
        os.mkfifo(sources / "broken.txt")
    else:
        (sources / "broken.txt").write_bytes(content)
    status, err = _run(capsys, "validate", str(data), "--sources", str(sources))
    _assert_specific(status, err, "].source_file]: brontekst 'broken.txt': ", "velsen-2022.yaml:")
    assert err.count("\n") == 2, err  # one problem, not one per quote that cites the document


def test_hidden_entries_are_not_data_and_the_suffix_is_matched_in_any_case(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "._velsen.yaml").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")  # AppleDouble
    (data / ".#velsen.yaml").symlink_to("root@host.1234:1700000000")  # Emacs lock: a dangling link
    (data / "PEOPLE.YAML").write_text(HEADER + "dataset: [\n", encoding="utf-8")
    status, err = _run(capsys, "validate", str(data))
    assert status == EXIT_DATA_ERROR
    assert "PEOPLE.YAML:3: geen geldige YAML" in err  # read, not skipped
    assert "._velsen" not in err and ".#velsen" not in err

"""Adversarial: a note is never lost, and no foreign file is adopted as the notes file.

Rule: a note counts as saved only after its transaction commits; every storage failure is a
NotesError with a specific Dutch message; the editor keeps the text, says so, retries, and
keeps it in an owner-only recovery file that the next start merges back.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from velsen_desk.notes.notes_file import NOTES_APPLICATION_ID, NOTES_SCHEMA_VERSION, NotesError, NotesFile

ANCHOR = ("velsen-2022.thema-09", "thema", "9. Wonen & woningbouw")


@pytest.fixture
def store(tmp_path) -> NotesFile:
    return NotesFile(tmp_path / "user" / "notities.sqlite")


def _full(store: NotesFile, monkeypatch) -> None:
    """A real SQLITE_FULL: the file may not grow beyond its current pages."""
    connect = NotesFile._connect

    def limited(self: NotesFile) -> sqlite3.Connection:
        conn = connect(self)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(NotesFile, "_connect", limited)


def _read_only(store: NotesFile, monkeypatch) -> None:
    """A real SQLITE_READONLY (the tests run as root, so chmod cannot make a file read-only)."""
    monkeypatch.setattr(
        NotesFile, "_connect", lambda self: sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=0.05)
    )


@pytest.mark.parametrize(
    ("fault", "message"),
    [(_full, "schijf is vol"), (_read_only, "alleen-lezen")],
)
def test_storage_failures_become_specific_notes_errors(store, monkeypatch, fault, message):
    store.save(*ANCHOR, "oud", False)
    fault(store, monkeypatch)
    with pytest.raises(NotesError, match=message):
        store.save(*ANCHOR, "x" * 200_000, False)
    monkeypatch.undo()
    assert store.get(ANCHOR[0]).text == "oud"  # nothing half-written


def test_locked_notes_file_is_a_specific_notes_error(store, monkeypatch):
    monkeypatch.setattr(NotesFile, "busy_timeout_s", 0.05)
    with closing(sqlite3.connect(store.path, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(NotesError, match="vergrendeld"):
            store.save(*ANCHOR, "tekst", False)
        other.execute("ROLLBACK")
    assert store.get(ANCHOR[0]) is None


def _foreign_database(path: Path, app_id: int, version: int, ddl: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.executescript(ddl)
        conn.execute(f"PRAGMA application_id = {app_id}")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    app_id=st.integers(min_value=-(2**31), max_value=2**31 - 1),
    version=st.integers(min_value=0, max_value=2**31 - 1),
    ddl=st.sampled_from([
        "CREATE TABLE gemeente (id TEXT);",
        "CREATE TABLE notes (anchor TEXT PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL, "
        "flagged INTEGER NOT NULL, updated_at TEXT NOT NULL); CREATE TABLE extra (x);",
        "CREATE TABLE notes (anchor TEXT, body TEXT);",
        "CREATE TABLE notes (anchor TEXT PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL, "
        "flagged INTEGER NOT NULL, updated_at TEXT NOT NULL);",
    ]),
)
def test_foreign_or_newer_file_is_refused_and_left_untouched(tmp_path_factory, app_id, version, ddl):
    ours_current = app_id == NOTES_APPLICATION_ID and version <= NOTES_SCHEMA_VERSION and "body" not in ddl \
        and "extra" not in ddl
    legacy = app_id == 0 and version == 0 and ddl.count("CREATE TABLE") == 1 and "body" not in ddl \
        and "gemeente" not in ddl
    if ours_current or legacy:
        return  # those are adopted (tested below)
    path = tmp_path_factory.mktemp("foreign") / "notities.sqlite"
    _foreign_database(path, app_id, version, ddl)
    before = path.read_bytes()
    with pytest.raises(NotesError, match="nieuwere versie|ander bestand|onleesbaar"):
        NotesFile(path)
    assert path.read_bytes() == before


def test_newer_notes_file_says_update(tmp_path):
    path = tmp_path / "notities.sqlite"
    _foreign_database(path, NOTES_APPLICATION_ID, NOTES_SCHEMA_VERSION + 1, "CREATE TABLE notes (x);")
    before = path.read_bytes()
    with pytest.raises(NotesError, match="nieuwere versie van Velsen Desk"):
        NotesFile(path)
    assert path.read_bytes() == before


def test_notes_file_of_the_previous_version_is_adopted_with_its_notes(tmp_path):
    """The previous version created the file 0600 and ran only CREATE TABLE IF NOT EXISTS."""
    path = tmp_path / "notities.sqlite"
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS notes (anchor TEXT PRIMARY KEY, kind TEXT NOT NULL, "
            "label TEXT NOT NULL, text TEXT NOT NULL, flagged INTEGER NOT NULL, updated_at TEXT NOT NULL)"
        )
        conn.execute(
            "INSERT INTO notes VALUES ('a', 'thema', 'T', 'mijn oude notitie', 1, '2024-01-01T00:00:00+00:00')"
        )
    store = NotesFile(path)
    assert store.get("a").text == "mijn oude notitie"
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == NOTES_APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == NOTES_SCHEMA_VERSION
    NotesFile(path)  # and opens again as its own


def test_new_notes_file_has_its_identity(store):
    with closing(sqlite3.connect(store.path)) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == NOTES_APPLICATION_ID


# ---- The editor ----------------------------------------------------------------------------


@pytest.fixture
def editor(qtbot, isolated_home, monkeypatch):
    from velsen_desk.ui.notes.editor import NoteAnchor, NoteEditor

    monkeypatch.setattr(NotesFile, "busy_timeout_s", 0.05)
    widget = NoteEditor()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_item(NoteAnchor(*ANCHOR))
    return widget


def _lock_notes() -> sqlite3.Connection:
    from velsen_desk.notes.current import current_notes

    store = current_notes()
    conn = sqlite3.connect(store.path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    return conn


def test_editor_keeps_unsaved_text_says_so_and_retries(qtbot, editor):
    from velsen_desk.notes.current import current_notes
    from velsen_desk.notes.recovery import recovery_path

    lock = _lock_notes()
    qtbot.keyClicks(editor.edit, "Vraag over de bouwlocaties")
    qtbot.waitUntil(lambda: editor.saved_label.text().startswith("Niet bewaard:"), timeout=3000)
    assert "vergrendeld" in editor.saved_label.text()
    assert editor.saved_label.text().endswith("wordt opnieuw geprobeerd")
    assert editor.has_unsaved()
    # The text is safe in the owner-only recovery file straight away.
    assert "Vraag over de bouwlocaties" in recovery_path().read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(recovery_path().stat().st_mode) == 0o600
    # Choosing another item and back shows the unsaved text, not the (empty) saved note.
    from velsen_desk.ui.notes.editor import NoteAnchor

    editor.set_item(NoteAnchor("velsen-2022.thema-10", "thema", "10. Ander thema"))
    editor.set_item(NoteAnchor(*ANCHOR))
    assert editor.edit.toPlainText() == "Vraag over de bouwlocaties"

    lock.execute("ROLLBACK")
    lock.close()
    qtbot.waitUntil(lambda: editor.saved_label.text() == "bewaard", timeout=15000)  # the retry timer
    assert current_notes().get(ANCHOR[0]).text == "Vraag over de bouwlocaties"
    assert not editor.has_unsaved()
    assert not recovery_path().exists()


def test_unsaved_note_comes_back_on_next_start(qtbot, editor, monkeypatch):
    import velsen_desk.notes.current as current
    from velsen_desk.notes.recovery import recovery_path

    lock = _lock_notes()
    qtbot.keyClicks(editor.edit, "Niet verliezen")
    assert editor.confirm_close()  # kept in the recovery file: closing needs no question
    lock.execute("ROLLBACK")
    lock.close()
    editor._retry_timer.stop()  # the window is closed: no retry runs
    assert recovery_path().exists()

    current._stores.clear()  # a new start of the application
    from velsen_desk.ui.notes.editor import NoteAnchor, NoteEditor

    again = NoteEditor()
    qtbot.addWidget(again)
    again.set_item(NoteAnchor(*ANCHOR))
    assert again.edit.toPlainText() == "Niet verliezen"
    assert "teruggezet" in again.saved_label.text()
    assert not recovery_path().exists()


def test_closing_asks_when_even_the_recovery_file_fails(qtbot, editor, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    import velsen_desk.notes.recovery as recovery

    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery, "write_atomic", disk_full)
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    lock = _lock_notes()
    qtbot.keyClicks(editor.edit, "Belangrijk")
    assert editor.confirm_close() is False  # the user chose to stay
    assert asked and "9. Wonen & woningbouw" in asked[0]
    assert editor.edit.toPlainText() == "Belangrijk"
    lock.execute("ROLLBACK")
    lock.close()


@pytest.mark.skipif(os.name != "posix", reason="device files are POSIX")
@pytest.mark.parametrize("kind", ["folder", "device"])
def test_non_regular_file_at_the_notes_path_is_refused_untouched(tmp_path, kind):
    path = tmp_path / "notities.sqlite"
    if kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/null")
    mode = os.stat(path).st_mode
    with pytest.raises(NotesError, match="geen gewoon bestand"):
        NotesFile(path)
    assert os.stat(path).st_mode == mode  # not even its permissions changed


@given(text=st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=50))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_typed_text_is_saved_or_a_notes_error_never_a_crash(store, text):
    """Pasted text may hold NULs or unpaired surrogates; a note never fails because of one character."""
    note = store.save("velsen-2022.thema-01", "thema", "1. Leefbaarheid", text + "x", False)
    assert store.get("velsen-2022.thema-01").text == note.text
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in note.text)
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        assert note.text == text + "x"  # everything else, NULs included, is kept exactly


def test_hostile_notes_export_is_refused_or_cleaned(store, tmp_path):
    nested = tmp_path / "nested.json"
    nested.write_text('{"format": ' * 5000 + "1" + "}" * 5000, encoding="utf-8")
    with pytest.raises(NotesError, match="geen notitie-export"):
        store.import_file(nested)
    surrogate = tmp_path / "surrogate.json"
    surrogate.write_text(
        '{"format": "velsen-desk-notities/1", "notes": [{"anchor": "a", "kind": "thema", "label": "T", '
        '"text": "x\\ud800y", "flagged": false, "updated_at": "2026-01-01T00:00:00+00:00"}]}',
        encoding="utf-8",
    )
    assert store.import_file(surrogate) == 1
    assert store.get("a").text == "x\ufffdy"

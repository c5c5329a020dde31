"""The recovery file: notes that could not be written to the notes file (disk full, file locked).

The editor writes every note it could not save here at once, so neither closing the window
nor a crash loses it; the next start merges every recovery file (``notities-herstel.json`` and
the per-process files written when that one was unreadable) into the notes file (the most
recent note of an item wins; on a tie the recovery file, which holds the later edit) and
removes each only after its merge has committed. Owner-only (0600 in the
0700 user data folder), never on the share.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from velsen_desk.core.i18n import _
from velsen_desk.core.os_errors import describe_error
from velsen_desk.core.paths import RECOVERY_FILE, RECOVERY_GLOB, user_data_dir
from velsen_desk.notes.errors import NotesError, storage_message
from velsen_desk.notes.notes_file import Note, NoteRecordError, NotesFile, note_record, parse_notes_payload
from velsen_desk.storage.atomic import write_atomic
from velsen_desk.storage.regular_file import SpecialFileError, TooLargeError, read_bounded

log = logging.getLogger(__name__)
RECOVERY_FORMAT = "velsen-desk-notities-herstel/1"
_MAX_RECOVERY_BYTES = 64 * 1024 * 1024  # far beyond any set of typed notes; a bound, not a quota


def recovery_path() -> Path:
    return user_data_dir() / RECOVERY_FILE


def recovery_files(folder: Path | None = None) -> list[Path]:
    """Every recovery file waiting in ``folder`` (the user data folder), the main one first."""
    folder = folder or user_data_dir()
    try:
        found = sorted(folder.glob(RECOVERY_GLOB), key=lambda p: (p.name != RECOVERY_FILE, p.name))
    except OSError:
        return []
    return [p for p in found if p.is_symlink() or not p.is_dir()]


def read_recovery(path: Path | None = None) -> list[Note]:
    """The notes waiting in the recovery file ([] when there is none). Raises NotesError."""
    path = path or recovery_path()
    if path.is_symlink():  # never read (or later replace) another file through a planted link
        raise NotesError(_(
            "Op de plaats van het herstelbestand ({path}) staat een koppeling (symlink); die is niet gevolgd. "
            "Verwijder de koppeling en start opnieuw."
        ).format(path=path))
    try:
        raw = read_bounded(path, _MAX_RECOVERY_BYTES)  # a FIFO here must not hang the start
    except FileNotFoundError:
        return []
    except SpecialFileError as exc:
        raise NotesError(_(
            "Op de plaats van het herstelbestand ({path}) staat geen gewoon bestand; het is niet gelezen."
        ).format(path=path)) from exc
    except TooLargeError as exc:
        raise NotesError(_(
            "Het herstelbestand {path} is te groot om te lezen. Het is bewaard; meld het bij de griffie."
        ).format(path=path)) from exc
    except OSError as exc:
        raise NotesError(_(
            "Het herstelbestand is niet leesbaar: {path}."
        ).format(path=storage_message(path, exc))) from exc
    try:
        # our own notes: a clock corrected backwards since they were written must not discard them
        return parse_notes_payload(json.loads(raw.decode("utf-8")), RECOVERY_FORMAT, allow_future=True)
    except (ValueError, RecursionError) as exc:
        reason = str(exc) if isinstance(exc, NoteRecordError) else describe_error(exc)
        raise NotesError(
            _(
                "Het herstelbestand {path} is onleesbaar ({reason}). Het is bewaard; meld het bij de griffie."
            ).format(path=path, reason=reason)
        ) from exc


def _write(path: Path, notes: list[Note]) -> None:
    payload = {"format": RECOVERY_FORMAT, "notes": [note_record(n) for n in notes]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            path.parent.chmod(0o700)
        write_atomic(path, json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8"), private=True)
    except OSError as exc:
        reason = storage_message(path, exc)
        raise NotesError(_(
            "Ook het herstelbestand kon niet geschreven worden: {reason}."
        ).format(reason=reason), reason) from exc


def keep_for_recovery(notes: Iterable[Note], path: Path | None = None) -> None:
    """Add (or replace, per item) notes in the recovery file. Raises NotesError."""
    path = path or recovery_path()
    try:
        kept = {n.anchor: n for n in read_recovery(path)}
    except NotesError:
        # an unreadable old file must not stop the new text from being kept: this process's own
        # file instead (added to, not replaced: it may already hold earlier notes of this session)
        path = path.with_name(f"{path.stem}-{os.getpid()}{path.suffix}")
        try:
            kept = {n.anchor: n for n in read_recovery(path)}
        except NotesError:
            kept = {}
    for note in notes:
        kept[note.anchor] = note
    _write(path, list(kept.values()))


def forget_recovered(anchors: Iterable[str], path: Path | None = None) -> None:
    """Drop items from the recovery file once they are safely in the notes file."""
    path = path or recovery_path()
    drop = set(anchors)
    try:
        kept = [n for n in read_recovery(path) if n.anchor not in drop]
    except NotesError:
        return
    if kept:
        _write(path, kept)
    else:
        path.unlink(missing_ok=True)


def merge_recovery(store: NotesFile, path: Path | None = None) -> int:
    """Merge the recovery file ``path`` (by default every recovery file in the user data folder)
    into ``store``; each is removed only after its merge committed.

    Returns the number of notes brought back. Raises NotesError, after merging all readable
    files, when one could not be merged (that one is kept for the next start)."""
    paths = [path] if path is not None else recovery_files()
    count = 0
    failures: list[NotesError] = []
    for one in paths:
        try:
            notes = read_recovery(one)
            if notes:
                count += store.merge(notes, incoming_wins_tie=True)
        except NotesError as exc:
            log.error("recovery file %s not merged: %s", one, exc)
            failures.append(exc)
            continue
        one.unlink(missing_ok=True)
    if failures:
        raise failures[0]
    return count

"""Personal notes and "bespreken in vergadering" flags, kept only on this laptop.

Notes live in their own SQLite file in the user's data directory, readable by the user alone
(0600 in a 0700 folder), never on the share and never in the griffie's reports. Each note is
anchored to the stable id of the item it belongs to (programme + theme number, plan + action
number, ...), so it stays attached when a sync brings a new data version; when its item is
gone, the note is kept and shown as "los" with what it was attached to.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from velsen_desk.core.paths import user_data_dir

NOTES_FILE = "notities.sqlite"
EXPORT_FORMAT = "velsen-desk-notities/1"


class NotesError(Exception):
    """A notes file could not be read or written; the message is plain Dutch."""


@dataclass(frozen=True)
class Note:
    anchor: str  # the item's stable id, e.g. "velsen-2022.thema-09"
    kind: str  # "thema", "actie", "portefeuille", "begrotingsregel", ...
    label: str  # what it was attached to, as shown when the note was written
    text: str
    flagged: bool  # "bespreken in vergadering"
    updated_at: str  # ISO 8601, UTC
    loose: bool = False  # the item no longer exists in the open data


def notes_path() -> Path:
    return user_data_dir() / NOTES_FILE


class NotesFile:
    def __init__(self, path: Path | None = None):
        self.path = path or notes_path()
        self._ensure()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=5)
        conn.execute("PRAGMA synchronous = FULL")  # a note typed before a power cut is on disk
        return conn

    def _ensure(self) -> None:
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            folder.chmod(0o700)
            if not self.path.exists():
                fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
            self.path.chmod(0o600)
        try:
            with self._connect() as conn:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS notes (anchor TEXT PRIMARY KEY, kind TEXT NOT NULL, "
                    "label TEXT NOT NULL, text TEXT NOT NULL, flagged INTEGER NOT NULL, updated_at TEXT NOT NULL)"
                )
            conn.close()
        except sqlite3.DatabaseError as exc:
            raise NotesError(
                f"Het notitiebestand {self.path} is onleesbaar ({exc}). Het is niet gewijzigd; "
                "maak er een kopie van en meld het."
            ) from exc

    def save(self, anchor: str, kind: str, label: str, text: str, flagged: bool) -> Note | None:
        """Store (or, when empty and unflagged, remove) the note of one item."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._connect() as conn:
            if not text.strip() and not flagged:
                conn.execute("DELETE FROM notes WHERE anchor = ?", (anchor,))
                note = None
            else:
                conn.execute(
                    "INSERT INTO notes (anchor, kind, label, text, flagged, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT(anchor) DO UPDATE SET kind = excluded.kind, label = excluded.label, "
                    "text = excluded.text, flagged = excluded.flagged, updated_at = excluded.updated_at",
                    (anchor, kind, label, text, int(flagged), now),
                )
                note = Note(anchor, kind, label, text, flagged, now)
        conn.close()
        return note

    def get(self, anchor: str) -> Note | None:
        with self._connect() as conn:
            row = conn.execute(
                "SELECT anchor, kind, label, text, flagged, updated_at FROM notes WHERE anchor = ?", (anchor,)
            ).fetchone()
        conn.close()
        return Note(row[0], row[1], row[2], row[3], bool(row[4]), row[5]) if row else None

    def all(self, existing_ids: Iterable[str] | None = None) -> list[Note]:
        """All notes; with ``existing_ids``, those whose item is gone are marked loose."""
        known = set(existing_ids) if existing_ids is not None else None
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT anchor, kind, label, text, flagged, updated_at FROM notes ORDER BY kind, label, anchor"
            ).fetchall()
        conn.close()
        return [
            Note(a, k, lbl, t, bool(f), u, loose=known is not None and a not in known)
            for a, k, lbl, t, f, u in rows
        ]

    def export(self, target: Path) -> int:
        notes = self.all()
        entries = [{k: v for k, v in asdict(n).items() if k != "loose"} for n in notes]
        payload = {"format": EXPORT_FORMAT, "notes": entries}
        target.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
        return len(notes)

    def import_file(self, source: Path) -> int:
        """Merge an export: for an item noted on both sides, the most recent note wins."""
        try:
            payload = json.loads(source.read_text(encoding="utf-8"))
            if payload.get("format") != EXPORT_FORMAT:
                raise ValueError("onbekend formaat")
            incoming = [
                Note(str(n["anchor"]), str(n["kind"]), str(n["label"]), str(n["text"]), bool(n["flagged"]),
                     str(n["updated_at"]))
                for n in payload["notes"]
            ]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            message = f"{source} is geen notitie-export van Velsen Desk ({exc}). Er is niets gewijzigd."
            raise NotesError(message) from exc
        count = 0
        with self._connect() as conn:
            for note in incoming:
                current = conn.execute("SELECT updated_at FROM notes WHERE anchor = ?", (note.anchor,)).fetchone()
                if current and current[0] >= note.updated_at:
                    continue
                conn.execute(
                    "INSERT OR REPLACE INTO notes (anchor, kind, label, text, flagged, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (note.anchor, note.kind, note.label, note.text, int(note.flagged), note.updated_at),
                )
                count += 1
        conn.close()
        return count

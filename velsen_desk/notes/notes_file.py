"""Personal notes and "bespreken in vergadering" flags, kept only on this laptop.

Notes live in their own SQLite file in the user's data directory, readable by the user alone
(0600 in a 0700 folder), never on the share and never in the griffie's reports. Each note is
anchored to the stable id of the item it belongs to (programme + theme number, plan + action
number, ...), so it stays attached when a sync brings a new data version; when its item is
gone, the note is kept and shown as "los" with what it was attached to.

The file carries its own ``application_id`` and ``user_version``: any other SQLite file found
at the notes path is refused and left byte for byte as it was, never adopted. A note counts as
saved only once its transaction has committed; every storage failure is a :class:`NotesError`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

from velsen_desk.core.i18n import _
from velsen_desk.core.os_errors import describe_error
from velsen_desk.core.own_files import own_file_message
from velsen_desk.core.paths import NOTES_FILE, user_data_dir
from velsen_desk.notes.errors import NotesError, storage_message
from velsen_desk.storage.atomic import write_atomic
from velsen_desk.storage.regular_file import SpecialFileError, TooLargeError, read_bounded

__all__ = ["EXPORT_FORMAT", "NOTES_APPLICATION_ID", "NOTES_FILE", "NOTES_SCHEMA_VERSION", "Note", "NotesError",
           "NotesFile", "notes_path"]

EXPORT_FORMAT = "velsen-desk-notities/1"
# "VDsN" in the SQLite header: a notes file, as opposed to the data file ("VDsk") or any other.
NOTES_APPLICATION_ID = 0x5644734E
NOTES_SCHEMA_VERSION = 1
_COLUMNS = ("anchor", "kind", "label", "text", "flagged", "updated_at")
_CREATE = (
    "CREATE TABLE IF NOT EXISTS notes (anchor TEXT PRIMARY KEY, kind TEXT NOT NULL, "
    "label TEXT NOT NULL, text TEXT NOT NULL, flagged INTEGER NOT NULL, updated_at TEXT NOT NULL)"
)


@dataclass(frozen=True)
class Note:
    anchor: str  # the item's stable id, e.g. "velsen-2022.thema-09"
    kind: str  # an item kind id (velsen_desk.core.item_kinds): "thema", "actie", ...
    label: str  # what it was attached to, as shown when the note was written
    text: str
    flagged: bool  # "bespreken in vergadering"
    updated_at: str  # ISO 8601, UTC
    loose: bool = False  # the item no longer exists in the open data


MAX_EXPORT_BYTES = 64 * 1024 * 1024  # far beyond any set of typed notes; a bound, not a quota
_FUTURE_SLACK = dt.timedelta(minutes=1)  # clocks of two laptops differ a little


class NoteRecordError(ValueError):
    """A note record in an export or recovery file is malformed; the message is plain Dutch."""


def _timestamp(value: object, number: int, *, allow_future: bool = False) -> str:
    """An ISO 8601 moment with a time zone, not in the future: "9999" must never make an imported
    note win over the user's newer one. ``allow_future`` is for the application's own recovery
    file only: its notes were typed here, and a clock corrected backwards must not discard them."""
    if not isinstance(value, str) or len(value) > 40:
        raise NoteRecordError(_("notitie {number}: 'updated_at' is geen tijdstip").format(number=number))
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise NoteRecordError(_(
            "notitie {number}: 'updated_at' ({value!r}) is geen ISO-tijdstip"
        ).format(number=number, value=value[:40])) from None
    if moment.tzinfo is None or len(value) < 19:
        raise NoteRecordError(_("notitie {number}: 'updated_at' mist datum, tijd of tijdzone").format(number=number))
    if not allow_future and moment > dt.datetime.now(dt.UTC) + _FUTURE_SLACK:
        raise NoteRecordError(_(
            "notitie {number}: 'updated_at' ligt in de toekomst ({value})"
        ).format(number=number, value=value))
    # sub-second precision is kept (an edit in the same second must still count as newer)
    return moment.astimezone(dt.UTC).isoformat()


def note_moment(value: str) -> dt.datetime | None:
    """The moment of a stored ``updated_at`` (old notes have whole seconds, new ones microseconds);
    None when it is not a readable moment with a time zone."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else None


def is_newer(incoming: str, current: str, *, tie_wins: bool) -> bool:
    """Whether a note stamped ``incoming`` replaces one stamped ``current``. Moments are compared,
    not texts: "12:00:00+00:00" and "12:00:00.5+00:00" do not sort as text."""
    new, old = note_moment(incoming), note_moment(current)
    if new is None or old is None:
        return incoming >= current if tie_wins else incoming > current
    return new >= old if tie_wins else new > old


def parse_notes_payload(payload: object, expected_format: str, *, allow_future: bool = False) -> list[Note]:
    """The notes of an export or recovery payload, strictly: texts must be texts, ``flagged`` a
    real boolean ("false" is not False) and ``updated_at`` a past ISO moment (any moment with
    ``allow_future``, for the recovery file). Raises NoteRecordError."""
    if not isinstance(payload, dict) or payload.get("format") != expected_format:
        raise NoteRecordError(_("onbekend formaat"))
    records = payload.get("notes")
    if not isinstance(records, list):
        raise NoteRecordError(_("'notes' is geen lijst"))
    notes: list[Note] = []
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise NoteRecordError(_("notitie {number} is geen object").format(number=number))
        texts: list[str] = []
        for field in ("anchor", "kind", "label", "text"):
            value = record.get(field)
            if not isinstance(value, str):
                raise NoteRecordError(_(
                    "notitie {number}: '{field}' ontbreekt of is geen tekst"
                ).format(number=number, field=field))
            texts.append(value)
        if not texts[0].strip():
            raise NoteRecordError(_("notitie {number}: 'anchor' is leeg").format(number=number))
        flagged = record.get("flagged")
        if not isinstance(flagged, bool):
            raise NoteRecordError(_("notitie {number}: 'flagged' is geen true of false").format(number=number))
        updated = _timestamp(record.get("updated_at"), number, allow_future=allow_future)
        notes.append(Note(texts[0], texts[1], texts[2], texts[3], flagged, updated))
    return notes


def notes_path() -> Path:
    return user_data_dir() / NOTES_FILE


def note_record(note: Note) -> dict[str, str | bool]:
    """A note as stored in an export or the recovery file ("loose" depends on the open data)."""
    record: dict[str, str | bool] = asdict(note)
    record.pop("loose")
    return record


def clean_text(value: str) -> str:
    """``value`` with unpaired UTF-16 surrogates (possible in pasted text) replaced by U+FFFD:
    they cannot be stored as UTF-8, and a note must never fail to save because of one character."""
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def now_utc() -> str:
    # microseconds: a note saved and then edited within one second must still order correctly
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class NotesFile:
    busy_timeout_s: float = 5.0  # how long a write waits for another writer before "vergrendeld"

    def __init__(self, path: Path | None = None, *, read_only: bool = False):
        """``read_only`` (the personal brief): nothing is created or changed, so a read-only data
        folder still gives its notes; a missing or empty file has none."""
        self.path = path or notes_path()
        self.read_only = read_only
        self._empty = False
        if read_only:
            self._inspect_read_only()
        else:
            self._ensure()

    # ---- Public API

    def save(self, anchor: str, kind: str, label: str, text: str, flagged: bool,
             updated_at: str | None = None) -> Note | None:
        """Store (or, when empty and unflagged, remove) the note of one item.

        Returns only after the transaction has committed; raises NotesError otherwise."""
        now = updated_at or now_utc()
        anchor, kind, label, text = (clean_text(v) for v in (anchor, kind, label, text))
        with self._transaction(_("Notitie niet bewaard")) as conn:
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
        return note

    def get(self, anchor: str) -> Note | None:
        with self._transaction(_("Notitie niet gelezen")) as conn:
            row = conn.execute(
                "SELECT anchor, kind, label, text, flagged, updated_at FROM notes WHERE anchor = ?", (anchor,)
            ).fetchone()
        return Note(row[0], row[1], row[2], row[3], bool(row[4]), row[5]) if row else None

    def all(self, existing_ids: Iterable[str] | None = None) -> list[Note]:
        """All notes; with ``existing_ids``, those whose item is gone are marked loose."""
        known = set(existing_ids) if existing_ids is not None else None
        if self._empty:
            return []
        with self._transaction(_("Notities niet gelezen")) as conn:
            rows = conn.execute(
                "SELECT anchor, kind, label, text, flagged, updated_at FROM notes ORDER BY kind, label, anchor"
            ).fetchall()
        return [
            Note(a, k, lbl, t, bool(f), u, loose=known is not None and a not in known)
            for a, k, lbl, t, f, u in rows
        ]

    def export(self, target: Path) -> int:
        """Write every note to ``target`` (owner-only, atomically). A symlink, FIFO or device at
        ``target`` is refused: followed, it would block or send private notes elsewhere; so is one
        of the application's own files (the notes file itself, the local database, ...)."""
        refusal = own_file_message(target)
        if refusal is not None:
            raise NotesError(refusal)
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise NotesError(_(
                "{target} is geen gewoon bestand (een koppeling, map, pijp of apparaat); kies een andere "
                "bestandsnaam. Er is niets geschreven."
            ).format(target=target))
        notes = self.all()
        payload = {"format": EXPORT_FORMAT, "notes": [note_record(n) for n in notes]}
        try:
            write_atomic(target, json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8"), private=True)
        except OSError as exc:
            raise NotesError(_(
                "De notities zijn niet geëxporteerd naar {target}: {cause}."
            ).format(target=target, cause=describe_error(exc))) from exc
        return len(notes)

    def import_file(self, source: Path) -> int:
        """Merge an export: for an item noted on both sides, the most recent note wins."""
        try:
            try:
                raw = read_bounded(source, MAX_EXPORT_BYTES)
            except SpecialFileError:
                raise NoteRecordError(_("geen gewoon bestand")) from None
            except TooLargeError:
                too_large = _("groter dan {size} MB").format(size=MAX_EXPORT_BYTES // (1024 * 1024))
                raise NoteRecordError(too_large) from None
            incoming = parse_notes_payload(json.loads(raw.decode("utf-8-sig")), EXPORT_FORMAT)
        except NoteRecordError as exc:
            raise NotesError(_(
                "{source} is geen notitie-export van Velsen Desk ({exc}). Er is niets gewijzigd."
            ).format(source=source, exc=exc)) from exc
        except (OSError, ValueError, RecursionError, MemoryError) as exc:
            raise NotesError(_(
                "{source} is geen notitie-export van Velsen Desk ({cause}). Er is niets gewijzigd."
            ).format(source=source, cause=describe_error(exc))) from exc
        return self.merge(incoming)

    def merge(self, incoming: Iterable[Note], *, incoming_wins_tie: bool = False) -> int:
        """Add notes in one transaction; for an item noted on both sides, the most recent wins.

        ``incoming_wins_tie`` (the recovery file): an incoming note stamped the same moment as the
        stored one replaces it, since it is the edit that could not be saved after that one."""
        count = 0
        with self._transaction(_("Notities niet samengevoegd")) as conn:
            for note in incoming:
                current = conn.execute("SELECT updated_at FROM notes WHERE anchor = ?", (note.anchor,)).fetchone()
                if current and not is_newer(note.updated_at, current[0], tie_wins=incoming_wins_tie):
                    continue
                anchor, kind, label, text, updated = (
                    clean_text(v) for v in (note.anchor, note.kind, note.label, note.text, note.updated_at)
                )
                conn.execute(
                    "INSERT OR REPLACE INTO notes (anchor, kind, label, text, flagged, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (anchor, kind, label, text, int(note.flagged), updated),
                )
                count += 1
        return count

    # ---- Private

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
            return sqlite3.connect(uri, uri=True, timeout=self.busy_timeout_s)
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout_s)
        conn.execute("PRAGMA synchronous = FULL")  # a note typed before a power cut is on disk
        return conn

    @contextmanager
    def _transaction(self, what: str) -> Iterator[sqlite3.Connection]:
        """One transaction, committed on leaving; any storage failure becomes a NotesError."""
        try:
            with closing(self._connect()) as conn, conn:
                yield conn
        except (sqlite3.Error, OSError) as exc:
            reason = storage_message(self.path, exc)
            raise NotesError(f"{what}: {reason}.", reason) from exc

    def _ensure(self) -> None:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if os.name == "posix":
                folder.chmod(0o700)
            self._refuse_non_regular()
            fresh = not self.path.exists() or self.path.stat().st_size == 0
            if not fresh:
                fresh = self._check_existing()  # raises for a foreign or newer file, before any write
            if os.name == "posix":
                if not self.path.exists():
                    os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
                self.path.chmod(0o600)
        except OSError as exc:
            reason = storage_message(self.path, exc)
            raise NotesError(_(
                "Het notitiebestand kan niet worden aangemaakt: {reason}."
            ).format(reason=reason), reason) from exc
        if fresh:
            self._create_schema()

    def _refuse_non_regular(self) -> None:
        if self.path.is_symlink():  # followed, a write would chmod and overwrite the link's target
            raise NotesError(
                _(
                    "Op de plaats van het notitiebestand ({path}) staat geen gewoon bestand maar een koppeling "
                    "(symlink) naar een ander bestand. Die is niet gevolgd en niets is gewijzigd; verwijder de "
                    "koppeling en start opnieuw."
                ).format(path=self.path)
            )
        if self.path.exists() and not stat.S_ISREG(self.path.stat().st_mode):
            raise NotesError(
                _(
                    "Op de plaats van het notitiebestand ({path}) staat geen gewoon bestand (een map of "
                    "apparaat). Het is niet gewijzigd en niet gebruikt; verplaats het en start opnieuw."
                ).format(path=self.path)
            )

    def _inspect_read_only(self) -> None:
        try:
            self._refuse_non_regular()
            if not self.path.exists() or self.path.stat().st_size == 0:
                self._empty = True
                return
            if self._check_existing():  # a file of the previous version, or an empty SQLite file
                with closing(self._connect()) as conn:
                    self._empty = conn.execute(
                        "SELECT count(*) FROM sqlite_master WHERE name = 'notes'").fetchone()[0] == 0
        except (OSError, sqlite3.Error) as exc:
            reason = storage_message(self.path, exc)
            raise NotesError(_("Het notitiebestand is niet leesbaar: {reason}.").format(reason=reason), reason) from exc

    def _check_existing(self) -> bool:
        """Inspect the file without writing. True when it is an older notes file (or an empty
        SQLite file) that must get its identity; raises NotesError when it is not ours."""
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        try:
            with closing(sqlite3.connect(uri, uri=True, timeout=self.busy_timeout_s)) as conn:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                objects = conn.execute(
                    "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                ).fetchall()
                columns = tuple(row[1] for row in conn.execute("PRAGMA table_info(notes)"))
        except sqlite3.Error as exc:
            raise NotesError(
                _(
                    "Het notitiebestand {path} is onleesbaar ({path2}). Het is niet gewijzigd; maak er een kopie "
                    "van en meld het."
                ).format(path=self.path, path2=storage_message(self.path, exc))
            ) from exc
        ours = objects == [("table", "notes")] and columns == _COLUMNS
        if app_id == NOTES_APPLICATION_ID:
            if version > NOTES_SCHEMA_VERSION:
                raise NotesError(
                    _(
                        "Het notitiebestand {path} is gemaakt door een nieuwere versie van Velsen Desk (formaat "
                        "{version}). Werk Velsen Desk bij; het bestand is niet gewijzigd."
                    ).format(path=self.path, version=version)
                )
            if not ours:
                raise NotesError(
                    _(
                        "Het notitiebestand {path} is onleesbaar (onverwachte inhoud). Het is niet gewijzigd; "
                        "maak er een kopie van en meld het."
                    ).format(path=self.path)
                )
            return False
        if app_id == 0 and version == 0 and (ours or not objects):
            return True  # written by the previous version (no identity yet), or an empty SQLite file
        raise NotesError(
            _(
                "Op de plaats van het notitiebestand ({path}) staat een ander bestand, geen notitiebestand van "
                "Velsen Desk. Het is niet gewijzigd en niet gebruikt; verplaats het en start opnieuw."
            ).format(path=self.path)
        )

    def _create_schema(self) -> None:
        with self._transaction(_("Het notitiebestand kan niet worden aangemaakt")) as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(_CREATE)
            conn.execute(f"PRAGMA application_id = {NOTES_APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {NOTES_SCHEMA_VERSION}")

"""The local database the application reads, and the embedded default.

With nothing configured, the bundled Velsen data is built into the user's data directory on
first start (and rebuilt when a newer program ships newer bundled data). A database that came
from a sync is never overwritten by the embedded default.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import sqlite3
from pathlib import Path

from velsen_desk.core.i18n import _
from velsen_desk.core.os_errors import describe_error, describe_os_error, sqlite_os_error
from velsen_desk.core.paths import ORIGIN_FILE, bundled_data_dir, local_database_path
from velsen_desk.core.structs import msgspec
from velsen_desk.storage.atomic import write_atomic
from velsen_desk.storage.database import DatabaseError, DatabaseInfo, inspect_database
from velsen_desk.storage.lock import LockedError, UnsafeLockError, directory_lock
from velsen_desk.storage.prebuilt import bundle_hash, bundle_signature, prebuilt_for
from velsen_desk.storage.regular_file import read_bounded

log = logging.getLogger(__name__)



class LocalDatabase(msgspec.Struct, frozen=True):
    info: DatabaseInfo
    origin: str  # "ingebouwd" (bundled) or the share it was synced from


def _origin_path(db_path: Path) -> Path:
    return db_path.parent / ORIGIN_FILE


MAX_ORIGIN_BYTES = 64 * 1024  # a real origin.json is a few hundred bytes


def read_origin(db_path: Path) -> dict[str, str]:
    """Where the local copy came from; {} when unknown. Only text values are kept, and an
    oversized, binary or deeply nested file counts as unknown (it is only ever a hint)."""
    try:
        raw = read_bounded(_origin_path(db_path), MAX_ORIGIN_BYTES)  # a FIFO here must not hang every start
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def write_origin(db_path: Path, origin: dict[str, str]) -> None:
    write_atomic(_origin_path(db_path), json.dumps(origin, ensure_ascii=False, indent=2).encode("utf-8"))


LOCK_WAIT_SECONDS = 120.0  # a sync holding the lock copies and checks a few MB: seconds, not minutes


class _Seen(msgspec.Struct, frozen=True):
    """What the local copy was when it was inspected: it is only replaced if it is still that."""

    info: DatabaseInfo | None
    origin: dict[str, str]
    stamp: tuple[int, int, int, int] | None  # (device, inode, size, mtime_ns); None when absent


def _stamp(path: Path) -> tuple[int, int, int, int] | None:
    try:
        st = path.lstat()
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _look(db_path: Path) -> _Seen:
    stamp = _stamp(db_path)
    origin = read_origin(db_path)
    try:
        info: DatabaseInfo | None = inspect_database(db_path)
    except DatabaseError as exc:
        log.info("no usable local database (%s); building the embedded default", exc)
        info = None
    return _Seen(info, origin, stamp)


def _settled(seen: _Seen, hashed: str | None = None) -> tuple[LocalDatabase | None, str | None]:
    """The local copy when it needs no build: a synced copy, or the bundled build of this bundle;
    and the bundle's fingerprint when it had to be known (not for a synced copy). ``hashed``: the
    fingerprint this start already computed for the same origin, so it is not hashed twice."""
    if seen.info is not None and seen.origin.get("origin") not in (None, "ingebouwd"):
        return LocalDatabase(seen.info, seen.origin["origin"]), None  # a synced copy: keep it
    bundle = hashed or _bundle_of(seen.origin)
    if seen.info is not None and seen.origin.get("bundle_hash") == bundle:
        return LocalDatabase(seen.info, "ingebouwd"), bundle
    return None, bundle


def _remember_signature(db_path: Path, seen: _Seen, bundle: str) -> None:
    """Store the bundled files' signature with the fingerprint they were just hashed to (a copy
    an older version made, or files that got new times), so the next start hashes nothing. Only
    when the lock is free and the copy is still what was seen: a sync's origin is never overwritten."""
    try:
        with directory_lock(db_path.parent):
            if _stamp(db_path) == seen.stamp and read_origin(db_path) == seen.origin:
                write_origin(db_path, {**seen.origin, "bundle_hash": bundle, "bundle_files": bundle_signature()})
    except (LockedError, UnsafeLockError, OSError) as exc:  # only a hint: the next start hashes again
        log.info("bundle signature not stored: %s", exc)


def _bundle_of(origin: dict[str, str]) -> str:
    """The fingerprint of the bundled files: the one stored with the local copy while the files are
    as they were then (their signature), so a usual start hashes nothing; else hashed anew."""
    if (stored := origin.get("bundle_hash")) and origin.get("bundle_files") == bundle_signature():
        return stored
    return bundle_hash()


def ensure_local_database(db_path: Path | None = None) -> LocalDatabase:
    """Return the local database, building the embedded default when needed.

    The build happens under the data directory's lock (the one sync and rollback take), the copy
    is looked at again once the lock is held, and a file that changed since it was looked at is
    never replaced: a synced copy must never give way to the bundled build.
    Raises DatabaseError when there is no usable database and the bundled data cannot be built.
    """
    db_path = db_path or local_database_path()
    seen = _look(db_path)
    settled, bundle = _settled(seen)
    if settled is not None:
        if bundle is not None and seen.origin.get("bundle_files") != bundle_signature():
            _remember_signature(db_path, seen, bundle)
        return settled  # start-up path: no lock, no YAML parsing, no hashing when nothing changed
    try:
        with directory_lock(db_path.parent, wait_seconds=LOCK_WAIT_SECONDS):
            first, seen = seen, _look(db_path)  # a sync may have finished while we waited
            settled, bundle = _settled(seen, bundle if seen.origin == first.origin else None)
            return settled or _build_default(db_path, seen, bundle or bundle_hash())
    except (LockedError, UnsafeLockError, OSError) as exc:
        seen = _look(db_path)
        if seen.info is not None:
            return LocalDatabase(seen.info, seen.origin.get("origin") or "ingebouwd")
        if isinstance(exc, LockedError):
            raise DatabaseError(
                _(
                    "De gegevensmap {parent} is bezet door een synchronisatie in een ander venster van Velsen "
                    "Desk. Probeer het zo opnieuw."
                ).format(parent=db_path.parent)
            ) from exc
        if isinstance(exc, UnsafeLockError):
            raise DatabaseError(str(exc)) from exc
        raise DatabaseError(_build_failed_message(db_path.parent, exc)) from exc


def _build_default(db_path: Path, seen: _Seen, bundle: str) -> LocalDatabase:
    """Build the bundled default beside the local copy and put it in place only if the local copy
    is still exactly what ``seen`` inspected. Called with the directory lock held."""
    prebuilt = prebuilt_for(bundle)
    if prebuilt is not None:
        placed = _place_prebuilt(db_path, seen, bundle, prebuilt)
        if placed is not None:
            return placed
    # Only a first start or new bundled data pays for these imports and the YAML parsing.
    from sqlalchemy.exc import DBAPIError

    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.curation.problems import DataError
    from velsen_desk.storage.build import build_database

    info = seen.info
    try:
        dataset = load_dataset([bundled_data_dir()])
    except DataError as exc:
        if info is not None:
            return LocalDatabase(info, "ingebouwd")
        raise DatabaseError(_("De meegeleverde gegevens zijn onleesbaar: ") + str(exc.problems[0])) from exc
    if info is None or info.data_version != dataset.version():
        staging = db_path.with_name(f".{db_path.name}.{os.getpid()}.build")
        try:
            build_database(dataset, staging)
            if _stamp(db_path) != seen.stamp or read_origin(db_path) != seen.origin:
                # Someone else put a copy in place (a sync without our lock, an older program):
                # theirs stays, ours is dropped.
                staging.unlink(missing_ok=True)
                return _theirs(db_path)
            os.replace(staging, db_path)
        except (OSError, sqlite3.Error, DBAPIError) as exc:  # a full disk reaches SQLite first
            staging.unlink(missing_ok=True)
            if info is not None:
                return LocalDatabase(info, "ingebouwd")
            cause = exc.orig if isinstance(exc, DBAPIError) and isinstance(exc.orig, BaseException) else exc
            raise DatabaseError(_build_failed_message(db_path.parent, cause)) from exc
        info = inspect_database(db_path)
    return _adopted(db_path, info, bundle)


def _adopted(db_path: Path, info: DatabaseInfo, bundle: str) -> LocalDatabase:
    try:
        write_origin(db_path, {"origin": "ingebouwd", "bundle_hash": bundle, "bundle_files": bundle_signature()})
    except OSError as exc:  # only a hint: without it the next start checks the bundle again
        log.warning("origin not written: %s", exc)
    return LocalDatabase(info, "ingebouwd")


def _place_prebuilt(db_path: Path, seen: _Seen, bundle: str, prebuilt: Path) -> LocalDatabase | None:
    """Put the shipped build of this bundle in place (a copy and a quick check instead of parsing
    and building: the first start after an update stays as quick as any other). None when it
    cannot be used; the caller then builds. Called with the directory lock held."""
    staging = db_path.with_name(f".{db_path.name}.{os.getpid()}.prebuilt")
    try:
        shipped = inspect_database(prebuilt)
        if seen.info is not None and seen.info.data_version == shipped.data_version:
            return _adopted(db_path, seen.info, bundle)  # the same data already: only the stamp was missing
        shutil.copyfile(prebuilt, staging)
        checked = inspect_database(staging, check_integrity=True, quick=True)  # a damaged install builds instead
        if _stamp(db_path) != seen.stamp or read_origin(db_path) != seen.origin:
            staging.unlink(missing_ok=True)
            return _theirs(db_path)  # someone else put a copy in place meanwhile: theirs stays
        os.replace(staging, db_path)
        # The same bytes under their new name (a rename, under our lock): not inspected again.
        return _adopted(db_path, msgspec.structs.replace(checked, path=db_path), bundle)
    except (OSError, DatabaseError) as exc:
        staging.unlink(missing_ok=True)
        log.warning("shipped database not used (%s); building the bundled data", exc)
        return None


def _theirs(db_path: Path) -> LocalDatabase:
    """The copy another process put in place while we built; raises DatabaseError if it is unusable."""
    now = _look(db_path)
    if now.info is None:
        raise DatabaseError(_(
            "Het gegevensbestand {db_path} veranderde tijdens het aanmaken en is onbruikbaar. Start Velsen Desk "
            "opnieuw."
        ).format(db_path=db_path))
    return LocalDatabase(now.info, now.origin.get("origin") or "ingebouwd")


def _build_failed_message(folder: Path, exc: BaseException) -> str:
    exc = sqlite_os_error(exc, folder) or exc
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (_(
            "Kan de database niet aanmaken in {folder}: de schijf is vol. Maak ruimte vrij en start Velsen Desk "
            "opnieuw."
        ).format(folder=folder))
    reason = describe_os_error(exc) if isinstance(exc, OSError) else describe_error(exc)
    return _("Kan de database niet aanmaken in {folder}: {reason}.").format(folder=folder, reason=reason)

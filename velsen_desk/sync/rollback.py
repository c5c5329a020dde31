"""Going back to a previous verified version kept in ``versies/`` (Qt-free).

The kept file is copied beside the local copy, and that copy passes the same checks as a sync
(identity, schema version, integrity, the shape this version builds, a data version token)
before one atomic rename puts it in place. The copy it replaces is kept in turn, so a rollback
can be undone the same way. Notes live in their own file and are never touched. A later
automatic sync (at start) leaves away the version the user rolled back from; an explicit sync
brings the newest again.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from velsen_desk.core.i18n import _
from velsen_desk.core.locales import DUTCH, Locale
from velsen_desk.storage.database import DatabaseError, inspect_database
from velsen_desk.storage.local_copy import read_origin, write_origin
from velsen_desk.storage.lock import LockedError, UnsafeLockError, directory_lock
from velsen_desk.storage.shape import shape_problems
from velsen_desk.sync.diff import Change, diff_databases
from velsen_desk.sync.files import sha256_of
from velsen_desk.sync.names import is_version_token
from velsen_desk.sync.sync import (
    LOCK_WAIT_SECONDS,
    SyncError,
    check_paths,
    clean_stale_temporaries,
    keep_previous,
    local_io_message,
    verify_copy,
    versions_dir,
)

_KEPT = re.compile(r"velsen-desk-(\d{8}T\d{6}\d{0,6})-([0-9a-f]{12,64}|onbekend)\.sqlite")


class RollbackError(SyncError):
    """Going back failed or is not possible; the local copy is unchanged. Plain Dutch."""


@dataclass(frozen=True)
class KeptVersion:
    path: Path
    kept_at: dt.datetime  # when it stopped being the local copy (UTC)
    data_version: str | None  # read from the file itself; None when it cannot be read

    @property
    def usable(self) -> bool:
        return self.data_version is not None


@dataclass(frozen=True)
class RollbackResult:
    version: KeptVersion
    previous: Path | None  # where the copy that was replaced is kept now


def kept_versions(local_db: Path) -> list[KeptVersion]:
    """The versions kept in ``versies/``, newest first. Only regular files with our own names
    are listed; a file that does not open as a Velsen Desk database has ``data_version`` None."""
    folder = versions_dir(local_db)
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise RollbackError(local_io_message(exc, folder)) from exc
    versions: list[KeptVersion] = []
    for path in entries:
        match = _KEPT.fullmatch(path.name)
        if match is None or not stat.S_ISREG(path.lstat().st_mode):
            continue
        try:
            stamp = dt.datetime.strptime(match.group(1).ljust(21, "0"), "%Y%m%dT%H%M%S%f").replace(tzinfo=dt.UTC)
        except ValueError:  # an impossible date (month 13): not a name we wrote, skipped like any other
            continue
        try:
            version = inspect_database(path).data_version
        except DatabaseError:
            version = None
        versions.append(KeptVersion(path, stamp, version if is_version_token(version) else None))
    return sorted(versions, key=lambda v: v.path.name, reverse=True)


def choose_version(versions: list[KeptVersion], wanted: str | None) -> KeptVersion:
    """The newest usable version, or the one whose data version (at least 4 characters of its
    start) or file name is ``wanted``. Raises RollbackError."""
    usable = [v for v in versions if v.usable]
    if not usable:
        raise RollbackError(
            _(
                "Er is geen eerdere versie bewaard om naar terug te gaan. Na een synchronisatie die nieuwe "
                "gegevens brengt, wordt de vorige versie bewaard in de map 'versies'."
            )
        )
    if wanted is None:
        return usable[0]
    wanted = wanted.strip()
    matches = [
        v for v in usable
        if v.path.name == wanted or (len(wanted) >= 4 and v.data_version and v.data_version.startswith(wanted))
    ]
    if not matches:
        known = ", ".join(sorted({v.data_version[:12] for v in usable if v.data_version}))
        raise RollbackError(_(
            "Geen bewaarde versie '{wanted}'. Bewaard zijn: {known}."
        ).format(wanted=wanted, known=known))
    if len({v.data_version for v in matches}) > 1:
        raise RollbackError(_(
            "'{wanted}' past op meer dan één bewaarde versie; geef meer tekens op."
        ).format(wanted=wanted))
    return matches[0]  # newest first: of identical versions, the most recently kept


class CurrentCopyUnreadableError(RollbackError):
    """The current copy is missing or unreadable, so there is no change list; the kept version
    itself was checked and can still be put back (that is exactly when going back is needed)."""


def rollback_changes(local_db: Path, version: KeptVersion, locale: Locale = DUTCH) -> list[Change]:
    """What going back would change, item by item (from the current data to the kept version),
    worded in ``locale``.

    Raises CurrentCopyUnreadableError when only the current copy cannot be read: the caller skips
    the change list and may still restore; RollbackError when the kept version cannot be read."""
    try:
        # The shape first: a kept file with a table turned into a recursive view must be refused,
        # not read (reading it would never end).
        inspect_database(version.path, shape_check=shape_problems)
    except DatabaseError as exc:
        raise RollbackError(_("De verschillen konden niet bepaald worden: {exc}").format(exc=exc)) from exc
    try:
        inspect_database(local_db, shape_check=shape_problems)
    except DatabaseError as exc:
        raise CurrentCopyUnreadableError(
            _(
                "De huidige gegevens zijn onleesbaar of ontbreken ({exc}); de lijst met verschillen wordt "
                "overgeslagen. De bewaarde versie kan wel worden teruggezet."
            ).format(exc=exc)
        ) from exc
    try:
        return diff_databases(local_db, version.path, locale)
    except DatabaseError as exc:
        raise RollbackError(_("De verschillen konden niet bepaald worden: {exc}").format(exc=exc)) from exc


def rollback_preview(
    local_db: Path, version: KeptVersion, locale: Locale = DUTCH
) -> tuple[list[Change], str | None]:
    """The change list, or an empty list and the Dutch reason it was skipped (the current copy is
    missing or junk). Raises RollbackError when the kept version itself cannot be read."""
    try:
        return rollback_changes(local_db, version, locale), None
    except CurrentCopyUnreadableError as exc:
        return [], str(exc)


def rollback(local_db: Path, version: KeptVersion) -> RollbackResult:
    """Put ``version`` back as the local copy, after verifying it. Raises RollbackError."""
    check_paths(local_db, version.path)
    if version.path.resolve().parent != versions_dir(local_db).resolve():
        raise RollbackError(_("Alleen een versie uit de map 'versies' kan worden teruggezet."))
    try:
        with directory_lock(local_db.parent, wait_seconds=LOCK_WAIT_SECONDS):
            return _rollback_locked(local_db, version)
    except LockedError as exc:
        raise RollbackError(
            _("Er loopt al een synchronisatie in een ander venster van Velsen Desk. Probeer het zo opnieuw.")
        ) from exc
    except UnsafeLockError as exc:
        raise RollbackError(str(exc)) from exc
    except RollbackError:
        raise
    except SyncError as exc:
        raise RollbackError(str(exc)) from exc
    except OSError as exc:
        raise RollbackError(local_io_message(exc, local_db.parent)) from exc


def _rollback_locked(local_db: Path, version: KeptVersion) -> RollbackResult:
    tmp = local_db.with_name(f".{local_db.name}.{os.getpid()}.rollback")
    clean_stale_temporaries(local_db)
    try:
        # Verify the copy, not the kept file: what is checked is exactly what is put in place.
        shutil.copyfile(version.path, tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        info = verify_copy(tmp, _("De bewaarde gegevens"))
        if not is_version_token(info.data_version):
            raise RollbackError(_("De bewaarde versie heeft geen geldige gegevensversie; zij is niet teruggezet."))
        origin = read_origin(local_db)
        current = _current_version(local_db)
        previous = keep_previous(local_db, current)
        os.replace(tmp, local_db)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    record = {k: v for k, v in origin.items() if isinstance(v, str)}
    declined = record.get("sha256")
    record.update(
        data_version=info.data_version or "",
        sha256=sha256_of(local_db),
        rolled_back_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )
    if declined and declined != record["sha256"]:
        record["declined_sha256"] = declined
    record.setdefault("origin", "ingebouwd")
    write_origin(local_db, record)
    return RollbackResult(KeptVersion(local_db, version.kept_at, info.data_version), previous)


def _current_version(local_db: Path) -> str | None:
    try:
        return inspect_database(local_db).data_version
    except DatabaseError:
        return None

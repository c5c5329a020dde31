"""Sync (every laptop): bring the published database to a verified local copy.

The share is only read. The local copy is replaced by one atomic rename after the new file has
been copied, hashed, and checked; any failure leaves the last good copy in place and open.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from velsen_desk.core.i18n import _
from velsen_desk.core.os_errors import describe_os_error
from velsen_desk.core.paths import VERSIONS_DIR
from velsen_desk.storage.content_check import CHECK_VERSION, check_content
from velsen_desk.storage.database import SCHEMA_VERSION, DatabaseError, DatabaseInfo, inspect_database
from velsen_desk.storage.local_copy import read_origin, write_origin
from velsen_desk.storage.lock import LockedError, UnsafeLockError, directory_lock
from velsen_desk.storage.regular_file import SpecialFileError, TooLargeError
from velsen_desk.storage.shape import shape_problems
from velsen_desk.sync.files import Progress, copy_with_hash
from velsen_desk.sync.manifest import Manifest, ManifestError
from velsen_desk.sync.names import is_version_token

log = logging.getLogger(__name__)

KEEP_LOCAL_VERSIONS = 3
# The lock's other holders (a first-start build of the bundled data, a rollback) take seconds:
# wait for them rather than refuse a sync the user just asked for.
LOCK_WAIT_SECONDS = 10.0


class SyncError(Exception):
    """Sync failed; the local copy is unchanged. The message says what happened and what to do."""


@dataclass(frozen=True)
class SyncResult:
    changed: bool
    manifest: Manifest
    previous: Path | None  # the copy that was replaced (in the versions folder), for "wat is er veranderd"
    held_back: bool = False  # automatic sync: the user rolled back from this very version, so it stays away


def versions_dir(local_db: Path) -> Path:
    return local_db.parent / VERSIONS_DIR


def kept_name(data_version: str | None) -> str:
    """The name of a kept version: a timestamp and the version token, never other data."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    token = data_version if is_version_token(data_version) else "onbekend"
    return f"velsen-desk-{stamp}-{token}.sqlite"


def keep_previous(local_db: Path, data_version: str | None) -> Path | None:
    """Keep the current local copy in the versions folder (newest few only). Raises OSError."""
    if not local_db.exists():
        return None
    folder = versions_dir(local_db)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        # pruning through a link would delete files named like ours in another folder (the share)
        raise SyncError(_(
            "De map met vorige versies ({folder}) is geen gewone map (een koppeling of bestand). Verwijder of "
            "hernoem haar; u werkt verder met uw lokale kopie."
        ).format(folder=folder))
    folder.mkdir(exist_ok=True)
    kept = folder / kept_name(data_version)
    try:
        # A second name for the same file: free, and the replace that follows swaps only the
        # local name, so the kept version is exactly the copy the user had.
        os.link(local_db, kept)
    except OSError:
        shutil.copy2(local_db, kept)
    for old in sorted(folder.glob("velsen-desk-*.sqlite"))[:-KEEP_LOCAL_VERSIONS]:
        old.unlink(missing_ok=True)
    return kept


STALE_AFTER_SECONDS = 3600.0


def _pid_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # EPERM: it exists, owned by someone else
        return True
    return True


def clean_stale_temporaries(local_db: Path) -> None:
    """A sync, rollback or first-start build killed midway leaves a temporary file; it is never the
    data, so remove it. Called with the directory lock held: a ``.sync`` file is always stale then; a
    ``.rollback`` or ``.build`` file only when its process is gone or it is more than an hour old,
    and so are the build's own working files beside its ``.build`` file
    (``..<name>.<pid>.build.<random>.tmp``, with ``.werk`` or ``-journal`` after it: the scratch
    copy is as large as the database)."""
    folder = local_db.parent
    for stale in folder.glob(f".{local_db.name}.*.sync"):
        stale.unlink(missing_ok=True)
    for kind in ("rollback", "build"):
        for stale in folder.glob(f".{local_db.name}.*.{kind}"):
            _remove_if_stale(stale, stale.name[len(local_db.name) + 2:-len(kind) - 1])
    for stale in folder.glob(f"..{local_db.name}.*.build.*.tmp*"):
        _remove_if_stale(stale, stale.name[len(local_db.name) + 3:].split(".", 1)[0])


def _remove_if_stale(stale: Path, pid_text: str) -> None:
    try:
        old = dt.datetime.now().timestamp() - stale.lstat().st_mtime > STALE_AFTER_SECONDS
    except OSError:
        return
    gone = pid_text.isdigit() and not _pid_running(int(pid_text))
    if gone or old:
        stale.unlink(missing_ok=True)


def _readable(local_db: Path) -> bool:
    try:
        inspect_database(local_db)
    except DatabaseError:
        return False
    return True


def local_copy_matches(local_db: Path, manifest: Manifest) -> bool:
    """Whether the local copy really is the published version: its size, header (a Velsen Desk
    database) and data version. origin.json alone is only a hint: the file may have been damaged."""
    try:
        if local_db.stat().st_size != manifest.size:
            return False
        return inspect_database(local_db).data_version == manifest.data_version
    except (OSError, DatabaseError):
        return False


def local_io_message(exc: OSError, folder: Path) -> str:
    """A failure of the local data folder, in Dutch; the last good copy is always still there."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (_(
            "De schijf is vol (uw gegevensmap {folder}). Maak ruimte vrij; u werkt verder met uw lokale kopie."
        ).format(folder=folder))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (_(
            "Uw gegevensmap {folder} is alleen-lezen of niet toegankelijk ({cause}). U werkt verder met uw "
            "lokale kopie."
        ).format(folder=folder, cause=describe_os_error(exc)))
    return (_(
        "Schrijven in uw gegevensmap {folder} mislukt ({cause}). U werkt verder met uw lokale kopie."
    ).format(folder=folder, cause=describe_os_error(exc)))


def space_text(size: int, *, up: bool) -> str:
    """Bytes as MB with one decimal (Dutch comma), rounded up for a need and down for what is free,
    so "nodig" is never less than the real need and "vrij" never more than what is there."""
    tenths = -(-size // 100_000) if up else size // 100_000
    return f"{tenths // 10},{tenths % 10} MB"


def check_paths(*paths: Path) -> None:
    """A NUL in a configured or given path is refused with a message, not a crash."""
    for path in paths:
        if "\0" in str(path):
            raise SyncError(
                _(
                    "Het pad {value!r} bevat een NUL-teken en is ongeldig. Kies de map opnieuw via Instellingen."
                ).format(value=str(path).replace(chr(0), '␀'))
            )


def sync(share: Path, local_db: Path, progress: Progress | None = None, *, automatic: bool = False) -> SyncResult:
    """Bring the published version to ``local_db``. Raises SyncError (plain Dutch) for every failure;
    the last good copy then stays in place. ``automatic`` (the window's start) keeps away the
    version the user explicitly rolled back from."""
    check_paths(share, local_db)
    try:
        with directory_lock(local_db.parent, wait_seconds=LOCK_WAIT_SECONDS):
            return _sync_locked(share, local_db, progress, automatic)
    except LockedError as exc:
        raise SyncError(
            _("Er loopt al een synchronisatie in een ander venster van Velsen Desk. Probeer het zo opnieuw.")
        ) from exc
    except UnsafeLockError as exc:
        raise SyncError(str(exc)) from exc
    except OSError as exc:  # the local folder (lock file, versions, origin): never the share, that is handled inside
        raise SyncError(local_io_message(exc, local_db.parent)) from exc


def read_manifest(share: Path) -> Manifest:
    """The manifest on the share, or SyncError with what happened and what to do."""
    try:
        return Manifest.read(share)
    except FileNotFoundError as exc:
        if share.is_dir():
            raise SyncError(
                _(
                    "In {share} staat nog geen gepubliceerde versie van de griffie. U werkt verder met uw lokale "
                    "kopie; vraag de griffie om te publiceren."
                ).format(share=share)
            ) from exc
        raise SyncError(
            _(
                "De gedeelde map {share} is niet bereikbaar. U werkt verder met uw lokale kopie; synchroniseer "
                "opnieuw wanneer u weer verbinding hebt."
            ).format(share=share)
        ) from exc
    except OSError as exc:
        raise SyncError(
            _(
                "De gedeelde map {share} is niet leesbaar ({cause}). U werkt verder met uw lokale kopie."
            ).format(share=share, cause=describe_os_error(exc))
        ) from exc
    except ManifestError as exc:
        raise SyncError(_(
            "Het manifest in {share} is onbruikbaar ({exc}). Meld dit bij de griffie."
        ).format(share=share, exc=exc)) from exc


def _sync_locked(share: Path, local_db: Path, progress: Progress | None, automatic: bool) -> SyncResult:
    manifest = read_manifest(share)
    origin = read_origin(local_db)
    if (
        origin.get("sha256") == manifest.sha256
        and origin.get("data_version") == manifest.data_version
        and local_copy_matches(local_db, manifest)
    ):
        return SyncResult(False, manifest, None)  # fast path: nothing to hash or copy
    if automatic and origin.get("declined_sha256") == manifest.sha256 and _readable(local_db):
        return SyncResult(False, manifest, None, held_back=True)

    if manifest.schema_version > SCHEMA_VERSION:
        # The schema number is jargon to a raadslid: it goes to the log, the sentence says what to do.
        log.info("published schema %s, this version reads %s", manifest.schema_version, SCHEMA_VERSION)
        raise SyncError(
            _(
                "De gepubliceerde gegevens vragen een nieuwere versie van Velsen Desk. Werk Velsen Desk bij; "
                "u werkt verder met uw lokale kopie."
            )
        )
    if manifest.schema_version < SCHEMA_VERSION:
        raise SyncError(
            "De gepubliceerde gegevens zijn gemaakt met een oudere versie van Velsen Desk "
            f"(schema {manifest.schema_version}, deze versie verwacht {SCHEMA_VERSION}). Vraag de griffie de "
            "gegevens opnieuw te publiceren met deze versie; u werkt verder met uw lokale kopie."
        )
    source = share / manifest.file  # a validated plain name: never a path of the share's choosing
    try:
        before = source.stat()
    except OSError as exc:
        raise SyncError(
            _(
                "Het gepubliceerde bestand {file} ontbreekt in {share} (mogelijk nog onderweg). Probeer het "
                "later opnieuw; u werkt verder met uw lokale kopie."
            ).format(file=manifest.file, share=share)
        ) from exc
    local_db.parent.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(local_db.parent).free
    needed = manifest.size * 2  # the new copy plus a kept previous version
    if free < needed:
        raise SyncError(
            _(
                "Te weinig vrije schijfruimte voor de nieuwe gegevens ({needed} nodig, {free} vrij). Maak ruimte "
                "vrij; u werkt verder met uw lokale kopie."
            ).format(needed=space_text(needed, up=True), free=space_text(free, up=False))
        )

    tmp = local_db.with_name(f".{local_db.name}.{os.getpid()}.sync")
    try:
        clean_stale_temporaries(local_db)
        digest = copy_with_hash(source, tmp, manifest.size, progress)
        after = source.stat()
        if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
            raise SyncError(_("Het bestand op de gedeelde map veranderde tijdens het kopiëren. Probeer het opnieuw."))
        if tmp.stat().st_size != manifest.size:
            raise SyncError(
                _(
                    "Het gekopieerde bestand is onvolledig (grootte klopt niet met het manifest). Probeer het "
                    "opnieuw; u werkt verder met uw lokale kopie."
                )
            )
        if digest != manifest.sha256:
            raise SyncError(
                _(
                    "De controlesom van het gekopieerde bestand klopt niet met het manifest: het bestand is "
                    "beschadigd of werd tijdens het kopiëren vervangen. U werkt verder met uw lokale kopie."
                )
            )
        info = verify_copy(tmp, _("De gepubliceerde gegevens"),
                           checked_at_publish=manifest.content_check == CHECK_VERSION)
        if info.data_version != manifest.data_version:
            raise SyncError(_("De gegevensversie in het bestand verschilt van het manifest. Meld dit bij de griffie."))
        previous = keep_previous(local_db, origin.get("data_version"))
        os.replace(tmp, local_db)
    except SyncError:
        tmp.unlink(missing_ok=True)
        raise
    except SpecialFileError as exc:
        tmp.unlink(missing_ok=True)
        raise SyncError(
            _(
                "Het gepubliceerde bestand {file} is geen gewoon bestand (apparaat, pijp of map) en is niet "
                "gelezen. Meld dit bij de griffie; u werkt verder met uw lokale kopie."
            ).format(file=manifest.file)
        ) from exc
    except TooLargeError as exc:
        tmp.unlink(missing_ok=True)
        raise SyncError(
            _(
                "Het gepubliceerde bestand {file} is groter dan het manifest belooft; er is niet verder gelezen. "
                "Meld dit bij de griffie; u werkt verder met uw lokale kopie."
            ).format(file=manifest.file)
        ) from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS) or (
            exc.filename is not None and Path(str(exc.filename)).parent == local_db.parent
        ):
            raise SyncError(local_io_message(exc, local_db.parent)) from exc
        raise SyncError(
            _(
                "Kopiëren vanaf {share} mislukt ({cause}). U werkt verder met uw lokale kopie."
            ).format(share=share, cause=describe_os_error(exc))
        ) from exc

    try:
        write_origin(
            local_db,
            {
                "origin": str(share.absolute()),
                "sha256": manifest.sha256,
                "data_version": manifest.data_version,
                "published_at": manifest.published_at,
                "published_by": manifest.published_by,
                "synced_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            },
        )
    except OSError as exc:  # the new copy is in place; without origin the next sync simply copies again
        log.warning("origin not written: %s", exc)
    return SyncResult(True, manifest, previous)


def verify_copy(path: Path, what: str, *, checked_at_publish: bool = False) -> DatabaseInfo:
    """The checks a file passes before it may replace the local copy: identity, schema version,
    integrity (quick), the shape this version builds, and its content read as the application
    reads it (:mod:`velsen_desk.storage.content_check`; ``path`` must be a private copy). Raises SyncError.

    ``checked_at_publish``: the caller has proven that ``path`` holds exactly the bytes a
    manifest names (its size and SHA-256), and that manifest records that publish ran this
    version's content check on those bytes (after its full ``integrity_check``). The content
    check reads nothing but the file, so on the same bytes it gives the same answer: running it
    again (a scan of every column and FTS5's re-tokenising ``integrity-check``, ~6x the copy at
    100x the bundled data) proves nothing new, and it is skipped. What still runs here is what
    the bytes cannot have proven to the publisher about this laptop: that the file opens as a
    database here (``quick_check`` over every page, so a copy damaged between the hash and the
    open is refused), that it is a Velsen Desk file (application id) of the schema and shape
    this version reads. The claim is as trustworthy as the manifest itself, which already
    decides which bytes are the data: a manifest without it (written by hand, by an older
    publish, or naming other rules) gets the full check, as does every rollback."""
    try:
        info = inspect_database(path, check_integrity=True, quick=True, shape_check=shape_problems)
        if not checked_at_publish:
            check_content(path)
        return info
    except DatabaseError as exc:
        raise SyncError(_(
            "{what} zijn onbruikbaar: {exc} U werkt verder met uw lokale kopie."
        ).format(what=what, exc=exc)) from exc

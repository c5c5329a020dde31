"""Sync (every laptop): bring the published database to a verified local copy.

The share is only read. The local copy is replaced by one atomic rename after the new file has
been copied, hashed, and checked; any failure leaves the last good copy in place and open.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from velsen_desk.storage.database import SCHEMA_VERSION, DatabaseError, inspect_database
from velsen_desk.storage.local_copy import read_origin, write_origin
from velsen_desk.sync.files import LockedError, Progress, copy_with_hash, directory_lock
from velsen_desk.sync.manifest import Manifest, ManifestError

KEEP_LOCAL_VERSIONS = 3
VERSIONS_DIR = "versies"


class SyncError(Exception):
    """Sync failed; the local copy is unchanged. The message says what happened and what to do."""


@dataclass(frozen=True)
class SyncResult:
    changed: bool
    manifest: Manifest
    previous: Path | None  # the copy that was replaced (in the versions folder), for "wat is er veranderd"


def versions_dir(local_db: Path) -> Path:
    return local_db.parent / VERSIONS_DIR


def _keep_previous(local_db: Path, data_version: str | None) -> Path | None:
    if not local_db.exists():
        return None
    folder = versions_dir(local_db)
    folder.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    kept = folder / f"velsen-desk-{stamp}-{data_version or 'onbekend'}.sqlite"
    try:
        # A second name for the same file: free, and the replace that follows swaps only the
        # local name, so the kept version is exactly the copy the user had.
        os.link(local_db, kept)
    except OSError:
        shutil.copy2(local_db, kept)
    for old in sorted(folder.glob("velsen-desk-*.sqlite"))[:-KEEP_LOCAL_VERSIONS]:
        old.unlink(missing_ok=True)
    return kept


def _clean_stale_temporaries(local_db: Path) -> None:
    """A sync killed mid-copy leaves a temporary file; it is never the data, so remove it."""
    for stale in local_db.parent.glob(f".{local_db.name}.*.sync"):
        stale.unlink(missing_ok=True)


def sync(share: Path, local_db: Path, progress: Progress | None = None) -> SyncResult:
    try:
        with directory_lock(local_db.parent):
            return _sync_locked(share, local_db, progress)
    except LockedError as exc:
        raise SyncError(
            "Er loopt al een synchronisatie in een ander venster van Velsen Desk. Probeer het zo opnieuw."
        ) from exc


def _sync_locked(share: Path, local_db: Path, progress: Progress | None) -> SyncResult:
    try:
        manifest = Manifest.read(share)
    except FileNotFoundError as exc:
        if share.is_dir():
            raise SyncError(
                f"In {share} staat nog geen gepubliceerde versie (geen manifest). "
                "U werkt verder met uw lokale kopie; vraag de griffie om te publiceren."
            ) from exc
        raise SyncError(
            f"De gedeelde map {share} is niet bereikbaar. U werkt verder met uw lokale kopie; "
            "synchroniseer opnieuw wanneer u weer verbinding hebt."
        ) from exc
    except OSError as exc:
        raise SyncError(
            f"De gedeelde map {share} is niet leesbaar ({exc.strerror}). U werkt verder met uw lokale kopie."
        ) from exc
    except ManifestError as exc:
        raise SyncError(f"Het manifest in {share} is onbruikbaar ({exc}). Meld dit bij de griffie.") from exc

    origin = read_origin(local_db)
    if (
        local_db.exists()
        and origin.get("sha256") == manifest.sha256
        and origin.get("data_version") == manifest.data_version
    ):
        return SyncResult(False, manifest, None)  # fast path: nothing to hash or copy

    if manifest.schema_version > SCHEMA_VERSION:
        raise SyncError(
            "De gepubliceerde gegevens vragen een nieuwere versie van Velsen Desk "
            f"(schema {manifest.schema_version}). Werk Velsen Desk bij; u werkt verder met uw lokale kopie."
        )
    source = share / manifest.file
    try:
        before = source.stat()
    except OSError as exc:
        raise SyncError(
            f"Het gepubliceerde bestand {manifest.file} ontbreekt in {share} (mogelijk nog onderweg). "
            "Probeer het later opnieuw; u werkt verder met uw lokale kopie."
        ) from exc
    local_db.parent.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(local_db.parent).free
    if free < manifest.size * 2:  # the new copy plus a kept previous version
        raise SyncError(
            f"Te weinig vrije schijfruimte voor de nieuwe gegevens ({manifest.size // 1_000_000 + 1} MB nodig). "
            "Maak ruimte vrij; u werkt verder met uw lokale kopie."
        )

    _clean_stale_temporaries(local_db)
    tmp = local_db.with_name(f".{local_db.name}.{os.getpid()}.sync")
    try:
        digest = copy_with_hash(source, tmp, manifest.size, progress)
        after = source.stat()
        if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
            raise SyncError("Het bestand op de gedeelde map veranderde tijdens het kopiëren. Probeer het opnieuw.")
        if tmp.stat().st_size != manifest.size:
            raise SyncError(
                "Het gekopieerde bestand is onvolledig (grootte klopt niet met het manifest). "
                "Probeer het opnieuw; u werkt verder met uw lokale kopie."
            )
        if digest != manifest.sha256:
            raise SyncError(
                "De controlesom van het gekopieerde bestand klopt niet met het manifest: het bestand is "
                "beschadigd of werd tijdens het kopiëren vervangen. U werkt verder met uw lokale kopie."
            )
        try:
            info = inspect_database(tmp, check_integrity=True, quick=True)
        except DatabaseError as exc:
            raise SyncError(
                f"De gepubliceerde gegevens zijn onbruikbaar: {exc} U werkt verder met uw lokale kopie."
            ) from exc
        if info.data_version != manifest.data_version:
            raise SyncError("De gegevensversie in het bestand verschilt van het manifest. Meld dit bij de griffie.")
        previous = _keep_previous(local_db, origin.get("data_version"))
        os.replace(tmp, local_db)
    except SyncError:
        tmp.unlink(missing_ok=True)
        raise
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == 28:  # ENOSPC
            raise SyncError(
                "De schijf is vol geraakt tijdens het kopiëren. U werkt verder met uw lokale kopie."
            ) from exc
        raise SyncError(
            f"Kopiëren vanaf {share} mislukt ({exc.strerror or exc}). U werkt verder met uw lokale kopie."
        ) from exc

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
    return SyncResult(True, manifest, previous)

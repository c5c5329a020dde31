"""Publish (griffie): put a verified snapshot of a database on the share.

Order of writes, so a reader on the share never sees a half-written file or a manifest that
points at the wrong content: (1) snapshot to a temporary name, (2) verify and fsync it,
(3) rename to a new versioned name, (4) replace the manifest atomically. Old versions beyond
the last few are removed only after the manifest points at the new one.
"""

from __future__ import annotations

import datetime as dt
import getpass
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from velsen_desk.core.i18n import _
from velsen_desk.core.os_errors import describe_error
from velsen_desk.storage.content_check import CHECK_VERSION, check_content
from velsen_desk.storage.database import SCHEMA_VERSION, DatabaseError, inspect_database
from velsen_desk.storage.shape import shape_problems
from velsen_desk.sync.files import sha256_of
from velsen_desk.sync.manifest import MANIFEST_NAME, Manifest, ManifestError
from velsen_desk.sync.names import InvalidNameError, version_token

log = logging.getLogger(__name__)

KEEP_ON_SHARE = 3
FILE_PREFIX = "velsen-desk-"
STALE_TMP_SECONDS = 3600.0  # a publish takes seconds; an older temporary is from a killed run


class PublishError(Exception):
    """Publishing failed; the share is as it was. The message is plain Dutch."""


@dataclass(frozen=True)
class PublishResult:
    manifest: Manifest
    path: Path


def snapshot_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (a plain copy can miss the WAL)."""
    src = sqlite3.connect(f"file:{quote(str(source.resolve()))}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        # A backup of a WAL database keeps the WAL flag; readers on a share must not use WAL.
        dst.execute("PRAGMA journal_mode=DELETE")
        dst.commit()
    finally:
        dst.close()
        src.close()


def publish(database: Path, share: Path, *, published_by: str | None = None) -> PublishResult:
    """Raises PublishError (plain Dutch) for every failure; the share is then as it was."""
    for path, what in ((database, _("het databasepad")), (share, _("het pad van de gedeelde map"))):
        if "\0" in str(path):
            raise PublishError(_("Niet gepubliceerd: {what} bevat een NUL-teken.").format(what=what))
    try:
        info = inspect_database(database, check_integrity=True, shape_check=shape_problems)
    except DatabaseError as exc:
        raise PublishError(_("Niet gepubliceerd: {exc}").format(exc=exc)) from exc
    if info.schema_version != SCHEMA_VERSION:
        raise PublishError(_(
            "Niet gepubliceerd: schema {schema_version} wordt niet ondersteund."
        ).format(schema_version=info.schema_version))
    try:
        # The file name is built from this token only: a version with "/" or ".." never becomes a path.
        version = version_token(info.data_version, f"{database}")
    except InvalidNameError as exc:
        raise PublishError(_("Niet gepubliceerd: {exc}").format(exc=exc)) from exc
    if not share.is_dir():
        raise PublishError(_("De gedeelde map {share} is niet bereikbaar.").format(share=share))
    by = published_by if published_by is not None else getpass.getuser()
    if len(by) > 200 or any(ord(c) < 32 for c in by):
        raise PublishError(_("Niet gepubliceerd: de naam van de publicerende gebruiker is ongeldig."))

    stamp = dt.datetime.now(dt.UTC)
    name = f"{FILE_PREFIX}{version}-{stamp:%Y%m%dT%H%M%S%fZ}.sqlite"
    tmp = share / f".{name}.tmp"
    final = share / name
    try:
        snapshot_database(database, tmp)
        inspect_database(tmp, check_integrity=True, shape_check=shape_problems)
        check_content(tmp)  # the snapshot is ours: what every laptop will read must read
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        manifest = Manifest(
            file=name,
            data_version=version,
            schema_version=info.schema_version,
            size=tmp.stat().st_size,
            sha256=sha256_of(tmp),
            published_at=stamp.isoformat(timespec="seconds"),
            published_by=by,
            content_check=CHECK_VERSION,  # ran above, on exactly the bytes sha256 names
        )
        os.replace(tmp, final)
        manifest.write(share)
    except DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        raise PublishError(_(
            "Publiceren naar {share} mislukt: {exc} De gedeelde map is ongewijzigd."
        ).format(share=share, exc=exc)) from exc
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise PublishError(
            _(
                "Publiceren naar {share} mislukt ({cause}). De gedeelde map is ongewijzigd."
            ).format(share=share, cause=describe_error(exc))
        ) from exc
    _clean_stale_temporaries(share, keep=tmp.name)
    try:
        _prune(share, keep=name)
    except OSError as exc:  # published already; an old file left on the share is harmless
        log.warning("old published files not pruned: %s", exc)
    return PublishResult(manifest, final)


def _clean_stale_temporaries(share: Path, keep: str) -> None:
    """Remove temporaries left on the share by a killed publish. Only old ones: another griffie
    laptop may be publishing right now (its process id means nothing here)."""
    now = dt.datetime.now().timestamp()
    for stale in share.glob(f".{FILE_PREFIX}*Z.sqlite.tmp"):
        try:
            if stale.name != keep and now - stale.lstat().st_mtime > STALE_TMP_SECONDS:
                stale.unlink()
        except OSError as exc:  # harmless leftover; the publish itself succeeded
            log.warning("stale temporary not removed: %s", exc)


def _prune(share: Path, keep: str) -> None:
    """Remove old published files beyond the last few; never the one the manifest names."""
    try:
        current = Manifest.read(share).file
    except (OSError, ManifestError):
        return
    published = sorted(
        (p for p in share.glob(f"{FILE_PREFIX}*.sqlite") if p.name != MANIFEST_NAME),
        key=lambda p: p.name.rsplit("-", 1)[-1],
    )
    for old in published[:-KEEP_ON_SHARE]:
        if old.name not in (current, keep):
            old.unlink(missing_ok=True)

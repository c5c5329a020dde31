"""The database of a validated data set, built while ``validate`` checks it, for ``build-db`` next.

At 100x the bundled data, ``build-db`` after ``validate`` spent ~4.5 s reading the kept
validation back and building the file, while during ``validate`` one core sat idle through the
checks. So ``validate`` on a large data set forks a helper once the files are parsed and merged:
it builds the database with :func:`build.build_database` (the same function ``build-db`` runs,
so the same bytes) into a private folder, while this process runs the checks. If the checks find
a problem the helper is stopped and its file removed; only a data set without problems keeps its
file, under a key over the validation's key (every data file, source file and the checking code)
and the building code (this package, SQLAlchemy and SQLite). ``build-db`` with the same key copies
that file into place atomically instead of building it again; any other ``build-db`` builds.

Entries live beside the kept validations in the user's cache folder (owner-only; only a regular
file of our own is used); the newest :data:`KEEP` are kept, as a file is ~66 MB at 100x.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
import secrets
import shutil
import sqlite3
import stat
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from velsen_desk.storage.digests import copy_with_digest, sha256_of
from velsen_desk.storage.regular_file import read_bounded

if TYPE_CHECKING:  # copying a kept build loads neither the schema nor SQLAlchemy
    from velsen_desk.curation.loader import DataSet

_log = logging.getLogger(__name__)

KEEP = 2
_SUFFIX = ".sqlite"


def _building_fingerprint() -> bytes:
    """What decides the bytes of a built file besides the records: this package's code, SQLAlchemy's
    version and SQLite's."""
    digest = hashlib.sha256(f"sqlite={sqlite3.sqlite_version}".encode())
    try:
        digest.update(f"sqlalchemy={metadata.version('SQLAlchemy')}".encode())
    except metadata.PackageNotFoundError:
        digest.update(b"sqlalchemy=-")
    package = Path(__file__).resolve().parent
    for path in sorted([*package.glob("*.py"), *package.glob("tables/*.py")]):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.digest()


def kept_path(folder: Path, validation_key: str) -> Path:
    """Where the database of the validation with this key is kept."""
    digest = hashlib.sha256(validation_key.encode())
    digest.update(_building_fingerprint())
    return folder / f"{digest.hexdigest()}{_SUFFIX}"


def start(folder: Path, validation_key: str, dataset: DataSet) -> Callable[[str | None], None]:
    """Fork a helper that builds ``dataset``'s database; call the returned function with the
    data version the validation computed when it found no problems (the helper writes it into the
    file and the file is kept), or with None (the helper is stopped and its file removed).
    Only a process without other threads may call this (it forks)."""
    from velsen_desk.storage.build import build_database

    target = kept_path(folder, validation_key)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        work = Path(tempfile.mkdtemp(dir=folder, prefix=".bouw-"))  # mode 0700
    except OSError as exc:
        _log.info("database niet vooraf gebouwd in %s: %s", folder, exc)
        return _nothing
    built = work / "gegevens.sqlite"
    # the validation's version, sent once its checks pass: the helper would otherwise hash every
    # record again, on the path both processes finish by
    version_in, version_out = multiprocessing.get_context("fork").Pipe(duplex=False)

    def build() -> None:  # in the helper: never returns, never prints, never flushes our buffers
        code = 1
        try:
            version_out.close()
            build_database(dataset, built, version_of=lambda: _received_version(version_in), in_memory=True)
            _checksum_file(built).write_text(sha256_of(built), encoding="ascii")
            code = 0
        finally:
            os._exit(code)

    helper = multiprocessing.get_context("fork").Process(target=build, daemon=True)
    # the records so far are left out of the helper's collections: traversing them would touch,
    # and so copy, every page the two processes share
    gc.freeze()
    try:
        helper.start()
    except OSError as exc:  # no fork (a process limit): build-db builds, the validation goes on
        _log.info("database niet vooraf gebouwd: %s", exc)
        shutil.rmtree(work, ignore_errors=True)
        version_in.close()
        version_out.close()
        return _nothing
    finally:
        gc.unfreeze()
    version_in.close()

    def finish(version: str | None) -> None:
        valid = version is not None
        try:
            if valid:
                try:
                    version_out.send(version)
                except OSError:  # the helper is gone already (its build failed): nothing to keep
                    _log.info("database niet vooraf gebouwd: de hulp stopte voor de gegevensversie kwam")
                    valid = False
            if not valid:
                helper.kill()
            version_out.close()
            helper.join()
            if valid and helper.exitcode == 0:
                os.chmod(built, 0o600)  # the cache is the owner's alone, as the kept validations
                os.chmod(_checksum_file(built), 0o600)
                os.replace(_checksum_file(built), _checksum_file(target))
                os.replace(built, target)
                _prune(folder)
            elif valid:
                _log.info("database niet vooraf gebouwd: de hulp stopte met status %s", helper.exitcode)
        except OSError as exc:
            _log.info("vooraf gebouwde database niet bewaard in %s: %s", folder, exc)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    return finish


def _nothing(_version: str | None) -> None:
    return None


def _received_version(connection: Connection) -> str:
    """In the helper: the version the validation sends. Raises ``EOFError`` (the build fails,
    nothing is kept) when the validation ended without sending one."""
    version = connection.recv()
    if not isinstance(version, str):
        raise TypeError(version)
    return version


def _checksum_file(database: Path) -> Path:
    """The SHA-256 of a kept file, written by the helper that built it: a file damaged since (a
    crash of the disk or the machine, a bit gone wrong) is never copied as a built database."""
    return database.with_name(database.name + ".sha256")



def copy_kept(folder: Path, validation_key: str, out: Path) -> str | None:
    """Put the kept database of this validation at ``out`` (atomically) and return its data
    version; None when there is none of our own (then the caller builds). Raises ``OSError`` when
    ``out`` cannot be written."""
    source = kept_path(folder, validation_key)
    try:
        info = source.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            return None
        with sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
        db.close()
    except (OSError, sqlite3.Error) as exc:
        if not isinstance(exc, FileNotFoundError):
            _log.info("vooraf gebouwde database %s niet gebruikt: %s", source, exc)
        return None
    if row is None or not isinstance(row[0], str):
        return None
    try:
        expected = read_bounded(_checksum_file(source), 128).decode("ascii").strip()
    except (OSError, UnicodeError) as exc:
        _log.info("vooraf gebouwde database %s niet gebruikt (geen controlesom): %s", source, exc)
        return None
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")  # made anew ("xb"), never followed
    try:
        try:
            copied = copy_with_digest(source, temporary, durable=True)  # the bytes as copied, read once
        except FileNotFoundError:
            if source.exists():
                raise
            # pruned (or found damaged) by another validate or build-db since its version was read
            _log.info("vooraf gebouwde database %s is intussen verwijderd; de database wordt gebouwd", source)
            temporary.unlink(missing_ok=True)
            return None
        if copied != expected:
            _log.warning("vooraf gebouwde database %s is beschadigd; de database wordt opnieuw gebouwd", source)
            temporary.unlink(missing_ok=True)
            source.unlink(missing_ok=True)
            return None
        os.chmod(temporary, 0o644 & ~_umask())  # as SQLite creates a built file
        os.replace(temporary, out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return row[0]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# A helper's folder this old belongs to a validate that was killed outright (no finish ran).
_STALE_SECONDS = 24 * 3600


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob(f"*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
        _checksum_file(old).unlink(missing_ok=True)
    for checksum in folder.glob(f"*{_SUFFIX}.sha256"):  # of a file pruned or found damaged
        if not checksum.with_name(checksum.name.removesuffix(".sha256")).exists():
            checksum.unlink(missing_ok=True)
    now = time.time()
    for work in folder.glob(".bouw-*"):
        if work.is_dir() and not work.is_symlink() and now - work.stat().st_mtime > _STALE_SECONDS:
            shutil.rmtree(work, ignore_errors=True)

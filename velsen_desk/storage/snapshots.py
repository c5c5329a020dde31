"""A cache of what the read services returned for one exact database file.

Reading a programme through the ORM costs ~0.7 s on a cold start, most of it importing
SQLAlchemy. The window reads the same immutable local file start after start, so the result is
stored once and read back in milliseconds. A snapshot is only used for the very same bytes
(SHA-256 of the database) read by the very same reading code (a fingerprint of the modules that
shape the records); anything else is a miss and the ORM is asked again. A snapshot that cannot
be read is deleted and counts as a miss: the cache never changes what the user sees.

msgspec stores the frozen dataclasses as MessagePack and checks every field's type on the way
back, so a file can neither run code (as pickle could) nor smuggle in a malformed record.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import sys
import threading
from pathlib import Path
from typing import TypeVar

import msgspec

import velsen_desk
from velsen_desk.storage.atomic import write_atomic

log = logging.getLogger(__name__)

T = TypeVar("T")

# Bump when the encoding itself changes; changes to the record modules are picked up by hashing them.
SNAPSHOT_FORMAT = 1
_SHAPING_MODULES = (
    "core/records.py", "core/money.py", "core/planning.py", "storage/queries.py", "storage/strategic_agenda.py",
    "storage/tables",
)
_SUFFIX = ".msgpack"


@functools.cache  # the code does not change while the process runs
def _code_fingerprint() -> str:
    package = Path(velsen_desk.__file__).parent
    digest = hashlib.sha256(f"{SNAPSHOT_FORMAT}:{velsen_desk.__version__}".encode())
    if getattr(sys, "frozen", False):  # an installed build: no sources; the executable is the code
        stat = Path(sys.executable).stat()
        digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
        return digest.hexdigest()
    for name in _SHAPING_MODULES:
        target = package / name
        files = sorted(target.glob("*.py")) if target.is_dir() else [target]
        for path in files:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def database_key(db_path: Path) -> str:
    """Identifies the database's bytes and the reading code.

    Hashing the bundled ~1 MB file takes ~1 ms, a large published one longer; within a process
    the hash is kept for as long as the file's identity (inode, size, modification time) stays
    the same. Velsen Desk never changes a database in place: a sync replaces the file.
    """
    stat = db_path.stat()
    identity = (str(db_path.resolve()), stat.st_ino, stat.st_size, stat.st_mtime_ns)
    with _file_hashes_lock:
        file_hash = _file_hashes.get(identity)
    if file_hash is None:
        with open(db_path, "rb") as handle:
            file_hash = hashlib.file_digest(handle, "sha256").hexdigest()
        with _file_hashes_lock:
            _file_hashes[identity] = file_hash
    return hashlib.sha256(f"{_code_fingerprint()}:{file_hash}".encode()).hexdigest()[:32]


_file_hashes: dict[tuple[str, int, int, int], str] = {}
_file_hashes_lock = threading.Lock()


class SnapshotCache:
    """Snapshots of one database at a time, in ``directory``; a new database replaces the old ones."""

    def __init__(self, directory: Path):
        self.directory = directory

    def get(self, key: str, name: str, kind: type[T]) -> T | None:
        path = self._path(key, name)
        try:
            payload = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("snapshot %s niet leesbaar: %s", path, exc)
            return None
        try:
            return msgspec.msgpack.decode(payload, type=kind)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            log.warning("snapshot %s onbruikbaar, wordt opnieuw gemaakt: %s", path, exc)
            path.unlink(missing_ok=True)
            return None

    def put(self, key: str, name: str, value: object) -> None:
        """Store ``value``; failures are logged, never raised (the cache is only a shortcut)."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomic(self._path(key, name), msgspec.msgpack.encode(value))
            self._prune(key)
        except OSError as exc:
            log.warning("snapshot %s niet opgeslagen: %s", name, exc)

    def _prune(self, key: str) -> None:
        for path in self.directory.glob(f"*{_SUFFIX}"):
            if not path.name.startswith(f"{key}-"):
                path.unlink(missing_ok=True)

    def _path(self, key: str, name: str) -> Path:
        # Names come from the data (programme ids): hashed, so no id can reach outside the folder.
        return self.directory / f"{key}-{hashlib.sha256(name.encode()).hexdigest()[:16]}{_SUFFIX}"

"""File helpers for sync: hashing copies, and a lock on the local data directory."""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

CHUNK = 1024 * 1024

Progress = Callable[[int, int], None]  # (bytes done, bytes total)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def copy_with_hash(source: Path, target: Path, expected_size: int, progress: Progress | None = None) -> str:
    """Copy and hash in one pass; fsync the copy. Returns the SHA-256 of what was read."""
    digest = hashlib.sha256()
    done = 0
    with open(source, "rb") as src, open(target, "wb") as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            dst.write(chunk)
            done += len(chunk)
            if progress:
                progress(done, expected_size)
        dst.flush()
        os.fsync(dst.fileno())
    return digest.hexdigest()


class LockedError(Exception):
    """Another Velsen Desk is syncing this data directory."""


@contextmanager
def directory_lock(directory: Path) -> Iterator[None]:
    """An exclusive, non-blocking lock; released by the OS if the process dies."""
    directory.mkdir(parents=True, exist_ok=True)
    handle = open(directory / ".sync.lock", "a+b")  # noqa: SIM115 - held for the with-block
    try:
        if sys.platform == "win32":
            import msvcrt

            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            except OSError as exc:
                raise LockedError from exc
        else:
            import fcntl

            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                raise LockedError from exc
        yield
    finally:
        handle.close()

"""File helpers for sync: bounded reads from the share, hashing copies, and a lock on the local
data directory.

Nothing read from the share may choose a size: every read stops at what the manifest promised
(or a small fixed limit for the manifest itself), and only regular files are read (a device
such as ``/dev/zero``, a FIFO or a socket on the share is refused before a byte is read).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from velsen_desk.storage.regular_file import SpecialFileError, TooLargeError, open_regular, read_bounded

__all__ = ["CHUNK", "LockedError", "Progress", "SpecialFileError", "TooLargeError", "copy_with_hash",
           "directory_lock", "open_regular", "read_bounded", "sha256_of"]

CHUNK = 1024 * 1024

Progress = Callable[[int, int], None]  # (bytes done, bytes total)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def copy_with_hash(source: Path, target: Path, expected_size: int, progress: Progress | None = None) -> str:
    """Copy and hash in one pass, reading at most ``expected_size`` bytes; fsync the copy.

    Returns the SHA-256 of what was read. Raises SpecialFileError for a non-regular source and
    TooLargeError when the source holds more than ``expected_size`` bytes."""
    digest = hashlib.sha256()
    done = 0
    with open_regular(source) as src, open(target, "wb") as dst:
        while done < expected_size and (chunk := src.read(min(CHUNK, expected_size - done))):
            digest.update(chunk)
            dst.write(chunk)
            done += len(chunk)
            if progress:
                progress(done, expected_size)
        if src.read(1):
            raise TooLargeError(f"{source} is groter dan het manifest belooft")
        dst.flush()
        os.fsync(dst.fileno())
    return digest.hexdigest()


class LockedError(Exception):
    """Another Velsen Desk is syncing this data directory."""


@contextmanager
def directory_lock(directory: Path) -> Iterator[None]:
    """An exclusive, non-blocking lock; released by the OS if the process dies.

    Raises OSError when the folder or its lock file cannot be made (read-only, full disk)."""
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

"""File helpers for sync: bounded reads from the share, hashing copies, and a lock on the local
data directory.

Nothing read from the share may choose a size: every read stops at what the manifest promised
(or a small fixed limit for the manifest itself), and only regular files are read (a device
such as ``/dev/zero``, a FIFO or a socket on the share is refused before a byte is read).
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024

Progress = Callable[[int, int], None]  # (bytes done, bytes total)


class SpecialFileError(OSError):
    """A path on the share is not a regular file (device, FIFO, socket, folder)."""


class TooLargeError(OSError):
    """A file on the share holds more bytes than promised."""


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file (after following links).

    O_NONBLOCK keeps opening a FIFO from blocking forever; it is cleared again for the read."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SpecialFileError(f"{path} is geen gewoon bestand")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(path: Path, limit: int) -> bytes:
    """The whole of a regular file of at most ``limit`` bytes; TooLargeError beyond that."""
    with open_regular(path) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(f"{path} is groter dan {limit} bytes")
    return data


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

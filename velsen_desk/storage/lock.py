"""The lock on the local data directory: sync, rollback and the first-start build of the
bundled default take it, so only one of them ever replaces the local copy at a time."""

from __future__ import annotations

import errno
import os
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from velsen_desk.core.i18n import _

__all__ = ["LOCK_NAME", "LockedError", "UnsafeLockError", "directory_lock"]

LOCK_NAME = ".sync.lock"
_POLL_SECONDS = 0.1


class LockedError(Exception):
    """Another Velsen Desk holds the lock on this data directory."""


class UnsafeLockError(Exception):
    """The lock file is a link (or not a regular file); it is never followed. Dutch message."""


def _open_lock(directory: Path) -> int:
    path = directory / LOCK_NAME
    # O_NOFOLLOW: a link planted at the lock's name must not make us create or touch a file elsewhere.
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) or path.is_symlink():
            raise UnsafeLockError(_unsafe_message(path)) from exc
        raise
    if not _is_regular(fd):
        os.close(fd)
        raise UnsafeLockError(_unsafe_message(path))
    return fd


def _is_regular(fd: int) -> bool:
    return stat.S_ISREG(os.fstat(fd).st_mode)


def _unsafe_message(path: Path) -> str:
    return (_(
        "Het vergrendelbestand {path} is een koppeling of geen gewoon bestand en wordt niet gevolgd. Verwijder "
        "het; u werkt verder met uw lokale kopie."
    ).format(path=path))


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextmanager
def directory_lock(directory: Path, *, wait_seconds: float = 0.0) -> Iterator[None]:
    """An exclusive lock; released by the OS if the process dies. Waits up to ``wait_seconds``
    for another holder, then raises LockedError.

    Raises OSError when the folder or its lock file cannot be made (read-only, full disk) and
    UnsafeLockError when the lock file is a link."""
    directory.mkdir(parents=True, exist_ok=True)
    fd = _open_lock(directory)
    try:
        deadline = time.monotonic() + wait_seconds
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise LockedError
            time.sleep(_POLL_SECONDS)
        yield
    finally:
        os.close(fd)

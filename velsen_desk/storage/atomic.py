"""Replace a file in one step, so a reader (or a crash) sees the old or the new bytes, never half."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomic(target: Path, payload: bytes, *, prefix: str | None = None, private: bool = False) -> None:
    """Write ``payload`` to ``target`` via a uniquely named temporary file in the same folder.

    The unique name lets two processes (the window and a CLI sync) write the same target at
    once: the last replace wins and neither trips over the other's temporary file. The file is
    flushed to disk before the rename and the folder after it, so after a power cut the target
    holds the old or the new bytes, not an empty file. ``prefix`` names the temporary file
    (default ``.<target name>.``). Raises ``OSError``; the temporary file is then gone.

    The new file gets the folder's usual permissions (0666 less the umask), so a manifest on a
    share or a saved PDF is readable by whoever may read the folder; ``private`` makes it
    owner-only (0600) from its first byte, for personal notes.
    """
    # os.urandom is what secrets.token_hex reads; importing secrets loads OpenSSL (hmac, ~3 ms)
    # before the window's first paint, which writes nothing
    tmp = target.parent / f"{prefix or f'.{target.name}.'}{os.urandom(8).hex()}.tmp"
    # O_EXCL: a unique new file, never one an attacker placed; the kernel applies the umask.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_directory(target.parent)


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable. Windows cannot open a folder for this (NTFS journals
    the rename itself), so there it is a no-op."""
    if os.name == "nt":  # pragma: no cover - POSIX test machines
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""File helpers for sync: bounded reads from the share, hashing copies, and (from storage) the lock on
the local data directory.

Nothing read from the share may choose a size: every read stops at what the manifest promised
(or a small fixed limit for the manifest itself), and only regular files are read (a device
such as ``/dev/zero``, a FIFO or a socket on the share is refused before a byte is read).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from velsen_desk.core.i18n import _
from velsen_desk.storage.digests import CHUNK, sha256_of
from velsen_desk.storage.regular_file import TooLargeError, open_regular

__all__ = ["CHUNK", "Progress", "copy_with_hash", "sha256_of"]


Progress = Callable[[int, int], None]  # (bytes done, bytes total)


def copy_with_hash(source: Path, target: Path, expected_size: int, progress: Progress | None = None) -> str:
    """Copy and hash in one pass, reading at most ``expected_size`` bytes; fsync the copy.

    Returns the SHA-256 of what was read. Raises SpecialFileError for a non-regular source and
    TooLargeError when the source holds more than ``expected_size`` bytes."""
    import hashlib

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
            raise TooLargeError(_("{source} is groter dan het manifest belooft").format(source=source))
        dst.flush()
        os.fsync(dst.fileno())
    return digest.hexdigest()

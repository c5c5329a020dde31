"""SHA-256 of files, and copying a file while hashing the bytes copied (read once): for the
manifest's checksum, the files a report checked, and the databases ``validate`` keeps."""

from __future__ import annotations

import os
from pathlib import Path

CHUNK = 1024 * 1024


def sha256_of(path: Path) -> str:
    import hashlib  # here, not at the top: the window imports sync.files before its first paint

    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def copy_with_digest(source: Path, target: Path, *, durable: bool = False) -> str:
    """Copy ``source`` to a new file ``target`` and return the SHA-256 (hex) of the bytes copied,
    read once; ``durable``: fsync the copy before returning. Raises OSError (FileExistsError
    when ``target`` exists)."""
    import hashlib

    digest = hashlib.sha256()
    with source.open("rb") as reading, target.open("xb") as writing:
        while chunk := reading.read(CHUNK):
            digest.update(chunk)
            writing.write(chunk)
        if durable:
            writing.flush()
            os.fsync(writing.fileno())
    return digest.hexdigest()

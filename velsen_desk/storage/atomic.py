"""Replace a file in one step, so a reader (or a crash) sees the old or the new bytes, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(target: Path, payload: bytes) -> None:
    """Write ``payload`` to ``target`` via a uniquely named temporary file in the same folder.

    The unique name lets two processes (the window and a CLI sync) write the same target at
    once: the last replace wins and neither trips over the other's temporary file.
    """
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise

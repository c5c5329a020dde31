"""Reading a file only if it is a regular file, and only up to a bound.

A FIFO, device, socket or folder where a small file is expected (a config, manifest, origin or
recovery file) must never block a start or feed endless bytes: it is refused before a byte is
read, and a regular file is read no further than its limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from velsen_desk.core.i18n import _


class SpecialFileError(OSError):
    """A path is not a regular file (device, FIFO, socket, folder)."""


class TooLargeError(OSError):
    """A file holds more bytes than its bound (or than the manifest promised)."""


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file (after following links).

    O_NONBLOCK keeps opening a FIFO from blocking forever; it is cleared again for the read."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SpecialFileError(_("{path} is geen gewoon bestand").format(path=path))
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
        raise TooLargeError(_("{path} is groter dan {limit} bytes").format(path=path, limit=limit))
    return data

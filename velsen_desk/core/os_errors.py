"""Failures of the operating system, of JSON parsing and of SQLite, described in Dutch.

``exc.strerror`` and ``str(exc)`` are English ("No such file or directory", "Expecting value:
line 1 column 1", "database is locked"); a message the user reads names the cause in Dutch
instead. Pure: no I/O, no Qt.
"""

from __future__ import annotations

import errno
import json

_ERRNO: dict[int, str] = {
    errno.ENOENT: "bestand of map bestaat niet",
    errno.EISDIR: "het is een map, geen bestand",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EACCES: "geen toegang (rechten)",
    errno.EPERM: "niet toegestaan",
    errno.EROFS: "alleen-lezen bestandssysteem",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.EFBIG: "bestand te groot",
    errno.EEXIST: "bestaat al",
    errno.ENAMETOOLONG: "naam of pad te lang",
    errno.ELOOP: "te veel symbolische koppelingen (een lus)",
    errno.EIO: "lees- of schrijffout op de schijf",
    errno.EBUSY: "in gebruik door een ander programma",
    errno.ETXTBSY: "in gebruik door een ander programma",
    errno.EAGAIN: "tijdelijk niet beschikbaar",
    errno.EINVAL: "ongeldige naam of bewerking",
    errno.ENXIO: "apparaat niet beschikbaar",
    errno.ENODEV: "apparaat niet beschikbaar",
    errno.EMFILE: "te veel geopende bestanden",
    errno.ENFILE: "te veel geopende bestanden",
    errno.ENOMEM: "te weinig werkgeheugen",
    errno.EXDEV: "verplaatsen tussen schijven is niet mogelijk",
    errno.ETIMEDOUT: "de verbinding reageert niet (time-out)",
    errno.EHOSTUNREACH: "de server is niet bereikbaar",
    errno.ENETUNREACH: "het netwerk is niet bereikbaar",
    errno.ESTALE: "de netwerkverbinding met de map is verlopen",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.ESPIPE: "geen gewoon bestand",
}


def describe_os_error(exc: OSError) -> str:
    """The cause of an OSError in Dutch, e.g. "bestand of map bestaat niet"."""
    if exc.errno is not None and exc.errno in _ERRNO:
        return _ERRNO[exc.errno]
    if exc.errno is not None:
        return f"systeemfout {exc.errno}"
    return "onbekende systeemfout"


def describe_error(exc: BaseException) -> str:
    """The cause of a file, JSON or SQLite failure in Dutch (never the English library text)."""
    if isinstance(exc, json.JSONDecodeError):
        return f"geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})"
    if isinstance(exc, UnicodeError):
        return "geen geldige UTF-8-tekst"
    if isinstance(exc, RecursionError):
        return "te diep genest"
    if isinstance(exc, MemoryError):
        return "te weinig werkgeheugen"
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    if type(exc).__module__ == "sqlite3":  # without importing sqlite3 into the pure core
        return "het SQLite-bestand is beschadigd, vergrendeld of niet te lezen"
    return "onbekende fout"

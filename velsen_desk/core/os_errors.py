"""Failures of the operating system, of JSON parsing and of SQLite, described in Dutch (or in
English, :mod:`velsen_desk.core.i18n`).

``exc.strerror`` and ``str(exc)`` are English ("No such file or directory", "Expecting value:
line 1 column 1", "database is locked"); a message the user reads names the cause in Dutch
instead. Pure: no I/O, no Qt.
"""

from __future__ import annotations

import errno
import json

from velsen_desk.core.i18n import N_, _

_ERRNO: dict[int, str] = {
    errno.ENOENT: N_("bestand of map bestaat niet"),
    errno.EISDIR: N_("het is een map, geen bestand"),
    errno.ENOTDIR: N_("een deel van het pad is geen map"),
    errno.EACCES: N_("geen toegang (rechten)"),
    errno.EPERM: N_("niet toegestaan"),
    errno.EROFS: N_("alleen-lezen bestandssysteem"),
    errno.ENOSPC: N_("de schijf is vol"),
    errno.EDQUOT: N_("de schijfruimte (quotum) is op"),
    errno.EFBIG: N_("bestand te groot"),
    errno.EEXIST: N_("bestaat al"),
    errno.ENAMETOOLONG: N_("naam of pad te lang"),
    errno.ELOOP: N_("te veel symbolische koppelingen (een lus)"),
    errno.EIO: N_("lees- of schrijffout op de schijf"),
    errno.EBUSY: N_("in gebruik door een ander programma"),
    errno.ETXTBSY: N_("in gebruik door een ander programma"),
    errno.EAGAIN: N_("tijdelijk niet beschikbaar"),
    errno.EINVAL: N_("ongeldige naam of bewerking"),
    errno.ENXIO: N_("apparaat niet beschikbaar"),
    errno.ENODEV: N_("apparaat niet beschikbaar"),
    errno.EMFILE: N_("te veel geopende bestanden"),
    errno.ENFILE: N_("te veel geopende bestanden"),
    errno.ENOMEM: N_("te weinig werkgeheugen"),
    errno.EXDEV: N_("verplaatsen tussen schijven is niet mogelijk"),
    errno.ETIMEDOUT: N_("de verbinding reageert niet (time-out)"),
    errno.EHOSTUNREACH: N_("de server is niet bereikbaar"),
    errno.ENETUNREACH: N_("het netwerk is niet bereikbaar"),
    errno.ESTALE: N_("de netwerkverbinding met de map is verlopen"),
    errno.ENOTEMPTY: N_("de map is niet leeg"),
    errno.ESPIPE: N_("geen gewoon bestand"),
}


def describe_os_error(exc: OSError) -> str:
    """The cause of an OSError in Dutch, e.g. "bestand of map bestaat niet"."""
    if exc.errno is not None and exc.errno in _ERRNO:
        return _(_ERRNO[exc.errno])
    if exc.errno is not None:
        return _("systeemfout {number}").format(number=exc.errno)
    return _("onbekende systeemfout")


# SQLite's primary result codes that mean its file could not be written or made (the low byte of
# an extended code), as the errno the operating system gave SQLite.
_SQLITE_ERRNO = {3: errno.EACCES, 8: errno.EROFS, 10: errno.EIO, 13: errno.ENOSPC, 14: errno.EACCES}


def sqlite_os_error(exc: BaseException, path: object) -> OSError | None:
    """A SQLite failure to write or make ``path`` (a full disk, no rights, a disk error) as the
    ``OSError`` it stands for, so callers that report ``OSError`` say the cause in Dutch; None
    for any other failure (a locked or damaged file, a broken rule)."""
    code = getattr(exc, "sqlite_errorcode", None)
    number = _SQLITE_ERRNO.get(code & 0xFF) if isinstance(code, int) else None
    if number is None:
        return None
    return OSError(number, _(_ERRNO[number]), str(path))


def describe_error(exc: BaseException) -> str:
    """The cause of a file, JSON or SQLite failure in Dutch (never the English library text)."""
    if isinstance(exc, json.JSONDecodeError):
        return _("geen geldige JSON (regel {line}, kolom {column})").format(line=exc.lineno, column=exc.colno)
    if isinstance(exc, UnicodeError):
        return _("geen geldige UTF-8-tekst")
    if isinstance(exc, RecursionError):
        return _("te diep genest")
    if isinstance(exc, MemoryError):
        return _("te weinig werkgeheugen")
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    if type(exc).__module__ == "sqlite3":  # without importing sqlite3 into the pure core
        return _("het SQLite-bestand is beschadigd, vergrendeld of niet te lezen")
    return _("onbekende fout")

"""Every storage failure of the notes file as one :class:`NotesError` with a specific Dutch message."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from velsen_desk.core.i18n import _
from velsen_desk.core.os_errors import describe_error, describe_os_error


class NotesError(Exception):
    """A notes file could not be read or written; the message is plain Dutch.

    ``reason`` is the cause alone (e.g. "de schijf is vol; ..."), for messages that add
    their own opening such as "Niet bewaard: ...".
    """

    def __init__(self, message: str, reason: str | None = None):
        super().__init__(message)
        self.reason = reason or message


# SQLite primary result codes (the low byte of an extended code).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_NOMEM = 7
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def storage_message(path: Path, exc: BaseException) -> str:
    """What went wrong with the notes file at ``path``, in Dutch, for the user."""
    if isinstance(exc, sqlite3.Error):
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code == _SQLITE_FULL:
            return _("de schijf is vol; maak ruimte vrij (notitiebestand {path})").format(path=path)
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return _(
                "het notitiebestand {path} is vergrendeld door een ander programma of venster"
            ).format(path=path)
        if code in (_SQLITE_READONLY, _SQLITE_PERM):
            return _("het notitiebestand {path} of de map ervan is alleen-lezen").format(path=path)
        if code == _SQLITE_CANTOPEN:
            return _(
                "het notitiebestand {path} kan niet geopend worden (map ontbreekt of geen toegang)"
            ).format(path=path)
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return _("het notitiebestand {path} is beschadigd").format(path=path)
        if code == _SQLITE_IOERR:
            return _("lees- of schrijffout op de schijf bij het notitiebestand {path}").format(path=path)
        if code == _SQLITE_NOMEM:
            return _("te weinig werkgeheugen")
        return _(
            "het notitiebestand {path} kon niet bijgewerkt worden ({cause})"
        ).format(path=path, cause=describe_error(exc))
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return _("de schijf is vol; maak ruimte vrij (notitiebestand {path})").format(path=path)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return _(
                "geen schrijfrechten voor het notitiebestand {path} of de map ervan (alleen-lezen)"
            ).format(path=path)
        return _(
            "het notitiebestand {path} is niet bereikbaar ({cause})"
        ).format(path=path, cause=describe_os_error(exc))
    return _(
        "het notitiebestand {path} kon niet bijgewerkt worden ({cause})"
    ).format(path=path, cause=describe_error(exc))


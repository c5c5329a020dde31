"""Read a data file's bytes into text, refusing what cannot be a curated YAML file.

Everything here is about the file as a file: that it is a regular file, not too large, readable,
and UTF-8 text. Each refusal is a :class:`Problem` in plain Dutch with the line where possible.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from velsen_desk.core.i18n import N_, _
from velsen_desk.curation.problems import Problem

# Sized for a real municipality, still a bound against a hostile share. A municipality that keeps
# every period since 2010 and dozens of area plans is ~100x the bundled data: ~500 files, 19 MB,
# the largest file 1.6 MB (400 actions of a 2,000-action plan; bench/synthetic.py). libyaml reads
# such a file in ~1 s; the round-trip parser, which reads what libyaml refuses, 3-6 s per MB. So
# a file may hold a plan of ~1,000 actions (4 MB, with MAX_NODES in yaml_text), and a set 3x the
# 100x one; a larger share is refused before anything is parsed.
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024

_MISSING = N_("bestand bestaat niet")

_OS_ERRORS: dict[int, str] = {  # translated when used (core/i18n.py)
    errno.EACCES: N_("geen toestemming om te lezen"),
    errno.EPERM: N_("geen toestemming om te lezen"),
    errno.EISDIR: N_("is een map, geen bestand"),
    errno.ENOENT: _MISSING,
    errno.ENOTDIR: _MISSING,
    errno.ELOOP: N_("verwijzing (symlink) die naar zichzelf wijst"),
    errno.ENAMETOOLONG: N_("bestandsnaam is te lang"),
    errno.EIO: N_("leesfout op de schijf"),
}


def missing_message() -> str:
    """The message of a file that does not exist, in the language spoken (checks.py compares it)."""
    return _(_MISSING)


def os_error_message(exc: OSError) -> str:
    """A Dutch sentence for an error from the operating system, never its English text alone."""
    known = _OS_ERRORS.get(exc.errno or 0)
    if known is not None:
        return _(known)
    return _("bestand kan niet gelezen worden (systeemfout {value})").format(value=exc.errno or '?')


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _looks_like_utf16(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:200]
    # ASCII text in UTF-16 has a NUL in every other byte.
    return len(sample) >= 4 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4)


def decode_text(path: Path, data: bytes) -> str | Problem:
    """UTF-8 text (an optional BOM removed), or the reason it is not."""
    if data.startswith((b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        return Problem(path, None, "", _("bestand is UTF-32-tekst; sla het op als UTF-8"))
    if _looks_like_utf16(data):
        return Problem(path, None, "", _("bestand is UTF-16-tekst; sla het op als UTF-8"))
    nul = data.find(b"\x00")
    if nul >= 0:
        return Problem(path, _line_at(data, nul), "",
                       _("bestand bevat NUL-tekens: het is een binair of beschadigd bestand, geen tekst"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        hint = _(" (waarschijnlijk Latin-1 of Windows-1252)") if byte >= 0x80 else ""
        return Problem(path, _line_at(data, exc.start), "",
                       _(
                           "bestand is geen UTF-8-tekst{hint}: byte 0x{byte:02X} kan niet gelezen worden; sla "
                           "het op als UTF-8"
                       ).format(hint=hint, byte=byte))


def read_data_text(path: Path, limit: int = MAX_FILE_BYTES) -> str | Problem:
    """The file's text, or a problem. Only regular files are opened: a FIFO or device would hang."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return Problem(path, None, "", _("is een map, geen bestand"))
        if not stat.S_ISREG(info.st_mode):
            return Problem(path, None, "", _("is geen gewoon bestand (apparaat, pijp of socket)"))
        if info.st_size > limit:
            return Problem(path, None, "", _(
                "bestand is te groot voor een gegevensbestand ({value} KB; hoogstens {value2} KB)"
            ).format(value=info.st_size // 1024, value2=limit // 1024))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            # Read one byte beyond the limit: a file that grows after stat() is refused too.
            data = handle.read(limit + 1)
    except OSError as exc:
        return Problem(path, None, "", os_error_message(exc))
    if len(data) > limit:
        return Problem(path, None, "", _(
            "bestand is te groot voor een gegevensbestand (hoogstens {value} KB)"
        ).format(value=limit // 1024))
    return decode_text(path, data)

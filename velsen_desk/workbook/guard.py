"""Refuse what is not a workbook we can read safely, before openpyxl opens it: another format
(.xls, .csv, a password-protected file, which Excel stores as an OLE container), a corrupt zip,
a file too large, or a zip bomb (a few KB that inflate to gigabytes)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from velsen_desk.core.i18n import _

MAX_WORKBOOK_BYTES = 20 * 1024 * 1024  # a 2,000-action workbook is well under 1 MB
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # XML packs about 10:1; a bomb packs 1000:1 and more

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def workbook_refusal(path: Path) -> str | None:
    """A Dutch sentence why ``path`` cannot be read as a workbook, or None."""
    try:
        if not path.is_file():
            return _("is geen bestand") if path.exists() else _("bestaat niet")
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return _("kan niet gelezen worden ({cause})").format(cause=exc.strerror or exc)
    if size > MAX_WORKBOOK_BYTES:
        return _("is te groot ({size} MB; hoogstens {most} MB)").format(size=size // (1024 * 1024),
                                                                     most=MAX_WORKBOOK_BYTES // (1024 * 1024))
    if head.startswith(_OLE):
        return _("is met een wachtwoord beveiligd of een oud Excel-bestand (.xls); sla het op als "
                 "Excel-werkmap (.xlsx) zonder wachtwoord")
    if not head.startswith(b"PK\x03\x04"):
        return _("is geen Excel-werkmap (.xlsx); een .csv- of .xls-bestand eerst opslaan als .xlsx")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            unpacked = sum(m.file_size for m in members)
            packed = sum(m.compress_size for m in members) or 1
            names = {m.filename for m in members}
    except (zipfile.BadZipFile, OSError, ValueError):
        return _("is beschadigd (geen geldig .xlsx-bestand)")
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
        return _("pakt uit tot een onredelijk grote inhoud (mogelijk een 'zipbom') en wordt niet gelezen")
    if "xl/workbook.xml" not in names:
        return _("is geen Excel-werkmap (.xlsx): het werkboekdeel ontbreekt")
    return None

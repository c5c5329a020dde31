"""File names in sync are built only from validated tokens, never from data as it comes.

A data version is a content hash (16 hex digits today); anything else (a ``/``, ``..``, a NUL,
300 characters) is refused before any file is written, so data can never choose a path.
"""

from __future__ import annotations

import re

from velsen_desk.core.i18n import _

VERSION_TOKEN = re.compile(r"[0-9a-f]{12,64}")
SHA256_TOKEN = re.compile(r"[0-9a-f]{64}")
# A database file named by the manifest: a plain name beside it, no folder, no hidden file.
PUBLISHED_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}\.sqlite")


class InvalidNameError(ValueError):
    """A value that must become part of a file name is not a valid token; Dutch message."""


def version_token(value: object, where: str) -> str:
    """``value`` when it is a valid data version; raises InvalidNameError naming ``where`` otherwise."""
    if isinstance(value, str) and VERSION_TOKEN.fullmatch(value):
        return value
    raise InvalidNameError(
        _(
            "De gegevensversie in {where} is ongeldig ({value}); een gegevensversie bestaat uit 12 tot 64 tekens "
            "0-9 en a-f. Er is niets geschreven."
        ).format(where=where, value=_shown(value))
    )


def is_version_token(value: object) -> bool:
    return isinstance(value, str) and VERSION_TOKEN.fullmatch(value) is not None


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"

"""The programme ids a user can pass to ``--programme``, named in ``--help``.

Help must not open a database (it works before any data is there), so the ids are those of
the bundled data; ``tests/test_cli_language.py`` holds this list against the data files, so a
programme added there cannot be missing here. A synced data set may bring others.
"""

from __future__ import annotations

from velsen_desk.core.i18n import _

BUNDLED_PROGRAMMES: tuple[tuple[str, str], ...] = (
    ("velsen-2022", "Velsen 2022–2026"),
    ("velsen-sa2020", "Strategische Agenda 2020"),
    ("heemskerk-2018", "Heemskerk 2018–2022"),
)


def programme_help(usage: str) -> str:
    """``usage`` ("standaard velsen-2022") followed by the bundled ids and their titles."""
    ids = ", ".join(f"{pid} ({title})" for pid, title in BUNDLED_PROGRAMMES)
    return _("programma-id, {usage}; in de meegeleverde gegevens: {ids}").format(usage=usage, ids=ids)

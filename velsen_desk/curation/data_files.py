"""Which files make a data set: the ``*.yaml`` files of its folders, within the size limits.

Kept apart from the loader (pydantic, the schema, the YAML readers) so that ``build-db`` can find
a kept build of the same files without loading any of that (~0.2 s).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from velsen_desk.core.i18n import _
from velsen_desk.curation.file_text import MAX_TOTAL_BYTES, os_error_message
from velsen_desk.curation.problems import Problem

# ~500 files at 100x the bundled data (one per source document, see file_text); ~4x that still
# lists and stats in well under a second, while a share of 100,000 files is refused at once.
MAX_FILES = 2_000


def list_files(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand directories to their ``*.yaml``/``*.yml`` entries, in a stable order.

    Entries named like data files are kept even when they are not regular files, so a directory
    called ``x.yaml`` gets its own message instead of being skipped silently. The suffix is matched
    in any case (``X.YAML`` from Windows is data too); hidden entries are not data: macOS leaves
    binary ``._x.yaml`` files on shared drives and Emacs a dangling ``.#x.yaml`` link while editing.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            is_dir = path.is_dir()
            if is_dir:
                files.extend(sorted(p for p in path.iterdir()
                                    if p.suffix.lower() in (".yaml", ".yml") and not p.name.startswith(".")))
        except OSError as exc:
            problems.append(Problem(path, None, "", _(
                "map kan niet gelezen worden: {exc}"
            ).format(exc=os_error_message(exc))))
            continue
        if not is_dir:
            files.append(path)
    return files, problems


def data_files(paths: Sequence[Path]) -> list[Path]:
    """Expand directories to their ``*.yaml``/``*.yml`` files, in a stable order."""
    return list_files(paths)[0]


def size_problems(files: Sequence[Path]) -> list[Problem]:
    """Refuse a data set too large to parse in seconds, before parsing any of it."""
    if len(files) > MAX_FILES:
        return [Problem(files[MAX_FILES], None, "",
                        _(
                            "te veel gegevensbestanden ({files}; hoogstens {limit})"
                        ).format(files=len(files), limit=MAX_FILES))]
    total = 0
    for path in files:
        try:
            total += path.stat().st_size if path.is_file() else 0
        except OSError:
            continue  # parse_file reports it
        if total > MAX_TOTAL_BYTES:
            return [Problem(path, None, "", _(
                "de gegevensbestanden zijn samen te groot (hoogstens {value} KB); dit bestand gaat erover"
            ).format(value=MAX_TOTAL_BYTES // 1024))]
    return []

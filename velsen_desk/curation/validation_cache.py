"""A validation of the same content, kept so that ``build-db`` after ``validate`` does not parse and
check every file again (issue 17: at 100x the bundled data that was ~10 s of CPU per command).

An entry is written only after a validation without problems, and it is found only by a key over
everything the validation read: the checking code itself, every data file's path and bytes, and
every file of the sources folder. So a changed byte anywhere, or a changed rule, is a miss and
the files are validated again. The entry holds the merged records as JSON; they are read back
through the same pydantic schema (so a damaged entry is refused, never half-used), and a missed,
unreadable or foreign entry simply means a full validation. Entries live in the user's cache
folder, owner-only, written atomically (a temporary file, then a rename); the newest few are kept.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError

from velsen_desk.curation.data_file import COLLECTIONS, DataFile
from velsen_desk.curation.validation_key import FORMAT

_log = logging.getLogger(__name__)

KEEP = 4  # entries kept: a few data sets (bundled, a share's, a test set) without growing forever
_SUFFIX = ".json"


def load(
    folder: Path, key: str
) -> tuple[dict[str, list[BaseModel]], dict[str, tuple[Path, int | None, str]], str] | None:
    """The records, their origins and the data version of an earlier validation with this key, or None."""
    path = folder / f"{key}{_SUFFIX}"
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            return None  # only a regular file of our own is trusted as an earlier validation
        with path.open("rb") as handle:
            header = json.loads(handle.readline())
            body = handle.read()
        if header.get("format") != FORMAT or header.get("key") != key:
            return None
        model = DataFile.model_validate_json(body)
        files: dict[str, Path] = {}  # one Path per file, not per record (44,000 Paths cost ~1 s)
        origin = {record_id: (files.get(file) or files.setdefault(file, Path(file)), line, where)
                  for record_id, (file, line, where) in header["origin"].items()}
        version = header["version"]
        if not isinstance(version, str):
            return None
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, ValidationError) as exc:  # a damaged entry: validate again
        _log.info("validatie-cache %s niet gebruikt: %s", path, type(exc).__name__)
        return None
    collections: dict[str, list[BaseModel]] = {name: list(getattr(model, name)) for name in COLLECTIONS}
    return collections, origin, version


def body_json(records_json: dict[str, list[str]]) -> str:
    """The merged records as one data file's JSON (what :func:`load` validates), from each
    record's JSON as the data version hashed it: the same text as serialising a
    ``DataFile`` of the records (a test compares them), without serialising them again."""
    return "".join(_body_parts(records_json))


def _body_parts(records_json: dict[str, list[str]]) -> Iterator[str]:
    """:func:`body_json` in pieces, written one by one: the whole text at once cost another
    ~80 MB at 100x the bundled data."""
    values: dict[str, object] = {"format": "velsen-desk-data/1", **{name: [] for name in COLLECTIONS}}
    frame = DataFile.model_construct(None, **values).model_dump_json(by_alias=True)
    # each key occurs once in the frame, with its empty list: the records go between its brackets
    opening = sorted((frame.index(f'"{name}":[]'), name) for name in COLLECTIONS)
    done = 0
    for at, name in opening:
        inside = at + len(f'"{name}":[')
        yield frame[done:inside]
        for index, text in enumerate(records_json[name]):
            yield "," + text if index else text
        done = inside
    yield frame[done:]


def store(
    folder: Path,
    key: str,
    records_json: dict[str, list[str]],
    origin: dict[str, tuple[Path, int | None, str]],
    version: str,
) -> None:
    """Keep a validation without problems under ``key`` (each record's JSON per collection, see
    :func:`body_json`); a failure to write is logged, never raised."""
    names: dict[Path, str] = {}  # one str() per file, not per record
    header = {"format": FORMAT, "key": key, "version": version,
              "origin": {record_id: [names.get(file) or names.setdefault(file, str(file)), line, where]
                         for record_id, (file, line, where) in origin.items()}}
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".validatie-", suffix=".tmp")  # mode 0600
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(json.dumps(header, ensure_ascii=False).encode() + b"\n")
                for part in _body_parts(records_json):
                    out.write(part.encode())
            os.replace(temporary, folder / f"{key}{_SUFFIX}")
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(folder)
    except OSError as exc:
        _log.info("validatie-cache niet bewaard in %s: %s", folder, exc)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob(f"*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)

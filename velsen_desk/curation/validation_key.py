"""The key of one validation: what ``validate`` keeps its work under, and what ``build-db``
looks it up by (:mod:`validation_cache`, ``storage/kept_build.py``).

A key covers everything a validation reads: the checking code itself and the libraries that
decide what parses and what is valid, every data file's path and bytes, and every file of the
sources folder. Computing it loads neither pydantic nor the schema, so ``build-db`` that copies
a kept build does not pay for them (~0.2 s).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from velsen_desk.curation.data_files import list_files, size_problems

FORMAT = "velsen-desk-validatie/1"


# Libraries whose version can change what parses or what is valid (YAML reading, schema, amounts).
_LIBRARIES = ("pydantic", "pydantic-core", "ruamel.yaml", "PyYAML", "babel")


def _code_fingerprint() -> bytes:
    """The code that decides what is valid: the curation and core packages, and the libraries'
    versions."""
    digest = hashlib.sha256()
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    package = Path(__file__).resolve().parent.parent
    for folder in ("curation", "core"):
        for path in sorted((package / folder).glob("*.py")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.digest()


def cache_key(files: Sequence[Path], sources: Path) -> str | None:
    """The key of one validation of ``files`` against ``sources``; None when a file cannot be read
    (the validation itself then says which, with its own message)."""
    digest = hashlib.sha256(FORMAT.encode())
    digest.update(_code_fingerprint())
    try:
        for path in files:
            _update(digest, b"data", path)
        listed = sorted(sources.iterdir()) if sources.is_dir() else []
        digest.update(os.path.abspath(sources).encode())
        for path in listed:
            _update(digest, b"source", path)
    except (OSError, RuntimeError):  # RuntimeError: a link loop, on Python 3.11
        return None
    return digest.hexdigest()


def _update(digest: hashlib._Hash, label: bytes, path: Path) -> None:
    name = os.path.abspath(path).encode()  # not resolve(): a link loop is the validation's to report
    data = path.read_bytes() if path.is_file() else b""
    for part in (label, len(name).to_bytes(8, "big"), name, len(data).to_bytes(8, "big"), data):
        digest.update(part)


def validation_key(paths: Sequence[Path], sources: Path | None = None) -> str | None:
    """The key under which a validation of these files is kept (None when listing them already
    shows a problem: then nothing is kept)."""
    from velsen_desk.core.paths import sources_dir

    files, problems = list_files(paths)
    if problems or not files or size_problems(files):
        return None
    return cache_key(files, sources or sources_dir())

"""The bundled data, built when the program is made, so a first start copies a file instead of building.

``resources/prebuilt/velsen-desk.sqlite`` is the build of ``resources/data``, and ``bundle.json``
beside it names the bundle fingerprint it was built from. A program whose data changed without a
new prebuilt file simply builds, as before; tests/test_prebuilt.py fails while the file is stale,
and ``packaging/prebuild-database.sh`` makes it again.
"""

from __future__ import annotations

import json
from pathlib import Path

from velsen_desk.core.paths import bundled_data_dir, resources_dir, sources_dir
from velsen_desk.storage.atomic import write_atomic
from velsen_desk.storage.database import SCHEMA_VERSION
from velsen_desk.storage.regular_file import read_bounded

PREBUILT_DIR = "prebuilt"
PREBUILT_FILE = "velsen-desk.sqlite"
STAMP_FILE = "bundle.json"
_MAX_STAMP_BYTES = 4096


def _bundle_files() -> list[Path]:
    return [path for folder in (bundled_data_dir(), sources_dir()) for path in sorted(folder.glob("*"))
            if path.is_file()]


def bundle_hash() -> str:
    """A cheap fingerprint of the bundled data, the source texts and the database schema they are
    built into (hashing ~0.5 MB takes ~1 ms)."""
    import hashlib  # OpenSSL's load (~3 ms) only when the files changed: see bundle_signature

    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    for path in _bundle_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def bundle_signature() -> str:
    """Where, how large and when last changed each bundled file is, and the schema version: while
    it is unchanged the files are, so a start may reuse the :func:`bundle_hash` stored with it
    instead of reading and hashing them again (any edit, checkout or install gives new times)."""
    parts = [f"schema {SCHEMA_VERSION}"]
    for path in _bundle_files():
        stat = path.stat()
        parts.append(f"{path} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(parts)


def prebuilt_folder() -> Path:
    return resources_dir() / PREBUILT_DIR


def prebuilt_for(bundle: str) -> Path | None:
    """The shipped build of the bundled data when it was built from exactly ``bundle``; else None."""
    folder = prebuilt_folder()
    try:
        stamp = json.loads(read_bounded(folder / STAMP_FILE, _MAX_STAMP_BYTES).decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("bundle_hash") != bundle:
        return None
    path = folder / PREBUILT_FILE
    return path if path.is_file() else None


def write_prebuilt(folder: Path | None = None) -> Path:
    """Build the bundled data into ``folder`` (default: the resources' prebuilt folder) with its stamp."""
    from velsen_desk.curation.loader import load_dataset
    from velsen_desk.storage.build import build_database

    folder = folder or prebuilt_folder()
    folder.mkdir(parents=True, exist_ok=True)
    bundle = bundle_hash()
    target = folder / PREBUILT_FILE
    build_database(load_dataset([bundled_data_dir()]), target)
    write_atomic(folder / STAMP_FILE, (json.dumps({"bundle_hash": bundle}, indent=2) + "\n").encode("utf-8"))
    return target


if __name__ == "__main__":  # packaging/prebuild-database.sh
    print(write_prebuilt())

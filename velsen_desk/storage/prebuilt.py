"""The bundled data, built when the program is made, so a first start copies a file instead of building.

``resources/prebuilt/velsen-desk.sqlite`` is the build of ``resources/data``, and ``bundle.json``
beside it names the bundle fingerprint it was built from. A program whose data changed without a
new prebuilt file simply builds, as before; tests/test_prebuilt.py fails while the file is stale,
and ``packaging/prebuild-database.sh`` makes it again.
"""

from __future__ import annotations

import hashlib
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


def bundle_hash() -> str:
    """A cheap fingerprint of the bundled data, the source texts and the database schema they are
    built into (hashing ~0.5 MB takes ~1 ms)."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}\n".encode())
    for folder in (bundled_data_dir(), sources_dir()):
        for path in sorted(folder.glob("*")):
            if path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


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

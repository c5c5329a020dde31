"""The manifest on the share: which file is the data, and how to verify it."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from velsen_desk.storage.atomic import write_atomic

MANIFEST_NAME = "velsen-desk-manifest.json"
MANIFEST_FORMAT = "velsen-desk-manifest/1"


class ManifestError(Exception):
    pass


@dataclass(frozen=True)
class Manifest:
    file: str  # name of the database file beside the manifest (never a path)
    data_version: str
    schema_version: int
    size: int
    sha256: str
    published_at: str  # ISO 8601, UTC
    published_by: str
    format: str = MANIFEST_FORMAT

    @classmethod
    def read(cls, share: Path) -> Manifest:
        """Raises ManifestError (unreadable, malformed) or OSError (share unreachable)."""
        raw = (share / MANIFEST_NAME).read_text(encoding="utf-8")
        try:
            data = json.loads(raw)
            manifest = cls(**{k: data[k] for k in cls.__dataclass_fields__})
        except (ValueError, KeyError, TypeError) as exc:
            raise ManifestError(f"manifest onleesbaar: {exc}") from exc
        if manifest.format != MANIFEST_FORMAT:
            raise ManifestError(f"onbekend manifestformaat '{manifest.format}'")
        if Path(manifest.file).name != manifest.file or not manifest.file.endswith(".sqlite"):
            raise ManifestError("manifest noemt een ongeldige bestandsnaam")
        if not isinstance(manifest.size, int) or len(manifest.sha256) != 64:
            raise ManifestError("manifest heeft een ongeldige grootte of controlesom")
        return manifest

    def write(self, share: Path) -> None:
        """Atomically: readers see the old manifest or the new one, never half of one."""
        write_atomic(share / MANIFEST_NAME, json.dumps(asdict(self), indent=2).encode("utf-8"))

"""The manifest on the share: which file is the data, and how to verify it.

Everything in it comes from the share and is checked before use: the file is read with a small
fixed bound and only if it is a regular file; it must be UTF-8 JSON, not deeply nested, an
object whose fields have the right types; the data version and checksum must be tokens and the
file name a plain name beside the manifest. Each failure has its own Dutch message.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from velsen_desk.core.i18n import _
from velsen_desk.core.os_errors import describe_error
from velsen_desk.storage.atomic import write_atomic
from velsen_desk.storage.regular_file import SpecialFileError, TooLargeError, read_bounded
from velsen_desk.sync.names import PUBLISHED_NAME, SHA256_TOKEN, is_version_token

MANIFEST_NAME = "velsen-desk-manifest.json"
MANIFEST_FORMAT = "velsen-desk-manifest/1"
MAX_MANIFEST_BYTES = 64 * 1024  # a real manifest is ~400 bytes
MAX_DATABASE_BYTES = 4 * 1024**3  # far beyond the real ~2 MB; a bound on what a manifest may promise
_MAX_TEXT = 200  # published_at / published_by
_OPTIONAL = frozenset({"content_check"})
_CHECK_TOKEN = re.compile(r"[a-z0-9./-]{1,40}")


class ManifestError(Exception):
    """The manifest is unusable; the message says why, in Dutch."""


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
    # The content check publish ran on exactly these bytes (``content_check.CHECK_VERSION``);
    # None in a manifest written by hand or by an older publish (then the laptop runs it itself).
    content_check: str | None = None

    @classmethod
    def read(cls, share: Path) -> Manifest:
        """Raises ManifestError (unusable) or OSError (share unreachable, no manifest)."""
        try:
            raw = read_bounded(share / MANIFEST_NAME, MAX_MANIFEST_BYTES)
        except SpecialFileError as exc:
            raise ManifestError(_("het manifest is geen gewoon bestand (apparaat, pijp of map)")) from exc
        except TooLargeError as exc:
            raise ManifestError(_(
                "het manifest is groter dan {value} kB"
            ).format(value=MAX_MANIFEST_BYTES // 1024)) from exc
        return cls.parse(raw)

    @classmethod
    def parse(cls, raw: bytes) -> Manifest:
        try:
            text = raw.decode("utf-8-sig")  # a BOM (Windows editors) is accepted, as in the YAML
        except UnicodeDecodeError as exc:
            raise ManifestError(_("het manifest is geen tekst (binaire inhoud)")) from exc
        try:
            data = json.loads(text)
        except RecursionError as exc:
            raise ManifestError(_("het manifest is te diep genest")) from exc
        except ValueError as exc:
            raise ManifestError(_("het manifest is {cause}").format(cause=describe_error(exc))) from exc
        if not isinstance(data, dict):
            raise ManifestError(_("het manifest is geen JSON-object"))
        missing = [name for name in cls.__dataclass_fields__ if name not in data and name not in _OPTIONAL]
        if missing:
            raise ManifestError(_("in het manifest ontbreekt: {value}").format(value=', '.join(missing)))
        fmt = data["format"]
        if not isinstance(fmt, str) or fmt != MANIFEST_FORMAT:
            raise ManifestError(_("onbekend manifestformaat {fmt}").format(fmt=_short(fmt)))
        for name in ("file", "data_version", "sha256", "published_at", "published_by"):
            if not isinstance(data[name], str):
                raise ManifestError(_("het veld '{name}' in het manifest is geen tekst").format(name=name))
        for name in ("schema_version", "size"):
            if not isinstance(data[name], int) or isinstance(data[name], bool):
                raise ManifestError(_("het veld '{name}' in het manifest is geen geheel getal").format(name=name))
        file = data["file"]
        if "\0" in file:
            raise ManifestError(_("de bestandsnaam in het manifest bevat een NUL-teken"))
        if not PUBLISHED_NAME.fullmatch(file):
            raise ManifestError(_("het manifest noemt een ongeldige bestandsnaam {file}").format(file=_short(file)))
        if not is_version_token(data["data_version"]):
            raise ManifestError(
                _(
                    "de gegevensversie in het manifest is ongeldig ({short}; verwacht 12 tot 64 tekens 0-9 en "
                    "a-f)"
                ).format(short=_short(data['data_version']))
            )
        if not SHA256_TOKEN.fullmatch(data["sha256"]):
            raise ManifestError(_("het manifest heeft een ongeldige controlesom (geen 64 tekens 0-9, a-f)"))
        if not 0 < data["size"] <= MAX_DATABASE_BYTES:
            raise ManifestError(_(
                "het manifest noemt een onmogelijke grootte ({size} bytes)"
            ).format(size=data['size']))
        if not 0 < data["schema_version"] < 2**31:
            raise ManifestError(_(
                "het manifest noemt een ongeldige schemaversie ({schema_version})"
            ).format(schema_version=data['schema_version']))
        checked = data.get("content_check")
        if checked is not None and (not isinstance(checked, str) or not _CHECK_TOKEN.fullmatch(checked)):
            raise ManifestError(_("het veld '{name}' in het manifest is ongeldig").format(name="content_check"))
        for name in ("published_at", "published_by"):
            value = data[name]
            if len(value) > _MAX_TEXT or any(ord(c) < 32 for c in value):
                raise ManifestError(_(
                    "het veld '{name}' in het manifest is te lang of bevat stuurtekens"
                ).format(name=name))
        return cls(**{name: data[name] for name in cls.__dataclass_fields__ if name in data})

    def write(self, share: Path) -> None:
        """Atomically: readers see the old manifest or the new one, never half of one."""
        write_atomic(share / MANIFEST_NAME, json.dumps(asdict(self), indent=2).encode("utf-8"))


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"

"""Which database files (by SHA-256) already passed the full content check, per set of rules.

``report --database FILE`` checks a hand-picked file before a report reads it; at 100x the
bundled data that is ~0.5 s of CPU (a private copy, the value scan and FTS5's re-tokenising
``integrity-check``), against ~0.1 s for hashing the file. The check reads nothing but the file,
so on the same bytes under the same rules (``content_check.CHECK_VERSION``) it gives the same
answer -- the reasoning by which a laptop trusts the ``content_check`` that publish records in
the manifest. A digest is recorded only after the check passed on a private copy whose bytes
the digest names; a file whose bytes differ in any way gets the full check again. A damaged file
is never recorded, so it is refused every time.

Entries are empty files named ``<sha256>.<rules>`` in an owner-only folder of the user's cache
(anyone who can write there can already replace the user's own files); an entry that is not a
regular file of ours counts as absent. Only the newest few are kept.
"""

from __future__ import annotations

import logging
import os
import re
import stat
from pathlib import Path

from velsen_desk.storage.digests import copy_with_digest

_log = logging.getLogger(__name__)

KEEP = 16  # a few files a griffier reports on, not every file ever named

__all__ = ["copy_with_digest", "passed_before"]  # the copy's home is storage/digests.py

_RULES_SAFE = re.compile(r"[^A-Za-z0-9_-]")


def _entry(folder: Path, digest: str, rules: str) -> Path:
    return folder / f"{digest}.{_RULES_SAFE.sub('_', rules)}"


def passed_before(folder: Path, digest: str, rules: str) -> bool:
    """Whether bytes with this digest passed the check under these rules (False when unsure)."""
    try:
        info = _entry(folder, digest, rules).lstat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid()


def remember(folder: Path, digest: str, rules: str) -> None:
    """Record that bytes with this digest passed; a failure to write only costs a later check."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        entry = _entry(folder, digest, rules)
        entry.touch(mode=0o600)
        os.utime(entry)  # newest first when pruning, also for a digest seen before
        entries = sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        _log.info("controle niet vastgelegd in %s: %s", folder, exc)

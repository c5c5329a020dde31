"""A full sync does not repeat the content check publish ran on the very bytes it copies: the
manifest records the check, the SHA-256 proves the bytes, and the laptop still checks that the
copy opens (quick_check), is a Velsen Desk file and has this version's schema and shape. A
manifest without that record (by hand, an older publish, other rules) gets the full check."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from velsen_desk.storage.content_check import CHECK_VERSION
from velsen_desk.storage.database import DatabaseError
from velsen_desk.sync import sync as sync_module
from velsen_desk.sync.manifest import MANIFEST_NAME, Manifest, ManifestError
from velsen_desk.sync.publish import publish
from velsen_desk.sync.sync import SyncError, sync


def _content_checks(monkeypatch) -> list[Path]:  # type: ignore[no-untyped-def]
    """Record every content check sync runs, and refuse the file, as a failing check would."""
    checked: list[Path] = []

    def refuse(path: Path, **_kwargs: object) -> None:
        checked.append(path)
        raise DatabaseError("inhoud geweigerd")

    monkeypatch.setattr(sync_module, "check_content", refuse)
    return checked


def test_publish_records_the_content_check_it_ran(built, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    publish(built, share)
    assert Manifest.read(share).content_check == CHECK_VERSION


def test_a_copy_of_the_checked_bytes_is_not_checked_again(built, tmp_path, monkeypatch):
    share, local = tmp_path / "share", tmp_path / "laptop" / "velsen-desk.sqlite"
    share.mkdir()
    published = publish(built, share).path
    checked = _content_checks(monkeypatch)
    assert sync(share, local).changed
    assert checked == []
    assert local.read_bytes() == published.read_bytes()


@pytest.mark.parametrize("record", [None, "inhoud/0"])
def test_without_a_record_of_these_rules_the_content_is_checked(built, tmp_path, monkeypatch, record):
    share, local = tmp_path / "share", tmp_path / "laptop" / "velsen-desk.sqlite"
    share.mkdir()
    publish(built, share)
    manifest = Manifest.read(share)
    fields = dataclasses.asdict(manifest)
    if record is None:  # as an older publish, or a griffie member by hand, writes it
        del fields["content_check"]
    else:
        fields["content_check"] = record
    (share / MANIFEST_NAME).write_text(json.dumps(fields), encoding="utf-8")
    checked = _content_checks(monkeypatch)
    with pytest.raises(SyncError, match="inhoud geweigerd"):
        sync(share, local)
    assert len(checked) == 1
    assert not local.exists()


def test_a_manifest_without_the_record_still_reads(built, tmp_path):
    share = tmp_path / "share"
    share.mkdir()
    publish(built, share)
    fields = dataclasses.asdict(Manifest.read(share))
    del fields["content_check"]
    assert Manifest.parse(json.dumps(fields).encode()).content_check is None
    for bad in (5, "", "x" * 41, "Inhoud 1"):
        with pytest.raises(ManifestError, match="content_check"):
            Manifest.parse(json.dumps(dict(fields, content_check=bad)).encode())

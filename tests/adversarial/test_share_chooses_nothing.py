"""Adversarial: nothing from the share chooses a path or a size.

Rules: file names are built only from validated tokens; every read from the share is bounded
(by what the manifest promised, or a small fixed limit for the manifest); special files are
refused; each hostile input gets its own Dutch message; a file that passes its hash must still
have the shape this version builds before it replaces anything; a failing local data folder
leaves the last good copy in place.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from velsen_desk.storage.database import SCHEMA_VERSION, DatabaseError, inspect_database
from velsen_desk.storage.shape import shape_problems
from velsen_desk.sync.files import sha256_of
from velsen_desk.sync.manifest import MANIFEST_NAME, Manifest
from velsen_desk.sync.publish import PublishError, publish
from velsen_desk.sync.sync import SyncError, sync, versions_dir

V2 = "b2b2b2b2b2b2b2b2"
HYPO = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _variant(built: Path, target: Path, *sql: str, version: str = V2) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(built.read_bytes())
    with closing(sqlite3.connect(target)) as conn, conn:
        for statement in sql:
            conn.execute(statement)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'data_version'", (version,))
    return target


@pytest.fixture(scope="module")
def built_v2(built, tmp_path_factory) -> Path:
    return _variant(built, tmp_path_factory.mktemp("b2") / "v2.sqlite",
                    "UPDATE actions SET cost_amount = 2000 WHERE number = 7")


@pytest.fixture
def share(tmp_path) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


@pytest.fixture
def synced(built, share, tmp_path) -> Path:
    local = tmp_path / "laptop" / "velsen-desk.sqlite"
    publish(built, share)
    sync(share, local)
    return local


def _tree(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_size for p in root.rglob("*") if p.is_file()}


def _hand_written_manifest(share: Path, db_file: Path, name: str | None = None, **fields) -> Path:
    """A publisher that skipped the checks: the file is put on the share as it is."""
    target = share / (name or f"velsen-desk-{os.urandom(4).hex()}.sqlite")
    if db_file != target:
        target.write_bytes(db_file.read_bytes())
    manifest = {
        "file": target.name, "data_version": inspect_database(target).data_version, "schema_version": SCHEMA_VERSION,
        "size": target.stat().st_size, "sha256": sha256_of(target), "published_at": "2026-01-01T00:00:00+00:00",
        "published_by": "griffie", "format": "velsen-desk-manifest/1",
    } | fields
    (share / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    return target


def _assert_last_good(local: Path, version: str) -> None:
    assert inspect_database(local, check_integrity=True, shape_check=shape_problems).data_version == version
    assert not list(local.parent.glob(f".{local.name}.*"))


# ---- File names come only from tokens -------------------------------------------------------

hostile_versions = st.one_of(
    st.sampled_from(["../../buiten", "../" * 20 + "etc/x", "a/b", "x" * 300, "", "ABCDEF0123456789",
                     "0123456789ab\0", "0123456789ab/..", "\\..\\..\\x", "0123456789a"]),
    st.text(min_size=0, max_size=80).filter(lambda s: not (s and set(s) <= set("0123456789abcdef")
                                                            and 12 <= len(s) <= 64)),
)


@HYPO
@given(version=hostile_versions)
def test_publish_refuses_a_hostile_data_version_before_writing(built, tmp_path_factory, version):
    root = tmp_path_factory.mktemp("pub")
    share = root / "share"
    share.mkdir()
    try:
        db = _variant(built, root / "src" / "db.sqlite", version=version)
    except (sqlite3.Error, ValueError):
        return  # SQLite itself refused the value (e.g. surrogates)
    before = _tree(root)
    with pytest.raises(PublishError, match="gegevensversie"):
        publish(db, share)
    assert _tree(root) == before  # nothing inside the share, nothing outside it


@HYPO
@given(version=hostile_versions)
def test_sync_refuses_a_hostile_manifest_version_and_the_next_sync_works(
    built, built_v2, tmp_path_factory, version
):
    root = tmp_path_factory.mktemp("syn")
    share = root / "share"
    share.mkdir()
    local = root / "laptop" / "velsen-desk.sqlite"
    publish(built, share)
    sync(share, local)
    first = inspect_database(local).data_version
    _hand_written_manifest(share, built_v2, data_version=version)
    outside = _tree(root)
    with pytest.raises(SyncError, match="gegevensversie"):
        sync(share, local)
    assert _tree(root) == outside
    _assert_last_good(local, first)
    publish(built_v2, share)  # the griffie publishes properly: nothing is blocked
    assert sync(share, local).changed
    _assert_last_good(local, V2)


def test_hostile_version_in_origin_does_not_block_sync(synced, built_v2, share):
    origin = synced.parent / "origin.json"
    data = json.loads(origin.read_text(encoding="utf-8"))
    data["data_version"] = "../../" + "x" * 300
    origin.write_text(json.dumps(data), encoding="utf-8")
    publish(built_v2, share)
    result = sync(share, synced)
    assert result.changed and result.previous.parent == versions_dir(synced)
    assert result.previous.name.endswith("-onbekend.sqlite")
    assert {p.parent for p in synced.parent.rglob("*.sqlite")} <= {synced.parent, versions_dir(synced)}


# ---- Every read is bounded; special files are refused ----------------------------------------


def test_published_file_linked_to_dev_zero_is_refused(synced, share, built_v2):
    version = inspect_database(synced).data_version
    link = share / "velsen-desk-zero.sqlite"
    link.symlink_to("/dev/zero")
    _hand_written_manifest(share, built_v2)
    manifest = json.loads((share / MANIFEST_NAME).read_text())
    manifest["file"] = link.name
    (share / MANIFEST_NAME).write_text(json.dumps(manifest))
    with pytest.raises(SyncError, match="geen gewoon bestand"):
        sync(share, synced)
    _assert_last_good(synced, version)


def test_manifest_linked_to_dev_zero_is_refused(synced, share):
    (share / MANIFEST_NAME).unlink()
    (share / MANIFEST_NAME).symlink_to("/dev/zero")
    with pytest.raises(SyncError, match="geen gewoon bestand"):
        sync(share, synced)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("which", ["manifest", "database"])
def test_fifo_on_the_share_is_refused_without_blocking(synced, share, built_v2, which):
    version = inspect_database(synced).data_version
    target = _hand_written_manifest(share, built_v2)
    if which == "manifest":
        (share / MANIFEST_NAME).unlink()
        os.mkfifo(share / MANIFEST_NAME)
    else:
        target.unlink()
        os.mkfifo(target)
    outcome: list[BaseException] = []
    worker = threading.Thread(target=lambda: _capture(outcome, share, synced), daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "sync blocked on a FIFO"
    assert isinstance(outcome[0], SyncError) and "geen gewoon bestand" in str(outcome[0])
    _assert_last_good(synced, version)


def _capture(outcome: list[BaseException], share: Path, local: Path) -> None:
    try:
        sync(share, local)
    except BaseException as exc:  # noqa: BLE001 - handed to the test thread
        outcome.append(exc)


def test_file_larger_than_promised_is_not_read_beyond_the_promise(synced, share, built_v2, monkeypatch):
    version = inspect_database(synced).data_version
    target = _hand_written_manifest(share, built_v2)
    with open(target, "ab") as handle:
        handle.write(b"\0" * 5_000_000)
    read = {"bytes": 0}
    import velsen_desk.sync.files as files

    real_open = files.open_regular

    class Counting:
        def __init__(self, handle, path):
            self.handle, self.path = handle, Path(path)

        def read(self, n=-1):
            data = self.handle.read(n)
            if self.path.suffix == ".sqlite":
                read["bytes"] += len(data)
            return data

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    monkeypatch.setattr(files, "open_regular", lambda path: Counting(real_open(path), path))
    with pytest.raises(SyncError, match="groter dan het manifest belooft"):
        sync(share, synced)
    manifest_size = json.loads((share / MANIFEST_NAME).read_text())["size"]
    assert read["bytes"] <= manifest_size + 1
    _assert_last_good(synced, version)


# ---- The manifest: bounded, typed, each failure its own message ------------------------------


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"{" + b" " * (200 * 1024) + b"}", "groter dan 64 kB"),
        (bytes(range(256)) * 4, "geen tekst"),
        (b"[" * 20_000 + b"]" * 20_000, "te diep genest"),
        (b'{"a": ' * 5_000 + b"1" + b"}" * 5_000, "te diep genest"),
        (b"[1, 2]", "geen JSON-object"),
        (b"{nee", "geen geldige JSON"),
        (b"{}", "ontbreekt"),
    ],
)
def test_hostile_manifest_bytes_get_specific_messages(synced, share, payload, message):
    version = inspect_database(synced).data_version
    (share / MANIFEST_NAME).write_bytes(payload)
    with pytest.raises(SyncError, match=message):
        sync(share, synced)
    _assert_last_good(synced, version)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=6,
)


@HYPO
@given(field=st.sampled_from(list(Manifest.__dataclass_fields__)), value=json_values)
def test_any_value_in_any_manifest_field_is_refused_or_harmless(synced, share, built_v2, field, value):
    version = inspect_database(synced).data_version
    before = _tree(synced.parent)
    _hand_written_manifest(share, built_v2, **{field: value})
    try:
        result = sync(share, synced)
    except SyncError as exc:
        assert "onverwachts" not in str(exc)
        _assert_last_good(synced, version)
        assert _tree(synced.parent) == before
    else:  # only a harmless value (e.g. another published_by text) lets the sync through;
        # content_check only says whether the laptop reruns the content check on bytes whose
        # SHA-256 it verified, and this file is sound either way
        assert field in ("published_at", "published_by", "content_check")
        # Hypothesis runs its examples on one fixture: after an earlier harmless example the
        # laptop already holds V2, and the same data version again is rightly "no change".
        assert result.changed == (version != V2), (version, result)
        _assert_last_good(synced, V2)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("file", "velsen-desk\0.sqlite", "NUL-teken"),
        ("file", "../laptop/velsen-desk.sqlite", "ongeldige bestandsnaam"),
        ("file", "/etc/passwd.sqlite", "ongeldige bestandsnaam"),
        ("size", "123", "geen geheel getal"),
        ("size", True, "geen geheel getal"),
        ("size", 10**15, "onmogelijke grootte"),
        ("sha256", 7, "geen tekst"),
        ("sha256", "Z" * 64, "controlesom"),
        ("schema_version", 1.0, "geen geheel getal"),
        ("published_by", "x" * 10_000, "te lang"),
    ],
)
def test_wrong_manifest_fields_get_specific_messages(synced, share, built_v2, field, value, message):
    _hand_written_manifest(share, built_v2, **{field: value})
    with pytest.raises(SyncError, match=message):
        sync(share, synced)


def test_nul_in_the_share_path_is_a_message(synced):
    with pytest.raises(SyncError, match="NUL-teken"):
        sync(Path("/mnt/share\0/x"), synced)


# ---- A file that passes its hash must still be the right shape ------------------------------


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        (("DROP TABLE fundings",), "'fundings' ontbreekt"),
        (("ALTER TABLE themes RENAME COLUMN name TO naam",), "andere kolommen"),
        (("CREATE VIEW extra AS SELECT 1",), "onverwachte view"),
        (("ALTER TABLE meta ADD COLUMN x TEXT GENERATED ALWAYS AS (upper(value)) VIRTUAL",), "andere kolommen"),
        (("CREATE TRIGGER t AFTER INSERT ON meta BEGIN SELECT 1; END",), "onverwachte trigger"),
        (
            (
                "PRAGMA foreign_keys = OFF",
                "DROP TABLE chapter_themes",
                "CREATE VIEW chapter_themes AS WITH RECURSIVE r(chapter_id, theme_id) AS "
                "(SELECT 'x', 'y' UNION ALL SELECT chapter_id, theme_id FROM r) SELECT * FROM r",
            ),
            "view in plaats van een tabel",
        ),
    ],
)
def test_wrong_shape_never_replaces_the_last_good_copy(synced, share, built, tmp_path, sql, message):
    version = inspect_database(synced).data_version
    bad = _variant(built, tmp_path / "bad" / "bad.sqlite", *sql)
    with pytest.raises(PublishError, match="opbouw"):
        publish(bad, share)  # the griffie's side refuses it
    _hand_written_manifest(share, bad)  # a publisher that skipped the checks
    with pytest.raises(SyncError, match=message):
        sync(share, synced)
    _assert_last_good(synced, version)


def test_expected_shape_comes_from_the_build(built):
    inspect_database(built, shape_check=shape_problems)  # what the build makes passes
    with pytest.raises(DatabaseError):
        inspect_database(Path(__file__), shape_check=shape_problems)


# ---- The local data folder fails -------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "message"),
    [(errno.EROFS, "alleen-lezen"), (errno.EACCES, "alleen-lezen"), (errno.ENOSPC, "schijf is vol")],
)
def test_read_only_or_full_data_folder_is_a_message(synced, share, built_v2, monkeypatch, code, message):
    version = inspect_database(synced).data_version
    publish(built_v2, share)
    import velsen_desk.sync.files as files

    def refuse(path, *args, **kwargs):
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(files, "open", refuse, raising=False)  # the copy into the data folder is refused
    with pytest.raises(SyncError, match=message):
        sync(share, synced)
    monkeypatch.undo()
    _assert_last_good(synced, version)


@pytest.mark.parametrize(
    "payload", [b'{"a":' * 20000 + b"1" + b"}" * 20000, b"\xff" * 100, b" " * 200_000, b'{"origin": {"x": 1}}']
)
def test_damaged_origin_file_never_stops_sync(synced, share, built_v2, payload):
    (synced.parent / "origin.json").write_bytes(payload)
    publish(built_v2, share)
    assert sync(share, synced).changed
    _assert_last_good(synced, V2)

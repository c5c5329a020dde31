"""Follow-up attack: data printed by the command line cannot drive the terminal (ESC, OSC, BEL,
newlines, bidi overrides from the share or a database), a config.json that is a FIFO does not
hang, and the free-space message states the real need."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections import namedtuple
from contextlib import closing

import pytest

from velsen_desk.cli.main import main
from velsen_desk.cli.output import json_text, safe
from velsen_desk.storage.database import SCHEMA_VERSION
from velsen_desk.sync import sync as sync_module
from velsen_desk.sync.config import ConfigError, config_path, read_config
from velsen_desk.sync.files import sha256_of
from velsen_desk.sync.manifest import MANIFEST_NAME
from velsen_desk.sync.publish import publish
from velsen_desk.sync.sync import SyncError, sync

HOSTILE = "Griffie\x1b]0;gehackt\x07\x1b[2J\nNep-regel \u202everkeerd\x9b31m"


def _clean(text: str) -> None:
    for bad in ("\x1b", "\x07", "\u202e", "\x9b", "\nNep-regel"):
        assert bad not in text, repr(text)


def test_safe_shows_controls_as_escapes():
    assert safe(HOSTILE) == "Griffie\\x1b]0;gehackt\\x07\\x1b[2J\\x0aNep-regel \\u202everkeerd\\x9b31m"
    assert safe("regel 1\nregel 2", keep_newlines=True) == "regel 1\nregel 2"
    assert json.loads(json_text({"t": HOSTILE})) == {"t": HOSTILE}
    _clean(json_text({"t": HOSTILE}))


def test_sync_prints_published_by_and_version_escaped(built, tmp_path, isolated_home, capsys):
    share = tmp_path / "share"
    share.mkdir()
    publish(built, share)
    manifest = json.loads((share / MANIFEST_NAME).read_text(encoding="utf-8"))
    # the manifest refuses C0 controls in names; C1 controls and bidi overrides remain to escape
    manifest["published_by"] = "Griffie \u202everkeerd\x9b31m"
    (share / MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["sync", "--share", str(share)]) == 0
    out = capsys.readouterr()
    assert "Griffie \\u202everkeerd\\x9b31m" in out.out
    _clean(out.out + out.err)


def test_search_prints_hits_escaped(built, tmp_path, capsys):
    db = tmp_path / "db.sqlite"
    db.write_bytes(built.read_bytes())
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("INSERT INTO search_fts (kind, ref_id, programme_id, title, body, quote) "
                     "VALUES ('theme', ?, 'velsen-2022', ?, ?, '')", ("x\x1b[2J", HOSTILE, "velsenboem " + HOSTILE))
    for args in (["search", "velsenboem", "--database", str(db)],
                 ["search", "velsenboem", "--database", str(db), "--json"]):
        assert main(args) == 0
        out = capsys.readouterr()
        assert "velsenboem" in out.out.lower()
        _clean(out.out + out.err)


def test_diff_prints_labels_escaped(built, tmp_path, capsys):
    new = tmp_path / "new.sqlite"
    new.write_bytes(built.read_bytes())
    with closing(sqlite3.connect(new)) as conn, conn:
        conn.execute("UPDATE themes SET name = ? WHERE rowid = 1", (HOSTILE,))
    assert main(["diff", str(built), str(new)]) == 0
    out = capsys.readouterr()
    assert "Griffie" in out.out
    _clean(out.out + out.err)


def test_config_that_is_a_fifo_is_refused_without_hanging(isolated_home):
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    outcome: list[BaseException | dict[str, str]] = []

    def read() -> None:
        try:
            outcome.append(read_config())
        except ConfigError as exc:
            outcome.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock the reader so the test run can end
        with open(path, "wb"):
            pass
        pytest.fail("reading a FIFO config.json blocked")
    assert isinstance(outcome[0], ConfigError)
    assert "geen gewoon bestand" in str(outcome[0])


def test_free_space_message_rounds_the_need_up(built, tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    target = share / "velsen-desk-a.sqlite"
    target.write_bytes(built.read_bytes()[:850_000].ljust(850_000, b"\0"))
    (share / MANIFEST_NAME).write_text(json.dumps({
        "file": target.name, "data_version": "a1a1a1a1a1a1a1a1", "schema_version": SCHEMA_VERSION, "size": 850_000,
        "sha256": sha256_of(target), "published_at": "2026-01-01T00:00:00+00:00", "published_by": "griffie",
        "format": "velsen-desk-manifest/1"}), encoding="utf-8")
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(sync_module.shutil, "disk_usage", lambda path: usage(10**9, 10**9, 1_350_000))
    with pytest.raises(SyncError, match=r"\(1,7 MB nodig, 1,3 MB vrij\)"):
        sync(share, tmp_path / "laptop" / "velsen-desk.sqlite")

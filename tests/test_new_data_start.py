"""The first start on new data (a file a sync just renamed into place) does what a usual start
does and no more: the file was checked in full (hash, integrity, shape, content) before the
rename, so opening it reads only its header and meta. Checking it again at start would import
SQLAlchemy (the expected shape) and pydantic (the text limits) before the first paint."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from velsen_desk.storage.local_copy import ensure_local_database, read_origin, write_origin


def _put_new_data_in_place(local: Path) -> None:
    """As a sync does: a copy with a new data version, renamed over the local one."""
    fresh = local.with_name("incoming.sqlite")
    fresh.write_bytes(local.read_bytes())
    conn = sqlite3.connect(fresh)
    with conn:
        conn.execute("UPDATE meta SET value = 'nieuw-0001' WHERE key = 'data_version'")
    conn.close()
    os.replace(fresh, local)


@pytest.mark.parametrize("origin", ["ingebouwd", "/mnt/griffie"])
def test_a_start_on_new_data_opens_it_as_it_is_without_checking_it_again(isolated_home, origin):
    local = ensure_local_database()  # the first start ever builds it
    if origin != "ingebouwd":
        write_origin(local.info.path, {"origin": origin})
    before_origin = read_origin(local.info.path)
    _put_new_data_in_place(local.info.path)
    new_bytes = local.info.path.read_bytes()

    code = (
        "import sys\n"
        "from velsen_desk.storage.local_copy import ensure_local_database\n"
        "from velsen_desk.storage.database import ReadOnlyDatabase\n"
        "from velsen_desk.storage.reader import load_catalog, load_programme\n"
        "local = ensure_local_database()\n"
        "db = ReadOnlyDatabase(local.info.path)\n"
        "catalog = load_catalog(db)\n"
        "load_programme(db, catalog.programmes[0])\n"
        "print(local.origin, catalog.summary.data_version)\n"
        "print(sorted(m for m in ('sqlalchemy', 'pydantic', 'ruamel', 'velsen_desk.curation',\n"
        "                         'velsen_desk.storage.shape', 'velsen_desk.storage.content_check')\n"
        "             if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    shown, imported = result.stdout.strip().splitlines()[-2:]
    assert shown == f"{origin} nieuw-0001"  # the new data, not a rebuild of the bundled data
    assert imported == "[]"
    assert local.info.path.read_bytes() == new_bytes  # opened, not rebuilt or rewritten
    assert read_origin(local.info.path) == before_origin

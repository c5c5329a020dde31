"""The laptop's everyday commands load neither pydantic nor SQLAlchemy (issue 17).

Each command runs in a fresh interpreter (``sys.modules`` of this test process holds everything
the other tests loaded); the child prints which heavy packages it ended up importing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

_PROBE = """
import sys
from velsen_desk.cli.main import main
status = main(sys.argv[1:])
heavy = sorted(m for m in ("pydantic", "sqlalchemy") if m in sys.modules)
print("STATUS", status, "HEAVY", ",".join(heavy) or "-")
"""


def _run(*args: str) -> tuple[int, str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=300)
    last = done.stdout.strip().splitlines()[-1]
    _, status, _, heavy = last.split()
    return int(status), heavy


@pytest.fixture
def database(built_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "v.sqlite"
    shutil.copyfile(built_db, copy)
    return copy


def test_publish_sync_status_and_report_import_no_pydantic_or_sqlalchemy(database, tmp_path, isolated_home):
    share = tmp_path / "share"
    share.mkdir()
    assert _run("publish", str(database), "--share", str(share)) == (0, "-")
    assert _run("sync", "--share", str(share)) == (0, "-")
    assert _run("status") == (0, "-")
    assert _run("report", "budget", "--database", str(database), "-o", str(tmp_path / "b.pdf")) == (0, "-")


def test_a_failing_command_words_its_error_without_pydantic(tmp_path, isolated_home):
    # The error path (cli/errors.run_handler catching DataError) is where pydantic came from.
    assert _run("sync", "--share", str(tmp_path / "nowhere")) == (1, "-")

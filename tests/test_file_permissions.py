"""Files Velsen Desk writes for others follow the folder's usual permissions (the umask); only the
notes and their recovery file are owner-only. A manifest written 0600 on a share would be
unreadable for the laptops that run under other accounts."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from velsen_desk.cli.main import main
from velsen_desk.storage.atomic import write_atomic


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_atomic_write_follows_the_umask_and_private_is_owner_only(tmp_path, umask_022):
    write_atomic(tmp_path / "shared.json", b"{}")
    write_atomic(tmp_path / "mine.json", b"{}", private=True)
    assert _mode(tmp_path / "shared.json") == 0o644
    assert _mode(tmp_path / "mine.json") == 0o600
    os.umask(0o027)  # a group-shared folder policy is honoured too
    write_atomic(tmp_path / "group.json", b"{}")
    assert _mode(tmp_path / "group.json") == 0o640


def test_publish_and_a_cli_report_are_readable_by_other_accounts(built_db, tmp_path, isolated_home, umask_022):
    share = tmp_path / "share"
    share.mkdir()
    assert main(["publish", str(built_db), "--share", str(share)]) == 0
    for path in share.iterdir():
        assert _mode(path) == 0o644, path.name
    pdf = tmp_path / "themas.pdf"
    assert main(["report", "themes", "-o", str(pdf), "--database", str(built_db)]) == 0
    assert _mode(pdf) == 0o644

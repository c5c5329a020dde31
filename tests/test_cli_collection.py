"""A command runs with fewer garbage collections (issue 17: ~25 % of a large validate, build-db or
report went into traversing the records it keeps alive), and the thresholds are restored after."""

from __future__ import annotations

import argparse
import gc

import pytest

from velsen_desk.cli import commands
from velsen_desk.cli.collection import COMMAND_THRESHOLDS
from velsen_desk.cli.main import main


@pytest.mark.parametrize("fails", [False, True])
def test_a_command_runs_with_the_command_thresholds_and_restores_them(monkeypatch, fails):
    seen: list[tuple[int, ...]] = []

    def handler(args: argparse.Namespace) -> int:
        seen.append(gc.get_threshold())
        if fails:
            raise RuntimeError("a bug")
        return 0

    monkeypatch.setitem(commands.COMMANDS, "status", commands.Command(handler))
    before = gc.get_threshold()
    assert COMMAND_THRESHOLDS != before
    assert main(["status"]) == (3 if fails else 0)
    assert seen == [COMMAND_THRESHOLDS]
    assert gc.get_threshold() == before


def test_a_report_collects_rarely(built_db, tmp_path):
    runs: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)  # the interpreter's own list: replacing the attribute is not seen
    try:
        assert main(["report", "budget", "-o", str(tmp_path / "b.pdf"), "--database", str(built_db)]) == 0
    finally:
        gc.callbacks.remove(count)
    # the bundled budget report allocates a few hundred thousand containers: with the default
    # thresholds that is hundreds of collections
    assert len(runs) < 40

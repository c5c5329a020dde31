"""'Wat is er veranderd' shows which words changed: the word diff, the command line's diff."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from velsen_desk.core.word_diff import Piece, around_first_change, mostly_shared, side, word_diff

OLD_8 = ("Planning in overleg met B&O. Verwachting start Q2-2025 (na afronding traject sluipverkeer "
         "Grote Hout- of Koningsweg).")
NEW_8 = ("Planning in overleg met B&O. Verwachting start Q4-2025 (na afronding traject sluipverkeer "
         "Grote Hout- of Koningsweg).")


def test_the_changed_word_is_the_only_piece_that_differs():
    pieces = word_diff("Planning in overleg met De Plataan", "Planning in overleg met de school")
    assert [p for p in pieces if p.kind != "same"] == [Piece("removed", "De Plataan"), Piece("added", "de school")]


@given(st.text(max_size=60), st.text(max_size=60))
def test_each_side_joins_up_to_its_own_text(old, new):
    pieces = word_diff(old, new)
    assert "".join(p.text for p in side(pieces, "old")) == old
    assert "".join(p.text for p in side(pieces, "new")) == new


def test_a_long_shared_start_is_cut_so_a_narrow_cell_starts_near_the_change():
    pieces = side(word_diff(OLD_8, NEW_8), "new")
    cut = around_first_change(pieces)
    assert cut[0].text == "… Verwachting start " and cut[1] == Piece("added", "Q4-2025")
    assert around_first_change(side(word_diff("Start in Q1", "Start in Q2"), "new"))[0].text == "Start in "


def test_texts_that_share_only_a_word_are_not_marked():
    assert not mostly_shared(word_diff("Start schooljaar 2024-2025", "Planning in overleg met De Plataan"))
    assert mostly_shared(word_diff(OLD_8, NEW_8))


@pytest.fixture(scope="module")
def built_v3(built, tmp_path_factory) -> Path:
    """Action 8's planning moved a quarter; only one word of a long text differs."""
    path = tmp_path_factory.mktemp("v3") / "v3.sqlite"
    path.write_bytes(built.read_bytes())
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT planning_text FROM actions WHERE number = 8").fetchone()[0] == OLD_8
        conn.execute("UPDATE actions SET planning_text = ? WHERE number = 8", (NEW_8,))
    conn.close()
    return path


def test_cli_diff_marks_the_changed_words_when_piped(built, built_v3, capsys):
    from velsen_desk.cli.main import main

    assert main(["diff", str(built), str(built_v3)]) == 0
    out = capsys.readouterr().out
    assert "Actie 8: Snelheid remmende maatregelen" in out or "actie Actie 8" in out
    assert "[-Q2-2025-]{+Q4-2025+}" in out
    assert out.count("Koningsweg") == 1  # the long text once, not old and new in full
    assert "\x1b[" not in out  # no escape codes into a pipe


def test_cli_diff_uses_terminal_attributes_on_a_terminal(built, built_v3):
    from velsen_desk.cli.changes import change_lines
    from velsen_desk.cli.styling import styling_for
    from velsen_desk.sync.diff import diff_databases

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    [change] = [c for c in diff_databases(built, built_v3) if c.field == "planning"]
    lines = change_lines(change, styling_for(Terminal()))
    assert "\x1b[9;31mQ2-2025\x1b[0m" in lines[1] and "\x1b[4;32mQ4-2025\x1b[0m" in lines[1]


def test_changes_dialog_marks_the_words_and_shows_both_texts_in_full(qtbot, built, built_v3):
    from velsen_desk.sync.changes import compute_changes
    from velsen_desk.ui.sync.changes import ChangesDialog
    from velsen_desk.ui.sync.word_diff_view import PIECES_ROLE, WordDiffDelegate

    dialog = ChangesDialog()
    qtbot.addWidget(dialog)
    dialog.show_report(compute_changes(built_v3, built))
    assert dialog.summary.text() == "1 wijziging ten opzichte van de vorige versie."  # the Dutch singular
    model = dialog.model
    row = model.index(0, 0, model.index(0, 0))
    assert model.change_at(row).field == "planning"
    old_cell = model.data(row.siblingAtColumn(2), PIECES_ROLE)
    new_cell = model.data(row.siblingAtColumn(3), PIECES_ROLE)
    # The cells start near the change, so "Planning in overleg me…" no longer hides it.
    assert old_cell[0].text.startswith("… ") and Piece("removed", "Q2-2025") in old_cell
    assert new_cell[0].text.startswith("… ") and Piece("added", "Q4-2025") in new_cell
    assert isinstance(dialog.tree.itemDelegate(), WordDiffDelegate)
    dialog.tree.setCurrentIndex(row)
    shown = dialog.detail.toPlainText()
    assert OLD_8 in shown and NEW_8 in shown  # the detail view: both in full
    assert "line-through" in dialog.detail.toHtml() and "underline" in dialog.detail.toHtml()


def test_values_without_a_shared_word_stay_plain_cells(qtbot, built):
    from velsen_desk.sync.diff import Change
    from velsen_desk.ui.sync.changes import ChangesModel
    from velsen_desk.ui.sync.word_diff_view import PIECES_ROLE

    model = ChangesModel()
    change = Change("thema", "t", "11. Mobiliteit", "gewijzigd", "regie", "Bram Diepstraten", "Sander Smeets")
    model.set_changes([change])
    row = model.index(0, 0, model.index(0, 0))
    assert model.data(row.siblingAtColumn(2), PIECES_ROLE) is None  # nothing in common to mark against
    assert model.data(row.siblingAtColumn(3)) == "Sander Smeets"

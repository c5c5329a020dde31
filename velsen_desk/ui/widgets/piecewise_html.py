"""Rich text set over several event-loop turns: a pane with long lists shows its first part at
once and gets the rest of its list items in later turns, ending as the same document that one
``setHtml`` of the whole text makes.

One ``setHtml`` is one call into Qt's HTML parser and layout, which cannot be split: the Tijdlijn's
side pane at 2,000 actions (hundreds of actions with an unknown planning, ~120,000 characters)
took 25–40 ms of one turn. Here the text is given as pieces: block-level HTML (headings,
paragraphs) and :class:`Bullets`, whose items are added a number per turn at the document's end.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import QTextEdit

from velsen_desk.ui.widgets.after_paint import after_paints

ITEMS_PER_TURN = 60  # list items added per turn: ~0.1–0.2 ms each with their layout (one setHtml: ~0.05 ms)
# Qt lays out a whole list again each time items join it (QTextList marks all its blocks
# changed), so a turn costs more the longer the list already is (a list of 450 items: ~20 ms in
# its last turns; of 2,000: ~70 ms). At most this many turns, however long the lists: the total
# stays a bounded multiple of one setHtml.
MAX_TURNS = 12


@dataclass(frozen=True)
class Bullets:
    """A bulleted list (``<ul>``); each item is the inline HTML inside its ``<li>``."""

    items: tuple[str, ...]

    def html(self) -> str:
        return "<ul>" + "".join(f"<li>{item}</li>" for item in self.items) + "</ul>"


Piece = str | Bullets
"""Block-level HTML (a heading, a paragraph, a whole short list) or a list to spread."""


@dataclass(frozen=True)
class _More:
    """Items that continue the list the document ends with."""

    items: tuple[str, ...]


Step = list[str | _More]  # one turn's work: block-level HTML to append, or items to add to the last list


def whole_html(style: str, pieces: Sequence[Piece]) -> str:
    """The text in one string, as one ``setHtml`` would take it."""
    return style + "".join(p if isinstance(p, str) else p.html() for p in pieces)


def plan_steps(pieces: Sequence[Piece], per_step: int) -> list[Step]:
    """The pieces cut into turns of at most ``per_step`` list items. A turn ends only inside or
    after a list, so a later turn starts with list items or with the block after a list."""
    if per_step < 1:
        raise ValueError("per_step must be at least 1")
    for before, piece in zip((None, *pieces), pieces, strict=False):
        if isinstance(piece, Bullets) and not isinstance(before, str):
            raise ValueError("a list must follow block-level HTML (its heading)")
    steps: list[Step] = []
    step: Step = []
    budget = per_step

    def add_html(html: str) -> None:
        if step and isinstance(step[-1], str):
            step[-1] += html
        else:
            step.append(html)

    for piece in pieces:
        if isinstance(piece, str):
            add_html(piece)
            continue
        if not piece.items:
            add_html(piece.html())
            continue
        done = 0
        while done < len(piece.items):
            take = piece.items[done:done + budget]
            if done == 0:
                add_html(Bullets(take).html())
            else:
                step.append(_More(take))
            done += len(take)
            budget -= len(take)
            if budget == 0:
                steps.append(step)
                step, budget = [], per_step
    if step or not steps:
        steps.append(step)
    return steps


class PiecewiseFill:
    """Sets a text edit's document from pieces, the first turn's part now and the rest in later
    turns (after the paints queued). A newer :meth:`set` or :meth:`cancel` stops a fill in
    progress; :meth:`finish` adds what is left at once. While ``wait`` says so (other work of
    the window spread over turns, such as a chart's rows), the rest waits, so the two do not
    share turns."""

    def __init__(self, edit: QTextEdit, per_turn: int = ITEMS_PER_TURN,
                 wait: Callable[[], bool] | None = None) -> None:
        self._edit = edit
        self._per_turn = per_turn
        self._wait = wait
        self._generation = 0
        self._style = ""
        self._left: Iterator[Step] = iter(())
        self._pending = False

    @property
    def pending(self) -> bool:
        """Whether list items are still to come."""
        return self._pending

    def set(self, style: str, pieces: Sequence[Piece]) -> None:
        """Show ``pieces``; ``style`` (a ``<style>`` element) applies to every part."""
        self._generation += 1
        items = sum(len(p.items) for p in pieces if isinstance(p, Bullets))
        steps = iter(plan_steps(pieces, max(self._per_turn, math.ceil(items / MAX_TURNS))))
        first = next(steps)
        self._edit.setHtml(style + "".join(s for s in first if isinstance(s, str)))  # a first step holds no _More
        # The pane is read-only: adding the rest must not keep undo steps of it.
        self._edit.document().setUndoRedoEnabled(False)
        self._style, self._left, self._pending = style, steps, True
        self._post(self._generation)

    def cancel(self) -> None:
        """Stop adding the rest of the current fill (a newer text is coming)."""
        self._generation += 1
        self._pending = False
        self._left = iter(())

    def finish(self) -> None:
        """Add everything still to come now."""
        while self._pending:
            self._step(self._generation, even_if_waiting=True)

    def _post(self, generation: int) -> None:
        after_paints(self._edit, lambda: self._step(generation))

    def _step(self, generation: int, even_if_waiting: bool = False) -> None:
        if generation != self._generation or not self._pending:
            return
        if not even_if_waiting and self._wait is not None and self._wait():
            self._post(generation)
            return
        step = next(self._left, None)
        if step is None:
            self._pending = False
            return
        cursor = QTextCursor(self._edit.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.beginEditBlock()  # laid out once per turn, not once per item
        for part in step:
            if isinstance(part, _More):
                _append_items(cursor, self._style, part.items)
            else:
                _append_blocks(cursor, self._style, part)
        cursor.endEditBlock()
        self._post(generation)


def _parsed(html: str) -> QTextDocument:
    part = QTextDocument()
    part.setHtml(html)
    return part


def _append_blocks(cursor: QTextCursor, style: str, html: str) -> None:
    """Append block-level HTML after the document's last block. A fragment's first block would
    merge into the block at the cursor (and take its format): it gets a block of its own, with
    the format the parser gave it."""
    part = _parsed(style + html)
    first = part.begin()
    cursor.insertBlock(first.blockFormat(), first.charFormat())
    cursor.insertFragment(QTextDocumentFragment(part))


def _append_items(cursor: QTextCursor, style: str, items: tuple[str, ...]) -> None:
    """Add items to the list the document ends with. The parser gives a list's margins to its
    first item's top and its last item's bottom: the old last item loses the bottom margin to
    the new last one."""
    last = cursor.blockFormat()
    tail = last.bottomMargin()
    last.setBottomMargin(0)
    cursor.setBlockFormat(last)
    middle = QTextBlockFormat(last)  # the same list, no list margins
    middle.setTopMargin(0)
    part = _parsed(style + Bullets(items).html())
    block = part.begin()
    while block.isValid():
        cursor.insertBlock(middle, block.charFormat())
        # The text with the parser's formats: a fragment of a list item would bring its list.
        pieces = block.begin()
        while not pieces.atEnd():
            piece = pieces.fragment()
            cursor.insertText(piece.text(), piece.charFormat())
            pieces += 1
        block = block.next()
    end = cursor.blockFormat()
    end.setBottomMargin(tail)
    cursor.setBlockFormat(end)

"""Emphasis on the terminal: bold and the changed words of a diff.

On a terminal the marks are ANSI attributes (bold; removed words struck through in red, added
words underlined in green); piped into a file or another program there are no escape codes:
search hits carry no marks at all, and a diff uses ``[-removed-]{+added+}``, the notation of
``git diff --word-diff=plain``, so the change stays readable in a mail or a log. ``NO_COLOR``
(no-color.org) and ``TERM=dumb`` turn the escape codes off on a terminal too.

Text from data is made safe (:func:`velsen_desk.cli.output.safe`) before any mark is added, so
only our own escape codes reach the terminal.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TextIO

from velsen_desk.cli.output import safe
from velsen_desk.core.word_diff import Piece

_RESET = "\x1b[0m"
# Placeholders for highlighted words that survive safe(): Unicode noncharacters, never in our data.
MARK_START, MARK_END = "\ufdd0", "\ufdd1"


@dataclass(frozen=True)
class Styling:
    terminal: bool

    def bold(self, text: str) -> str:
        return f"\x1b[1m{text}{_RESET}" if self.terminal and text else text

    def marked(self, text: str) -> str:
        """``text`` (made safe, with MARK_START/MARK_END around highlighted words) in bold on a
        terminal, without marks elsewhere."""
        start, end = ("\x1b[1m", _RESET) if self.terminal else ("", "")
        return safe(text).replace(MARK_START, start).replace(MARK_END, end)

    def pieces(self, pieces: tuple[Piece, ...]) -> str:
        """A word diff as one line (each piece's text made safe)."""
        out: list[str] = []
        for piece in pieces:
            text = safe(piece.text)
            if piece.kind == "same":
                out.append(text)
            elif self.terminal:
                code = "9;31" if piece.kind == "removed" else "4;32"
                out.append(f"\x1b[{code}m{text}{_RESET}")
            else:
                out.append(f"[-{text}-]" if piece.kind == "removed" else f"{{+{text}+}}")
        return "".join(out)


def styling_for(stream: TextIO) -> Styling:
    """Escape codes only for a terminal that takes them."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        tty = False
    wanted = "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
    return Styling(tty and wanted)

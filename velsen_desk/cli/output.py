"""Text from data, made safe to print on a terminal.

Names, labels, versions and snippets come from the share or a database; printed raw, an ESC,
OSC or BEL sequence in them would drive the user's terminal (recolour, retitle, hide lines,
write to the clipboard) and a newline would fake lines of output. Every print of data in the
command line goes through :func:`safe`, which shows such characters as visible escapes.
"""

from __future__ import annotations

import re

# C0 controls (tab included), DEL, C1 controls, and the bidirectional overrides and isolates
# that reorder what is shown (U+061C, U+200E/F, U+202A-E, U+2066-9).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NOT_ESCAPED_BY_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_KEEP_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(value: object, *, keep_newlines: bool = False) -> str:
    """``str(value)`` with every control and bidirectional-override character shown as an
    escape such as ``\\x1b``; with ``keep_newlines``, line feeds stay (our own multi-line messages)."""
    pattern = _UNSAFE_KEEP_NEWLINE if keep_newlines else _UNSAFE
    return pattern.sub(_escape, str(value))



def json_text(value: object) -> str:
    """``value`` as indented JSON (non-ASCII letters kept readable) in which DEL, C1 controls and
    bidirectional overrides are ``\\uXXXX`` escapes too: the same data for a program, nothing
    for a terminal to act on (``json.dumps`` escapes only C0)."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _NOT_ESCAPED_BY_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

"""``core.text.squash`` keeps its definition: every whitespace character (what the regular
expression ``\\s`` matches) removed and curly quote marks made straight, for short (remembered)
and long texts alike, now that it is built from str.replace and str.split."""

from __future__ import annotations

import re
import sys

from velsen_desk.core.text import _REMEMBERED_LENGTH, squash

_WHITESPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"'})


def _definition(text: str) -> str:
    return _WHITESPACE.sub("", text.translate(_QUOTES))


def _every_character() -> str:
    return "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)


def test_every_character_squashes_as_the_definition_says() -> None:
    everything = _every_character()
    assert len(everything) > _REMEMBERED_LENGTH  # the long path
    assert squash(everything) == _definition(everything)
    for start in range(0, 0x3100, 1_000):  # the short, remembered path over the spaces and marks
        part = everything[start:start + 1_000]
        assert squash(part) == _definition(part)


def test_quote_marks_and_spaces() -> None:
    assert squash("„Het  ‘plan’\u00a0“is”\tklaar\u2003\n’") == "\"Het'plan'\"is\"klaar'"
    long_text = "‘a’ b\u3000c\u2028" * (_REMEMBERED_LENGTH // 4)
    assert squash(long_text) == "'a'bc" * (_REMEMBERED_LENGTH // 4)

"""The quote index answers exactly what ``needle in text`` answers, for long and short texts."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from velsen_desk.curation import quote_index
from velsen_desk.curation.quote_index import GRAM, MIN_INDEXED_TEXT, STEP, QuoteIndex


def _long_text(seed: int) -> str:
    rng = random.Random(seed)
    words = ["Synthetica-000", "woningen", "€25.000", "Q2-2024", "n.v.t.", "buurt", "aanpak", "de", "het"]
    return "".join(rng.choice(words) for _ in range(MIN_INDEXED_TEXT // 4))


def test_long_text_is_indexed_and_finds_every_slice_at_any_offset():
    text = _long_text(1)
    index = QuoteIndex(text)
    assert index._at is not None  # the indexed path, not 'in'
    rng = random.Random(2)
    for _ in range(2_000):
        start = rng.randrange(len(text) - 400)
        needle = text[start:start + rng.randrange(GRAM + STEP - 1, 400)]
        assert needle in index
    assert text[-(GRAM + STEP + 3):] in index  # the very end, past the last indexed position
    assert text[: GRAM + STEP - 1] in index


def test_long_text_refuses_what_it_does_not_hold():
    text = _long_text(3)
    index = QuoteIndex(text)
    assert "Synthetica-000 woningen die er niet staan" not in index
    assert text[100:160] + "€€" not in index  # '€€' never occurs in the text


def _small_indexed() -> tuple[str, QuoteIndex]:
    text = "".join(random.Random(4).choice("aab") for _ in range(12_000))
    old = quote_index.MIN_INDEXED_TEXT
    quote_index.MIN_INDEXED_TEXT = 0  # index a short text too, so that hypothesis can search it
    try:
        return text, QuoteIndex(text)
    finally:
        quote_index.MIN_INDEXED_TEXT = old


SMALL_TEXT, SMALL_INDEX = _small_indexed()


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 12_000), st.integers(1, 120), st.text(alphabet="ab", max_size=40))
def test_index_agrees_with_in(start, length, noise):
    assert SMALL_INDEX._at is not None
    for needle in (SMALL_TEXT[start:start + length], SMALL_TEXT[start:start + length] + noise, noise):
        assert (needle in SMALL_INDEX) == (needle in SMALL_TEXT)

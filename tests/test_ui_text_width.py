"""The widest of many texts, measured without laying out each one (the Begroting's columns)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from velsen_desk.ui.widgets.text_width import MEASURED, widest_advance


class CountingMetrics:
    def __init__(self, metrics: QFontMetrics) -> None:
        self.metrics = metrics
        self.asked: list[str] = []

    def horizontalAdvance(self, text: str) -> int:  # noqa: N802 - Qt's name
        self.asked.append(text)
        return self.metrics.horizontalAdvance(text)


def texts() -> list[str]:
    words = ["€ 1.050.000", "+ 1 post n.n.b.", "n.v.t.", "Wijkaanpak Velsen-Noord", "WWW", "iiii"]
    return [str(n) for n in range(1, 2001)] + [f"€ {n * 1000:,}".replace(",", ".") for n in range(0, 2000, 7)] + words


def test_the_widest_matches_measuring_every_text_within_two_pixels(qapp):
    bold = QFont(qapp.font())
    bold.setBold(True)
    for font in (qapp.font(), bold):
        metrics = QFontMetrics(font)
        exact = max(metrics.horizontalAdvance(t) for t in texts())
        assert exact <= widest_advance(metrics, texts()) <= exact + 2


def test_only_the_widest_few_and_each_character_are_measured(qapp):
    counting = CountingMetrics(QFontMetrics(qapp.font()))
    widest_advance(counting, texts())  # type: ignore[arg-type]  # duck-typed: counts the calls
    characters = {c for t in texts() for c in t}
    assert len(counting.asked) <= len(characters) + MEASURED  # not one per text (~2,300)


def test_no_texts_are_zero_wide(qapp):
    assert widest_advance(QFontMetrics(qapp.font()), []) == 0

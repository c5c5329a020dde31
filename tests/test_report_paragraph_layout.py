"""Report paragraphs break their lines once per width (reports/styles.LaidOutOnce): a Table
wraps every cell to measure, to draw, and again after each page break; the layout is the same."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from velsen_desk.reports.styles import LaidOutOnce, Styles

TEXT = "Herinrichting van het buurthuis en de speelplaats aan de Lange Nieuwstraat " * 6


def _lines(paragraph: Paragraph) -> list[object]:
    return [getattr(line, "words", line) for line in paragraph.blPara.lines]


def test_a_second_wrap_at_the_same_width_breaks_no_lines_again(monkeypatch):
    calls: list[list[float]] = []
    original = Paragraph.breakLines

    def counted(self, width):  # type: ignore[no-untyped-def]
        calls.append(list(width))
        return original(self, width)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    styles = Styles()
    paragraph = styles.p(TEXT, styles.cell)
    assert isinstance(paragraph, LaidOutOnce)
    first = paragraph.wrap(120, 500)
    assert paragraph.wrap(120, 300) == first
    assert len(calls) == 1


def test_the_layout_is_that_of_a_plain_paragraph_at_every_width():
    styles = Styles()
    ours = styles.p(TEXT, styles.cell)
    for width in (120, 300, 120, 60, 300):
        plain = Paragraph(TEXT, styles.cell)
        assert ours.wrap(width, 800) == plain.wrap(width, 800)
        assert (ours.width, ours.height, ours._wrapWidths) == (plain.width, plain.height, plain._wrapWidths)
        assert _lines(ours) == _lines(plain)


def test_no_room_is_still_no_room():
    styles = Styles()
    paragraph = styles.p(TEXT, styles.cell)
    paragraph.wrap(120, 500)
    assert paragraph.wrap(0, 500) == (0, 0x7FFFFFFF)
    assert paragraph.wrap(0, 500) == (0, 0x7FFFFFFF)
    assert paragraph.wrap(120, 500)[0] == 120


def test_the_parts_of_a_split_paragraph_lay_out_their_own_lines():
    styles = Styles()
    paragraph = styles.p(TEXT, styles.cell)
    _width, height = paragraph.wrap(120, 800)
    first, second = paragraph.split(120, height / 2)
    for part in (first, second):
        assert part.wrap(120, 800)[1] < height
    assert len(_lines(first)) + len(_lines(second)) == len(_lines(paragraph))

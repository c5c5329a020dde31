"""Report paragraphs break their lines once per width (reports/styles.LaidOutOnce): a Table
wraps every cell to measure, to draw, and again after each page break; the layout is the same."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from velsen_desk.reports.styles import LaidOutOnce, Styles, esc

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


def _counting(monkeypatch, cls, name: str) -> list[object]:
    calls: list[object] = []
    original = getattr(cls, name)

    def counted(self, *args):  # type: ignore[no-untyped-def]
        calls.append(args)
        return original(self, *args)

    monkeypatch.setattr(cls, name, counted)
    return calls


def test_equal_paragraphs_parse_their_markup_once(monkeypatch):
    from reportlab.platypus.paraparser import ParaParser

    parsed = _counting(monkeypatch, ParaParser, "parse")
    styles = Styles()
    cells = [styles.p("—", styles.cell_small) for _ in range(3)]
    cells += [styles.markup("<b>Nr</b> 1", styles.cell) for _ in range(2)]
    assert len(parsed) == 2  # "—" and the markup
    styles.p("—", styles.cell)  # the same text in another style is parsed again
    assert len(parsed) == 3
    assert len({id(c) for c in cells}) == 5  # each cell its own paragraph
    assert [c.getPlainText() for c in cells] == ["—", "—", "—", "Nr 1", "Nr 1"]


def test_equal_plain_paragraphs_break_their_lines_once(monkeypatch):
    broken = _counting(monkeypatch, Paragraph, "breakLines")
    styles = Styles()
    first, second = styles.p(TEXT, styles.cell), styles.p(TEXT, styles.cell)
    plain = Paragraph(TEXT, styles.cell)
    assert first.wrap(120, 500) == second.wrap(120, 500) == plain.wrap(120, 500)
    assert len(broken) == 2  # ours once, the plain one once
    assert _lines(second) == _lines(plain) and second.height == plain.height
    assert second.wrap(200, 500) == plain.wrap(200, 500)  # another width: broken anew
    assert len(broken) == 4


def test_a_bullet_is_part_of_the_shared_layout():
    styles = Styles()
    with_bullet, without = styles.p(TEXT, styles.bullet), styles.p(TEXT, styles.bullet)
    with_bullet.bulletText = "•"
    plain_bullet, plain = Paragraph(TEXT, styles.bullet, bulletText="•"), Paragraph(TEXT, styles.bullet)
    assert with_bullet.wrap(150, 500) == plain_bullet.wrap(150, 500)
    assert without.wrap(150, 500) == plain.wrap(150, 500)
    assert _lines(with_bullet) == _lines(plain_bullet) and _lines(without) == _lines(plain)


def test_lines_with_markup_stay_each_paragraphs_own():
    """Splitting lines of several fragments may touch their words: they are never shared."""
    styles = Styles()
    markup = f"<b>Actie 1:</b> {TEXT}"
    first, second = styles.markup(markup, styles.cell), styles.markup(markup, styles.cell)
    first.wrap(120, 500)
    second.wrap(120, 500)
    assert first.blPara.kind == 1 and first.blPara is not second.blPara
    top, rest = first.split(120, 40)
    plain_top, plain_rest = Paragraph(markup, styles.cell).split(120, 40)
    assert top.getPlainText() == plain_top.getPlainText() and rest.getPlainText() == plain_rest.getPlainText()
    assert second.wrap(120, 500) == Paragraph(markup, styles.cell).wrap(120, 500)


def _words(paragraph: Paragraph) -> list[tuple[float, list[str]]]:
    """The processed words a paragraph splits by: width and pieces of text."""
    return [(word[0], [text for _frag, text in word[1:]]) for word in paragraph.frags]


LONG_WORDS = "<b>Trekker:</b> " + " ".join(["Synthetica-000-Stationsbuurt-Havenkwartier"] * 4)


def test_a_wrap_at_a_known_width_puts_back_the_words_of_that_width():
    """A word longer than the column is cut into pieces that depend on the width: going back to
    a width puts back that width's pieces, so a split afterwards cuts the right lines."""
    styles = Styles()
    ours = styles.markup(LONG_WORDS, styles.cell)
    ours.wrap(60, 800)
    ours.wrap(300, 800)
    ours.wrap(60, 800)
    plain = Paragraph(LONG_WORDS, styles.cell)
    plain.wrap(60, 800)
    assert _words(ours) == _words(plain)
    parts = ours.split(60, 30)
    plain_parts = plain.split(60, 30)
    assert [p.getPlainText() for p in parts] == [p.getPlainText() for p in plain_parts]


PLAIN_TEXTS = [
    "—", "n.v.t.", "€\u00a0320.000", "Gemeente Synthetica-000", TEXT,
    "  Twee regels\nmet  dubbele\tspaties en een „aanhaling” ✓ ⚠ ◎ ", "Q4-2026 plaatsen en daarna periodiek evalueren.",
]


def test_plain_text_is_read_as_reportlabs_parser_reads_it(monkeypatch):
    from reportlab.platypus.paraparser import ParaParser

    styles = Styles()
    every_style = [v for v in vars(styles).values() if isinstance(v, type(styles.cell))]
    parsed = _counting(monkeypatch, ParaParser, "parse")
    for style in every_style:
        for text in PLAIN_TEXTS:
            ours, theirs = styles.p(text, style), Paragraph(esc(text), style)
            assert ours.text == theirs.text
            assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags]
            assert ours.wrap(130, 800) == theirs.wrap(130, 800) and _lines(ours) == _lines(theirs)
    # the parser ran for the plain paragraphs in every style once (its model), and for each plain one of ReportLab's
    assert len(parsed) == len(every_style) + len(every_style) * len(PLAIN_TEXTS)


def test_markup_entities_and_empty_text_go_through_the_parser(monkeypatch):
    from reportlab.platypus.paraparser import ParaParser

    styles = Styles()
    parsed = _counting(monkeypatch, ParaParser, "parse")
    for markup in ("<b>Actie 1</b>", "Jansen &amp; Zn", "a &lt; b", "", "   "):
        ours = styles.markup(markup, styles.cell)
        theirs = Paragraph(markup, styles.cell)
        assert [f.__dict__ for f in ours.frags] == [f.__dict__ for f in theirs.frags]
    assert len(parsed) == 2 * 5


def test_plain_paragraphs_do_not_share_their_fragments_lists():
    styles = Styles()
    first, second = styles.p("Eerste tekst", styles.cell), styles.p("Tweede tekst", styles.cell)
    assert first.frags[0].link is not second.frags[0].link
    assert first.frags[0].us_lines is not second.frags[0].us_lines

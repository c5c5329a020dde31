"""Fonts, paragraph styles and table styles for the reports; every piece of text goes out escaped."""

from __future__ import annotations

import threading
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, TableStyle
from reportlab.platypus.paragraph import _FUZZ, cleanBlockQuotedText, textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from velsen_desk.core.paths import fonts_dir

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5b6470")
ACCENT = colors.HexColor("#1f4e79")  # Velsen-ish dark blue
HEADER_BG = colors.HexColor("#dde6f0")
GROUP_BG = colors.HexColor("#eef2f6")
TOTAL_BG = colors.HexColor("#f4f1e6")
RULE = colors.HexColor("#a9b4c0")
WARN = colors.HexColor("#a35200")
OK = colors.HexColor("#2e6b30")

_font_lock = threading.Lock()


class FontError(RuntimeError):
    """The bundled fonts are missing or unreadable."""


def register_fonts() -> None:
    """Register the DejaVu family once; safe to call from any thread, any number of times."""
    with _font_lock:
        if FONT in pdfmetrics.getRegisteredFontNames():
            return
        files = {
            FONT: "DejaVuSans.ttf",
            FONT_BOLD: "DejaVuSans-Bold.ttf",
            FONT_ITALIC: "DejaVuSans-Oblique.ttf",
            FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
        }
        try:
            fonts = [TTFont(name, str(fonts_dir() / file)) for name, file in files.items()]
        except Exception as exc:  # reportlab raises TTFError or OSError
            raise FontError(f"Lettertype ontbreekt of is onleesbaar in {fonts_dir()}: {exc}") from exc
        # the regular face last: the name checked above only exists once the whole family does
        for font in reversed(fonts):
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
        )


def esc(text: object) -> str:
    """Data text made safe for Paragraph markup (``<b>`` prints as ``<b>``)."""
    # never break a line between "€" and its amount (ReportLab keeps U+00A0 together)
    return escape(str(text), {'"': "&quot;"}).replace("€ ", "€\u00a0")


def _style(name: str, **kw) -> ParagraphStyle:
    base = {"fontName": FONT, "bulletFontName": FONT, "fontSize": 9, "leading": 12, "textColor": INK}
    base.update(kw)
    return ParagraphStyle(name, **base)


class Styles:
    """One set of styles per document (styles are plain objects; nothing is shared between runs)."""

    def __init__(self) -> None:
        register_fonts()  # paragraphs parse their markup (and look up bold/italic faces) when created
        self.title = _style("title", fontName=FONT_BOLD, fontSize=22, leading=27, textColor=ACCENT, spaceAfter=6)
        self.subtitle = _style("subtitle", fontSize=12, leading=16, textColor=MUTED, spaceAfter=4)
        self.h1 = _style("h1", fontName=FONT_BOLD, fontSize=15, leading=19, textColor=ACCENT, spaceBefore=4,
                         spaceAfter=6, keepWithNext=1)
        self.h2 = _style("h2", fontName=FONT_BOLD, fontSize=11.5, leading=15, textColor=ACCENT, spaceBefore=10,
                         spaceAfter=4, keepWithNext=1)
        self.h3 = _style("h3", fontName=FONT_BOLD, fontSize=9.5, leading=13, spaceBefore=6, spaceAfter=2,
                         keepWithNext=1)
        self.body = _style("body", spaceAfter=4)
        self.bullet = _style("bullet", leftIndent=12, bulletIndent=2, spaceAfter=2)
        self.target = _style("target", leftIndent=24, bulletIndent=14, fontSize=8.5, leading=11, textColor=OK,
                             spaceAfter=2)
        self.small = _style("small", fontSize=7.5, leading=9.5, textColor=MUTED, spaceAfter=2)
        self.source_style = _style("source", fontName=FONT_ITALIC, fontSize=7, leading=9, textColor=MUTED, spaceAfter=3)
        self.cell = _style("cell", fontSize=8, leading=10)
        self.cell_small = _style("cell_small", fontSize=7, leading=8.8)
        self.cell_bold = _style("cell_bold", fontName=FONT_BOLD, fontSize=8, leading=10)
        self.cell_head = _style("cell_head", fontName=FONT_BOLD, fontSize=8, leading=10, textColor=ACCENT)
        self.cell_num = _style("cell_num", fontSize=8, leading=10, alignment=TA_RIGHT)
        self.cell_num_bold = _style("cell_num_bold", fontName=FONT_BOLD, fontSize=8, leading=10, alignment=TA_RIGHT)
        self.toc = _style("toc", fontSize=10, leading=16)
        self.toc_sub = _style("toc_sub", fontSize=9, leading=14, leftIndent=14, textColor=MUTED)
        self.cover_label = _style("cover_label", fontSize=10, leading=13, textColor=MUTED)
        self.cover_value = _style("cover_value", fontName=FONT_BOLD, fontSize=14, leading=18, spaceAfter=10)
        self._shared: dict[tuple[str, ParagraphStyle], _Shared] = {}
        self._plain_models: dict[ParagraphStyle, ParaFrag] = {}

    def p(self, text: object, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain data text (escaped)."""
        return self._paragraph(esc(text), style or self.body)

    def markup(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of markup the caller built from ``esc()``-ed pieces."""
        return self._paragraph(markup, style or self.body)

    def source(self, document_title: str, quote: str | None = None) -> Paragraph:
        text = f"Bron: {esc(document_title)}"
        if quote:
            text += f" — “{esc(quote)}”"
        return self._paragraph(text, self.source_style)

    def _paragraph(self, markup: str, style: ParagraphStyle) -> LaidOutOnce:
        """A new paragraph; equal ones (markup and style) share their parsed markup and plain lines.

        A report of 2,000 actions holds ~22,000 paragraphs, 60 % of them repeats ("—", "n.v.t.",
        a trekker, an amount); parsing the markup (ReportLab runs an HTML parser per paragraph)
        was a fifth of composing. Each cell still gets its own object: a table draws and splits
        its cells one by one.
        """
        key = (markup, style)
        shared = self._shared.get(key)
        if shared is None:
            shared = self._plain_text(markup, style)
            if shared is None:
                paragraph = LaidOutOnce(markup, style)
                # the fragments as parsed: a wrap replaces ``frags`` on the paragraph, never in this list
                shared = _Shared(paragraph.text, paragraph.frags)
                paragraph._shared = self._shared[key] = shared
                return paragraph
            self._shared[key] = shared
        paragraph = LaidOutOnce(shared.text, style, frags=shared.frags)
        paragraph._shared = shared
        return paragraph

    def _plain_text(self, markup: str, style: ParagraphStyle) -> _Shared | None:
        """Text without tags or entities, as ReportLab's parser reads it, without running it.

        The parser (an HTML parser per paragraph) gives such text one fragment: the style's
        font, size and colour with the text cleaned of line breaks and repeated spaces. That
        fragment is cloned from one the parser made for the style. In a 2,000-action budget report
        5,680 of the 8,253 different texts are such text (the Wat/Uitleg cells, the running
        text); anything else (``<b>``, ``&amp;``, an empty text) goes through the parser. None:
        not plain.
        """
        if "<" in markup or "&" in markup:
            return None
        text = cleanBlockQuotedText(markup)
        if not text:
            return None
        model = self._plain_models.get(style)
        if model is None:
            model = self._plain_models[style] = ParaParser().parse("x", style)[1][0]
        # fresh lists: the parser gives every paragraph its own
        frags = [model.clone(text=text, link=[], us_lines=[])]
        textTransformFrags(frags, style)
        return _Shared(text, frags)


_Layout = tuple[float, list[float], object, float, list[object], float]  # width, widths, lines, height, frags, widest


class _Shared:
    """What the equal paragraphs of one document share: the parsed markup, and the lines of a
    plain one (a single run of text in one font) per width and bullet."""

    __slots__ = ("text", "frags", "plain_lines")

    def __init__(self, text: str, frags: list[object]) -> None:
        self.text, self.frags = text, frags
        self.plain_lines: dict[tuple[float, object], _Layout] = {}


class LaidOutOnce(Paragraph):
    """A paragraph that breaks its lines once per width.

    ReportLab's ``Table`` wraps every cell to measure its row, again to draw it, and the rows
    that go to the next page once more per page: 2.7 line breakings per paragraph at 100x the
    bundled data, a quarter of a report's time. A paragraph's lines depend on nothing but the
    width and the bullet (its text and style do not change once made), so a second wrap at the
    same width puts back what the first one computed. Equal paragraphs made by :class:`Styles`
    also share the lines of plain text (``kind`` 0: lists of words, which ReportLab never changes
    when it draws or splits them); lines with markup (``kind`` 1) stay each paragraph's own,
    as splitting them may touch their words. The parts :meth:`split` makes are new paragraphs,
    with no lines remembered.
    """

    _shared: _Shared | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's names)
        laid_out: dict[float, _Layout] | None = self.__dict__.get("_laid_out")
        if laid_out is None:
            laid_out = self._laid_out = {}
        known = laid_out.get(availWidth)
        shared = self._shared
        key = (availWidth, self.bulletText)
        if known is None and shared is not None:
            known = shared.plain_lines.get(key)
        if known is not None:
            self.width, self._wrapWidths, self.blPara, self.height, self.frags, self._width_max = known
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if availWidth >= _FUZZ:  # below it ReportLab lays out nothing and says "does not fit"
            layout = laid_out[availWidth] = (self.width, self._wrapWidths, self.blPara, self.height, self.frags,
                                             self._width_max)
            if shared is not None and self.blPara.kind == 0:
                shared.plain_lines[key] = layout
        return size


def table_style(*extra: tuple, header_rows: int = 1) -> TableStyle:
    """Base style for every table: our font everywhere (Helvetica never leaks), a light grid."""
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
    ]
    if header_rows:
        commands += [
            ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, 8),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ]
    commands += list(extra)
    return TableStyle(commands)
